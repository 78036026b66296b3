"""Writes tests/understanding/busy_weeks.jsonl: requests against busy, realistic weeks.

Other sets mostly use small calendars. Here each day holds 5-10 meetings: series with moved
(`exception`) and cancelled occurrences, several titles sharing words ("Design review", "Design
sync", "API design office hours", "Review: Q4 roadmap"), people who organize some meetings and
attend others, back-to-back and clashing meetings, meetings that cross midnight in the user's zone,
tentative/accepted/declined answers, all-day events next to timed ones, and times stored in UTC,
Windows or other IANA zones. Each `expect` is what a sensible person would want. Run
`python -m tests.understanding.build_busy_weeks` after editing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.understanding.build_heldout import E, ev, graph, write_cases

# Chicago, Tuesday 1 December 2026, 10:20 CST.
CHI, CHI_NOW = "America/Chicago", "2026-12-01T10:20"


def chi() -> list[dict]:
    return [
        ev("std01", "Eng standup", "2026-12-01T09:00", 15, "utc", master="STD", org="Marcus Bell"),
        ev("dr01", "Design review", "2026-12-01T09:30", 60, "win", org="Nadia Costa"),
        ev("apo01", "API design office hours", "2026-12-01T11:00", 30, "utc", org="Ravi Menon"),
        ev("lun01", "Lunch", "2026-12-01T12:00", 60, "iana", mine=True),
        ev("q4r01", "Review: Q4 roadmap", "2026-12-01T13:00", 60, "utc", org="Helen Park", people=("Nadia Costa",)),
        ev("ds01", "Design sync", "2026-12-01T14:00", 30, "Pacific Standard Time", org="Nadia Costa"),
        ev("one01", "1:1 Marcus / Dana", "2026-12-01T14:30", 30, "iana", org="Marcus Bell"),
        ev("int01", "Interview: frontend candidate", "2026-12-01T15:00", 45, "utc", org="Recruiting"),
        ev("hir01", "Hiring sync", "2026-12-01T15:00", 30, "win", org="Helen Park", response="tentativelyAccepted"),
        ev(
            "ven01",
            "Vendor call - Stripe",
            "2026-12-01T16:00",
            30,
            "Europe/London",
            org="Tom Reid",
            response="accepted",
        ),
        ev("rel01", "Release window", "2026-12-01T22:30", 90, "utc", org="Ravi Menon"),
        ev("wfh02", "Working from home", "2026-12-02T00:00", 1440, allday=True),
        ev("std02", "Eng standup", "2026-12-02T09:30", 15, "utc", master="STD", org="Marcus Bell"),
        ev("dr02", "Design review", "2026-12-02T10:00", 60, "win", org="Nadia Costa"),
        ev("bud02", "Budget sync", "2026-12-02T11:00", 30, "utc", org="Helen Park", response="declined"),
        ev("arc02", "Architecture forum", "2026-12-02T13:00", 60, "utc", org="Ravi Menon"),
        ev("ret02", "Sprint retro", "2026-12-02T15:00", 60, "iana", org="Marcus Bell"),
        ev("ds02", "Design sync", "2026-12-02T16:00", 30, "utc", org="Nadia Costa"),
        ev("std03", "Eng standup", "2026-12-03T09:00", 15, "utc", master="STD", org="Marcus Bell", cancelled=True),
        ev("pl03", "Sprint planning", "2026-12-03T10:00", 90, "utc", org="Marcus Bell"),
        ev("dr03", "Design review", "2026-12-03T14:00", 60, "win", org="Nadia Costa"),
        ev("tc03", "Team coffee", "2026-12-03T16:00", 30, "iana", mine=True),
        ev("std04", "Eng standup", "2026-12-04T09:00", 15, "utc", master="STD", org="Marcus Bell"),
        ev("dem04", "Demo day", "2026-12-04T13:00", 120, "win", org="Helen Park"),
        ev("hh04", "Happy hour", "2026-12-04T17:00", 60, "utc", org="Social Committee"),
        ev("std07", "Eng standup", "2026-12-07T09:00", 15, "utc", master="STD", org="Marcus Bell"),
    ]


# Singapore, Monday 7 December 2026, 08:40 SGT.
SIN, SIN_NOW = "Asia/Singapore", "2026-12-07T08:40"


def sin() -> list[dict]:
    return [
        ev("ds07", "Daily standup", "2026-12-07T09:00", 15, "utc", master="DS", org="Wei Ling Tan"),
        ev("apr07", "Review: APAC pipeline", "2026-12-07T10:00", 60, "utc", org="Wei Ling Tan"),
        ev("plr07", "Pipeline review", "2026-12-07T11:00", 30, "win", org="Arjun Das"),
        ev("ll07", "Lunch & learn: Kubernetes", "2026-12-07T12:00", 60, "iana", org="Wei Ling Tan"),
        ev("dr07", "Design review", "2026-12-07T14:00", 60, "Pacific Standard Time", org="Chris Doyle"),
        ev("one07", "1:1 Arjun", "2026-12-07T15:30", 30, "utc", org="Arjun Das"),
        ev("grb07", "Customer call - Grab", "2026-12-07T16:00", 45, "Tokyo Standard Time", org="Mei Sato"),
        ev("us07", "US sync", "2026-12-07T23:30", 60, "America/Los_Angeles", org="Chris Doyle"),
        ev("ds08", "Daily standup", "2026-12-08T10:00", 15, "utc", master="DS", org="Wei Ling Tan"),
        ev(
            "qbr08",
            "Quarterly business review",
            "2026-12-08T10:30",
            120,
            "utc",
            org="Arjun Das",
            response="tentativelyAccepted",
        ),
        ev(
            "dr08",
            "Design review",
            "2026-12-08T14:00",
            60,
            "Pacific Standard Time",
            org="Chris Doyle",
            response="declined",
        ),
        ev("td08", "Team dinner", "2026-12-08T19:00", 120, "iana", org="Wei Ling Tan"),
        ev("ds09", "Daily standup", "2026-12-09T09:00", 15, "utc", master="DS", org="Wei Ling Tan"),
        ev("off09", "Offsite", "2026-12-09T00:00", 1440, allday=True),
        ev("dsy09", "Design sync", "2026-12-09T15:00", 30, "utc", org="Chris Doyle"),
    ]


# São Paulo, Thursday 10 December 2026, 13:50 BRT.
SAO, SAO_NOW = "America/Sao_Paulo", "2026-12-10T13:50"


def sao() -> list[dict]:
    return [
        ev("dly10", "Daily", "2026-12-10T09:00", 15, "utc", master="DLY", org="Camila Rocha"),
        ev("sp10", "Sales pipeline", "2026-12-10T14:00", 30, "utc", org="Beatriz Lima"),
        ev("q110", "Review: Q1 targets", "2026-12-10T14:30", 60, "E. South America Standard Time", org="Beatriz Lima"),
        ev("ps10a", "Product sync", "2026-12-10T15:30", 30, "iana", org="Rafael Costa", people=("Beatriz Lima",)),
        ev("ps10b", "Product sync", "2026-12-10T16:00", 30, "utc", org="Camila Rocha"),
        ev("int10", "Interview - data engineer", "2026-12-10T17:00", 60, "utc", org="Recruiting", cancelled=True),
        ev("sup10", "Late support rotation", "2026-12-10T22:00", 180, "utc", org="Rafael Costa"),
        ev("dly11", "Daily", "2026-12-11T09:30", 15, "utc", master="DLY", org="Camila Rocha"),
        ev("srv11", "Sprint review", "2026-12-11T10:00", 60, "utc", org="Camila Rocha"),
        ev("rt11", "Sprint retro", "2026-12-11T11:00", 60, "utc", org="Camila Rocha"),
    ]


# Paris, Wednesday 16 December 2026, 09:05 CET.
PAR, PAR_NOW = "Europe/Paris", "2026-12-16T09:05"


def par() -> list[dict]:
    return [
        ev(
            "wdr16",
            "Weekly design review",
            "2026-12-16T09:30",
            60,
            "W. Europe Standard Time",
            master="WDR",
            org="Louis Martin",
        ),
        ev(
            "rdt16",
            "Review design tokens",
            "2026-12-16T11:00",
            30,
            "utc",
            org="Chloe Bernard",
            people=("Louis Martin",),
        ),
        ev("lun16", "Lunch", "2026-12-16T12:30", 60, "iana", mine=True),
        ev("rmr16", "Roadmap review", "2026-12-16T14:00", 60, "utc", org="Louis Martin"),
        ev(
            "par16",
            "Partner call - Orange",
            "2026-12-16T15:00",
            30,
            "utc",
            org="Emma Petit",
            people=("Louis Martin", "Chloe Bernard"),
        ),
        ev("rrr16", "Review: roadmap risks", "2026-12-16T15:30", 30, "GMT Standard Time", org="Chloe Bernard"),
        ev("bud16", "Budget review", "2026-12-16T16:00", 60, "utc", org="Emma Petit", response="accepted"),
        ev("tok17", "Tokyo sync", "2026-12-17T00:30", 30, "Asia/Tokyo", org="Kenji Mori"),
        ev("hol17", "Public holiday (office closed)", "2026-12-17T00:00", 1440, allday=True),
        ev("ven17", "FW: Vendor onboarding", "2026-12-17T10:00", 60, "utc", org="Emma Petit"),
        ev("rmr18", "Canceled: Roadmap review", "2026-12-18T14:00", 60, "utc", org="Louis Martin", cancelled=True),
        ev("ext18", "[External] Orange QBR", "2026-12-18T15:00", 60, "utc", org="Emma Petit"),
        ev(
            "wdr18",
            "Weekly design review",
            "2026-12-18T11:00",
            60,
            "W. Europe Standard Time",
            master="WDR",
            org="Louis Martin",
        ),
        ev("xms18", "Christmas party", "2026-12-18T18:00", 180, "iana", org="Emma Petit"),
        ev(
            "wdr23",
            "Weekly design review",
            "2026-12-23T09:30",
            60,
            "W. Europe Standard Time",
            master="WDR",
            org="Louis Martin",
        ),
    ]


# Occurrences moved off their series' pattern are `exception` events in Graph.
EXCEPTIONS = {"AAMkstd02", "AAMkds08", "AAMkdly11", "AAMkwdr18"}


def case(cid: str, utterance: str, zone: tuple[str, str, list[dict]], expect: dict) -> dict:
    tz, now, calendar = zone
    events = [graph(s, tz) for s in calendar]
    for e in events:
        if e["id"] in EXCEPTIONS:
            e["type"] = "exception"
    local = datetime.fromisoformat(now).replace(tzinfo=ZoneInfo(tz))
    return {
        "id": cid,
        "utterance": utterance,
        "now": local.isoformat(),
        "timezone": tz,
        "user": {"name": "Dana Reyes", "email": "dana.reyes@contoso.example"},
        "calendar": events,
        "expect": expect,
    }


def cases() -> list[dict]:
    out: list[dict] = []

    def add(cid: str, utterance: str, zone: tuple[str, str, list[dict]], expect: dict) -> None:
        out.append(case(cid, utterance, zone, expect))

    c = (CHI, CHI_NOW, chi())
    # subjects that share words: the whole title wins over a title that merely contains the words
    add("bc01", "decline the design review", c, E("dr02"))
    add("bc02", "decline the design sync", c, E("ds01"))
    add("bc03", "decline design review tomorrow", c, E("dr02"))
    add("bc04", "decline the API design office hours", c, E("apo01"))
    add("bc05", "skip office hours today", c, E("apo01"))
    add("bc06", "decline the Q4 roadmap review", c, E("q4r01"))
    add("bc07", "decline the roadmap review", c, E("q4r01"))
    add("bc08", "decline the design sync tomorrow", c, E("ds02"))
    add("bc09", "decline the design review and the design sync tomorrow", c, E("dr02", "ds02"))
    add("bc10", "decline Thursday's design review, tell Nadia I'm out sick", c, E("dr03", comment="I'm out sick"))
    # times in a packed day
    add("bc11", "decline my 3pm", c, E("int01", "hir01", status="ambiguous"))
    add("bc12", "decline the 3pm interview", c, E("int01"))
    add("bc13", "decline my 2", c, E("ds01"))
    add("bc14", "decline my 2:30", c, E("one01"))
    add("bc15", "decline the 1pm", c, E("q4r01"))
    add("bc16", "decline my 10:30pm", c, E("rel01"))
    add("bc17", "decline the 3pm hiring sync", c, E("hir01"))
    # relative references skip the meeting already under way
    add("bc18", "decline my next meeting", c, E("apo01"))
    add("bc19", "decline my last meeting today", c, E("rel01"))
    add("bc20", "decline the release window tonight", c, E("rel01"))
    # people as organizers and attendees
    add("bc21", "decline my 1:1 with Marcus", c, E("one01"))
    add("bc22", "decline everything with Nadia today", c, E("q4r01", "ds01"))
    add("bc23", "decline the stripe call, say something came up", c, E("ven01", comment="something came up"))
    add("bc24", "decline the vendor call", c, E("ven01"))
    # answered meetings
    add("bc25", "decline the hiring sync", c, E("hir01"))
    add("bc26", "accept the hiring sync", c, E("hir01", intent="accept"))
    add("bc27", "accept the budget sync after all", c, E("bud02", intent="accept"))
    # series, moved and cancelled occurrences
    add("bc28", "decline tomorrow's standup", c, E("std02"))
    add("bc29", "decline the 9:30 standup tomorrow", c, E("std02"))
    add("bc30", "decline the standup on Thursday", c, E())
    add("bc31", "decline the next standup", c, E("std02"))
    add("bc32", "decline the eng standup series", c, E("STD", scope="series"))
    add("bc33", "decline every eng standup", c, E("STD", scope="series"))
    # spans with all-day, declined and own meetings around
    add("bc34", "decline all my meetings on Wednesday", c, E("std02", "dr02", "arc02", "ret02", "ds02"))
    add("bc35", "decline everything friday", c, E("std04", "dem04", "hh04"))
    add("bc36", "decline my afternoon tomorrow", c, E("arc02", "ret02", "ds02"))
    add("bc37", "decline the sprint planning without notifying anyone", c, E("pl03", notify=False))
    add("bc38", "tentatively accept demo day", c, E("dem04", intent="tentative"))
    add("bc39", "decline the happy hour", c, E("hh04"))
    add("bc40", "cancel the team coffee", c, E("tc03", intent="cancel"))
    add("bc41", "decline the architecture forum", c, E("arc02"))
    add("bc42", "decline the retro", c, E("ret02"))
    add("bc43", "decline the interview", c, E("int01"))
    add("bc44", "decline Nadia's meeting tomorrow", c, E("dr02", "ds02", status="ambiguous"))
    add("bc45", "decline Nadia's 4pm tomorrow", c, E("ds02"))
    add("bc46", "decline the meeting with Helen this afternoon", c, E("q4r01", "hir01", status="ambiguous"))
    add("bc47", "decline Ravi's meeting tomorrow", c, E("arc02"))
    add("bc48", "decline the one with Tom", c, E("ven01"))
    add("bc49", "decline the 4", c, E("ven01"))
    add("bc50", "decline the standup on monday", c, E("std07"))
    add("bc51", "decline the standup", c, E("std02"))
    add("bc52", "decline the design review on Thursday and the demo on Friday", c, E("dr03", "dem04"))
    add("bc53", "decline my 11 and my 2:30", c, E("apo01", "one01"))
    add("bc54", "decline everything after 3 today", c, E("int01", "hir01", "ven01", "rel01"))
    add(
        "bc55",
        "decline all my meetings this afternoon except the design sync",
        c,
        E("q4r01", "one01", "int01", "hir01", "ven01"),
    )
    add("bc56", "decline tomorrow's design review, don't notify Nadia", c, E("dr02", notify=False))
    add(
        "bc57",
        "decline the roadmap review and tell Helen I'll read the notes",
        c,
        E("q4r01", comment="I'll read the notes"),
    )
    add("bc58", "decline the frontend interview", c, E("int01"))
    add("bc59", "decline the design sync on Wednesday", c, E("ds02"))
    add("bc60", "decline the sync tomorrow", c, E("ds02"))
    add("bc61", "decline the 10am tomorrow", c, E("dr02"))
    add("bc62", "decline the 9:30 tomorrow", c, E("std02"))

    s = (SIN, SIN_NOW, sin())
    add("bs01", "decline the pipeline review", s, E("plr07"))
    add("bs02", "decline the APAC pipeline review", s, E("apr07"))
    add("bs03", "decline the lunch and learn", s, E("ll07"))
    add("bs04", "decline the kubernetes session", s, E("ll07"))
    add("bs05", "decline my 4pm", s, E("grb07"))
    add("bs06", "decline the call with Grab", s, E("grb07"))
    add("bs07", "decline the US sync tonight", s, E("us07"))
    add("bs08", "decline my 11:30pm", s, E("us07"))
    add("bs09", "decline the standup tomorrow", s, E("ds08"))
    add("bs10", "decline tomorrow's 10am", s, E("ds08"))
    add("bs11", "accept the design review tomorrow", s, E("dr08", intent="accept"))
    add("bs12", "decline the design review", s, E("dr07"))
    add("bs13", "decline the quarterly business review", s, E("qbr08"))
    add("bs14", "decline the 1:1 with Arjun", s, E("one07"))
    add("bs15", "decline all my meetings with Chris today", s, E("dr07", "us07"))
    add(
        "bs16",
        "decline the team dinner, tell Wei Ling I have a family thing",
        s,
        E("td08", comment="I have a family thing"),
    )
    add("bs17", "decline all meetings on Wednesday", s, E("ds09", "dsy09"))
    add("bs18", "decline the daily standup series", s, E("DS", scope="series"))
    add("bs19", "decline my next meeting", s, E("ds07"))
    add("bs20", "decline my last meeting today", s, E("us07"))
    add("bs21", "decline my next two meetings", s, E("ds07", "apr07"))
    add("bs22", "decline the pipeline review at 10", s, E("apr07"))
    add("bs23", "decline the 11am review", s, E("plr07"))
    add("bs24", "decline Wei Ling's meeting at noon", s, E("ll07"))
    add("bs25", "decline my 12", s, E("ll07"))
    add("bs26", "decline the customer call", s, E("grb07"))
    add("bs27", "decline the 3:30", s, E("one07"))
    add("bs28", "decline the design sync", s, E("dsy09"))
    add("bs29", "decline the offsite", s, E("off09"))

    p = (SAO, SAO_NOW, sao())
    add("bp01", "decline the product sync", p, E("ps10a", "ps10b", status="ambiguous"))
    add("bp02", "decline the product sync with Camila", p, E("ps10b"))
    add("bp03", "decline the 4pm product sync", p, E("ps10b"))
    add("bp04", "decline Rafael's product sync", p, E("ps10a"))
    add("bp05", "decline the product sync with Beatriz", p, E("ps10a"))
    add("bp06", "decline the q1 targets review", p, E("q110"))
    add("bp07", "decline the sprint review", p, E("srv11"))
    add("bp08", "decline my 10pm", p, E("sup10"))
    add("bp09", "decline the daily tomorrow", p, E("dly11"))
    add("bp10", "decline everything tomorrow, I'm on PTO", p, E("dly11", "srv11", "rt11", comment="I'm on PTO"))
    add("bp11", "decline the rest of today", p, E("sp10", "q110", "ps10a", "ps10b", "sup10"))
    add("bp12", "decline my next meeting", p, E("sp10"))
    add("bp13", "decline the interview", p, E())
    add("bp15", "decline the targets review", p, E("q110"))
    add("bp16", "decline the 2:30", p, E("q110"))
    add("bp18", "decline both product syncs", p, E("ps10a", "ps10b"))
    add("bp19", "decline the product syncs today", p, E("ps10a", "ps10b"))
    add("bp20", "decline the support rotation tonight", p, E("sup10"))
    add("bp14", "decline the sales pipeline meeting quietly", p, E("sp10", notify=False))

    r = (PAR, PAR_NOW, par())
    add("br01", "decline the design review", r, E("wdr16"))
    add("br02", "decline the design tokens review", r, E("rdt16"))
    add("br03", "decline the roadmap review", r, E("rmr16"))
    add("br04", "decline the roadmap risks review", r, E("rrr16"))
    add("br05", "decline Louis's meeting this afternoon", r, E("rmr16"))
    add("br06", "decline Chloe's 11am", r, E("rdt16"))
    add("br07", "decline the partner call, tell Emma I'll send notes", r, E("par16", comment="I'll send notes"))
    add("br08", "decline the budget review", r, E("bud16"))
    add("br09", "decline my 12:30am", r, E("tok17"))
    add("br10", "decline the tokyo sync", r, E("tok17"))
    add("br11", "decline the design review on friday", r, E("wdr18"))
    add("br12", "decline the weekly design review series", r, E("WDR", scope="series"))
    add("br13", "decline all future design reviews", r, E("WDR", scope="series"))
    add("br14", "decline everything this afternoon", r, E("rmr16", "par16", "rrr16", "bud16"))
    add("br15", "decline the christmas party", r, E("xms18"))
    add("br16", "decline my 4pm and my 3:30, no need to notify", r, E("rrr16", "bud16", notify=False))
    add("br17", "decline the 2pm review", r, E("rmr16"))
    add("br18", "decline the design review next week", r, E("wdr23"))
    add("br19", "decline all my meetings today", r, E("wdr16", "rdt16", "rmr16", "par16", "rrr16", "bud16"))
    # second round: first/last of a day, email and full names, moved occurrences, stray words
    add("bc63", "decline my first meeting tomorrow", c, E("std02"))
    add("bc64", "decline my last meeting on friday", c, E("hh04"))
    add(
        "bc65",
        "decline the meeting with nadia.costa@contoso.example tomorrow",
        c,
        E("dr02", "ds02", status="ambiguous"),
    )
    add("bc66", "decline Helen Park's roadmap review", c, E("q4r01"))
    add("bc67", "decline the design sync with Nadia tomorrow afternoon", c, E("ds02"))
    add("bc68", "decline my 9 tomorrow", c, E())
    add("bc69", "decline the review with Helen", c, E("q4r01"))
    add("bc70", "decline today's 1:1", c, E("one01"))
    add("bc71", "decline the demo", c, E("dem04"))
    add(
        "bc72",
        "decline the sprint retro on wednesday, I have a customer visit",
        c,
        E("ret02", comment="I have a customer visit"),
    )
    add("bc73", "decline the stand-up on Friday", c, E("std04"))
    add("bc74", "decline the architecture meeting", c, E("arc02"))
    add("bc75", "decline the design meetings tomorrow", c, E("dr02", "ds02"))
    add("bc76", "decline the Stripe vendor call at 4", c, E("ven01"))
    add("bc77", "decline Marcus's meetings tomorrow", c, E("std02", "ret02"))
    add("bs30", "decline the 10am standup tomorrow", s, E("ds08"))
    add("bs31", "decline my first meeting on wednesday", s, E("ds09"))
    add("bs32", "decline the kubernetes lunch and learn at noon", s, E("ll07"))
    add(
        "bs33",
        "decline the grab call tell Mei I'm stuck in another meeting",
        s,
        E("grb07", comment="I'm stuck in another meeting"),
    )
    add("bs34", "decline Chris's design review today", s, E("dr07"))
    add("bs35", "accept the team dinner", s, E("td08", intent="accept"))
    add("bp21", "decline the product sync at 3:30", p, E("ps10a"))
    add("bp22", "decline the sprint retro tomorrow and the sprint review", p, E("srv11", "rt11"))
    add("bp23", "decline camila's meetings tomorrow", p, E("dly11", "srv11", "rt11"))
    add("br20", "decline the review at 3:30", r, E("rrr16"))
    add("br21", "decline the design review on the 18th", r, E("wdr18"))
    add("br22", "decline Emma's meetings today", r, E("par16", "bud16"))
    add("br23", "decline the meeting with Kenji", r, E("tok17"))
    add("br24", "decline the 11", r, E("rdt16"))
    add("br25", "decline the vendor onboarding", r, E("ven17"))
    add("br26", "decline the roadmap review on friday", r, E())
    add("br27", "decline the Orange QBR", r, E("ext18"))
    add("br28", "decline the orange meeting on friday", r, E("ext18"))
    add(
        "br30",
        "decline the rest of the week",
        r,
        E("wdr16", "rdt16", "rmr16", "par16", "rrr16", "bud16", "tok17", "ven17", "wdr18", "ext18", "xms18"),
    )
    add("br31", "decline everything on friday except the design reviews", r, E("ext18", "xms18"))
    add("bc78", "decline Helen's 3pm", c, E("hir01"))
    add("bc79", "decline the 3pm with Helen", c, E("hir01"))
    add("bc80", "decline the standup on the 3rd", c, E())
    add("bc81", "decline the design review at 2 on thursday", c, E("dr03"))
    add("bc82", "decline everything tomorrow except the design review", c, E("std02", "arc02", "ret02", "ds02"))
    add("bs36", "decline the APAC pipeline review and the pipeline review", s, E("apr07", "plr07"))
    add("bs37", "decline all the pipeline reviews today", s, E("apr07", "plr07"))
    add("bc83", "decline my 5", c, E("hh04"))
    add("bc84", "decline my 4:30 tomorrow", c, E())
    add(
        "bc85",
        "decline the 2pm design sync and tell Nadia I'll review async",
        c,
        E("ds01", comment="I'll review async"),
    )
    add("bc86", "decline the 1:1", c, E("one01"))
    add("bs38", "decline the 11:30", s, E("us07"))
    add("bp24", "decline my 4", p, E("ps10b"))
    add("bp25", "decline the 5pm interview", p, E())
    add("br33", "decline the 3", r, E("par16"))
    add("br34", "decline the 3:30 review", r, E("rrr16"))
    add("br35", "decline tomorrow", r, E("tok17", "ven17"))
    add("br36", "decline the roadmap review with Louis", r, E("rmr16"))
    add("br32", "decline all of Louis's meetings this week", r, E("wdr16", "rmr16", "wdr18"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("busy_weeks.jsonl"), cases())


if __name__ == "__main__":
    main()
