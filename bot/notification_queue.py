"""Accepted Graph notifications, kept in the shared store until they have been handled.

The notification endpoint must answer within 3 s and lose nothing if the process dies
right after answering, so each accepted notification is in the store before the answer.
Writes are group-committed and append-only, so their cost does not grow with the backlog:

- concurrent requests share one *segment* (`invitations/queue/{id}`, created once, holding
  that group's changes as compact strings), then its id is appended to the small index
  `invitations/queue` (a write conditional on the index's e_tag, retried on conflicts);
- the worker reads the index and its segments, handles the changes, and removes what it
  finished: a segment whose changes are all done is deleted and leaves the index, a
  partly done one is rewritten with the rest. A restarted instance, or another one,
  finds whatever is left.

A segment is written before its id enters the index: a crash in between happens before
the 202, so Graph delivers again and nothing is lost.
"""

from __future__ import annotations

import asyncio
import functools
import uuid
from collections import defaultdict
from typing import Any

from dialogs.invitation_store import QUEUE_KEY, Change, InvitationStore

SEGMENT = QUEUE_KEY + "/"
SEP = "\x1f"  # unit separator: never in ids Graph or Regrets make


def _pack(change: Change) -> str:
    return SEP.join((change.subscription_id, change.change_type, change.event_id, change.lifecycle))


def _unpack(text: str, change_id: str) -> Change | None:
    parts = str(text).split(SEP)
    if len(parts) != 4:
        return None
    return Change(parts[0], parts[1], parts[2], parts[3], id=change_id)


class NotificationQueue:
    def __init__(self, store: InvitationStore, *, max_segments: int = 20_000) -> None:
        self._store = store
        self._max = max_segments
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
            seen: set[str] = set()
            items = []
            for changes, _ in batch:
                for change in changes:
                    packed = _pack(change)
                    if packed not in seen:  # a redelivery inside the same group
                        seen.add(packed)
                        items.append(packed)
            segment = uuid.uuid4().hex
            try:
                await self._store.write_new(SEGMENT + segment, {"items": items})
                await self._store.update(QUEUE_KEY, functools.partial(self._append, segment=segment))
            except Exception as exc:  # every waiter learns it; the endpoint answers 5xx and Graph retries
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for _, future in batch:
                if not future.done():
                    future.set_result(None)

    def _append(self, data: dict[str, Any] | None, segment: str) -> dict[str, Any]:
        segments = list((data or {}).get("segments") or [])
        if len(segments) >= self._max:
            raise OverflowError("notification queue is full")
        return {**(data or {}), "segments": [*segments, segment]}

    async def peek(self, limit: int = 500) -> list[Change]:
        """Queued changes, oldest segments first (each id is `segment:index`)."""
        index = await self._store.read(QUEUE_KEY)
        segments = list((index or {}).get("segments") or [])[:limit]
        if not segments:
            return []
        found = await self._store.read_many([SEGMENT + s for s in segments])
        changes: list[Change] = []
        for segment in segments:
            data = found.get(SEGMENT + segment) or {}
            for n, text in enumerate(data.get("items") or []):
                if text is None:
                    continue
                change = _unpack(text, f"{segment}:{n}")
                if change is not None:
                    changes.append(change)
        return changes

    async def remove(self, ids: set[str]) -> None:
        """Forget finished changes; a segment with nothing left is deleted and leaves the index."""
        by_segment: dict[str, set[int]] = defaultdict(set)
        for change_id in ids:
            segment, _, n = change_id.partition(":")
            if n.isdigit():
                by_segment[segment].add(int(n))
        emptied: set[str] = set()
        for segment, finished in by_segment.items():

            def drop(data: dict[str, Any] | None, finished: set[int] = finished) -> dict[str, Any] | None:
                if data is None:
                    return None
                items = [None if n in finished else item for n, item in enumerate(data.get("items") or [])]
                return {**data, "items": items}

            result = await self._store.update(SEGMENT + segment, drop)
            if result is None or not any(i is not None for i in result.get("items") or []):
                emptied.add(segment)
        if not emptied:
            return

        def unlist(data: dict[str, Any] | None) -> dict[str, Any] | None:
            segments = list((data or {}).get("segments") or [])
            kept = [s for s in segments if s not in emptied]
            return None if len(kept) == len(segments) else {**(data or {}), "segments": kept}

        await self._store.update(QUEUE_KEY, unlist)
        await self._store.delete_keys([SEGMENT + s for s in emptied])
