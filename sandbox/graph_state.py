"""The Graph stand-in's world: mailboxes, their events, recurrences, faults and logs.

`GraphState` is what a test arranges (users, calendars, events, injected faults) and
observes (the request log, the decisions applied, concurrency per mailbox). The helpers
here expand recurring series into occurrences and render an event the way Graph's
calendar API returns it; `sandbox.graph_service` serves all of it over HTTP.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from sandbox.clock import wall_now
from sandbox.graph_subscriptions import Subscriptions
from sandbox.zones import zone

TokenVerifier = Callable[[str], Mapping[str, Any] | Awaitable[Mapping[str, Any]]]

ORGANIZER_RESPOND = "You can't respond to this meeting because you're the meeting organizer."
ORGANIZER_CANCEL = "Your request can't be completed. You need to be an organizer to cancel a meeting."
PROPOSALS_OFF = "Your request can't be completed. The organizer of this meeting doesn't allow new time proposals."
PROPOSAL_SILENT = "Your request can't be completed. A new time can only be proposed when a response is sent."
NOT_FOUND = "The specified object was not found in the store."
RESPONSES = {"decline": "declined", "accept": "accepted", "tentativelyaccept": "tentativelyAccepted"}
ACTION_NAMES = {"decline": "decline", "accept": "accept", "tentativelyaccept": "tentativelyAccept", "cancel": "cancel"}
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PUBLIC_FIELDS = (
    "subject",
    "bodyPreview",
    "isAllDay",
    "isCancelled",
    "isOrganizer",
    "responseStatus",
    "responseRequested",
    "allowNewTimeProposals",
    "type",
    "seriesMasterId",
    "organizer",
    "attendees",
    "showAs",
    "location",
    "isOnlineMeeting",
    "onlineMeeting",
    "recurrence",
    "importance",
    "sensitivity",
    "webLink",
)


def new_id(prefix: str = "AAMkAD") -> str:
    """An Outlook-like id: base64 with the `/`, `+` and `=` real ids carry."""
    raw = base64.b64encode(os.urandom(30) + b"\xfb\xff").decode()
    return prefix + raw + "="


def _occurrence_id(master_id: str, day: date) -> str:
    return "AAMkOc" + base64.b64encode(f"{master_id}\x00{day.isoformat()}".encode()).decode()


def _parse_occurrence_id(event_id: str) -> tuple[str, date] | None:
    if not event_id.startswith("AAMkOc"):
        return None
    try:
        master_id, day = base64.b64decode(event_id[6:], validate=True).decode().split("\x00")
        return master_id, date.fromisoformat(day)
    except (ValueError, UnicodeDecodeError):
        return None


def _parse_dt(obj: Mapping[str, Any]) -> datetime:
    text = str(obj.get("dateTime", "")).strip().rstrip("Z")
    if "." in text:
        head, frac = text.split(".", 1)
        text = f"{head}.{frac[:6]}"
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone(obj.get("timeZone")))
    return value


def _graph_dt(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.0000000")


class GraphFailure(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


@dataclass
class Fault:
    """What to do to the next `times` requests matching `method` and `path_contains`.

    kind "status": answer `status` (with Retry-After when given) instead of executing;
    "delay": wait `seconds` first (a hang, for timeouts); "malformed": answer 200 with
    broken JSON; "reset": drop the connection without an answer. With `after=True` the
    request is executed first (the ambiguous failures: done, but the caller cannot know).
    Batch sub-requests are matched too (status and delay kinds).
    """

    kind: Literal["status", "delay", "malformed", "reset"] = "status"
    method: str | None = None
    path_contains: str | None = None
    status: int = 503
    retry_after: float | None = None
    seconds: float = 0.0
    after: bool = False
    times: int = 1

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method.upper() != method.upper():
            return False
        return not self.path_contains or self.path_contains.lower() in path.lower()


@dataclass
class LoggedRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int
    user: str | None
    in_batch: bool = False


@dataclass
class Decision:
    """A response or cancellation the stand-in applied (what the organizer would be told)."""

    user: str
    event_id: str
    action: str
    comment: str | None
    send_response: bool
    proposed_new_time: Any = None


@dataclass
class Calendar:
    id: str
    name: str
    group_id: str


@dataclass
class Mailbox:
    oid: str
    upn: str
    display_name: str
    time_zone: str
    calendars: dict[str, Calendar] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    default_calendar: str = ""
    default_group: str = ""
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    delegates: set[str] = field(default_factory=set)


class GraphState:
    """The stand-in's world: mailboxes, faults, and what it saw."""

    def __init__(
        self,
        verify_token: TokenVerifier,
        *,
        page_size: int = 10,
        max_page_size: int = 1000,
        mailbox_concurrency_limit: int | None = 4,
        latency: float = 0.0,
        preserve_declined: bool = False,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.verify_token = verify_token
        # The stand-in's own "now" (aware UTC), for the response times it stamps on events.
        self.clock = clock or wall_now
        self.page_size = page_size
        self.max_page_size = max_page_size
        self.mailbox_concurrency_limit = mailbox_concurrency_limit
        self.latency = latency
        self.preserve_declined = preserve_declined
        self.mailboxes: dict[str, Mailbox] = {}
        self.faults: list[Fault] = []
        self.log: list[LoggedRequest] = []
        self.decisions: list[Decision] = []
        self.in_flight: dict[str, int] = {}
        self.max_in_flight: dict[str, int] = {}
        self._wake: asyncio.Event | None = None
        # Change notifications (sandbox/graph_subscriptions.py): told of every created/updated event.
        self.subscriptions = Subscriptions()

    # ----- arranging -----------------------------------------------------------------

    def add_user(
        self, oid: str, *, upn: str, display_name: str = "", time_zone: str = "Pacific Standard Time"
    ) -> Mailbox:
        box = Mailbox(oid=oid, upn=upn, display_name=display_name or upn.split("@")[0], time_zone=time_zone)
        box.default_group = new_id("AAMkGr")
        box.groups[box.default_group] = "My Calendars"
        box.default_calendar = new_id("AAMkCa")
        box.calendars[box.default_calendar] = Calendar(box.default_calendar, "Calendar", box.default_group)
        self.mailboxes[oid] = box
        return box

    def add_group(self, oid: str, name: str) -> str:
        group_id = new_id("AAMkGr")
        self.mailboxes[oid].groups[group_id] = name
        return group_id

    def add_calendar(self, oid: str, name: str, *, group_id: str | None = None) -> str:
        box = self.mailboxes[oid]
        calendar_id = new_id("AAMkCa")
        box.calendars[calendar_id] = Calendar(calendar_id, name, group_id or box.default_group)
        return calendar_id

    def add_event(self, oid: str, event: Mapping[str, Any], *, calendar_id: str | None = None) -> str:
        """Store a Graph-shaped event (start/end with their own zones); returns its id."""
        box = self.mailboxes[oid]
        stored = json.loads(json.dumps(dict(event)))
        stored.setdefault("id", new_id())
        stored.setdefault("type", "singleInstance")
        organizer = ((stored.get("organizer") or {}).get("emailAddress") or {}).get("address", "")
        stored.setdefault("isOrganizer", organizer.lower() == box.upn.lower())
        stored.setdefault("responseStatus", {"response": "organizer" if stored["isOrganizer"] else "notResponded"})
        stored["responseStatus"].setdefault("time", "0001-01-01T00:00:00Z")
        for key, default in (
            ("isAllDay", False),
            ("isCancelled", False),
            ("responseRequested", True),
            ("allowNewTimeProposals", True),
            ("showAs", "busy"),
            ("attendees", []),
            ("subject", ""),
        ):
            stored.setdefault(key, default)
        stored["_calendar"] = calendar_id or box.default_calendar
        stored["_removed"] = False
        box.events[stored["id"]] = stored
        self.changed(oid, stored["id"], "created")
        return stored["id"]

    def update_event(self, oid: str, event_id: str, changes: Mapping[str, Any]) -> None:
        """Change a stored event as Outlook would (moved, cancelled, answered there) and notify."""
        self.mailboxes[oid].events[event_id].update(json.loads(json.dumps(dict(changes))))
        self.changed(oid, event_id, "updated")

    def changed(self, oid: str, event_id: str, change_type: str) -> None:
        self.subscriptions.event_changed(oid, event_id, change_type)

    def inject(self, *faults: Fault) -> None:
        self.faults.extend(faults)

    # ----- observing -----------------------------------------------------------------

    def requests(self, method: str | None = None, path_contains: str | None = None) -> list[LoggedRequest]:
        return [
            r
            for r in list(self.log)
            if (method is None or r.method == method.upper())
            and (path_contains is None or path_contains.lower() in r.path.lower())
        ]

    def event(self, oid: str, event_id: str) -> dict[str, Any]:
        """The event as Graph would show it now (times in UTC)."""
        return render(self.mailboxes[oid], _resolve(self.mailboxes[oid], event_id), None, None)

    async def release(self) -> None:
        """End every pending delay (call from the stand-in's loop, e.g. at teardown)."""
        self._event().set()

    # ----- internals -----------------------------------------------------------------

    def _event(self) -> asyncio.Event:
        if self._wake is None:
            self._wake = asyncio.Event()
        return self._wake

    async def pause(self, seconds: float) -> None:
        if seconds <= 0:
            return
        try:
            await asyncio.wait_for(self._event().wait(), seconds)
        except TimeoutError:
            pass

    def take_fault(self, method: str, path: str, *, in_batch: bool = False) -> Fault | None:
        for fault in self.faults:
            if in_batch and fault.kind not in ("status", "delay"):
                continue
            if fault.times > 0 and fault.matches(method, path):
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
                return fault
        return None


# ----- events and recurrences ------------------------------------------------------


def _bounds(box: Mailbox, ev: Mapping[str, Any]) -> tuple[datetime, datetime]:
    """An event's instants; an all-day event spans midnight to midnight in the mailbox's zone."""
    if ev.get("isAllDay"):
        tz = zone(box.time_zone)
        start = datetime.combine(date.fromisoformat(ev["start"]["dateTime"][:10]), time(), tz)
        end = datetime.combine(date.fromisoformat(ev["end"]["dateTime"][:10]), time(), tz)
        return start, end
    return _parse_dt(ev["start"]), _parse_dt(ev["end"])


def _pattern_days(master: Mapping[str, Any], first: date, last: date) -> list[date]:
    recurrence = master.get("recurrence") or {}
    pattern = recurrence.get("pattern") or {}
    rng = recurrence.get("range") or {}
    kind = pattern.get("type", "daily")
    interval = max(1, int(pattern.get("interval", 1)))
    begin = date.fromisoformat(rng.get("startDate") or master["start"]["dateTime"][:10])
    end = date.fromisoformat(rng["endDate"]) if rng.get("type") == "endDate" else date.max
    limit = int(rng.get("numberOfOccurrences") or 0) if rng.get("type") == "numbered" else None
    weekdays = {DAYS.index(d.lower()) for d in pattern.get("daysOfWeek") or []} or {begin.weekday()}
    days, day, count = [], begin, 0
    while day <= min(end, last):
        if kind == "daily":
            hit = (day - begin).days % interval == 0
        else:  # weekly
            week = ((day - timedelta(days=day.weekday())) - (begin - timedelta(days=begin.weekday()))).days // 7
            hit = day.weekday() in weekdays and week % interval == 0
        if hit:
            count += 1
            if limit is not None and count > limit:
                break
            if day >= first:
                days.append(day)
        day += timedelta(days=1)
    return days


def _occurrence(box: Mailbox, master: Mapping[str, Any], day: date) -> dict[str, Any]:
    tz = zone(master["start"].get("timeZone"))
    start, end = _bounds(box, master)
    local_start = start.astimezone(tz)
    length = end - start
    occ_start = datetime.combine(day, local_start.timetz().replace(tzinfo=None), tz)
    occ = {k: v for k, v in master.items() if k != "recurrence"}
    occ_id = _occurrence_id(master["id"], day)
    occ.update(id=occ_id, type="occurrence", seriesMasterId=master["id"])
    if master.get("isAllDay"):
        occ["start"] = {"dateTime": f"{day.isoformat()}T00:00:00.0000000", "timeZone": master["start"]["timeZone"]}
        occ["end"] = {
            "dateTime": f"{(day + length).isoformat()}T00:00:00.0000000",
            "timeZone": master["start"]["timeZone"],
        }
    else:
        occ["start"] = {"dateTime": _graph_dt(occ_start), "timeZone": master["start"]["timeZone"]}
        occ["end"] = {"dateTime": _graph_dt(occ_start + length), "timeZone": master["start"]["timeZone"]}
    occ.update(box.overrides.get(occ_id, {}))
    return occ


def _resolve(box: Mailbox, event_id: str) -> dict[str, Any]:
    if event_id in box.events:
        if box.events[event_id].get("_removed"):  # a cancelled meeting is deleted from the calendar
            raise GraphFailure(404, "ErrorItemNotFound", NOT_FOUND)
        return box.events[event_id]
    parsed = _parse_occurrence_id(event_id)
    if parsed:
        master = box.events.get(parsed[0])
        if master and master.get("type") == "seriesMaster":
            first = parsed[1]
            if first in _pattern_days(master, first, first):
                return _occurrence(box, master, first)
    raise GraphFailure(404, "ErrorItemNotFound", NOT_FOUND)


def _hidden(ev: Mapping[str, Any], preserve_declined: bool) -> bool:
    if ev.get("_removed"):
        return True
    return (ev.get("responseStatus") or {}).get("response") == "declined" and not preserve_declined


def render(box: Mailbox, ev: Mapping[str, Any], tz_name: str | None, select: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"@odata.etag": f'W/"{base64.b64encode(ev["id"][-12:].encode()).decode()}"', "id": ev["id"]}
    for key in PUBLIC_FIELDS:
        if key in ev and ev[key] is not None:
            out[key] = json.loads(json.dumps(ev[key]))
    label = tz_name or "UTC"
    if ev.get("isAllDay"):
        out["start"] = {"dateTime": ev["start"]["dateTime"][:10] + "T00:00:00.0000000", "timeZone": label}
        out["end"] = {"dateTime": ev["end"]["dateTime"][:10] + "T00:00:00.0000000", "timeZone": label}
    else:
        target: tzinfo = zone(tz_name) if tz_name else UTC
        start, end = _parse_dt(ev["start"]), _parse_dt(ev["end"])
        out["start"] = {"dateTime": _graph_dt(start.astimezone(target)), "timeZone": label}
        out["end"] = {"dateTime": _graph_dt(end.astimezone(target)), "timeZone": label}
    if select:
        wanted = {s.strip().lower() for s in select} | {"id", "@odata.etag"}
        out = {k: v for k, v in out.items() if k.lower() in wanted}
    return out


# ----- request handling ------------------------------------------------------------
