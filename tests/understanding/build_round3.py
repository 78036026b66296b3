"""Writes tests/understanding/round3.jsonl: issue 13 round 3, the language understanding/ still missed.

Four kinds, each case tagged with its `kind`:
- timewords: clock times and days that cannot be (25pm, 13pm, 9:75, the 31st of February),
  spans too long to read at once (next year, next quarter) or that differ by person (over the
  holidays): nothing is acted on, the bot asks; and the everyday time words that are
  understood (this fortnight, in a fortnight, after EOD, before COB, lunchtime, first thing).
- company: meetings with people from another company in everyday words (with customers, with
  the client, outside folks, partners) or with colleagues only (team-only, just us), next to
  titles that hold the same words ("Customer advisory board", "Vendor sync", "Partner pipeline
  review"): a title the user names is that meeting.
- plural: a kind of meeting in the plural without a day ("decline my standups", "the 1:1s with
  Sam") is every upcoming one in the days Regrets reads, each listed; "all the X" is the series.
- foreign: German, French, Spanish, Italian, Dutch and Portuguese day words mixed in.

The calendar: a London mailbox (en-GB) on Wednesday 2 December 2026 at 09:40, a daily standup
already under way, guests from fabrikam, northwind and adatum. Run
`python -m tests.understanding.build_round3` after editing.
"""

from __future__ import annotations

from pathlib import Path

from tests.understanding.build_heldout import E, case, ev, write_cases

LON, LON_NOW = "Europe/London", "2026-12-02T09:40"
# Chicago, Thursday 19 November 2026, 14:20 CST (a week before Thanksgiving).
CHI, CHI_NOW = "America/Chicago", "2026-11-19T14:20"

_STANDUP_DAYS = ("02", "03", "04", "07", "08", "09", "10", "11", "14", "15", "16")


def london() -> list[dict]:
    out = [
        ev(f"std{d}", "Daily standup", f"2026-12-{d}T09:30", 15, "utc", master="STD", org="Kai Turner")
        for d in _STANDUP_DAYS
    ]
    out += [
        ev("lunch02", "Team lunch", "2026-12-02T12:30", 60, "iana", org="Kai Turner"),
        ev("dr02", "Design review", "2026-12-02T14:00", 60, "win", org="Lena Schmidt"),
        ev("wrap02", "Wrap-up", "2026-12-02T17:00", 30, "utc", org="Kai Turner"),
        ev("drinks02", "Leaving drinks for Jo", "2026-12-02T18:30", 120, "iana", org="Grace Hopper"),
        ev("bud03", "Budget review", "2026-12-03T08:30", 30, "utc", org="Omar Haddad"),
        ev("oo03", "Sam / Dana", "2026-12-03T11:00", 30, "utc", master="OO", org="Sam Ortiz", people=("Sam Ortiz",)),
        ev("focus03", "Focus time", "2026-12-03T13:00", 60, "iana", mine=True),
        ev("pl03", "Sprint planning", "2026-12-03T14:00", 90, "win", master="PL", org="Lena Schmidt"),
        ev(
            "qbr03",
            "Fabrikam QBR",
            "2026-12-03T16:00",
            60,
            "utc",
            org="Bo Fabrikam@fabrikam.example",
            people=("Ann Fabrikam@fabrikam.example",),
        ),
        ev("vs04", "Vendor sync", "2026-12-04T10:00", 30, "utc", org="Lars Berg"),
        ev("int04", "Interview: backend candidate", "2026-12-04T11:00", 60, "utc", org="Priya Shah"),
        ev("ll04", "Lunch & learn: Rust", "2026-12-04T12:00", 60, "iana", org="Grace Hopper"),
        ev(
            "cab04",
            "Customer advisory board",
            "2026-12-04T15:00",
            60,
            "utc",
            org="Grace Hopper",
            people=("Eve Northwind@northwind.example",),
        ),
        ev("arch07", "Architecture review", "2026-12-07T11:00", 60, "utc", org="Omar Haddad"),
        ev(
            "ppr08",
            "Partner pipeline review",
            "2026-12-08T13:00",
            45,
            "win",
            org="Priya Shah",
            people=("Ann Adatum@adatum.example",),
        ),
        ev("int08", "Interview: frontend candidate", "2026-12-08T15:00", 60, "utc", org="Priya Shah"),
        ev("oo10", "Sam / Dana", "2026-12-10T11:00", 30, "utc", master="OO", org="Sam Ortiz", people=("Sam Ortiz",)),
        ev("pl10", "Sprint planning", "2026-12-10T14:00", 90, "win", master="PL", org="Lena Schmidt"),
        ev("pl17", "Sprint planning", "2026-12-17T14:00", 90, "win", master="PL", org="Lena Schmidt"),
        ev("off27", "Q1 offsite", "2027-01-14T10:00", 360, "utc", org="Grace Hopper"),
    ]
    return out


_CHI_STANDUPS = ("2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-30")
_CHI_STANDUPS += ("2026-12-01", "2026-12-02", "2026-12-03")


def chicago() -> list[dict]:
    out = [
        ev(f"ts{d[-2:]}", "Team standup", f"{d}T09:00", 15, "win", master="TS", org="Kai Turner") for d in _CHI_STANDUPS
    ]
    out += [
        ev("es19", "Eng sync", "2026-11-19T15:00", 30, "utc", org="Omar Haddad"),
        ev(
            "lit20",
            "Contoso <> Litware weekly",
            "2026-11-20T10:00",
            30,
            "utc",
            master="LW",
            org="Maria Litware@litware.example",
        ),
        ev(
            "tail20",
            "Customer onboarding: Tailspin",
            "2026-11-20T13:00",
            60,
            "iana",
            org="Priya Shah",
            people=("Tom Tailspin@tailspin.example",),
        ),
        ev("hh20", "Happy hour", "2026-11-20T17:30", 90, "utc", org="Kai Turner"),
        ev("road23", "Roadmap review", "2026-11-23T14:00", 60, "utc", org="Lena Schmidt"),
        ev("int23", "Interview - PM candidate", "2026-11-23T16:00", 45, "win", org="Priya Shah"),
        ev("late23", "APAC sync", "2026-11-23T19:00", 30, "utc", org="Kai Turner"),
        ev(
            "jd24",
            "Jordan / Dana",
            "2026-11-24T11:00",
            30,
            "utc",
            master="JD",
            org="Jordan Blake",
            people=("Jordan Blake",),
        ),
        ev("int24", "Interview - Designer", "2026-11-24T15:00", 45, "utc", org="Priya Shah"),
        ev(
            "nw25",
            "Vendor review: Northwind",
            "2026-11-25T10:00",
            60,
            "utc",
            org="Lars Berg",
            people=("Eve Northwind@northwind.example",),
        ),
        ev("pp25", "Planning poker", "2026-11-25T13:00", 60, "iana", org="Lena Schmidt"),
        ev("bp30", "Board prep", "2026-11-30T08:00", 60, "utc", org="Grace Hopper"),
        ev(
            "jd01",
            "Jordan / Dana",
            "2026-12-01T11:00",
            30,
            "utc",
            master="JD",
            org="Jordan Blake",
            people=("Jordan Blake",),
        ),
        ev("crit01", "Design crit", "2026-12-01T12:00", 60, "utc", org="Lena Schmidt"),
        ev("q127", "Quarterly planning offsite", "2027-01-12T09:00", 480, "utc", org="Grace Hopper"),
    ]
    return out


# Berlin, Monday 26 October 2026, 08:50 CET (the day after the clocks went back), a German locale.
BER, BER_NOW = "Europe/Berlin", "2026-10-26T08:50"
_BER_DAILIES = ("10-26", "10-27", "10-28", "10-29", "10-30", "11-02", "11-03", "11-04", "11-05", "11-06", "11-09")


def berlin() -> list[dict]:
    out = [
        ev(f"ds{d[-2:]}{d[:2]}", "Daily", f"2026-{d}T09:15", 15, "utc", master="DS", org="Jonas Weber")
        for d in _BER_DAILIES
    ]
    out += [
        ev("jf27", "Jour fixe mit Anna", "2026-10-27T10:00", 30, "win", master="JF", org="Anna Keller"),
        ev(
            "bosch28",
            "Kundentermin Bosch",
            "2026-10-28T14:00",
            60,
            "utc",
            org="Anna Keller",
            people=("Udo Bosch@bosch.example",),
        ),
        ev("lunch29", "Team-Mittagessen", "2026-10-29T12:00", 60, "iana", org="Jonas Weber"),
        ev("rev30", "Sprint Review", "2026-10-30T13:00", 60, "utc", org="Jonas Weber"),
        ev("jf03", "Jour fixe mit Anna", "2026-11-03T10:00", 30, "win", master="JF", org="Anna Keller"),
    ]
    return out


def _guests(c: dict) -> None:
    """ "Bo Fabrikam@fabrikam.example": a person from another company, with that mail domain."""
    for event in c["calendar"]:
        for person in [event["organizer"], *event["attendees"]]:
            mail = person["emailAddress"]
            if "@" in mail["name"]:
                name, domain = mail["name"].split("@")
                mail["name"] = name
                mail["address"] = name.replace(" ", ".").lower() + "@" + domain


def cases() -> list[dict]:
    out: list[dict] = []
    calendar = london()

    def add(kind: str, cid: str, utterance: str, expect: dict) -> None:
        c = case(cid, utterance, LON, LON_NOW, calendar, expect)
        c["kind"] = kind
        c["locale"] = "en-GB"
        _guests(c)
        out.append(c)

    standups_ahead = [f"std{d}" for d in _STANDUP_DAYS[1:]]

    # 1. time words: impossible, out of reach or vague ones ask; everyday ones are understood.
    add("timewords", "t01", "decline my 25pm", E())
    add("timewords", "t02", "decline my 13pm tomorrow", E())
    add("timewords", "t03", "decline the meeting on the 31st of February", E())
    add("timewords", "t04", "can you decline my 2pm on 30/02", E())
    add("timewords", "t05", "decline all my meetings next year", E())
    add("timewords", "t06", "decline everything next quarter", E())
    add("timewords", "t07", "decline the standup at 9:75", E())
    add("timewords", "t08", "decline everything over the holidays", E())
    add("timewords", "t09", "decline the design review at 14:00 on 31/11", E())
    add("timewords", "t10", "decline the 24:30 call", E())
    add("timewords", "t11", "decline the offsite next year", E("off27"))
    add("timewords", "t12", "decline my standups this fortnight", E(*standups_ahead[:-1]))
    add("timewords", "t13", "decline the sprint planning in a fortnight", E("pl17"))
    add("timewords", "t14", "decline everything after EOD today", E("wrap02", "drinks02"))
    add("timewords", "t15", "decline my end of day call", E("wrap02"))
    add("timewords", "t16", "decline my lunchtime meeting today", E("lunch02"))
    add("timewords", "t17", "decline the lunchtime session on Friday", E("ll04"))
    add("timewords", "t18", "decline first thing tomorrow", E("bud03"))
    add("timewords", "t19", "decline whatever I have first thing on Monday", E("std07"))
    add("timewords", "t20", "decline all my meetings before COB tomorrow", E("bud03", "std03", "oo03", "pl03", "qbr03"))
    add("timewords", "t22", "decline everything for the next 90 days", E())
    add("timewords", "t23", "decline the interviews till the end of the month", E("int04", "int08"))
    add("timewords", "t24", "decline the standups until christmas", E(*standups_ahead))
    add("timewords", "t25", "decline all my meetings in 2027", E())
    add("timewords", "t26", "decline the offsite in January 2027", E("off27"))
    add("timewords", "t27", "decline everything in a couple of weeks", E("std16"))
    add("timewords", "t28", "decline the noonish session on friday", E("ll04"))
    add("timewords", "t29", "decline the sync at quarter past", E())
    add("timewords", "t30", "decline everything after work today", E("wrap02", "drinks02"))
    add("timewords", "t31", "decline my early meetings tomorrow", E("bud03", "std03"))
    add("timewords", "t32", "decline the offsite on the 14th of next month", E("off27"))
    add("timewords", "t33", "decline the sprint planning Thursday fortnight", E("pl17"))
    add("timewords", "t34", "decline everything during my vacation", E())
    add("timewords", "t35", "decline everything at the end of the quarter", E())
    next_week = ("std07", "arch07", "std08", "ppr08", "int08", "std09", "std10", "oo10", "pl10", "std11")
    add("timewords", "t36", "decline everything while I'm out next week", E(*next_week))
    this_week = ("lunch02", "dr02", "wrap02", "drinks02", "bud03", "std03", "oo03", "pl03", "qbr03", "std04", "vs04")
    this_week += ("int04", "ll04", "cab04")
    add("timewords", "t37", "decline everything until the end of next week", E(*this_week, *next_week))
    # The meeting to leave out is unreadable: declining "everything else" could take it too.
    add("timewords", "t38", "decline everything tomorrow except the 25pm", E())
    add("timewords", "t21", "decline everything over the next fortnight with Sam", E("oo03", "oo10"))

    # 2. external and internal in everyday words; a title holding the word is that meeting.
    add("company", "c01", "decline my meetings with customers this week", E("qbr03", "cab04"))
    add("company", "c02", "decline the customer advisory board", E("cab04"))
    add("company", "c03", "decline all calls with the client tomorrow", E("qbr03"))
    add("company", "c04", "decline everything with outside folks on Friday", E("cab04"))
    add("company", "c05", "decline the partner meetings next week", E("ppr08"))
    # "Vendor sync" is internal, this week's external meetings are with customers: two readings, ask.
    add("company", "c06", "decline vendor calls this week", E("qbr03", "vs04", "cab04", status="ambiguous"))
    add("company", "c07", "decline my team-only meetings tomorrow", E("bud03", "std03", "oo03", "pl03"))
    add("company", "c08", "decline all the internal meetings on Friday", E("std04", "vs04", "int04", "ll04"))
    add("company", "c09", "skip anything with external people tomorrow", E("qbr03"))
    add("company", "c10", "decline my customer calls next week", E("ppr08"))
    add("company", "c11", "decline every meeting with partners this week", E("qbr03", "cab04"))
    add("company", "c12", "decline the QBR with the client", E("qbr03"))
    add("company", "c13", "decline the client-facing meetings on Friday", E("cab04"))
    add("company", "c14", "decline the in-house meetings on Monday", E("std07", "arch07"))
    add("company", "c15", "decline all non-internal meetings tomorrow", E("qbr03"))
    add("company", "c16", "decline all my client calls", E("qbr03", "cab04", "ppr08"))
    add("company", "c18", "decline the client call tomorrow", E("qbr03"))
    add("company", "c19", "decline the vendor sync", E("vs04"))
    add("company", "c20", "decline everything with folks from outside on Friday", E("cab04"))
    add("company", "c21", "decline meetings with anyone external tomorrow", E("qbr03"))
    add("company", "c22", "decline meetings with only internal people tomorrow", E("bud03", "std03", "oo03", "pl03"))
    add("company", "c23", "decline everything that's not with customers on Friday", E("std04", "vs04", "int04", "ll04"))
    add("company", "c24", "decline the client meetings except the QBR", E("cab04", "ppr08"))
    add("company", "c17", "decline my meetings with customers", E("qbr03", "cab04", "ppr08"))

    # 3. a kind of meeting in the plural and no day: every upcoming one, each listed.
    add("plural", "p01", "decline my standups", E(*standups_ahead))
    add("plural", "p02", "decline the 1:1s with Sam", E("oo03", "oo10"))
    add("plural", "p03", "skip all the planning meetings", E("PL", scope="series"))
    add("plural", "p04", "decline my interviews", E("int04", "int08"))
    add("plural", "p05", "decline the design reviews", E("dr02"))
    add("plural", "p06", "decline the reviews with Omar", E("bud03", "arch07"))
    add("plural", "p07", "decline my sprint plannings", E("pl03", "pl10"))
    add("plural", "p08", "decline the standups next week", E("std07", "std08", "std09", "std10", "std11"))
    add("plural", "p09", "decline my one-on-ones", E("oo03", "oo10"))
    add("plural", "p10", "pls decline the interviews, I'm off sick", E("int04", "int08", comment="I'm off sick"))
    add("plural", "p11", "decline the standup", E("std03"))

    # 4. day words from other languages, mixed into an English request.
    add("foreign", "f01", "decline the standup morgen", E("std03"))
    add("foreign", "f02", "decline mañana standup", E("std03"))
    add("foreign", "f03", "decline the sprint planning demain", E("pl03"))
    add("foreign", "f04", "decline my meetings lundi", E("std07", "arch07"))
    add("foreign", "f05", "decline the sync am Freitag", E("vs04"))
    add("foreign", "f06", "decline heute 14 Uhr", E("dr02"))
    add("foreign", "f07", "decline the architecture review am Montag", E("arch07"))
    add("foreign", "f08", "decline the design review hoy", E("dr02"))
    add("foreign", "f09", "decline everything vendredi après-midi", E("ll04", "cab04"))
    add("foreign", "f10", "decline the standup übermorgen", E("std04"))
    add("foreign", "f11", "decline my 1:1 with Sam jeudi", E("oo03"))
    add("foreign", "f12", "decline the sprint planning jueves", E("pl03"))
    add("foreign", "f13", "decline the standup el viernes", E("std04"))
    add("foreign", "f14", "decline the architecture review maandag", E("arch07"))
    add("foreign", "f15", "decline el standup del lunes", E("std07"))

    chi_calendar = chicago()

    def us(kind: str, cid: str, utterance: str, expect: dict) -> None:
        c = case(cid, utterance, CHI, CHI_NOW, chi_calendar, expect)
        c["kind"] = kind
        c["locale"] = "en-US"
        _guests(c)
        out.append(c)

    friday = ("ts20", "lit20", "tail20", "hh20")
    monday = ("ts23", "road23", "int23", "late23")
    tuesday = ("ts24", "jd24", "int24")
    wednesday = ("ts25", "nw25", "pp25")
    us("timewords", "ut01", "decline my 3ish meeting", E("es19"))
    us("timewords", "ut02", "decline everything tomorrow pm", E("tail20"))
    us("timewords", "ut03", "decline all my meetings early next week", E(*monday, *tuesday))
    us("timewords", "ut04", "decline everything after hours on Monday", E("late23"))
    us("timewords", "ut05", "decline my late afternoon meetings on Monday", E("int23"))
    us("timewords", "ut06", "decline my meetings next business day", E(*friday))
    us("timewords", "ut07", "decline everything Monday through Wednesday", E(*monday, *tuesday, *wednesday))
    us("timewords", "ut08", "decline all meetings next year", E())
    us("timewords", "ut09", "decline the 99pm", E())
    us("timewords", "ut10", "decline my meeting at 27:00", E())
    us("timewords", "ut11", "decline everything on Nov 31", E())
    us("timewords", "ut12", "decline the interviews until Tuesday", E("int23", "int24"))
    us("timewords", "ut13", "decline everything EOW", E("es19", *friday))
    us("timewords", "ut14", "decline everything in the next few days", E("es19", *friday))
    us("timewords", "ut15", "decline everything this sprint", E())
    us("timewords", "ut16", "decline all my meetings in Q1", E())
    us("timewords", "ut17", "decline the quarterly planning offsite in January", E("q127"))
    us("timewords", "ut18", "decline my mid-afternoon meeting on Monday", E("road23"))
    us("timewords", "ut19", "decline the crit at lunchtime on December 1st", E("crit01"))
    us(
        "timewords",
        "ut20",
        "decline everything the week of the 30th",
        E("bp30", "ts30", "ts01", "jd01", "crit01", "ts02", "ts03"),
    )

    # "Customer onboarding" is a title and one of two meetings with customers this week: ask.
    us("company", "uc01", "decline my customer meetings this week", E("lit20", "tail20", status="ambiguous"))
    us("company", "uc02", "decline all calls with clients next week", E("nw25"))
    us("company", "uc03", "decline anything internal tomorrow", E("ts20", "hh20"))
    us("company", "uc04", "decline everything with third parties on Friday", E("lit20", "tail20"))
    us("company", "uc05", "decline meetings with externals this week", E("lit20", "tail20"))
    us("company", "uc06", "decline the vendor review", E("nw25"))
    us("company", "uc07", "skip my in-house meetings Monday", E(*monday))
    us("company", "uc08", "decline the customer onboarding", E("tail20"))
    us("company", "uc09", "decline the meetings without customers on Friday", E("ts20", "hh20"))

    us("plural", "up01", "decline my standups", E(*(f"ts{d[-2:]}" for d in _CHI_STANDUPS[1:])))
    us("plural", "up02", "decline the interviews", E("int23", "int24"))
    us("plural", "up03", "decline my 1:1s with Jordan", E("jd24", "jd01"))
    us("plural", "up04", "decline all the standups", E("TS", scope="series"))
    us("plural", "up05", "decline the roadmap reviews", E("road23"))
    us(
        "plural",
        "up06",
        "decline the standups, I'm on leave",
        E(*(f"ts{d[-2:]}" for d in _CHI_STANDUPS[1:]), comment="I'm on leave"),
    )

    us("foreign", "uf01", "decline the eng sync heute", E("es19"))
    us("foreign", "uf02", "decline the standup de mañana", E("ts20"))
    us("foreign", "uf03", "decline everything lunes", E(*monday))
    us("foreign", "uf04", "decline my 1:1 with Jordan el martes", E("jd24"))
    us("foreign", "uf05", "decline the planning poker mercredi", E("pp25"))
    us("foreign", "uf06", "decline the roadmap review am Montag um 14 Uhr", E("road23"))
    us("foreign", "uf07", "decline demain matin standup", E("ts20"))
    us("company", "uc11", "decline my customer meeting on friday", E("tail20"))
    us("foreign", "uf10", "decline standup mañana a las 9", E("ts20"))
    us("timewords", "ut21", "decline everything 2 weeks from now", E("ts03"))
    ber_calendar = berlin()

    def de(kind: str, cid: str, utterance: str, expect: dict) -> None:
        c = case(cid, utterance, BER, BER_NOW, ber_calendar, expect)
        c["kind"] = kind
        c["locale"] = "de-DE"
        _guests(c)
        out.append(c)

    next_week = ("ds0211", "ds0311", "jf03", "ds0411", "ds0511", "ds0611")
    de("foreign", "bf01", "decline the daily morgen", E("ds2710"))
    de("foreign", "bf02", "decline all meetings am Mittwoch", E("ds2810", "bosch28"))
    de("foreign", "bf03", "decline everything übermorgen", E("ds2810", "bosch28"))
    de("foreign", "bf04", "decline the sprint review freitag", E("rev30"))
    de("foreign", "bf05", "decline the daily um 9:15 heute", E("ds2610"))
    de("foreign", "bf06", "decline everything nächste Woche", E(*next_week))
    de("timewords", "bt01", "decline my 9.15 on 30.02.", E())
    de("company", "bc01", "decline meetings with customers this week", E("bosch28"))
    de("company", "bc02", "decline team-only meetings Thursday", E("ds2910", "lunch29"))
    de("plural", "bp01", "decline the dailies", E(*(f"ds{d[-2:]}{d[:2]}" for d in _BER_DAILIES)))
    de("plural", "bp02", "decline the jour fixe meetings with Anna", E("jf27", "jf03"))

    us("foreign", "uf08", "decline the meeting morgen um 10", E("lit20"))
    us("foreign", "uf09", "decline mein standup morgen", E("ts20"))
    us("company", "uc10", "decline meetings involving external guests on friday", E("lit20", "tail20"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("round3.jsonl"), cases())


if __name__ == "__main__":
    main()
