"""Writes tests/understanding/round4.jsonl: issue 13 round 4, everyday phrasings at awkward instants.

Three calendars, each case tagged with its `kind` (clock, ordinal, relative, several, correction,
pronoun, typo, note, ask, leftover):
- weekend: a New York mailbox (en-US) on Saturday 14 November 2026 at 10:15, nothing on Sunday.
- late: a Sydney mailbox (en-AU) on Tuesday 8 December 2026 at 21:50, two calls still to come tonight.
- dst: a London mailbox (en-GB) on Friday 26 March 2027 at 16:30 GMT; the clocks go forward on
  Sunday, so Monday's meetings (stored in UTC or a Windows zone) are an hour off if read in GMT.

The phrasings: clock times with "o'clock", "half three" (British: 3:30), "quarter to 4" and 24-hour
times; relative ones ("in 40 minutes", "later today", "this evening", "tonight"); ordinals ("my second
meeting tomorrow", "the last one on Friday"); corrections ("not the 3pm, the 4pm", "no wait, the
one on Monday"); pronouns for a meeting named earlier in the message; typos; two meetings in one
request; notes after the request. Two meetings that fit equally are asked about. Run
`python -m tests.understanding.build_round4` after editing.
"""

from __future__ import annotations

from pathlib import Path

from tests.understanding.build_heldout import E, case, ev, write_cases

NY, NY_NOW = "America/New_York", "2026-11-14T10:15"
SYD, SYD_NOW = "Australia/Sydney", "2026-12-08T21:50"
LON, LON_NOW = "Europe/London", "2027-03-26T16:30"


def weekend() -> list[dict]:
    out = [
        ev(f"ts{d}", "Team standup", f"2026-11-{d}T09:30", 15, "utc", master="TS", org="Kai Turner")
        for d in ("16", "17", "18", "19", "20")
    ]
    out += [
        ev("hack14", "Hackathon demo", "2026-11-14T13:00", 60, "iana", org="Priya Shah"),
        ev("din14", "Dinner with investors", "2026-11-14T19:00", 120, "utc", org="Grace Hopper"),
        ev("jd16", "1:1 Jordan / Dana", "2026-11-16T11:00", 30, "win", master="JD", org="Jordan Blake"),
        ev("road16", "Roadmap review", "2026-11-16T14:00", 60, "utc", org="Lena Schmidt"),
        ev("es16", "Eng sync", "2026-11-16T15:00", 30, "utc", org="Omar Haddad"),
        ev("int16", "Interview - PM candidate", "2026-11-16T15:45", 45, "win", org="Priya Shah"),
        ev("bud17", "Budget review", "2026-11-17T10:00", 60, "utc", org="Omar Haddad"),
        ev("crit17", "Design crit", "2026-11-17T13:00", 60, "iana", org="Lena Schmidt"),
        ev("vend17", "Vendor call", "2026-11-17T15:30", 30, "utc", org="Lars Berg"),
        ev("retro20", "Sprint retro", "2026-11-20T14:00", 60, "utc", org="Kai Turner"),
        ev("hh20", "Happy hour", "2026-11-20T17:00", 60, "iana", org="Kai Turner"),
    ]
    return out


def late() -> list[dict]:
    out = [
        ev(f"std{d}", "Standup", f"2026-12-{d}T09:00", 15, "utc", master="STD", org="Mia Chen")
        for d in ("09", "10", "11", "14")
    ]
    out += [
        ev("apac08", "APAC sync", "2026-12-08T22:30", 30, "utc", org="Kai Turner"),
        ev("lon08", "Call with London team", "2026-12-08T23:00", 60, "win", org="Grace Hopper"),
        ev("prod09", "Product review", "2026-12-09T10:00", 60, "utc", org="Mia Chen"),
        ev("lunch09", "Lunch with Mia", "2026-12-09T12:30", 60, "iana", org="Mia Chen"),
        ev("demo09", "Customer demo", "2026-12-09T15:00", 45, "utc", org="Raj Patel"),
        ev("drinks09", "Team drinks", "2026-12-09T17:30", 90, "iana", org="Raj Patel"),
        ev("dr10", "Design review", "2026-12-10T11:00", 60, "win", org="Lena Schmidt"),
        ev("sam10", "1:1 with Sam", "2026-12-10T14:00", 30, "utc", master="SM", org="Sam Ortiz"),
        ev("bp10", "Board prep", "2026-12-10T16:00", 60, "utc", org="Grace Hopper"),
        ev("plan11", "Sprint planning", "2026-12-11T10:00", 120, "utc", org="Mia Chen"),
        ev("fare11", "Farewell lunch for Raj", "2026-12-11T12:00", 90, "iana", org="Mia Chen"),
        ev("sam14", "1:1 with Sam", "2026-12-14T14:00", 30, "utc", master="SM", org="Sam Ortiz"),
    ]
    return out


def dst() -> list[dict]:
    out = [
        ev(f"std{d}", "Daily standup", f"2027-{d}T09:30", 15, "utc", master="STD", org="Kai Turner")
        for d in ("03-26", "03-29", "03-30", "03-31", "04-01")
    ]
    out = [dict(e, eid=e["eid"].replace("-", "")) for e in out]
    out += [
        ev("wrap26", "Wrap-up", "2027-03-26T17:00", 30, "utc", org="Kai Turner"),
        ev("drinks26", "Leaving drinks", "2027-03-26T18:00", 120, "iana", org="Grace Hopper"),
        ev("arch29", "Architecture review", "2027-03-29T11:00", 60, "utc", org="Omar Haddad"),
        ev("ll29", "Lunch & learn", "2027-03-29T12:30", 60, "iana", org="Grace Hopper"),
        ev("fab29", "Client call: Fabrikam", "2027-03-29T15:00", 45, "win", org="Lena Schmidt"),
        ev("bud30", "Budget review", "2027-03-30T09:00", 30, "utc", org="Omar Haddad"),
        ev("oo30", "1:1 with Priya", "2027-03-30T15:30", 30, "win", master="OP", org="Priya Shah"),
        ev("qc30", "Quarter close sync", "2027-03-30T15:45", 30, "utc", org="Omar Haddad"),
        ev("cr31", "Code review", "2027-03-31T10:00", 60, "utc", org="Lena Schmidt"),
        ev("sr31", "Sprint review", "2027-03-31T14:00", 60, "utc", org="Kai Turner"),
        ev("ah31", "Quarterly all-hands", "2027-03-31T16:00", 60, "win", org="Grace Hopper"),
    ]
    return out


def cases() -> list[dict]:
    out: list[dict] = []

    def world(tz: str, now: str, calendar: list[dict], locale: str):
        def add(kind: str, cid: str, utterance: str, expect: dict) -> None:
            c = case(cid, utterance, tz, now, calendar, expect)
            c["kind"] = kind
            c["locale"] = locale
            out.append(c)

        return add

    w = world(NY, NY_NOW, weekend(), "en-US")
    w("clock", "w01", "decline my 3 o'clock on monday", E("es16"))
    w("typo", "w02", "declin the roadmap reveiw monday", E("road16"))
    w("correction", "w03", "not the 1pm, the 3:30 on tuesday - decline that one", E("vend17"))
    w("ordinal", "w04", "decline my second meeting on monday", E("jd16"))
    w("ordinal", "w05", "decline the last one on friday", E("hh20"))
    w("relative", "w06", "decline the hackathon demo later today", E("hack14"))
    w("relative", "w07", "decline this evening's dinner", E("din14"))
    w("clock", "w08", "decline the vendor call at half three on tuesday", E("vend17"))
    w("clock", "w09", "decline the meeting at quarter to 4 on monday", E("int16"))
    w("clock", "w10", "decline my 15:00 on Monday", E("es16"))
    w("relative", "w11", "decline whatever I have in about 3 hours", E("hack14"))
    w("relative", "w12", "decline my next meeting", E("hack14"))
    w("ordinal", "w13", "decline the first meeting on Monday", E("ts16"))
    w("relative", "w14", "decline tomorrow's meetings", E())
    w("several", "w15", "decline the 1:1 with Jordan monday, and the roadmap review too", E("jd16", "road16"))
    w("several", "w16", "decline the standup on monday and tuesday", E("ts16", "ts17"))
    w("note", "w17", "decline the retro on friday. tell them I'm travelling", E("retro20", comment="I'm travelling"))
    w("pronoun", "w18", "the design crit on tuesday - I can't make it, please decline it", E("crit17"))
    w("correction", "w19", "decline the budget review on tuesday, actually no, the design crit", E("crit17"))
    w("clock", "w20", "decline the 2 o'clock roadmap review", E("road16"))
    w("ask", "w21", "decline the review next week", E("road16", "bud17", status="ambiguous"))
    w("ordinal", "w22", "decline my last meeting on tuesday", E("vend17"))
    w("correction", "w23", "decline the budget review on tuesday. actually, accept it", E("bud17", intent="accept"))

    s = world(SYD, SYD_NOW, late(), "en-AU")
    s("relative", "l01", "decline the apac sync tonight", E("apac08"))
    s("clock", "l02", "decline my 11pm", E("lon08"))
    s("relative", "l03", "decline the next one", E("apac08"))
    s("relative", "l04", "decline my meeting in 40 minutes", E("apac08"))
    s("clock", "l05", "decline tomorrow's 10 o'clock", E("prod09"))
    s("several", "l06", "decline the product review tomorrow and the design review on thursday", E("prod09", "dr10"))
    s("ordinal", "l07", "decline the last meeting tomorrow", E("drinks09"))
    s("ordinal", "l08", "decline my 3rd meeting tomorrow", E("lunch09"))
    s("note", "l09", "decline the customer demo at 3 tomorrow, they moved it", E("demo09", comment="they moved it"))
    s("typo", "l10", "decline lunch w/ mia tmrw", E("lunch09"))
    s("correction", "l11", "decline the 1:1 with Sam on thursday - no wait, the one on monday", E("sam14"))
    s("clock", "l12", "decline the 14:00 on thursday", E("sam10"))
    s("clock", "l13", "decline the board prep at 4pm thursday", E("bp10"))
    s("typo", "l14", "can u declne the standup tmrw", E("std09"))
    s(
        "note",
        "l16",
        "decline the sprint planning, it clashes with the design review",
        E("plan11", comment="it clashes with the design review"),
    )
    s("clock", "l17", "decline the 2 o'clock on thursday", E("sam10"))
    s("several", "l18", "decline the standup and the product review tomorrow", E("std09", "prod09"))
    s("correction", "l19", "decline my 10 tomorrow, not the standup", E("prod09"))
    s("relative", "l20", "decline everything later tonight", E("apac08", "lon08"))
    s("ask", "l21", "decline my meeting with Raj tomorrow", E("demo09", "drinks09", status="ambiguous"))
    s("correction", "l24", "decline everything tomorrow, not the standup", E("prod09", "lunch09", "demo09", "drinks09"))
    s("leftover", "l22", "decline the standup the day after the design review", E("std11"))
    s("leftover", "l23", "decline the day before the farewell lunch", E("std10", "dr10", "sam10", "bp10"))

    d = world(LON, LON_NOW, dst(), "en-GB")
    d("clock", "d01", "decline my 11 o'clock on monday", E("arch29"))
    d("clock", "d02", "decline half three on tuesday", E("oo30"))
    d("clock", "d03", "decline quarter to 4 on tuesday", E("qc30"))
    d("clock", "d04", "decline the 15:00 monday", E("fab29"))
    d("relative", "d05", "decline the leaving drinks this evening", E("drinks26"))
    d("relative", "d06", "decline everything later today", E("wrap26", "drinks26"))
    d("several", "d07", "decline the standup monday and tuesday", E("std0329", "std0330"))
    d("ordinal", "d08", "decline my first meeting on tuesday", E("bud30"))
    d("ordinal", "d09", "decline the last one on wednesday", E("ah31"))
    d("ordinal", "d10", "decline the second meeting monday", E("arch29"))
    d(
        "note",
        "d11",
        "decline the lunch and learn on monday, I'm presenting elsewhere",
        E("ll29", comment="I'm presenting elsewhere"),
    )
    d("correction", "d12", "not the 11, the 12:30 on monday - decline it", E("ll29"))
    d("relative", "d13", "decline the wrap up in 30 mins", E("wrap26"))
    d("typo", "d14", "decilne teh budget reveiw tuesday", E("bud30"))
    d("clock", "d15", "decline the 9:30 on monday", E("std0329"))
    d("note", "d16", "decline the 1:1 with priya on tuesday, she knows why", E("oo30", comment="she knows why"))
    d("ask", "d17", "decline the review on wednesday", E("cr31", "sr31", status="ambiguous"))
    d("several", "d18", "decline the sprint review on wednesday, and the all hands", E("sr31", "ah31"))
    d("pronoun", "d19", "the fabrikam call on monday clashes with a school run so decline it", E("fab29"))
    d("clock", "d20", "decline the 4 o'clock on wednesday", E("ah31"))
    d("leftover", "d21", "what's on next year", E(intent="other"))
    d("leftover", "d22", "decline the standup jutro", E())
    d("ask", "d23", "decline the 3:30", E("oo30"))
    d("correction", "d24", "decline the client call on monday, no wait, accept it", E("fab29", intent="accept"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("round4.jsonl"), cases())


if __name__ == "__main__":
    main()
