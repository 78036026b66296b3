"""Writes tests/understanding/round2_more.jsonl: round 2's five kinds again, phrased afresh on another calendar.

Written after the fixes for round2.jsonl, to check that they are general: a London mailbox in
summer time, en-GB, other people and titles ("Priya & Dana", "Dana | Marco", "Marco 1:1"),
other spans and other chat. Run `python -m tests.understanding.build_round2_more` after editing.
"""

from __future__ import annotations

from pathlib import Path

from tests.understanding.build_heldout import OTHER, E, case, ev, write_cases

# London mailbox, Wednesday 17 June 2026, 11:40 BST.
LON, LON_NOW = "Europe/London", "2026-06-17T11:40"


def lon() -> list[dict]:
    return [
        ev("std17", "Morning standup", "2026-06-17T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("ops17", "Ops review", "2026-06-17T11:45", 30, "win", org="Olivia Hart"),
        ev(
            "ven17", "Vendor call", "2026-06-17T14:00", 30, "utc", org="Tom Lee", people=("Rita Globex@globex.example",)
        ),
        ev("pri17", "Priya & Dana", "2026-06-17T15:30", 30, "utc", org="Priya Shah", people=("Priya Shah",)),
        ev("mar18", "Dana | Marco", "2026-06-18T10:00", 30, "utc", org="Marco Rossi"),
        ev("std18", "Morning standup", "2026-06-18T09:30", 15, "utc", master="STD", org="Kai Turner"),
        ev("atl18", "Atlas kickoff", "2026-06-18T13:00", 60, "utc", org="Olivia Hart", people=("Marco Rossi",)),
        ev("sum18", "Quarterly planning", "2026-06-18T15:00", 60, "utc", org="Summer Hale", people=("Kai Turner",)),
        ev("glx19", "Globex roadmap", "2026-06-19T11:00", 60, "utc", org="Rita Globex", people=("Tom Lee",)),
        ev("atl19", "Atlas design sync", "2026-06-19T14:00", 60, "utc", org="Summer Hale"),
        ev("noa19", "Noah 1:1", "2026-06-19T16:00", 30, "utc", org="Noah Kim"),
        ev("ret22", "Sprint retro", "2026-06-22T15:00", 60, "utc", org="Kai Turner"),
    ]


def cases() -> list[dict]:
    out: list[dict] = []
    where = (LON, LON_NOW, lon())

    def add(kind: str, cid: str, utterance: str, expect: dict) -> None:
        tz, now, calendar = where
        c = case(cid, utterance, tz, now, calendar, expect)
        c["kind"] = kind
        c["locale"] = "en-GB"
        for event in c["calendar"]:
            for person in event["attendees"]:
                name = person["emailAddress"]["name"]
                if "@" in name:
                    person["emailAddress"] = {"name": name.split("@")[0], "address": name.replace(" ", ".").lower()}
            org = event["organizer"]["emailAddress"]
            if org["name"] == "Rita Globex":
                org["address"] = "rita.globex@globex.example"
        out.append(c)

    add("people", "q01", "decline my 1:1 with Priya", E("pri17"))
    add("people", "q02", "can't make my one-to-one with Marco tomorrow", E("mar18"))
    add("people", "q03", "decline the 1 on 1 with Noah", E("noa19"))
    add("people", "q04", "decline my meetings with Summer", E("sum18", "atl19"))
    add("people", "q05", "decline the meeting with Summer", E("sum18", "atl19", status="ambiguous"))
    add("people", "q06", "decline my meeting with Marco", E("mar18", "atl18", status="ambiguous"))
    add("people", "q07", "decline the atlas kickoff", E("atl18"))
    add("people", "q08", "decline my 1:1 with Olivia", E())

    add("spans", "r01", "decline the rest of the day", E("ops17", "ven17", "pri17"))
    add("spans", "r02", "clear whatever's left today", E("ops17", "ven17", "pri17"))
    add("spans", "r03", "decline all remaining meetings today", E("ops17", "ven17", "pri17"))
    add("spans", "r04", "decline everything left this afternoon", E("ven17", "pri17"))
    add("spans", "r05", "decline my external meetings this week", E("ven17", "glx19"))
    add("spans", "r06", "decline both external calls this week", E("ven17", "glx19"))
    add("spans", "r07", "decline all internal meetings on Friday", E("atl19", "noa19"))
    add("spans", "r08", "decline my internal meetings tomorrow", E("std18", "mar18", "atl18", "sum18"))

    add("intents", "j01", "nah to the ops review", E("ops17"))
    add("intents", "j02", "pass on the sprint retro", E("ret22"))
    add("intents", "j03", "count me out for the vendor call", E("ven17"))
    add("intents", "j04", "i'm out for the atlas kickoff tomorrow", E("atl18"))
    add("intents", "j05", "keen on the globex roadmap, accept it", E("glx19", intent="accept"))
    add("intents", "j06", "globex roadmap - I'm in", E("glx19", intent="accept"))
    add("intents", "j07", "up for the sprint retro", E("ret22", intent="accept"))
    add("intents", "j08", "yes to quarterly planning", E("sum18", intent="accept"))
    add("intents", "j09", "maybe the atlas design sync", E("atl19", intent="tentative"))
    add("intents", "j10", "sign me up for the sprint retro", E("ret22", intent="accept"))
    add("intents", "j11", "ops review, hard pass", E("ops17"))

    add("asides", "b01", "decline the ops review (honestly I can't stand these)", E("ops17"))
    add("asides", "b02", "decline the vendor call haha", E("ven17"))
    add("asides", "b03", "decline the sprint retro - sigh, another one", E("ret22"))
    add("asides", "b04", "accept the atlas kickoff (yay)", E("atl18", intent="accept"))
    add("asides", "b05", "decline the ops review (I'm at the dentist)", E("ops17", comment="I'm at the dentist"))

    add("messy", "y01", "declien the ops review pls", E("ops17"))
    add("messy", "y02", "decine the vendor call tday thx", E("ven17"))
    add("messy", "y03", "acpet quarterly planning tmrw", E("sum18", intent="accept"))
    add("messy", "y04", "tentitive for the atlas design sync fri", E("atl19", intent="tentative"))
    add("messy", "y05", "decline the retro nxt wk ta", E("ret22"))
    add("messy", "y06", "decline my 2pm mtg today cheers", E("ven17"))
    add("messy", "y07", "decline my mtgs this arvo plz", E("ven17", "pri17"))
    add("messy", "y08", "declare the ops review done", OTHER())
    add("messy", "y09", "🙏 decline the ops review 🙏", E("ops17"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("round2_more.jsonl"), cases())


if __name__ == "__main__":
    main()
