"""decide() for the whole series: a series is a target only when one of its meetings may be answered.

The calendar is a Pacific week (Tuesday 13 Jan 2026, 10:00): occurrences of three weekly
series, one the user already declined and one the user organizes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from graph.models import Event
from understanding import parse, resolve
from understanding.decide import decide
from understanding.resolve import Resolution

ZONE = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 1, 13, 10, 0, tzinfo=ZONE)


def occurrence(subject: str, master: str, day: int, hour: int, **fields) -> Event:
    start = (NOW + timedelta(days=day)).replace(hour=hour, minute=0)
    return Event(
        id=f"{master}-{day}",
        subject=subject,
        start=start,
        end=start + timedelta(minutes=30),
        type="occurrence",
        series_master_id=master,
        **fields,
    )


CALENDAR = [
    *(occurrence("Team standup", "standup", d, 9) for d in (0, 1, 2, 6)),
    *(occurrence("Weekly retro", "retro", d, 11, response="declined") for d in (1, 8)),
    *(occurrence("Planning", "planning", d, 14, is_organizer=True, response="organizer") for d in (1, 8)),
]


def decision_for(text: str, calendar: list[Event] = CALENDAR):
    request = parse(text, NOW)
    return decide(request, resolve(request, calendar, NOW))


def test_a_series_already_declined_is_left_out_of_a_series_decline_and_the_reasons_say_so():
    decision = decision_for("decline the standup and the retro from now on")
    assert (decision.status, decision.scope, decision.event_ids) == ("matched", "series", ("standup",))
    assert "already_declined" in decision.reasons and "left out retro" in decision.reasons


def test_the_users_own_series_is_never_a_target_of_a_series_decline():
    decision = decision_for("decline the standup and the planning from now on")
    assert decision.event_ids == ("standup",)
    assert "organizer" in decision.reasons and "left out planning" in decision.reasons


def test_every_series_refused_leaves_nothing_to_do():
    decision = decision_for("decline the retro and the planning from now on")
    assert (decision.status, decision.event_ids) == ("none", ())
    assert {"already_declined", "organizer"} <= set(decision.reasons)


def test_a_past_occurrence_does_not_take_its_series_out_when_a_later_one_may_be_answered():
    # "every standup this week": this morning's is over, tomorrow's is ahead; the series is still meant.
    over, ahead = occurrence("Team standup", "standup", 0, 7), occurrence("Team standup", "standup", 1, 9)
    resolution = Resolution(
        status="matched",
        events=(over, ahead),
        event_ids=("standup",),
        problems={over.id: ("past",)},
        intent="decline",
        scope="series",
    )
    decision = decide(parse("decline every standup from now on", NOW), resolution)
    assert decision.event_ids == ("standup",)
    assert not any(r.startswith("left out") for r in decision.reasons)


def test_a_plain_series_request_has_no_reasons():
    decision = decision_for("decline the standup from now on")
    assert (decision.status, decision.event_ids, decision.reasons) == ("matched", ("standup",), ())
