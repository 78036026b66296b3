"""make_plan: from what the user wrote and what their calendar holds to the card or sentence (pure).

Each case runs the real parser and resolver over a small calendar, so a plan is checked
the way the dialog gets it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dialogs.plan import Plan, day_title, make_plan
from graph.models import Event
from understanding import parse, resolve

ZONE = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 1, 13, 10, 0, tzinfo=ZONE)  # a Tuesday


def event(subject: str, hour: int, *, day: int = 0, minutes: int = 30, **fields) -> Event:
    start = (NOW + timedelta(days=day)).replace(hour=hour, minute=0)
    return Event(id=f"id-{subject}", subject=subject, start=start, end=start + timedelta(minutes=minutes), **fields)


def plan_for(text: str, *events: Event) -> Plan:
    request = parse(text, NOW)
    return make_plan(request, resolve(request, list(events), NOW), NOW)


def subjects(plan: Plan) -> list[str]:
    return [e.subject for e in plan.events]


def test_a_single_clear_match_is_confirmed_with_the_users_note_and_notify_choice():
    plan = plan_for("decline my 3pm, say I'm sick, don't notify", event("Budget", 15), event("Lunch", 12))
    assert (plan.kind, plan.verb, plan.comment, plan.notify) == ("confirm", "decline", "I'm sick", False)
    assert subjects(plan) == ["Budget"]


def test_now_makes_a_single_clear_match_an_immediate_action():
    assert plan_for("decline my 3pm now", event("Budget", 15)).kind == "act"


@pytest.mark.parametrize(
    ("text", "verb"), [("accept my 3pm", "accept"), ("tentatively accept my 3pm", "tentativelyAccept")]
)
def test_accept_and_tentative_map_to_graphs_action_names(text, verb):
    plan = plan_for(text, event("Budget", 15))
    assert (plan.kind, plan.verb) == ("confirm", verb)


def test_a_bare_verb_asks_to_pick_from_today():
    plan = plan_for("decline", event("Budget", 15))
    assert (plan.kind, plan.title) == ("pick", "today")


def test_nothing_found_is_titled_with_the_day_looked_at():
    plan = plan_for("decline my 3pm on friday", event("Budget", 15))
    assert (plan.kind, plan.title) == ("none", "Friday 16 Jan")


def test_an_agenda_request_keeps_every_meeting_of_that_day_in_order():
    plan = plan_for("what's on friday", event("Retro", 14, day=3), event("Lunch", 12, day=3), event("Today", 15))
    assert (plan.kind, plan.title) == ("agenda", "Friday 16 Jan")
    assert subjects(plan) == ["Lunch", "Retro"]


def test_two_meetings_at_the_named_time_are_a_choice():
    plan = plan_for("decline my 3pm", event("Budget", 15), event("Hiring", 15))
    assert plan.kind == "choice"
    assert sorted(subjects(plan)) == ["Budget", "Hiring"]


def test_the_users_own_meeting_becomes_the_cancel_meeting_plan():
    plan = plan_for("decline my 4pm", event("Planning", 16, is_organizer=True, response="organizer"))
    assert (plan.kind, subjects(plan)) == ("own_meeting", ["Planning"])


def test_cancel_of_an_own_meeting_keeps_the_note_for_attendees():
    plan = plan_for("cancel my 4pm, say sorry folks", event("Planning", 16, is_organizer=True))
    assert (plan.kind, plan.verb, plan.comment) == ("own_meeting", "cancel", "sorry folks")


def test_cancel_of_someone_elses_meeting_is_offered_as_a_decline():
    plan = plan_for("cancel my 4pm", event("Review", 16))
    assert (plan.kind, plan.verb) == ("confirm", "decline")


@pytest.mark.parametrize(
    ("text", "meeting", "message"),
    [
        (
            "decline my 3pm",
            event("Budget", 15, is_cancelled=True),
            "“Budget” has been cancelled by the organizer, so there is nothing to respond to.",
        ),
        ("decline my 9am today", event("Budget", 9), "“Budget” is already over, so I left it alone."),
        ("decline my 3pm", event("Budget", 15, response="declined"), "You have already declined “Budget”."),
        ("accept my 3pm", event("Budget", 15, response="accepted"), "You have already accepted “Budget”."),
        ("decline my 9am today", event("", 9), "“that meeting” is already over, so I left it alone."),
    ],
)
def test_a_match_regrets_must_not_act_on_is_a_sentence(text, meeting, message):
    plan = plan_for(text, meeting)
    assert (plan.kind, plan.message) == ("nothing", message)


def test_all_meetings_of_a_day_is_a_bulk_plan_of_the_ones_still_to_answer():
    plan = plan_for(
        "decline all my meetings tomorrow",
        event("A", 11, day=1),
        event("B", 15, day=1),
        event("Mine", 13, day=1, is_organizer=True),
        event("Done", 14, day=1, response="declined"),
        event("Other day", 11, day=2),
    )
    assert (plan.kind, subjects(plan)) == ("bulk", ["A", "B"])


def test_all_meetings_of_a_day_with_nothing_to_answer_is_nothing_found_that_day():
    plan = plan_for("decline all my meetings tomorrow", event("Mine", 13, day=1, is_organizer=True))
    assert (plan.kind, plan.title, plan.events) == ("none", "tomorrow", [])


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (date(2026, 1, 13), "today"),
        (date(2026, 1, 14), "tomorrow"),
        (date(2026, 1, 16), "Friday 16 Jan"),
        (date(2026, 1, 12), "Monday 12 Jan"),
    ],
)
def test_day_titles_read_naturally(day, title):
    assert day_title(day, NOW) == title
    assert day_title(datetime.combine(day, datetime.min.time(), ZONE), NOW) == title


def test_declining_every_standup_confirms_the_series_once_not_each_occurrence():
    starts = [(NOW + timedelta(days=day)).replace(hour=9, minute=0) for day in range(1, 5)]
    standups = [
        Event(id=f"standup-{s.day}", subject="Standup", start=s, end=s + timedelta(minutes=15), series_master_id="sm")
        for s in starts
    ]
    plan = plan_for("decline every standup", *standups, event("Budget", 15))
    assert (plan.kind, plan.verb, plan.scope) == ("confirm", "decline", "series")
    assert [e.series_master_id for e in plan.events] == ["sm"]
