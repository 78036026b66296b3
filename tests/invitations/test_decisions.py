"""Which events get an invitation card, and which of the user's meetings the card names as conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dialogs.invitation_card import conflicts_with
from dialogs.invitations import wants_card
from graph.models import Event, Person

ZONE = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZONE)
INVITE = Event(
    id="inv",
    subject="Planning",
    start=NOW + timedelta(days=1),
    end=NOW + timedelta(days=1, hours=1),
    response="notResponded",
    organizer=Person("Bo Chen", "bo@fabrikam.example"),
)


def test_an_unanswered_invitation_from_someone_else_gets_a_card():
    assert wants_card(INVITE, NOW)
    assert wants_card(replace(INVITE, response="none"), NOW)


@pytest.mark.parametrize(
    "change",
    [
        {"response": "accepted"},
        {"response": "declined"},
        {"response": "tentativelyAccepted"},
        {"response": "organizer", "is_organizer": True},
        {"is_cancelled": True},
        {"response_requested": False},
        {"start": NOW - timedelta(hours=2), "end": NOW - timedelta(hours=1)},
    ],
)
def test_answered_own_cancelled_unrequested_and_past_events_get_no_card(change):
    assert not wants_card(replace(INVITE, **change), NOW)


def test_conflicts_are_overlapping_meetings_the_user_has_not_declined_or_left_free():
    start = INVITE.start
    overlapping = replace(INVITE, id="a", start=start - timedelta(minutes=30), end=start + timedelta(minutes=15))
    declined = replace(overlapping, id="b", response="declined")
    free = replace(overlapping, id="c", show_as="free")
    cancelled = replace(overlapping, id="d", is_cancelled=True)
    adjacent = replace(INVITE, id="e", start=INVITE.end, end=INVITE.end + timedelta(hours=1))
    later = replace(INVITE, id="f", start=start + timedelta(minutes=30), end=start + timedelta(hours=2))
    found = conflicts_with(INVITE, [later, INVITE, declined, free, cancelled, adjacent, overlapping])
    assert [e.id for e in found] == ["a", "f"]
