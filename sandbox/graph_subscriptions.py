"""The Graph stand-in's change notifications: subscriptions, validation, notifications, lifecycle.

Written from Microsoft Graph's documentation of webhooks for Outlook events:

- `POST /subscriptions` (resource `/me/events` or `/users/{id}/events`, `changeType` a
  comma list of created/updated/deleted, `notificationUrl`, optional
  `lifecycleNotificationUrl`, `expirationDateTime` at most 10,080 minutes ahead,
  `clientState` ≤ 128 characters). Before answering 201, each URL is validated: a POST
  to `{url}?validationToken=<token>` (text/plain) that must answer 200, text/plain, with
  the decoded token within 10 s; otherwise 400 and no subscription.
- `GET /subscriptions[/{id}]`, `PATCH /subscriptions/{id}` (new expiry),
  `POST /subscriptions/{id}/reauthorize` (204), `DELETE /subscriptions/{id}` (204); only
  the creator may touch a subscription.
- A change to an event in a subscribed mailbox (`GraphState.changed`) is POSTed, after
  the change, to every live subscription on that mailbox with a matching changeType:
  `{"value": [{subscriptionId, subscriptionExpirationDateTime, changeType, resource,
  resourceData, clientState, tenantId}]}`. Deliveries run on a thread of their own and
  are recorded (`deliveries`) with the bot's status and answer time.
- Lifecycle events are injected by tests and the demo (`lifecycle(...)`):
  `reauthorizationRequired`, `subscriptionRemoved` (the subscription is gone first) and
  `missed` (pair it with `drop_next` to lose notifications first).
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import httpx

from sandbox.clock import wall_now

MAX_MINUTES = 10_080
VALIDATION_TIMEOUT = 10.0
CHANGE_TYPES = {"created", "updated", "deleted"}
TENANT = "00000000-0000-0000-0000-00000000c0de"


class SubscriptionFailure(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class StoredSubscription:
    id: str
    owner: str
    resource: str
    change_types: set[str]
    notification_url: str
    lifecycle_url: str | None
    client_state: str | None
    expires: datetime
    application_id: str = ""
    needs_reauthorization: bool = False

    def render(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "resource": self.resource,
            "applicationId": self.application_id,
            "changeType": ",".join(sorted(self.change_types)),
            "clientState": self.client_state,
            "notificationUrl": self.notification_url,
            "lifecycleNotificationUrl": self.lifecycle_url,
            "expirationDateTime": self.expires.strftime("%Y-%m-%dT%H:%M:%S.0000000Z"),
            "creatorId": self.owner,
            "latestSupportedTlsVersion": "v1_2",
        }


@dataclass
class Delivery:
    url: str
    body: dict[str, Any]
    status: int
    seconds: float
    kind: str  # notification | lifecycle


@dataclass
class Subscriptions:
    """Every subscription the stand-in holds, and what it delivered."""

    clock: Callable[[], datetime] = field(default=wall_now)
    subscriptions: dict[str, StoredSubscription] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    validations: list[str] = field(default_factory=list)  # URLs validated
    drop_next: int = 0  # notifications to lose (for `missed`)
    _queue: queue.Queue = field(default_factory=queue.Queue)
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _idle: threading.Condition = field(default_factory=threading.Condition)
    _busy: int = 0

    # ----- HTTP (called from graph_service.dispatch) ------------------------------------

    async def handle(self, caller: str, method: str, rest: list[str], body: Any) -> tuple[int, Any]:
        if not rest:
            if method == "POST":
                return 201, await self._create(caller, body)
            if method == "GET":
                mine = [s.render() for s in self._live() if s.owner == caller]
                return 200, {"value": mine}
            raise SubscriptionFailure(405, "BadRequest", "The requested HTTP method is not allowed.")
        sub = self._mine(caller, rest[0])
        if len(rest) == 2 and rest[1].lower() == "reauthorize" and method == "POST":
            sub.needs_reauthorization = False
            return 204, None
        if len(rest) != 1:
            raise SubscriptionFailure(400, "BadRequest", "Resource not found for the segment.")
        if method == "GET":
            return 200, sub.render()
        if method == "DELETE":
            with self._lock:
                self.subscriptions.pop(sub.id, None)
            return 204, None
        if method == "PATCH":
            fields = body if isinstance(body, dict) else {}
            sub.expires = self._expiry(fields.get("expirationDateTime"))
            sub.needs_reauthorization = False
            return 200, sub.render()
        raise SubscriptionFailure(405, "BadRequest", "The requested HTTP method is not allowed.")

    async def _create(self, caller: str, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise SubscriptionFailure(400, "InvalidRequest", "The request body is not a subscription.")
        resource = str(body.get("resource") or "")
        if resource.strip("/").lower() not in ("me/events", f"users/{caller}/events".lower()):
            raise SubscriptionFailure(400, "InvalidRequest", f"Unsupported resource '{resource}'.")
        types = {t.strip() for t in str(body.get("changeType") or "").split(",") if t.strip()}
        if not types or not types <= CHANGE_TYPES:
            raise SubscriptionFailure(400, "InvalidRequest", "changeType must list created, updated or deleted.")
        state = body.get("clientState")
        if state is not None and (not isinstance(state, str) or len(state) > 128):
            raise SubscriptionFailure(400, "InvalidRequest", "clientState is limited to 128 characters.")
        url = self._url(body.get("notificationUrl"), "notificationUrl")
        lifecycle = body.get("lifecycleNotificationUrl")
        lifecycle = self._url(lifecycle, "lifecycleNotificationUrl") if lifecycle else None
        expires = self._expiry(body.get("expirationDateTime"))
        for target in (url, lifecycle):
            if target and not await self._validate(target):
                raise SubscriptionFailure(
                    400,
                    "InvalidRequest",
                    "Subscription validation request failed. Notification endpoint must respond with 200 OK "
                    "to validation request.",
                )
        sub = StoredSubscription(
            id=str(uuid.uuid4()),
            owner=caller,
            resource=resource,
            change_types=types,
            notification_url=url,
            lifecycle_url=lifecycle,
            client_state=state,
            expires=expires,
        )
        with self._lock:
            self.subscriptions[sub.id] = sub
        return sub.render()

    def _mine(self, caller: str, sub_id: str) -> StoredSubscription:
        sub = self.subscriptions.get(sub_id)
        if sub is None or sub.expires <= self.clock():
            raise SubscriptionFailure(404, "ResourceNotFound", f"Resource '{sub_id}' does not exist.")
        if sub.owner != caller:
            raise SubscriptionFailure(403, "ExtensionError", "Operation not permitted for this caller.")
        return sub

    @staticmethod
    def _url(value: Any, name: str) -> str:
        parsed = urlparse(str(value or ""))
        loopback = parsed.hostname in ("127.0.0.1", "localhost", "::1")
        if parsed.scheme != "https" and not (parsed.scheme == "http" and loopback):
            raise SubscriptionFailure(400, "InvalidRequest", f"{name} must be an https URL.")
        return str(value)

    def _expiry(self, value: Any) -> datetime:
        try:
            text = str(value).replace("Z", "+00:00")
            if "." in text:
                head, rest = text.split(".", 1)
                digits = "".join(ch for ch in rest if ch.isdigit())
                text = f"{head}.{digits[:6]}{rest[len(digits) :]}"
            expires = datetime.fromisoformat(text)
        except (TypeError, ValueError):
            raise SubscriptionFailure(400, "InvalidRequest", "expirationDateTime is not a date and time.") from None
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        now = self.clock()
        if expires <= now:
            raise SubscriptionFailure(400, "InvalidRequest", "Subscription expiration must be in the future.")
        if expires > now + timedelta(minutes=MAX_MINUTES):
            raise SubscriptionFailure(
                400, "InvalidRequest", f"Subscription expiration can only be {MAX_MINUTES} minutes in the future."
            )
        return expires

    async def _validate(self, url: str) -> bool:
        token = "Validation: Testing client application reachability for subscription Request-Id: " + str(uuid.uuid4())
        try:
            async with httpx.AsyncClient(timeout=VALIDATION_TIMEOUT) as client:
                response = await client.post(
                    url, params={"validationToken": token}, headers={"Content-Type": "text/plain; charset=utf-8"}
                )
        except httpx.HTTPError:
            return False
        self.validations.append(url)
        return (
            response.status_code == 200
            and response.headers.get("content-type", "").startswith("text/plain")
            and response.text == token
        )

    # ----- notifications -----------------------------------------------------------------

    def _live(self) -> list[StoredSubscription]:
        now = self.clock()
        with self._lock:
            return [s for s in self.subscriptions.values() if s.expires > now]

    def event_changed(self, owner: str, event_id: str, change_type: str, etag: str = "") -> None:
        """An event in `owner`'s mailbox was created/updated: notify the live subscriptions on it."""
        for sub in self._live():
            if sub.owner != owner or change_type not in sub.change_types:
                continue
            if self.drop_next > 0:
                self.drop_next -= 1
                continue
            resource = f"Users/{owner}/Events/{event_id}"
            item = {
                "subscriptionId": sub.id,
                "subscriptionExpirationDateTime": sub.render()["expirationDateTime"],
                "changeType": change_type,
                "resource": resource,
                "resourceData": {
                    "@odata.type": "#Microsoft.Graph.Event",
                    "@odata.id": resource,
                    "@odata.etag": etag or f'W/"{secrets.token_hex(8)}"',
                    "id": event_id,
                },
                "clientState": sub.client_state,
                "tenantId": TENANT,
            }
            self.post(sub.notification_url, {"value": [item]}, "notification")

    def lifecycle(self, subscription_id: str, event: str) -> None:
        """Send a lifecycle event (reauthorizationRequired, subscriptionRemoved, missed)."""
        sub = self.subscriptions.get(subscription_id)
        if sub is None or not sub.lifecycle_url:
            raise KeyError(f"no subscription {subscription_id} with a lifecycle URL")
        if event == "subscriptionRemoved":
            with self._lock:
                self.subscriptions.pop(subscription_id, None)
        if event == "reauthorizationRequired":
            sub.needs_reauthorization = True
        item = {
            "lifecycleEvent": event,
            "subscriptionId": sub.id,
            "subscriptionExpirationDateTime": sub.render()["expirationDateTime"],
            "clientState": sub.client_state,
            "tenantId": TENANT,
        }
        self.post(sub.lifecycle_url, {"value": [item]}, "lifecycle")

    def post(self, url: str, body: Mapping[str, Any], kind: str = "notification") -> None:
        """Queue one delivery (tests use it to redeliver or forge)."""
        with self._idle:
            self._busy += 1
        self._queue.put((url, json.loads(json.dumps(body)), kind))
        self._ensure_thread()

    def wait_idle(self, within: float = 10.0) -> None:
        """Block until every queued delivery has been answered."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._busy == 0, within):
                raise TimeoutError(f"{self._busy} deliveries still pending")

    def for_owner(self, owner: str) -> list[StoredSubscription]:
        return [s for s in self._live() if s.owner == owner]

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._deliver, name="graph-notifications", daemon=True)
                self._thread.start()

    def _deliver(self) -> None:
        with httpx.Client(timeout=10.0) as client:
            while True:
                url, body, kind = self._queue.get()
                started = time.perf_counter()
                try:
                    status = client.post(url, json=body).status_code
                except httpx.HTTPError:
                    status = 0
                self.deliveries.append(Delivery(url, body, status, time.perf_counter() - started, kind))
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()


# ----- the demo's "send me an invitation" page (plain HTTP on loopback) ---------------------

DEMO_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Graph stand-in: invitations</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Send a new meeting invitation</h1>
<p>Adds an invitation from Bo Chen to the calendar of every user who turned on invitation cards
(say “turn on invitation cards” to Regrets first). Graph's change notification follows, and the
card appears in the chat.</p>
<form method="post"><button style="font-size: 1.2em">Send an invitation</button></form>
<p>{status}</p></body></html>"""


def demo_invitation(state: Any, now: datetime | None = None) -> int:
    """Add one invitation (tomorrow, 11:00 in each mailbox's zone) to every subscribed mailbox."""
    from sandbox.zones import zone

    owners = sorted({s.owner for s in state.subscriptions._live()})
    for owner in owners:
        box = state.mailboxes[owner]
        tz = zone(box.time_zone)
        start = (now or state.clock()).astimezone(tz).replace(hour=11, minute=0, second=0, microsecond=0)
        start += timedelta(days=1)
        fmt = "%Y-%m-%dT%H:%M:%S"
        state.add_event(
            owner,
            {
                "subject": "Roadmap review with the design team",
                "start": {"dateTime": start.strftime(fmt), "timeZone": box.time_zone},
                "end": {"dateTime": (start + timedelta(minutes=45)).strftime(fmt), "timeZone": box.time_zone},
                "organizer": {"emailAddress": {"name": "Bo Chen", "address": "bo.chen@fabrikam.example"}},
                "location": {"displayName": "Room 4.12"},
                "onlineMeeting": {"joinUrl": "https://teams.microsoft.com/l/meetup-join/demo"},
            },
        )
    return len(owners)


def create_demo_app(state: Any) -> Any:
    """GET shows a button; POST sends every subscribed demo user a new invitation."""
    from aiohttp import web

    async def page(request: web.Request) -> web.Response:
        status = ""
        if request.method == "POST":
            sent = demo_invitation(state)
            status = f"Sent to {sent} user(s)." if sent else "Nobody has turned on invitation cards yet."
        return web.Response(text=DEMO_PAGE.format(status=status), content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/", page)
    return app
