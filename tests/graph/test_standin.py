"""The Graph stand-in answers like Graph v1.0 on the wire (raw HTTP, no client)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from urllib.parse import quote

import httpx
import pytest

from sandbox.demo_calendar import demo_events, install_demo_calendar
from tests.graph.conftest import ALICE, BOB, DAY, meeting

AUTH = {"Authorization": f"Bearer user:{ALICE}"}
WINDOW = {"startDateTime": "2026-01-15T00:00:00Z", "endDateTime": "2026-01-16T00:00:00Z"}


def _path(event_id: str, action: str = "") -> str:
    return f"/me/events/{quote(event_id, safe='')}" + (f"/{action}" if action else "")


async def test_a_request_without_a_token_gets_401_invalid_authentication_token(graph_http, alice):
    response = await graph_http.get("/me/calendarView", params=WINDOW, headers={"client-request-id": "abc-123"})
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "InvalidAuthenticationToken"
    assert error["innerError"]["request-id"] == response.headers["request-id"]
    assert response.headers["client-request-id"] == "abc-123"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


async def test_a_token_the_verifier_refuses_gets_401(graph_http, alice):
    response = await graph_http.get("/me/calendarView", params=WINDOW, headers={"Authorization": "Bearer nonsense"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "InvalidAuthenticationToken"


async def test_calendar_view_without_a_window_is_a_400_invalid_parameter(graph_http, alice):
    response = await graph_http.get("/me/calendarView", params={"endDateTime": WINDOW["endDateTime"]}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ErrorInvalidParameter"
    assert "StartDateTime" in response.json()["error"]["message"]
    assert response.headers["request-id"]


async def test_an_unknown_event_is_a_404_item_not_found_with_graphs_error_shape(graph_http, alice):
    response = await graph_http.get(_path("AAMkADnothere/+="), headers=AUTH)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "ErrorItemNotFound"
    assert set(error["innerError"]) >= {"request-id", "date"}


async def test_each_user_sees_only_their_own_calendar(graph_state, graph_http, alice):
    graph_state.add_user(BOB, upn="bob@contoso.example")
    bobs = graph_state.add_event(
        BOB, meeting("Bob's planning", DAY.replace(hour=17), organizer="carol@contoso.example")
    )
    graph_state.add_event(ALICE, meeting("Alice's review", DAY.replace(hour=18)))
    seen = await graph_http.get("/me/calendarView", params=WINDOW, headers=AUTH)
    assert [e["subject"] for e in seen.json()["value"]] == ["Alice's review"]
    other = await graph_http.get(_path(bobs), headers=AUTH)
    assert other.status_code == 404
    denied = await graph_http.get(f"/users/bob@contoso.example/events/{quote(bobs, safe='')}", headers=AUTH)
    assert denied.status_code == 403
    assert denied.json()["error"]["code"] == "ErrorAccessDenied"


async def test_outlook_timezone_preference_converts_times_and_is_echoed(graph_state, graph_http, alice):
    graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17)))
    for name, local in (("Pacific Standard Time", "09:00"), ("Europe/Paris", "18:00")):
        response = await graph_http.get(
            "/me/calendarView", params=WINDOW, headers={**AUTH, "Prefer": f'outlook.timezone="{name}"'}
        )
        start = response.json()["value"][0]["start"]
        assert start == {"dateTime": f"2026-01-15T{local}:00.0000000", "timeZone": name}
        assert response.headers["Preference-Applied"] == f'outlook.timezone="{name}"'
    plain = await graph_http.get("/me/calendarView", params=WINDOW, headers=AUTH)
    assert plain.json()["value"][0]["start"]["timeZone"] == "UTC"
    assert "Preference-Applied" not in plain.headers


async def test_a_recurring_series_is_expanded_into_occurrences_with_their_master(graph_state, graph_http, alice):
    standup = meeting(
        "Stand-up",
        DAY.replace(hour=17),
        15,
        type="seriesMaster",
        recurrence={
            "pattern": {"type": "daily", "interval": 1},
            "range": {"type": "numbered", "startDate": "2026-01-15", "numberOfOccurrences": 5},
        },
    )
    master_id = graph_state.add_event(ALICE, standup)
    response = await graph_http.get(
        "/me/calendarView",
        params={"startDateTime": "2026-01-14T00:00:00Z", "endDateTime": "2026-01-31T00:00:00Z"},
        headers=AUTH,
    )
    values = response.json()["value"]
    assert [v["start"]["dateTime"][:10] for v in values] == [f"2026-01-{d}" for d in (15, 16, 17, 18, 19)]
    assert {v["type"] for v in values} == {"occurrence"}
    assert {v["seriesMasterId"] for v in values} == {master_id}
    one = await graph_http.get(_path(values[2]["id"]), headers=AUTH)
    assert one.json()["start"]["dateTime"].startswith("2026-01-17T17:00")


async def test_a_decline_answers_202_with_no_body_and_is_recorded(graph_state, graph_http, alice):
    event_id = graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17)))
    response = await graph_http.post(
        _path(event_id, "decline"), json={"comment": "Away", "sendResponse": True}, headers=AUTH
    )
    assert response.status_code == 202
    assert response.content == b""
    assert graph_state.event(ALICE, event_id)["responseStatus"]["response"] == "declined"
    assert [(d.action, d.comment) for d in graph_state.decisions] == [("decline", "Away")]
    listed = await graph_http.get("/me/calendarView", params=WINDOW, headers=AUTH)
    assert listed.json()["value"] == []  # PreserveDeclinedMeetings is off by default


@pytest.mark.parametrize(
    ("organizer", "action", "body", "message"),
    [
        ("alice@contoso.example", "decline", {}, "you're the meeting organizer"),
        ("bob@contoso.example", "cancel", {}, "You need to be an organizer to cancel a meeting."),
        (
            "bob@contoso.example",
            "tentativelyAccept",
            {
                "sendResponse": False,
                "proposedNewTime": {
                    "start": {"dateTime": "2026-01-16T10:00:00", "timeZone": "UTC"},
                    "end": {"dateTime": "2026-01-16T11:00:00", "timeZone": "UTC"},
                },
            },
            "proposed when a response is sent",
        ),
    ],
)
async def test_graphs_refusals_are_400_with_its_message(
    graph_state, graph_http, alice, organizer, action, body, message
):
    event_id = graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17), organizer=organizer))
    response = await graph_http.post(_path(event_id, action), json=body, headers=AUTH)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert graph_state.decisions == []


async def test_a_proposal_is_refused_when_the_organizer_does_not_allow_them(graph_state, graph_http, alice):
    event_id = graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17), allowNewTimeProposals=False))
    slot = {
        "start": {"dateTime": "2026-01-16T10:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-01-16T11:00:00", "timeZone": "UTC"},
    }
    response = await graph_http.post(_path(event_id, "decline"), json={"proposedNewTime": slot}, headers=AUTH)
    assert response.status_code == 400
    assert "new time proposals" in response.json()["error"]["message"]


async def test_a_batch_of_more_than_20_requests_is_refused(graph_http, alice):
    requests = [{"id": str(i), "method": "GET", "url": "/me/mailboxSettings/timeZone"} for i in range(21)]
    response = await graph_http.post("/$batch", json={"requests": requests}, headers=AUTH)
    assert response.status_code == 400
    ok = await graph_http.post("/$batch", json={"requests": requests[:20]}, headers=AUTH)
    assert ok.status_code == 200
    answers = ok.json()["responses"]
    assert sorted(int(a["id"]) for a in answers) == list(range(20))
    assert {a["status"] for a in answers} == {200}
    assert answers[0]["body"]["value"] == "Pacific Standard Time"


async def test_a_fifth_concurrent_request_to_one_mailbox_is_throttled(graph_state, graph_http, alice):
    graph_state.latency = 0.2
    answers = await asyncio.gather(*(graph_http.get("/me/mailboxSettings", headers=AUTH) for _ in range(6)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200, 200, 200, 200, 429, 429]
    throttled = next(a for a in answers if a.status_code == 429)
    assert throttled.headers["Retry-After"] == "1"
    assert graph_state.max_in_flight[ALICE] == 6


async def test_the_beta_path_is_served_too(graph_standin, alice):
    async with httpx.AsyncClient(base_url=graph_standin.url + "/beta") as http:
        response = await http.get("/me/mailboxSettings/timeZone", headers=AUTH)
    assert response.json()["value"] == "Pacific Standard Time"


def test_the_demo_calendar_has_the_meetings_the_demo_needs():
    today = date(2026, 1, 15)  # a Thursday
    events = demo_events("Pacific Standard Time", today)
    at_three = [e for e in events if e["start"]["dateTime"].startswith("2026-01-15T15:00")]
    assert len(at_three) == 1 and not at_three[0]["isOrganizer"]
    assert any(e.get("type") == "seriesMaster" and e["recurrence"] for e in events)
    assert any(e.get("isAllDay") for e in events)
    assert any(e["isOrganizer"] for e in events)
    starts = [e["start"]["dateTime"] for e in events if not e.get("isAllDay")]
    assert any(starts.count(s) == 2 for s in starts)
    assert len({e["organizer"]["emailAddress"]["address"] for e in events}) >= 4


async def test_the_demo_standup_occurs_on_weekdays_across_two_weeks(graph_state, graph_http):
    today = date(2026, 1, 15)
    install_demo_calendar(graph_state, ALICE, time_zone="Pacific Standard Time", today=today)
    start, end = today - timedelta(days=14), today + timedelta(days=15)
    response = await graph_http.get(
        "/me/calendarView",
        params={"startDateTime": f"{start}T00:00:00Z", "endDateTime": f"{end}T00:00:00Z", "$top": "200"},
        headers=AUTH,
    )
    standups = [v for v in response.json()["value"] if v["subject"] == "Daily stand-up"]
    assert len(standups) == 21  # three weeks' weekdays, ±2 weeks around a Thursday
    assert all(date.fromisoformat(v["start"]["dateTime"][:10]).weekday() < 5 for v in standups)
