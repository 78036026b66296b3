"""Accepted Graph notifications, kept in the shared store until they have been handled.

The notification endpoint must answer within 3 s and lose nothing if the process dies
right after answering, so each accepted notification is written to the store before the
answer. Writes are group-committed: concurrent requests share one read-modify-write of
the queue record (conditional on its e_tag), so 200 notifications a second cost a
handful of storage writes. The worker reads the queue, handles each item, and removes
only what it finished; a restarted instance (or another one) finds the rest. Items
identical to one still waiting (Graph's at-least-once redeliveries) are not added twice.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Any

from dialogs.invitation_store import QUEUE_KEY, Change, InvitationStore


class NotificationQueue:
    def __init__(self, store: InvitationStore, *, max_items: int = 50_000) -> None:
        self._store = store
        self._max = max_items
        self._waiting: list[tuple[list[Change], asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        self.added = asyncio.Event()

    async def put(self, changes: list[Change]) -> None:
        """Returns once `changes` are in the store (raises if the store refused)."""
        if not changes:
            return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((changes, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())
        await asyncio.shield(done)
        self.added.set()

    async def _write(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            new = [c for changes, _ in batch for c in changes]

            def append(data: dict[str, Any] | None, new: list[Change] = new) -> dict[str, Any]:
                items = list((data or {}).get("items") or [])
                queued = {_key(i) for i in items}
                for change in new:
                    if change.key not in queued:
                        items.append(asdict(change))
                        queued.add(change.key)
                if len(items) > self._max:
                    raise OverflowError("notification queue is full")
                return {**(data or {}), "items": items}

            try:
                await self._store.update(QUEUE_KEY, append)
            except Exception as exc:  # every waiter learns it; the endpoint answers 5xx and Graph retries
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for _, future in batch:
                if not future.done():
                    future.set_result(None)

    async def peek(self, limit: int = 500) -> list[Change]:
        data = await self._store.read(QUEUE_KEY)
        known = Change.__dataclass_fields__
        return [Change(**{k: v for k, v in i.items() if k in known}) for i in ((data or {}).get("items") or [])[:limit]]

    async def remove(self, ids: set[str]) -> None:
        if not ids:
            return

        def drop(data: dict[str, Any] | None) -> dict[str, Any] | None:
            items = list((data or {}).get("items") or [])
            kept = [i for i in items if i.get("id") not in ids]
            return None if len(kept) == len(items) else {**(data or {}), "items": kept}

        await self._store.update(QUEUE_KEY, drop)


def _key(item: dict[str, Any]) -> tuple[str, str, str, str]:
    return (
        str(item.get("subscription_id", "")),
        str(item.get("change_type", "")),
        str(item.get("event_id", "")),
        str(item.get("lifecycle", "")),
    )
