"""The mailboxes the kinds case set is written against (times in each mailbox's own zone).

Day numbers count from the first Monday. Each world sits on dates that matter: a daylight-saving
change (US and Europe switch on different Sundays, so the gap weeks shift every offset by an
hour), a month or year end, a weekend. People's first names also appear in titles (Summer, April,
Jordan, Bill) and external people come from other companies' domains.
"""

from __future__ import annotations

from datetime import date

from tests.understanding.kinds_world import World

PEOPLE = {
    "priya": ("Priya Natarajan", "priya.natarajan@contoso.com"),
    "omar": ("Omar Haddad", "omar.haddad@contoso.com"),
    "lee": ("Lee Gu", "lee.gu@contoso.com"),
    "summer": ("Summer Lin", "summer.lin@contoso.com"),
    "jordan": ("Jordan Miller", "jordan.miller@contoso.com"),
    "april": ("April Chen", "april.chen@contoso.com"),
    "bill": ("Bill Evans", "bill.evans@contoso.com"),
    "grace": ("Grace Okafor", "grace.okafor@contoso.com"),
    "mark": ("Mark Ruiz", "mark.ruiz@contoso.com"),
    "chase": ("Chase Wu", "chase.wu@contoso.com"),
    "nadia": ("Nadia Costa", "nadia.costa@contoso.com"),
    "ravi": ("Ravi Menon", "ravi.menon@contoso.com"),
    "helen": ("Helen Park", "helen.park@contoso.com"),
    "kenji": ("Kenji Sato", "kenji.sato@contoso.com"),
    "anika": ("Anika Müller", "anika.mueller@contoso.com"),
    "tom": ("Tom Becker", "tom.becker@contoso.com"),
    "deepa": ("Deepa Iyer", "deepa.iyer@contoso.com"),
    "rahul": ("Rahul Sharma", "rahul.sharma@contoso.com"),
    "aroha": ("Aroha Ngata", "aroha.ngata@contoso.com"),
    "keoni": ("Keoni Kahale", "keoni.kahale@contoso.com"),
    "yuki": ("Yuki Tanaka", "yuki.tanaka@contoso.com"),
    "fab1": ("Liam O'Brien", "liam.obrien@fabrikam.com"),
    "fab2": ("Sofia Rossi", "sofia.rossi@fabrikam.com"),
    "nw": ("Maya Fischer", "maya.fischer@northwindtraders.com"),
    "ada": ("Arjun Rao", "arjun.rao@adatum.com"),
    "tail": ("Chloe Martin", "chloe.martin@tailspintoys.com"),
    "wood": ("Ben Carter", "ben.carter@woodgrovebank.com"),
    "litw": ("Hana Kobayashi", "hana.kobayashi@litwareinc.com"),
}

WEEKDAYS_2 = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]


def sea() -> World:
    """Seattle, the week after the US moved to daylight time (8 March 2026); Europe has not yet."""
    w = World("sea", "America/Los_Angeles", ("Dana Reyes", "dana.reyes@contoso.com"), date(2026, 3, 9), PEOPLE)
    w.locale = "en-US"
    w.series("std", WEEKDAYS_2, "09:00", 15, "Daily standup", org="priya", att="omar lee")
    w.series("lun", WEEKDAYS_2, "12:00", 60, "Lunch", org="me", show_as="free")
    w.series("one", [1, 8], "10:00", 30, "Omar / Dana 1:1", org="omar")
    w.series("dr", [2, 9], "14:00", 60, "Design review", org="nadia", att="lee priya")
    w.series("bil", [3, 10], "11:00", 30, "Billing sync", org="bill", att="ravi")
    w.series("wmr", [0, 7], "15:00", 45, "Weekly metrics review", org="helen")
    w.series("dem", [4, 11], "16:00", 60, "Demo hour", org="lee", att="priya omar")
    # Mon 9 March
    w.ev("pln0", 0, "10:00", 60, "Sprint planning", org="april", att="lee")
    w.ev("fab0", 0, "13:00", 60, "Fabrikam QBR", org="fab1", att="fab2 summer")
    w.ev("sop0", 0, "16:00", 30, "Summer offsite planning", org="grace", att="summer")
    # Tue 10 March
    w.ev("arc1", 1, "11:00", 30, "Architecture sync", org="ravi")
    w.ev("int1", 1, "13:30", 45, "Interview: backend candidate", org="helen")
    w.ev("nws1", 1, "14:00", 30, "Partner sync - Northwind", org="nw", att="mark")
    w.ev("rel1", 1, "16:00", 30, "Release sync", org="chase")
    # Wed 11 March
    w.ev("alh2", 2, "10:00", 60, "Eng all-hands", org="helen", proposals=False, location="Building 4 auditorium")
    w.ev("sec2", 2, "11:00", 60, "Security training", org="grace")
    w.ev("dsy2", 2, "15:30", 30, "Design sync", org="nadia")
    w.ev("apac2", 2, "17:00", 30, "APAC handoff", org="kenji")
    # Thu 12 March
    w.ev("cof3", 3, "10:00", 30, "Coffee chat with Jordan", org="jordan")
    w.ev("rmr3", 3, "13:00", 60, "Roadmap review", org="april")
    w.ev("jlr3", 3, "14:00", 60, "Jordan launch review", org="summer", att="jordan")
    w.ev("bud3", 3, "15:00", 30, "Budget sync", org="bill", cancelled=True)
    w.ev("tsd3", 3, "16:00", 60, "Tailspin demo", org="tail", att="chase")
    # Fri 13 March
    w.ev("esc4", 4, "09:30", 30, "Customer escalation - Woodgrove", org="wood", att="ravi")
    w.ev("ret4", 4, "11:00", 60, "Sprint retro", org="april")
    w.ev("hdb4", 4, "13:00", 30, "Hiring debrief", org="helen", response="declined")
    w.ev("hh4", 4, "17:30", 60, "Happy hour", org="mark")
    # Sat 14 March
    w.ev("hack5", 5, "10:00", 120, "Hackathon judging", org="chase")
    # Mon 16 March
    w.ev("pln7", 7, "10:00", 60, "Sprint planning", org="april", att="lee")
    w.ev("ada7", 7, "11:00", 60, "Adatum contract review", org="ada", att="bill")
    w.ev("mkt7", 7, "14:00", 30, "Marketing sync", org="mark")
    # Tue 17 March
    w.ev("int8", 8, "13:00", 45, "Interview: frontend candidate", org="helen")
    w.ev("bud8", 8, "15:00", 30, "Budget sync", org="bill")
    w.ev("fab8", 8, "16:00", 30, "Fabrikam follow-up", org="fab2", att="fab1")
    # Wed 18 March
    w.ev("qp9", 9, "09:30", 120, "Quarterly planning", org="helen")
    w.ev("sii9", 9, "16:00", 30, "Summer interns intro", org="summer")
    # Thu 19 March
    w.ev("rmr10", 10, "13:00", 60, "Roadmap review", org="april")
    w.ev("sec10", 10, "15:00", 60, "Security training", org="grace")
    # Fri 20 March
    w.ev("ret11", 11, "11:00", 60, "Sprint retro", org="april")
    w.ev("trd11", 11, "00:00", 1440, "Leadership training day", org="grace", all_day=True, requested=False)
    # Thu 26 March: the roadmap review two Thursdays out
    w.ev("rmr17", 17, "13:00", 60, "Roadmap review", org="april", far=True)
    # Far ahead: Tue 14 April
    w.ev("prf36", 36, "10:00", 60, "Annual performance review", org="helen", far=True)
    return w


def lon() -> World:
    """London over the EU change to summer time (Sunday 29 March 2026); en-GB."""
    w = World("lon", "Europe/London", ("Alex Morgan", "alex.morgan@contoso.com"), date(2026, 3, 23), PEOPLE)
    w.locale = "en-GB"
    w.series("std", WEEKDAYS_2, "09:30", 15, "Team standup", org="anika", att="tom lee")
    w.series("one", [1, 8], "11:00", 30, "1:1 Alex / Grace", org="grace")
    w.series("wkr", [2, 9], "14:00", 60, "Weekly review", org="helen", att="tom")
    w.series("ops", [0, 7], "10:00", 30, "Ops sync", org="tom")
    w.series("usx", [3, 10], "16:00", 30, "US sync", org="chase", att="priya")
    w.series("fri", [4, 11], "15:00", 60, "Friday wrap-up", org="anika")
    # Mon 23 March
    w.ev("kck0", 0, "11:00", 60, "Project Summer kickoff", org="summer", att="april")
    w.ev("lun0", 0, "12:30", 60, "Lunch & learn: Rust", org="lee")
    w.ev("fab0", 0, "14:00", 60, "Fabrikam onboarding", org="fab1", att="fab2")
    w.ev("hir0", 0, "16:00", 30, "Hiring sync", org="helen")
    # Tue 24 March
    w.ev("bud1", 1, "10:00", 60, "Budget review", org="bill")
    w.ev("cap1", 1, "13:00", 30, "Capacity planning", org="tom")
    w.ev("nws1", 1, "14:00", 60, "Northwind pricing call", org="nw", att="mark")
    w.ev("dsy1", 1, "16:30", 30, "Design sync", org="nadia")
    # Wed 25 March
    w.ev("arc2", 2, "10:00", 60, "Architecture forum", org="ravi")
    w.ev("lun2", 2, "12:00", 60, "Lunch with April", org="april")
    w.ev("dsy2", 2, "16:00", 30, "Design sync", org="nadia")
    w.ev("ret2", 2, "17:00", 45, "Sprint retro", org="anika", cancelled=True)
    # Thu 26 March
    w.ev("tra3", 3, "00:00", 1440, "First aid training day", org="grace", all_day=True, location="Room 2.14")
    w.ev("rmr3", 3, "10:00", 60, "Roadmap review", org="april")
    w.ev("ven3", 3, "11:30", 30, "Vendor call - Adatum", org="ada")
    w.ev("prep3", 3, "13:00", 30, "Board prep", org="me", att="helen")
    w.ev("dsy3", 3, "14:30", 30, "Design sync", org="nadia")
    # Fri 27 March
    w.ev("wsh4", 4, "10:00", 90, "Pricing workshop", org="mark", att="nw")
    w.ev("hdb4", 4, "12:00", 30, "Hiring debrief", org="helen", response="declined")
    w.ev("pub4", 4, "17:30", 90, "Leaving drinks for Tom", org="anika", location="The Crown, Borough")
    # Mon 30 March (now BST)
    w.ev("kck7", 7, "11:00", 60, "Summer campaign review", org="mark", att="summer")
    w.ev("arc7", 7, "14:00", 60, "Architecture forum", org="ravi")
    w.ev("tai7", 7, "16:00", 30, "Tailspin check-in", org="tail")
    # Tue 31 March
    w.ev("bud8", 8, "10:00", 60, "Budget review", org="bill")
    w.ev("qbr8", 8, "13:00", 90, "Woodgrove QBR", org="wood", att="bill")
    w.ev("ye8", 8, "16:00", 60, "Year-end close", org="bill")
    # Wed 1 April
    w.ev("apr9", 9, "10:00", 30, "April release go/no-go", org="april")
    w.ev("lun9", 9, "12:30", 60, "Team lunch", org="anika")
    w.ev("dsy9", 9, "16:00", 30, "Design sync", org="nadia")
    # Thu 2 April
    w.ev("rmr10", 10, "10:00", 60, "Roadmap review", org="april")
    w.ev("int10", 10, "13:00", 60, "Interview: data engineer", org="helen")
    w.ev("dsy10", 10, "14:30", 30, "Design sync", org="nadia")
    # Fri 3 April
    w.ev(
        "gf11",
        11,
        "00:00",
        1440,
        "Good Friday (office closed)",
        org="grace",
        all_day=True,
        show_as="free",
        requested=False,
    )
    w.ev("ret11", 11, "11:00", 60, "Sprint retro", org="anika")
    w.ev("hh11", 11, "17:00", 60, "Pub quiz", org="tom")
    # Far: Thu 14 May
    w.ev("prf52", 52, "15:00", 60, "Mid-year review", org="helen", far=True)
    return w


def ber() -> World:
    """Berlin the week after Europe left summer time (25 Oct 2026); the US still on daylight time until 1 Nov."""
    w = World("ber", "Europe/Berlin", ("Jonas Weber", "jonas.weber@contoso.com"), date(2026, 10, 26), PEOPLE)
    w.locale = "de-DE"
    w.series("std", WEEKDAYS_2, "09:15", 15, "Daily", org="anika", att="tom")
    w.series("jf", [0, 7], "10:00", 60, "Jour fixe", org="tom", att="anika")
    w.series("one", [2, 9], "11:00", 30, "1:1 Jonas / Anika", org="anika")
    w.series("usx", [1, 3, 8, 10], "17:00", 30, "US sync", org="chase", att="priya")
    w.series("arc", [4, 11], "14:00", 60, "Architecture review", org="ravi")
    # Mon 26 Oct
    w.ev("lun0", 0, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("fab0", 0, "14:00", 60, "Fabrikam Workshop", org="fab1", att="fab2")
    w.ev("pln0", 0, "15:30", 60, "Sprint planning", org="anika")
    # Tue 27 Oct
    w.ev("bud1", 1, "10:00", 60, "Budget review", org="bill")
    w.ev("lun1", 1, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("lit1", 1, "14:00", 60, "Litware integration", org="litw", att="kenji")
    w.ev("dsy1", 1, "15:30", 30, "Design sync", org="nadia")
    # Wed 28 Oct
    w.ev("lun2", 2, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("sec2", 2, "14:00", 60, "Security training", org="grace")
    w.ev("dsy2", 2, "15:30", 30, "Design sync", org="nadia")
    w.ev("rev2", 2, "16:00", 60, "Code review session", org="tom")
    # Thu 29 Oct
    w.ev("rmr3", 3, "10:00", 60, "Roadmap review", org="april")
    w.ev("lun3", 3, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("nw3", 3, "14:00", 60, "Northwind Abstimmung", org="nw")
    w.ev("hir3", 3, "15:30", 30, "Hiring sync", org="helen", response="tentativelyAccepted")
    # Fri 30 Oct
    w.ev("ret4", 4, "10:00", 60, "Sprint retro", org="anika")
    w.ev("lun4", 4, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("hh4", 4, "17:00", 60, "Feierabendbier", org="tom")
    # Sat 31 Oct
    w.ev("hal5", 5, "19:00", 180, "Halloween party", org="summer")
    # Mon 2 Nov
    w.ev("lun7", 7, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("qbr7", 7, "14:00", 90, "Woodgrove QBR", org="wood", att="bill")
    # Tue 3 Nov
    w.ev("lun8", 8, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("bud8", 8, "10:00", 60, "Budget review", org="bill")
    w.ev("dsy8", 8, "15:30", 30, "Design sync", org="nadia")
    # Wed 4 Nov
    w.ev("lun9", 9, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dsy9", 9, "15:30", 30, "Design sync", org="nadia")
    w.ev("tai9", 9, "16:00", 60, "Tailspin Review", org="tail")
    # Thu 5 Nov
    w.ev("lun10", 10, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("rmr10", 10, "10:00", 60, "Roadmap review", org="april")
    # Fri 6 Nov
    w.ev("lun11", 11, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("ret11", 11, "10:00", 60, "Sprint retro", org="anika")
    w.pad("08:00")
    return w


def blr() -> World:
    """Bengaluru over the year end (Mon 28 Dec 2026 - Fri 8 Jan 2027); en-IN."""
    w = World("blr", "Asia/Kolkata", ("Meera Pillai", "meera.pillai@contoso.com"), date(2026, 12, 28), PEOPLE)
    w.locale = "en-IN"
    w.series("scr", [0, 1, 2, 3, 7, 8, 9, 10, 11], "10:00", 15, "Scrum", org="rahul", att="deepa")
    w.series("one", [1, 8], "11:30", 30, "Meera <> Deepa 1:1", org="deepa")
    w.series("usx", [0, 2, 7, 9], "20:30", 60, "US overlap call", org="chase", att="priya")
    w.series("wsr", [3, 10], "16:00", 60, "Weekly status review", org="rahul")
    # Mon 28 Dec
    w.ev("plan0", 0, "11:00", 60, "Q1 planning", org="helen", att="rahul")
    w.ev("lun0", 0, "13:00", 45, "Team lunch", org="deepa")
    w.ev("ada0", 0, "15:00", 60, "Adatum requirements walkthrough", org="ada", att="rahul")
    w.ev("kt0", 0, "17:00", 30, "KT session", org="rahul")
    # Tue 29 Dec
    w.ev("rev1", 1, "14:00", 60, "Code review", org="rahul")
    w.ev("fab1", 1, "15:30", 60, "Fabrikam sync", org="fab1", att="fab2")
    w.ev("kt1", 1, "17:00", 30, "KT session", org="rahul")
    w.ev("apc1", 1, "18:30", 30, "APAC leads call", org="kenji")
    # Wed 30 Dec
    w.ev("dr2", 2, "11:00", 60, "Design review", org="nadia")
    w.ev("pr2", 2, "14:30", 30, "PR walkthrough", org="deepa")
    w.ev("hr2", 2, "16:00", 30, "HR connect", org="grace", response="declined")
    w.ev("kt2", 2, "17:00", 30, "KT session", org="rahul", cancelled=True)
    # Thu 31 Dec
    w.ev("dr3", 3, "11:00", 60, "Design review", org="nadia")
    w.ev("rel3", 3, "14:00", 60, "Release readiness", org="ravi")
    w.ev("nye3", 3, "18:00", 120, "New Year's Eve party", org="deepa")
    w.ev("ye3", 3, "12:00", 30, "Year-end wrap", org="me", att="rahul deepa")
    # Fri 1 Jan: holiday
    w.ev(
        "hol4", 4, "00:00", 1440, "New Year's Day (holiday)", org="grace", all_day=True, show_as="free", requested=False
    )
    # Mon 4 Jan
    w.ev("kck7", 7, "11:00", 60, "2027 kickoff", org="helen")
    w.ev("lun7", 7, "13:00", 45, "Team lunch", org="deepa")
    w.ev("tai7", 7, "15:00", 60, "Tailspin onboarding", org="tail", att="rahul")
    w.ev("kt7", 7, "17:00", 30, "KT session", org="rahul")
    # Tue 5 Jan
    w.ev("rev8", 8, "14:00", 60, "Code review", org="rahul")
    w.ev("fab8", 8, "15:30", 60, "Fabrikam sync", org="fab1", att="fab2")
    w.ev("apc8", 8, "18:30", 30, "APAC leads call", org="kenji")
    # Wed 6 Jan
    w.ev("dr9", 9, "11:00", 60, "Design review", org="nadia")
    w.ev("sec9", 9, "14:00", 60, "Security training", org="grace")
    w.ev("apr9", 9, "16:00", 30, "Appraisal discussion", org="rahul")
    # Thu 7 Jan
    w.ev("dr10", 10, "11:00", 60, "Design review", org="nadia")
    w.ev("rmr10", 10, "14:00", 60, "Roadmap review", org="april")
    # Fri 8 Jan
    w.ev("ret11", 11, "12:00", 60, "Sprint retro", org="rahul")
    w.ev("fun11", 11, "16:00", 60, "Fun Friday", org="deepa")
    w.ev("pln11", 11, "14:00", 60, "Sprint planning", org="rahul")
    # Far: Tue 9 Feb
    w.ev("prf43", 43, "15:00", 60, "Performance review", org="rahul", far=True)
    w.pad("09:00")
    return w


def tyo() -> World:
    """Tokyo at the end of August 2027 (Japan has no DST; the US and Europe are on summer time)."""
    w = World("tyo", "Asia/Tokyo", ("Haruto Mori", "haruto.mori@contoso.com"), date(2027, 8, 23), PEOPLE)
    w.locale = None
    w.series("asa", WEEKDAYS_2, "09:30", 15, "Morning standup", org="yuki", att="kenji")
    w.series("lun", WEEKDAYS_2, "12:00", 60, "Lunch", org="me", show_as="free")
    w.series("one", [0, 7], "15:00", 30, "1:1 Haruto / Kenji", org="kenji")
    w.series("glb", [1, 8], "08:00", 60, "Global sync", org="chase", att="priya anika")
    w.series("wkr", [3, 10], "14:00", 60, "Weekly review", org="yuki")
    w.ev("lit0", 0, "10:00", 60, "Litware partnership", org="litw")
    w.ev("dsy0", 0, "16:00", 30, "Design sync", org="nadia")
    w.ev("hir1", 1, "11:00", 60, "Hiring sync", org="helen")
    w.ev("sec1", 1, "14:00", 60, "Security review", org="grace")
    w.ev("dsy1", 1, "16:00", 30, "Design sync", org="nadia")
    w.ev("bud2", 2, "10:00", 60, "Budget review", org="bill")
    w.ev("eu2", 2, "17:00", 60, "EU handoff", org="anika")
    w.ev("sec2", 2, "14:00", 60, "Security review", org="grace", cancelled=True)
    w.ev("rmr3", 3, "10:00", 60, "Roadmap review", org="april")
    w.ev("tai3", 3, "16:00", 30, "Tailspin demo", org="tail")
    w.ev("ret4", 4, "10:00", 60, "Sprint retro", org="yuki")
    w.ev("fab4", 4, "14:00", 60, "Fabrikam QBR", org="fab1", att="fab2")
    w.ev("nom4", 4, "18:30", 120, "Nomikai", org="kenji")
    w.ev("pln7", 7, "10:00", 60, "Sprint planning", org="yuki")
    w.ev("dsy7", 7, "16:00", 30, "Design sync", org="nadia")
    w.ev("bud8", 8, "10:00", 60, "Budget review", org="bill")
    w.ev("dsy8", 8, "16:00", 30, "Design sync", org="nadia")
    w.ev("mon9", 9, "10:00", 60, "Month start review", org="yuki")
    w.ev("eu9", 9, "17:00", 60, "EU handoff", org="anika")
    w.ev("rmr10", 10, "10:00", 60, "Roadmap review", org="april")
    w.ev("ret11", 11, "10:00", 60, "Sprint retro", org="yuki")
    w.pad("08:30")
    return w


def akl() -> World:
    """Auckland the week New Zealand leaves daylight time (Sunday 4 April 2027)."""
    w = World("akl", "Pacific/Auckland", ("Sam Walker", "sam.walker@contoso.com"), date(2027, 3, 29), PEOPLE)
    w.locale = "en-AU"
    w.series("std", WEEKDAYS_2, "08:45", 15, "Standup", org="aroha", att="tom")
    w.series("one", [1, 8], "10:00", 30, "Sam / Aroha 1:1", org="aroha")
    w.series("usx", [0, 3, 7, 10], "09:00", 45, "US sync", org="chase", att="priya")
    w.series("wrp", [4, 11], "16:00", 30, "Weekly wrap", org="aroha")
    w.ev("lun0", 0, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("rmr0", 0, "13:00", 60, "Roadmap review", org="april")
    w.ev("fab0", 0, "15:00", 30, "Fabrikam catch-up", org="fab1")
    w.ev("lun1", 1, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("bud1", 1, "14:00", 60, "Budget review", org="bill")
    w.ev("ukx1", 1, "20:00", 60, "UK sync", org="anika", att="tom")
    w.ev("lun2", 2, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dr2", 2, "11:00", 60, "Design review", org="nadia")
    w.ev("sum2", 2, "14:00", 60, "Summer retro", org="summer")
    w.ev("kt2", 2, "15:30", 30, "Knowledge share", org="tom")
    w.ev("lun3", 3, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dr3", 3, "11:00", 60, "Design review", org="nadia")
    w.ev("qbr3", 3, "14:00", 60, "Woodgrove QBR", org="wood")
    w.ev("eas4", 4, "00:00", 1440, "Good Friday", org="grace", all_day=True, show_as="free", requested=False)
    w.ev("wrp4x", 4, "14:00", 30, "Release check", org="tom")
    w.ev("lun7", 7, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("rmr7", 7, "13:00", 60, "Roadmap review", org="april")
    w.ev("lun8", 8, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("bud8", 8, "14:00", 60, "Budget review", org="bill")
    w.ev("ukx8", 8, "20:00", 60, "UK sync", org="anika", att="tom")
    w.ev("lun9", 9, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dr9", 9, "11:00", 60, "Design review", org="nadia")
    w.ev("lun10", 10, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("lun11", 11, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("rel11", 11, "14:00", 30, "Release check", org="tom")
    w.pad("07:30")
    return w


def hnl() -> World:
    """Honolulu at the January 2027 month end (Hawaii has no DST)."""
    w = World("hnl", "Pacific/Honolulu", ("Kai Akana", "kai.akana@contoso.com"), date(2027, 1, 25), PEOPLE)
    w.locale = None
    w.series("std", WEEKDAYS_2, "07:30", 15, "Standup", org="keoni", att="lee")
    w.series("one", [2, 9], "10:00", 30, "Kai / Keoni 1:1", org="keoni")
    w.series("mgr", [0, 7], "06:00", 60, "Mainland staff meeting", org="helen")
    w.ev("cus0", 0, "09:00", 60, "Customer call - Northwind", org="nw")
    w.ev("lun0", 0, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("dsy0", 0, "13:00", 30, "Design sync", org="nadia")
    w.ev("dsy1", 1, "08:00", 30, "Design sync", org="nadia")
    w.ev("lun1", 1, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("bud1", 1, "13:00", 60, "Budget review", org="bill")
    w.ev("cus1", 1, "14:00", 30, "Customer call - Adatum", org="ada")
    w.ev("lun2", 2, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("rmr2", 2, "13:00", 60, "Roadmap review", org="april")
    w.ev("mon2", 2, "15:00", 30, "Month-end close", org="bill")
    w.ev("lun3", 3, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("dsy3", 3, "08:00", 30, "Design sync", org="nadia")
    w.ev("fab3", 3, "09:00", 60, "Fabrikam QBR", org="fab1", att="fab2")
    w.ev("mon3", 3, "15:00", 30, "Month-end close", org="bill")
    w.ev("lun4", 4, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("ret4", 4, "10:00", 60, "Sprint retro", org="keoni")
    w.ev("pau4", 4, "16:00", 60, "Pau hana", org="keoni")
    w.ev("lun7", 7, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("pln7", 7, "09:00", 60, "Sprint planning", org="keoni")
    w.ev("dsy7", 7, "13:00", 30, "Design sync", org="nadia")
    w.ev("lun8", 8, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("bud8", 8, "13:00", 60, "Budget review", org="bill")
    w.ev("lun9", 9, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("rmr9", 9, "13:00", 60, "Roadmap review", org="april")
    w.ev("lun10", 10, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("dsy10", 10, "08:00", 30, "Design sync", org="nadia")
    w.ev("lun11", 11, "11:30", 60, "Lunch", org="me", show_as="free")
    w.ev("ret11", 11, "10:00", 60, "Sprint retro", org="keoni")
    w.pad("06:30")
    return w


def utc() -> World:
    """A mailbox kept in UTC, over the June/July 2026 month end."""
    w = World("utc", "UTC", ("Robin Silva", "robin.silva@contoso.com"), date(2026, 6, 29), PEOPLE)
    w.locale = "en-US"
    w.series("std", WEEKDAYS_2, "08:00", 15, "Ops standup", org="tom", att="lee")
    w.series("inc", [0, 2, 4, 7, 9, 11], "10:00", 30, "Incident review", org="ravi")
    w.series("one", [1, 8], "13:00", 30, "Robin / Tom 1:1", org="tom")
    w.ev("lun0", 0, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("cap0", 0, "14:00", 60, "Capacity review", org="ravi")
    w.ev("usx0", 0, "17:00", 30, "US handoff", org="chase")
    w.ev("lun1", 1, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("q2c1", 1, "15:00", 60, "Q2 close-out", org="bill")
    w.ev("usx1", 1, "17:00", 30, "US handoff", org="chase")
    w.ev("soc1", 1, "19:30", 60, "Team social", org="tom")
    w.ev("lun2", 2, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("q3k2", 2, "14:00", 90, "Q3 kickoff", org="helen", proposals=False)
    w.ev("usx2", 2, "17:00", 30, "US handoff", org="chase")
    w.ev("lun3", 3, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dr3", 3, "14:00", 60, "Design review", org="nadia")
    w.ev("usx3", 3, "17:00", 30, "US handoff", org="chase")
    w.ev("lun4", 4, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("ret4", 4, "14:00", 60, "Sprint retro", org="tom")
    w.ev("lun7", 7, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("usx7", 7, "17:00", 30, "US handoff", org="chase")
    w.ev("lun8", 8, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("usx8", 8, "17:00", 30, "US handoff", org="chase")
    w.ev("lun9", 9, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dr9", 9, "14:00", 60, "Design review", org="nadia")
    w.ev("lun10", 10, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("dr10", 10, "14:00", 60, "Design review", org="nadia")
    w.ev("lun11", 11, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("ret11", 11, "14:00", 60, "Sprint retro", org="tom")
    w.pad("07:00")
    return w


def nyc() -> World:
    """New York the week the US leaves daylight time (Sunday 7 Nov 2027; Europe left on 31 Oct)."""
    w = World("nyc", "America/New_York", ("Chris Doyle", "chris.doyle@contoso.com"), date(2027, 11, 1), PEOPLE)
    w.locale = "en-US"
    w.series("std", WEEKDAYS_2, "09:30", 15, "Standup", org="mark", att="lee")
    w.series("one", [1, 8], "11:00", 30, "Chris / Mark 1:1", org="mark")
    w.series("lon", [0, 2, 4, 7, 9, 11], "10:00", 30, "London sync", org="anika", att="tom")
    w.series("wkr", [3, 10], "14:00", 60, "Weekly review", org="helen")
    w.ev("lun0", 0, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("mkt0", 0, "14:00", 30, "Marketing sync", org="mark")
    w.ev("sf0", 0, "16:00", 60, "SF product sync", org="priya")
    w.ev("lun1", 1, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("bud1", 1, "14:00", 60, "Budget review", org="bill")
    w.ev("bil1", 1, "15:30", 30, "Billing sync", org="bill")
    w.ev("lun2", 2, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("wdg2", 2, "13:00", 60, "Woodgrove pitch", org="wood", att="bill")
    w.ev("sf2", 2, "16:00", 60, "SF product sync", org="priya")
    w.ev("lun3", 3, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("sum3", 3, "16:00", 30, "Summer's farewell", org="april", att="summer")
    w.ev("lun4", 4, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("ret4", 4, "14:00", 60, "Sprint retro", org="mark")
    w.ev("tky4", 4, "19:00", 30, "Tokyo sync", org="kenji")
    w.ev("lun7", 7, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("mkt7", 7, "14:00", 30, "Marketing sync", org="mark")
    w.ev("lun8", 8, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("bud8", 8, "14:00", 60, "Budget review", org="bill")
    w.ev("lun9", 9, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("sf9", 9, "16:00", 60, "SF product sync", org="priya")
    w.ev("lun10", 10, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("lun11", 11, "12:00", 60, "Lunch", org="me", show_as="free")
    w.ev("ret11", 11, "14:00", 60, "Sprint retro", org="mark")
    w.pad("08:00")
    return w
