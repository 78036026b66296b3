"""Regrets in the Microsoft 365 Agents Playground, clicked through in headless Chromium.

What a person trying the demo sees: the help answer, declining "my 3pm" with a note
through the confirm card, and picking one of two meetings at the same hour from the
choice card. Each test then checks, in the Graph stand-in, that exactly the decline the
page reported reached Outlook.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from dialogs import texts
from tests.fixtures.browser import browser_missing

pytestmark = pytest.mark.process  # starts the bot, the Playground and Chromium
if reason := browser_missing():
    pytest.skip(reason, allow_module_level=True)  # one line, and `make test` goes on

NOTE = "Sorry, I'm with a customer all afternoon."


def _declines(stack, since: int):
    return stack.graph.decisions[since:]


def test_typing_help_shows_the_help_card_with_the_examples(browser_stack):
    seen = browser_stack.drive(
        "help",
        [
            {"say": "help"},
            {"reply": {"card": True, "text": "What I can do"}},
            {"shot": "help-card", "chat": True},
        ],
    )

    card = seen.card(0)
    for example in texts.HELP_EXAMPLES:
        assert f"“{example}”" in card
    assert "Sign out" in card


def test_declining_my_3pm_with_a_note_sends_exactly_that_decline_to_outlook(browser_stack):
    subject = "Quarterly budget review"
    event_id = browser_stack.event_id(subject, browser_stack.today())
    decisions_before = len(browser_stack.graph.decisions)
    posts_before = len(browser_stack.graph.requests("POST", "/decline"))

    seen = browser_stack.drive(
        "decline-3pm",
        [
            {"say": "decline my 3pm"},
            {"reply": {"card": True, "text": ["Decline this meeting?", subject, "3:00 PM"]}},
            {"shot": "1-confirm-card", "chat": True},
            {"fill": NOTE},
            {"shot": "2-note-typed", "chat": True},
            {"click": "Decline"},
            {"replaced": {"text": f"Declined “{subject}”", "gone": "Decline"}},
            {"shot": "3-declined", "chat": True},
        ],
    )

    assert "Organizer: Nestor Wilke" in seen.card(0)
    assert NOTE in seen.card(1)  # the outcome card, in place of the confirm card: the one confirmation
    assert "Organizer notified" in seen.card(1)
    declines = _declines(browser_stack, decisions_before)
    assert [(d.event_id, d.action, d.comment, d.send_response) for d in declines] == [(event_id, "decline", NOTE, True)]
    assert len(browser_stack.graph.requests("POST", "/decline")) == posts_before + 1
    assert browser_stack.graph.event(browser_stack.user_oid, event_id)["responseStatus"]["response"] == "declined"


def test_two_meetings_at_the_same_hour_offer_a_choice_and_only_the_chosen_one_is_declined(browser_stack):
    day = browser_stack.today() + timedelta(days=1)  # the demo has two 10am meetings tomorrow, any day
    when = "tomorrow"
    chosen = browser_stack.event_id("1:1 with Megan", day)
    other = browser_stack.event_id("Vendor demo", day)
    decisions_before = len(browser_stack.graph.decisions)

    seen = browser_stack.drive(
        "choose-one",
        [
            {"say": f"decline my 10am {when}"},
            {"reply": {"card": True, "text": ["Which meeting should I decline?", "1:1 with Megan", "Vendor demo"]}},
            {"shot": "1-choice-card", "chat": True},
            {"click": "Decline", "row": "1:1 with Megan", "notRow": "Vendor demo"},
            {"replaced": {"text": "Declined “1:1 with Megan”", "gone": "Decline"}},
            {"shot": "2-chosen-declined", "chat": True},
        ],
    )

    assert "Lunch and learn" not in seen.card(0)  # only the meetings at that hour are offered
    assert "Vendor demo" not in seen.card(1)
    declines = _declines(browser_stack, decisions_before)
    assert [(d.event_id, d.action) for d in declines] == [(chosen, "decline")]
    assert browser_stack.graph.event(browser_stack.user_oid, other)["responseStatus"]["response"] == "notResponded"
