"""Writes tests/understanding/cases.jsonl: hand-written cases in the eval contract's form.

Each case below states the utterance, the user's zone and time, a small calendar (local
times in the user's zone, written to Graph's JSON in UTC, a Windows zone name or an IANA
name) and the answer a person would expect. Run `python -m tests.understanding.build_cases`
after editing; the JSONL is what the tests read.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

WINDOWS = {
    "America/Los_Angeles": "Pacific Standard Time",
    "Europe/London": "GMT Standard Time",
    "Australia/Sydney": "AUS Eastern Standard Time",
    "Asia/Kolkata": "India Standard Time",
    "America/New_York": "Eastern Standard Time",
    "Europe/Berlin": "W. Europe Standard Time",
    "Asia/Tokyo": "Tokyo Standard Time",
    "America/Chicago": "Central Standard Time",
    "UTC": "UTC",
}
LA, LON, SYD, KOL, NY, BER, UTC_ = (
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/New_York",
    "Europe/Berlin",
    "UTC",
)
USER = {"name": "Dana Reyes", "email": "dana.reyes@contoso.example"}


def ev(
    eid: str,
    subject: str,
    when: str,
    minutes: int = 30,
    zone: str = "iana",
    *,
    org: bool = False,
    cancelled: bool = False,
    response: str = "none",
    allday: bool = False,
    master: str | None = None,
    people: tuple[str, ...] = (),
    organizer: str = "Adele Vance",
) -> dict:
    return {
        "eid": eid,
        "subject": subject,
        "when": when,
        "minutes": minutes,
        "zone": zone,
        "org": org,
        "cancelled": cancelled,
        "response": response,
        "allday": allday,
        "master": master,
        "people": people,
        "organizer": organizer,
    }


def graph_event(spec: dict, tz: str) -> dict:
    local = datetime.fromisoformat(spec["when"]).replace(tzinfo=ZoneInfo(tz))
    end = local + timedelta(minutes=spec["minutes"])
    if spec["allday"]:
        start_obj = {"dateTime": local.strftime("%Y-%m-%dT00:00:00.0000000"), "timeZone": "UTC"}
        end_day = local + timedelta(days=max(1, spec["minutes"] // 1440))
        end_obj = {"dateTime": end_day.strftime("%Y-%m-%dT00:00:00.0000000"), "timeZone": "UTC"}
    else:
        zone = spec["zone"]
        if zone == "utc":
            name, shown, shown_end = "UTC", local.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))
        elif zone == "win":
            name, shown, shown_end = WINDOWS[tz], local, end
        elif zone == "iana":
            name, shown, shown_end = tz, local, end
        else:
            iana = {w: i for i, w in WINDOWS.items()}.get(zone, zone)
            name, shown, shown_end = zone, local.astimezone(ZoneInfo(iana)), end.astimezone(ZoneInfo(iana))
        start_obj = {"dateTime": shown.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": name}
        end_obj = {"dateTime": shown_end.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": name}
    org_name = "Dana Reyes" if spec["org"] else spec["organizer"]
    return {
        "id": "AAMk" + spec["eid"],
        "subject": spec["subject"],
        "type": "occurrence" if spec["master"] else "singleInstance",
        "isAllDay": spec["allday"],
        "isCancelled": spec["cancelled"],
        "isOrganizer": spec["org"],
        "responseRequested": True,
        "allowNewTimeProposals": True,
        "responseStatus": {
            "response": "organizer" if spec["org"] else spec["response"],
            "time": "0001-01-01T00:00:00Z",
        },
        "start": start_obj,
        "end": end_obj,
        "organizer": {
            "emailAddress": {"name": org_name, "address": org_name.lower().replace(" ", ".") + "@contoso.example"}
        },
        "attendees": [
            {
                "type": "required",
                "emailAddress": {"name": p, "address": p.lower().replace(" ", ".") + "@contoso.example"},
            }
            for p in spec["people"]
        ],
        "showAs": "busy",
        "seriesMasterId": ("AAMk" + spec["master"]) if spec["master"] else None,
    }


def E(
    intent: str = "decline",
    status: str = "matched",
    ids: tuple[str, ...] = (),
    comment: str | None = None,
    notify: bool = True,
    scope: str = "occurrence",
) -> dict:
    return {
        "intent": intent,
        "status": status,
        "event_ids": ["AAMk" + i for i in ids],
        "comment": comment,
        "send_response": notify,
        "scope": scope,
    }


# A typical Tuesday 24 Nov 2026 (Wed 25, Thu 26, Fri 27, Sat 28, Sun 29, Mon 30, Tue 1 Dec).
def week(z: str = "iana") -> list[dict]:
    return [
        ev("std24", "Standup", "2026-11-24T09:30", 15, z, master="stdM"),
        ev("dr24", "Design review", "2026-11-24T11:00", 60, z),
        ev("lun24", "Lunch", "2026-11-24T12:30", 60, z, people=("Kim Lee",)),
        ev("one24", "Alex / Dana 1:1", "2026-11-24T14:00", 30, z, people=("Alex Chen",)),
        ev("pr24", "PR Meeting", "2026-11-24T15:00", 30, z),
        ev("ret24", "Sprint Retro", "2026-11-24T16:00", 60, z),
        ev("std25", "Standup", "2026-11-25T09:30", 15, z, master="stdM"),
        ev("bud25", "Budget sync", "2026-11-25T10:00", 30, z),
        ev("int25", "Interview loop", "2026-11-25T15:00", 45, z),
        ev("std26", "Standup", "2026-11-26T09:30", 15, z, master="stdM"),
        ev("th26", "Town hall", "2026-11-26T13:00", 60, z),
        ev("std27", "Standup", "2026-11-27T09:30", 15, z, master="stdM"),
        ev("off27", "Offsite prep", "2026-11-27T14:00", 60, z),
        ev("demo27", "Vendor demo", "2026-11-27T16:30", 30, z),
        ev("std30", "Standup", "2026-11-30T09:30", 15, z, master="stdM"),
        ev("jake30", "Catch-up", "2026-11-30T11:00", 30, z, people=("Jake Miller",)),
    ]


def case(cid: str, utterance: str, tz: str, calendar: list[dict], expect: dict, now: str = "2026-11-24T09:00") -> dict:
    local = datetime.fromisoformat(now).replace(tzinfo=ZoneInfo(tz))
    return {
        "id": cid,
        "utterance": utterance,
        "now": local.isoformat(),
        "timezone": tz,
        "user": USER,
        "calendar": [graph_event(s, tz) for s in calendar],
        "expect": expect,
    }


def cases() -> list[dict]:
    out: list[dict] = []
    add = out.append
    W = week
    # ---- times
    add(case("t01", "decline my 3pm", LA, W("utc"), E(ids=("pr24",))))
    add(case("t02", "decline my 3", LON, W("win"), E(ids=("pr24",))))
    add(case("t03", "decline my 3 o'clock", SYD, W("utc"), E(ids=("pr24",))))
    add(case("t04", "decline my 15:00", BER, W("win"), E(ids=("pr24",))))
    add(case("t05", "decline the 9:30", KOL, W("utc"), E(ids=("std24",))))
    add(case("t06", "Decline my 2:00", NY, W("iana"), E(ids=("one24",))))
    add(case("t07", "decline my 12:30", LA, W("win"), E(ids=("lun24",))))
    add(
        case(
            "t08", "decline my noon meeting", LON, [ev("n1", "Lunch and learn", "2026-11-24T12:00", 60)], E(ids=("n1",))
        )
    )
    add(
        case(
            "t09",
            "decline the 4:45",
            LA,
            [ev("a", "Wrap", "2026-11-24T16:45", 15, "utc"), ev("b", "Early", "2026-11-24T04:45", 15, "utc")],
            E(ids=("a",)),
        )
    )
    add(case("t10", "decline my 9:30 next monday", LON, W("utc"), E(ids=("std30",)), now="2026-11-24T08:00"))
    add(case("t11", "decline tomorrow's 9:30", SYD, W("utc"), E(ids=("std25",))))
    add(case("t12", "decline my 10am tomorrow", KOL, W("win"), E(ids=("bud25",))))
    add(case("t13", "decline my 9:30", LA, W("utc"), E(ids=("std25",)), now="2026-11-24T10:00"))
    add(case("t14", "decline my 4pm", LA, W("utc"), E(ids=("ret24",)), now="2026-11-24T13:00"))
    add(case("t15", "decline my 5pm", LON, W("utc"), E(status="none")))
    add(case("t16", "decline my meeting at 11", LA, W("win"), E(ids=("dr24",))))
    add(case("t17", "decline my 6", SYD, [ev("a", "APAC handoff", "2026-11-24T18:00", 30, "utc")], E(ids=("a",))))
    add(case("t18", "decline my 7", LA, [ev("a", "Early sync", "2026-11-25T07:00", 30, "utc")], E(ids=("a",))))
    add(
        case(
            "t19",
            "decline my 3pm",
            LA,
            [ev("a", "Design review", "2026-11-24T15:00", 60), ev("b", "Interview", "2026-11-24T15:00", 30)],
            E(status="ambiguous", ids=("a", "b")),
        )
    )
    add(
        case(
            "t20",
            "decline my 3pm",
            LON,
            [
                ev("a", "Planning", "2026-11-24T15:00", 60, "utc", cancelled=True),
                ev("b", "Review", "2026-11-24T15:00", 30, "utc"),
            ],
            E(ids=("b",)),
        )
    )
    add(
        case(
            "t21",
            "decline my 3pm",
            LON,
            [
                ev("all", "Company holiday", "2026-11-24T00:00", 1440, allday=True),
                ev("b", "Review", "2026-11-25T15:00", 30, "utc"),
            ],
            E(ids=("b",)),
        )
    )
    add(case("t22", "decline the 3:30pm", KOL, [ev("a", "Vendor call", "2026-11-24T15:30", 30, "utc")], E(ids=("a",))))
    add(case("t23", "decline my 3 p.m.", NY, [ev("a", "Vendor call", "2026-11-24T15:00", 30, "utc")], E(ids=("a",))))
    add(
        case(
            "t24",
            "decline my 11am",
            SYD,
            [
                ev("a", "Board prep", "2026-11-24T11:00", 30, "utc"),
                ev("b", "Board prep", "2026-11-25T11:00", 30, "utc"),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "t25",
            "decline the 8:15",
            LA,
            [ev("a", "Ops", "2026-11-24T20:15", 15, "utc"), ev("b", "Ops", "2026-11-25T08:15", 15, "utc")],
            E(ids=("b",)),
        )
    )
    add(
        case(
            "t26",
            "decline my 2:30 on friday",
            KOL,
            [ev("a", "Sync", "2026-11-27T14:30", 30, "utc"), ev("b", "Sync", "2026-11-24T14:30", 30, "utc")],
            E(ids=("a",)),
        )
    )
    add(case("t27", "decline my 4 pm meeting", BER, W("utc"), E(ids=("ret24",))))
    add(
        case(
            "t28",
            "decline my midday meeting",
            LON,
            [ev("a", "Lunch talk", "2026-11-25T12:00", 60, "utc")],
            E(ids=("a",)),
        )
    )
    add(case("t29", "decline the meeting at half past 12", LA, W("win"), E(ids=("lun24",))))
    add(case("t30", "decline the 10 o'clock tomorrow", NY, W("utc"), E(ids=("bud25",))))
    # ---- days
    add(case("d01", "decline the standup tomorrow", LA, W("utc"), E(ids=("std25",))))
    add(case("d02", "decline the standup on Friday", LON, W("win"), E(ids=("std27",))))
    add(case("d03", "decline Thursday's standup", SYD, W("utc"), E(ids=("std26",))))
    add(case("d04", "decline the standup on wedensday", KOL, W("utc"), E(ids=("std25",))))
    add(case("d05", "decline the town hall on thrusday", LA, W("utc"), E(ids=("th26",))))
    add(case("d06", "decline the standup next Monday", NY, W("win"), E(ids=("std30",))))
    add(case("d07", "decline the standup today", LA, W("utc"), E(ids=("std24",))))
    add(case("d08", "decline my meeting on Nov 30", LON, W("utc"), E(status="ambiguous", ids=("std30", "jake30"))))
    add(case("d09", "decline the 11am on Nov 30th", LON, W("utc"), E(ids=("jake30",))))
    add(case("d10", "decline the 11:00 on 30/11", LON, W("utc"), E(ids=("jake30",))))
    add(case("d11", "decline the 11:00 on 11/30", LA, W("utc"), E(ids=("jake30",))))
    add(
        case(
            "d12",
            "decline the meeting on the 1st",
            LA,
            [ev("a", "Planning", "2026-12-01T10:00", 60, "utc"), ev("b", "Planning", "2026-11-24T10:00", 60)],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "d13",
            "decline the planning meeting on 3 Dec",
            SYD,
            [ev("a", "Planning", "2026-12-03T10:00", 60, "utc"), ev("b", "Planning", "2026-12-10T10:00", 60)],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "d14",
            "decline the offsite this weekend",
            LON,
            [
                ev("a", "Team offsite", "2026-11-28T10:00", 240, "utc"),
                ev("b", "Team offsite", "2026-12-05T10:00", 240, "utc"),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "d15",
            "Decline the budget sync on Monday",
            LA,
            [ev("a", "Budget sync", "2026-11-24T11:00", 30, "win"), ev("b", "Budget sync", "2026-11-30T11:00", 30)],
            E(ids=("b",)),
        )
    )
    add(case("d16", "decline the standup on Tuesday", LON, W("utc"), E(ids=("std24",)), now="2026-11-24T08:00"))
    add(
        case(
            "d17",
            "decline the standup on Tuesday",
            LON,
            W("utc") + [ev("std01", "Standup", "2026-12-01T09:30", 15, "utc", master="stdM")],
            E(ids=("std01",)),
            now="2026-11-24T10:00",
        )
    )
    add(case("d18", "decline my 9:30 on Thurs", NY, W("utc"), E(ids=("std26",))))
    add(
        case(
            "d19",
            "decline the 2pm on Dec 1",
            KOL,
            [ev("a", "Review", "2026-12-01T14:00", 60, "utc"), ev("b", "Review", "2026-11-24T14:00", 60, "utc")],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "d20",
            "decline the demo tmrw",
            LA,
            [ev("a", "Demo", "2026-11-25T13:00", 30, "utc"), ev("b", "Demo", "2026-11-24T13:00", 30, "utc")],
            E(ids=("a",)),
        )
    )
    add(case("d21", "decline the standup the day after tomorrow", LON, W("utc"), E(ids=("std26",))))
    add(case("d22", "decline my 9:30 on fri", SYD, W("win"), E(ids=("std27",))))
    add(
        case(
            "d23",
            "decline my meeting with Jake on Jan 1st",
            NY,
            [
                ev("a", "Catch-up", "2027-01-01T11:00", 30, "utc", people=("Jake Miller",)),
                ev("b", "Catch-up", "2026-11-30T11:00", 30, "utc", people=("Jake Miller",)),
            ],
            E(ids=("a",)),
        )
    )
    add(case("d24", "decline the standup on 2026-11-27", UTC_, W("utc"), E(ids=("std27",))))
    # ---- subjects and people
    add(case("s01", "decline the standup", LA, W("utc"), E(ids=("std24",))))
    add(case("s02", "decline the standup", LA, W("utc"), E(ids=("std25",)), now="2026-11-24T10:00"))
    add(case("s03", "decline the stand-up", LON, W("win"), E(ids=("std24",))))
    add(case("s04", "decline the Design Review", SYD, W("utc"), E(ids=("dr24",))))
    add(case("s05", "decline the design reveiw", KOL, W("utc"), E(ids=("dr24",))))
    add(case("s06", "decline the PR meeting", LA, W("utc"), E(ids=("pr24",))))
    add(case("s07", "decline lunch with Kim", LON, W("utc"), E(ids=("lun24",))))
    add(case("s08", "decline my 1:1 with Alex", NY, W("utc"), E(ids=("one24",))))
    add(case("s09", "decline my one on one with alex", LA, W("iana"), E(ids=("one24",))))
    add(case("s10", "decline the retro", BER, W("utc"), E(ids=("ret24",))))
    add(
        case(
            "s11",
            "decline the retrospective",
            LA,
            [ev("a", "Sprint retro", "2026-11-25T15:00", 60, "utc")],
            E(ids=("a",)),
        )
    )
    add(case("s12", "decline the vendor demo", LON, W("utc"), E(ids=("demo27",))))
    add(case("s13", "decline the budget meeting", SYD, W("utc"), E(ids=("bud25",))))
    add(case("s14", "decline my meeting with Jake", NY, W("utc"), E(ids=("jake30",))))
    add(case("s15", "decline the interview", LA, W("utc"), E(ids=("int25",))))
    add(case("s16", "decline the town hall", KOL, W("utc"), E(ids=("th26",))))
    add(
        case(
            "s17",
            "decline the review",
            LA,
            [
                ev("a", "Design review", "2026-11-25T10:00", 60, "utc"),
                ev("b", "Code review", "2026-11-26T10:00", 60, "utc"),
            ],
            E(status="ambiguous", ids=("a", "b")),
        )
    )
    add(
        case(
            "s18",
            "decline the sprint retro",
            LA,
            [ev("a", "Sprint planning", "2026-11-26T10:00", 60), ev("b", "Sprint retro", "2026-11-26T15:00", 60)],
            E(ids=("b",)),
        )
    )
    add(
        case(
            "s19",
            "decline lunch with Priya",
            LON,
            [
                ev("a", "Lunch", "2026-11-25T12:30", 60, people=("Priya Natarajan",)),
                ev("b", "Lunch", "2026-11-26T12:30", 60, people=("Lee Gu",)),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "s20",
            "decline the meeting Kim set up",
            LA,
            [
                ev("a", "Roadmap", "2026-11-25T12:30", 60, organizer="Kim Lee"),
                ev("b", "Hiring", "2026-11-26T12:30", 60),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "s21",
            "decline Kim's meeting",
            LA,
            [
                ev("a", "Roadmap", "2026-11-25T12:30", 60, organizer="Kim Lee"),
                ev("b", "Hiring", "2026-11-26T12:30", 60),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "s22",
            "decline the meeting from Adele tomorrow",
            LON,
            [ev("a", "Roadmap", "2026-11-25T12:30", 60), ev("b", "Hiring", "2026-11-25T15:30", 60, organizer="Lee Gu")],
            E(ids=("a",)),
        )
    )
    add(case("s23", "decline the all hands", NY, [ev("a", "All-hands", "2026-11-26T12:00", 60, "utc")], E(ids=("a",))))
    add(case("s25", "decline the offsite prep", SYD, W("win"), E(ids=("off27",))))
    add(case("s26", "decline the hiring sync", LA, W("utc"), E(status="none")))
    add(
        case(
            "s27",
            "decline the check in with Sam",
            LA,
            [
                ev("a", "Check-in", "2026-11-25T10:00", 30, "utc", people=("Sam Ortiz",)),
                ev("b", "Check-in", "2026-11-25T11:00", 30, "utc", people=("Ravi Rao",)),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "s28",
            "decline the 1-1 with Ravi",
            KOL,
            [
                ev("a", "1:1 Ravi / Dana", "2026-11-25T10:00", 30, "utc", people=("Ravi Rao",)),
                ev("b", "1:1 Sam / Dana", "2026-11-25T11:00", 30, "utc", people=("Sam Ortiz",)),
            ],
            E(ids=("a",)),
        )
    )
    add(case("s29", "decline the QBR", LON, [ev("a", "QBR prep", "2026-11-27T10:00", 60, "utc")], E(ids=("a",))))
    add(
        case(
            "s30",
            "decline the sync with the Contoso team",
            LA,
            [ev("a", "Contoso sync", "2026-11-25T10:00", 30, "utc")],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "s31",
            "decline the 3pm offsite prep",
            LON,
            [ev("a", "Offsite prep", "2026-11-24T15:00", 30), ev("b", "Offsite prep", "2026-11-25T15:00", 30)],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "s32",
            "decline the budget sync",
            LA,
            [
                ev("a", "Budget sync", "2026-11-25T10:00", 30, cancelled=True),
                ev("b", "Budget sync", "2026-12-02T10:00", 30),
            ],
            E(ids=("b",)),
        )
    )
    # ---- relative
    add(case("r01", "decline my next meeting", LON, W("utc"), E(ids=("std24",))))
    add(case("r02", "decline my next meeting", LA, W("utc"), E(ids=("pr24",)), now="2026-11-24T14:10"))
    add(case("r03", "decline my last meeting today", SYD, W("utc"), E(ids=("ret24",))))
    add(case("r04", "decline my first meeting tomorrow", KOL, W("win"), E(ids=("std25",))))
    add(case("r05", "decline my last meeting on Friday", LA, W("utc"), E(ids=("demo27",))))
    add(case("r06", "decline the next standup", LON, W("utc"), E(ids=("std25",)), now="2026-11-24T12:00"))
    add(
        case(
            "r07",
            "decline my next meeting",
            NY,
            [
                ev("a", "Old", "2026-11-24T08:00", 60, "utc"),
                ev("b", "Declined one", "2026-11-24T10:00", 30, "utc", response="declined"),
                ev("c", "Real", "2026-11-24T11:00", 30, "utc"),
            ],
            E(ids=("c",)),
        )
    )
    add(case("r08", "decline my next one", LA, W("utc"), E(ids=("std24",))))
    add(case("r09", "decline my upcoming meeting", LON, W("utc"), E(ids=("std24",))))
    # ---- several and spans
    add(case("m01", "decline my 3pm and my 4pm", LA, W("utc"), E(ids=("pr24", "ret24"))))
    add(case("m02", "decline my 3pm and 4pm", LON, W("win"), E(ids=("pr24", "ret24"))))
    add(
        case(
            "m03",
            "decline the 3pm offsite prep and the 4pm retro",
            LON,
            [
                ev("a", "Offsite prep", "2026-11-24T15:00", 30),
                ev("b", "Retro", "2026-11-24T16:00", 30),
                ev("c", "Retro", "2026-11-25T16:00", 30),
            ],
            E(ids=("a", "b")),
        )
    )
    add(case("m04", "decline everything on Friday", SYD, W("utc"), E(ids=("std27", "off27", "demo27"))))
    add(case("m05", "decline all my meetings tomorrow afternoon", LA, W("utc"), E(ids=("int25",))))
    add(case("m06", "decline all my meetings on Thursday", LON, W("win"), E(ids=("std26", "th26"))))
    add(
        case(
            "m07", "decline the rest of today", NY, W("utc"), E(ids=("one24", "pr24", "ret24")), now="2026-11-24T13:00"
        )
    )
    add(case("m08", "decline everything tomorrow", KOL, W("utc"), E(ids=("std25", "bud25", "int25"))))
    add(case("m09", "decline the standup and the town hall", LA, W("utc"), E(ids=("std24", "th26"))))
    add(
        case("m10", "decline all my meetings this afternoon", LON, W("utc"), E(ids=("lun24", "one24", "pr24", "ret24")))
    )
    add(case("m11", "clear my afternoon", LA, W("utc"), E(ids=("lun24", "one24", "pr24", "ret24"))))
    add(
        case(
            "m12",
            "decline everything on Friday",
            LON,
            W("utc")
            + [
                ev("mine", "My focus block", "2026-11-27T11:00", 60, org=True),
                ev("gone", "Cancelled thing", "2026-11-27T12:00", 60, cancelled=True),
                ev("hol", "Holiday", "2026-11-27T00:00", 1440, allday=True),
            ],
            E(ids=("std27", "off27", "demo27")),
        )
    )
    add(case("m13", "decline all meetings tomorrow morning", SYD, W("utc"), E(ids=("std25", "bud25"))))
    add(case("m14", "decline my meetings on monday", LA, W("utc"), E(ids=("std30", "jake30"))))
    add(
        case(
            "m15",
            "decline everything on Monday and Tuesday",
            LON,
            W("utc") + [ev("std01", "Standup", "2026-12-01T09:30", 15, master="stdM")],
            E(ids=("std30", "jake30", "std01")),
        )
    )
    add(
        case(
            "m16",
            "decline my 9:30 and 11am tomorrow",
            LA,
            [
                ev("a", "Standup", "2026-11-25T09:30", 15, "utc"),
                ev("b", "Review", "2026-11-25T11:00", 30, "utc"),
                ev("c", "Review", "2026-11-24T11:00", 30, "utc"),
            ],
            E(ids=("a", "b")),
        )
    )
    add(case("m17", "decline all meetings between 2 and 4 today", NY, W("utc"), E(ids=("one24", "pr24"))))
    add(case("m18", "decline everything after 3 today", LA, W("win"), E(ids=("pr24", "ret24"))))
    add(
        case(
            "m19",
            "decline everything this week",
            LON,
            [
                ev("a", "A", "2026-11-25T10:00", 30),
                ev("b", "B", "2026-11-27T10:00", 30),
                ev("c", "C", "2026-12-01T10:00", 30),
            ],
            E(ids=("a", "b")),
        )
    )
    add(case("m20", "decline every meeting tomorrow", UTC_, W("utc"), E(ids=("std25", "bud25", "int25"))))
    add(
        case(
            "m21",
            "decline all my meetings on Friday",
            LA,
            W("utc") + [ev("dec", "Already out", "2026-11-27T12:00", 30, response="declined")],
            E(ids=("std27", "off27", "demo27")),
        )
    )
    # ---- comments
    add(case("c01", "decline my 3pm and say I'm sick", LA, W("utc"), E(ids=("pr24",), comment="I'm sick")))
    add(
        case(
            "c02",
            "decline my 3pm and tell them I have a conflict",
            LON,
            W("utc"),
            E(ids=("pr24",), comment="I have a conflict"),
        )
    )
    add(case("c03", "decline the standup saying I'm out", SYD, W("utc"), E(ids=("std24",), comment="I'm out")))
    add(
        case(
            "c04",
            "decline the town hall with a note: Presenting to a customer, will watch the recording",
            LA,
            W("utc"),
            E(ids=("th26",), comment="Presenting to a customer, will watch the recording"),
        )
    )
    add(
        case(
            "c05",
            "decline the retro. Reason: Out at the dentist",
            LON,
            W("utc"),
            E(ids=("ret24",), comment="Out at the dentist"),
        )
    )
    add(
        case(
            "c06",
            "decline the vendor demo and respond I am not interested",
            KOL,
            W("utc"),
            E(ids=("demo27",), comment="I am not interested"),
        )
    )
    add(
        case(
            "c07", "decline my 2pm, tell them I'm travelling", LA, W("utc"), E(ids=("one24",), comment="I'm travelling")
        )
    )
    add(
        case(
            "c08",
            "Decline the town hall. I'm presenting at a customer site.",
            LON,
            W("win"),
            E(ids=("th26",), comment="I'm presenting at a customer site"),
        )
    )
    add(
        case(
            "c09",
            'decline the design review with the message "Sorry, double-booked. Can we move it?"',
            LA,
            W("utc"),
            E(ids=("dr24",), comment="Sorry, double-booked. Can we move it?"),
        )
    )
    add(
        case(
            "c10",
            "decline my 11am because I have a doctor's appointment",
            NY,
            W("utc"),
            E(ids=("dr24",), comment="I have a doctor's appointment"),
        )
    )
    add(
        case(
            "c11",
            "decline the PR meeting, I'm on PTO that day",
            LA,
            W("utc"),
            E(ids=("pr24",), comment="I'm on PTO that day"),
        )
    )
    add(
        case(
            "c12",
            "decline tomorrow's standup and let them know I'm at the offsite",
            BER,
            W("utc"),
            E(ids=("std25",), comment="I'm at the offsite"),
        )
    )
    add(
        case(
            "c13",
            "decline the budget sync and say: Please send me the notes, thanks!",
            LA,
            W("utc"),
            E(ids=("bud25",), comment="Please send me the notes"),
        )
    )
    add(case("c14", "Decline the retro. Thanks!", LON, W("utc"), E(ids=("ret24",))))
    add(
        case(
            "c15",
            "decline my 3pm, say Running late from another meeting, start without me",
            SYD,
            W("utc"),
            E(ids=("pr24",), comment="Running late from another meeting, start without me"),
        )
    )
    add(
        case(
            "c16",
            "decline everything tomorrow and tell them I'm out sick",
            LA,
            W("utc"),
            E(ids=("std25", "bud25", "int25"), comment="I'm out sick"),
        )
    )
    add(
        case(
            "c17",
            "Decline my 4pm - I have a clash with the board meeting",
            LON,
            W("utc"),
            E(ids=("ret24",), comment="I have a clash with the board meeting"),
        )
    )
    add(
        case(
            "c18",
            "decline the interview and tell Kim I'll send feedback async",
            LA,
            W("utc"),
            E(ids=("int25",), comment="I'll send feedback async"),
        )
    )
    add(
        case(
            "c19",
            "decline the town hall, reason: customer escalation",
            KOL,
            W("utc"),
            E(ids=("th26",), comment="customer escalation"),
        )
    )
    add(
        case(
            "c20",
            "decline the standup and tell them that I am WFH with bad wifi",
            LA,
            W("utc"),
            E(ids=("std24",), comment="I am WFH with bad wifi"),
        )
    )
    # ---- notify
    add(case("n01", "decline my 11am but don't notify anyone", LON, W("utc"), E(ids=("dr24",), notify=False)))
    add(case("n02", "decline the standup and don't send a response", LA, W("utc"), E(ids=("std24",), notify=False)))
    add(
        case("n03", "decline the retro without notifying the organizer", SYD, W("utc"), E(ids=("ret24",), notify=False))
    )
    add(case("n04", "silently decline the town hall", NY, W("utc"), E(ids=("th26",), notify=False)))
    add(case("n05", "decline the demo, no need to tell them", LA, W("utc"), E(ids=("demo27",), notify=False)))
    add(
        case(
            "n06",
            "decline everything tomorrow without sending a response",
            LON,
            W("utc"),
            E(ids=("std25", "bud25", "int25"), notify=False),
        )
    )
    add(case("n07", "decline the budget sync quietly", KOL, W("utc"), E(ids=("bud25",), notify=False)))
    add(case("n08", "decline my 4pm. Don't send a reply.", LA, W("utc"), E(ids=("ret24",), notify=False)))
    # ---- series
    add(case("x01", "decline the whole standup series", LA, W("utc"), E(ids=("stdM",), scope="series")))
    add(case("x02", "decline all future standups", LON, W("win"), E(ids=("stdM",), scope="series")))
    add(
        case(
            "x03",
            "decline the design review series",
            LA,
            [
                ev("a", "Design review", "2026-11-25T14:00", 60, master="drM"),
                ev("b", "Design review", "2026-12-02T14:00", 60, master="drM"),
            ],
            E(ids=("drM",), scope="series"),
        )
    )
    add(case("x04", "decline the standup from now on", SYD, W("utc"), E(ids=("stdM",), scope="series")))
    add(case("x05", "decline every standup", KOL, W("utc"), E(ids=("stdM",), scope="series")))
    add(
        case(
            "x06",
            "decline the recurring 1:1 with Sam",
            LA,
            [
                ev("a", "Sam / Dana 1:1", "2026-11-25T10:00", 30, "utc", master="samM", people=("Sam Ortiz",)),
                ev("b", "Sam / Dana 1:1", "2026-12-02T10:00", 30, "utc", master="samM", people=("Sam Ortiz",)),
            ],
            E(ids=("samM",), scope="series"),
        )
    )
    add(case("x07", "decline the standup", LA, W("utc"), E(ids=("std24",))))
    add(case("x08", "accept the standup series", LON, W("utc"), E(intent="accept", ids=("stdM",), scope="series")))
    add(case("x09", "decline all the standups this week", LA, W("utc"), E(ids=("std24", "std25", "std26", "std27"))))
    # ---- intents
    add(case("i01", "accept the vendor demo", LON, W("utc"), E(intent="accept", ids=("demo27",))))
    add(
        case(
            "i02",
            "tentatively accept my 3pm on Friday",
            LA,
            [ev("a", "Planning", "2026-11-27T15:00", 60, "utc")],
            E(intent="tentative", ids=("a",)),
        )
    )
    add(case("i03", "mark the town hall as tentative", SYD, W("utc"), E(intent="tentative", ids=("th26",))))
    add(case("i04", "maybe for the budget sync", LA, W("utc"), E(intent="tentative", ids=("bud25",))))
    add(case("i05", "I can't make the retro", LON, W("utc"), E(ids=("ret24",))))
    add(case("i06", "skip the standup tomorrow", NY, W("utc"), E(ids=("std25",))))
    add(case("i07", "reject the interview loop", LA, W("utc"), E(ids=("int25",))))
    add(case("i08", "what's on tomorrow?", LA, W("utc"), E(intent="other", status="none")))
    add(case("i09", "help", LON, W("utc"), E(intent="other", status="none")))
    add(case("i10", "never mind", LA, W("utc"), E(intent="other", status="none")))
    add(case("i11", "cancel", LA, W("utc"), E(intent="other", status="none")))
    add(case("i12", "sign out", LA, W("utc"), E(intent="other", status="none")))
    add(
        case(
            "i13",
            "cancel my 3pm",
            LA,
            [ev("a", "Team sync", "2026-11-24T15:00", 30, org=True)],
            E(intent="cancel", ids=("a",)),
        )
    )
    add(
        case(
            "i14",
            "cancel the team sync and tell them we'll regroup next week",
            LON,
            [ev("a", "Team sync", "2026-11-25T15:00", 30, org=True)],
            E(intent="cancel", ids=("a",), comment="we'll regroup next week"),
        )
    )
    add(case("i15", "cancel my 3pm", LA, [ev("a", "Vendor sync", "2026-11-24T15:00", 30)], E(ids=("a",))))
    add(case("i16", "hello there", LA, W("utc"), E(intent="other", status="none")))
    add(case("i17", "accept lunch with Kim", LA, W("utc"), E(intent="accept", ids=("lun24",))))
    add(case("i18", "I won't be able to attend the town hall", LON, W("utc"), E(ids=("th26",))))
    add(case("i19", "send my regrets for the offsite prep", LA, W("utc"), E(ids=("off27",))))
    add(case("i20", "rsvp no to the budget sync", NY, W("utc"), E(ids=("bud25",))))
    add(case("i21", "decine my 3pm", LA, W("utc"), E(ids=("pr24",))))
    add(case("i22", "stop", LA, W("utc"), E(intent="other", status="none")))
    # ---- noise
    add(case("z01", "<at>Regrets</at> decline my 3pm", LA, W("utc"), E(ids=("pr24",))))
    add(case("z02", "hi! can you please decline my 4pm?", LON, W("utc"), E(ids=("ret24",))))
    add(case("z03", "yes, that's good. Also decline the town hall", SYD, W("utc"), E(ids=("th26",))))
    add(case("z04", "decline   my    3pm   😅", KOL, W("utc"), E(ids=("pr24",))))
    add(case("z05", "Could you decline the standup on Thrusday pls", LA, W("utc"), E(ids=("std26",))))
    add(case("z06", "hey regrets, decline tomorrow's standup thanks", LON, W("utc"), E(ids=("std25",))))
    add(case("z07", "DECLINE MY 3PM", LA, W("utc"), E(ids=("pr24",))))
    add(case("z08", "pls decline the retro 🙏", BER, W("utc"), E(ids=("ret24",))))
    add(case("z09", "<at>Regrets</at>&nbsp;decline the demo on friday", LA, W("utc"), E(ids=("demo27",))))
    add(case("z10", "ok great. now decline my 11am too please", NY, W("utc"), E(ids=("dr24",))))
    # ---- past, already answered, own meetings
    add(case("p01", "decline the standup today", LA, W("utc"), E(status="none"), now="2026-11-24T10:00"))
    add(case("p02", "decline my 8am", LON, [ev("a", "Early", "2026-11-24T08:00", 30)], E(status="none")))
    add(
        case(
            "p03",
            "decline my 3pm",
            LA,
            [ev("a", "Mine", "2026-11-24T15:00", 30, org=True), ev("b", "Theirs", "2026-11-24T15:00", 30)],
            E(ids=("b",)),
        )
    )
    add(
        case(
            "p04",
            "decline my 3pm",
            LA,
            [ev("a", "Old", "2026-11-24T15:00", 30, response="declined"), ev("b", "New", "2026-11-24T15:00", 30)],
            E(ids=("b",)),
        )
    )
    add(
        case(
            "p05",
            "decline yesterday's standup",
            LON,
            W("utc") + [ev("std23", "Standup", "2026-11-23T09:30", 15, master="stdM")],
            E(status="none"),
        )
    )
    # ---- zones and DST edges
    add(
        case(
            "g01",
            "decline my 9am",
            SYD,
            [ev("a", "Board", "2026-11-24T09:00", 30, "America/Los_Angeles")],
            E(status="none"),
            now="2026-11-24T09:30",
        )
    )
    add(
        case(
            "g02",
            "decline my 9am tomorrow",
            SYD,
            [ev("a", "Board", "2026-11-25T09:00", 30, "America/Los_Angeles")],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "g03",
            "decline my 5:30pm",
            KOL,
            [ev("a", "EU sync", "2026-11-24T17:30", 30, "Europe/Berlin")],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "g04",
            "decline the 6pm on Thursday",
            LA,
            [ev("a", "APAC", "2026-11-26T18:00", 30, "utc"), ev("b", "APAC", "2026-11-25T18:00", 30, "utc")],
            E(ids=("a",)),
        )
    )
    add(case("g05", "decline my 10pm", NY, [ev("a", "Late call", "2026-11-24T22:00", 30, "Asia/Tokyo")], E(ids=("a",))))
    add(
        case(
            "g06",
            "decline my 3pm",
            UTC_,
            [ev("a", "Sync", "2026-11-24T15:00", 30, "Pacific Standard Time")],
            E(ids=("a",)),
        )
    )
    # ---- more phrasings people use
    add(
        case(
            "v01",
            "I'm out sick today, please decline all my meetings",
            LA,
            W("utc"),
            E(ids=("std24", "dr24", "lun24", "one24", "pr24", "ret24"), comment="I'm out sick today"),
        )
    )
    add(case("v02", "decline Friday", LON, W("utc"), E(ids=("std27", "off27", "demo27"))))
    add(
        case(
            "v03",
            "decline tomorrow, say I'm at a workshop",
            SYD,
            W("utc"),
            E(ids=("std25", "bud25", "int25"), comment="I'm at a workshop"),
        )
    )
    add(
        case(
            "v04",
            "decline the meeting on Friday",
            LA,
            W("utc"),
            E(status="ambiguous", ids=("std27", "off27", "demo27")),
        )
    )
    add(
        case(
            "v05",
            "decline my meeting with Jake",
            LA,
            [
                ev("a", "Catch-up", "2026-11-25T11:00", 30, people=("Jake Miller",)),
                ev("b", "Hiring debrief", "2026-11-27T11:00", 30, people=("Jake Miller", "Kim Lee")),
            ],
            # Two different meetings with Jake on two days: ask (issue 13), not the nearer one.
            E(status="ambiguous", ids=("a", "b")),
        )
    )
    add(
        case(
            "v06",
            "Decline my 3pm meeting with a note saying I'm sick",
            NY,
            W("utc"),
            E(ids=("pr24",), comment="I'm sick"),
        )
    )
    add(case("v07", "decline my 3pm - sick", LON, W("utc"), E(ids=("pr24",), comment="sick")))
    add(case("v08", "respond no to the 4pm", LA, W("utc"), E(ids=("ret24",))))
    add(
        case(
            "v09",
            "Decline next Tuesday's standup",
            LON,
            W("utc") + [ev("std01", "Standup", "2026-12-01T09:30", 15, master="stdM")],
            E(ids=("std01",)),
        )
    )
    add(case("v10", "decline the meeting I have with Kim later today", KOL, W("utc"), E(ids=("lun24",))))
    add(case("v11", "decline this afternoon's meetings", SYD, W("utc"), E(ids=("lun24", "one24", "pr24", "ret24"))))
    add(case("v12", "Decline my 3pm. I'm sick. Thanks!", LA, W("utc"), E(ids=("pr24",), comment="I'm sick")))
    add(
        case(
            "v13",
            "decline my 2pm on Thursday with the message: I'm at a conference all day",
            LON,
            [ev("a", "Partner sync", "2026-11-26T14:00", 30, "utc")],
            E(ids=("a",), comment="I'm at a conference all day"),
        )
    )
    add(
        case(
            "v14",
            "decline the all-hands on Friday and tell them I'll watch the recording",
            LA,
            [ev("a", "All Hands", "2026-11-27T10:00", 60, "utc"), ev("b", "All Hands", "2026-12-04T10:00", 60)],
            E(ids=("a",), comment="I'll watch the recording"),
        )
    )
    add(case("v15", "decline my meetings after 4 today", NY, W("utc"), E(ids=("ret24",))))
    add(case("v16", "decline my meetings before noon tomorrow", LA, W("utc"), E(ids=("std25", "bud25"))))
    add(
        case(
            "v17",
            "accept the 1:1 with Priya tomorrow at 2",
            LON,
            [
                ev("a", "Priya / Dana 1:1", "2026-11-25T14:00", 30, "utc", people=("Priya Natarajan",)),
                ev("b", "Priya / Dana 1:1", "2026-11-24T14:00", 30, "utc", people=("Priya Natarajan",)),
            ],
            E(intent="accept", ids=("a",)),
        )
    )
    add(
        case(
            "v18",
            "Decline Sarah's 1:1",
            LA,
            [
                ev("a", "1:1", "2026-11-25T10:00", 30, people=("Sarah Jones",)),
                ev("b", "1:1", "2026-11-25T11:00", 30, people=("Tom Hill",)),
            ],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "v19",
            "decline the interview with candidate John Smith",
            LA,
            [
                ev("a", "Interview: John Smith", "2026-11-25T10:00", 60, "utc"),
                ev("b", "Interview: Mary Poe", "2026-11-25T13:00", 60, "utc"),
            ],
            E(ids=("a",)),
        )
    )
    add(case("v20", "decline everything from 2 to 5 on Friday", LON, W("utc"), E(ids=("off27", "demo27"))))
    add(
        case(
            "v21",
            "decline the meeting on December 3rd at 2pm",
            KOL,
            [ev("a", "Review", "2026-12-03T14:00", 60, "utc"), ev("b", "Review", "2026-12-03T15:00", 60, "utc")],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "v22",
            "hi, I have a conflict, can you decline my 3pm",
            LA,
            W("utc"),
            E(ids=("pr24",), comment="I have a conflict"),
        )
    )
    add(
        case(
            "v23",
            "decline my 3pm tomorrow. Sorry, I'm stuck at the airport.",
            LON,
            [ev("a", "Sync", "2026-11-25T15:00", 30, "utc")],
            E(ids=("a",), comment="Sorry, I'm stuck at the airport"),
        )
    )
    add(
        case(
            "v24",
            "Please decline the meeting with John at 3pm today",
            LA,
            [
                ev("a", "Roadmap", "2026-11-24T15:00", 30, people=("John Park",)),
                ev("b", "Budget", "2026-11-24T15:00", 30, people=("Lee Gu",)),
            ],
            E(ids=("a",)),
        )
    )
    add(case("v25", "decline my 10:00 am meeting", BER, W("utc"), E(ids=("bud25",))))
    add(case("v26", "decline the weekly design review", LA, W("utc"), E(ids=("dr24",))))
    add(case("v27", "tell them I'm sick and decline my 3pm", NY, W("utc"), E(ids=("pr24",), comment="I'm sick")))
    add(case("v28", "decline my 3pm but don't tell anyone", SYD, W("utc"), E(ids=("pr24",), notify=False)))
    add(
        case(
            "v29",
            "decline the retro right away and say I'm with a customer",
            LA,
            W("utc"),
            E(ids=("ret24",), comment="I'm with a customer"),
        )
    )
    add(case("v30", "decline the standup on Thursday and Friday", LON, W("utc"), E(ids=("std26", "std27"))))
    add(
        case(
            "v31",
            "decline the lunch and learn",
            LON,
            [
                ev("a", "Lunch & Learn: Security", "2026-11-26T12:00", 60, "utc"),
                ev("b", "Lunch", "2026-11-25T12:30", 60),
            ],
            E(ids=("a",)),
        )
    )
    add(case("v32", "decline the standup and retro", LA, W("utc"), E(ids=("std24", "ret24"))))
    add(case("v33", "decline my 3pm PST", LA, W("utc"), E(ids=("pr24",))))
    add(
        case(
            "v34",
            "decline the sales and marketing sync",
            NY,
            [
                ev("a", "Sales and Marketing sync", "2026-11-25T13:00", 30, "utc"),
                ev("b", "Sales kickoff", "2026-11-25T15:00", 30),
            ],
            E(ids=("a",)),
        )
    )
    add(case("v35", "decline my 3pm & 4pm", SYD, W("utc"), E(ids=("pr24", "ret24"))))
    add(case("v36", "decline my 3pm without a comment", LA, W("utc"), E(ids=("pr24",))))
    # "recruiting" names nothing on the calendar: the 3pm is offered, not declined outright (issue 13).
    add(case("v37", "decline the 3pm recruiting thing", LON, W("utc"), E(status="ambiguous", ids=("pr24",))))
    add(case("v38", "decline the 3pm retro", LA, W("utc"), E(status="none")))
    add(case("v39", "decline my 3pm (I'm out sick)", KOL, W("utc"), E(ids=("pr24",), comment="I'm out sick")))
    add(case("v40", "decline the meeting with kim.lee@contoso.example", LA, W("utc"), E(ids=("lun24",))))
    add(
        case(
            "v41",
            "decline the 2-2:30 tomorrow",
            LON,
            [ev("a", "Sync", "2026-11-25T14:00", 30, "utc"), ev("b", "Sync", "2026-11-25T14:30", 30, "utc")],
            E(ids=("a",)),
        )
    )
    add(
        case(
            "v42",
            "Can you please send my regrets to the 10am tomorrow? I'm on a flight",
            LA,
            W("utc"),
            E(ids=("bud25",), comment="I'm on a flight"),
        )
    )
    return out


def main() -> None:
    path = Path(__file__).with_name("cases.jsonl")
    with path.open("w", encoding="utf-8") as handle:
        for c in cases():
            handle.write(json.dumps(c) + "\n")
    print(f"wrote {len(cases())} cases to {path}")


if __name__ == "__main__":
    main()
