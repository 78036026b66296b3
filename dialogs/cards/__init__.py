"""Regrets' Adaptive Cards: JSON templates in `templates/`, filled by the builders in `build`.

Pure code (no botbuilder): each builder returns the card as a dict; the bot wraps it in an
attachment (`CARD_CONTENT_TYPE`) or in an invoke response (`invoke_response`).
"""

from dialogs.cards.build import (
    CARD_CONTENT_TYPE,
    MAX_ROWS,
    RESPONSE_VERBS,
    SCHEMA_VERSION,
    action,
    agenda_card,
    can_answer,
    can_decline,
    cancel_meeting_card,
    choice_card,
    confirm_card,
    consent_card,
    done_word,
    help_card,
    invoke_response,
    notice_card,
    noun,
    outcome_card,
    summary_card,
)
from dialogs.cards.timefmt import clock, day_label, long_day_label, series_text, short_when, time_text, when_text

__all__ = [
    "CARD_CONTENT_TYPE",
    "MAX_ROWS",
    "RESPONSE_VERBS",
    "SCHEMA_VERSION",
    "action",
    "agenda_card",
    "can_answer",
    "can_decline",
    "cancel_meeting_card",
    "choice_card",
    "clock",
    "confirm_card",
    "consent_card",
    "day_label",
    "done_word",
    "help_card",
    "invoke_response",
    "long_day_label",
    "notice_card",
    "noun",
    "outcome_card",
    "series_text",
    "short_when",
    "summary_card",
    "time_text",
    "when_text",
]
