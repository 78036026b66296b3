"""What invitation cards keep in the bot's shared store (the same botbuilder `Storage`).

Records, each under its own key and written with the storage's e_tag, so instances
sharing the store never overwrite each other's changes (a stale write raises `KeyError`
and is retried on a fresh read):

- `invitations/user/{user_key}` (`InviteUser`): opted in or not, the conversation to post
  into, the live subscription and its secret `clientState`, and one `CardRef` per
  invitation that got a card (the dedup: an event gets at most one card);
- `invitations/sub/{subscription_id}` (`SubscriptionRef`): which user a notification is for;
- `invitations/users`: who opted in (for renewals);
- `invitations/lease`: which instance runs renewals, until when;
- `invitations/queue`: notifications accepted but not yet handled (see `NotificationQueue`).
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol


class Storage(Protocol):
    """The bot's botbuilder Storage, as far as this module uses it (no Bot Framework in dialogs/)."""

    async def read(self, keys: list[str]) -> dict[str, Any]: ...

    async def write(self, changes: dict[str, Any]) -> None: ...

    async def delete(self, keys: list[str]) -> None: ...


PREFIX = "invitations/"
USERS_KEY = PREFIX + "users"
LEASE_KEY = PREFIX + "lease"
QUEUE_KEY = PREFIX + "queue"
ATTEMPTS = 8


@dataclass(frozen=True)
class Change:
    """One notification: an event change, or a lifecycle event when `lifecycle` is set."""

    subscription_id: str
    change_type: str = ""  # created | updated
    event_id: str = ""
    lifecycle: str = ""  # reauthorizationRequired | subscriptionRemoved | missed
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.subscription_id, self.change_type, self.event_id, self.lifecycle)


class StoreConflict(Exception):
    """A record kept changing under us: give up this time (the work stays queued)."""


@dataclass
class CardRef:
    request_id: str
    activity_id: str | None
    start: str  # ISO instants, to notice a moved invitation
    end: str
    state: str = "open"  # open | closed (answered here or elsewhere, cancelled)


@dataclass
class InviteUser:
    user_key: str
    enabled: bool = False
    # The Bot Framework ConversationReference of the personal chat, as the SDK serializes it.
    reference: dict[str, Any] = field(default_factory=dict)
    subscription_id: str = ""
    client_state: str = ""
    expires: str = ""  # ISO instant (UTC)
    sign_in_notice_sent: bool = False
    cards: dict[str, CardRef] = field(default_factory=dict)

    @classmethod
    def load(cls, data: dict[str, Any]) -> InviteUser:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["cards"] = {k: CardRef(**v) for k, v in (known.get("cards") or {}).items()}
        return cls(**known)


@dataclass(frozen=True)
class SubscriptionRef:
    subscription_id: str
    user_key: str
    client_state: str


class InvitationStore:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    # ----- generic conditional update ---------------------------------------------------
    async def read(self, key: str) -> dict[str, Any] | None:
        found = (await self._storage.read([key])).get(key)
        if not found:
            return None
        # MemoryStorage hands out its own dict: never change what it holds in place.
        return copy.deepcopy(dict(found) if isinstance(found, dict) else dict(vars(found)))

    async def read_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        found = await self._storage.read(keys)
        return {k: dict(v) if isinstance(v, dict) else dict(vars(v)) for k, v in found.items() if v}

    async def write_new(self, key: str, data: dict[str, Any]) -> None:
        """Create a record that must not exist yet (no e_tag: create-only under the storage contract)."""
        await self._storage.write({key: {**data, "e_tag": None}})

    async def delete_keys(self, keys: list[str]) -> None:
        if keys:
            await self._storage.delete(keys)

    async def update(self, key: str, change: Callable[[dict[str, Any] | None], dict[str, Any] | None]) -> Any:
        """Read, change, write with the read e_tag; retried on conflicts. `change` returns None to skip."""
        for _ in range(ATTEMPTS):
            current = await self.read(key)
            new = change(copy.deepcopy(current) if current is not None else None)
            if new is None:
                return current
            # The storage contract (bot/storage_contract.py): no e_tag creates only if absent,
            # the read e_tag updates only if unchanged; either way a racing writer is refused.
            new["e_tag"] = current.get("e_tag") if current else None
            try:
                await self._storage.write({key: new})
            except KeyError:
                continue
            return new
        raise StoreConflict(key.split("/")[1] if "/" in key else key)

    # ----- users ----------------------------------------------------------------------------
    async def user(self, user_key: str) -> InviteUser | None:
        data = await self.read(PREFIX + "user/" + user_key)
        return InviteUser.load(data) if data else None

    async def change_user(self, user_key: str, change: Callable[[InviteUser], bool]) -> InviteUser:
        """Apply `change` (returns whether it changed anything) to the user's record, atomically."""

        def apply(data: dict[str, Any] | None) -> dict[str, Any] | None:
            record = InviteUser.load(data) if data else InviteUser(user_key)
            if not change(record):
                return None
            return asdict(record)

        result = await self.update(PREFIX + "user/" + user_key, apply)
        return InviteUser.load(result) if result else InviteUser(user_key)

    async def opted_in(self) -> list[str]:
        data = await self.read(USERS_KEY)
        return list((data or {}).get("keys") or [])

    async def set_opted_in(self, user_key: str, on: bool) -> None:
        def apply(data: dict[str, Any] | None) -> dict[str, Any] | None:
            keys = list((data or {}).get("keys") or [])
            if (user_key in keys) == on:
                return None
            keys = [*keys, user_key] if on else [k for k in keys if k != user_key]
            return {**(data or {}), "keys": keys}

        await self.update(USERS_KEY, apply)

    # ----- subscriptions ----------------------------------------------------------------
    async def subscription(self, subscription_id: str) -> SubscriptionRef | None:
        if not subscription_id or "/" in subscription_id:
            return None
        data = await self.read(PREFIX + "sub/" + subscription_id)
        if not data:
            return None
        return SubscriptionRef(subscription_id, str(data["user_key"]), str(data["client_state"]))

    async def add_subscription(self, ref: SubscriptionRef) -> None:
        await self._storage.write(
            {PREFIX + "sub/" + ref.subscription_id: {"user_key": ref.user_key, "client_state": ref.client_state}}
        )

    async def remove_subscription(self, subscription_id: str) -> None:
        if subscription_id:
            await self._storage.delete([PREFIX + "sub/" + subscription_id])
