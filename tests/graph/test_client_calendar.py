"""GraphClient reading calendars and responding through every URL form, against the stand-in."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from urllib.parse import quote

import pytest

from graph.address import ME, CalendarAddress
from graph.client import GraphClient
from graph.models import Event
from sandbox.graph_state import GraphState
from tests.fixtures.graph import Tokens
from tests.graph.conftest import ALICE, BOB, DAY, meeting

START, END = DAY, DAY + timedelta(days=1)


async def test_calendar_view_follows_next_links_across_three_pages(graph_state, graph_http, alice, alice_tokens):
    for n in range(25):
        graph_state.add_event(ALICE, meeting(f"Meeting {n:02}", DAY + timedelta(minutes=20 * n)))
    client = GraphClient(graph_http, page_size=None)
    events = await client.calendar_view(alice_tokens, START, END, tz_name="UTC")
    assert [e.subject for e in events] == [f"Meeting {n:02}" for n in range(25)]
    pages = graph_state.requests("GET", "/calendarView")
    assert len(pages) == 3
    assert all(p.headers["Prefer"] == 'outlook.timezone="UTC", IdType="ImmutableId"' for p in pages)


@pytest.mark.parametrize(
    ("tz_name", "hour", "key"),
    [("UTC", 17, "UTC"), ("Pacific Standard Time", 9, "America/Los_Angeles"), ("Asia/Tokyo", 2, "Asia/Tokyo")],
)
async def test_calendar_view_returns_times_in_the_asked_zone(
    graph_state, graph_client, alice, alice_tokens, tz_name, hour, key
):
    graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17)))
    (event,) = await graph_client.calendar_view(alice_tokens, START, END, tz_name=tz_name)
    assert event.start.hour == hour
    assert getattr(event.start.tzinfo, "key", "UTC") == key
    assert event.start == DAY.replace(hour=17)


async def test_calendar_view_reads_the_fields_the_dialogs_need(graph_state, graph_client, alice, alice_tokens):
    graph_state.add_event(ALICE, meeting("Mine", DAY.replace(hour=16), organizer="alice@contoso.example"))
    graph_state.add_event(ALICE, meeting("Fixed", DAY.replace(hour=18), allowNewTimeProposals=False))
    mine, fixed = await graph_client.calendar_view(alice_tokens, START, END, tz_name="UTC")
    assert (mine.is_organizer, mine.response) == (True, "organizer")
    assert (fixed.is_organizer, fixed.response, fixed.allow_new_time_proposals) == (False, "notResponded", False)
    assert fixed.organizer.address == "bob@contoso.example"


async def test_the_mailbox_zone_is_mapped_to_iana_and_cached_for_an_hour(graph_state, graph_http, alice, alice_tokens):
    now = [1000.0]
    client = GraphClient(graph_http, clock=lambda: now[0])
    assert await client.mailbox_timezone(alice_tokens) == "America/Los_Angeles"
    assert await client.mailbox_timezone(alice_tokens) == "America/Los_Angeles"
    assert len(graph_state.requests("GET", "/mailboxSettings")) == 1
    now[0] += 3601
    await client.mailbox_timezone(alice_tokens)
    assert len(graph_state.requests("GET", "/mailboxSettings")) == 2


async def test_different_users_get_their_own_zone(graph_state, graph_client, alice, alice_tokens):
    graph_state.add_user(BOB, upn="bob@contoso.example", time_zone="W. Europe Standard Time")
    assert await graph_client.mailbox_timezone(alice_tokens) == "America/Los_Angeles"
    assert await graph_client.mailbox_timezone(Tokens(BOB)) == "Europe/Berlin"


async def test_a_warm_decline_is_one_calendar_view_and_one_decline(graph_state, graph_client, alice, alice_tokens):
    graph_state.add_event(ALICE, meeting("Budget review", DAY.replace(hour=23)))
    zone_name = await graph_client.mailbox_timezone(alice_tokens)  # the cold part, once an hour
    graph_state.log.clear()

    zone_name = await graph_client.mailbox_timezone(alice_tokens)
    (event,) = await graph_client.calendar_view(alice_tokens, START, END, tz_name=zone_name)
    await graph_client.respond(alice_tokens, event.id, "decline", comment="Clash", event=event)

    assert [(r.method, r.path.split("/")[-1]) for r in graph_state.log] == [
        ("GET", "calendarView"),
        ("POST", "decline"),
    ]
    assert event.start.hour == 15  # 23:00 UTC is 3pm in Pacific time
    assert [(d.action, d.comment, d.send_response) for d in graph_state.decisions] == [("decline", "Clash", True)]


def _forms(state: GraphState) -> list[tuple[CalendarAddress, str]]:
    box = state.mailboxes[ALICE]
    team = state.add_group(ALICE, "Team calendars")
    shared = state.add_calendar(ALICE, "Shared", group_id=team)
    side = state.add_calendar(ALICE, "Side")
    q = lambda v: quote(v, safe="")  # noqa: E731
    forms = []
    for user, root in (("me", "/me"), ("alice@contoso.example", "/users/alice%40contoso.example")):
        forms += [
            (CalendarAddress(user=user), f"{root}/events/"),
            (CalendarAddress(user=user, default_calendar=True), f"{root}/calendar/events/"),
            (CalendarAddress(user=user, calendar_id=side), f"{root}/calendars/{q(side)}/events/"),
            (
                CalendarAddress(user=user, calendar_id=side, default_group=True),
                f"{root}/calendargroup/calendars/{q(side)}/events/",
            ),
            (
                CalendarAddress(user=user, calendar_id=shared, group_id=team),
                f"{root}/calendargroups/{q(team)}/calendars/{q(shared)}/events/",
            ),
        ]
    assert box.default_calendar
    return forms


async def test_a_decline_works_through_all_ten_url_forms(graph_state, graph_client, alice, alice_tokens):
    forms = _forms(graph_state)
    assert len(forms) == 10
    for n, (address, prefix) in enumerate(forms):
        calendar = address.calendar_id or graph_state.mailboxes[ALICE].default_calendar
        event_id = graph_state.add_event(ALICE, meeting(f"M{n}", DAY.replace(hour=9)), calendar_id=calendar)
        await graph_client.respond(alice_tokens, event_id, "decline", address=address)
        (sent,) = graph_state.requests("POST", f"{quote(event_id, safe='')}/decline")
        assert sent.path == f"{prefix}{quote(event_id, safe='')}/decline"
        assert sent.status == 202
        assert graph_state.event(ALICE, event_id)["responseStatus"]["response"] == "declined"
    assert len(graph_state.decisions) == 10


async def test_an_event_addressed_through_the_wrong_calendar_is_not_found(
    graph_state, graph_client, alice, alice_tokens
):
    from graph import errors

    side = graph_state.add_calendar(ALICE, "Side")
    event_id = graph_state.add_event(ALICE, meeting("Elsewhere", DAY.replace(hour=9)))
    with pytest.raises(errors.NotFound):
        await graph_client.respond(alice_tokens, event_id, "decline", address=CalendarAddress(calendar_id=side))
    assert graph_state.decisions == []


async def test_calendar_view_and_get_event_work_through_a_named_calendar(
    graph_state, graph_client, alice, alice_tokens
):
    side = graph_state.add_calendar(ALICE, "Side")
    graph_state.add_event(ALICE, meeting("Default one", DAY.replace(hour=9)))
    side_id = graph_state.add_event(ALICE, meeting("Side one", DAY.replace(hour=10)), calendar_id=side)
    address = CalendarAddress(calendar_id=side)
    events = await graph_client.calendar_view(alice_tokens, START, END, tz_name="UTC", address=address)
    assert [e.subject for e in events] == ["Side one"]
    event = await graph_client.get_event(alice_tokens, side_id, tz_name="Europe/Paris", address=address)
    assert isinstance(event, Event) and event.start.hour == 11


async def test_an_occurrence_can_be_declined_without_declining_the_series(
    graph_state, graph_client, alice, alice_tokens
):
    graph_state.add_event(
        ALICE,
        meeting(
            "Stand-up",
            DAY.replace(hour=17),
            15,
            type="seriesMaster",
            recurrence={
                "pattern": {"type": "daily", "interval": 1},
                "range": {"type": "noEnd", "startDate": "2026-01-10"},
            },
        ),
    )
    week = await graph_client.calendar_view(alice_tokens, START, START + timedelta(days=3), tz_name="UTC")
    assert [e.type for e in week] == ["occurrence"] * 3
    await graph_client.respond(alice_tokens, week[1].id, "decline", event=week[1])
    after = await graph_client.calendar_view(alice_tokens, START, START + timedelta(days=3), tz_name="UTC")
    assert [e.start.day for e in after] == [15, 17]
    assert {e.series_master_id for e in after} == {week[0].series_master_id}


async def test_requests_are_logged_with_templates_and_request_ids_but_no_secrets(
    graph_state, graph_client, alice, alice_tokens, caplog
):
    event_id = graph_state.add_event(ALICE, meeting("Secret subject", DAY.replace(hour=9)))
    caplog.set_level(logging.DEBUG, logger="graph")
    await graph_client.calendar_view(alice_tokens, START, END, tz_name="UTC")
    await graph_client.respond(alice_tokens, event_id, "decline", comment="private words")
    text = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("graph"))
    assert "POST /me/events/{id}/decline -> 202" in text
    assert "GET /me/calendarView -> 200" in text
    assert re.search(r"decline -> 202 in \d+ ms request-id=[0-9a-f-]{36}", text)
    for secret in ("user:" + ALICE, "private words", "Secret subject", event_id, quote(event_id, safe="")):
        assert secret not in text


async def test_the_default_address_is_the_signed_in_user(graph_state, graph_client, alice, alice_tokens):
    assert ME == CalendarAddress()
    assert ME.event_path("a/b+c=") == "/me/events/a%2Fb%2Bc%3D"
    with pytest.raises(ValueError):
        CalendarAddress(group_id="g")
