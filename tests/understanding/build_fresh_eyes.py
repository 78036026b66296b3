"""Writes tests/understanding/fresh_eyes.jsonl: requests in styles the other hand-written sets lack.

Terse typing without punctuation, non-native and Indian/British/Australian English ("half 2",
"quarter to 4", "10 hours", "kindly", "do the needful"), shouting, greetings before the request,
the meeting named in a later sentence, Teams rich text (HTML entities, <p>/<div>, <at> mentions in
the middle, a trailing "@Regrets"), emoji between words, organizers named by full name or email,
subjects full of punctuation and numbers, relative days ("day after tomorrow", "Monday next
week", "in two days"), 24-hour clocks with dots, and notes that carry time or meeting words of
their own. Calendars in IANA, Windows and UTC zones with the usual traps. Each `expect` is what
a sensible person would want. Run `python -m tests.understanding.build_fresh_eyes` after editing.
"""

from __future__ import annotations

from pathlib import Path

from tests.understanding.build_heldout import OTHER, E, case, ev, write_cases

# London, Tuesday 24 November 2026, 09:10 GMT.
LON, LON_NOW = "Europe/London", "2026-11-24T09:10"


def lon() -> list[dict]:
    return [
        ev("prep24", "Team prep", "2026-11-24T08:30", 20, "iana", mine=True),
        ev("stu24", "Team stand-up", "2026-11-24T09:30", 15, "utc", master="STU", org="Oliver Hughes"),
        ev("rah24", "Catch-up with Rahul", "2026-11-24T11:00", 30, "win", org="Rahul Mehta"),
        ev("okr24", "Q4 OKR review", "2026-11-24T14:30", 60, "utc", org="Fiona Grant"),
        ev("li24", "1:1 w/ Li", "2026-11-24T15:45", 30, "iana", org="Li Wei"),
        ev("inf24", "sync — infra", "2026-11-24T17:00", 30, "utc", org="Sam Okafor"),
        ev("stu25", "Team stand-up", "2026-11-25T09:30", 15, "utc", master="STU", org="Oliver Hughes"),
        ev("fy25", "FY27 planning (part 2)", "2026-11-25T10:00", 90, "win", org="Fiona Grant"),
        ev("ven25", "Vendor review & pricing", "2026-11-25T13:30", 60, "Europe/Paris", org="Claire Dubois"),
        ev("arc25", "Architecture forum", "2026-11-25T16:00", 60, "utc", response="declined"),
        ev("stu26", "Team stand-up", "2026-11-26T09:30", 15, "utc", master="STU", org="Oliver Hughes"),
        ev("rah26", "Catch-up with Rahul", "2026-11-26T11:00", 30, "win", org="Rahul Mehta"),
        ev("bb26", "Brown bag: Rust", "2026-11-26T12:00", 60, "iana", cancelled=True),
        ev("okr26", "Q4 OKR review", "2026-11-26T14:30", 60, "utc", org="Fiona Grant"),
        ev("hir26", "Hiring panel", "2026-11-26T15:30", 60, "iana", org="Priya Nair"),
        ev("bud26", "Budget check-in", "2026-11-26T15:30", 30, "win", org="Fiona Grant"),
        ev("off27", "Company offsite", "2026-11-27T00:00", 1440, allday=True),
        ev("stu27", "Team stand-up", "2026-11-27T09:30", 15, "utc", master="STU", org="Oliver Hughes"),
        ev("ret27", "Sprint retro", "2026-11-27T14:00", 60, "iana", org="Oliver Hughes"),
        ev("drk27", "Friday drinks", "2026-11-27T17:00", 60, "utc", org="Social Club"),
        ev("stu30", "Team stand-up", "2026-11-30T09:30", 15, "utc", master="STU", org="Oliver Hughes"),
        ev("qp30", "Quarterly planning", "2026-11-30T10:00", 120, "win", org="Fiona Grant"),
    ]


# Kolkata, Monday 7 December 2026, 10:05 IST.
KOL, KOL_NOW = "Asia/Kolkata", "2026-12-07T10:05"


def kol() -> list[dict]:
    return [
        ev("scr07", "Daily scrum", "2026-12-07T09:45", 15, "win", master="SCR", org="Anil Kumar"),
        ev("cli07", "Client call - Tata", "2026-12-07T11:30", 60, "utc", org="Meera Iyer"),
        ev("rev07", "Code review", "2026-12-07T14:30", 60, "win", org="Vikram Rao"),
        ev("hr07", "HR connect", "2026-12-07T16:00", 30, "iana", org="Sunita Das"),
        ev("scr08", "Daily scrum", "2026-12-08T09:45", 15, "win", master="SCR", org="Anil Kumar"),
        ev("kt08", "KT session - payments module", "2026-12-08T10:00", 60, "utc", org="Vikram Rao"),
        ev("rev08", "Code review", "2026-12-08T14:30", 60, "win", org="Vikram Rao"),
        ev("ons08", "Onsite sync (US)", "2026-12-08T20:30", 60, "America/New_York", org="John Miller"),
        ev("scr09", "Daily scrum", "2026-12-09T09:45", 15, "win", master="SCR", org="Anil Kumar"),
        ev("town09", "Town hall", "2026-12-09T17:00", 60, "utc", org="CEO Office"),
        ev("tm09", "Team lunch", "2026-12-09T13:00", 60, "iana", mine=True),
    ]


# Melbourne, Thursday 3 December 2026, 08:20 AEDT.
MEL, MEL_NOW = "Australia/Melbourne", "2026-12-03T08:20"


def mel() -> list[dict]:
    return [
        ev("wip03", "WIP meeting", "2026-12-03T09:00", 30, "utc", org="Bec Walsh"),
        ev("arv03", "Arvo catch up", "2026-12-03T15:00", 30, "AUS Eastern Standard Time", org="Josh Nguyen"),
        ev("sal03", "Sales pipeline", "2026-12-03T16:30", 60, "utc", org="Bec Walsh"),
        ev("wip04", "WIP meeting", "2026-12-04T09:00", 30, "utc", org="Bec Walsh"),
        ev("xma04", "Xmas party planning", "2026-12-04T12:30", 30, "iana", org="Social Club"),
        ev("brk04", "Brekkie w/ Tom", "2026-12-04T07:30", 60, "iana", org="Tom Fraser"),
        ev("wip07", "WIP meeting", "2026-12-07T09:00", 30, "utc", org="Bec Walsh"),
        ev("ops07", "Ops review", "2026-12-07T11:00", 60, "utc", org="Josh Nguyen"),
        ev("ops08", "Ops review", "2026-12-08T11:00", 60, "utc", org="Josh Nguyen"),
    ]


# São Paulo, Wednesday 2 December 2026, 13:00 BRT; a Spanish-speaking team member in Madrid too.
SAO, SAO_NOW = "America/Sao_Paulo", "2026-12-02T13:00"


def sao() -> list[dict]:
    return [
        ev("alm02", "Almoço com cliente", "2026-12-02T12:00", 60, "iana", org="Lucas Souza"),
        ev("dly02", "Daily", "2026-12-02T15:30", 15, "utc", org="Lucas Souza"),
        ev("ops02", "Ops sync", "2026-12-02T16:00", 30, "E. South America Standard Time", org="Ana Lima"),
        ev("dly03", "Daily", "2026-12-03T15:30", 15, "utc", org="Lucas Souza"),
        ev("rev03", "Revisão de sprint", "2026-12-03T10:00", 60, "iana", org="Ana Lima"),
        ev("glb03", "Global sync (EMEA/LATAM)", "2026-12-03T11:00", 60, "Europe/Berlin", org="Jonas Weber"),
        ev("dly04", "Daily", "2026-12-04T15:30", 15, "utc", org="Lucas Souza"),
        ev("hap04", "Happy hour", "2026-12-04T18:00", 90, "iana", org="Social Club"),
    ]


def cases() -> list[dict]:
    out: list[dict] = []

    def add(cid: str, utterance: str, zone: tuple[str, str, list[dict]], expect: dict) -> None:
        tz, now, calendar = zone
        out.append(case(cid, utterance, tz, now, calendar, expect))

    lo = (LON, LON_NOW, lon())
    # British clock talk
    add("fl01", "decline half 2 on thursday", lo, E("okr26"))
    add("fl02", "can you decline my quarter to 4", lo, E("li24"))
    add("fl03", "decline the half two okr review on thursday please", lo, E("okr26"))
    add("fl04", "decline the 15.30 on Thursday", lo, E("hir26", "bud26", status="ambiguous"))
    add("fl05", "decline the 14.30 today", lo, E("okr24"))
    add("fl06", "I'm off sick, decline my 11", lo, E("rah24", comment="I'm off sick"))
    # the meeting named in a later sentence
    add("fl07", "Quick one. Decline my 11 with Rahul.", lo, E("rah24"))
    add("fl08", "Hi Regrets. Please decline the OKR review today.", lo, E("okr24"))
    add("fl09", "Morning! Can you decline tomorrow's stand-up? Thanks", lo, E("stu25"))
    add(
        "fl10",
        "Decline the vendor review. Tell Claire I'm at the dentist.",
        lo,
        E("ven25", comment="I'm at the dentist"),
    )
    # Teams rich text
    add("fl11", "<p>decline the Q4 OKR review on thursday</p>", lo, E("okr26"))
    add("fl12", "decline the vendor review &amp; pricing", lo, E("ven25"))
    add("fl13", "I can&#39;t make the retro on Friday, please decline", lo, E("ret27"))
    add("fl14", "decline my 1:1 w/ Li @Regrets", lo, E("li24"))
    add("fl15", "please <at>Regrets</at> decline the infra sync", lo, E("inf24"))
    add(
        "fl16", "<div>decline FY27 planning</div><div>say I&#39;m out sick</div>", lo, E("fy25", comment="I'm out sick")
    )
    add("fl17", "decline the Q4 OKR review&nbsp;today", lo, E("okr24"))
    add("fl18", "<p>decline my 11&nbsp;tomorrow&nbsp;</p>", lo, E())
    # emoji between words
    add("fl19", "decline 🙏 my 11", lo, E("rah24"))
    add("fl20", "decline the retro 😩 on friday", lo, E("ret27"))
    add("fl21", "decline tomorrow's stand-up 👍", lo, E("stu25"))
    # organizers by full name or email
    add("fl22", "decline the meeting from fiona.grant@contoso.example tomorrow", lo, E("fy25"))
    add("fl23", "decline Fiona Grant's meeting tomorrow", lo, E("fy25"))
    add("fl24", "decline Claire Dubois's vendor review", lo, E("ven25"))
    add("fl25", "decline the meeting with Li Wei", lo, E("li24"))
    # subjects full of punctuation and numbers
    add("fl26", "decline FY27 planning (part 2)", lo, E("fy25"))
    add("fl27", "decline the Q4 OKR review", lo, E("okr24"))
    add("fl28", "decline the 1:1 w/ Li", lo, E("li24"))
    add("fl29", "decline sync — infra", lo, E("inf24"))
    add("fl30", "decline the brown bag: rust", lo, E())
    # relative days
    add("fl31", "decline my 2:30 the day after tomorrow", lo, E("okr26"))
    add("fl32", "decline the stand-up this coming Monday", lo, E("stu30"))
    add("fl33", "decline quarterly planning Monday next week", lo, E("qp30"))
    add("fl34", "decline my 11 in two days", lo, E("rah26"))
    add("fl35", "decline everything the day after tomorrow", lo, E("stu26", "rah26", "okr26", "hir26", "bud26"))
    # notes carrying time and meeting words of their own
    add(
        "fl36",
        "decline the OKR review today, say I have another meeting at 3",
        lo,
        E("okr24", comment="I have another meeting at 3"),
    )
    add(
        "fl37",
        "decline the retro, tell them I'll watch the recording tomorrow",
        lo,
        E("ret27", comment="I'll watch the recording tomorrow"),
    )
    add(
        "fl38",
        "decline my 11 and tell Rahul I'll ping him on Thursday",
        lo,
        E("rah24", comment="I'll ping him on Thursday"),
    )
    add("fl39", "decline Friday drinks - have a flight at 6pm", lo, E("drk27", comment="have a flight at 6pm"))
    # shouting and terse typing
    add("fl40", "DECLINE MY 2:30 TODAY", lo, E("okr24"))
    add("fl41", "DECLINE THE STAND-UP TOMORROW PLS", lo, E("stu25"))
    add("fl42", "decline 2.30 thu", lo, E("okr26"))
    add("fl43", "no to retro fri", lo, E("ret27"))
    add("fl44", "decline 11am rahul thurs", lo, E("rah26"))
    add("fl45", "decline all thurs", lo, E("stu26", "rah26", "okr26", "hir26", "bud26"))
    add("fl46", "accept fy27 planning", lo, E("fy25", intent="accept"))
    add("fl47", "tentative for friday drinks", lo, E("drk27", intent="tentative"))
    add("fl48", "decline standup series", lo, E("STU", scope="series"))
    add("fl49", "thanks mate 👍", lo, OTHER())
    add("fl50", "decline the 14:30 on the 26th", lo, E("okr26"))

    k = (KOL, KOL_NOW, kol())
    add("fk01", "please to decline the meeting of tomorrow 10 hours", k, E("kt08"))
    add("fk02", "Kindly decline today's meeting of 2.30 PM", k, E("rev07"))
    add("fk03", "Please do the needful and decline my 11.30 meeting", k, E("cli07"))
    add("fk04", "kindly decline the KT session tomorrow as I am on leave", k, E("kt08", comment="I am on leave"))
    add(
        "fk05",
        "Pls decline HR connect today, I am having doctor appointment",
        k,
        E("hr07", comment="I am having doctor appointment"),
    )
    add("fk06", "decline tomorrow 8.30 pm onsite call", k, E("ons08"))
    add("fk07", "decline the onsite sync (US)", k, E("ons08"))
    add("fk08", "I will not be able to attend the code review today. Please decline.", k, E("rev07"))
    add("fk09", "decline the meeting with Meera", k, E("cli07"))
    add("fk10", "please decline the client call - tata", k, E("cli07"))
    add("fk11", "decline the code review on day after tomorrow", k, E())
    add("fk12", "decline daily scrum for all days", k, E("SCR", scope="series"))
    add("fk13", "decline the town hall on Wednesday", k, E("town09"))
    add(
        "fk14",
        "Decline the 4 PM meeting today and inform that I am in another call",
        k,
        E("hr07", comment="I am in another call"),
    )
    add("fk15", "decline all meetings of tomorrow", k, E("scr08", "kt08", "rev08", "ons08"))
    add("fk16", "accept the town hall", k, E("town09", intent="accept"))
    add("fk17", "decline Vikram's code review tomorrow", k, E("rev08"))
    add("fk18", "DECLINE TOMORROW CODE REVIEW", k, E("rev08"))
    add("fk19", "decline today 14.30", k, E("rev07"))
    add("fk20", "decline code review of 8th december", k, E("rev08"))

    m = (MEL, MEL_NOW, mel())
    add("fm01", "decline the arvo catch up", m, E("arv03"))
    add("fm02", "decline brekkie with tom tomorrow", m, E("brk04"))
    add("fm03", "decline my 3 this arvo", m, E("arv03"))
    add("fm04", "decline the WIP on Monday", m, E("wip07"))
    add("fm05", "decline the ops review Tuesday week", m, E())
    add("fm06", "decline half 4 today", m, E("sal03"))
    add("fm07", "can't make the xmas party planning, decline it pls", m, E("xma04"))
    add(
        "fm08",
        "decline tomorrow's WIP meeting, I'll send an update by EOD",
        m,
        E("wip04", comment="I'll send an update by EOD"),
    )
    add("fm09", "decline my 9am", m, E("wip03"))
    add("fm10", "decline Josh's ops review on tuesday", m, E("ops08"))
    add("fm11", "decline 12.30 tmrw", m, E("xma04"))
    add("fm12", "decline the WIP meeting", m, E("wip03"))

    s = (SAO, SAO_NOW, sao())
    add("fs01", "decline the daily today", s, E("dly02"))
    add("fs02", "decline the global sync (EMEA/LATAM)", s, E("glb03"))
    add("fs03", "please decline the meeting of tomorrow at 11h", s, E("glb03"))
    add("fs04", "decline the 16h", s, E("ops02"))
    add("fs05", "decline the revisão de sprint", s, E("rev03"))
    add("fs06", "decline the almoço com cliente", s, E())
    add(
        "fs07",
        "decline the happy hour on friday, I have a family dinner at 8",
        s,
        E("hap04", comment="I have a family dinner at 8"),
    )
    add("fs08", "decline the meeting with Jonas Weber", s, E("glb03"))
    add("fs09", "decline the 15h30 daily tomorrow", s, E("dly03"))
    add("fs10", "decline jonas.weber@contoso.example's meeting", s, E("glb03"))
    # second round: more of the same styles
    add(
        "fl51",
        "Hey, can&#39;t do Thursday&#39;s OKR review &#8211; clashing with a customer call. Pls decline",
        lo,
        E("okr26", comment="clashing with a customer call"),
    )
    add("fl52", "decline the okr review on thursday 🙏 thanks!!", lo, E("okr26"))
    add("fl53", "<p>Hi <at>Regrets</at>,</p><p>please decline my 11 tomorrow</p>", lo, E())
    add("fl54", "<p>Hi <at>Regrets</at>,</p><p>please decline my 11 on Thursday</p>", lo, E("rah26"))
    add(
        "fl55",
        "Not feeling great today. Decline my 2:30 and the 1:1 with Li.",
        lo,
        E("okr24", "li24", comment="Not feeling great today"),
    )
    add(
        "fl56",
        "decline the retro on fri, say I&#39;ll add my notes to the board before 2",
        lo,
        E("ret27", comment="I'll add my notes to the board before 2"),
    )
    add("fl57", "please decline 4.45pm meeting today", lo, E())
    add("fl58", "please decline the 3.45pm meeting today", lo, E("li24"))
    add("fl59", "decline the stand-up on Monday 30th", lo, E("stu30"))
    add("fl60", "decline the stand up on Mon", lo, E("stu30"))
    add("fl61", "DECLINE FRIDAY DRINKS!!!", lo, E("drk27"))
    add(
        "fl62",
        "Could you please decline the Budget check-in on Thursday? I&#39;ll be in the hiring panel.",
        lo,
        E("bud26", comment="I'll be in the hiring panel"),
    )
    add("fl63", "decline the meeting at 17h today", lo, E("inf24"))
    add("fl64", "decline the catch up with rahul on thursday", lo, E("rah26"))
    add("fl65", "decline the catchup with Rahul Mehta", lo, E("rah24"))
    add("fl66", "i cant make the vendor review tmrw", lo, E("ven25"))
    add(
        "fl67",
        "pls decline all my mtgs on fri, I&#39;m at the offsite",
        lo,
        E("stu27", "ret27", "drk27", comment="I'm at the offsite"),
    )
    add("fl68", "decline the Q4 OKR review on Thu 26 Nov", lo, E("okr26"))
    add("fl69", "decline my 10am on 25/11", lo, E("fy25"))
    add(
        "fl70",
        "decline the planning on Wednesday, tell Fiona I&#39;ll catch up with her at 4",
        lo,
        E("fy25", comment="I'll catch up with her at 4"),
    )
    add("fk21", "Kindly decline the scrum call of tomorrow morning", k, E("scr08"))
    add("fk22", "Please decline today&#39;s 4 o&#39;clock HR connect", k, E("hr07"))
    add(
        "fk23",
        "decline the KT session, I have already attended the same",
        k,
        E("kt08", comment="I have already attended the same"),
    )
    add("fk24", "please decline tomorrow meeting with John Miller", k, E("ons08"))
    add("fk25", "request you to decline the code review at 2:30 pm today", k, E("rev07"))
    add("fk26", "decline 20.30 tomorrow", k, E("ons08"))
    add("fk27", "Pls decline d code review tmrw", k, E("rev08"))
    add("fk28", "decline the code review for today and tomorrow", k, E("rev07", "rev08"))
    add(
        "fm13",
        "decline the wip meeting tmrw, I&#39;m WFH and the wifi is dodgy",
        m,
        E("wip04", comment="I'm WFH and the wifi is dodgy"),
    )
    add("fm14", "no worries, decline the sales pipeline arvo meeting", m, E("sal03"))
    add("fm15", "decline the ops review next tuesday", m, E("ops08"))
    add("fm16", "Decline my 4.30pm", m, E("sal03"))
    add("fm17", "decline ops review on the 8th", m, E("ops08"))
    add("fs11", "decline the daily tomorrow and friday", s, E("dly03", "dly04"))
    add("fs12", "please decline the meeting of friday 18 hours", s, E("hap04"))
    add("fs13", "decline the ops sync at 16h00", s, E("ops02"))
    add("fs14", "decline the 11 o&#39;clock global sync tomorrow", s, E("glb03"))
    add("fs15", "DECLINE THE DAILY OF TOMORROW PLEASE", s, E("dly03"))
    # third round
    add("fl71", "decline my 11<br>tell Rahul I&#39;m stuck on a call", lo, E("rah24", comment="I'm stuck on a call"))
    add(
        "fl72",
        "decline the retro, reason: &quot;team offsite clash&quot;",
        lo,
        E("ret27", comment="team offsite clash"),
    )
    add("fl73", "decline my 11 ✈️", lo, E("rah24"))
    add("fl74", "Decline the stand-up every day this week", lo, E("stu24", "stu25", "stu26", "stu27"))
    add("fl75", "so sorry - decline the hiring panel on thursday", lo, E("hir26"))
    add("fl76", "decline the Q4 OKR review (the one on Thursday)", lo, E("okr26"))
    add("fl77", "decline the OKR review on the 26th pls and ta", lo, E("okr26"))
    add("fl78", "Cheers. Decline tomorrow&#39;s 1.30 vendor review.", lo, E("ven25"))
    add("fl79", "decline FY27 planning pt 2", lo, E("fy25"))
    add("fl80", "decline Sam Okafor&#39;s infra sync", lo, E("inf24"))
    add("fl81", "decline 1:1 w Li", lo, E("li24"))
    add("fl82", "decline quarterly planning on mon 30/11", lo, E("qp30"))
    add("fl83", "decline tomorrow&#39;s 10:00", lo, E("fy25"))
    add("fl84", "decline my 5 o&#39;clock today", lo, E("inf24"))
    add("fl85", "accept half 9 standup on friday", lo, E("stu27", intent="accept"))
    add(
        "fk29",
        "Hi, I am on leave tomorrow. Please decline all my meetings.",
        k,
        E("scr08", "kt08", "rev08", "ons08", comment="I am on leave tomorrow"),
    )
    add(
        "fk30",
        "I am on leave tomorrow. Please decline all my meetings of tomorrow.",
        k,
        E("scr08", "kt08", "rev08", "ons08", comment="I am on leave tomorrow"),
    )
    add("fk31", "decline today&#39;s HR connect meeting @ 4 pm", k, E("hr07"))
    add("fk32", "decline the 8:30 PM call with onsite team tomorrow", k, E("ons08"))
    add("fk33", "decline the 2.30 code review on 8-Dec", k, E("rev08"))
    add("fm18", "decline the ops review on monday arvo", m, E())
    add("fm19", "decline the ops review monday morning", m, E("ops07"))
    add("fm20", "reckon I&#39;ll skip the xmas party planning tomorrow", m, E("xma04"))
    add(
        "fs16",
        "decline the daily of today because I have a doctor at 15h",
        s,
        E("dly02", comment="I have a doctor at 15h"),
    )
    add("fs17", "decline the ops sync (16:00)", s, E("ops02"))
    # fourth round: lengths that are not clock times, titles after a dash, chat spellings
    add("fl86", "decline the 2h OKR review on thursday", lo, E("okr26"))
    add("fl87", "decline the 30 min OKR review today", lo, E("okr24"))
    add("fl88", "decline the vendor review - pricing", lo, E("ven25"))
    add("fl89", "decline the catch-up w/ Rahul tmrw", lo, E())
    add("fl90", "decline the catchup on thurs", lo, E("rah26"))
    add("fl91", "plz decline teh stand-up on friday", lo, E("stu27"))
    add("fk34", "Dear Regrets, please decline the KT session of 8-Dec", k, E("kt08"))
    add("fk35", "decline the code review on 08-Dec-2026", k, E("rev08"))
    add("fs18", "decline the 9h daily", s, E())
    add("fs19", "decline the happy hour at 18h", s, E("hap04"))
    return out


def main() -> None:
    write_cases(Path(__file__).with_name("fresh_eyes.jsonl"), cases())


if __name__ == "__main__":
    main()
