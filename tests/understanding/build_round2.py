"""Writes tests/understanding/round2.jsonl: issue 13 round 2, the language understanding/ still missed.

Five kinds, each case tagged with its `kind`: people (one-to-one titles written every way,
a person who only organizes, a first name that is also a title word), spans (the rest of
the day, external/internal meetings), intents (everyday words anywhere in the sentence),
asides (private remarks that are neither a stop nor a note) and messy (short forms,
politeness, typos of the verbs). The calendar holds the traps: a group meeting with the
same person as a one-to-one, "Project Phoenix" beside a person called Phoenix, meetings
already over today. Run `python -m tests.understanding.build_round2` after editing.
"""

from __future__ import annotations

from pathlib import Path

from tests.understanding.build_heldout import OTHER, E, case, ev, write_cases

# New York mailbox, Tuesday 10 November 2026, 13:10 EST; the user is Dana Reyes (contoso.example).
NY, NY_NOW = "America/New_York", "2026-11-10T13:10"


def ny() -> list[dict]:
    return [
        ev("std10", "Daily Standup", "2026-11-10T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("eng10", "Eng sync", "2026-11-10T11:30", 30, "utc", org="Omar Haddad"),
        ev(
            "int10",
            "Integration check-in",
            "2026-11-10T14:00",
            30,
            "utc",
            org="Priya Shah",
            people=("Bo Fabrikam@fabrikam.example",),
        ),
        ev("prep10", "All-hands prep", "2026-11-10T15:00", 30, "utc", org="Kai Turner"),
        ev("hr10", "HR check-in", "2026-11-10T16:30", 30, "iana", org="Grace Hopper"),
        ev("std11", "Daily Standup", "2026-11-11T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("aus11", "Dana <> Austin", "2026-11-11T11:00", 30, "iana", org="Austin Reed", people=("Austin Reed",)),
        ev(
            "phx11",
            "Project Phoenix",
            "2026-11-11T13:00",
            60,
            "utc",
            org="Grace Hopper",
            people=("Austin Reed", "Omar Haddad"),
        ),
        ev("jor11", "Jordan:Dana", "2026-11-11T15:00", 30, "utc", org="Jordan Blake"),
        ev(
            "nw11",
            "Northwind sync",
            "2026-11-11T16:00",
            30,
            "utc",
            org="Lena Schmidt",
            people=("Eve Northwind@northwind.example",),
        ),
        ev("ril12", "Riley / Dana", "2026-11-12T10:00", 30, "utc", org="Riley Park", people=("Riley Park",)),
        ev("bud12", "Budget review", "2026-11-12T14:00", 60, "utc", org="Phoenix Wright"),
        ev("dr12", "Design review", "2026-11-12T14:30", 60, "utc", org="Lena Schmidt"),
        ev("cas12", "1:1 Casey", "2026-11-12T16:00", 30, "iana", org="Casey Moore"),
        ev("sam13", "Sam x Dana", "2026-11-13T09:00", 30, "utc", org="Sam Ortiz", people=("Sam Ortiz",)),
        ev(
            "qbr13",
            "Fabrikam QBR",
            "2026-11-13T10:00",
            60,
            "utc",
            org="Bo Fabrikam",
            people=("Ann Fabrikam@fabrikam.example",),
        ),
        ev("mor13", "Morgan 1-1", "2026-11-13T11:00", 30, "utc", org="Morgan Diaz"),
        ev("crit13", "Design crit", "2026-11-13T14:00", 60, "utc", org="Lena Schmidt", people=("Phoenix Wright",)),
        ev("fri13", "Friday demo", "2026-11-13T15:00", 60, "utc", org="Kai Turner"),
        ev("tay16", "Taylor + Dana", "2026-11-16T10:00", 30, "utc", org="Taylor Kim", people=("Taylor Kim",)),
        ev("vs17", "Vendor sync", "2026-11-17T14:00", 30, "utc", org="Lars Berg"),
    ]


def cases() -> list[dict]:
    out: list[dict] = []
    n = (NY, NY_NOW, ny())

    def add(kind: str, cid: str, utterance: str, expect: dict) -> None:
        tz, now, calendar = n
        c = case(cid, utterance, tz, now, calendar, expect)
        c["kind"] = kind
        c["locale"] = "en-US"
        for event in c["calendar"]:
            for person in event["attendees"]:
                name = person["emailAddress"]["name"]
                if "@" in name:  # "Bo Fabrikam@fabrikam.example": a guest from another company
                    person["emailAddress"] = {"name": name.split("@")[0], "address": name.replace(" ", ".").lower()}
            org = event["organizer"]["emailAddress"]
            if org["name"] == "Bo Fabrikam":
                org["address"] = "bo.fabrikam@fabrikam.example"
        out.append(c)

    # 1. people: one-to-ones however titled; the organizer counts; a name that is also a title word.
    add("people", "p01", "decline my 1:1 with Austin", E("aus11"))
    add("people", "p02", "decline my one on one with Riley", E("ril12"))
    add("people", "p03", "skip my 1:1 with Sam", E("sam13"))
    add("people", "p04", "decline my 1-1 with Jordan", E("jor11"))
    add("people", "p05", "decline my 1:1 with Casey", E("cas12"))
    add("people", "p06", "decline the 1on1 with Morgan", E("mor13"))
    add("people", "p07", "decline my 1:1 with Taylor", E("tay16"))
    add("people", "p08", "decline my meetings with Phoenix", E("bud12", "crit13"))
    add("people", "p09", "decline my meeting with Phoenix", E("bud12", "crit13", status="ambiguous"))
    add("people", "p10", "decline the meeting Phoenix organised", E("bud12"))
    add("people", "p11", "accept my 1:1 with Casey on Thursday", E("cas12", intent="accept"))
    add("people", "p12", "decline my one-on-one with Morgan", E("mor13"))
    add("people", "p13", "decline project phoenix", E("phx11"))

    # 2. spans: what is left of today; external and internal meetings.
    later = ("int10", "prep10", "hr10")
    add("spans", "s01", "decline the rest of today's meetings", E(*later))
    add("spans", "s02", "decline the rest of my day", E(*later))
    add("spans", "s03", "decline my remaining meetings today", E(*later))
    add("spans", "s04", "decline everything left today", E(*later))
    add("spans", "s05", "decline whatever's left this afternoon", E(*later))
    add("spans", "s06", "clear the rest of my day", E(*later))
    # Three external meetings this week: "both" is a question, not a guess at two of them.
    add("spans", "s07", "decline both external meetings this week", E("int10", "nw11", "qbr13", status="ambiguous"))
    add("spans", "s11", "decline both internal meetings next week", E("tay16", "vs17"))
    add("spans", "s12", "decline my meetings with external people on Friday", E("qbr13"))
    add("spans", "s08", "decline all my external meetings this week", E("int10", "nw11", "qbr13"))
    add("spans", "s09", "decline all my internal meetings tomorrow", E("std11", "aus11", "phx11", "jor11"))
    add("spans", "s10", "decline my external meeting tomorrow", E("nw11"))

    # 3. intents in everyday speech, anywhere in the sentence.
    add("intents", "i01", "nope on the HR check-in", E("hr10"))
    add("intents", "i02", "pass on the friday demo", E("fri13"))
    add("intents", "i03", "hard pass on the design review", E("dr12"))
    add("intents", "i04", "count me out of the all-hands prep", E("prep10"))
    add("intents", "i05", "I'm out for the HR check-in", E("hr10"))
    add("intents", "i06", "skip the design review for me", E("dr12"))
    add("intents", "i07", "keen for the friday demo, accept", E("fri13", intent="accept"))
    add("intents", "i08", "friday demo — I'm in", E("fri13", intent="accept"))
    add("intents", "i09", "sign me up for the design review", E("dr12", intent="accept"))
    add("intents", "i10", "down for the HR check-in", E("hr10", intent="accept"))
    add("intents", "i11", "yes to the friday demo", E("fri13", intent="accept"))
    add("intents", "i12", "maybe the design review", E("dr12", intent="tentative"))
    add("intents", "i13", "not sure about the friday demo, tentative", E("fri13", intent="tentative"))
    add("intents", "i14", "the vendor sync next week, pass", E("vs17"))
    add("intents", "i15", "all-hands prep: count me in", E("prep10", intent="accept"))

    # 4. private asides are neither a stop nor a note.
    add("asides", "a01", "decline the design review (I really can't stand their PM)", E("dr12"))
    add("asides", "a02", "decline the HR check-in lol", E("hr10"))
    add("asides", "a03", "decline the all-hands prep — ugh, again?", E("prep10"))
    add("asides", "a04", "decline friday demo haha", E("fri13"))
    add("asides", "a05", "accept the vendor sync (finally)", E("vs17", intent="accept"))
    add("asides", "a06", "decline the budget review lmao", E("bud12"))
    add("asides", "a07", "decline the design review (ugh) and say I'm out sick", E("dr12", comment="I'm out sick"))

    # 5. messy typing: short forms, politeness anywhere, typos of the verbs.
    add("messy", "m01", "dclne the HR check-in tday", E("hr10"))
    add("messy", "m02", "decilne my 3pm tmrw", E("jor11"))
    add("messy", "m03", "delcine the design review pls", E("dr12"))
    add("messy", "m04", "declne friday demo thx", E("fri13"))
    add("messy", "m05", "accpet the friday demo cheers", E("fri13", intent="accept"))
    add("messy", "m06", "acept the design review 🙏", E("dr12", intent="accept"))
    add("messy", "m07", "tentativly accept the HR check-in kthx", E("hr10", intent="tentative"))
    add("messy", "m08", "tenative for the friday demo ta", E("fri13", intent="tentative"))
    add("messy", "m09", "decline my mtgs this arvo", E(*later))
    add("messy", "m10", "plz decline the standup 2moro", E("std11"))
    add("messy", "m11", "decline the vendor sync nxt wk", E("vs17"))
    add("messy", "m12", "decline my 2pm 2day", E("int10"))
    add("messy", "m13", "decline the design review plz ta", E("dr12"))
    add("messy", "m14", "thx, decline the 3pm mtg tmr", E("jor11"))
    add("messy", "m15", "help me decide on the design review", OTHER())
    add("messy", "m16", "cheers! decline the standup tomorrow 🙏", E("std11"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("round2.jsonl"), cases())


if __name__ == "__main__":
    main()
