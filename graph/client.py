"""Regrets' Microsoft Graph calendar client: read the calendar, respond to meetings.

Plain async Python over an `httpx.AsyncClient` that the composition root builds
(base URL, timeouts, CA). Tokens come per call from a `TokenSource`; on a 401 the
client asks it once for a fresh token and retries once.

What this module guarantees:
- local refusals (own meeting, proposals not allowed, comment too long) before any request;
- 429 waits for Retry-After (never less: one longer than `max_retry_after` or the budget is
  reported as Throttled without sending again) and 502/503/504 or connection failures back off with jitter,
  within a bounded number of attempts and a total waiting budget;
- a response (decline, accept...) is never re-sent after an ambiguous failure without
  first reading the event: if it already shows the wanted response, that is success,
  so an organizer never gets the same decline twice;
- at most `max_concurrency_per_mailbox` requests in flight per mailbox (Outlook allows 4);
- each request logged at DEBUG with method, path template, status, duration and
  Graph's request-id, never the token, a comment or a subject.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import logging
import random
import time
import uuid
import weakref
from collections.abc import Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from clock import REAL
from graph import batch
from graph.address import ME, CalendarAddress
from graph.batch import IMMUTABLE_ID, WANTED_RESPONSE, Action, ItemResult, RespondItem, SubResponse
from graph.errors import (
    COMMENT_LIMIT,
    AuthExpired,
    BadResponse,
    CommentTooLong,
    GraphError,
    InvalidRequest,
    NotFound,
    OwnMeeting,
    ProposalNotAllowed,
    Throttled,
    Unavailable,
    from_response,
)
from graph.models import SELECT_FIELDS, Event
from graph.timezones import iana_name, is_known, zone

log = logging.getLogger(__name__)

TokenSource = Callable[..., Awaitable[str]]
Sleep = Callable[[float], Awaitable[None]]

RETRYABLE = (502, 503, 504)
AMBIGUOUS = (502, 504)
ID_COLLECTIONS = {"users", "events", "calendars", "calendargroups"}
MAX_PAGES = 200


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 4  # per request, the first try included
    budget: float = 30.0  # seconds of waiting allowed per call, all retries together
    max_retry_after: float = 30.0  # a longer Retry-After is reported (Throttled), never waited out early
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    # Graph applies a response asynchronously (202): give it a moment before reading back.
    settle_delay: float = 1.0
    max_resends: int = 1  # re-sends of a response after an ambiguous failure was checked


def path_template(path: str) -> str:
    """`/me/events/AAMk%2F=/decline` -> `/me/events/{id}/decline` (no ids in logs)."""
    segments = urlsplit(path).path.split("/")  # still escaped: an id stays one segment
    out = []
    previous = ""
    for segment in segments:
        out.append("{id}" if previous.lower() in ID_COLLECTIONS and segment else segment)
        previous = segment
    return "/".join(out)


def _identity(token: str) -> str:
    """Who a token belongs to, as a key for limits and caches (no signature check: never trusted)."""
    parts = token.split(".")
    if len(parts) == 3:
        try:
            payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        except (ValueError, binascii.Error):
            payload = None
        if isinstance(payload, dict) and (payload.get("oid") or payload.get("sub")):
            return f"{payload.get('tid', '')}/{payload.get('oid') or payload.get('sub')}"
    return "token:" + hashlib.sha256(token.encode()).hexdigest()[:32]


def _prefer_zone(tz_name: str) -> str:
    clean = "".join(ch for ch in tz_name if ch not in '"\r\n')
    return f'outlook.timezone="{clean}", {IMMUTABLE_ID}'


def _iso_utc(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("calendar view bounds must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def json_body(response: httpx.Response) -> Any:
    """A Graph answer's JSON; malformed JSON is Graph's fault (BadResponse), not ours."""
    try:
        return response.json()
    except ValueError as exc:
        raise BadResponse("Graph answered malformed JSON", status=response.status_code) from exc


def error_body(response: httpx.Response) -> Any:
    """An error answer's JSON, or None when Graph sent something else."""
    try:
        return response.json()
    except ValueError:
        return None


def retry_after(headers: Any, now: Callable[[], datetime] = REAL) -> float | None:
    raw = headers.get("retry-after") if headers is not None else None
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(raw) - now()).total_seconds())
    except (TypeError, ValueError):
        return None


class _Ambiguous(Exception):
    """A non-idempotent request may or may not have been executed."""


class _Call:
    """One operation: its token (refreshed at most once), mailbox key and waiting budget."""

    def __init__(self, source: TokenSource, address: CalendarAddress) -> None:
        self.source = source
        self.address = address
        self.token: str | None = None
        self.refreshed = False
        self.waited = 0.0

    async def bearer(self) -> str:
        if self.token is None:
            self.token = await self.source()
        return self.token

    async def refresh(self) -> bool:
        if self.refreshed:
            return False
        self.refreshed = True
        self.token = await self.source(force_refresh=True)
        return True

    async def mailbox(self) -> str:
        if not self.address.is_me:
            return "users/" + self.address.user.lower()
        return "me/" + _identity(await self.bearer())


class GraphClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        max_concurrency_per_mailbox: int = 4,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = 10.0,
        page_size: int | None = 100,
        timezone_ttl: float = 3600.0,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = REAL,
        rng: random.Random | None = None,
    ) -> None:
        # `clock` times the zone cache (elapsed time); `wall_clock` (clock.py) reads Retry-After dates.
        self._http = http
        self._limit = max_concurrency_per_mailbox
        self._retry = retry or RetryPolicy()
        self._timeout = timeout
        self._page_size = page_size
        self._tz_ttl = timezone_ttl
        self._sleep = sleep
        self._clock = clock
        self._wall_clock = wall_clock
        self._rng = rng or random.Random()
        self._slots: weakref.WeakValueDictionary[str, asyncio.Semaphore] = weakref.WeakValueDictionary()
        self._tz_cache: dict[str, tuple[str, float]] = {}

    # ----- reading -------------------------------------------------------------------

    async def calendar_view(
        self, token: TokenSource, start: datetime, end: datetime, *, tz_name: str, address: CalendarAddress = ME
    ) -> list[Event]:
        """Every event overlapping [start, end), all pages, times in `tz_name`."""
        call = _Call(token, address)
        first_page = {
            "startDateTime": _iso_utc(start),
            "endDateTime": _iso_utc(end),
            "$select": ",".join(SELECT_FIELDS),
            "$orderby": "start/dateTime",
        }
        if self._page_size:
            first_page["$top"] = str(self._page_size)
        params: dict[str, str] | None = first_page
        tz = zone(tz_name)
        url = address.calendar_view_path()
        events: list[Event] = []
        for _ in range(MAX_PAGES):
            response = await self._request(call, "GET", url, params=params, prefer=_prefer_zone(tz_name))
            body = json_body(response)
            values = body.get("value") if isinstance(body, dict) else None
            if not isinstance(values, list):
                raise BadResponse("calendarView answer has no value list", status=response.status_code)
            events.extend(self._event(obj, tz) for obj in values)
            next_link = body.get("@odata.nextLink")
            if not next_link:
                return events
            url, params = self._same_origin(str(next_link)), None
        raise BadResponse(f"calendarView still paging after {MAX_PAGES} pages")

    async def get_event(
        self, token: TokenSource, event_id: str, *, tz_name: str, address: CalendarAddress = ME
    ) -> Event:
        call = _Call(token, address)
        response = await self._request(
            call,
            "GET",
            address.event_path(event_id),
            params={"$select": ",".join(SELECT_FIELDS)},
            prefer=_prefer_zone(tz_name),
        )
        return self._event(json_body(response), zone(tz_name))

    async def mailbox_timezone(
        self,
        token: TokenSource,
        *,
        cache_key: str | None = None,
        address: CalendarAddress = ME,
        fallback: str | None = None,
    ) -> str:
        """The mailbox's zone as an IANA name; cached per mailbox for `timezone_ttl` seconds.

        A zone this machine does not know (a custom or misspelt mailbox zone) is not an error:
        times are read in `fallback` (the Teams client's zone) when that is known, else in UTC,
        and one log line with the mailbox's key says so.
        """
        call = _Call(token, address)
        key = cache_key or await call.mailbox()
        cached = self._tz_cache.get(key)
        now = self._clock()
        if cached and cached[1] > now:
            return cached[0]
        response = await self._request(call, "GET", address.mailbox_settings_path() + "/timeZone")
        body = json_body(response)
        value = body.get("value") if isinstance(body, dict) else None
        if not isinstance(value, str) or not value:
            raise BadResponse("mailboxSettings/timeZone answer has no value", status=response.status_code)
        if is_known(value):
            name = iana_name(value)
        else:
            use_client = is_known(fallback)
            name = iana_name(fallback) if use_client else "UTC"
            log.warning(
                "mailbox %s: its time zone is not one Regrets knows; reading times in %s",
                key,
                "the Teams client's zone" if use_client else "UTC (the Teams client sent no zone)",
            )
        self._tz_cache[key] = (name, now + self._tz_ttl)
        return name

    # ----- acting --------------------------------------------------------------------

    async def respond(
        self,
        token: TokenSource,
        event_id: str,
        action: Action,
        *,
        comment: str | None = None,
        send_response: bool = True,
        proposed_new_time: tuple[datetime, datetime] | None = None,
        event: Event | None = None,
        address: CalendarAddress = ME,
    ) -> None:
        """Decline, accept or tentatively accept one event (or series master)."""
        item = RespondItem(event_id, action, comment, send_response, proposed_new_time, event)
        self.check(item)
        call = _Call(token, address)
        path = f"{address.event_path(event_id)}/{action}"
        await self._act_once(call, path, batch.respond_body(item), event_id, action)

    async def cancel(
        self, token: TokenSource, event_id: str, *, comment: str | None = None, address: CalendarAddress = ME
    ) -> None:
        """Cancel a meeting the user organizes; attendees get `comment`."""
        if comment is not None and len(comment) > COMMENT_LIMIT:
            raise CommentTooLong(len(comment))
        call = _Call(token, address)
        body = {"comment": comment} if comment is not None else {}
        await self._act_once(call, f"{address.event_path(event_id)}/cancel", body, event_id, "cancel")

    async def respond_many(
        self, token: TokenSource, items: Sequence[RespondItem], address: CalendarAddress = ME
    ) -> list[ItemResult]:
        """Respond to many events through `$batch` (20 a batch); one result per item, in order."""
        results: dict[int, GraphError | None] = {}
        pending: list[int] = []
        for index, item in enumerate(items):
            try:
                self.check(item)
                pending.append(index)
            except InvalidRequest as exc:
                results[index] = exc
        call = _Call(token, address)
        attempt = 0
        while pending:
            attempt += 1
            rounds = await asyncio.gather(
                *(self._batch_round(call, address, items, chunk) for chunk in batch.chunks(pending))
            )
            retry: list[int] = []
            delay = 0.0
            last_error: dict[int, GraphError] = {}
            for done, again in rounds:
                results.update(done)
                for index, (wait, error) in again.items():
                    retry.append(index)
                    delay = max(delay, wait)
                    last_error[index] = error
            if not retry:
                break
            if (
                attempt >= self._retry.max_attempts
                or delay > self._retry.max_retry_after
                or call.waited + delay > self._retry.budget
            ):
                results.update(last_error)
                break
            if delay > 0:
                log.info("graph batch: %d items to retry in %.1f s", len(retry), delay)
                await self._sleep(delay)
                call.waited += delay
            pending = sorted(retry)
        return [ItemResult(item, results.get(index)) for index, item in enumerate(items)]

    @staticmethod
    def check(item: RespondItem) -> None:
        """The local refusals, raised before anything is sent."""
        if item.action not in WANTED_RESPONSE:
            raise ValueError(f"unknown response action {item.action!r}")
        if item.comment is not None and len(item.comment) > COMMENT_LIMIT:
            raise CommentTooLong(len(item.comment))
        if item.event is not None and item.event.is_organizer:
            raise OwnMeeting("the user organizes this meeting")
        if item.proposed_new_time is not None:
            if item.action == "accept" or not item.send_response:
                raise ProposalNotAllowed("a new time goes with a sent decline or tentative answer")
            if item.event is not None and not item.event.allow_new_time_proposals:
                raise ProposalNotAllowed("the organizer does not allow new time proposals")

    # ----- responses, exactly once ---------------------------------------------------

    async def _act_once(self, call: _Call, path: str, body: dict[str, Any], event_id: str, action: str) -> None:
        for _ in range(self._retry.max_resends + 1):
            try:
                await self._request(call, "POST", path, json_body=body, prefer=IMMUTABLE_ID, idempotent=False)
                return
            except _Ambiguous:
                log.info("graph %s: outcome unknown, reading the event back", action)
            await self._sleep(self._retry.settle_delay)
            if await self._took_effect(call, event_id, action):
                return
        raise Unavailable(f"{action} could not be confirmed")

    async def _took_effect(self, call: _Call, event_id: str, action: str) -> bool:
        try:
            response = await self._request(
                call,
                "GET",
                call.address.event_path(event_id),
                params={"$select": "id,responseStatus,isCancelled"},
                prefer=IMMUTABLE_ID,
            )
        except NotFound:
            # A declined or cancelled meeting leaves the calendar (Deleted Items).
            if action in ("decline", "cancel"):
                return True
            raise
        return self._shows(json_body(response), action)

    @staticmethod
    def _shows(body: Any, action: str) -> bool:
        if not isinstance(body, dict):
            return False
        if action == "cancel":
            return bool(body.get("isCancelled"))
        status = body.get("responseStatus") or {}
        return isinstance(status, dict) and status.get("response") == WANTED_RESPONSE.get(action)

    async def _batch_round(
        self, call: _Call, address: CalendarAddress, items: Sequence[RespondItem], chunk: list[int]
    ) -> tuple[dict[int, GraphError | None], dict[int, tuple[float, GraphError]]]:
        """Send one batch; (finished results, items to retry with their wait)."""
        requests = [
            (str(i), "POST", f"{address.event_path(items[i].event_id)}/{items[i].action}", batch.respond_body(items[i]))
            for i in chunk
        ]
        done: dict[int, GraphError | None] = {}
        again: dict[int, tuple[float, GraphError]] = {}
        try:
            answers = await self._send_batch(call, requests, idempotent=False)
        except _Ambiguous:
            confirmed = await self._batch_confirm(call, address, items, chunk)
            for i in chunk:
                if i in confirmed:
                    done[i] = None
                else:
                    again[i] = (0.0, Unavailable("response could not be confirmed"))
            return done, again
        except GraphError as exc:
            return dict.fromkeys(chunk, exc), again
        unsure: list[int] = []
        for i in chunk:
            answer = answers[str(i)]
            template = path_template(requests[chunk.index(i)][2])
            log.debug("graph batch item POST %s -> %s", template, answer.status)
            if 200 <= answer.status < 300:
                done[i] = None
                continue
            error = from_response(answer.status, answer.body, answer.headers.get("request-id"))
            if answer.status == 429:
                # Never shortened: a Retry-After longer than we may wait ends the call (below), unretried.
                wait = retry_after(answer.headers, self._wall_clock) or self._backoff(1)
                error = Throttled(str(error), retry_after=wait, status=429, graph_code=error.graph_code)
                again[i] = (wait, error)
            elif answer.status in AMBIGUOUS:
                unsure.append(i)
            elif answer.status in RETRYABLE:
                again[i] = (retry_after(answer.headers, self._wall_clock) or self._backoff(1), error)
            else:
                done[i] = error
        if unsure:
            confirmed = await self._batch_confirm(call, address, items, unsure)
            for i in unsure:
                if i in confirmed:
                    done[i] = None
                else:
                    again[i] = (self._backoff(1), Unavailable("response could not be confirmed"))
        return done, again

    async def _batch_confirm(
        self, call: _Call, address: CalendarAddress, items: Sequence[RespondItem], chunk: list[int]
    ) -> set[int]:
        """Which items of an ambiguous batch already show their response (read in one batch)."""
        await self._sleep(self._retry.settle_delay)
        requests = [
            (str(i), "GET", f"{address.event_path(items[i].event_id)}?$select=id,responseStatus", None) for i in chunk
        ]
        try:
            answers = await self._send_batch(call, requests, idempotent=True)
        except GraphError:
            return set()
        confirmed = set()
        for i in chunk:
            answer = answers[str(i)]
            if answer.status == 404 and items[i].action == "decline":
                confirmed.add(i)
            elif 200 <= answer.status < 300 and self._shows(answer.body, items[i].action):
                confirmed.add(i)
        return confirmed

    async def _send_batch(
        self, call: _Call, requests: Sequence[tuple[str, str, str, dict[str, Any] | None]], *, idempotent: bool
    ) -> dict[str, SubResponse]:
        response = await self._request(call, "POST", "/$batch", json_body=batch.build(requests), idempotent=idempotent)
        try:
            return batch.parse(json_body(response), [r[0] for r in requests])
        except ValueError as exc:
            raise BadResponse(str(exc), status=response.status_code) from exc

    # ----- one HTTP request, with retries --------------------------------------------

    @asynccontextmanager
    async def _slot(self, mailbox: str):
        semaphore = self._slots.get(mailbox)
        if semaphore is None:
            semaphore = asyncio.Semaphore(self._limit)
            self._slots[mailbox] = semaphore
        async with semaphore:
            yield

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self._retry.backoff_cap, self._retry.backoff_base * 2 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    async def _request(
        self,
        call: _Call,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        prefer: str | None = None,
        idempotent: bool = True,
    ) -> httpx.Response:
        template = path_template(url)
        mailbox = await call.mailbox()
        attempt = 0
        while True:
            attempt += 1
            headers = {"Authorization": f"Bearer {await call.bearer()}", "client-request-id": str(uuid.uuid4())}
            if prefer:
                headers["Prefer"] = prefer
            started = time.perf_counter()
            try:
                async with self._slot(mailbox):
                    response = await self._http.request(
                        method, url, params=params, json=json_body, headers=headers, timeout=self._timeout
                    )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # Never reached Graph: safe to retry any method.
                log.debug("graph %s %s -> %s", method, template, type(exc).__name__)
                error: GraphError = Unavailable(f"cannot reach Graph: {type(exc).__name__}")
                wait = self._backoff(attempt)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                log.debug("graph %s %s -> %s", method, template, type(exc).__name__)
                if not idempotent:
                    raise _Ambiguous(type(exc).__name__) from exc
                error = Unavailable(f"no answer from Graph: {type(exc).__name__}")
                wait = self._backoff(attempt)
            else:
                status = response.status_code
                request_id = response.headers.get("request-id")
                log.debug(
                    "graph %s %s -> %s in %.0f ms request-id=%s",
                    method,
                    template,
                    status,
                    (time.perf_counter() - started) * 1000,
                    request_id,
                )
                if 200 <= status < 300:
                    return response
                if status == 401:
                    if await call.refresh():
                        continue
                    raise AuthExpired("Graph refused the token after a refresh", status=401, request_id=request_id)
                if status in AMBIGUOUS and not idempotent:
                    # A gateway gave up waiting; Graph may still have done it.
                    raise _Ambiguous(f"HTTP {status}")
                error = from_response(status, error_body(response), request_id)
                if status == 429:
                    # Never shortened: sending again before Retry-After has passed is not honouring it.
                    wait = retry_after(response.headers, self._wall_clock) or self._backoff(attempt)
                    error = Throttled(
                        str(error), retry_after=wait, status=429, graph_code=error.graph_code, request_id=request_id
                    )
                elif status in RETRYABLE:
                    wait = retry_after(response.headers, self._wall_clock) or self._backoff(attempt)
                else:
                    raise error
            if (
                attempt >= self._retry.max_attempts
                or wait > self._retry.max_retry_after
                or call.waited + wait > self._retry.budget
            ):
                raise error
            log.info("graph %s %s: %s, retry %d in %.1f s", method, template, error.code, attempt, wait)
            await self._sleep(wait)
            call.waited += wait

    # ----- parsing -------------------------------------------------------------------

    def _same_origin(self, link: str) -> str:
        """A nextLink must point at the configured Graph host: the token goes with it."""
        target, base = httpx.URL(link), self._http.base_url
        if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
            raise BadResponse("nextLink points at another host")
        return link

    @staticmethod
    def _event(obj: Any, tz: Any) -> Event:
        if not isinstance(obj, dict):
            raise BadResponse("event is not an object")
        try:
            return Event.from_graph(obj, tz)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise BadResponse(f"event has an unexpected shape: {type(exc).__name__}") from exc


__all__ = ["GraphClient", "ItemResult", "RespondItem", "RetryPolicy", "TokenSource", "path_template"]
