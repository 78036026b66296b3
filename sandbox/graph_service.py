"""A local stand-in for Microsoft Graph v1.0's calendar API, for tests and `make run`.

Written from Graph's public documentation to behave like it on the wire: calendarView
with expanded recurrences, paging through `@odata.nextLink`, `Prefer: outlook.timezone`,
event responses (decline/accept/tentativelyAccept -> 202) and cancel with Graph's own
refusals, mailboxSettings, JSON batching (at most 20 sub-requests, each executed and
throttled on its own), the error body `{"error": {code, message, innerError}}`, and
`request-id`/`client-request-id` on every response.

Everything a test needs to arrange or observe lives in `GraphState` (sandbox/graph_state.py): mailboxes and their
events (keyed by the token's `oid`), a request log, the decisions applied, the highest
number of concurrent requests per mailbox, and a queue of faults (429, 503, 504, delays,
malformed JSON, dropped connections) for the next matching requests.
"""

from __future__ import annotations

import inspect
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlencode

from aiohttp import web

from sandbox.clock import wall_now
from sandbox.graph_requests_page import add_requests_page
from sandbox.graph_state import (
    ACTION_NAMES,
    DAYS,
    NOT_FOUND,
    ORGANIZER_CANCEL,
    ORGANIZER_RESPOND,
    PROPOSAL_SILENT,
    PROPOSALS_OFF,
    RESPONSES,
    Decision,
    Fault,
    GraphFailure,
    GraphState,
    LoggedRequest,
    Mailbox,
    _bounds,
    _hidden,
    _occurrence,
    _pattern_days,
    _resolve,
    render,
)
from sandbox.graph_subscriptions import SubscriptionFailure
from sandbox.zones import zone


@dataclass
class Ctx:
    state: GraphState
    caller: str
    method: str
    segments: list[str]
    query: dict[str, str]
    headers: Mapping[str, str]
    body: Any
    origin: str
    base: str
    raw_path: str


def _prefer(headers: Mapping[str, str]) -> dict[str, str]:
    prefs: dict[str, str] = {}
    for raw in headers.get("Prefer", headers.get("prefer", "")).split(","):
        if "=" in raw:
            key, value = raw.split("=", 1)
            prefs[key.strip().lower()] = value.strip().strip('"')
    return prefs


def _query_get(query: Mapping[str, str], name: str) -> str | None:
    for key, value in query.items():
        if key.lower() == name.lower():
            return value
    return None


def _parse_window(value: str | None, name: str) -> datetime:
    if not value:
        raise GraphFailure(
            400,
            "ErrorInvalidParameter",
            "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
        )
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise GraphFailure(400, "ErrorInvalidParameter", f"The value of parameter '{name}' is invalid.") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _mailbox(ctx: Ctx, who: str) -> Mailbox:
    state = ctx.state
    if who == "me":
        box = state.mailboxes.get(ctx.caller)
        if box is None:
            raise GraphFailure(
                404,
                "MailboxNotEnabledForRESTAPI",
                "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
            )
        return box
    for box in state.mailboxes.values():
        if who.lower() in (box.oid.lower(), box.upn.lower()):
            if box.oid != ctx.caller and ctx.caller not in box.delegates:
                raise GraphFailure(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            return box
    raise GraphFailure(404, "ErrorInvalidUser", f"The requested user '{who}' is invalid.")


def _scope(box: Mailbox, rest: list[str]) -> tuple[str | None, list[str]]:
    """The calendar the path names (None: the whole mailbox) and what follows it."""
    names = [s.lower() for s in rest]

    def calendar(calendar_id: str, group: str | None) -> str:
        found = box.calendars.get(calendar_id)
        if found is None or (group is not None and found.group_id != group):
            raise GraphFailure(404, "ErrorItemNotFound", NOT_FOUND)
        return calendar_id

    if names[:1] == ["calendar"]:
        return box.default_calendar, rest[1:]
    if names[:1] == ["calendars"] and len(rest) >= 2:
        return calendar(rest[1], None), rest[2:]
    if names[:2] == ["calendargroup", "calendars"] and len(rest) >= 3:
        return calendar(rest[2], box.default_group), rest[3:]
    if names[:1] == ["calendargroups"] and len(rest) >= 4 and names[2] == "calendars":
        if rest[1] not in box.groups:
            raise GraphFailure(404, "ErrorItemNotFound", NOT_FOUND)
        return calendar(rest[3], rest[1]), rest[4:]
    return None, rest


def _in_calendar(box: Mailbox, ev: Mapping[str, Any], calendar_id: str | None) -> bool:
    if calendar_id is None:
        return True
    owner = ev if "_calendar" in ev else box.events.get(ev.get("seriesMasterId") or "", {})
    return owner.get("_calendar") == calendar_id


async def dispatch(ctx: Ctx) -> tuple[int, dict[str, str], Any]:
    """Execute one Graph request (top level or inside a batch): (status, headers, json body)."""
    segs = ctx.segments
    if not segs or not segs[0]:
        raise GraphFailure(400, "BadRequest", "Invalid request.")
    head = segs[0].lower()
    if head == "subscriptions":
        try:
            status, payload = await ctx.state.subscriptions.handle(ctx.caller, ctx.method, segs[1:], ctx.body)
        except SubscriptionFailure as exc:
            raise GraphFailure(exc.status, exc.code, exc.message) from None
        return status, {}, payload
    if head == "me":
        who, rest = "me", segs[1:]
    elif head == "users" and len(segs) >= 2:
        who, rest = segs[1], segs[2:]
    else:
        raise GraphFailure(400, "BadRequest", f"Resource not found for the segment '{segs[0]}'.")
    box = _mailbox(ctx, who)
    calendar_id, tail = _scope(box, rest)
    names = [s.lower() for s in tail]
    if calendar_id is None and names[:1] == ["mailboxsettings"]:
        _only(ctx, "GET")
        return 200, {}, _mailbox_settings(ctx, box, names[1:])
    if names == ["calendarview"]:
        _only(ctx, "GET")
        return _calendar_view(ctx, box, calendar_id or box.default_calendar)
    if names[:1] == ["events"] and len(tail) in (2, 3):
        ev = _resolve(box, tail[1])
        if not _in_calendar(box, ev, calendar_id):
            raise GraphFailure(404, "ErrorItemNotFound", NOT_FOUND)
        if len(tail) == 2:
            _only(ctx, "GET")
            prefs = _prefer(ctx.headers)
            select = (_query_get(ctx.query, "$select") or "").split(",") if _query_get(ctx.query, "$select") else None
            return 200, _applied(prefs), render(box, ev, prefs.get("outlook.timezone"), select)
        _only(ctx, "POST")
        action = ACTION_NAMES.get(names[2])
        if action is None:
            raise GraphFailure(400, "BadRequest", f"Resource not found for the segment '{tail[2]}'.")
        _act(ctx, box, ev, action)
        return 202, {}, None
    raise GraphFailure(400, "BadRequest", f"Resource not found for the segment '{tail[0] if tail else segs[-1]}'.")


def _only(ctx: Ctx, method: str) -> None:
    if ctx.method != method:
        raise GraphFailure(405, "BadRequest", "The requested HTTP method is not allowed for this resource.")


def _applied(prefs: Mapping[str, str]) -> dict[str, str]:
    applied = []
    if "outlook.timezone" in prefs:
        applied.append(f'outlook.timezone="{prefs["outlook.timezone"]}"')
    if prefs.get("idtype", "").lower() == "immutableid":
        applied.append('IdType="ImmutableId"')
    return {"Preference-Applied": ", ".join(applied)} if applied else {}


def _mailbox_settings(ctx: Ctx, box: Mailbox, rest: list[str]) -> dict[str, Any]:
    context = f"{ctx.origin}{ctx.base}/$metadata#users('{box.oid}')/mailboxSettings"
    if rest == ["timezone"]:
        return {"@odata.context": context + "/timeZone", "value": box.time_zone}
    if rest:
        raise GraphFailure(400, "BadRequest", f"Resource not found for the segment '{rest[0]}'.")
    return {
        "@odata.context": context,
        "timeZone": box.time_zone,
        "dateFormat": "M/d/yyyy",
        "timeFormat": "h:mm tt",
        "language": {"locale": "en-US", "displayName": "English (United States)"},
        "workingHours": {
            "daysOfWeek": DAYS[:5],
            "startTime": "08:00:00.0000000",
            "endTime": "17:00:00.0000000",
            "timeZone": {"name": box.time_zone},
        },
    }


def _calendar_view(ctx: Ctx, box: Mailbox, calendar_id: str) -> tuple[int, dict[str, str], Any]:
    start = _parse_window(_query_get(ctx.query, "startDateTime"), "StartDateTime")
    end = _parse_window(_query_get(ctx.query, "endDateTime"), "EndDateTime")
    if end <= start:
        raise GraphFailure(400, "ErrorInvalidParameter", "The value of parameter 'EndDateTime' is invalid.")
    found: list[tuple[datetime, dict[str, Any]]] = []
    for ev in box.events.values():
        if ev["_calendar"] != calendar_id:
            continue
        if ev.get("type") == "seriesMaster":
            for day in _pattern_days(ev, (start - timedelta(days=2)).date(), (end + timedelta(days=1)).date()):
                occ = _occurrence(box, ev, day)
                found.append((_bounds(box, occ)[0], occ))
        else:
            found.append((_bounds(box, ev)[0], ev))
    hits = []
    for begins, ev in found:
        ends = _bounds(box, ev)[1]
        if begins < end and ends > start and not _hidden(ev, ctx.state.preserve_declined):
            hits.append((begins, ev))
    order = (_query_get(ctx.query, "$orderby") or "start/dateTime").lower()
    hits.sort(key=lambda pair: (pair[0], pair[1]["id"]), reverse=order.endswith(" desc"))
    try:
        top = int(_query_get(ctx.query, "$top") or ctx.state.page_size)
        skip = int(_query_get(ctx.query, "$skip") or 0)
    except ValueError:
        raise GraphFailure(400, "BadRequest", "Invalid $top or $skip value.") from None
    top = max(1, min(top, ctx.state.max_page_size))
    prefs = _prefer(ctx.headers)
    tz_name = prefs.get("outlook.timezone")
    if tz_name is not None and zone(tz_name) is UTC and tz_name.upper() not in ("UTC", "ETC/UTC", "GMT"):
        tz_name = None  # an unknown zone is ignored, as Graph does: times stay in UTC
        prefs.pop("outlook.timezone")
    select_raw = _query_get(ctx.query, "$select")
    select = select_raw.split(",") if select_raw else None
    page = hits[skip : skip + top]
    body: dict[str, Any] = {
        "@odata.context": f"{ctx.origin}{ctx.base}/$metadata#users('{box.oid}')/calendarView",
        "value": [render(box, ev, tz_name, select) for _, ev in page],
    }
    if skip + top < len(hits):
        query = {k: v for k, v in ctx.query.items() if k.lower() not in ("$skip", "$top")}
        query.update({"$top": str(top), "$skip": str(skip + top)})
        body["@odata.nextLink"] = f"{ctx.origin}{ctx.base}{ctx.raw_path}?{urlencode(query, safe='$/:')}"
    return 200, _applied(prefs), body


def _act(ctx: Ctx, box: Mailbox, ev: dict[str, Any], action: str) -> None:
    body = ctx.body if isinstance(ctx.body, dict) else {}
    comment = body.get("comment", body.get("Comment"))
    if action == "cancel":
        if not ev.get("isOrganizer"):
            raise GraphFailure(400, "ErrorInvalidRequest", ORGANIZER_CANCEL)
        _change(box, ev, {"isCancelled": True, "_removed": True})
        ctx.state.decisions.append(Decision(box.oid, ev["id"], "cancel", comment, True))
        return
    if ev.get("isOrganizer"):
        raise GraphFailure(400, "ErrorInvalidRequest", ORGANIZER_RESPOND)
    send = body.get("sendResponse", True)
    if not isinstance(send, bool):
        raise GraphFailure(400, "ErrorInvalidRequest", "sendResponse must be a Boolean.")
    proposal = body.get("proposedNewTime")
    if proposal is not None:
        if action == "accept":
            raise GraphFailure(
                400,
                "RequestBodyRead",
                "The property 'proposedNewTime' does not exist on type 'microsoft.graph.accept'.",
            )
        if not ev.get("allowNewTimeProposals", True):
            raise GraphFailure(400, "ErrorInvalidRequest", PROPOSALS_OFF)
        if not send:
            raise GraphFailure(400, "ErrorInvalidRequest", PROPOSAL_SILENT)
    stamp = ctx.state.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    _change(box, ev, {"responseStatus": {"response": RESPONSES[action.lower()], "time": stamp}})
    ctx.state.decisions.append(Decision(box.oid, ev["id"], action, comment, send, proposal))
    ctx.state.changed(box.oid, ev["id"], "updated")


def _change(box: Mailbox, ev: dict[str, Any], changes: dict[str, Any]) -> None:
    if ev["id"] in box.events:
        box.events[ev["id"]].update(changes)
    else:  # an occurrence: remembered as an override on top of its series
        box.overrides.setdefault(ev["id"], {}).update(changes)


def _error_body(status: int, code: str, message: str, request_id: str, client_id: str) -> dict[str, Any]:
    return {
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": wall_now().strftime("%Y-%m-%dT%H:%M:%S"),
                "request-id": request_id,
                "client-request-id": client_id,
            },
        }
    }


def _fault_answer(fault: Fault) -> GraphFailure:
    headers = {"Retry-After": str(int(fault.retry_after))} if fault.retry_after is not None else {}
    code, message = {
        429: ("TooManyRequests", "Application is over its MailboxConcurrency limit."),
        503: ("ServiceNotAvailable", "The service is temporarily unavailable. Please retry later."),
        504: ("GatewayTimeout", "The gateway did not receive a response in time."),
    }.get(fault.status, ("UnknownError", "An error occurred."))
    return GraphFailure(fault.status, code, message, headers)


GRAPH_STATE = web.AppKey("graph_state", GraphState)


def create_graph_app(state: GraphState, *, base_paths: tuple[str, ...] = ("/v1.0", "/beta")) -> web.Application:
    """The aiohttp app; serve it with `sandbox.server.ServiceThread`."""
    app = web.Application()
    app[GRAPH_STATE] = state

    async def handle(request: web.Request) -> web.StreamResponse:
        request_id = str(uuid.uuid4())
        client_id = request.headers.get("client-request-id") or request_id
        raw = request.raw_path.split("?", 1)[0]
        base = next(b for b in base_paths if raw.lower().startswith(b.lower() + "/"))
        # The raw path keeps %2F inside ids; segments are unescaped one by one.
        raw_path = raw[len(base) :]
        query = dict(request.query)
        headers = {"request-id": request_id, "client-request-id": client_id}
        try:
            body_text = await request.text()
        except ConnectionResetError:  # the caller went away mid-request
            return web.Response(status=400)
        try:
            body = json.loads(body_text) if body_text else None
        except ValueError:
            body = body_text
        entry = LoggedRequest(
            request.method,
            raw_path,
            query,
            {k: v for k, v in request.headers.items() if k.lower() in ("prefer", "content-type", "client-request-id")},
            body,
            0,
            None,
        )
        state.log.append(entry)

        def reply(status: int, extra: Mapping[str, str], payload: Any) -> web.Response:
            entry.status = status
            out = {**headers, **extra}
            if payload is None:
                return web.Response(status=status, headers=out)
            return web.json_response(payload, status=status, headers=out)

        def failure(exc: GraphFailure) -> web.Response:
            extra = dict(exc.headers)
            if exc.status == 401:
                extra["WWW-Authenticate"] = (
                    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
                )
            return reply(exc.status, extra, _error_body(exc.status, exc.code, exc.message, request_id, client_id))

        try:
            caller = await _authenticate(state, request.headers.get("Authorization", ""))
        except GraphFailure as exc:
            return failure(exc)
        entry.user = caller
        ctx = Ctx(
            state,
            caller,
            request.method,
            [unquote(s) for s in raw_path.strip("/").split("/")],
            query,
            request.headers,
            body,
            f"{request.scheme}://{request.host}",
            base,
            raw_path,
        )
        key = _mailbox_key(state, ctx)
        state.in_flight[key] = state.in_flight.get(key, 0) + 1
        state.max_in_flight[key] = max(state.max_in_flight.get(key, 0), state.in_flight[key])
        try:
            await state.pause(state.latency)
            limit = state.mailbox_concurrency_limit
            if limit is not None and state.in_flight[key] > limit:
                return failure(
                    GraphFailure(
                        429,
                        "ApplicationThrottled",
                        "Application is over its MailboxConcurrency limit.",
                        {"Retry-After": "1"},
                    )
                )
            fault = state.take_fault(request.method, raw_path)
            if fault and not fault.after:
                early = await _early_fault(state, request, fault, reply)
                if early is not None:
                    return early
            try:
                if ctx.segments == ["$batch"]:
                    _only(ctx, "POST")
                    status, extra, payload = 200, {}, await _batch(ctx)
                else:
                    status, extra, payload = await dispatch(ctx)
            except GraphFailure as exc:
                return failure(exc)
            if fault and fault.after:
                late = await _early_fault(state, request, fault, reply)
                if late is not None:
                    return late
            return reply(status, extra, payload)
        finally:
            state.in_flight[key] -= 1

    for base in base_paths:
        app.router.add_route("*", base + "/{tail:.*}", handle)
    add_requests_page(app, state)  # the demo's "what Graph received" page
    return app


async def _authenticate(state: GraphState, header: str) -> str:
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise GraphFailure(401, "InvalidAuthenticationToken", "Access token is empty.")
    try:
        claims = state.verify_token(token.strip())
        if inspect.isawaitable(claims):
            claims = await claims
    except Exception:  # any refusal by the verifier is an invalid token
        raise GraphFailure(401, "InvalidAuthenticationToken", "Access token validation failure.") from None
    who = (claims or {}).get("oid") or (claims or {}).get("sub")
    if not who:
        raise GraphFailure(401, "InvalidAuthenticationToken", "Access token validation failure.")
    return str(who)


def _mailbox_key(state: GraphState, ctx: Ctx) -> str:
    segs = ctx.segments
    if len(segs) >= 2 and segs[0].lower() == "users":
        for box in state.mailboxes.values():
            if segs[1].lower() in (box.oid.lower(), box.upn.lower()):
                return box.oid
        return segs[1].lower()
    return ctx.caller


async def _early_fault(state: GraphState, request: web.Request, fault: Fault, reply: Callable) -> web.Response | None:
    if fault.kind == "delay":
        await state.pause(fault.seconds)
        return None
    if fault.kind == "reset":
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=500)
    if fault.kind == "malformed":
        response = reply(200, {}, None)
        response.body = b'{"value": [{"id": "AAMk'
        response.content_type = "application/json"
        return response
    failure = _fault_answer(fault)
    return reply(failure.status, failure.headers, {"error": {"code": failure.code, "message": failure.message}})


async def _batch(ctx: Ctx) -> dict[str, Any]:
    body = ctx.body if isinstance(ctx.body, dict) else None
    requests = body.get("requests") if body else None
    if not isinstance(requests, list) or not requests:
        raise GraphFailure(400, "BadRequest", "Invalid batch payload format.")
    if len(requests) > 20:
        raise GraphFailure(400, "BadRequest", "The number of batch requests exceeds the limit of 20.")
    ids = [str(r.get("id", "")) if isinstance(r, dict) else "" for r in requests]
    if "" in ids or len({i.lower() for i in ids}) != len(ids):
        raise GraphFailure(400, "BadRequest", "Batch request ids must be present and unique.")
    answers = []
    for sub, sub_id in zip(requests, ids, strict=True):
        method = str(sub.get("method", "GET")).upper()
        url = str(sub.get("url", ""))
        path, _, qs = url.partition("?")
        path = "/" + path.lstrip("/")
        query = {unquote(k): unquote(v) for k, _, v in (p.partition("=") for p in qs.split("&") if p)}
        sub_headers = {str(k): str(v) for k, v in (sub.get("headers") or {}).items()}
        sub_ctx = Ctx(
            ctx.state,
            ctx.caller,
            method,
            [unquote(s) for s in path.strip("/").split("/")],
            query,
            sub_headers,
            sub.get("body"),
            ctx.origin,
            ctx.base,
            path,
        )
        request_id = str(uuid.uuid4())
        fault = ctx.state.take_fault(method, path, in_batch=True)
        try:
            if fault and fault.kind == "delay":
                await ctx.state.pause(fault.seconds)
            if fault and fault.kind == "status" and not fault.after:
                raise _fault_answer(fault)
            status, headers, payload = await dispatch(sub_ctx)
            if fault and fault.kind == "status" and fault.after:
                raise _fault_answer(fault)
        except GraphFailure as exc:
            status, headers = exc.status, dict(exc.headers)
            payload = _error_body(exc.status, exc.code, exc.message, request_id, request_id)
        ctx.state.log.append(LoggedRequest(method, path, query, sub_headers, sub.get("body"), status, ctx.caller, True))
        answer: dict[str, Any] = {"id": sub_id, "status": status, "headers": {"request-id": request_id, **headers}}
        if payload is not None:
            answer["headers"]["Content-Type"] = "application/json"
            answer["body"] = payload
        answers.append(answer)
    # Graph may answer in any order; callers must correlate by id.
    return {"responses": list(reversed(answers))}
