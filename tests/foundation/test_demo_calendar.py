"""The demo calendar is right on any day: every example Regrets offers finds meetings to act on.

Pure: the demo calendar as the Graph stand-in stores it, expanded the way its calendarView
expands series, then read through the same understanding and planning code the bot uses, at
instants that break naive code (weekends, late evenings, daylight-saving nights, year and
month ends, mailbox zones far from UTC). The machine's clock and zone play no part.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dialogs import texts
from dialogs.plan import make_plan
from graph.models import Event
from graph.timezones import iana_name, zone
from sandbox.demo_calendar import demo_day, install_demo_calendar
from sandbox.graph_state import GraphState, _bounds, _occurrence, _pattern_days, render
from tests.fixtures.instants import INSTANTS, Instant
from understanding import fetch_window, parse, resolve

OID = "demo-user"
# What the greeting and the help offer, and what the issue names as the demo's promises.
EXAMPLES = (
    *texts.HELP_EXAMPLES,
    "decline everything tomorrow afternoon",
    "what's on tomorrow",
    "decline my 10am tomorrow",
)
ACTING = {"confirm", "choice", "bulk", "act", "act_all", "agenda"}


def calendar(time_zone: str, now: datetime) -> GraphState:
    state = GraphState(lambda token: OID)
    install_demo_calendar(state, OID, time_zone=time_zone, now=now)
    return state


def view(state: GraphState, start: datetime, end: datetime, tz_name: str) -> list[Event]:
    """What calendarView returns for the window, as the bot's Graph client parses it."""
    box = state.mailboxes[OID]
    found = []
    for ev in box.events.values():
        if ev.get("type") == "seriesMaster":
            found += [_occurrence(box, ev, d) for d in _pattern_days(ev, (start - timedelta(2)).date(), end.date())]
        else:
            found.append(ev)
    tz = zone(tz_name)
    hits = [ev for ev in found if _bounds(box, ev)[0] < end and _bounds(box, ev)[1] > start]
    return [Event.from_graph(render(box, ev, tz_name, None), tz) for ev in hits]


def plan_for(text: str, instant: Instant):
    state = calendar(instant.time_zone, instant.at)
    tz_name = iana_name(instant.time_zone)
    now = instant.at.astimezone(zone(tz_name))
    request = parse(text, now)
    start, end = fetch_window(request, now)
    return make_plan(request, resolve(request, view(state, start, end, tz_name), now), now)


def random_instants(count: int, seed: int) -> list[Instant]:
    rng = random.Random(seed)
    zones = ("Pacific Standard Time", "Tokyo Standard Time", "Hawaiian Standard Time", "W. Europe Standard Time")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Instant(f"random-{i}", start + timedelta(minutes=rng.randrange(60 * 24 * 730)), rng.choice(zones))
        for i in range(count)
    ]


@pytest.mark.parametrize("instant", [*INSTANTS, *random_instants(40, seed=12)], ids=str)
@pytest.mark.parametrize("text", EXAMPLES)
def test_every_example_the_demo_offers_finds_meetings_to_act_on(text, instant):
    plan = plan_for(text, instant)
    assert plan.kind in ACTING and plan.events, (plan.kind, plan.message, plan.title)
    now = instant.at
    assert all(not e.is_over(now) for e in plan.events if plan.kind != "agenda")


@pytest.mark.parametrize("instant", INSTANTS, ids=str)
def test_my_3pm_in_the_demo_is_the_budget_review_still_ahead(instant):
    plan = plan_for("decline my 3pm", instant)
    assert plan.kind == "confirm"
    [event] = plan.events
    assert event.subject == "Quarterly budget review" and event.start > instant.at


@pytest.mark.parametrize("instant", INSTANTS, ids=str)
def test_tomorrow_in_the_demo_is_the_calendar_day_after_today_in_the_mailbox_zone(instant):
    plan = plan_for("what's on tomorrow", instant)
    local_today = instant.at.astimezone(ZoneInfo(iana_name(instant.time_zone))).date()
    assert {e.start.date() for e in plan.events} == {local_today + timedelta(days=1)}


def test_the_demo_moves_on_a_day_once_its_3pm_is_past():
    pacific = ZoneInfo("America/Los_Angeles")
    assert demo_day(datetime(2026, 12, 5, 14, 59, tzinfo=pacific), "Pacific Standard Time").day == 5
    assert demo_day(datetime(2026, 12, 5, 15, 0, tzinfo=pacific), "Pacific Standard Time").day == 6
