"""Pending card actions: what a card's buttons may do, kept in the bot's storage.

Each card with buttons gets a `request_id`; its record says whose request it was, which
meetings it offers, and whether it has been used. A click claims the record with an
optimistic write (the storage's e_tag), so a double click, a click from two Teams
clients, or a second instance racing this one results in exactly one Graph call; the
loser is told honestly what happened. Nothing lives only in process memory, so a
restart between the card and the click works with a persistent store.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

from botbuilder.core import Storage

from clock import REAL

RECORD_TTL_SECONDS = 7 * 24 * 3600
_PREFIX = "pending/"


@dataclass
class PendingAction:
    request_id: str
    user_key: str
    conversation_id: str
    verb: str
    # event id → snapshot (dialogs.snapshots), so a click needs no Graph read.
    events: dict[str, dict[str, Any]]
    # Set once the card is sent; the click's update replaces this activity.
    activity_id: str | None = None
    state: str = "open"  # open → claimed → done (or failed, which reopens)
    outcome: dict[str, Any] = field(default_factory=dict)
    created: float = field(default_factory=REAL.timestamp)  # epoch seconds, shared across instances
    e_tag: str = "1"

    @property
    def expired(self) -> bool:
        return REAL.timestamp() - self.created > RECORD_TTL_SECONDS


class AlreadyClaimed(Exception):
    """Another click got there first; `record` is what it left."""

    def __init__(self, record: PendingAction | None) -> None:
        super().__init__("already claimed")
        self.record = record


def new_request_id() -> str:
    return secrets.token_urlsafe(12)


class PendingActions:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        self._locks: dict[str, asyncio.Lock] = {}

    async def add(self, record: PendingAction) -> None:
        await self._storage.write({_PREFIX + record.request_id: asdict(record)})

    async def get(self, request_id: str) -> PendingAction | None:
        if not request_id:
            return None
        key = _PREFIX + request_id
        found = (await self._storage.read([key])).get(key)
        if not found:
            return None
        data = dict(found) if isinstance(found, dict) else dict(vars(found))
        known = {f for f in PendingAction.__dataclass_fields__}
        return PendingAction(**{k: v for k, v in data.items() if k in known})

    async def set_activity(self, request_id: str, activity_id: str | None) -> None:
        record = await self.get(request_id)
        if record is not None and activity_id:
            record.activity_id = activity_id
            await self._write(record)

    async def claim(self, request_id: str) -> PendingAction:
        """Mark the record as being acted on; raise AlreadyClaimed if it is not open."""
        lock = self._locks.setdefault(request_id, asyncio.Lock())
        async with lock:
            record = await self.get(request_id)
            if record is None or record.state != "open":
                raise AlreadyClaimed(record)
            record.state = "claimed"
            try:
                await self._write(record)
            except KeyError as exc:  # e_tag conflict: another instance claimed it
                raise AlreadyClaimed(await self.get(request_id)) from exc
            return record

    async def finish(self, record: PendingAction, *, ok: bool, outcome: dict[str, Any]) -> None:
        fresh = await self.get(record.request_id) or record
        fresh.state = "done" if ok else "open"
        fresh.outcome = outcome
        await self._write(fresh)
        self._locks.pop(record.request_id, None)

    async def _write(self, record: PendingAction) -> None:
        await self._storage.write({_PREFIX + record.request_id: asdict(record)})
