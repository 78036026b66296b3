"""Pending card actions in the bot's storage: one claim per card, whatever races it."""

from __future__ import annotations

import asyncio

import pytest

from bot.memory_storage import InMemoryStorage
from dialogs.pending import (
    CLAIM_LEASE_SECONDS,
    RECORD_TTL_SECONDS,
    AlreadyClaimed,
    PendingAction,
    PendingActions,
    new_request_id,
)

T0 = 1_768_341_600.0  # Tue 13 Jan 2026 22:00 UTC: the pinned "now" of these tests


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def record(request_id: str = "req-1", **fields) -> PendingAction:
    values = dict(
        request_id=request_id,
        user_key="user-a",
        conversation_id="a:conv",
        verb="decline",
        events={"ev-1": {"id": "ev-1", "subject": "Budget review"}},
    )
    values.update(fields)
    return PendingAction(**values)


@pytest.fixture
def storage() -> InMemoryStorage:
    return InMemoryStorage()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pending(storage, clock) -> PendingActions:
    return PendingActions(storage, clock=clock)


async def test_a_stored_record_reads_back_as_it_was_written(pending):
    await pending.add(record(activity_id="7"))
    found = await pending.get("req-1")
    assert (found.user_key, found.verb, found.events, found.activity_id, found.state) == (
        "user-a",
        "decline",
        {"ev-1": {"id": "ev-1", "subject": "Budget review"}},
        "7",
        "open",
    )


async def test_an_unknown_or_empty_request_id_has_no_record(pending):
    assert await pending.get("nope") is None
    assert await pending.get("") is None


async def test_the_first_claim_wins_and_the_second_learns_what_the_first_left(pending):
    await pending.add(record())
    claimed = await pending.claim("req-1")
    assert claimed.state == "claimed"
    with pytest.raises(AlreadyClaimed) as second:
        await pending.claim("req-1")
    assert second.value.record.state == "claimed"
    await pending.finish(claimed, card={"type": "AdaptiveCard"}, message="Declined it.")
    with pytest.raises(AlreadyClaimed) as third:
        await pending.claim("req-1")
    assert (third.value.record.state, third.value.record.outcome) == (
        "done",
        {"card": {"type": "AdaptiveCard"}, "message": "Declined it."},
    )


async def test_claiming_a_card_regrets_never_made_is_refused(pending):
    with pytest.raises(AlreadyClaimed) as refused:
        await pending.claim("never-made")
    assert refused.value.record is None


async def test_a_failed_action_reopens_the_card_for_another_try(pending):
    await pending.add(record())
    claimed = await pending.claim("req-1")
    await pending.release(claimed)
    again = await pending.claim("req-1")
    assert again.state == "claimed"


async def test_a_claim_nobody_finished_expires_after_its_lease(pending, clock):
    await pending.add(record())
    await pending.claim("req-1")
    clock.now += CLAIM_LEASE_SECONDS - 1
    with pytest.raises(AlreadyClaimed):
        await pending.claim("req-1")
    clock.now += 2
    again = await pending.claim("req-1")
    assert (again.state, again.claimed_at) == ("claimed", clock.now)


async def test_a_done_record_is_never_claimed_again_however_old_its_claim(pending, clock):
    await pending.add(record())
    claimed = await pending.claim("req-1")
    await pending.finish(claimed, card={}, message="Declined it.")
    clock.now += CLAIM_LEASE_SECONDS * 10
    with pytest.raises(AlreadyClaimed):
        await pending.claim("req-1")


async def test_many_clicks_at_once_on_one_instance_claim_it_once(pending):
    await pending.add(record())
    results = await asyncio.gather(*(pending.claim("req-1") for _ in range(10)), return_exceptions=True)
    assert sum(isinstance(r, PendingAction) for r in results) == 1
    assert sum(isinstance(r, AlreadyClaimed) for r in results) == 9


async def test_two_instances_sharing_the_storage_claim_it_once(storage, clock):
    here, there = PendingActions(storage, clock=clock), PendingActions(storage, clock=clock)
    await here.add(record())
    results = await asyncio.gather(here.claim("req-1"), there.claim("req-1"), return_exceptions=True)
    assert sorted(type(r).__name__ for r in results) == ["AlreadyClaimed", "PendingAction"]


def test_a_record_expires_after_a_week():
    assert not record(created=T0).expired(T0 + RECORD_TTL_SECONDS - 1)
    assert record(created=T0).expired(T0 + RECORD_TTL_SECONDS + 1)


def test_request_ids_are_unguessable_and_distinct():
    ids = {new_request_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) >= 16 for i in ids)
