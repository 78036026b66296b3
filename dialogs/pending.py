"""Pending card actions: what a card's buttons may do, kept in the bot's shared storage.

Each card with buttons gets a `request_id`; its record says whose card it is, in which
conversation it was sent, which meetings it offers (as they were when the card was shown)
and whether it has been used. A click goes claim → act → record the result:

    open ──claim (conditional write on the stored e_tag)──► claimed ──finish──► done
      ▲                                                        │
      └──────────── release (the act failed or was never tried) ┘
    claimed for longer than CLAIM_LEASE_SECONDS (the instance died mid-click) → claimable again

The claim is a write conditional on the e_tag that was read, so two instances receiving
the same click, or two clicks of one button, make one claim; the loser reads the record
again and answers with the winner's result. A crash between claim and act leaves a claim
that expires; the next click re-reads the meeting from Graph before acting (see
`dialogs.clicks`), so nothing is applied twice. Nothing lives only in process memory.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from clock import RealClock

log = logging.getLogger(__name__)


class Storage(Protocol):
    """The shared store's contract (bot/storage_contract.py): reads, and writes conditional on e_tags."""

    async def read(self, keys: list[str]) -> dict[str, Any]: ...

    async def write(self, changes: dict[str, Any]) -> None: ...


RECORD_TTL_SECONDS = 7 * 24 * 3600
# Longer than any click takes (Graph's retries included), short enough that a crashed
# instance's claim frees the card within a minute.
CLAIM_LEASE_SECONDS = 45.0
_PREFIX = "pending/"
# conversation id → the request id of the last card with buttons sent there ("never mind" drops it).
_LATEST = "pending-latest/"
# user + event → how Regrets last answered it; Outlook removes a declined meeting from the
# calendar, so a later stale click finds it gone and must still be able to say "already declined".
_ANSWERED = "answered/"
# How many cards' records an instance remembers as it wrote them (a card is usually clicked within
# a minute of being shown; about 2 KB each).
RECENT_KEPT = 500
# How many conversations' "latest card" versions an instance remembers (about 100 bytes each).
LATEST_TAGS_KEPT = 10_000

OPEN, CLAIMED, DONE = "open", "claimed", "done"


@dataclass
class PendingAction:
    request_id: str
    user_key: str
    conversation_id: str
    verb: str
    # event id → snapshot (dialogs.snapshots) of the meeting as the card showed it.
    events: dict[str, dict[str, Any]]
    # Whether the card offers acting on whole series (None: a record kept before this was recorded).
    series: bool | None = None
    # Set once the card is sent; a Submit click's update replaces this activity.
    activity_id: str | None = None
    state: str = OPEN
    # Once done: {"card": the final card, "message": the sentence}; what a later click is answered with.
    outcome: dict[str, Any] = field(default_factory=dict)
    created: float = 0.0
    claimed_at: float = 0.0
    # None until stored: the first write creates the record, later ones are conditional on it.
    e_tag: str | None = None

    def expired(self, now: float) -> bool:
        return now - self.created > RECORD_TTL_SECONDS

    def claimable(self, now: float) -> bool:
        return self.state == OPEN or (self.state == CLAIMED and now - self.claimed_at > CLAIM_LEASE_SECONDS)


def _answered_key(user_key: str, event_id: str) -> str:
    # Event ids are long and carry '/', '+' and '='; a digest keeps the key short and plain.
    return f"{_ANSWERED}{user_key}/{hashlib.sha256(event_id.encode()).hexdigest()[:32]}"


class AlreadyClaimed(Exception):
    """Another click got there first; `record` is what it left (None if the record is gone)."""

    def __init__(self, record: PendingAction | None) -> None:
        super().__init__("already claimed")
        self.record = record


def new_request_id() -> str:
    return secrets.token_urlsafe(12)


class PendingActions:
    def __init__(self, storage: Storage, clock: Callable[[], float] | None = None) -> None:
        self._storage = storage
        # Seconds since the epoch; app.py passes the one injected clock's `timestamp` (tests pin it).
        self._clock = clock or RealClock().timestamp
        # request id → the card's record as this instance last wrote it (a hint; see `get`).
        self._recent: dict[str, dict[str, Any]] = {}
        # conversation id → e_tag of the last "latest card" pointer written here (a hint, checked by the write).
        self._latest_tags: dict[str, str | None] = {}

    def now(self) -> float:
        return self._clock()

    async def add(self, record: PendingAction) -> None:
        if not record.created:
            record.created = self.now()
        await self._write(record)
        await self._remember_latest(record.conversation_id, record.request_id)

    async def _remember_latest(self, conversation_id: str, request_id: str) -> None:
        key = _LATEST + conversation_id
        # The version this process last wrote, if any: usually still current, which spares a read.
        tag = self._latest_tags.pop(conversation_id, None)
        for attempt in range(3):
            if attempt:  # another card in this conversation (here or elsewhere) moved it: read again
                found = (await self._storage.read([key])).get(key)
                tag = (found if isinstance(found, dict) else vars(found)).get("e_tag") if found else None
            item: dict[str, Any] = {"request_id": request_id, "e_tag": tag}
            try:
                await self._storage.write({key: item})
            except KeyError:
                continue
            if len(self._latest_tags) >= LATEST_TAGS_KEPT:
                self._latest_tags.pop(next(iter(self._latest_tags)))  # the oldest conversation
            self._latest_tags[conversation_id] = item.get("e_tag")
            return

    async def latest(self, conversation_id: str) -> PendingAction | None:
        """The last card with buttons in this conversation (used or not), unless it has expired."""
        key = _LATEST + conversation_id
        found = (await self._storage.read([key])).get(key)
        request_id = (found if isinstance(found, dict) else vars(found)).get("request_id") if found else None
        record = await self.get(str(request_id or ""))
        return None if record is None or record.expired(self.now()) else record

    async def remember_answer(self, user_key: str, event_id: str, verb: str) -> None:
        key = _answered_key(user_key, event_id)
        try:
            await self._storage.write({key: {"verb": verb, "at": self.now()}})  # create-only: the usual case
            return
        except KeyError:  # answered before (or at the same moment elsewhere): update what is there
            pass
        found = (await self._storage.read([key])).get(key)
        item: dict[str, Any] = {"verb": verb, "at": self.now()}
        if found:
            item["e_tag"] = (found if isinstance(found, dict) else vars(found)).get("e_tag")
        try:
            await self._storage.write({key: item})
        except KeyError:  # another instance wrote it just now: that record says the same
            pass

    async def answered(self, user_key: str, event_id: str) -> str | None:
        """The verb Regrets last sent for this user's meeting, if any."""
        key = _answered_key(user_key, event_id)
        found = (await self._storage.read([key])).get(key)
        verb = (found if isinstance(found, dict) else vars(found)).get("verb") if found else None
        return str(verb) if verb else None

    async def get(self, request_id: str, *, recent: bool = False) -> PendingAction | None:
        """The card's record from the store; with `recent`, as this instance last wrote it, if it did.

        A recent copy may be out of date (another instance clicked since): only a caller
        whose next step is a write conditional on the copy's e_tag (a claim) may use it,
        since that write then conflicts and the record is read again.
        """
        if not request_id:
            return None
        found: Any = self._recent.get(request_id) if recent else None
        if found is None:
            key = _PREFIX + request_id
            found = (await self._storage.read([key])).get(key)
        if not found:
            return None
        data = dict(found) if isinstance(found, dict) else dict(vars(found))
        known = set(PendingAction.__dataclass_fields__)
        return PendingAction(**{k: v for k, v in data.items() if k in known})

    async def claim(self, record: PendingAction | str) -> PendingAction:
        """Mark the record as being acted on; raise AlreadyClaimed if another click holds or used it.

        Given the record as the caller read it, the claim is one write, conditional on that
        read's e_tag: if anything changed it since (another click, here or on another
        instance), the write conflicts and the record is read again: claimed if the other
        claim has expired, else raised with the winner's record.
        """
        found: PendingAction | None = await self.get(record) if isinstance(record, str) else record
        for _ in range(2):
            now = self.now()
            if found is None or not found.claimable(now):
                raise AlreadyClaimed(found)
            claimed = replace(found, state=CLAIMED, claimed_at=now)
            try:
                await self._write(claimed)
                return claimed
            except KeyError:  # e_tag conflict: the record changed since that read
                # Read it again: another click may hold or have used it, or its claim may have expired.
                found = await self.get(found.request_id)
        raise AlreadyClaimed(found)

    async def finish(self, record: PendingAction, *, card: dict[str, Any], message: str) -> None:
        """Record the result of a claimed click: later clicks are answered with `card`.

        The meetings' snapshots are dropped then: a used card never acts again, and the final
        card says all a later click is told (this keeps a used card's record small).
        """
        await self._settle(record, DONE, {"card": card, "message": message}, events={})

    async def release(self, record: PendingAction) -> None:
        """Give a claim back (the act failed or was never tried): the card works again."""
        await self._settle(record, OPEN, {})

    async def _settle(
        self, record: PendingAction, state: str, outcome: dict[str, Any], events: dict[str, Any] | None = None
    ) -> None:
        # The claimed record carries the e_tag its claim wrote. If the record changed since, it is
        # read again and settled only if it is still this claim's (same claimed_at); a click that
        # took over after the lease ran out keeps its claim and re-reads the meeting itself.
        fresh: PendingAction | None = record
        for _ in range(2):
            if fresh is None or fresh.state != CLAIMED or fresh.claimed_at != record.claimed_at:
                log.info("pending action %s was taken over before it was settled; left as it is", record.request_id)
                return
            fresh.state, fresh.outcome = state, outcome
            if events is not None:
                fresh.events = events
            try:
                await self._write(fresh)
                return
            except KeyError:
                fresh = await self.get(record.request_id)
        # Still changing under us: its claim expires and the next click re-reads the meeting.
        log.warning("pending action %s could not be settled", record.request_id)

    async def _write(self, record: PendingAction) -> None:
        item = asdict(record)
        await self._storage.write({_PREFIX + record.request_id: item})
        # The store sets the written item's e_tag to its new version (bot/storage_contract.py).
        record.e_tag = item.get("e_tag", record.e_tag)
        if record.state == DONE:
            # Used up: a later click reads its final card from the store (rare), and memory keeps no cards.
            self._recent.pop(record.request_id, None)
            return
        if record.request_id not in self._recent and len(self._recent) >= RECENT_KEPT:
            self._recent.pop(next(iter(self._recent)))  # the oldest card written here
        self._recent[record.request_id] = item
