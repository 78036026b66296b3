"""Graph change notifications on a user's events, and reading one invitation.

Plain async Python over the same `httpx.AsyncClient` as the calendar client. Every call
takes the user's `TokenSource` (delegated: Graph only lets a user subscribe to their own
mailbox). What Graph documents and this module relies on:

- `POST /subscriptions` with `resource` `/me/events`, `changeType` `created,updated`,
  `notificationUrl`, `lifecycleNotificationUrl` (it cannot be added later), a secret
  `clientState` (≤ 128 characters) and an `expirationDateTime` no further ahead than
  Graph allows for Outlook events (10,080 minutes; older pages say 4,230, so Regrets asks
  for `LIFETIME`, under both). Graph validates both URLs before answering 201.
- `PATCH /subscriptions/{id}` renews (a new `expirationDateTime`), `POST
  /subscriptions/{id}/reauthorize` answers a `reauthorizationRequired` lifecycle event,
  `DELETE /subscriptions/{id}` ends it (404: already gone, which is what was wanted).
- A 401 gets one forced token refresh; a 429 waits for Retry-After (within a budget);
  503/504 and connection failures back off and retry. Failures are `graph.errors` types.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from graph.client import error_body, json_body, retry_after
from graph.errors import AuthExpired, BadResponse, GraphError, Throttled, Unavailable, from_response
from graph.models import SELECT_FIELDS, Event
from graph.timezones import parse_graph_datetime, zone

log = logging.getLogger(__name__)

TokenSource = Callable[..., Awaitable[str]]
Sleep = Callable[[float], Awaitable[None]]

RESOURCE = "/me/events"
CHANGE_TYPE = "created,updated"
# Outlook events allow at most 10,080 minutes (older documentation: 4,230); stay under both.
MAX_MINUTES = 10_080
LIFETIME = timedelta(minutes=4_200)
CLIENT_STATE_LIMIT = 128
INVITATION_FIELDS = (*SELECT_FIELDS, "location", "onlineMeeting", "onlineMeetingUrl", "isOnlineMeeting")
RETRYABLE = (502, 503, 504)


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    expires: datetime
    resource: str = RESOURCE


@dataclass(frozen=True, slots=True)
class Invitation:
    """An event as an invitation card needs it: the event plus where it happens."""

    event: Event
    location: str = ""
    online_url: str = ""


def _iso(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("expirationDateTime must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


def _parse_expiry(text: Any) -> datetime:
    if not isinstance(text, str) or not text:
        raise BadResponse("subscription has no expirationDateTime")
    return parse_graph_datetime(text.rstrip("Z"), "UTC")


def _subscription(body: Any) -> Subscription:
    if not isinstance(body, dict) or not body.get("id"):
        raise BadResponse("subscription answer has no id")
    return Subscription(
        id=str(body["id"]),
        expires=_parse_expiry(body.get("expirationDateTime")),
        resource=str(body.get("resource") or RESOURCE),
    )


class SubscriptionClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        sleep: Sleep = asyncio.sleep,
        max_attempts: int = 4,
        budget: float = 30.0,
    ) -> None:
        self._http = http
        self._sleep = sleep
        self._max_attempts = max_attempts
        self._budget = budget

    async def create(
        self,
        token: TokenSource,
        *,
        notification_url: str,
        lifecycle_url: str,
        client_state: str,
        expires: datetime,
        resource: str = RESOURCE,
        change_type: str = CHANGE_TYPE,
    ) -> Subscription:
        if len(client_state) > CLIENT_STATE_LIMIT:
            raise ValueError("clientState is limited to 128 characters")
        body = {
            "changeType": change_type,
            "notificationUrl": notification_url,
            "lifecycleNotificationUrl": lifecycle_url,
            "resource": resource,
            "expirationDateTime": _iso(expires),
            "clientState": client_state,
            "latestSupportedTlsVersion": "v1_2",
        }
        response = await self._request(token, "POST", "subscriptions", json_body=body)
        return _subscription(json_body(response))

    async def renew(self, token: TokenSource, subscription_id: str, expires: datetime) -> Subscription:
        response = await self._request(
            token, "PATCH", self._path(subscription_id), json_body={"expirationDateTime": _iso(expires)}
        )
        return _subscription(json_body(response))

    async def reauthorize(self, token: TokenSource, subscription_id: str) -> None:
        await self._request(token, "POST", self._path(subscription_id) + "/reauthorize")

    async def delete(self, token: TokenSource, subscription_id: str) -> None:
        try:
            await self._request(token, "DELETE", self._path(subscription_id))
        except GraphError as exc:
            if exc.status != 404:
                raise

    async def read_invitation(self, token: TokenSource, event_id: str, *, tz_name: str) -> Invitation:
        """One event with its location and online meeting link, times in `tz_name`."""
        response = await self._request(
            token,
            "GET",
            "me/events/" + quote(event_id, safe=""),
            params={"$select": ",".join(INVITATION_FIELDS)},
            headers={"Prefer": f'outlook.timezone="{tz_name}", IdType="ImmutableId"'},
        )
        body = json_body(response)
        if not isinstance(body, dict):
            raise BadResponse("event is not an object")
        try:
            event = Event.from_graph(body, zone(tz_name))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise BadResponse(f"event has an unexpected shape: {type(exc).__name__}") from exc
        location = (body.get("location") or {}).get("displayName") if isinstance(body.get("location"), dict) else ""
        online = body.get("onlineMeeting") if isinstance(body.get("onlineMeeting"), dict) else {}
        online_url = str((online or {}).get("joinUrl") or body.get("onlineMeetingUrl") or "")
        return Invitation(event=event, location=str(location or ""), online_url=online_url)

    # ----- one request, with retries ---------------------------------------------------

    @staticmethod
    def _path(subscription_id: str) -> str:
        return "subscriptions/" + quote(subscription_id, safe="")

    async def _request(
        self,
        token: TokenSource,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        bearer = await token()
        refreshed = False
        waited = 0.0
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._http.request(
                    method,
                    url,
                    params=params,
                    json=json_body,
                    headers={**(headers or {}), "Authorization": f"Bearer {bearer}"},
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                error: GraphError = Unavailable(f"cannot reach Graph: {type(exc).__name__}")
                wait = min(8.0, 0.5 * 2 ** (attempt - 1))
            except httpx.HTTPError as exc:
                if method not in ("GET", "DELETE", "PATCH"):
                    raise Unavailable(f"no answer from Graph: {type(exc).__name__}") from exc
                error = Unavailable(f"no answer from Graph: {type(exc).__name__}")
                wait = min(8.0, 0.5 * 2 ** (attempt - 1))
            else:
                status = response.status_code
                log.debug("graph %s %s -> %s", method, url.split("/")[0], status)
                if 200 <= status < 300:
                    return response
                if status == 401 and not refreshed:
                    refreshed = True
                    bearer = await token(force_refresh=True)
                    continue
                if status == 401:
                    raise AuthExpired("Graph refused the token after a refresh", status=401)
                error = from_response(status, error_body(response), response.headers.get("request-id"))
                if status == 429:
                    wait = retry_after(response.headers) or 1.0
                    error = Throttled(str(error), retry_after=wait, status=429)
                elif status in RETRYABLE:
                    wait = retry_after(response.headers) or min(8.0, 0.5 * 2**attempt)
                else:
                    raise error
            if attempt >= self._max_attempts or waited + wait > self._budget:
                raise error
            await self._sleep(wait)
            waited += wait
