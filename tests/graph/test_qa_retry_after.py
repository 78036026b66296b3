"""A Retry-After longer than Regrets may wait is reported as it is, never waited out early.

Graph's 429 says when to come back; sending the same response sooner (after a shortened
wait) is not honouring it. These drive GraphClient against the Graph stand-in with a
recorded (not real) sleep, and assert what Graph received and what the caller got.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest

from graph import errors
from graph.batch import RespondItem
from sandbox.graph_state import Fault
from tests.graph.conftest import ALICE, DAY, meeting


async def test_a_decline_throttled_for_ten_minutes_is_sent_once_and_raises_throttled_with_the_real_wait(
    graph_state, graph_client, graph_sleeps, alice, alice_tokens
):
    review = graph_state.add_event(ALICE, meeting("Review", DAY.replace(hour=17)))
    graph_state.inject(Fault(status=429, retry_after=600, method="POST", path_contains="/decline", times=5))
    with pytest.raises(errors.Throttled) as caught:
        await graph_client.respond(alice_tokens, review, "decline")
    assert caught.value.retry_after == 600
    assert graph_sleeps.waits == []
    assert [r.status for r in graph_state.requests("POST", "/decline")] == [429]
    assert graph_state.decisions == []


async def test_a_batch_item_throttled_for_ten_minutes_is_not_sent_again_and_fails_as_throttled(
    graph_state, graph_client, graph_sleeps, alice, alice_tokens
):
    ids = [graph_state.add_event(ALICE, meeting(f"M{n}", DAY + timedelta(minutes=15 * n))) for n in range(3)]
    graph_state.inject(Fault(status=429, retry_after=600, method="POST", path_contains=quote(ids[0], safe="")))
    results = await graph_client.respond_many(alice_tokens, [RespondItem(i, "decline") for i in ids])
    assert [r.ok for r in results] == [False, True, True]
    assert isinstance(results[0].error, errors.Throttled) and results[0].error.retry_after == 600
    assert graph_sleeps.waits == []
    assert len(graph_state.requests("POST", "/$batch")) == 1
    assert sorted(d.event_id for d in graph_state.decisions) == sorted(ids[1:])
