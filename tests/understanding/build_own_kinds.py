"""Writes tests/understanding/own_kinds.jsonl: the issue's 11 kinds of request, phrased our own way.

Each case carries a `kind` (zones, anchors, dates, people, series, several, intents, notes,
proposals, state, messy) so accuracy is measured per kind. The phrasings vary the issue's
illustrations rather than copy them; calendars hold the traps that make a wrong act easy
(a meeting at the named hour in the mailbox zone, the same title on several days, a person
on no meeting, a title close to the one asked for). Run
`python -m tests.understanding.build_own_kinds` after editing.
"""

from __future__ import annotations

from pathlib import Path

from tests.understanding.build_heldout import E, case, ev, write_cases

# London mailbox, Tuesday 10 November 2026, 09:05 GMT (US and EU are both back on standard time).
LON, LON_NOW = "Europe/London", "2026-11-10T09:05"


def lon() -> list[dict]:
    return [
        ev("ops10", "Ops sync", "2026-11-10T11:00", 30, "utc", org="Olivia Hart"),
        ev("crit10", "Design crit", "2026-11-10T13:00", 60, "utc", org="Lena Schmidt"),
        ev("emea10", "EMEA pipeline", "2026-11-10T14:00", 30, "utc", org="Olivia Hart"),
        ev("pipe10", "US pipeline review", "2026-11-10T16:00", 60, "America/New_York", org="Sarah Cole"),
        ev("bl10", "Bangalore handover", "2026-11-10T10:30", 30, "Asia/Kolkata", org="Arjun Rao"),
        ev("syd11", "APAC standup", "2026-11-11T09:00", 30, "Australia/Sydney", org="Mia Wong"),
        ev("noon11", "Platform review", "2026-11-11T12:00", 60, "utc", org="Olivia Hart"),
        ev("la11", "West coast sync", "2026-11-11T17:00", 30, "America/Los_Angeles", org="Sarah Cole"),
        ev("pm11", "Roadmap chat", "2026-11-11T20:00", 30, "utc", org="Sarah Cole"),
        ev("tok12", "Tokyo partner call", "2026-11-12T08:00", 30, "Asia/Tokyo", org="Hiro Tanaka"),
    ]


# New York mailbox, Tuesday 10 November 2026, 10:20 EST: the user is in the 10:00 right now.
NY, NY_NOW = "America/New_York", "2026-11-10T10:20"


def ny() -> list[dict]:
    return [
        ev("std10", "Daily Standup", "2026-11-10T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("road10", "Roadmap working session", "2026-11-10T10:00", 60, "iana", org="Priya Shah"),
        ev("eng10", "Eng sync", "2026-11-10T11:30", 30, "utc", org="Omar Haddad"),
        ev("lun10", "Lunch", "2026-11-10T12:00", 60, "iana", mine=True),
        ev(
            "int10",
            "Integration check-in",
            "2026-11-10T13:00",
            30,
            "utc",
            org="Priya Shah",
            people=("Bo Fabrikam@fabrikam.example",),
        ),
        ev("prep10", "All-hands prep", "2026-11-10T14:30", 30, "utc", org="Kai Turner"),
        ev("ah10", "All Hands", "2026-11-10T15:00", 60, "win", org="Exec Office"),
        ev("hr10", "HR check-in", "2026-11-10T16:30", 30, "utc", org="Grace Hopper"),
        ev("std11", "Daily Standup", "2026-11-11T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("omar11", "1:1 Omar / Dana", "2026-11-11T11:00", 30, "iana", org="Omar Haddad"),
        ev("wr11", "Weekly review", "2026-11-11T14:00", 60, "utc", master="WR", org="Priya Shah"),
        ev("cx11", "Customer call", "2026-11-11T14:00", 30, "utc", org="Lars Berg", response="declined"),
        ev("std12", "Daily Standup", "2026-11-12T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("trn12", "Security training day", "2026-11-12T00:00", 1440, allday=True, org="Grace Hopper"),
        ev("dr12", "Design review", "2026-11-12T14:30", 60, "utc", org="Lena Schmidt"),
        ev("can12", "Budget sync", "2026-11-12T16:00", 30, "utc", org="Priya Shah", cancelled=True),
        ev("std13", "Daily Standup", "2026-11-13T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev(
            "qbr13",
            "Fabrikam QBR",
            "2026-11-13T10:00",
            60,
            "utc",
            org="Bo Fabrikam",
            people=("Ann Fabrikam@fabrikam.example",),
        ),
        ev("own13", "Team planning", "2026-11-13T13:00", 60, "utc", mine=True),
        ev("fri13", "Friday demo", "2026-11-13T15:00", 60, "utc", org="Kai Turner"),
        ev("tue17", "Vendor sync", "2026-11-17T14:00", 30, "utc", master="VS", org="Lars Berg"),
        ev("wr18", "Weekly review", "2026-11-18T14:00", 60, "utc", master="WR", org="Priya Shah"),
        ev("fri20", "Friday demo", "2026-11-20T15:00", 60, "utc", org="Kai Turner"),
        ev("thu19", "Partner offsite planning", "2026-11-19T10:00", 60, "utc", org="Lars Berg"),
        ev("mon23", "Quarterly kickoff", "2026-11-23T09:00", 60, "utc", org="Exec Office"),
        ev("tue24", "Vendor sync", "2026-11-24T14:00", 30, "utc", master="VS", org="Lars Berg"),
        ev("feb10", "Annual review", "2027-02-10T11:00", 60, "utc", org="Grace Hopper"),
        ev("dec03", "Board prep", "2026-12-03T15:00", 60, "utc", org="Exec Office"),
    ]


# Berlin mailbox, Thursday 3 December 2026, 08:30 CET; the user writes dates day first.
BER, BER_NOW = "Europe/Berlin", "2026-12-03T08:30"


def ber() -> list[dict]:
    return [
        ev("jf03", "Jour Fixe", "2026-12-03T14:30", 60, "utc", org="Jonas Weber"),
        ev("jf10", "Jour Fixe", "2026-12-10T14:30", 60, "utc", org="Jonas Weber"),
        ev("sync04", "Team sync", "2026-12-04T09:15", 30, "utc", org="Lena Schmidt"),
        ev("arch04", "Architecture board", "2026-12-04T11:00", 60, "utc", org="Jonas Weber"),
        ev("rev12", "Budget review", "2027-01-12T10:00", 60, "utc", org="Lena Schmidt"),
        ev("rev01", "Budget review", "2027-12-01T10:00", 60, "utc", org="Lena Schmidt"),
    ]


def cases() -> list[dict]:
    out: list[dict] = []

    def add(kind: str, cid: str, utterance: str, where: tuple, expect: dict, locale: str | None = None) -> None:
        tz, now, calendar = where
        c = case(cid, utterance, tz, now, calendar, expect)
        c["kind"] = kind
        for event in c["calendar"]:
            for person in event["attendees"]:
                name = person["emailAddress"]["name"]
                if "@" in name:  # "Bo Fabrikam@fabrikam.example": a guest from another company
                    person["emailAddress"] = {"name": name.split("@")[0], "address": name.replace(" ", ".").lower()}
            org = event["organizer"]["emailAddress"]
            if org["name"] == "Bo Fabrikam":
                org["address"] = "bo.fabrikam@fabrikam.example"
        if locale:
            c["locale"] = locale
        out.append(c)

    lo = (LON, LON_NOW, lon())
    n = (NY, NY_NOW, ny())
    b = (BER, BER_NOW, ber())

    # 1. zones: a named zone is converted before matching, with DST on that date.
    add("zones", "z01", "decline my 11am Eastern", lo, E("pipe10"))
    add("zones", "z02", "decline the 11 ET call", lo, E("pipe10"))
    add("zones", "z03", "decline the 2 o'clock Berlin time call", lo, E("crit10"))
    add("zones", "z04", "decline the 15:00 CET meeting today", lo, E("emea10"))
    add("zones", "z05", "skip the 8pm Sydney time standup", lo, E("syd11"))
    add("zones", "z06", "decline tomorrow's 9am PT", lo, E("la11"))
    add("zones", "z07", "decline noon UTC tomorrow", lo, E("noon11"))
    add("zones", "z08", "decline the 5pm Tokyo time call", lo, E("tok12"))
    add("zones", "z09", "decline my 4pm IST", lo, E("bl10", "emea10", status="ambiguous"))
    add("zones", "z10", "decline my 11 am New York time", lo, E("pipe10"))
    add("zones", "z11", "decline the 12:00 EST today", n, E())
    add("zones", "z12", "decline my 8:30pm India time", lo, E())

    # 2. anchors: now and other meetings.
    add("anchors", "a01", "decline the meeting I'm in right now", n, E("road10"))
    add("anchors", "a02", "decline my current meeting", n, E("road10"))
    add("anchors", "a03", "decline my next one", n, E("eng10"))
    add("anchors", "a04", "decline whatever is in an hour", n, E("eng10"))
    add("anchors", "a05", "decline the one after lunch", n, E("int10"))
    add("anchors", "a06", "decline the call before the all-hands", n, E("prep10"))
    add("anchors", "a07", "decline the last one today", n, E("hr10"))
    add("anchors", "a08", "decline the meeting right after the all hands", n, E("hr10"))
    add("anchors", "a09", "decline my meeting in 3 hours", n, E("int10"))
    add("anchors", "a10", "decline the meeting after my 1:1 with Omar", n, E("wr11"))

    # 3. dates
    add("dates", "d01", "decline the vendor sync two weeks from today", n, E("tue24"))
    add("dates", "d02", "decline the planning thing the Thursday after next", n, E("thu19"))
    add("dates", "d03", "decline the demo next Friday", n, E("fri13", "fri20", status="ambiguous"))
    add("dates", "d04", "decline the budget review on 12.1.", b, E("rev12"))
    add("dates", "d05", "decline the budget review on 12/1", b, E("rev12"), locale="en-GB")
    add("dates", "d06", "decline the budget review on 1/12", b, E("rev12"), locale="en-US")
    add("dates", "d07", "decline the board prep on the 3rd", n, E("dec03"))
    add("dates", "d08", "decline my annual review in February", n, E("feb10"))
    add("dates", "d09", "decline the 1400 tomorrow", n, E("wr11"))
    add("dates", "d10", "decline the 9 15 tomorrow", b, E("sync04"))
    add("dates", "d11", "decline the 11h meeting tomorrow", b, E("arch04"))
    add("dates", "d12", "decline the kickoff a week from Monday", n, E("mon23"))
    add("dates", "d13", "decline the jour fixe 14:30 on 10.12.", b, E("jf10"))

    # 4. people and subjects
    add("people", "p01", "decline the call Priya scheduled tomorrow", n, E("wr11"))
    add("people", "p02", "decline the sync with the Fabrikam people today", n, E("int10"))
    add("people", "p03", "decline my 1:1 with Omar", n, E("omar11"))
    add("people", "p04", "decline my meeting with Zoe tomorrow", n, E())
    add("people", "p05", "accept the training day on Thursday", n, E("trn12", intent="accept"))
    add("people", "p06", "decline Lena's review", n, E("dr12"))
    add("people", "p07", "decline the Fabrikam meeting on Friday", n, E("qbr13"))
    add("people", "p08", "decline the 2pm with Zoe tomorrow", n, E())

    # 5. series vs occurrence
    add("series", "s01", "decline all the Tuesday vendor syncs", n, E("VS", scope="series"))
    add("series", "s02", "decline the weekly review from now on", n, E("WR", scope="series"))
    add("series", "s03", "decline the weekly review, only this one", n, E("wr11"))
    add("series", "s04", "just decline Thursday's standup", n, E("std12"))
    add("series", "s05", "decline the standup tomorrow", n, E("std11"))
    add("series", "s06", "decline every weekly review", n, E("WR", scope="series"))
    add("series", "s07", "decline the standup series", n, E("STD", scope="series"))

    # 6. several meetings
    add("several", "m01", "decline my 11:30 and my 1", n, E("eng10", "int10"))
    add("several", "m02", "decline both of tomorrow's afternoon meetings", n, E("wr11"))
    add("several", "m03", "decline everything between 2 and 4 today", n, E("prep10", "ah10"))
    add(
        "several",
        "m04",
        "decline whatever's left on my calendar today",
        n,
        E("eng10", "int10", "prep10", "ah10", "hr10"),
    )
    add("several", "m05", "decline the eng sync and the HR check-in", n, E("eng10", "hr10"))

    # 7. everyday intent words
    add("intents", "i01", "scrap my 11:30", n, E("eng10"))
    add("intents", "i02", "bail on the eng sync", n, E("eng10"))
    add("intents", "i03", "I can't make the all hands", n, E("ah10"))
    add("intents", "i04", "I'll miss the design review", n, E("dr12"))
    add("intents", "i05", "count me in for the design review", n, E("dr12", intent="accept"))
    add("intents", "i06", "pencil me in for the Friday demo", n, E("fri13", intent="tentative"))
    add("intents", "i07", "maybe for the design review", n, E("dr12", intent="tentative"))
    add("intents", "i08", "let them know I'll be there for the design review", n, E("dr12", intent="accept"))
    add("intents", "i09", "confirm my HR check-in", n, E("hr10", intent="accept"))
    add("intents", "i10", "skip the eng sync", n, E("eng10"))

    # 8. notes
    add("notes", "n01", "decline the eng sync, say I'm sick", n, E("eng10", comment="I'm sick"))
    add(
        "notes",
        "n02",
        "decline the eng sync with the comment conflict with a customer call",
        n,
        E("eng10", comment="conflict with a customer call"),
    )
    add("notes", "n03", "decline the eng sync - reason: double booked", n, E("eng10", comment="double booked"))
    add("notes", "n04", "ugh, this eng sync is such a waste of time. decline it", n, E("eng10"))
    add("notes", "n05", "decline the eng sync, no note", n, E("eng10"))
    add("notes", "n06", "quietly decline the eng sync", n, E("eng10", notify=False))
    add("notes", "n07", "decline the eng sync but don't tell them", n, E("eng10", notify=False))
    add("notes", "n08", 'decline the eng sync "family matter, sorry"', n, E("eng10", comment="family matter, sorry"))
    add(
        "notes",
        "n09",
        "decline the eng sync and comment that I'll read the notes",
        n,
        E("eng10", comment="I'll read the notes"),
    )

    # 9. proposals: the named meeting only, never the meeting at the proposed time.
    add("proposals", "r01", "decline the 2:30 and suggest 4:30 instead", n, E("prep10"))
    add("proposals", "r02", "decline the all hands and propose 4:30pm", n, E("ah10"))
    add("proposals", "r03", "tentative for the eng sync, propose 1pm", n, E("eng10", intent="tentative"))
    add("proposals", "r04", "decline my 11:30, can we do 3pm instead?", n, E("eng10"))

    # 10. state
    add("state", "t01", "decline the customer call tomorrow", n, E())
    add("state", "t02", "decline the budget sync on Thursday", n, E())
    add("state", "t03", "decline the standup this morning", n, E())
    add("state", "t04", "decline the team planning on Friday", n, E())
    add("state", "t05", "accept the holiday party", n, E(intent="accept"))
    add("state", "t06", "decline the marketing review", n, E())

    # 11. messy typing
    add("messy", "x01", "declien the eng sync", n, E("eng10"))
    add("messy", "x02", "decline my 2:30p", n, E("prep10"))
    add("messy", "x03", "decline the 3 pm all hands pls 🙏", n, E("ah10"))
    add("messy", "x04", "decline the standup tmrw thx!!", n, E("std11"))
    add("messy", "x05", "decline the 16:30h", n, E("hr10"))
    add("messy", "x06", "Hi! could you please decline the design review on thursday? thank you so much", n, E("dr12"))
    add("messy", "x07", "decline my11:30", n, E("eng10"))
    add("messy", "x08", "DECLINE THE ENG SYNC", n, E("eng10"))

    # Second round: the same kinds said other ways.
    add("zones", "z13", "can you decline my 9am pacific call", lo, E("la11"))
    add("zones", "z14", "decline the meeting at 11:00 (New York time)", lo, E("pipe10"))
    add("zones", "z15", "decline the 13:00 UTC", lo, E("crit10"))
    add("zones", "z16", "skip the call at 3 CET", lo, E("emea10"))
    add("zones", "z17", "decline the 4pm Eastern tomorrow", lo, E())
    add("anchors", "a11", "decline the meeting happening now", n, E("road10"))
    add("anchors", "a12", "decline the call I'm on", n, E("road10"))
    add("anchors", "a13", "decline whatever I have in an hour", n, E("eng10"))
    add("anchors", "a14", "decline the meeting in 30 minutes", n, E())
    add("anchors", "a15", "decline the meeting following the integration check-in", n, E("prep10"))
    add("anchors", "a16", "decline everything after the all hands", n, E("hr10"))
    add("dates", "d14", "decline the friday demo a week from friday", n, E("fri20"))
    add("dates", "d15", "decline the demo on Friday week", n, E("fri20"))
    add("dates", "d16", "decline the jour fixe on 10.12", b, E("jf10"))
    add("dates", "d17", "decline the vendor sync on 11/24", n, E("tue24"), locale="en-US")
    add("dates", "d18", "decline the 1430h on thursday", n, E("dr12"))
    add("people", "p09", "decline the meeting with the Fabrikam folks", n, E("qbr13"))
    add("people", "p10", "decline the meeting Lars organized", n, E("tue17", "thu19", status="ambiguous"))
    add("people", "p11", "decline the meeting with Grace tomorrow", n, E())
    add("series", "s08", "decline the vendor syncs on tuesdays", n, E("VS", scope="series"))
    add("series", "s09", "stop going to the weekly review", n, E("WR", scope="series"))
    add("series", "s10", "decline the weekly review from now on but just for this week", n, E("wr11"))
    add("series", "s11", "decline the weekly review for the rest of the year", n, E("WR", scope="series"))
    add("series", "s12", "decline the standup series, not just this one", n, E("STD", scope="series"))
    add("several", "m06", "decline the 11:30 and the 1", n, E("eng10", "int10"))
    add("several", "m07", "decline everything on Friday except the QBR", n, E("std13", "fri13"))
    add("several", "m08", "decline the next 3 standups", n, E("std11", "std12", "std13"))
    add("intents", "i11", "drop the eng sync", n, E("eng10"))
    add("intents", "i12", "not sure I can make the design review", n, E("dr12", intent="tentative"))
    add("intents", "i13", "I'm a maybe for the design review", n, E("dr12", intent="tentative"))
    add("intents", "i14", "tell them I can't make the design review", n, E("dr12"))
    add("intents", "i15", "hold the design review as tentative", n, E("dr12", intent="tentative"))
    add("intents", "i16", "give the eng sync a miss", n, E("eng10"))
    add("notes", "n10", "decline the eng sync. honestly they never have an agenda lol", n, E("eng10"))
    add("notes", "n11", "decline the eng sync (between us, Omar drives me nuts)", n, E("eng10"))
    add("notes", "n12", "decline the eng sync without a comment", n, E("eng10"))
    add("notes", "n13", "decline the eng sync. no comment needed", n, E("eng10"))
    add("notes", "n14", "decline the eng sync lol what a drag", n, E("eng10"))
    add(
        "notes",
        "n15",
        "decline the standup tomorrow and tell them I'll be there on Thursday",
        n,
        E("std11", comment="I'll be there on Thursday"),
    )
    add(
        "notes",
        "n16",
        "decline the eng sync, reason: customer escalation",
        n,
        E("eng10", comment="customer escalation"),
    )
    add("proposals", "r05", "decline the design review and suggest moving it to Friday", n, E("dr12"))
    add("proposals", "r06", "decline my 2:30 and ask to move it to 4:30", n, E("prep10"))
    add("proposals", "r07", "decline my 2:30 today, happy to do 4:30 instead", n, E("prep10"))
    add("proposals", "r08", "decline my 2:30 today, 4:30 instead?", n, E("prep10"))
    add("proposals", "r09", "I can't do 2:30 today, how about 4:30? please decline it", n, E("prep10"))
    add("state", "t07", "decline my lunch today", n, E())
    add("state", "t08", "accept the customer call tomorrow", n, E("cx11", intent="accept"))
    add("several", "m09", "decline both of tomorrow's meetings", n, E("std11", "omar11", "wr11", status="ambiguous"))
    add("several", "m10", "decline the standups this week", n, E("std11", "std12", "std13"))
    add("state", "t09", "decline my lunch", n, E())
    add("series", "s13", "decline the weekly review, all of them", n, E("WR", scope="series"))
    add("series", "s14", "decline all weekly reviews except tomorrow's", n, E("WR", status="ambiguous", scope="series"))
    add("zones", "z18", "decline the 4pm India time handover", lo, E("bl10"))
    add("notes", "n17", "ugh, I'm so over these eng syncs. decline it", n, E("eng10"))
    add("notes", "n18", "decline the eng sync cause I'm travelling", n, E("eng10", comment="I'm travelling"))
    add("notes", "n19", "decline the eng sync, I have a conflict but don't tell them why", n, E("eng10"))
    add("notes", "n20", "decline the eng sync. Note to self: follow up with Omar", n, E("eng10"))
    add("notes", "n21", "decline the eng sync, remind me to watch the recording", n, E("eng10"))
    add("state", "t10", "decline the design review and the budget sync on Thursday", n, E("dr12"))
    add("messy", "x09", "declinemy 11:30", n, E("eng10"))
    add("messy", "x10", "pls declin the eng synk", n, E("eng10"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("own_kinds.jsonl"), cases())


if __name__ == "__main__":
    main()
