"""Graph change notifications over HTTP, the worker that handles them, and proactive posting.

Routes (next to /api/messages):

- `POST /api/notifications` and `POST /api/notifications/lifecycle`: with
  `?validationToken=…` (Graph's validation handshake) → 200 text/plain with the decoded
  token, at once. Otherwise a notification batch: each item's `clientState` is compared in
  constant time with the secret stored for its subscription; unknown subscriptions and
  wrong secrets are dropped (no Graph call, nothing queued). The rest is written to the
  shared store's queue (`bot.notification_queue`) and the answer is 202, well within
  Graph's 3 s; a body that is not a notification batch gets 400, a store that refuses the
  write 503 (Graph delivers again).
- The worker drains the queue in the background (one subscription's changes in order,
  different users concurrently) through `dialogs.invitations.Invitations.handle`, and
  removes what it finished; passing failures stay queued and are retried with backoff.
- Renewals run every `renew_every` seconds on the one instance holding the lease
  (`invitations/lease` in the shared store).
- `ProactivePoster` posts and updates cards in the user's personal chat with the stored
  ConversationReference and the bot's app id (`adapter.continue_conversation`).

Logs carry subscription and user ids, never clientState, tokens or message text.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference

from bot.notification_queue import NotificationQueue
from bot.replies import card_activity
from dialogs.invitation_store import LEASE_KEY, Change, InvitationStore, SubscriptionRef
from dialogs.invitations import LIFECYCLE_PATH, NOTIFICATIONS_PATH, Invitations, Retry

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
ANSWER_WITHIN = 2.5  # seconds: Graph wants an answer within 3
LIFECYCLE_EVENTS = ("reauthorizationRequired", "subscriptionRemoved", "missed")
CHANGE_TYPES = ("created", "updated")
MAX_ATTEMPTS = 8
MAX_ID = 128  # Graph's subscription ids are GUIDs; anything longer is not one of ours


class ProactivePoster:
    """Posts into a stored conversation as the bot (the user is not talking to it)."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        self._adapter = adapter
        self._app_id = app_id

    async def send(self, reference: dict[str, Any], card: dict[str, Any]) -> str | None:
        sent: list[str | None] = []

        async def post(context: TurnContext) -> None:
            response = await context.send_activity(card_activity(card))
            sent.append(getattr(response, "id", None))

        await self._adapter.continue_conversation(ConversationReference.deserialize(reference), post, self._app_id)
        return sent[0] if sent else None

    async def update(self, reference: dict[str, Any], activity_id: str, card: dict[str, Any]) -> None:
        async def replace(context: TurnContext) -> None:
            activity = card_activity(card)
            activity.id = activity_id
            await context.update_activity(activity)

        await self._adapter.continue_conversation(ConversationReference.deserialize(reference), replace, self._app_id)


class Notifications:
    def __init__(
        self,
        invitations: Invitations,
        store: InvitationStore,
        *,
        renew_every: float = 900.0,
        lease_seconds: float = 600.0,
        clock: Callable[[], datetime],
        concurrency: int = 4,
    ) -> None:
        self.invitations = invitations
        self.store = store
        self.queue = NotificationQueue(store)
        self._renew_every = renew_every
        self._lease = lease_seconds
        self._clock = clock
        self._instance = uuid.uuid4().hex
        self._slots = asyncio.Semaphore(concurrency)
        self._known: dict[str, tuple[SubscriptionRef, float]] = {}
        self._retry_at: dict[str, float] = {}
        self._attempts: dict[str, int] = defaultdict(int)
        self._tasks: list[asyncio.Task[None]] = []
        # Graph's deliveries come first: the worker waits (briefly) while any is being answered.
        self._receiving = 0
        self._quiet = asyncio.Event()
        self.handled = 0

    # ----- HTTP ------------------------------------------------------------------------------
    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(NOTIFICATIONS_PATH, self.notifications)
        app.router.add_post(LIFECYCLE_PATH, self.lifecycle)
        app.on_startup.append(self._start)
        app.on_shutdown.append(self._stop)

    async def notifications(self, request: web.Request) -> web.Response:
        return await self._receive(request, lifecycle=False)

    async def lifecycle(self, request: web.Request) -> web.Response:
        return await self._receive(request, lifecycle=True)

    async def _receive(self, request: web.Request, *, lifecycle: bool) -> web.Response:
        self._receiving += 1
        try:
            return await self._answer(request, lifecycle=lifecycle)
        finally:
            self._receiving -= 1
            if not self._receiving:
                self._quiet.set()

    async def _answer(self, request: web.Request, *, lifecycle: bool) -> web.Response:
        token = request.query.get("validationToken")
        if token is not None:
            return web.Response(text=token, content_type="text/plain")
        if (request.content_length or 0) > MAX_BODY_BYTES:
            return web.Response(status=413)
        try:
            body = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400, text="not a notification batch")
        items = body.get("value") if isinstance(body, dict) else None
        if not isinstance(items, list):
            return web.Response(status=400, text="not a notification batch")
        changes = [c for c in [await self._accept(item, lifecycle) for item in items] if c is not None]
        if changes:
            try:
                await asyncio.wait_for(self.queue.put(changes), ANSWER_WITHIN)
            except Exception as exc:  # the store refused or is slow: Graph retries on a 5xx
                log.warning("could not queue %d notifications: %s", len(changes), type(exc).__name__)
                return web.Response(status=503)
        return web.Response(status=202)

    async def _accept(self, item: Any, lifecycle: bool) -> Change | None:
        if not isinstance(item, dict):
            return None
        sub_id = str(item.get("subscriptionId") or "")
        given = item.get("clientState")
        ref = await self._subscription(sub_id) if len(sub_id) <= MAX_ID else None
        if (
            ref is None
            or not isinstance(given, str)
            or not hmac.compare_digest(given.encode(), ref.client_state.encode())
        ):
            log.info("ignored a notification for subscription %.64r (unknown or wrong clientState)", sub_id)
            return None
        if lifecycle:
            event = str(item.get("lifecycleEvent") or "")
            return Change(sub_id, lifecycle=event) if event in LIFECYCLE_EVENTS else None
        change_type = str(item.get("changeType") or "")
        raw = item.get("resourceData")
        data: dict[str, Any] = raw if isinstance(raw, dict) else {}
        event_id = str(data.get("id") or "") or str(item.get("resource") or "").rsplit("/", 1)[-1]
        if change_type not in CHANGE_TYPES or not event_id:
            return None
        return Change(sub_id, change_type=change_type, event_id=event_id)

    async def _subscription(self, sub_id: str) -> SubscriptionRef | None:
        cached = self._known.get(sub_id)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        ref = await self.store.subscription(sub_id)
        if ref is not None:
            if len(self._known) > 10_000:
                self._known.clear()
            self._known[sub_id] = (ref, time.monotonic() + 60.0)
        return ref

    def forget(self, sub_id: str) -> None:
        self._known.pop(sub_id, None)

    # ----- the worker ---------------------------------------------------------------------------
    async def _start(self, _: web.Application) -> None:
        self._tasks = [asyncio.create_task(self._work()), asyncio.create_task(self._renewals())]

    async def _stop(self, _: web.Application) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _work(self) -> None:
        while True:
            try:
                self.queue.added.clear()
                if not await self.drain():
                    try:
                        await asyncio.wait_for(self.queue.added.wait(), 2.0)
                    except TimeoutError:
                        pass
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep working; the items stay queued
                log.warning("notification worker: %s", type(exc).__name__)
                await asyncio.sleep(1.0)

    async def drain(self) -> int:
        """Handle what is queued now (retries not yet due are left); returns how many were handled."""
        now = time.monotonic()
        changes = [c for c in await self.queue.peek() if self._retry_at.get(c.id, 0) <= now]
        if not changes:
            return 0
        by_subscription: dict[str, list[Change]] = defaultdict(list)
        for change in changes:
            by_subscription[change.subscription_id].append(change)
        finished: set[str] = set()
        await asyncio.gather(*(self._run(group, finished) for group in by_subscription.values()))
        await self.queue.remove(finished)
        self.handled += len(finished)
        return len(finished)

    async def _run(self, group: list[Change], finished: set[str]) -> None:
        async with self._slots:
            for change in group:
                await self._yield_to_deliveries()
                try:
                    await self.invitations.handle(change)
                except Retry as exc:
                    self._attempts[change.id] += 1
                    if self._attempts[change.id] < MAX_ATTEMPTS:
                        delay = min(300.0, 2.0 ** self._attempts[change.id])
                        self._retry_at[change.id] = time.monotonic() + delay
                        log.info(
                            "notification for subscription %s: %s, retry in %.0f s", change.subscription_id, exc, delay
                        )
                        continue
                    log.warning(
                        "notification for subscription %s dropped after %d attempts",
                        change.subscription_id,
                        MAX_ATTEMPTS,
                    )
                except Exception as exc:  # a bug or an unexpected answer: log it, don't loop on it
                    log.warning(
                        "notification for subscription %s failed: %s",
                        change.subscription_id,
                        type(exc).__name__,
                        exc_info=exc,
                    )
                finished.add(change.id)
                self._retry_at.pop(change.id, None)
                self._attempts.pop(change.id, None)

    async def _yield_to_deliveries(self) -> None:
        if self._receiving:
            self._quiet.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._quiet.wait(), 0.005)

    # ----- renewals -------------------------------------------------------------------------------
    async def _renewals(self) -> None:
        while True:
            try:
                await self.renew_if_leader()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("subscription renewals: %s", type(exc).__name__)
            await asyncio.sleep(self._renew_every)

    async def renew_if_leader(self) -> int | None:
        """Renew due subscriptions if this instance holds (or takes) the lease; None if another does."""
        now = self._clock()
        until = (now + timedelta(seconds=self._lease)).isoformat()

        def take(data: dict[str, Any] | None) -> dict[str, Any] | None:
            if data and data.get("owner") != self._instance and datetime.fromisoformat(data["until"]) > now:
                return None
            return {**(data or {}), "owner": self._instance, "until": until}

        lease = await self.store.update(LEASE_KEY, take)
        if not lease or lease.get("owner") != self._instance:
            return None
        return await self.invitations.renew_due()
