"""The building blocks of the kinds case set: calendars as Graph's calendarView returns them, and checks.

A `World` is one user's mailbox over two or three weeks: recurring meetings (daily standups, weekly
1:1s, expanded into occurrences with a `seriesMasterId`), one-off meetings, all-day events, meetings
the user organizes, declined and cancelled ones. Events are written in the mailbox's local time
(easy to reason about) and emitted in UTC, the Windows zone name or the IANA name, as Graph does
with and without `Prefer: outlook.timezone`. A `Case` picks a `now` in that world and an utterance,
and carries the expected decision by event key. `check_case` re-derives what a case claims (ids
exist, series ids are masters of events in the calendar, ambiguous candidates in time order,
matched meetings still answerable, times named in another zone really land on the expected
meeting) so that a slip in writing a case fails the build instead of landing in the set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

WINDOWS = {
    "America/Los_Angeles": "Pacific Standard Time",
    "America/New_York": "Eastern Standard Time",
    "America/Chicago": "Central Standard Time",
    "America/Denver": "Mountain Standard Time",
    "Europe/London": "GMT Standard Time",
    "Europe/Berlin": "W. Europe Standard Time",
    "Europe/Paris": "Romance Standard Time",
    "Asia/Kolkata": "India Standard Time",
    "Asia/Tokyo": "Tokyo Standard Time",
    "Pacific/Auckland": "New Zealand Standard Time",
    "Pacific/Honolulu": "Hawaiian Standard Time",
    "Australia/Sydney": "AUS Eastern Standard Time",
    "UTC": "UTC",
}
NO_TIME = "0001-01-01T00:00:00Z"
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def graph_id(*parts: str) -> str:
    """A stable id shaped like Graph's (base64 of an Exchange item id)."""
    digest = hashlib.sha1("/".join(parts).encode()).digest() * 2
    return "AAMkAGI2" + base64.urlsafe_b64encode(digest)[:44].decode() + "AAA="


@dataclass
class Ev:
    key: str
    day: int  # days after the world's first Monday
    start: str  # "HH:MM" in the mailbox zone
    minutes: int
    subject: str
    org: str = ""  # people key, "me" when the user organizes it
    att: str = ""  # people keys, space separated (the user is added unless org is "me")
    series: str = ""  # series key: an occurrence of that series
    exception: bool = False
    response: str = "none"
    cancelled: bool = False
    all_day: bool = False
    proposals: bool = True
    requested: bool = True
    show_as: str = "busy"
    location: str = ""
    zone: str = ""  # "utc", "win", "iana" or an IANA name; default picked from the key
    far: bool = False  # always in the calendar window (a meeting weeks ahead)


@dataclass
class World:
    name: str
    tz: str
    user: tuple[str, str]
    monday: date
    people: dict[str, tuple[str, str]]
    events: list[Ev] = field(default_factory=list)
    locale: str | None = None

    def ev(self, key: str, day: int, start: str, minutes: int, subject: str, **kw) -> None:
        if any(e.key == key for e in self.events):
            raise ValueError(f"{self.name}: duplicate key {key}")
        self.events.append(Ev(key, day, start, minutes, subject, **kw))

    def series(self, prefix: str, days: list[int], start: str, minutes: int, subject: str, **kw) -> None:
        """Occurrences prefix<day> of series `prefix` on the given days; override later with `edit`."""
        for d in days:
            self.ev(f"{prefix}{d}", d, start, minutes, subject, series=prefix, **kw)

    def pad(self, early: str) -> None:
        """Own early-morning blocks on thin weekdays, so every working day holds five events or more.

        They sit before the first meeting, are the user's own (nothing to answer) and are named
        so that no request in the set means them.
        """
        h, m = (int(x) for x in early.split(":"))
        admin = f"{h + (m + 45) // 60:02d}:{(m + 45) % 60:02d}"
        for day in sorted({e.day for e in self.events if not e.far}):
            if self.date_of(day).weekday() >= 5 or self.holiday(day):
                continue
            n = sum(1 for e in self.events if e.day == day and not e.far)
            if n < 5:
                self.ev(f"fo{day}", day, early, 45, "Focus time", org="me", show_as="free")
            if n < 4:
                self.ev(f"ad{day}", day, admin, 15, "Email & admin", org="me", show_as="free")

    def holiday(self, day: int) -> bool:
        return any(e.day == day and e.all_day and e.show_as == "free" for e in self.events)

    def edit(self, key: str, **kw) -> None:
        e = self.get(key)
        for k, v in kw.items():
            setattr(e, k, v)

    def drop(self, key: str) -> None:
        self.events.remove(self.get(key))

    def get(self, key: str) -> Ev:
        for e in self.events:
            if e.key == key:
                return e
        raise KeyError(f"{self.name}: no event {key}")

    # times
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def date_of(self, day: int) -> date:
        return self.monday + timedelta(days=day)

    def local(self, day: int, hhmm: str) -> datetime:
        h, m = (int(x) for x in hhmm.split(":"))
        d = self.date_of(day)
        return datetime(d.year, d.month, d.day, h, m, tzinfo=self.zone())

    def span(self, e: Ev) -> tuple[datetime, datetime]:
        if e.all_day:
            s = self.local(e.day, "00:00")
            return s, s + timedelta(days=max(1, e.minutes // 1440))
        s = self.local(e.day, e.start)
        return s, s + timedelta(minutes=e.minutes)

    def master_id(self, series: str) -> str:
        return graph_id(self.name, "master", series)

    def event_id(self, e: Ev) -> str:
        return graph_id(self.name, e.key)

    def person(self, key: str) -> tuple[str, str]:
        return self.user if key == "me" else self.people[key]

    def graph(self, e: Ev) -> dict:
        start, end = self.span(e)
        style = e.zone or ("utc", "win", "iana", "utc")[int(hashlib.md5(e.key.encode()).hexdigest(), 16) % 4]
        if e.all_day:
            # Graph gives all-day events as midnight-to-midnight dates, labelled with the zone they
            # were created in (UTC when no Prefer header).
            zname = "UTC" if style == "utc" else (WINDOWS[self.tz] if style == "win" else self.tz)
            s, t = start.replace(tzinfo=None), end.replace(tzinfo=None)
        else:
            iana = {"utc": "UTC", "win": self.tz, "iana": self.tz}.get(style, style)
            zname = {"utc": "UTC", "win": WINDOWS.get(self.tz, self.tz), "iana": self.tz}.get(style, style)
            s = start.astimezone(ZoneInfo(iana)).replace(tzinfo=None)
            t = end.astimezone(ZoneInfo(iana)).replace(tzinfo=None)
        mine = e.org == "me"
        org_name, org_addr = self.person(e.org or "me")
        attendees = []
        keys = e.att.split()
        if not mine:
            keys = ["me", *keys]
        for k in keys:
            name, addr = self.person(k)
            attendees.append(
                {
                    "type": "required",
                    "status": {"response": "none", "time": NO_TIME},
                    "emailAddress": {"name": name, "address": addr},
                }
            )
        return {
            "id": self.event_id(e),
            "subject": e.subject,
            "type": ("exception" if e.exception else "occurrence") if e.series else "singleInstance",
            "isAllDay": e.all_day,
            "isCancelled": e.cancelled,
            "isOrganizer": mine,
            "responseRequested": e.requested,
            "allowNewTimeProposals": e.proposals,
            "responseStatus": {"response": "organizer" if mine else e.response, "time": NO_TIME},
            "start": {"dateTime": s.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": zname},
            "end": {"dateTime": t.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": zname},
            "organizer": {"emailAddress": {"name": org_name, "address": org_addr}},
            "attendees": attendees,
            "showAs": e.show_as if not e.cancelled else "free",
            "location": {"displayName": e.location or ("" if mine or e.all_day else "Microsoft Teams Meeting")},
            "seriesMasterId": self.master_id(e.series) if e.series else None,
        }


@dataclass
class Case:
    kind: str
    world: World
    now: str  # "<day> HH:MM" in the mailbox zone
    utterance: str
    expect: str  # "<intent> <status> [keys...]", a key "@S" is the master of series S
    comment: str | None = None
    send: bool = True
    locale: str | None = "world"
    zone: tuple[str, str] | None = None  # (HH:MM, IANA zone) the utterance names: must land on the first key
    window: tuple[int, int] | None = None  # days of calendar around now; None: see `calendar`
    note: str = ""  # why the expectation is what it is, when it is not obvious

    def now_dt(self) -> datetime:
        day, hhmm = self.now.split()
        return self.world.local(int(day), hhmm)


WIDE = {"dates", "people", "series", "state"}


def calendar(case: Case) -> list:
    w = case.world
    today = int(case.now.split()[0])
    if case.window:
        lo, hi = today + case.window[0], today + case.window[1]
    else:
        # From yesterday to a few days ahead (a week for requests about days, people, series and
        # state, where other occurrences are the distractors), and always as far as the meetings
        # the case expects.
        named = [w.get(k).day for k in case.expect.split()[2:] if not k.startswith("@")]
        ahead = 7 if case.kind in WIDE else 3
        lo, hi = today - 1, max([today + ahead, *named])
    chosen = [e for e in w.events if e.far or lo <= e.day <= hi]
    chosen.sort(key=lambda e: (w.span(e)[0], e.key))
    return chosen


def resolve_keys(case: Case) -> tuple[str, str, list[str], str]:
    intent, status, *keys = case.expect.split()
    w = case.world
    ids = []
    for k in keys:
        ids.append(w.master_id(k[1:]) if k.startswith("@") else w.event_id(w.get(k)))
    scope = "series" if any(k.startswith("@") for k in keys) else "occurrence"
    return intent, status, ids, scope


def to_json(case: Case, cid: str) -> dict:
    w = case.world
    intent, status, ids, scope = resolve_keys(case)
    out = {
        "id": cid,
        "kind": case.kind,
        "utterance": case.utterance,
        "now": case.now_dt().isoformat(),
        "timezone": w.tz,
        "user": {"name": w.user[0], "email": w.user[1]},
    }
    locale = w.locale if case.locale == "world" else case.locale
    if locale:
        out["locale"] = locale
    out["calendar"] = [w.graph(e) for e in calendar(case)]
    if case.note:
        out["note"] = case.note  # why the expectation is what it is (the eval command ignores it)
    out["expect"] = {
        "intent": intent,
        "status": status,
        "event_ids": ids,
        "comment": case.comment,
        "send_response": case.send,
        "scope": scope,
    }
    return out


def check_case(case: Case, cid: str) -> list[str]:
    """What is wrong with a case, as sentences (empty when it holds together)."""
    w = case.world
    bad = []
    intent, status, *keys = case.expect.split()
    now = case.now_dt()
    cal = calendar(case)
    in_cal = {e.key for e in cal}
    masters = {e.series for e in cal if e.series}
    if intent not in {"decline", "accept", "tentative", "cancel", "other"}:
        bad.append(f"unknown intent {intent}")
    if status not in {"matched", "ambiguous", "none"}:
        bad.append(f"unknown status {status}")
    if (status == "none") != (not keys):
        bad.append("status none goes with no ids, and only then")
    if status == "ambiguous" and len(keys) < 2:
        bad.append("ambiguous needs two candidates or more")
    if len(set(keys)) != len(keys):
        bad.append("an id twice")
    series_keys = [k for k in keys if k.startswith("@")]
    if series_keys and len(series_keys) != len(keys):
        bad.append("series and occurrences mixed")
    evs = []
    for k in keys:
        if k.startswith("@"):
            if k[1:] not in masters:
                bad.append(f"{k}: no occurrence of that series in the calendar")
            continue
        if k not in in_cal:
            bad.append(f"{k}: not in the calendar window")
            continue
        evs.append(w.get(k))
    for e in evs:
        start, end = w.span(e)
        if status == "matched":
            if e.cancelled:
                bad.append(f"{e.key}: cancelled, cannot be acted on")
            if end <= now:
                bad.append(f"{e.key}: already over at now")
            if intent == "cancel" and e.org != "me":
                bad.append(f"{e.key}: cancel needs the user to organize it")
            if intent in {"decline", "accept", "tentative"} and e.org == "me":
                bad.append(f"{e.key}: the user organizes it, cannot respond")
            if intent == "decline" and e.response == "declined":
                bad.append(f"{e.key}: already declined")
    if status == "ambiguous":
        starts = [w.span(e)[0] for e in evs]
        if starts != sorted(starts):
            bad.append("ambiguous candidates not in time order")
    if case.zone and evs:
        hhmm, zname = case.zone
        first = evs[0]
        d = w.span(first)[0].astimezone(ZoneInfo(zname)).date()
        h, m = (int(x) for x in hhmm.split(":"))
        named = datetime(d.year, d.month, d.day, h, m, tzinfo=ZoneInfo(zname))
        if named != w.span(first)[0]:
            bad.append(f"{first.key} starts {w.span(first)[0]}, but {hhmm} {zname} is {named.astimezone(w.zone())}")
    first_time = named_time(case.utterance)
    if first_time and evs and status != "none" and not case.zone and case.kind not in {"anchors", "zones"}:
        start = w.span(evs[0])[0]
        if (start.hour, start.minute) != first_time:
            bad.append(f"the first time named ({first_time}) is not when {evs[0].key} starts ({start:%H:%M})")
    if case.comment is not None and not case.comment.strip():
        bad.append("empty comment: use None")
    return [f"{cid}: {b}" for b in bad]


TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|p|a|h|uhr)?(?![\w/.])", re.I)
PROPOSAL = re.compile(r"suggest|propose|how about|can we do|could we do", re.I)


def named_time(text: str) -> tuple[int, int] | None:
    """The first clock time in a request when it is unmistakable (am/pm, h, Uhr, or hh:mm from 13:00)."""
    cut = PROPOSAL.search(text)
    for m in TIME.finditer(text[: cut.start()] if cut else text):
        h, mm, suffix = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(in|next|the|on)\s*$", before) and not suffix and not m.group(2):
            continue  # "in 2 hours", "on the 4th", bare numbers
        if suffix.startswith("p") and h < 12:
            return h + 12, mm
        if suffix.startswith("a") or suffix in {"h", "uhr"}:
            return h % 12 if suffix.startswith("a") else h, mm
        if m.group(2) and h >= 13:
            return h, mm
        return None
    return None


def check_world(w: World) -> list[str]:
    """Weekdays hold 5-12 events; series keys stay consistent."""
    bad = []
    by_day: dict[int, int] = {}
    for e in w.events:
        if not e.far:
            by_day[e.day] = by_day.get(e.day, 0) + 1
    for d, n in sorted(by_day.items()):
        if w.date_of(d).weekday() < 5 and not w.holiday(d) and not 5 <= n <= 12:
            bad.append(f"{w.name}: day {d} ({w.date_of(d)}) has {n} events")
    return bad
