"""Writes tests/understanding/heldout_style.jsonl: requests typed the way different people write in Teams.

Written apart from the parser's vocabulary (and from build_cases.py): chatty, terse, polite,
misspelt requests against realistic calendars with the traps real mailboxes have — the same
subject on several days, two meetings at one time, events stored in UTC, Windows or other
IANA zones, meetings already declined, cancelled or over, all-day events, the user's own
meetings, evenings that cross midnight in UTC and weeks that straddle a DST change (US in
early March and early November, Europe in late March and late October). Each `expect` is
what a sensible person would want. Run `python -m tests.understanding.build_heldout`
after editing; the JSONL is what the tests read.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tzlocal.windows_tz import tz_win, win_tz

USER = {"name": "Dana Reyes", "email": "dana.reyes@contoso.example"}
FMT = "%Y-%m-%dT%H:%M:%S.0000000"


def ev(
    eid: str,
    subject: str,
    when: str,
    minutes: int = 30,
    zone: str = "iana",
    *,
    org: str = "Adele Vance",
    mine: bool = False,
    cancelled: bool = False,
    response: str = "none",
    allday: bool = False,
    master: str | None = None,
    people: tuple[str, ...] = (),
) -> dict:
    """One event at a local time in the user's zone, stored as Graph would in `zone`."""
    return {
        "eid": eid,
        "subject": subject,
        "when": when,
        "minutes": minutes,
        "zone": zone,
        "org": org,
        "mine": mine,
        "cancelled": cancelled,
        "response": response,
        "allday": allday,
        "master": master,
        "people": people,
    }


def _address(name: str) -> str:
    return name.lower().replace(" ", ".") + "@contoso.example"


def graph(spec: dict, tz: str) -> dict:
    local = datetime.fromisoformat(spec["when"]).replace(tzinfo=ZoneInfo(tz))
    end = local + timedelta(minutes=spec["minutes"])
    if spec["allday"]:
        days = max(1, spec["minutes"] // 1440)
        start = {"dateTime": local.strftime("%Y-%m-%dT00:00:00.0000000"), "timeZone": "UTC"}
        stop = {"dateTime": (local + timedelta(days=days)).strftime("%Y-%m-%dT00:00:00.0000000"), "timeZone": "UTC"}
    else:
        zone = spec["zone"]
        name = {"utc": "UTC", "win": tz_win.get(tz, "UTC"), "iana": tz}.get(zone, zone)
        iana = {"utc": "UTC", "win": tz, "iana": tz}.get(zone, win_tz.get(zone, zone))
        start = {"dateTime": local.astimezone(ZoneInfo(iana)).strftime(FMT), "timeZone": name}
        stop = {"dateTime": end.astimezone(ZoneInfo(iana)).strftime(FMT), "timeZone": name}
    organizer = USER["name"] if spec["mine"] else spec["org"]
    attendees = [USER["name"]] if not spec["mine"] else []
    attendees += list(spec["people"])
    return {
        "id": "AAMk" + spec["eid"],
        "subject": spec["subject"],
        "type": "occurrence" if spec["master"] else "singleInstance",
        "isAllDay": spec["allday"],
        "isCancelled": spec["cancelled"],
        "isOrganizer": spec["mine"],
        "responseRequested": True,
        "allowNewTimeProposals": True,
        "responseStatus": {
            "response": "organizer" if spec["mine"] else spec["response"],
            "time": "0001-01-01T00:00:00Z",
        },
        "start": start,
        "end": stop,
        "organizer": {"emailAddress": {"name": organizer, "address": _address(organizer)}},
        "attendees": [
            {
                "type": "required",
                "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                "emailAddress": {"name": p, "address": _address(p)},
            }
            for p in attendees
        ],
        "showAs": "free" if spec["allday"] else "busy",
        "seriesMasterId": ("AAMk" + spec["master"]) if spec["master"] else None,
    }


def E(
    *ids: str,
    intent: str = "decline",
    status: str | None = None,
    comment: str | None = None,
    notify: bool = True,
    scope: str = "occurrence",
) -> dict:
    if status is None:
        status = "matched" if ids else "none"
    return {
        "intent": intent,
        "status": status,
        "event_ids": ["AAMk" + i for i in ids],
        "comment": comment,
        "send_response": notify,
        "scope": scope,
    }


def OTHER() -> dict:
    return {
        "intent": "other",
        "status": "none",
        "event_ids": [],
        "comment": None,
        "send_response": True,
        "scope": "occurrence",
    }


# ---------------------------------------------------------------- calendars
# New York, Wednesday 4 March 2026, 10:15 EST. US clocks go forward on Sunday 8 March.
NY, NY_NOW = "America/New_York", "2026-03-04T10:15"


def ny() -> list[dict]:
    return [
        ev("std04", "Daily Standup", "2026-03-04T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("hir04", "Hiring debrief", "2026-03-04T11:00", 30, "win", response="declined"),
        ev("des04", "Design sync", "2026-03-04T13:00", 30, "utc", org="Mina Park"),
        ev("sam04", "1:1 Sam / Dana", "2026-03-04T14:00", 30, "iana", org="Sam Patel"),
        ev("road04", "Roadmap review", "2026-03-04T15:00", 60, "utc", cancelled=True),
        ev("bud04", "Q2 budget review", "2026-03-04T16:30", 60, "win", org="Priya Shah"),
        ev("apac04", "APAC sync", "2026-03-04T21:00", 30, "utc", org="Hiro Tanaka"),
        ev("std05", "Daily Standup", "2026-03-05T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("prep05", "Team prep", "2026-03-05T10:00", 30, "iana", mine=True),
        ev("ven05", "Vendor call - Acme", "2026-03-05T11:00", 45, "Europe/London", org="Tom Baker"),
        ev("all05", "All Hands", "2026-03-05T13:00", 60, "win", org="Exec Office"),
        ev("des05", "Design sync", "2026-03-05T14:00", 30, "utc", org="Mina Park"),
        ev("ret05", "Sprint Retro", "2026-03-05T15:00", 60, "utc", org="Kai Turner"),
        ev("int05", "Interview: backend candidate", "2026-03-05T15:00", 45, "iana", org="Recruiting Team"),
        ev("std06", "Daily Standup", "2026-03-06T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("sec06", "Security training", "2026-03-06T10:00", 60, "win"),
        ev("jake06", "Lunch w/ Jake", "2026-03-06T11:30", 60, "iana", org="Jake Moreno"),
        ev("off06", "Offsite planning", "2026-03-06T14:00", 60, "utc", org="Alex Kim"),
        ev("demo06", "Demo day dry run", "2026-03-06T16:00", 60, "Europe/Paris", org="Alex Kim"),
        ev("std09", "Daily Standup", "2026-03-09T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("conf10", "SaaS Summit", "2026-03-10T00:00", 1440, allday=True),
    ]


# Berlin, Thursday 22 October 2026, 16:40 CEST. Europe's clocks go back on Sunday 25 October.
BER, BER_NOW = "Europe/Berlin", "2026-10-22T16:40"


def ber() -> list[dict]:
    return [
        ev("jf22", "Weekly Jour Fixe", "2026-10-22T10:00", 60, "utc", master="JF", org="Jonas Weber"),
        ev("go22", "Release go/no-go", "2026-10-22T17:00", 30, "America/New_York", org="Sarah Cole"),
        ev("cust23", "Customer call - Müller GmbH", "2026-10-23T09:00", 60, "iana", org="Lena Schmidt"),
        ev("lunch23", "Team lunch", "2026-10-23T12:30", 60, "win", org="Lena Schmidt"),
        ev("arch23", "Architecture board", "2026-10-23T14:00", 60, "utc", org="Jonas Weber"),
        ev("jf26", "Weekly Jour Fixe", "2026-10-26T10:00", 60, "utc", master="JF", org="Jonas Weber"),
        ev("lena26", "1:1 Lena", "2026-10-26T15:00", 30, "utc", org="Lena Schmidt"),
        ev("late26", "US West handover", "2026-10-26T23:30", 30, "America/Los_Angeles", org="Sarah Cole"),
    ]


# Chicago, Friday 30 October 2026, 08:05 CDT. US clocks go back on Sunday 1 November.
CHI, CHI_NOW = "America/Chicago", "2026-10-30T08:05"


def chi() -> list[dict]:
    return [
        ev("std30", "Standup", "2026-10-30T09:00", 15, "utc", master="CSTD", org="Ravi Nair"),
        ev("hal30", "Halloween costume contest", "2026-10-30T16:00", 60, "win", org="People Team"),
        ev("std02", "Standup", "2026-11-02T09:00", 15, "utc", master="CSTD", org="Ravi Nair"),
        ev("ops02", "Ops review", "2026-11-02T13:00", 60, "win", org="Ravi Nair"),
        ev("qbr03", "Customer QBR - Initech", "2026-11-03T10:00", 90, "America/Los_Angeles", org="Bill Lumbergh"),
        ev("std03", "Standup", "2026-11-03T09:00", 15, "utc", master="CSTD", org="Ravi Nair"),
    ]


# London, Friday 27 March 2026, 11:20 GMT. British clocks go forward on Sunday 29 March.
LON, LON_NOW = "Europe/London", "2026-03-27T11:20"


def lon() -> list[dict]:
    return [
        ev("std27", "Standup", "2026-03-27T09:30", 15, "utc", master="LSTD", org="Olivia Hart"),
        ev("pm27", "Interview - Senior PM", "2026-03-27T15:00", 45, "win", org="Recruiting"),
        ev("prod27", "Product review", "2026-03-27T15:00", 60, "utc", org="Olivia Hart"),
        ev("fer27", "Call", "2026-03-27T15:30", 30, "iana", org="Fernando Lopez"),
        ev("drk27", "Friday drinks", "2026-03-27T17:30", 90, "utc", org="Social Club"),
        ev("std30", "Standup", "2026-03-30T09:30", 15, "utc", master="LSTD", org="Olivia Hart"),
        ev("bud30", "Budget walkthrough", "2026-03-30T10:15", 45, "Europe/Paris", org="Claire Dubois"),
        ev("qp30", "Quarterly planning", "2026-03-30T14:00", 120, "win", org="Olivia Hart"),
    ]


# Sydney, Tuesday 1 December 2026, 08:10 AEDT.
SYD, SYD_NOW = "Australia/Sydney", "2026-12-01T08:10"


def syd() -> list[dict]:
    return [
        ev("std01", "Standup", "2026-12-01T09:00", 15, "win", master="SSTD", org="Mia Wong"),
        ev("brd01", "Board prep", "2026-12-01T09:45", 30, "utc", org="Noah Ellis"),
        ev("std02", "Standup", "2026-12-02T09:00", 15, "win", master="SSTD", org="Mia Wong"),
        ev("us02", "US sync", "2026-12-02T07:30", 30, "America/Los_Angeles", org="Sarah Cole"),
        ev("std03", "Standup", "2026-12-03T09:00", 15, "win", master="SSTD", org="Mia Wong"),
        ev("wk03", "Client workshop", "2026-12-03T13:00", 180, "win", org="Mia Wong"),
        ev("xmas18", "Christmas party", "2026-12-18T18:00", 240, "utc", org="Social Committee"),
    ]


# Kolkata, Monday 15 June 2026, 14:05 IST.
KOL, KOL_NOW = "Asia/Kolkata", "2026-06-15T14:05"


def kol() -> list[dict]:
    return [
        ev("cr15", "Code review", "2026-06-15T16:00", 60, "win", org="Arjun Rao"),
        ev("us15", "Weekly sync with US team", "2026-06-15T19:30", 60, "America/New_York", org="Sarah Cole"),
        ev("cr16", "Code review", "2026-06-16T16:00", 60, "win", org="Arjun Rao"),
        ev("ll17", "Lunch & Learn: Kubernetes", "2026-06-17T13:00", 60, "utc", org="Neha Gupta"),
        ev("perf17", "Perf calibration", "2026-06-17T13:00", 60, "utc", org="Arjun Rao"),
    ]


# A mailbox kept in UTC; Wednesday 11 November 2026, 13:00.
UTCZ, UTC_NOW = "UTC", "2026-11-11T13:00"


def utc() -> list[dict]:
    return [
        ev("inc11", "Incident review", "2026-11-11T15:00", 60, "Pacific Standard Time", org="Grace Hopper"),
        ev("plan12", "Sprint planning", "2026-11-12T10:00", 90, "utc", master="PLAN", org="Grace Hopper"),
        ev("tea12", "Tea & chat", "2026-11-12T15:00", 30, "Europe/Berlin", org="Lena Schmidt"),
        ev("plan19", "Sprint planning", "2026-11-19T10:00", 90, "utc", master="PLAN", org="Grace Hopper"),
    ]


# Los Angeles, Tuesday 10 February 2026, 09:05 PST.
LA, LA_NOW = "America/Los_Angeles", "2026-02-10T09:05"


def la() -> list[dict]:
    return [
        ev("exec10", "Exec staff", "2026-02-10T10:00", 60, "win", org="Alex Rivera"),
        ev("jor10", "1:1 Dana <> Jordan", "2026-02-10T13:00", 30, "utc", org="Jordan Lee", master="JOR"),
        ev("int10", "Interview: Staff Eng", "2026-02-10T15:00", 45, "iana", org="Recruiting Team"),
        ev("deb10", "Interview debrief", "2026-02-10T16:00", 30, "utc", org="Recruiting Team"),
        ev("rec11", "Recruiting sync", "2026-02-11T11:00", 30, "utc", org="Priya Shah"),
        ev("lun11", "Lunch", "2026-02-11T12:00", 60, "iana", org="Priya Shah"),
        ev("off12", "Team offsite", "2026-02-12T00:00", 1440, allday=True, org="Alex Rivera"),
        ev("esc12", "Customer escalation", "2026-02-12T16:00", 60, "Eastern Standard Time", org="Ken Adams"),
        ev("hh13", "Happy hour", "2026-02-13T17:00", 90, "utc", org="Social Club"),
        ev("jor17", "1:1 Dana <> Jordan", "2026-02-17T13:00", 30, "utc", org="Jordan Lee", master="JOR"),
    ]


def case(cid: str, utterance: str, tz: str, now: str, calendar: list[dict], expect: dict) -> dict:
    local = datetime.fromisoformat(now).replace(tzinfo=ZoneInfo(tz))
    return {
        "id": cid,
        "utterance": utterance,
        "now": local.isoformat(),
        "timezone": tz,
        "user": USER,
        "calendar": [graph(s, tz) for s in calendar],
        "expect": expect,
    }


def cases() -> list[dict]:
    out: list[dict] = []

    def add(cid: str, utterance: str, zone: tuple[str, str, list[dict]], expect: dict) -> None:
        tz, now, calendar = zone
        out.append(case(cid, utterance, tz, now, calendar, expect))

    n = (NY, NY_NOW, ny())
    add("ny01", "hey can u decline my 2 oclock pls", n, E("sam04"))
    add("ny02", "decline my 1 on 1 w/ Sam", n, E("sam04"))
    add("ny03", "nope, can't make the 4:30 today", n, E("bud04"))
    add("ny04", "skip the retro", n, E("ret05"))
    add(
        "ny05",
        "I can't make it to the all hands on thurs, let them know I'm travelling",
        n,
        E("all05", comment="I'm travelling"),
    )
    add("ny06", "decline all meetings friday afternoon", n, E("off06", "demo06"))
    add("ny07", "decline the next standup", n, E("std05"))
    add("ny08", "decline this afternoon's design sync, no need to tell anyone", n, E("des04", notify=False))
    add("ny09", "pass on the budget meeting", n, E("bud04"))
    add("ny10", "RSVP no to the vendor call", n, E("ven05"))
    add("ny11", "mark the vendor call as tentative", n, E("ven05", intent="tentative"))
    add("ny12", "yes to the offsite planning", n, E("off06", intent="accept"))
    add("ny13", "accept everything tomorrow morning", n, E("std05", "ven05", intent="accept"))
    add("ny14", "cancel my 2pm", n, E("sam04"))
    add("ny15", "decline my 9pm", n, E("apac04"))
    add("ny16", "decline the APAC sync tonight", n, E("apac04"))
    add("ny17", "accept the hiring debrief after all", n, E("hir04", intent="accept"))
    add("ny18", "decline the roadmap review", n, E())
    add("ny19", "decline the standup on monday", n, E("std09"))
    add("ny20", "decline my 9:30 on Monday", n, E("std09"))
    add("ny21", "decline all future standups", n, E("STD", scope="series"))
    add(
        "ny22",
        "decline the whole standup series, I've moved teams",
        n,
        E("STD", scope="series", comment="I've moved teams"),
    )
    add("ny23", "decline Sam's meeting", n, E("sam04"))
    add("ny24", "decline my meeting with Priya", n, E("bud04"))
    add("ny25", "decline my last meeting today", n, E("apac04"))
    add("ny26", "decline the first meeting tomorrow", n, E("std05"))
    add("ny27", "decline my 2 and 4:30", n, E("sam04", "bud04"))
    add("ny28", "decline the standup and the retro", n, E("std05", "ret05"))
    add(
        "ny29",
        "Please decline tomorrow's 9:30 with the note: dentist appointment",
        n,
        E("std05", comment="dentist appointment"),
    )
    add("ny30", "decline the all hands - I'm at a customer site", n, E("all05", comment="I'm at a customer site"))
    add("ny31", "decline the vendor call because I'm double booked", n, E("ven05", comment="I'm double booked"))
    add(
        "ny32",
        "decline the all-hands saying 'sorry, I'll watch the recording'",
        n,
        E("all05", comment="sorry, I'll watch the recording"),
    )
    add(
        "ny33",
        "decline the retro. reason: conflict with a customer call",
        n,
        E("ret05", comment="conflict with a customer call"),
    )
    add("ny34", "decline lunch with Jake silently", n, E("jake06", notify=False))
    add("ny35", "decline the offsite planning without notifying the organizer", n, E("off06", notify=False))
    add("ny36", "quietly decline the vendor call", n, E("ven05", notify=False))
    add("ny37", "decline the 4:30 and don't send a response", n, E("bud04", notify=False))
    add("ny38", "decline the budget review but don't tell the organizer", n, E("bud04", notify=False))
    add("ny39", "decline the 10am on Mar 6th", n, E("sec06"))
    add("ny40", "decline the 10 am on 3/6", n, E("sec06"))
    add("ny41", "decline friday's 10am", n, E("sec06"))
    add("ny42", "decline tmrw 3pm retro", n, E("ret05"))
    add("ny43", "decline the design sync", n, E("des04"))
    add("ny44", "decline the design sync on thursday", n, E("des05"))
    add("ny45", "decline my 3pm tomorrow", n, E("ret05", "int05", status="ambiguous"))
    add("ny46", "Decline my 2pm. Family emergency.", n, E("sam04", comment="Family emergency"))
    add("ny47", "can you decline the 9:30 standup for me tomorrow?", n, E("std05"))
    add("ny48", "decline the 10:30 tmrw", n, E())
    add("ny49", "reject the vendor call", n, E("ven05"))
    add("ny50", "say no to the all hands", n, E("all05"))
    add("ny51", "I'll pass on Friday's demo dry run", n, E("demo06"))
    add("ny52", "decline Alex's meetings on friday", n, E("off06", "demo06"))
    add("ny53", "decline the 1:30", n, E())
    add(
        "ny54",
        "Decline the demo day dry run on the 6th, I'm presenting elsewhere",
        n,
        E("demo06", comment="I'm presenting elsewhere"),
    )
    add("ny55", "decline the security training on 6 March", n, E("sec06"))
    add("ny56", "decline the sync with Mina on Thursday", n, E("des05"))
    add("ny57", "accept the 3pm interview tomorrow", n, E("int05", intent="accept"))
    add("ny58", "decline everything on monday", n, E("std09"))
    add("ny59", "what's on my calendar tomorrow?", n, OTHER())
    add("ny60", "thanks!", n, OTHER())
    add(
        "ny61",
        "tentatively accept the offsite planning, might be late",
        n,
        E("off06", intent="tentative", comment="might be late"),
    )
    add("ny62", "decline the board meeting", n, E())
    add("ny63", "decline my 8am", n, E())
    add("ny64", "plz decline the security trainin on fri", n, E("sec06"))

    b = (BER, BER_NOW, ber())
    add("be01", "decline the jour fixe on monday", b, E("jf26"))
    add("be02", "decline my 10:00 on Monday", b, E("jf26"))
    add("be03", "decline monday's 3pm", b, E("lena26"))
    add("be04", "decline my 1:1 with Lena, I'm off that day", b, E("lena26", comment="I'm off that day"))
    add("be05", "decline the 17:00", b, E("go22"))
    add(
        "be06",
        "decline the release go/no-go and tell Sarah I'll send my notes",
        b,
        E("go22", comment="I'll send my notes"),
    )
    add("be07", "decline everything tomorrow", b, E("cust23", "lunch23", "arch23"))
    add("be08", "decline the 12:30 on 23/10", b, E("lunch23"))
    add("be09", "decline Jonas's meeting tomorrow", b, E("arch23"))
    add("be10", "Decline the architecture board and say I'm on holiday", b, E("arch23", comment="I'm on holiday"))
    add("be11", "decline the jour fixe from now on", b, E("JF", scope="series"))
    add("be12", "decline my 11:30pm on monday", b, E("late26"))
    add("be13", "decline the customer call tomorrow morning", b, E("cust23"))
    add("be14", "accept the team lunch", b, E("lunch23", intent="accept"))
    add("be15", "decline the jour fixe", b, E("jf26"))
    add("be16", "decline the 14:00 tomorrow", b, E("arch23"))
    add("be17", "decline the 2pm on the 23rd", b, E("arch23"))
    add("be18", "decline my meeting at 5", b, E("go22"))

    c = (CHI, CHI_NOW, chi())
    add("ch01", "decline monday standup", c, E("std02"))
    add("ch02", "decline my 9am monday", c, E("std02"))
    add("ch03", "decline my 9 on Monday", c, E("std02"))
    add("ch04", "decline the QBR next Tue", c, E("qbr03"))
    add("ch05", "decline the 10 on the 3rd", c, E("qbr03"))
    add("ch06", "accept the halloween thing", c, E("hal30", intent="accept"))
    add("ch07", "decline today's standup", c, E("std30"))
    add("ch08", "decline the 10am on nov 3rd", c, E("qbr03"))
    add("ch09", "decline the ops review on 11/2 -- out at the doctor", c, E("ops02", comment="out at the doctor"))
    add("ch10", "decline Bill's QBR, say sorry I'm out that week", c, E("qbr03", comment="sorry I'm out that week"))
    add("ch11", "decline my 1pm on monday", c, E("ops02"))
    add("ch12", "decline the standup", c, E("std30"))
    add("ch13", "decline the standup on Tuesday", c, E("std03"))
    add("ch14", "decline all standups going forward", c, E("CSTD", scope="series"))
    add("ch15", "decline my 4pm", c, E("hal30"))

    lo = (LON, LON_NOW, lon())
    add("lo01", "decline my half 3", lo, E("fer27"))
    add("lo02", "decline the 3pm", lo, E("pm27", "prod27", status="ambiguous"))
    add("lo03", "decline the standup on monday", lo, E("std30"))
    add("lo04", "decline drinks tonight, not feeling well", lo, E("drk27", comment="not feeling well"))
    add("lo05", "decline my 5:30", lo, E("drk27"))
    add("lo06", "decline the quarterly planning on 30/3", lo, E("qp30"))
    add("lo07", "decline my call with Fernando", lo, E("fer27"))
    add("lo08", "decline the quarter past 10 on Monday", lo, E("bud30"))
    add("lo09", "decline the product review at 3", lo, E("prod27"))
    add("lo10", "decline the interview this afternoon, tell them I'm unwell", lo, E("pm27", comment="I'm unwell"))
    add("lo11", "decline monday's 9:30", lo, E("std30"))
    add("lo12", "decline everything this afternoon", lo, E("pm27", "prod27", "fer27"))
    add("lo13", "decline my 15:30", lo, E("fer27"))
    add(
        "lo14",
        "decline the budget walkthrough on Monday please, I'll read the deck",
        lo,
        E("bud30", comment="I'll read the deck"),
    )
    add("lo15", "decline my meetings monday morning", lo, E("std30", "bud30"))

    s = (SYD, SYD_NOW, syd())
    add("sy01", "decline the Dec 3rd workshop", s, E("wk03"))
    add("sy02", "decline the workshop on the 3rd", s, E("wk03"))
    add("sy03", "decline the 3/12 workshop", s, E("wk03"))
    add("sy04", "decline my 7:30 tomorrow", s, E("us02"))
    add(
        "sy05",
        "decline the christmas party on the 18th, I'm flying out that day",
        s,
        E("xmas18", comment="I'm flying out that day"),
    )
    add("sy06", "decline the 9:45", s, E("brd01"))
    add("sy07", "decline the US sync", s, E("us02"))
    add("sy08", "decline today's standup and tell Mia I'm at the dentist", s, E("std01", comment="I'm at the dentist"))
    add("sy09", "decline the standups for the rest of the week", s, E("std01", "std02", "std03"))
    add("sy10", "decline my 9am on Thursday", s, E("std03"))
    add("sy11", "decline board prep", s, E("brd01"))
    add("sy12", "decline the workshop thursday arvo", s, E("wk03"))

    k = (KOL, KOL_NOW, kol())
    add("ko01", "decline today's code review", k, E("cr15"))
    add("ko02", "decline tomorrow's code review", k, E("cr16"))
    add("ko03", "decline tonight's US sync", k, E("us15"))
    add("ko04", "decline the lunch and learn", k, E("ll17"))
    add("ko05", "decline my 7:30 pm", k, E("us15"))
    add("ko06", "decline my 1pm on wednesday", k, E("ll17", "perf17", status="ambiguous"))
    add("ko07", "decline the code review", k, E("cr15"))
    add("ko08", "decline the code review on tuesday, say I'm on leave", k, E("cr16", comment="I'm on leave"))
    add("ko09", "decline the 4pm", k, E("cr15"))
    add("ko10", "decline Arjun's meeting on Wednesday", k, E("perf17"))

    u = (UTCZ, UTC_NOW, utc())
    add("ut01", "decline the incident review", u, E("inc11"))
    add("ut02", "decline my 3pm", u, E("inc11"))
    add("ut03", "decline sprint planning tomorrow", u, E("plan12"))
    add("ut04", "decline every sprint planning", u, E("PLAN", scope="series"))
    add("ut05", "decline the tea and chat", u, E("tea12"))
    # Said on a Wednesday, "next Thursday" is tomorrow's or next week's: ask (issue 13).
    add("ut06", "decline my 10am next thursday", u, E("plan12", "plan19", status="ambiguous"))
    add("ut07", "decline the 3pm tomorrow", u, E("tea12"))

    a = (LA, LA_NOW, la())
    # Alex organizes today's exec staff and Thursday's offsite: ask (issue 13).
    add("la01", "decline Alex's meeting", a, E("exec10", "off12", status="ambiguous"))
    add("la02", "decline every occurrence of the 1:1", a, E("JOR", scope="series"))
    add("la03", "decline my 1:1 with Jordan next week", a, E("jor17"))
    add("la04", "decline the recurring 1:1 with Jordan", a, E("JOR", scope="series"))
    add("la05", "decline the interview debrief", a, E("deb10"))
    add("la06", "decline my 3 and 4pm", a, E("int10", "deb10"))
    add("la07", "decline everything on Thursday", a, E("esc12"))
    add("la08", "decline the happy hour on friday — I'm sick", a, E("hh13", comment="I'm sick"))
    add("la09", "decline the 1pm, saying: I have a conflict", a, E("jor10", comment="I have a conflict"))
    add("la10", "decline the customer escalation on Thursday at 4pm", a, E("esc12"))
    add("la11", "maybe for the recruiting sync", a, E("rec11", intent="tentative"))
    add("la12", "put me down as tentative for happy hour", a, E("hh13", intent="tentative"))
    add("la13", "decline the noon lunch tomorrow", a, E("lun11"))
    add("la14", "count me out of happy hour", a, E("hh13"))
    add("la15", "Decline the 10:30 tmrw, pls say im stuck at the airport", a, E(comment="im stuck at the airport"))
    add("la16", "decline the 1:1 today w/ note 'sorry, sick kid'", a, E("jor10", comment="sorry, sick kid"))
    add(
        "la17",
        "decline the next 1:1 with Jordan and let him know I'll reschedule",
        a,
        E("jor10", comment="I'll reschedule"),
    )
    add("la18", "decline all my meetings for the rest of the day", a, E("exec10", "jor10", "int10", "deb10"))
    add("la19", "decline everything after 3 today", a, E("int10", "deb10"))
    add("la20", "decline my meetings between 1 and 4 today", a, E("jor10", "int10"))
    add("la21", "decline the 3:30pm", a, E())
    add("la22", "decline my 9 a.m.", a, E())
    add("la23", "decline my 11am tomorrow, running a workshop", a, E("rec11", comment="running a workshop"))
    add("la24", "decline the lunch with priya", a, E("lun11"))
    add("la25", "decline the team offsite", a, E("off12"))
    add("la26", "decline my 4 pm on thursday with a note saying I'm out", a, E("esc12", comment="I'm out"))
    add("la27", "decline my 1pm next tuesday", a, E("jor17"))
    add("la28", "decline the 1:1 on the 17th", a, E("jor17"))
    add("la29", "accept the recruiting sync and the lunch", a, E("rec11", "lun11", intent="accept"))
    add("la30", "decline the exec staff meeting at 10", a, E("exec10"))

    # ---- a second round: more ways people say the same things
    add("ny65", "can't do my 2pm", n, E("sam04"))
    add("ny66", "not going to make the retro", n, E("ret05"))
    add("ny67", "won't be at the all hands", n, E("all05"))
    add("ny68", "gonna miss standup tmrw", n, E("std05"))
    add("ny69", "bow out of the vendor call", n, E("ven05"))
    add("ny70", "Please decline: Design sync (Thu)", n, E("des05"))
    add("ny71", "Decline \u2018Q2 budget review\u2019", n, E("bud04"))
    add("ny72", "decline Design Sync 3/5", n, E("des05"))
    add("ny73", "decline the standup 2moro", n, E("std05"))
    add("ny74", "decline the 2 o'clock with Sam", n, E("sam04"))
    add("ny75", "decline the 9.30 tomorrow", n, E("std05"))
    add("ny76", "decline the meeting at half past four", n, E("bud04"))
    add("ny77", "decline my 2:00 pm", n, E("sam04"))
    add("ny78", "decline my 2 p.m.", n, E("sam04"))
    add("ny79", "decline the 4.30 today", n, E("bud04"))
    add("ny80", "decline all of tomorrow's meetings", n, E("std05", "ven05", "all05", "des05", "ret05", "int05"))
    add("ny81", "clear my calendar friday afternoon", n, E("off06", "demo06"))
    add("ny82", "decline everything thursday except the all hands", n, E("std05", "ven05", "des05", "ret05", "int05"))
    add("ny83", "decline the meeting Priya sent", n, E("bud04"))
    add("ny84", "decline the invite from Tom", n, E("ven05"))
    add("ny85", "decline Jake's lunch", n, E("jake06"))
    add("ny86", "decline the recurring standup", n, E("STD", scope="series"))
    add("ny87", "decline this and all future standups", n, E("STD", scope="series"))
    add("ny88", "decline all standups this week", n, E("std05", "std06"))
    add("ny89", "decline my next 2 meetings", n, E("des04", "sam04"))
    add("ny90", "decline the all hands (I'll watch the recording)", n, E("all05", comment="I'll watch the recording"))
    add(
        "ny91",
        "Decline the All Hands \u2014 will catch the recording",
        n,
        E("all05", comment="will catch the recording"),
    )
    add("ny92", "decline the vendor call; I'm swamped", n, E("ven05", comment="I'm swamped"))
    add("ny93", "decline the vendor call as I'm out of office", n, E("ven05", comment="I'm out of office"))
    add("ny94", "decline the vendor call since I'm travelling", n, E("ven05", comment="I'm travelling"))
    add(
        "ny95",
        "decline the vendor call. Sorry Tom, something came up!",
        n,
        E("ven05", comment="Sorry Tom, something came up!"),
    )
    add(
        "ny96",
        "decline the design sync thursday and add a note that I'll review async",
        n,
        E("des05", comment="I'll review async"),
    )
    add("ny97", "no response needed, just decline the 4:30", n, E("bud04", notify=False))
    add("ny98", "decline the 4:30 w/o notifying", n, E("bud04", notify=False))
    add("ny99", "decline the 4:30 \u2014 don't email them", n, E("bud04", notify=False))
    add("nya0", "decline the 4:30 but don't let Priya know", n, E("bud04", notify=False))
    add("nya1", "decline the 4:30 and do not inform the organiser", n, E("bud04", notify=False))
    add("nya2", "I'll be there for the offsite planning", n, E("off06", intent="accept"))
    add("nya3", "sure, accept the design sync tmrw", n, E("des05", intent="accept"))
    add("nya4", "tentative for the vendor call", n, E("ven05", intent="tentative"))
    add("nya5", "tentatively yes to the offsite planning", n, E("off06", intent="tentative"))
    add("nya6", "decline tomorrow at 11", n, E("ven05"))
    add("nya7", "decline thu 1pm", n, E("all05"))
    add("nya8", "decline the 5th at 1pm", n, E("all05"))
    add("nya9", "decline march 5 at 1", n, E("all05"))
    add("nyb0", "decline the meeting on Thursday at 2", n, E("des05"))
    add("nyb1", "decline the design sync at 1", n, E("des04"))
    add("nyb2", "decline the 9.30 standup on Monday", n, E("std09"))
    add("nyb3", "decline standup next monday", n, E("std09"))
    add("nyb4", "Decline next week's standups", n, E("std09"))

    add("lb01", "decline my afternoon", a, E("jor10", "int10", "deb10"))
    add("lb02", "decline all my meetings today except exec staff", a, E("jor10", "int10", "deb10"))
    add("lb03", "decline the meeting Ken sent me", a, E("esc12"))
    add("lb04", "decline Ken Adams' meeting", a, E("esc12"))
    add("lb05", "decline the meeting organised by Ken", a, E("esc12"))
    add("lb06", "decline priya's meetings tomorrow", a, E("rec11", "lun11"))
    add("lb07", "decline the lunch on wed", a, E("lun11"))
    add("lb08", "decline my lunch tomorrow w/ priya", a, E("lun11"))
    add("lb09", "decline my 1:1 w jordan", a, E("jor10"))
    add("lb10", "decline jordan 1:1", a, E("jor10"))
    add("lb11", "decline my one-on-one with Jordan tomorrow", a, E())
    add("lb12", "decline today's 1:1 and tell jordan sorry", a, E("jor10", comment="sorry"))
    add("lb13", "decline the interview at 3 & the debrief", a, E("int10", "deb10"))
    add("lb14", "decline interview + debrief", a, E("int10", "deb10"))
    add("lb15", "decline the escalation call thursday", a, E("esc12"))
    add("lb16", "decline the customer escalation meeting on 2/12", a, E("esc12"))
    add("lb17", "decline the meeting with Ken", a, E("esc12"))
    add("lb18", "decline all meetings with Priya this week", a, E("rec11", "lun11"))

    add("sb01", "decline tmr's standup", s, E("std02"))
    add("sb02", "decline the workshop on Thu 3 Dec", s, E("wk03"))
    add("sb03", "decline the party on Friday the 18th", s, E("xmas18"))
    add("sb04", "decline the 6pm on 18/12", s, E("xmas18"))
    add("bb01", "decline the 10 o'clock Jour Fixe next Monday", b, E("jf26"))
    add("bb02", "decline the handover monday night", b, E("late26"))
    add("bb03", "decline the meeting at 11.30pm on Monday", b, E("late26"))
    add("bb04", "decline Lena's 1:1", b, E("lena26"))
    add("kb01", "decline the 1 pm lunch & learn", k, E("ll17"))
    add("kb02", "decline the perf calibration on 17/6", k, E("perf17"))
    add("cb01", "decline standup on the 2nd", c, E("std02"))
    add("cb02", "decline the QBR with Initech", c, E("qbr03"))
    # ---- a third round
    add("nyc1", "decline tmrw's all-hands pls, I'll be on a plane", n, E("all05", comment="I'll be on a plane"))
    add("nyc2", "hey regrets, decline my 4:30 today thx", n, E("bud04"))
    add("nyc3", "Decline the Q2 budget review. Reason: out sick", n, E("bud04", comment="out sick"))
    add(
        "nyc4",
        "decline the vendor call & tell Tom sorry, I'm double-booked",
        n,
        E("ven05", comment="sorry, I'm double-booked"),
    )
    add("nyc5", "decline the next occurrence of the standup", n, E("std05"))
    add("nyc6", "decline just this one standup tomorrow", n, E("std05"))
    add("nyc7", "decline only tomorrow's standup, not the series", n, E("std05"))
    add(
        "nyc8",
        "accept the all hands but tell them I'll be 10 min late",
        n,
        E("all05", intent="accept", comment="I'll be 10 min late"),
    )
    add("nyc9", "decline the 11 tomorrow", n, E("ven05"))
    add("nyd0", "decline the 11:00 on thursday", n, E("ven05"))
    add("nyd1", "decline sam's 1:1", n, E("sam04"))
    add("nyd2", "decline kai's standup tomorrow", n, E("std05"))
    add("nyd3", "decline mina's design sync thursday", n, E("des05"))
    add("nyd4", "decline the meeting with Alex on Friday at 4", n, E("demo06"))
    add("nyd5", "i can't attend the offsite planning on friday", n, E("off06"))
    add("nyd6", "unable to attend the security training", n, E("sec06"))
    add("nyd7", "please RSVP no for the all hands", n, E("all05"))
    add("nyd8", "Decline the 'Demo day dry run'", n, E("demo06"))
    add("nyd9", "decline the 13:00 today", n, E("des04"))
    add("nye0", "decline my 1pm and 2pm", n, E("des04", "sam04"))
    add("nye1", "decline everything between 1 and 3 today", n, E("des04", "sam04"))
    add("nye2", "decline all my remaining meetings today", n, E("des04", "sam04", "bud04", "apac04"))
    add("nye3", "decline the standup on the 9th", n, E("std09"))
    add("nye4", "decline the march 9 standup", n, E("std09"))
    add("bc01", "decline the Jour Fixe on 26.10.", b, E("jf26"))
    add("bc02", "decline the 10:00 on 26.10.2026", b, E("jf26"))
    add("bc03", "decline my 3 pm monday", b, E("lena26"))
    add("bc04", "decline the architecture board tomorrow, I'm sick", b, E("arch23", comment="I'm sick"))
    add("lc01", "decline the 3pm interview", lo, E("pm27"))
    add("lc02", "decline both 3pm meetings", lo, E("pm27", "prod27"))
    add("lc03", "decline Friday drinks", lo, E("drk27"))
    add("lc04", "decline tonight", lo, E("drk27"))
    add("lc05", "decline Monday 2pm", lo, E("qp30"))
    add("sc01", "decline this arvo's meetings", s, E())
    add("sc02", "decline my 9am tomorrow", s, E("std02"))
    add("lac1", "decline my 10", a, E("exec10"))
    add("lac2", "decline the 10 o'clock", a, E("exec10"))
    add("lac3", "decline 10am", a, E("exec10"))
    add("lac4", "decline @ 1pm", a, E("jor10"))
    add("lac5", "decline my 1:1", a, E("jor10"))
    add("lac6", "decline next week's 1:1", a, E("jor17"))
    add("lac7", "decline the 1:1 series with Jordan", a, E("JOR", scope="series"))
    add("lac8", "decline all instances of the jordan 1:1", a, E("JOR", scope="series"))
    add("lac9", "decline this week's 1:1 only", a, E("jor10"))
    add("lad0", "decline Thursday's escalation meeting w/ Ken", a, E("esc12"))
    return out


def write_cases(path: Path, built: list[dict]) -> None:
    """Write cases as JSON lines (the eval contract's form); case ids must be unique."""
    ids = [c["id"] for c in built]
    assert len(ids) == len(set(ids)), "case ids repeat"
    with path.open("w", encoding="utf-8") as handle:
        for c in built:
            handle.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(built)} cases to {path}")


def main() -> None:
    write_cases(Path(__file__).with_name("heldout_style.jsonl"), cases())


if __name__ == "__main__":
    main()
