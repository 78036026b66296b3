"""GraphClient's failures, retries and exactly-once responses, against the stand-in's faults."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from graph import errors
from graph.address import CalendarAddress
from graph.client import GraphClient, RetryPolicy
from graph.models import Event
from sandbox.graph_state import Fault
from tests.fixtures.graph import RecordedSleep, Tokens
from tests.graph.conftest import ALICE, BOB, DAY, meeting

START, END = DAY, DAY + timedelta(days=1)


@pytest.fixture
def review(graph_state, alice) -> str:
    return graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17)))


def _declines(state) -> list:
    return [d for d in state.decisions if d.action == "decline"]


async def test_a_429_is_retried_after_the_retry_after_delay(
    graph_state, graph_client, graph_sleeps, review, alice_tokens
):
    graph_state.inject(Fault(status=429, retry_after=3, method="POST", path_contains="/decline"))
    await graph_client.respond(alice_tokens, review, "decline")
    assert graph_sleeps.waits == [3.0]
    assert [r.status for r in graph_state.requests("POST", "/decline")] == [429, 202]
    assert len(_declines(graph_state)) == 1


async def test_throttling_that_outlasts_the_budget_raises_throttled(
    graph_state, graph_client, graph_sleeps, review, alice_tokens
):
    graph_state.inject(Fault(status=429, retry_after=20, method="POST", path_contains="/decline", times=5))
    with pytest.raises(errors.Throttled) as caught:
        await graph_client.respond(alice_tokens, review, "decline")
    assert caught.value.retry_after == 20
    assert graph_sleeps.waits == [20.0]  # a second 20 s wait would pass the 30 s budget
    assert _declines(graph_state) == []


async def test_503s_back_off_and_then_raise_unavailable(graph_state, graph_client, graph_sleeps, review, alice_tokens):
    graph_state.inject(Fault(status=503, method="POST", path_contains="/decline", times=10))
    with pytest.raises(errors.Unavailable) as caught:
        await graph_client.respond(alice_tokens, review, "decline")
    assert caught.value.status == 503
    assert len(graph_state.requests("POST", "/decline")) == 4
    assert len(graph_sleeps.waits) == 3
    assert graph_sleeps.waits[0] < graph_sleeps.waits[2]  # exponential, with jitter inside each step
    assert _declines(graph_state) == []


async def test_a_503_then_success_reads_the_calendar(graph_state, graph_client, review, alice_tokens):
    graph_state.inject(Fault(status=503, method="GET", path_contains="calendarView"))
    (event,) = await graph_client.calendar_view(alice_tokens, START, END, tz_name="UTC")
    assert event.id == review


async def test_a_read_that_times_out_is_retried(graph_state, graph_http, graph_sleeps, review, alice_tokens):
    client = GraphClient(graph_http, sleep=graph_sleeps, timeout=0.2)
    graph_state.inject(Fault(kind="delay", seconds=5, method="GET", path_contains="calendarView"))
    (event,) = await client.calendar_view(alice_tokens, START, END, tz_name="UTC")
    assert event.id == review
    assert len(graph_state.requests("GET", "calendarView")) == 2


async def test_reads_that_keep_timing_out_raise_unavailable(
    graph_state, graph_http, graph_sleeps, review, alice_tokens
):
    client = GraphClient(graph_http, sleep=graph_sleeps, timeout=0.1, retry=RetryPolicy(max_attempts=2))
    graph_state.inject(Fault(kind="delay", seconds=5, method="GET", path_contains="calendarView", times=2))
    with pytest.raises(errors.Unavailable):
        await client.calendar_view(alice_tokens, START, END, tz_name="UTC")


async def test_a_decline_whose_answer_is_lost_is_checked_and_not_sent_twice(
    graph_state, graph_client, graph_sleeps, review, alice_tokens
):
    graph_state.inject(Fault(kind="reset", after=True, method="POST", path_contains="/decline"))
    await graph_client.respond(alice_tokens, review, "decline", comment="Sorry")
    assert len(graph_state.requests("POST", "/decline")) == 1
    checks = graph_state.requests("GET", "/events/")
    assert len(checks) == 1 and checks[0].query["$select"] == "id,responseStatus,isCancelled"
    assert len(_declines(graph_state)) == 1


async def test_a_decline_that_timed_out_after_graph_did_it_is_not_sent_twice(
    graph_state, graph_http, graph_sleeps, review, alice_tokens
):
    client = GraphClient(graph_http, sleep=graph_sleeps, timeout=0.2)
    graph_state.inject(Fault(kind="delay", seconds=5, after=True, method="POST", path_contains="/decline"))
    await client.respond(alice_tokens, review, "decline")
    assert len(graph_state.requests("POST", "/decline")) == 1
    assert len(_declines(graph_state)) == 1


async def test_a_gateway_timeout_on_a_decline_is_checked_before_any_resend(
    graph_state, graph_client, review, alice_tokens
):
    graph_state.inject(Fault(status=504, after=True, method="POST", path_contains="/decline"))
    await graph_client.respond(alice_tokens, review, "decline")
    assert [r.status for r in graph_state.requests("POST", "/decline")] == [504]
    assert len(_declines(graph_state)) == 1


async def test_a_lost_decline_that_graph_never_did_is_sent_once_more(graph_state, graph_client, review, alice_tokens):
    graph_state.inject(Fault(kind="reset", method="POST", path_contains="/decline"))
    await graph_client.respond(alice_tokens, review, "decline")
    assert len(graph_state.requests("POST", "/decline")) == 2
    assert len(graph_state.requests("GET", "/events/")) == 1
    assert len(_declines(graph_state)) == 1


async def test_an_unknown_event_raises_not_found(graph_client, alice, alice_tokens):
    with pytest.raises(errors.NotFound) as caught:
        await graph_client.get_event(alice_tokens, "AAMkADgone/+=", tz_name="UTC")
    assert caught.value.graph_code == "ErrorItemNotFound"
    assert caught.value.request_id


async def test_another_users_calendar_without_access_raises_forbidden(graph_state, graph_client, alice, alice_tokens):
    graph_state.add_user(BOB, upn="bob@contoso.example")
    with pytest.raises(errors.Forbidden):
        await graph_client.calendar_view(
            alice_tokens, START, END, tz_name="UTC", address=CalendarAddress(user="bob@contoso.example")
        )
    graph_state.mailboxes[BOB].delegates.add(ALICE)
    assert (
        await graph_client.calendar_view(
            alice_tokens, START, END, tz_name="UTC", address=CalendarAddress(user="bob@contoso.example")
        )
        == []
    )


async def test_graphs_own_meeting_refusal_is_not_allowed_with_its_reason(
    graph_state, graph_client, alice, alice_tokens
):
    mine = graph_state.add_event(ALICE, meeting("Mine", DAY.replace(hour=9), organizer="alice@contoso.example"))
    with pytest.raises(errors.NotAllowed) as caught:
        await graph_client.respond(alice_tokens, mine, "decline")
    assert (caught.value.reason, caught.value.code, caught.value.status) == ("own_meeting", "own_meeting", 400)
    assert "meeting organizer" in caught.value.graph_message


async def test_cancelling_someone_elses_meeting_is_not_allowed(graph_state, graph_client, review, alice_tokens):
    with pytest.raises(errors.NotAllowed) as caught:
        await graph_client.cancel(alice_tokens, review, comment="No")
    assert caught.value.reason == "not_organizer"
    assert graph_state.decisions == []


async def test_an_organizer_can_cancel_their_meeting(graph_state, graph_client, alice, alice_tokens):
    mine = graph_state.add_event(ALICE, meeting("Mine", DAY.replace(hour=9), organizer="alice@contoso.example"))
    await graph_client.cancel(alice_tokens, mine, comment="Not needed")
    assert [(d.action, d.comment) for d in graph_state.decisions] == [("cancel", "Not needed")]
    assert await graph_client.calendar_view(alice_tokens, START, END, tz_name="UTC") == []


async def test_an_expired_token_is_refreshed_once_and_the_call_retried(graph_state, graph_client, review):
    tokens = Tokens(ALICE, refused=1)
    await graph_client.respond(tokens, review, "decline")
    assert (tokens.calls, tokens.forced) == (2, 1)
    assert [r.status for r in graph_state.requests("POST", "/decline")] == [401, 202]


async def test_a_token_refused_after_a_refresh_raises_auth_expired(graph_state, graph_client, review):
    tokens = Tokens(ALICE, refused=5)
    with pytest.raises(errors.AuthExpired):
        await graph_client.respond(tokens, review, "decline")
    assert (tokens.calls, tokens.forced) == (2, 1)
    assert _declines(graph_state) == []


async def test_malformed_json_raises_bad_response(graph_state, graph_client, review, alice_tokens):
    graph_state.inject(Fault(kind="malformed", method="GET", path_contains="calendarView"))
    with pytest.raises(errors.BadResponse):
        await graph_client.calendar_view(alice_tokens, START, END, tz_name="UTC")


async def test_an_unreachable_graph_raises_unavailable(alice_tokens):
    async with httpx.AsyncClient(base_url="http://127.0.0.1:9/v1.0") as http:
        client = GraphClient(http, sleep=RecordedSleep(), timeout=1.0)
        with pytest.raises(errors.Unavailable):
            await client.mailbox_timezone(alice_tokens)


def _event(**overrides) -> Event:
    base = {"id": "AAMkADx", "subject": "S", "start": DAY, "end": DAY + timedelta(hours=1)}
    return Event(**{**base, **overrides})


async def test_responding_to_ones_own_meeting_is_refused_before_any_request(
    graph_state, graph_client, alice, alice_tokens
):
    with pytest.raises(errors.OwnMeeting):
        await graph_client.respond(alice_tokens, "AAMkADx", "decline", event=_event(is_organizer=True))
    assert graph_state.log == []
    assert alice_tokens.calls == 0


async def test_a_comment_over_2000_characters_is_refused_before_any_request(
    graph_state, graph_client, review, alice_tokens
):
    with pytest.raises(errors.CommentTooLong) as caught:
        await graph_client.respond(alice_tokens, review, "decline", comment="x" * 2001)
    assert caught.value.length == 2001
    assert graph_state.log == []
    await graph_client.respond(alice_tokens, review, "decline", comment="x" * 2000)
    assert _declines(graph_state)[0].comment == "x" * 2000


@pytest.mark.parametrize(
    ("action", "send_response", "event"),
    [
        ("decline", False, None),
        ("accept", True, None),
        ("tentativelyAccept", True, _event(allow_new_time_proposals=False)),
    ],
)
async def test_a_proposal_graph_would_refuse_is_refused_locally(
    graph_state, graph_client, review, alice_tokens, action, send_response, event
):
    slot = (DAY + timedelta(days=1), DAY + timedelta(days=1, hours=1))
    with pytest.raises(errors.ProposalNotAllowed):
        await graph_client.respond(
            alice_tokens, review, action, send_response=send_response, proposed_new_time=slot, event=event
        )
    assert graph_state.log == []


async def test_a_decline_with_a_new_time_reaches_the_organizer(graph_state, graph_client, review, alice_tokens):
    slot = (DAY + timedelta(days=1, hours=17), DAY + timedelta(days=1, hours=18))
    await graph_client.respond(alice_tokens, review, "decline", proposed_new_time=slot)
    (decision,) = graph_state.decisions
    assert decision.proposed_new_time["start"] == {"dateTime": "2026-01-16T17:00:00", "timeZone": "UTC"}
