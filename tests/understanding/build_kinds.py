"""Writes tests/understanding/kinds.jsonl: the development cases for the eleven kinds of issue 13.

Each case carries a `kind` (zones, anchors, dates, people, series, several, intents, notes,
proposals, state, messy) and the full `expect` of the understanding contract, written as what a
sensible person means rather than what the parser does. Calendars come from kinds_worlds.py.
Rules used where the issue and the contract's examples leave room:
- a meeting that is cancelled, already declined (for a decline), over, or the user's own (for
  a decline/accept) is not acted on: `none` with no ids when nothing else fits; "cancel" on an
  invitation means decline, on the user's own meeting cancel;
- "decline everything …" spans leave out the user's own, cancelled and already declined events;
- a subject named without a day means its next occurrence that can still be answered;
- a proposal ("… and suggest 5pm") names only the meeting declined; the proposed time is not a
  comment;
- a trailing reason ("…, I'm sick", "because …") is a comment; venting and asides are not.
`python -m tests.understanding.build_kinds` rewrites the file and fails on any inconsistent case;
`--blind FILE.py OUT.jsonl` builds a set from case definitions kept outside the repository.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from tests.understanding.kinds_world import Case, check_case, check_world, to_json
from tests.understanding.kinds_worlds import akl, ber, blr, hnl, lon, nyc, sea, tyo, utc

OUT = Path(__file__).with_name("kinds.jsonl")
KINDS = [
    "zones",
    "anchors",
    "dates",
    "people",
    "series",
    "several",
    "intents",
    "notes",
    "proposals",
    "state",
    "messy",
]
NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}")


def dev_cases() -> list[Case]:
    SEA, LON, BER, BLR, TYO, AKL, HNL, UTC, NYC = sea(), lon(), ber(), blr(), tyo(), akl(), hnl(), utc(), nyc()
    cases: list[Case] = []

    def c(kind: str, w, now: str, utt: str, expect: str, **kw) -> None:
        cases.append(Case(kind, w, now, utt, expect, **kw))

    # 1. Zones: a named zone is converted with its DST state on that date.
    z = "zones"
    c(z, SEA, "1 08:00", "decline my 1pm Eastern", "decline matched one1", zone=("13:00", "America/New_York"))
    c(z, SEA, "1 08:00", "decline the 6pm London time call", "decline matched arc1", zone=("18:00", "Europe/London"))
    c(
        z,
        SEA,
        "2 07:30",
        "can't make the 19:00 CET meeting today",
        "decline matched sec2",
        zone=("19:00", "Europe/Berlin"),
    )
    c(z, SEA, "2 07:30", "decline the 5pm UTC call", "decline matched alh2", zone=("17:00", "UTC"))
    c(z, SEA, "2 16:00", "decline my noon ET tomorrow", "decline matched std3", zone=("12:00", "America/New_York"))
    c(z, SEA, "4 10:00", "decline the 6pm GMT call on Monday", "decline matched ada7", zone=("18:00", "Europe/London"))
    c(z, SEA, "0 15:00", "decline the 16:00 CET meeting tomorrow", "decline none", note="08:00 PDT: nothing then")
    c(z, LON, "1 08:30", "decline the 10am ET call", "decline matched nws1", zone=("10:00", "America/New_York"))
    c(
        z,
        LON,
        "7 09:00",
        "decline the 11am Eastern on Tuesday",
        "decline matched ye8",
        zone=("11:00", "America/New_York"),
    )
    c(
        z,
        LON,
        "0 08:30",
        "decline the 9am PT meeting on Thursday",
        "decline matched usx3",
        zone=("09:00", "America/Los_Angeles"),
    )
    c(z, LON, "7 09:00", "decline 16:00 CEST on Wed", "decline none", note="15:00 BST: nothing starts then")
    c(
        z,
        LON,
        "1 09:00",
        "decline the 17:00 CET meeting on Wednesday",
        "decline matched dsy2",
        zone=("17:00", "Europe/Berlin"),
    )
    c(z, BER, "1 08:00", "decline the noon ET call", "decline matched usx1", zone=("12:00", "America/New_York"))
    c(
        z,
        BER,
        "7 08:00",
        "decline the 11am ET call on Tuesday",
        "decline matched usx8",
        zone=("11:00", "America/New_York"),
    )
    c(
        z,
        BER,
        "2 08:00",
        "decline the 9am pacific time meeting on thursday",
        "decline matched usx3",
        zone=("09:00", "America/Los_Angeles"),
    )
    c(z, BER, "3 08:00", "decline the 14:30 UK time one", "decline matched hir3", zone=("14:30", "Europe/London"))
    c(
        z,
        BLR,
        "1 10:30",
        "decline the 10am EST call tomorrow",
        "decline matched usx2",
        zone=("10:00", "America/New_York"),
    )
    c(
        z,
        BLR,
        "2 09:00",
        "decline 7am PST meeting on Monday",
        "decline matched usx7",
        zone=("07:00", "America/Los_Angeles"),
    )
    c(z, BLR, "3 09:00", "decline my 4pm IST", "decline matched wsr3", zone=("16:00", "Asia/Kolkata"))
    c(
        z,
        BLR,
        "0 09:00",
        "decline the 12:30 CET call tomorrow",
        "decline matched kt1",
        zone=("12:30", "Europe/Berlin"),
    )
    c(z, TYO, "2 09:00", "decline the 9am UK time handoff", "decline matched eu2", zone=("09:00", "Europe/London"))
    c(
        z,
        TYO,
        "0 09:00",
        "decline the 4pm Pacific meeting",
        "decline matched glb1",
        zone=("16:00", "America/Los_Angeles"),
    )
    c(z, AKL, "0 08:00", "decline my 1pm Sydney time", "decline matched fab0", zone=("13:00", "Australia/Sydney"))
    c(
        z,
        AKL,
        "7 08:00",
        "decline the 11am Sydney time meeting",
        "decline matched rmr7",
        zone=("11:00", "Australia/Sydney"),
    )
    c(z, AKL, "1 09:00", "decline the 8am BST call", "decline matched ukx1", zone=("08:00", "Europe/London"))
    c(z, HNL, "0 06:30", "decline the 9:30 Pacific", "decline matched std0", zone=("09:30", "America/Los_Angeles"))
    c(z, HNL, "0 06:30", "decline the 2pm Eastern call tomorrow", "decline none", note="09:00 HST: nothing then")
    c(
        z,
        HNL,
        "0 06:30",
        "decline the 2pm Eastern Thursday",
        "decline matched fab3",
        zone=("14:00", "America/New_York"),
    )
    c(z, NYC, "0 08:00", "decline the 2pm London time call", "decline matched lon0", zone=("14:00", "Europe/London"))
    c(
        z,
        NYC,
        "4 08:00",
        "decline the 3pm UK time meeting on Monday",
        "decline matched lon7",
        zone=("15:00", "Europe/London"),
    )
    c(z, NYC, "0 08:00", "decline the 1pm PT call", "decline matched sf0", zone=("13:00", "America/Los_Angeles"))
    c(z, NYC, "4 08:00", "decline the 8am Tokyo time call", "decline matched tky4", zone=("08:00", "Asia/Tokyo"))
    c(
        z,
        UTC,
        "0 07:30",
        "decline my 3:30pm IST",
        "decline matched inc0",
        zone=("15:30", "Asia/Kolkata"),
        note="India reading hits the incident review; the Irish reading (14:30 UTC) hits nothing",
    )
    c(
        z,
        UTC,
        "1 09:00",
        "decline the 8:30pm IST",
        "decline ambiguous q2c1 soc1",
        note="India 15:00 UTC vs Irish Standard Time 19:30 UTC",
    )
    c(z, UTC, "0 07:30", "decline the 10am Pacific", "decline matched usx0", zone=("10:00", "America/Los_Angeles"))
    c(
        z,
        UTC,
        "0 07:30",
        "decline the 1pm ET handoff on Tuesday",
        "decline matched usx1",
        zone=("13:00", "America/New_York"),
    )

    c(z, NYC, "0 08:00", "decline the 1pm CT call", "decline matched mkt0", zone=("13:00", "America/Chicago"))
    c(z, SEA, "1 08:00", "decline the 10am MT meeting", "decline matched std1", zone=("10:00", "America/Denver"))
    c(z, AKL, "0 08:00", "decline the 1pm AEDT call", "decline matched fab0", zone=("13:00", "Australia/Sydney"))

    # 2. References anchored on now or on another meeting.
    a = "anchors"
    c(a, SEA, "1 09:40", "decline my next meeting", "decline matched one1")
    c(a, SEA, "1 11:10", "decline the meeting I'm in right now", "decline matched arc1")
    c(a, SEA, "1 13:40", "decline the meeting I'm in", "decline matched int1")
    c(a, SEA, "1 14:05", "decline the one I'm in now", "decline ambiguous int1 nws1", note="two overlap now")
    c(a, SEA, "0 09:00", "decline my meeting in an hour", "decline matched pln0")
    c(a, SEA, "2 09:00", "decline whatever I have in 2 hours", "decline matched sec2")
    c(a, SEA, "3 08:00", "decline the one after lunch", "decline matched rmr3")
    c(a, SEA, "2 08:00", "decline the call before the all-hands", "decline matched std2")
    c(a, SEA, "4 10:00", "decline the last one today", "decline matched hh4")
    c(a, SEA, "2 08:00", "decline my last meeting today", "decline matched apac2")
    c(a, SEA, "0 17:00", "decline my first meeting tomorrow", "decline matched std1")
    c(a, SEA, "1 08:00", "decline the meeting after the standup", "decline matched one1")
    c(a, SEA, "2 08:00", "decline whatever comes right after the design review", "decline matched dsy2")
    c(a, SEA, "5 13:00", "decline my next meeting", "decline matched std7", note="Saturday: next is Monday")
    c(a, LON, "2 11:30", "decline my next meeting", "decline matched lun2")
    c(a, LON, "0 14:20", "decline the meeting I'm currently in", "decline matched fab0")
    c(a, LON, "1 12:30", "decline my meeting in 30 mins", "decline matched cap1")
    c(a, LON, "1 08:00", "decline the one after the budget review", "decline matched one1")
    c(a, LON, "1 17:00", "decline the meeting before lunch tomorrow", "decline matched arc2")
    c(a, LON, "3 09:00", "decline my last meeting on Friday", "decline matched pub4")
    c(a, BER, "4 16:30", "decline my next meeting", "decline matched hh4")
    c(a, BER, "1 08:00", "decline the meeting after lunch", "decline matched lit1")
    c(a, BLR, "3 12:10", "decline my next meeting", "decline matched rel3", note="own wrap-up in progress")
    c(a, BLR, "3 09:00", "decline the one before the NYE party", "decline matched wsr3")
    c(a, HNL, "1 07:40", "decline the meeting in 20 minutes", "decline matched dsy1")
    c(a, TYO, "0 10:20", "decline the meeting I'm in right now", "decline matched lit0")
    c(a, TYO, "2 15:30", "decline my next meeting", "decline matched eu2")
    c(a, NYC, "3 15:10", "decline my next meeting", "decline matched sum3")
    c(a, NYC, "4 15:30", "decline the last one today", "decline matched tky4")
    c(a, UTC, "1 13:10", "decline the meeting I'm in", "decline matched one1")
    c(a, AKL, "1 15:00", "decline my next meeting", "decline matched ukx1")
    c(a, AKL, "6 20:00", "decline my first meeting tomorrow", "decline matched std7", note="Sunday of the NZ change")

    # 3. Dates.
    d = "dates"
    c(d, SEA, "2 10:00", "decline the roadmap review next Thursday", "decline ambiguous rmr3 rmr10")
    c(d, SEA, "0 08:00", "decline the sprint retro next Friday", "decline ambiguous ret4 ret11")
    c(
        d,
        SEA,
        "0 08:00",
        "decline the roadmap review the Thursday after next",
        "decline ambiguous rmr10 rmr17",
        note="said on a Monday: the 19th or the 26th, as 'next Thursday' is the 12th or the 19th",
    )
    c(d, SEA, "0 08:00", "decline my 1:1 with Omar a week from Tuesday", "decline matched one8")
    c(d, SEA, "1 08:00", "decline the budget sync a week from today", "decline matched bud8")
    c(d, LON, "0 08:00", "decline the roadmap review on 2/4", "decline matched rmr10", note="en-GB: 2 April")
    c(d, BER, "1 08:00", "decline the design sync on 4.11.", "decline matched dsy9")
    c(d, BER, "1 08:00", "decline the 10:00 on 3.11", "decline matched bud8")
    c(d, SEA, "4 08:00", "decline my 11am on 3/16", "decline matched ada7")
    c(d, BLR, "1 09:00", "decline the design review on 7/1", "decline matched dr10", note="en-IN: 7 January")
    c(d, BLR, "0 09:00", "decline the code review on 05/01", "decline matched rev8")
    c(d, HNL, "1 08:00", "decline the design sync on the 4th", "decline matched dsy10")
    c(d, TYO, "0 08:00", "decline the budget review on the 31st", "decline matched bud8")
    c(d, UTC, "1 08:00", "decline the design review on the 9th", "decline matched dr10")
    c(d, SEA, "1 08:00", "decline my performance review in April", "decline matched prf36")
    c(d, BLR, "2 09:00", "decline my performance review in February", "decline matched prf43")
    c(d, LON, "1 08:00", "decline the mid-year review in May", "decline matched prf52")
    c(d, BER, "0 08:00", "decline the 1530 tomorrow", "decline matched dsy1")
    c(d, BER, "1 08:00", "decline the 9 15 daily on friday", "decline matched std4")
    c(d, BER, "0 08:00", "decline the 14h on Wednesday", "decline matched sec2")
    c(d, LON, "0 08:00", "decline the 1300 on Tuesday", "decline matched cap1")
    c(d, NYC, "1 23:45", "decline my 9:30 tomorrow", "decline matched std2")
    c(d, SEA, "5 11:00", "decline Monday's sprint planning", "decline matched pln7")
    c(d, SEA, "5 11:00", "decline the sprint retro on Friday", "decline matched ret11")
    c(d, SEA, "2 08:00", "decline the sprint retro this Friday", "decline matched ret4")
    c(d, LON, "2 08:00", "decline my 10am the day after tomorrow", "decline matched wsh4")
    c(d, BLR, "3 23:30", "decline the code review on Tuesday", "decline matched rev8")
    c(d, TYO, "4 23:50", "decline my 10am on Monday", "decline matched pln7")
    c(d, HNL, "4 15:00", "decline the 1pm on Monday the 1st", "decline matched dsy7")
    c(d, AKL, "2 08:00", "decline the 2pm on Tuesday the 6th", "decline matched bud8")
    c(d, SEA, "0 08:00", "decline the meeting on 3/10 at 10", "decline matched one1", note="en-US: 10 March")
    c(d, HNL, "1 08:00", "decline the roadmap review on the 3rd", "decline matched rmr9", note="3 February")
    c(d, LON, "6 10:00", "decline tomorrow's ops sync", "decline matched ops7", note="said on the DST Sunday")
    c(d, SEA, "2 02:30", "decline my 9am", "decline matched std2", note="said in the night: today's 9am")

    # 4. People and subjects.
    p = "people"
    c(p, SEA, "0 08:00", "decline the meeting Helen set up tomorrow", "decline matched int1")
    c(p, SEA, "0 08:00", "decline the Fabrikam meeting today", "decline matched fab0")
    c(p, SEA, "0 08:00", "decline the Fabrikam follow-up", "decline matched fab8")
    c(p, SEA, "0 08:00", "decline my 1:1 with Omar this week", "decline matched one1")
    c(p, SEA, "1 08:00", "decline the meeting with the Northwind folks", "decline matched nws1")
    c(p, SEA, "2 08:00", "decline the escalation call with Woodgrove", "decline matched esc4")
    c(p, SEA, "4 12:00", "decline the meeting with Adatum", "decline matched ada7")
    c(p, SEA, "3 08:00", "decline the meeting with Jordan", "decline ambiguous cof3 jlr3")
    c(p, SEA, "3 08:00", "decline Jordan's coffee chat", "decline matched cof3")
    c(
        p,
        SEA,
        "0 08:00",
        "decline the meeting Summer organized",
        "decline ambiguous jlr3 sii9",
        note="the two she organizes; she only attends the offsite planning",
    )
    c(p, SEA, "0 08:00", "decline the summer offsite planning", "decline matched sop0")
    c(p, SEA, "1 08:00", "decline my meeting with Bill on Thursday", "decline matched bil3")
    c(p, SEA, "2 08:00", "decline the meeting with Kenji", "decline matched apac2")
    c(p, SEA, "0 08:00", "decline my meeting with Rahul", "decline none", note="Rahul is on no meeting")
    c(p, SEA, "8 08:00", "decline the training day on Friday", "decline matched trd11")
    c(p, LON, "1 09:00", "decline the first aid training", "decline matched tra3")
    c(p, LON, "1 08:00", "decline the meeting Mark set up", "decline ambiguous wsh4 kck7")
    c(p, LON, "1 08:00", "decline the call with Maya", "decline ambiguous nws1 wsh4")
    c(p, LON, "0 08:00", "decline the meeting with Summer", "decline ambiguous kck0 kck7")
    c(p, LON, "1 08:00", "decline lunch with April", "decline matched lun2")
    c(p, LON, "1 08:00", "decline my 1:1 with Grace", "decline matched one1")
    c(p, BER, "0 08:00", "decline the meeting with the Litware guys", "decline matched lit1")
    c(p, BER, "1 08:00", "decline the one Chase organizes on Thursday", "decline matched usx3")
    c(p, BLR, "0 08:00", "decline the meeting with the Adatum team", "decline matched ada0")
    c(p, BLR, "0 09:00", "decline Deepa's meeting on Wednesday", "decline matched pr2")
    c(p, BLR, "0 09:00", "decline the meeting with Yuki", "decline none", note="Yuki is on no meeting here")
    c(p, NYC, "0 08:00", "decline the meeting with Woodgrove", "decline matched wdg2")
    c(p, HNL, "0 07:00", "decline the call with Northwind", "decline matched cus0")
    c(p, AKL, "0 08:00", "decline the Woodgrove meeting", "decline matched qbr3")
    c(p, TYO, "0 08:00", "decline the call with Hana from Litware", "decline matched lit0")

    # 5. Series vs occurrence.
    s = "series"
    c(s, SEA, "0 08:00", "decline all the design reviews", "decline matched @dr")
    c(s, SEA, "0 08:00", "decline the design review from now on", "decline matched @dr")
    c(s, SEA, "0 08:00", "decline just this week's design review", "decline matched dr2")
    c(s, SEA, "0 08:00", "decline only Wednesday's design review", "decline matched dr2")
    c(s, SEA, "0 08:00", "decline the weekly metrics review, only this one", "decline matched wmr0")
    c(s, SEA, "0 08:00", "please decline the billing sync, the whole series", "decline matched @bil")
    c(s, SEA, "0 08:00", "decline every standup", "decline matched @std")
    c(s, SEA, "0 17:00", "decline the standup tomorrow", "decline matched std1")
    c(s, SEA, "0 08:00", "decline all future demo hours", "decline matched @dem")
    c(s, SEA, "0 08:00", "decline the 1:1s with Omar going forward", "decline matched @one")
    c(s, SEA, "0 08:00", "decline next week's billing sync", "decline matched bil10")
    c(s, LON, "0 08:00", "decline the weekly review", "decline matched wkr2", note="'weekly' is the title")
    c(s, LON, "0 08:00", "decline all the Tuesday 1:1s with Grace", "decline matched @one")
    c(s, LON, "0 08:00", "decline the Friday wrap-up series", "decline matched @fri")
    c(s, LON, "0 08:00", "just skip this Friday's wrap-up", "decline matched fri4")
    c(s, LON, "0 08:00", "decline every ops sync", "decline matched @ops")
    c(s, BER, "0 08:00", "decline the jour fixe series", "decline matched @jf")
    c(s, BER, "4 08:00", "decline the Jour fixe on Monday", "decline matched jf7")
    c(s, BER, "0 08:00", "decline all US syncs", "decline matched @usx")
    c(s, BER, "1 08:00", "decline the US sync on Thursday only", "decline matched usx3")
    c(s, BLR, "0 08:00", "decline all scrums", "decline matched @scr")
    c(s, BLR, "0 12:00", "decline only tomorrow's scrum", "decline matched scr1")
    c(s, BLR, "0 12:00", "decline the weekly status reviews going forward", "decline matched @wsr")
    c(s, TYO, "0 08:00", "decline all global syncs", "decline matched @glb")
    c(s, TYO, "0 08:00", "decline the global sync on the 31st", "decline matched glb8")
    c(s, AKL, "1 08:00", "decline the weekly wraps from now on", "decline matched @wrp")
    c(s, AKL, "1 08:00", "decline this week's wrap", "decline matched wrp4")
    c(s, HNL, "0 05:00", "decline all future mainland staff meetings", "decline matched @mgr")
    c(s, UTC, "0 07:30", "decline the recurring incident review", "decline matched @inc")
    c(s, UTC, "0 07:30", "decline just the incident review on Friday", "decline matched inc4")
    c(s, NYC, "0 08:00", "decline all London syncs", "decline matched @lon")
    c(s, NYC, "0 08:00", "decline the London sync on Wednesday, just that one", "decline matched lon2")

    # 6. Several meetings.
    m = "several"
    c(m, SEA, "0 08:00", "decline my 10 and my 1", "decline matched pln0 fab0")
    c(m, SEA, "7 08:00", "decline both of this afternoon's meetings", "decline matched mkt7 wmr7")
    c(m, SEA, "1 08:00", "decline everything between 2 and 4 tomorrow", "decline matched dr2 dsy2")
    c(m, SEA, "2 15:05", "decline whatever's left on my calendar today", "decline matched dsy2 apac2")
    c(
        m,
        SEA,
        "2 09:00",
        "decline all my meetings on Friday",
        "decline matched std4 esc4 ret4 dem4 hh4",
        note="own lunch and the already declined debrief left out",
    )
    c(m, SEA, "2 09:00", "decline my 9 and 9:30 on Friday", "decline matched std4 esc4")
    c(m, SEA, "1 08:00", "decline the standup and the design review tomorrow", "decline matched std2 dr2")
    c(m, LON, "1 17:00", "decline all meetings tomorrow morning", "decline matched std2 arc2")
    c(m, LON, "0 08:00", "decline my 10 and 11 tomorrow", "decline matched bud1 one1")
    c(m, LON, "1 08:00", "decline everything on Friday", "decline matched std4 wsh4 fri4 pub4")
    c(m, LON, "0 08:00", "decline the design syncs this week", "decline matched dsy1 dsy2 dsy3")
    c(m, BER, "1 08:00", "decline all meetings after 3 today", "decline matched dsy1 usx1")
    c(m, BER, "1 08:00", "decline my 2 and my 3:30 tomorrow", "decline matched sec2 dsy2")
    c(m, BER, "4 08:00", "decline everything on Monday", "decline matched std7 jf7 qbr7")
    c(m, BLR, "1 09:00", "decline all my meetings on 31st", "decline matched scr3 dr3 rel3 wsr3 nye3")
    c(
        m,
        BLR,
        "0 09:00",
        "decline both KT sessions this week",
        "decline matched kt0 kt1",
        note="Wednesday's is cancelled",
    )
    c(m, TYO, "0 08:00", "decline everything tomorrow afternoon", "decline matched sec1 dsy1")
    c(m, TYO, "0 08:00", "decline my 10 and 2 on Friday", "decline matched ret4 fab4")
    c(m, AKL, "0 08:00", "decline the 1 and the 3 today", "decline matched rmr0 fab0")
    c(m, HNL, "1 07:00", "decline everything after lunch today", "decline matched bud1 cus1")
    c(m, UTC, "2 13:00", "decline my next two meetings", "decline matched q3k2 usx2")
    c(m, NYC, "0 08:00", "decline both SF product syncs this week", "decline matched sf0 sf2")
    c(m, NYC, "4 08:00", "decline everything on Monday the 8th", "decline matched std7 lon7 mkt7")
    c(m, AKL, "1 08:00", "decline the 2pm and the 8pm", "decline matched bud1 ukx1")
    c(m, HNL, "2 08:00", "decline the roadmap review and the month-end close today", "decline matched rmr2 mon2")
    c(m, UTC, "0 07:30", "decline the capacity review and the US handoff", "decline matched cap0 usx0")
    c(m, SEA, "3 08:00", "decline the 10, 11 and 1 today", "decline matched cof3 bil3 rmr3")
    c(m, LON, "2 08:00", "decline the architecture forum and the weekly review", "decline matched arc2 wkr2")
    c(m, BER, "2 08:00", "decline everything from 2pm on today", "decline matched sec2 dsy2 rev2")
    c(m, NYC, "1 08:00", "decline the budget review and the billing sync today", "decline matched bud1 bil1")

    # 7. Intents in everyday words.
    i = "intents"
    c(i, SEA, "0 08:00", "scrap my 3pm", "decline matched wmr0")
    c(i, SEA, "2 08:00", "skip the retro on friday", "decline matched ret4")
    c(i, SEA, "4 08:00", "bail on the happy hour", "decline matched hh4")
    c(i, SEA, "1 08:00", "I can't make the architecture sync", "decline matched arc1")
    c(i, SEA, "0 17:00", "I'll miss tomorrow's standup", "decline matched std1")
    c(i, SEA, "3 08:00", "count me in for the tailspin demo", "accept matched tsd3")
    c(i, SEA, "1 08:00", "pencil me in for the security training", "tentative matched sec2")
    c(i, SEA, "1 08:00", "maybe for the eng all-hands", "tentative matched alh2")
    c(
        i,
        SEA,
        "2 08:00",
        "the roadmap review tomorrow - let them know I'll be there",
        "accept matched rmr3",
        note="'let them know I'll be there' is the acceptance itself, not a note",
    )
    c(i, SEA, "1 08:00", "confirm my appointment on Thursday at 10", "accept matched cof3")
    c(i, SEA, "0 08:00", "yes to the Fabrikam QBR", "accept matched fab0")
    c(i, SEA, "1 08:00", "sure, I'll join the release sync", "accept matched rel1")
    c(i, SEA, "2 08:00", "accept the hiring debrief after all", "accept matched hdb4")
    c(i, SEA, "1 08:00", "I might make the design sync, mark it tentative", "tentative matched dsy2")
    c(i, SEA, "7 08:00", "not going to the marketing sync", "decline matched mkt7")
    c(i, SEA, "7 08:00", "RSVP no to the Adatum contract review", "decline matched ada7")
    c(i, LON, "0 08:00", "cancel my 2pm", "decline matched fab0", note="an invitation: cancel means decline")
    c(i, LON, "1 08:00", "I'll be there for the capacity planning", "accept matched cap1")
    c(i, LON, "1 08:00", "can you tentatively accept the Architecture forum", "tentative matched arc2")
    c(i, LON, "8 08:00", "put me down as a maybe for team lunch tomorrow", "tentative matched lun9")
    c(i, BLR, "0 09:00", "kindly accept the Q1 planning meeting", "accept matched plan0")
    c(i, BLR, "0 09:00", "please do the needful and decline the KT session today", "decline matched kt0")
    c(i, BER, "2 08:00", "I won't attend the sprint retro on Friday", "decline matched ret4")
    c(i, BER, "0 08:00", "I'll attend the Fabrikam workshop", "accept matched fab0")
    c(i, HNL, "2 08:00", "can't do the roadmap review", "decline matched rmr2")
    c(i, LON, "0 08:00", "cancel the board prep", "cancel matched prep3")
    c(i, SEA, "0 08:00", "what's on tomorrow?", "other none")
    c(i, LON, "4 18:00", "count me out of the pub quiz", "decline matched hh11")
    c(i, NYC, "1 08:00", "no can do for the budget review", "decline matched bud1")
    c(i, UTC, "0 07:30", "thanks!", "other none")

    # 8. Notes for the organizer, and whether the organizer is told.
    o = "notes"
    c(o, SEA, "0 08:00", "decline my 3pm, say I'm sick", "decline matched wmr0", comment="I'm sick")
    c(
        o,
        SEA,
        "2 08:00",
        "decline the retro on Friday and tell them I'm on PTO",
        "decline matched ret4",
        comment="I'm on PTO",
    )
    c(
        o,
        SEA,
        "2 08:00",
        "decline the design sync with the comment: clashes with a customer visit",
        "decline matched dsy2",
        comment="clashes with a customer visit",
    )
    c(
        o,
        SEA,
        "0 08:00",
        "decline the Fabrikam QBR, comment that the numbers aren't ready yet",
        "decline matched fab0",
        comment="the numbers aren't ready yet",
    )
    c(
        o,
        SEA,
        "2 08:00",
        "decline the roadmap review tomorrow. reason: travelling to Denver",
        "decline matched rmr3",
        comment="travelling to Denver",
    )
    c(
        o,
        SEA,
        "7 08:00",
        'decline the marketing sync "Sorry, double-booked"',
        "decline matched mkt7",
        comment="Sorry, double-booked",
    )
    c(o, SEA, "2 08:00", "decline the all-hands, ugh these are such a waste of time", "decline matched alh2")
    c(o, SEA, "8 08:00", "decline the budget sync (between us, Bill never has an agenda)", "decline matched bud8")
    c(o, SEA, "4 08:00", "decline the happy hour, no note", "decline matched hh4")
    c(
        o,
        SEA,
        "0 17:00",
        "decline the standup tomorrow but don't send a comment",
        "decline matched std1",
        note="no comment, but the organizer is still told",
    )
    c(o, SEA, "0 08:00", "decline the interview tomorrow and don't tell them", "decline matched int1", send=False)
    c(o, SEA, "4 08:00", "quietly decline the happy hour", "decline matched hh4", send=False)
    c(o, SEA, "2 08:00", "decline the APAC handoff without notifying anyone", "decline matched apac2", send=False)
    c(
        o,
        SEA,
        "1 08:00",
        "decline the release sync and let Chase know I'm at the dentist",
        "decline matched rel1",
        comment="I'm at the dentist",
    )
    c(
        o,
        SEA,
        "3 08:00",
        'decline the tailspin demo – tell them: "I\'ll catch the recording"',
        "decline matched tsd3",
        comment="I'll catch the recording",
    )
    c(
        o,
        SEA,
        "1 08:00",
        "Decline the security training tomorrow. I already completed it this year.",
        "decline matched sec2",
        comment="I already completed it this year",
    )
    c(o, SEA, "2 08:00", "decline the sprint retro, honestly I just can't be bothered", "decline matched ret4")
    c(
        o,
        SEA,
        "2 08:00",
        "accept the roadmap review and say I'll be 5 minutes late",
        "accept matched rmr3",
        comment="I'll be 5 minutes late",
    )
    c(
        o,
        SEA,
        "1 08:00",
        "tentatively accept the design sync, tell them I may have a conflict",
        "tentative matched dsy2",
        comment="I may have a conflict",
    )
    c(
        o,
        SEA,
        "0 08:00",
        "decline the metrics review. ugh. tell helen I'm buried in the launch",
        "decline matched wmr0",
        comment="I'm buried in the launch",
    )
    c(
        o,
        SEA,
        "7 08:00",
        "decline the Adatum contract review w/ note 'out of office'",
        "decline matched ada7",
        comment="out of office",
    )
    c(
        o,
        BER,
        "0 08:00",
        "decline the Jour fixe, tell them I am on holiday",
        "decline matched jf0",
        comment="I am on holiday",
    )
    c(
        o,
        BLR,
        "0 09:00",
        "decline KT session, tell Rahul I am on leave today",
        "decline matched kt0",
        comment="I am on leave today",
    )
    c(
        o,
        LON,
        "1 08:00",
        "decline the budget review - I'm at a customer site",
        "decline matched bud1",
        comment="I'm at a customer site",
    )
    c(
        o,
        LON,
        "0 08:00",
        "decline the hiring sync because I'm travelling",
        "decline matched hir0",
        comment="I'm travelling",
    )
    c(o, TYO, "0 08:00", "decline the design sync, don't email them", "decline matched dsy0", send=False)
    c(o, NYC, "0 08:00", "decline the marketing sync, no comment needed", "decline matched mkt0")
    c(
        o,
        AKL,
        "0 08:00",
        "decline the roadmap review, say sorry – I'm at the dentist",
        "decline matched rmr0",
        comment="sorry – I'm at the dentist",
    )
    c(o, UTC, "0 07:30", "decline the capacity review. so tired of these pointless meetings", "decline matched cap0")
    c(
        o,
        HNL,
        "0 07:00",
        "decline the design sync today and tell Nadia I'll review the doc async",
        "decline matched dsy0",
        comment="I'll review the doc async",
    )

    # 9. Proposals: only the declined meeting, never one at the proposed time.
    r = "proposals"
    c(r, SEA, "1 08:00", "decline the 2pm and suggest 4pm instead", "decline matched nws1")
    c(r, SEA, "3 08:00", "decline my 11 and propose 3:30", "decline matched bil3")
    c(r, SEA, "3 08:00", "can't do the roadmap review at 1, can we do 4?", "decline matched rmr3")
    c(r, SEA, "2 08:00", "decline the design sync and propose tomorrow at 10 instead", "decline matched dsy2")
    c(r, SEA, "3 08:00", "tentatively accept the tailspin demo and propose 5pm", "tentative matched tsd3")
    c(r, SEA, "0 08:00", "decline the 3pm metrics review and suggest Tuesday 4pm", "decline matched wmr0")
    c(r, LON, "1 08:00", "decline the 2pm Northwind call and suggest 4:30", "decline matched nws1")
    c(r, LON, "2 08:00", "decline tomorrow's 10am and suggest 11:30 instead", "decline matched rmr3")
    c(r, LON, "2 08:00", "decline the architecture forum, propose 16:00", "decline matched arc2")
    c(r, LON, "1 08:00", "decline my 1pm and propose 2pm", "decline matched cap1")
    c(r, BER, "0 08:00", "decline the 14 Uhr Fabrikam workshop and suggest 15:30", "decline matched fab0")
    c(r, BER, "1 08:00", "decline the security training, suggest Thursday 14:00", "decline matched sec2")
    c(r, BLR, "0 09:00", "decline the 3pm Adatum walkthrough and suggest 5pm", "decline matched ada0")
    c(r, BLR, "1 09:00", "decline code review at 2 and propose 5 pm", "decline matched rev1")
    c(r, TYO, "1 08:00", "decline the 2pm security review and suggest 4pm", "decline matched sec1")
    c(r, TYO, "2 08:00", "decline the budget review, could we do 5pm instead?", "decline matched bud2")
    c(r, AKL, "1 08:00", "decline the 2pm budget review and suggest 8pm", "decline matched bud1")
    c(r, HNL, "2 08:00", "decline the roadmap review and propose 3pm", "decline matched rmr2")
    c(r, UTC, "1 08:00", "decline the Q2 close-out, propose 5pm", "decline matched q2c1")
    c(r, NYC, "1 08:00", "decline the 2pm budget review and suggest 3:30", "decline matched bud1")
    c(r, NYC, "2 08:00", "decline the woodgrove pitch and propose 4pm", "decline matched wdg2")
    c(r, LON, "4 08:00", "decline Monday's 2pm and suggest 4pm", "decline matched arc7")
    c(r, SEA, "1 08:00", "I can't do 2 today, how about 4? please decline it", "decline matched nws1")
    c(
        r,
        BER,
        "2 08:00",
        "decline the design sync today and suggest 16:00 instead, tell Nadia I'm in a workshop until then",
        "decline matched dsy2",
        comment="I'm in a workshop until then",
    )
    c(r, HNL, "3 07:00", "decline my 9am and propose 3pm", "decline matched fab3")
    c(r, AKL, "2 08:00", "decline the design review and suggest 2pm instead", "decline matched dr2")
    c(r, UTC, "3 08:00", "decline the design review, propose 5pm", "decline matched dr3")
    c(r, TYO, "3 08:00", "decline roadmap review and propose 2pm", "decline matched rmr3")
    c(r, BLR, "2 09:00", "decline the 11am design review, suggest 2:30pm", "decline matched dr2")
    c(r, SEA, "8 08:00", "decline the interview at 1 and suggest 3pm", "decline matched int8")

    # 10. State: cancelled, declined, past, own, or no such meeting.
    t = "state"
    c(t, SEA, "1 08:00", "decline the budget sync on Thursday", "decline none", note="cancelled")
    c(t, SEA, "2 08:00", "decline the hiring debrief", "decline none", note="already declined")
    c(t, SEA, "2 08:00", "actually, accept Friday's hiring debrief", "accept matched hdb4")
    c(t, SEA, "0 08:00", "decline my 12pm", "decline none", note="the user's own lunch block")
    c(t, SEA, "0 08:00", "cancel my lunch tomorrow", "cancel matched lun1")
    c(t, SEA, "0 11:30", "decline this morning's sprint planning", "decline none", note="already over")
    c(t, SEA, "0 08:00", "decline the town hall", "decline none")
    c(t, LON, "2 08:00", "decline today's retro", "decline none", note="cancelled")
    c(t, LON, "3 08:00", "decline the board prep", "decline none", note="the user organizes it")
    c(
        t,
        LON,
        "0 08:00",
        "cancel the budget review tomorrow",
        "decline matched bud1",
        note="an invitation: cancel means decline",
    )
    c(t, LON, "2 08:00", "decline the hiring debrief", "decline none", note="already declined")
    c(t, LON, "2 08:00", "tentatively accept the hiring debrief", "tentative matched hdb4")
    c(t, BER, "2 08:00", "decline the hiring sync", "decline matched hir3", note="tentative until now")
    c(t, BER, "0 08:00", "accept the offsite", "accept none")
    c(t, BLR, "1 09:00", "decline the KT session on Wednesday", "decline none", note="cancelled")
    c(t, BLR, "2 09:00", "decline the HR connect", "decline none", note="already declined")
    c(t, BLR, "2 09:00", "accept HR connect after all", "accept matched hr2")
    c(t, BLR, "2 09:00", "cancel the year-end wrap", "cancel matched ye3")
    c(t, BLR, "2 09:00", "decline the year-end wrap", "decline none", note="the user organizes it")
    c(t, BLR, "0 10:30", "decline the scrum today", "decline none", note="already over")
    c(t, TYO, "0 08:00", "decline Wednesday's security review", "decline none", note="cancelled")
    c(t, TYO, "0 08:00", "decline the security review", "decline matched sec1")
    c(t, TYO, "0 08:00", "accept the board meeting", "accept none")
    c(t, HNL, "0 10:30", "decline the customer call with Northwind", "decline none", note="already over")
    c(t, UTC, "1 16:30", "decline the Q2 close-out", "decline none", note="already over")
    c(t, NYC, "0 08:00", "decline the offsite planning", "decline none")
    c(t, NYC, "0 08:00", "cancel my 12pm tomorrow", "cancel matched lun1")

    # 11. Messy typing.
    x = "messy"
    c(x, SEA, "0 08:00", "declien my 2pm tmrw", "decline matched nws1")
    c(x, SEA, "1 08:00", "pls decline 2p", "decline matched nws1")
    c(x, SEA, "0 08:00", "decline the 3 pm", "decline matched wmr0")
    c(x, BER, "2 08:00", "decline 14:00h meeting today", "decline matched sec2")
    c(x, SEA, "0 08:00", "<at>Regrets</at> decline my 10am", "decline matched pln0")
    c(x, SEA, "0 08:00", "decline my 4pm 🙏", "decline matched sop0")
    c(x, SEA, "0 08:00", "can u plz decline the standup tmrw thx", "decline matched std1")
    c(x, SEA, "0 08:00", "DECLINE THE DESIGN REVIEW", "decline matched dr2")
    c(x, SEA, "1 08:00", "declinemy 11am", "decline matched arc1")
    c(x, SEA, "0 08:00", "decline the 1on1 w omar", "decline matched one1")
    c(x, SEA, "1 08:00", "acept the roadmap review", "accept matched rmr3")
    c(x, SEA, "1 08:00", "tentativly accept the security training", "tentative matched sec2")
    c(x, LON, "0 08:00", "hey!! could you decline my 11:00 tomorrow pls 😊", "decline matched one1")
    c(x, LON, "1 08:00", "decline my 4.30", "decline matched dsy1")
    c(x, LON, "1 08:00", "decline my half 4 today", "decline matched dsy1")
    c(x, LON, "0 08:00", "decline my 2o'clock", "decline matched fab0")
    c(x, LON, "0 08:00", "decline the mtg w/ fabrikam", "decline matched fab0")
    c(x, BLR, "0 09:00", "Please decline today's KT session, thanks in advance", "decline matched kt0")
    c(x, BLR, "0 09:00", "decline tmrw 11.30 1:1", "decline matched one1")
    c(x, BLR, "0 09:00", "decline 2morrow's code review", "decline matched rev1")
    c(x, TYO, "0 08:00", "decline the design sync @ 4", "decline matched dsy0")
    c(x, TYO, "2 08:00", "decline teh budget review", "decline matched bud2")
    c(x, HNL, "0 06:30", "dcline my 8am tmr", "decline matched dsy1")
    c(x, TYO, "3 08:00", "decline   the    retro  tmrw", "decline matched ret4")
    c(x, UTC, "0 07:30", "accept the Q3 kickoff!!!", "accept matched q3k2")
    c(x, NYC, "1 08:00", "decline the weekly review thx 👍", "decline matched wkr3")
    c(x, NYC, "0 08:00", "ya decline the 2pm", "decline matched mkt0")
    c(x, NYC, "1 08:00", "decline 10a tomorrow", "decline matched lon2")
    c(x, AKL, "0 08:00", "<at>Regrets</at>&nbsp;decline my 1pm pls", "decline matched rmr0")
    c(x, BER, "0 08:00", "Please decline the Sprintplanning today, thank you very much", "decline matched pln0")
    return cases


def vary_locale(cases: list[Case]) -> None:
    """Every fifth case without a numeric date comes with no locale (Teams did not send one)."""
    n = 0
    for case in cases:
        if case.locale == "world" and not NUMERIC_DATE.search(case.utterance):
            n += 1
            if n % 5 == 0:
                case.locale = None


def build(cases: list[Case], prefix: str) -> tuple[list[dict], list[str]]:
    problems: list[str] = []
    seen = set()
    for case in cases:
        if id(case.world) not in seen:
            seen.add(id(case.world))
            problems += check_world(case.world)
    rows, counts = [], {k: 0 for k in KINDS}
    for case in cases:
        if case.kind not in counts:
            problems.append(f"unknown kind {case.kind}")
            continue
        counts[case.kind] += 1
        cid = f"{prefix}-{case.kind}-{counts[case.kind]:02d}"
        problems += check_case(case, cid)
        rows.append(to_json(case, cid))
    return rows, problems


def write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def load_blind(path: Path):
    spec = importlib.util.spec_from_file_location("blind_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.blind_cases()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--blind"]:
        cases, out, prefix = load_blind(Path(argv[1])), Path(argv[2]), "blind"
    else:
        cases, out, prefix = dev_cases(), OUT, "kind"
    vary_locale(cases)
    rows, problems = build(cases, prefix)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    write(rows, out)
    per_kind = {k: sum(1 for r in rows if r["kind"] == k) for k in KINDS}
    print(f"wrote {len(rows)} cases to {out}: {per_kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
