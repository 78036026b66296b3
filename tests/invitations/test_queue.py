"""The notification queue in the shared store: durable before the answer, shared, deduplicated."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.memory_storage import InMemoryStorage as MemoryStorage
from bot.notification_queue import NotificationQueue
from bot.notifications import Notifications
from dialogs.invitation_store import Change, InvitationStore


class CountingStorage(MemoryStorage):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    async def write(self, changes):
        self.writes += 1
        await asyncio.sleep(0)  # a real store answers later; let other requests pile up
        await super().write(changes)


async def test_a_put_is_in_the_store_when_it_returns_and_a_restarted_instance_finds_it():
    storage = MemoryStorage()
    await NotificationQueue(InvitationStore(storage)).put([Change("sub-1", "created", "ev-1")])
    restarted = NotificationQueue(InvitationStore(storage))
    assert [(c.subscription_id, c.change_type, c.event_id) for c in await restarted.peek()] == [
        ("sub-1", "created", "ev-1")
    ]


async def test_concurrent_puts_share_a_few_store_writes_and_lose_nothing():
    storage = CountingStorage()
    queue = NotificationQueue(InvitationStore(storage))
    await asyncio.gather(*(queue.put([Change("sub", "created", f"ev-{i}")]) for i in range(200)))
    assert len(await queue.peek(1000)) == 200
    assert storage.writes <= 10


async def test_two_instances_writing_at_once_both_keep_their_items():
    storage = CountingStorage()
    one, two = NotificationQueue(InvitationStore(storage)), NotificationQueue(InvitationStore(storage))
    await asyncio.gather(
        *(q.put([Change("sub", "created", f"{name}-{i}")]) for i in range(20) for name, q in (("a", one), ("b", two)))
    )
    assert len(await one.peek(1000)) == 40


async def test_the_same_notification_twice_in_one_delivery_is_queued_once():
    queue = NotificationQueue(InvitationStore(MemoryStorage()))
    await queue.put(
        [Change("sub", "created", "ev-1"), Change("sub", "created", "ev-1"), Change("sub", "updated", "ev-1")]
    )
    assert [c.change_type for c in await queue.peek()] == ["created", "updated"]


async def test_a_backlog_does_not_make_each_write_bigger():
    storage = MemoryStorage()
    queue = NotificationQueue(InvitationStore(storage))
    for i in range(300):
        await queue.put([Change("sub", "created", f"ev-{i}")])
    # Each accepted delivery writes its own small segment; the index holds ids only.
    assert len(await queue.peek(1000)) == 300
    index = (await storage.read(["invitations/queue"]))["invitations/queue"]
    assert len(index["segments"]) == 300 and all(len(s) == 32 for s in index["segments"])


def storage_keys(queue: NotificationQueue) -> list[str]:
    return list(queue._store._storage._items)  # the in-memory store's keys: nothing left behind


async def test_remove_drops_only_the_finished_items_and_then_the_segment():
    queue = NotificationQueue(InvitationStore(MemoryStorage()))
    await queue.put([Change("sub", "created", "ev-1"), Change("sub", "created", "ev-2")])
    first, second = await queue.peek()
    await queue.remove({first.id})
    assert [c.id for c in await queue.peek()] == [second.id]
    await queue.remove({second.id})
    assert await queue.peek() == []
    assert [k for k in storage_keys(queue) if k.startswith("invitations/queue/")] == []


class CountingRenewals:
    def __init__(self) -> None:
        self.runs = 0

    async def renew_due(self) -> int:
        self.runs += 1
        return 0


async def test_only_the_instance_holding_the_lease_renews_until_the_lease_runs_out():
    storage = MemoryStorage()
    now = [datetime(2026, 12, 7, 9, 0, tzinfo=UTC)]
    first, second = CountingRenewals(), CountingRenewals()
    a = Notifications(first, InvitationStore(storage), clock=lambda: now[0], lease_seconds=600)
    b = Notifications(second, InvitationStore(storage), clock=lambda: now[0], lease_seconds=600)
    assert await a.renew_if_leader() == 0
    assert await b.renew_if_leader() is None
    assert await a.renew_if_leader() == 0
    now[0] += timedelta(seconds=601)
    assert await b.renew_if_leader() == 0
    assert await a.renew_if_leader() is None
    assert (first.runs, second.runs) == (2, 1)
