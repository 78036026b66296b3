"""The conversation's words and cards, as Bot Framework activities in the current turn."""

from __future__ import annotations

from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from dialogs.cards import CARD_CONTENT_TYPE


def card_activity(card: dict[str, Any], text: str | None = None) -> Activity:
    return Activity(
        type=ActivityTypes.message,
        text=text,
        attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=card)],
    )


def typing() -> Activity:
    return Activity(type=ActivityTypes.typing)


__all__ = ["CARD_CONTENT_TYPE", "card_activity", "typing"]
