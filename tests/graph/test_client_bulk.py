"""Bulk responses through $batch, the per-mailbox concurrency cap, and graph/'s import hygiene."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest

from graph import errors
from graph.batch import RespondItem
from graph.client import GraphClient
from graph.models import Event
from sandbox.graph_state import Fault
from tests.fixtures.graph import RecordedSleep, Tokens
from tests.graph.conftest import ALICE, BOB, DAY, meeting

ROOT = Path(__file__).resolve().parents[2]


def _meetings(state, oid: str, count: int) -> list[str]:
    organizer = "carol@contoso.example"
    return [
        state.add_event(oid, meeting(f"M{n}", DAY + timedelta(minutes=15 * n), organizer=organizer))
        for n in range(count)
    ]


def _in_path(event_id: str) -> str:
    return quote(event_id, safe="")


async def test_45_declines_go_in_3_batches_and_one_failure_stays_with_its_item(
    graph_state, graph_client, alice, alice_tokens
):
    ids = _meetings(graph_state, ALICE, 44)
    items = [RespondItem(event_id, "decline", comment="Out this week") for event_id in ids]
    items.insert(17, RespondItem("AAMkADdoes/not+exist=", "decline"))
    results = await graph_client.respond_many(alice_tokens, items)

    assert len(graph_state.requests("POST", "/$batch")) == 3
    assert [r.item for r in results] == items
    failed = [r for r in results if not r.ok]
    assert len(failed) == 1 and failed[0].item.event_id == "AAMkADdoes/not+exist="
    assert isinstance(failed[0].error, errors.NotFound)
    assert sorted(d.event_id for d in graph_state.decisions) == sorted(ids)
    subs = [r for r in graph_state.log if r.in_batch]
    assert len(subs) == 45 and {r.headers["Prefer"] for r in subs} == {'IdType="ImmutableId"'}


async def test_a_throttled_item_in_a_batch_is_retried_after_its_retry_after(
    graph_state, graph_client, graph_sleeps, alice, alice_tokens
):
    ids = _meetings(graph_state, ALICE, 5)
    graph_state.inject(Fault(status=429, retry_after=2, method="POST", path_contains=_in_path(ids[3])))
    results = await graph_client.respond_many(alice_tokens, [RespondItem(i, "decline") for i in ids])
    assert all(r.ok for r in results)
    assert graph_sleeps.waits == [2.0]
    assert len(graph_state.requests("POST", "/$batch")) == 2
    assert sorted(d.event_id for d in graph_state.decisions) == sorted(ids)


async def test_items_still_throttled_after_the_budget_fail_as_throttled(graph_state, graph_client, alice, alice_tokens):
    ids = _meetings(graph_state, ALICE, 3)
    graph_state.inject(Fault(status=429, retry_after=20, method="POST", path_contains=_in_path(ids[0]), times=9))
    results = await graph_client.respond_many(alice_tokens, [RespondItem(i, "decline") for i in ids])
    assert [r.ok for r in results] == [False, True, True]
    assert isinstance(results[0].error, errors.Throttled)


async def test_a_batch_whose_answer_is_lost_is_checked_and_nothing_is_sent_twice(
    graph_state, graph_client, alice, alice_tokens
):
    ids = _meetings(graph_state, ALICE, 6)
    graph_state.inject(Fault(kind="reset", after=True, method="POST", path_contains="$batch"))
    results = await graph_client.respond_many(alice_tokens, [RespondItem(i, "decline") for i in ids])
    assert all(r.ok for r in results)
    assert len(graph_state.decisions) == 6
    batches = graph_state.requests("POST", "/$batch")
    assert len(batches) == 2  # the lost one, then one batch of GETs to read the events back
    assert {r.method for r in graph_state.log if r.in_batch} == {"POST", "GET"}


async def test_local_refusals_in_a_bulk_never_reach_graph(graph_state, graph_client, alice, alice_tokens):
    ids = _meetings(graph_state, ALICE, 2)
    own = Event(id=ids[1], subject="Mine", start=DAY, end=DAY, is_organizer=True)
    items = [
        RespondItem(ids[0], "decline"),
        RespondItem(ids[1], "decline", event=own),
        RespondItem(ids[0], "decline", comment="x" * 2001),
    ]
    results = await graph_client.respond_many(alice_tokens, items)
    assert [type(r.error) for r in results] == [type(None), errors.OwnMeeting, errors.CommentTooLong]
    assert len([r for r in graph_state.log if r.in_batch]) == 1


async def test_no_more_than_four_requests_are_in_flight_per_mailbox(graph_state, graph_client, alice, alice_tokens):
    graph_state.latency = 0.05
    ids = _meetings(graph_state, ALICE, 12)
    graph_state.add_user(BOB, upn="bob@contoso.example")
    bob_ids = _meetings(graph_state, BOB, 6)
    await asyncio.gather(
        *(graph_client.respond(alice_tokens, i, "decline") for i in ids),
        *(graph_client.respond(Tokens(BOB), i, "accept") for i in bob_ids),
    )
    assert graph_state.max_in_flight[ALICE] == 4
    assert graph_state.max_in_flight[BOB] == 4  # each mailbox has its own four
    assert {r.status for r in graph_state.log} == {202}
    assert len(graph_state.decisions) == 18


async def test_a_client_allowed_more_concurrency_would_be_throttled(graph_state, graph_http, alice, alice_tokens):
    graph_state.latency = 0.05
    ids = _meetings(graph_state, ALICE, 8)
    greedy = GraphClient(graph_http, max_concurrency_per_mailbox=8, sleep=RecordedSleep())
    await asyncio.gather(*(greedy.respond(alice_tokens, i, "decline") for i in ids), return_exceptions=True)
    assert graph_state.max_in_flight[ALICE] > 4
    assert 429 in {r.status for r in graph_state.log}


async def test_a_bulk_of_45_keeps_to_four_in_flight_too(graph_state, graph_client, alice, alice_tokens):
    graph_state.latency = 0.05
    ids = _meetings(graph_state, ALICE, 45)
    await asyncio.gather(
        graph_client.respond_many(alice_tokens, [RespondItem(i, "decline") for i in ids[:40]]),
        *(graph_client.respond(alice_tokens, i, "decline") for i in ids[40:]),
    )
    assert graph_state.max_in_flight[ALICE] == 4
    assert len(graph_state.decisions) == 45


@pytest.mark.process
def test_importing_graph_pulls_in_no_bot_framework_module():
    code = (
        "import sys, graph, graph.client, graph.errors, graph.batch, graph.address, graph.models, graph.timezones;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('botbuilder', 'botframework', 'aiohttp')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
