"""Days, times and parts of the day as people write them in chat.

Each `take_*` function finds its kind of expression in a lower-cased fragment of the
request, returns what it found and the fragment with that expression blanked out, so
the words left over are the meeting's subject and people. Days are resolved against
`today` here (they are calendar facts); which day a bare "3pm" means depends on the
calendar and is the resolver's job.

Judgement calls:
- A clock time or a day that cannot be ("25pm", "9:75", "the 31st of February") and a span
  that differs by person ("over the holidays", "this sprint") are kept as `Unclear` words,
  never left as title words: the bot names them and asks.
- A span longer than `REACH_DAYS` ("next year", "Q1", "the next 90 days") is read whole but
  marked long: "everything next year" is asked about, "the offsite next year" is the first one.
- The working day ends at 5 pm ("after EOD", "before COB"); "end of day" is 4 to 6 pm;
  lunchtime is 11:30 to 2; "first thing" is the first meeting before noon; "early next week"
  is Monday and Tuesday, "late next week" and "end of the week" Thursday and Friday.
- Day words from other languages are read through a small table (German, French, Spanish,
  Italian, Dutch, Portuguese); "Domingo" after "with" stays a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from understanding.chat import REAL
from understanding.fuzzy import closest
from understanding.model import REACH_DAYS, Unclear

DayRange = tuple[date, date]  # inclusive
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ABBR = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_WEEK_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_WEEK_COUNT.update({"a couple of": 2, "couple of": 2, "a few": 3, "few": 3})
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a couple of": 2, "couple of": 2}

# Words people misspell that carry the meaning of a request; fixed before anything else.
_TYPO_TARGETS = WEEKDAYS + (
    "tomorrow",
    "yesterday",
    "afternoon",
    "morning",
    "evening",
    "decline",
    "accept",
    "tentatively",
    "tentative",
    "meeting",
    "meetings",
)
_WORD5 = re.compile(r"[a-z]{5,}")
_SHORTHAND = re.compile(r"\b(?:tmrw|tmr|tmrow|tmw|tmrrw|2morrow|2moro|2mrw)\b")
_TOMORROW_S = re.compile(r"\btomorrow'?s\b")
_THE = re.compile(r"\b(?:d|teh)\b(?=\s+[a-z]{2})")  # chat spellings of "the": "decline d code review"


# Day words a Teams user mixes in from German, French, Spanish, Italian, Dutch and Portuguese,
# said in English so the day recognizers read them ("decline the standup demain"). Longer
# phrases first: "heute Morgen" is this morning, "pasado mañana" the day after tomorrow.
_FOREIGN = (
    (r"heute\s+(?:morgen|früh|vormittag)|ce\s+matin|esta\s+mañana|esta\s+manana|stamattina|vanochtend", "this morning"),
    (r"heute\s+nachmittag|cet\s+apr[eè]s[-\s]midi|esta\s+tarde|oggi\s+pomeriggio|vanmiddag", "this afternoon"),
    (r"heute\s+abend|ce\s+soir|esta\s+noche|stasera|vanavond", "tonight"),
    (
        r"morgen\s+früh|demain\s+matin|mañana\s+por\s+la\s+mañana|manana\s+por\s+la\s+manana|domani\s+mattina",
        "tomorrow morning",
    ),
    (
        r"morgen\s+nachmittag|demain\s+apr[eè]s[-\s]midi|mañana\s+por\s+la\s+tarde|domani\s+pomeriggio",
        "tomorrow afternoon",
    ),
    (
        r"übermorgen|uebermorgen|apr[eè]s[-\s]demain|pasado\s+mañana|pasado\s+manana|dopodomani|overmorgen|"
        r"depois\s+de\s+amanhã",
        "the day after tomorrow",
    ),
    (
        r"nächste\s+woche|naechste\s+woche|la\s+semaine\s+prochaine|la\s+semana\s+que\s+viene|"
        r"la\s+pr[oó]xima\s+semana|la\s+settimana\s+prossima|la\s+prossima\s+settimana|volgende\s+week|"
        r"na\s+pr[oó]xima\s+semana",
        "next week",
    ),
    (r"diese\s+woche|cette\s+semaine|esta\s+semana|questa\s+settimana|deze\s+week", "this week"),
    (r"apr[eè]s[-\s]midi|nachmittags?|pomeriggio|middag", "afternoon"),
    (r"vormittags?|matin[eé]?e?|mattina|ochtend", "morning"),
    (r"heute|aujourd'?hui|hoy|oggi|vandaag|hoje", "today"),
    (r"morgen|demain|mañana|manana|domani|amanhã|amanha", "tomorrow"),
    (r"gestern|ayer|ieri|gisteren|ontem", "yesterday"),
    (r"montag|lundi|lunes|luned[iì]|maandag|segunda[-\s]feira", "monday"),
    (r"dienstag|mardi|martes|marted[iì]|dinsdag|ter[cç]a[-\s]feira", "tuesday"),
    (r"mittwoch|mercredi|mi[eé]rcoles|mercoled[iì]|woensdag|quarta[-\s]feira", "wednesday"),
    (r"donnerstag|jeudi|jueves|gioved[iì]|donderdag|quinta[-\s]feira", "thursday"),
    (r"freitag|vendredi|viernes|venerd[iì]|vrijdag|sexta[-\s]feira", "friday"),
    (r"samstag|sonnabend|samedi|s[aá]bado|zaterdag", "saturday"),
    # "Domingo" is also a name: "the sync with Domingo" stays a person.
    (r"sonntag|dimanche|(?<!with\s)(?<!from\s)(?<!by\s)domingo|domenica|zondag", "sunday"),
)
# The article or preposition before a foreign day word goes with it ("el viernes", "am Montag").
_RE_FOREIGN = re.compile(
    r"(?<![\w'-])(?:(?:el|le|la|am|au|al|il|op|em|na|no|der|den|los|las|les|de|del|du|von|vom)\s+)?(?:"
    + "|".join(f"({p})" for p, _ in _FOREIGN)
    + r")(?![\w'-])"
)
_FOREIGN_WORDS = tuple(english for _, english in _FOREIGN)


# The first word of every phrase above (as split on spaces, punctuation after it included): a
# message without one of them is not searched at all.
_FOREIGN_FIRST = frozenset(
    word + mark
    for word in """heute ce cet esta stamattina vanochtend oggi vanmiddag stasera vanavond morgen demain mañana manana domani
    übermorgen uebermorgen après apres pasado dopodomani overmorgen depois nächste naechste la volgende na diese
    cette questa deze après-midi apres-midi aprés-midi nachmittag nachmittags pomeriggio middag vormittag vormittags
    matin matine matinee matiné matinée mattina ochtend aujourd'hui aujourdhui hoy vandaag hoje amanhã amanha gestern
    ayer ieri gisteren ontem montag lundi lunes lunedi lunedì maandag segunda segunda-feira dienstag mardi martes
    martedi martedì dinsdag terça terca terça-feira terca-feira mittwoch mercredi miércoles miercoles mercoledi
    mercoledì woensdag quarta quarta-feira donnerstag jeudi jueves giovedi giovedì donderdag quinta quinta-feira
    freitag vendredi viernes venerdi venerdì vrijdag sexta sexta-feira samstag sonnabend samedi sábado sabado
    zaterdag sonntag dimanche domingo domenica zondag après-demain apres-demain aprés-demain""".split()
    for mark in ("", ",", ".", "!", "?", ";", ":")
)


def _english(m: re.Match[str]) -> str:
    return _FOREIGN_WORDS[m.lastindex - 1 if m.lastindex else 0]


def fix_typos(text: str) -> str:
    if not _FOREIGN_FIRST.isdisjoint(text.split()):
        text = _RE_FOREIGN.sub(_english, text)
    text = _SHORTHAND.sub("tomorrow", text)
    text = _THE.sub("the", text)
    return _WORD5.sub(_fixed, text)


def _fixed(m: re.Match[str]) -> str:
    word = m.group(0)
    if word.endswith("s") and word[:-1] in _TYPO_TARGETS:
        return word  # "tuesdays", "mornings": a plural is no slip of the keyboard
    if word in REAL:
        return word  # "accent", "decide": a real word is no slip of the keyboard
    return closest(word, _TYPO_TARGETS) or word


_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?"
_RE_ISO = re.compile(r"\b(?:on\s+)?(\d{4})-(\d{1,2})-(\d{1,2})\b")
_RE_MONTH_DAY = re.compile(
    r"\b(?:on\s+)?(?:the\s+)?(?:"
    + _WD
    + r",?\s+)?"
    + _MONTH
    + r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?"
)
_RE_DAY_MONTH = re.compile(
    r"\b(?:on\s+)?(?:the\s+)?(?:"
    + _WD
    + r",?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)"
    + _MONTH
    + r"(?![a-z])(?:,?\s+(\d{4})\b)?"
)
_RE_NUMERIC = re.compile(r"\b(?:on\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\b")
_RE_ORDINAL = re.compile(r"\b(?:on\s+)?(?:the\s+)?(\d{1,2})(st|nd|rd|th)\b(?!\s*(?:floor|place|time))")
_RE_RELDAY = re.compile(
    r"\b(?:(?:on\s+)?(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|today'?s|today|"
    r"tonight'?s?|tomorrow'?s|tomorrow|yesterday'?s|yesterday|this\s+(?:morning|afternoon|arvo|evening)'?s?)\b"
)
_RE_WEEKDAY = re.compile(
    r"\b(?:(this|next|coming|on|last|past|the\s+following)\s+)?(?:(?:this|next|coming|on)\s+)?"
    + _WD
    + r"(?:'?s)?(?![a-z])(?:\s+(next|this|last)\s+week\b)?"
)
_RE_WEEK = re.compile(
    r"\b(?:(?:for\s+)?(?:the\s+)?rest\s+of\s+(?:the|this|my)\s+week|later\s+this\s+week|this\s+week'?s?|"
    r"next\s+week'?s?|the\s+week|this\s+weekend|next\s+weekend|the\s+weekend|weekend|"
    r"(?:over\s+|in\s+|for\s+)?the\s+next\s+(\d+|two|three|four|five|six|seven|a\s+couple\s+of|couple\s+of)\s+days)\b"
)
_N_WEEKS = r"(a\s+couple\s+of|couple\s+of|a\s+few|few|a|one|two|three|four|five|six|\d)"
_RE_WEEKS_FROM = re.compile(
    r"\b(?:on\s+)?"
    + _N_WEEKS
    + r"\s+weeks?\s+(?:from|after|on)\s+(?:this\s+|next\s+)?(today|tomorrow|now|"
    + _WD[1:-4]
    + r")(?:'?s)?\b"
)
_RE_IN_WEEKS = re.compile(r"\b(?:in|within)\s+" + _N_WEEKS + r"\s+weeks?(?:'?\s*time)?\b")
_RE_AFTER_NEXT = re.compile(r"\b(?:on\s+)?(?:the\s+)?" + _WD + r"\s+after\s+(?:next|the\s+next)\b(?:\s+week)?")
# British "Friday week": a week after the coming Friday.
_RE_DAY_WEEK = re.compile(r"\b(?:on\s+)?" + _WD + r"\s+week\b(?!'s)")
_RE_WEEK_AFTER_NEXT = re.compile(r"\b(?:the\s+)?week\s+after\s+next\b")
_RE_MONTH_ONLY = re.compile(
    r"\b(?:(?:in|during|for|this|next|early|mid|late|end\s+of|beginning\s+of)(?:\s+|-))+(?:the\s+month\s+of\s+)?"
    + _MONTH
    + r"(?:'?s)?(?![\w/.-])(?!\s*\d)|\b"
    + _MONTH
    + r"'s\b"
)
_RE_DOTTED = re.compile(
    r"(?<![\d.:])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?!\d))?(?![\d])|(?<=\bon\s)(\d{1,2})\.(\d{1,2})(?![\d.:])(?!\s*(?:am|pm|h)\b)"
)
_N_LONG = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+couple\s+of|couple\s+of|few)"
# "this month", "next quarter", "next year", "the next two weeks", "this fortnight": a span of days.
_RE_LONG = re.compile(
    r"\b(?:(for|during|in|over|within|across|throughout|until|till|til|through|thru|by|before|at|around)\s+)?(?:the\s+)?(?:"
    r"(this|next|coming|following)\s+(?:calendar\s+|fiscal\s+)?(year|quarter|month|fortnight)'?s?"
    r"|next\s+" + _N_LONG + r"\s+(weeks|months|quarters|years)"
    r"|(?:rest|remainder|end)\s+of\s+(?:the|this)\s+(year|quarter|month))\b"
)
# "the 3rd of next month", "the last day of the month", "Friday fortnight" ("month-end close" is a title).
_RE_NTH_OF_MONTH = re.compile(
    r"\b(?:on\s+)?(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?|last\s+day)\s+of\s+(?:the\s+)?(this|next|the\s+following|)\s*month\b"
)
_RE_DAY_FORTNIGHT = re.compile(r"\b(?:on\s+)?(?:next\s+|this\s+)?" + _WD + r"\s+fortnight\b")
# "during my vacation", "while I'm on leave": days only the user knows; asked unless days are named.
_RE_MY_TIME_OFF = re.compile(
    r"\b(?:during|over|for|through(?:out)?|on|while\s+on)\s+my\s+(?:vacation|holidays?|leave|pto|time\s+off|trip|"
    r"birthday|parental\s+leave|sabbatical|break)\b|\bwhile\s+i'?m\s+(?:on\s+(?:leave|vacation|holiday|pto|a\s+trip)|out(?:\s+of\s+office)?|"
    r"away|off|travel+ing)\b"
)
_RE_IN_FORTNIGHT = re.compile(
    r"\b(?:in|within)\s+a\s+fortnight(?:'?s\s+time)?\b|\ba\s+fortnight\s+from\s+(today|tomorrow|now)\b"
)
_LONG_WORDS = ("year", "quarter", "month", "fortnight", "weeks", "days")
_LONG_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_LONG_COUNT.update({"twelve": 12, "few": 3, "a couple of": 2, "couple of": 2})
# Holidays differ by country and by person: which days "over the holidays" means is asked.
_RE_HOLIDAYS = re.compile(
    r"\b(?:(?:over|during|throughout|through|across|for|until|till|after|before|around)\s+)?the\s+(?:holidays|hols|"
    r"festive\s+(?:season|period|break)|holiday\s+(?:season|period|break)|christmas\s+(?:break|period|holidays)|"
    r"winter\s+break|summer\s+break)\b"
)
# "Monday to Wednesday", "from Tue through Thu", "between Monday and Wednesday" (the "and" is
# made "~" by references): every day from the first to the second.
_RE_WD_RANGE = re.compile(
    r"\b(?:from\s+|between\s+)?(?:(this|next)\s+)?"
    + _WD
    + r"\s*(?:to|through|thru|till|until|-|–|~)\s*(?:(?:this|next)\s+)?"
    + _WD
    + r"(?![a-z])"
)
# "until Friday", "through next Tuesday": from today to that day.
_RE_UNTIL_WD = re.compile(
    r"\b(?:until|till|til|through|thru|up\s+(?:to|until))\s+(?:(this|next)\s+)?" + _WD + r"(?![a-z])"
)
# "early next week", "the end of the week", "EOW", "midweek": part of a week.
_RE_WEEK_PART = re.compile(
    r"\b(?:(until|till|til|through|thru|by|before|up\s+to)\s+)?(?:the\s+)?(?:(early|late|start\s+of|beginning\s+of|end\s+of|"
    r"middle\s+of|mid|back\s+end\s+of|tail\s+end\s+of)[-\s]+(?:the\s+)?(this|next)?[-\s]*week|(eow|mid[-\s]?week))\b"
)
_WEEK_PARTS = {"early": (0, 1), "start": (0, 1), "beginning": (0, 1), "mid": (1, 3), "middle": (1, 3)}
_RE_NEXT_WORKDAY = re.compile(r"\b(?:on\s+)?(?:the\s+)?next\s+(?:business|working|work|week)[-\s]?day\b")
_RE_COMING = re.compile(
    r"\b(?:(?:in|over|during|for)\s+)?(?:this|the)\s+(?:coming|next)\s+(days|weeks|week)\b|"
    r"\b(?:(?:in|over|during|for)\s+)?the\s+next\s+(?:few|several)\s+(days)\b"
)
_RE_WEEK_OF = re.compile(r"\b(?:(?:in|during)\s+)?(?:the\s+)?(?:week\s+(?:of|commencing|starting|beginning)|w/c)\s+")
_RE_QUARTER = re.compile(r"\b(?:in|during|for|throughout|over|by)\s+q([1-4])(?:\s+(\d{4}))?\b")
# Sprints differ by team: which days "this sprint" covers is asked ("the sprint review" is a title).
_RE_SPRINT = re.compile(
    r"\b(?:for\s+|during\s+|in\s+)?(?:this|next|the\s+current|the\s+next|the\s+rest\s+of\s+the)\s+sprint\b"
    r"(?!'|\s+(?:planning|review|retro|retrospective|demo|kickoff|kick-off|goals?|sync|meeting|call)\b)"
)
# Dates of holidays everyone shares ("on Christmas Eve", "Boxing Day"); "the Christmas party" is a title.
_RE_HOLIDAY_DATE = re.compile(
    r"\b(?:on\s+|over\s+)?(?:christmas|xmas)\s+(eve|day)\b|\bboxing\s+day\b|\bnew\s+year'?s?\s+(day)\b|"
    r"\b(?:on|for)\s+(?:christmas|xmas|nye|new\s+year'?s?\s+eve|halloween)\b|\bbetween\s+(?:christmas|xmas)\s+(?:and|~)\s+"
    r"(?:the\s+)?new\s+year'?s?\b|\b(until|till|til|through|thru|before|up\s+to)\s+(?:christmas|xmas|(?:the\s+)?new\s+year'?s?)\b"
)
_RE_AMPM_DAY = re.compile(r"\b(today|tomorrow|" + _WD[1:-4] + r")\s+(am|pm)\b")
# "in January 2027", "in 2027": a month of a given year, a whole year.
_RE_MONTH_YEAR = re.compile(r"\b(?:(?:in|during|for|throughout)\s+)?" + _MONTH + r",?\s+(20\d\d)\b")
_RE_YEAR = re.compile(r"\b(?:in|during|for|throughout|over)\s+(20\d\d)\b")
_RE_EVERY_WEEKDAY = re.compile(
    r"\b(?:(?:every|each)\s+"
    + _WD
    + r"(?:s\b|'s)?|all\s+(?:the|my|of\s+the|of\s+my)\s+"
    + _WD
    + r"(?=\s+(?!(?:meetings|calls|events|invites|appointments|mtgs|things|stuff)\b)[a-z0-9])|(?:on\s+)?("
    + "|".join(WEEKDAYS)
    + r")s(?=\s|$|[,.!?]))"
)
_RE_IN_DAYS = re.compile(r"\bin\s+(\d+|two|three|four|five|six|seven)\s+days\b")


_RE_REST = re.compile(
    r"\b(?:for\s+)?(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the\s+|my\s+|this\s+)?(day|today|morning|afternoon|arvo|"
    r"evening)\b|\b(?:whatever(?:'?s|\s+is)|what(?:'?s|\s+is)|everything|anything|all\s+that'?s?)\s+(?:still\s+)?left\b"
)
_PARTS = {
    "morning": (0, 12 * 60),
    "afternoon": (12 * 60, 17 * 60),
    "arvo": (12 * 60, 17 * 60),
    "evening": (17 * 60, 24 * 60),
    "night": (17 * 60, 24 * 60),
    "tonight": (17 * 60, 24 * 60),
}


def _year_for(month: int, day: int, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        # A date more than two months behind is next year's ("Jan 3rd" asked in November).
        if found >= today - timedelta(days=60):
            return found
    return None


def _full_date(year: str | None, month: int, day: int, today: date) -> date | None:
    if not year:
        return _year_for(month, day, today)
    y = int(year)
    if y < 100:
        y += 2000
    try:
        return date(y, month, day)
    except ValueError:
        return None


def _weekday_days(wd: int, mod: str | None, suffix: str | None, today: date) -> list[DayRange]:
    monday = today - timedelta(days=today.weekday())
    if suffix == "next":
        d = monday + timedelta(days=7 + wd)
        return [(d, d)]
    if suffix == "this":
        d = monday + timedelta(days=wd)
        return [(d, d)]
    if suffix == "last":
        d = monday - timedelta(days=7 - wd)
        return [(d, d)]
    delta = (wd - today.weekday()) % 7
    coming = today + timedelta(days=delta)
    if mod in ("last", "past"):
        d = coming - timedelta(days=7)
        return [(d, d)]
    if mod == "next" or mod == "the following":
        if delta == 0:
            d = today + timedelta(days=7)
            return [(d, d)]
        if wd > today.weekday() and mod == "next":
            # "next Friday" said on a Tuesday: most people mean next week's, some this week's.
            later = coming + timedelta(days=7)
            return [(later, later), (coming, coming)]
        return [(coming, coming)]
    if mod == "this" or mod == "coming":
        return [(coming, coming)]
    if delta == 0:
        # Today's own name: today while it still has what was asked for, else a week on.
        later = today + timedelta(days=7)
        return [(today, today), (later, later)]
    return [(coming, coming)]


class Found:
    """What the day and time recognizers found in one fragment."""

    __slots__ = (
        "days",
        "part",
        "time",
        "flexible",
        "after_now",
        "span",
        "either",
        "series_day",
        "fixed",
        "unclear",
        "long",
    )

    def __init__(self) -> None:
        self.days: list[DayRange] = []
        self.part: tuple[int, int] | None = None  # minutes of the day, [start, end)
        self.time: tuple[int, int] | None = None
        self.flexible = False  # no am/pm given: the other half of the day may be meant
        self.after_now = False
        self.span = False
        self.either = False  # the day alternatives are two readings of equal weight ("next Friday")
        self.series_day = False  # "every Tuesday", "on Tuesdays": a weekday of a series, not one date
        self.fixed = False  # a day counted from another ("a week from Friday"): a bare weekday does not move it
        # Time and day words that name no real time or day ("25pm", "the 31st of February"), or a
        # span nobody can pin down ("over the holidays"): they could change which meeting is meant.
        self.unclear: list[Unclear] = []
        # The words of a span longer than Regrets reads ("next year"): too far for "everything",
        # fine for "the offsite next year" (the first one in it).
        self.long = ""


def _said(m: re.Match[str]) -> str:
    """The words a recognizer matched, without the "on the" before them."""
    return re.sub(r"^(?:on\s+)?(?:the\s+)?", "", m.group(0).strip())


def take_days(text: str, today: date, day_first: bool, found: Found) -> str:
    def set_day(d: date | None) -> None:
        if d is not None:
            found.days = [(d, d)]

    def dated(m: re.Match[str], d: date | None) -> str:
        if d is None:
            found.unclear.append(Unclear(_said(m), "date"))  # "the 31st of February"
        set_day(d)
        return " "

    def iso(m: re.Match[str]) -> str:
        return dated(m, _full_date(m.group(1), int(m.group(2)), int(m.group(3)), today))

    def month_day(m: re.Match[str]) -> str:
        return dated(m, _full_date(m.group(4), _MONTHS[m.group(2)[:3]], int(m.group(3)), today))

    def day_month(m: re.Match[str]) -> str:
        return dated(m, _full_date(m.group(4), _MONTHS[m.group(3)[:3]], int(m.group(2)), today))

    def numeric(m: re.Match[str]) -> str:
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (a, b) if day_first else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        if month < 1 or month > 12:
            return m.group(0)
        return dated(m, _full_date(m.group(3), month, day, today))

    def ordinal(m: re.Match[str]) -> str:
        n = int(m.group(1))
        month, year = today.month, today.year
        for _ in range(3):
            try:
                d = date(year, month, n)
            except ValueError:
                d = None
            if d is not None and d >= today:
                set_day(d)
                return " "
            month += 1
            if month > 12:
                month, year = 1, year + 1
        found.unclear.append(Unclear(_said(m), "date"))  # "the 32nd"
        return " "

    def relday(m: re.Match[str]) -> str:
        word = m.group(0)
        if "after tomorrow" in word:
            set_day(today + timedelta(days=2))
        elif "before yesterday" in word:
            set_day(today - timedelta(days=2))
        elif word.startswith("tomorrow"):
            set_day(today + timedelta(days=1))
        elif word.startswith("yesterday"):
            set_day(today - timedelta(days=1))
        else:
            set_day(today)
            if word.startswith("tonight"):
                found.part = (17 * 60, 24 * 60)
            elif word.startswith("this "):
                return " " + word.split()[1].rstrip("'s") + " "
        return " "

    def weekday(m: re.Match[str]) -> str:
        if found.fixed:
            return " "
        name = m.group(2)
        wd = WEEKDAYS.index(name) if name in WEEKDAYS else _ABBR[name]
        found.days = _weekday_days(wd, m.group(1), m.group(3), today)
        # "next Friday" said early in the week: this week's or next week's, a person would ask.
        found.either = m.group(1) == "next" and not m.group(3) and len(found.days) == 2
        return " "

    def week(m: re.Match[str]) -> str:
        word = m.group(0)
        monday = today - timedelta(days=today.weekday())
        if "weekend" in word:
            sat = monday + timedelta(days=5)
            if word.startswith("next"):
                sat += timedelta(days=7)
            start = max(sat, today)
            found.days = [(start, sat + timedelta(days=1))]
        elif word.startswith("next week"):
            found.days = [(monday + timedelta(days=7), monday + timedelta(days=13))]
        elif m.group(1):
            raw = re.sub(r"\s+", " ", m.group(1))
            n = int(raw) if raw.isdigit() else _COUNT.get(raw, 2)
            found.days = [(today, today + timedelta(days=n))]
            found.span = True
            if n > REACH_DAYS:
                found.long = _said(m)  # "the next 90 days": more than Regrets reads
        else:
            found.days = [(today, monday + timedelta(days=6))]
            if "rest" in word or "later" in word:
                found.after_now = True
                found.span = True
        return " "

    def in_days(m: re.Match[str]) -> str:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        set_day(today + timedelta(days=min(n, 60)))
        return " "

    def rest(m: re.Match[str]) -> str:
        found.after_now = True
        found.span = True
        set_day(today)
        word = m.group(1) or ""
        if word in _PARTS:
            found.part = _PARTS[word]
        return " "

    def weekday_index(name: str) -> int:
        name = name.rstrip(".")
        return WEEKDAYS.index(name) if name in WEEKDAYS else _ABBR[name]

    def coming(wd: int) -> date:
        return today + timedelta(days=(wd - today.weekday()) % 7)

    def weeks_from(m: re.Match[str]) -> str:
        n = _WEEK_COUNT.get(re.sub(r"\s+", " ", m.group(1))) or int(m.group(1))
        base = m.group(2)
        if base in ("today", "now"):
            start = today
        elif base == "tomorrow":
            start = today + timedelta(days=1)
        else:
            start = coming(weekday_index(base))
        set_day(start + timedelta(days=7 * n))
        found.fixed = True
        return " "

    def in_weeks(m: re.Match[str]) -> str:
        n = _WEEK_COUNT.get(re.sub(r"\s+", " ", m.group(1))) or int(m.group(1))
        d = today + timedelta(days=7 * n)
        monday = d - timedelta(days=d.weekday())
        found.days = [(d, d), (monday, monday + timedelta(days=6))]
        return " "

    def after_next(m: re.Match[str]) -> str:
        wd = weekday_index(m.group(1))
        first = coming(wd)
        if first == today:
            first += timedelta(days=7)
        d = first + timedelta(days=7)
        found.days = [(d, d)]
        found.fixed = True
        if wd > today.weekday() and "after" in m.group(0):
            # Said early in the week, "the Thursday after next" counts from this week's Thursday
            # or from next week's: two readings, a person would ask.
            later = d + timedelta(days=7)
            found.days = [(d, d), (later, later)]
            found.either = True
        return " "

    def week_after_next(m: re.Match[str]) -> str:
        monday = today - timedelta(days=today.weekday()) + timedelta(days=14)
        found.days = [(monday, monday + timedelta(days=6))]
        return " "

    def month_year(m: re.Match[str]) -> str:
        month, year = _MONTHS[m.group(1)[:3]], int(m.group(2))
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        found.days = [(max(first, today) if last >= today else first, last)]
        return " "

    def year_only(m: re.Match[str]) -> str:
        year = int(m.group(1))
        first, last = date(year, 1, 1), date(year, 12, 31)
        first = max(first, today) if last >= today else first
        found.days = [(first, last)]
        if (last - first).days > REACH_DAYS:
            found.long = _said(m)
        return " "

    def month_only(m: re.Match[str]) -> str:
        name = (m.group(1) or m.group(2))[:3]
        month = _MONTHS[name]
        year = today.year if month >= today.month else today.year + 1
        first = date(year, month, 1)
        last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        found.days = [(max(first, today), last)]
        return " "

    def dotted(m: re.Match[str]) -> str:
        # "12.1." and "12.01.2027": the dotted form is written day first everywhere it is used.
        day, month = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        return dated(m, _full_date(m.group(3), month, day, today))

    def every_weekday(m: re.Match[str]) -> str:
        wd = weekday_index(m.group(1) or m.group(2) or m.group(3))
        found.series_day = True
        d = coming(wd)
        found.days = [(d, d), (d + timedelta(days=7), d + timedelta(days=7))]
        return " "

    def long(m: re.Match[str]) -> str:
        which, unit = m.group(2), m.group(3)
        if m.group(6):
            rest = "rest" in m.group(0) or "remainder" in m.group(0)
            if not rest and m.group(1) not in (
                "until",
                "till",
                "til",
                "through",
                "thru",
                "by",
                "before",
                "at",
                "around",
            ):
                return m.group(0)  # "the end of the year party": a title
            if not rest and m.group(1) in ("at", "around"):
                # "at the end of the quarter": its last days, which people count differently; asked.
                found.unclear.append(Unclear(_said(m), "vague"))
                return " "
            # "the rest of the month", "until the end of the year": from today to its end.
            which, unit = "this", m.group(6)
            found.span = True
        if m.group(5):
            raw = re.sub(r"\s+", " ", m.group(4))
            n = int(raw) if raw.isdigit() else _LONG_COUNT.get(raw, 2)
            per = {"weeks": 7, "months": 30, "quarters": 91, "years": 365}[m.group(5)]
            first, last = today, today + timedelta(days=max(n, 1) * per)
            found.span = True
        elif unit == "fortnight":
            first, last = today, today + timedelta(days=13)
        elif unit == "month":
            first = date(today.year + today.month // 12, today.month % 12 + 1, 1) if which == "next" else today
            last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
            if which in ("coming", "following"):
                first, last = today, today + timedelta(days=30)
        elif unit == "quarter":
            q_first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
            if which == "next":
                q_first = date(q_first.year + (q_first.month + 3 > 12), (q_first.month + 2) % 12 + 1, 1)
            q_next = date(q_first.year + (q_first.month + 3 > 12), (q_first.month + 2) % 12 + 1, 1)
            first, last = (q_first if which == "next" else today), q_next - timedelta(days=1)
        else:
            year = today.year + (which == "next")
            first, last = (date(year, 1, 1) if which == "next" else today), date(year, 12, 31)
        found.days = [(first, last)]
        if (last - first).days > REACH_DAYS:
            found.long = _said(m)
        return " "

    def nth_of_month(m: re.Match[str]) -> str:
        base = date(today.year, today.month, 1)
        if m.group(2) in ("next", "the following"):
            base = date(base.year + base.month // 12, base.month % 12 + 1, 1)
        last = date(base.year + base.month // 12, base.month % 12 + 1, 1) - timedelta(days=1)
        if m.group(1).startswith("last"):
            set_day(last)
            return " "
        n = int(re.sub(r"\D", "", m.group(1)))
        return dated(m, base.replace(day=n) if n <= last.day else None)

    def day_fortnight(m: re.Match[str]) -> str:
        d = coming(weekday_index(m.group(1)))
        if d == today:
            d += timedelta(days=7)
        set_day(d + timedelta(days=14))
        found.fixed = True
        return " "

    def in_fortnight(m: re.Match[str]) -> str:
        start = today + timedelta(days=1) if m.group(1) == "tomorrow" else today
        d = start + timedelta(days=14)
        if m.group(1):
            set_day(d)
        else:
            # "in a fortnight", like "in two weeks": that day, else that week.
            monday = d - timedelta(days=d.weekday())
            found.days = [(d, d), (monday, monday + timedelta(days=6))]
        return " "

    def holidays(m: re.Match[str]) -> str:
        found.unclear.append(Unclear(_said(m), "vague"))
        return " "

    def coming_day(wd: int, which: str | None, after: date | None = None) -> date:
        d = coming(wd)
        if which == "next":
            monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
            d = monday + timedelta(days=wd)
        if after is not None:
            while d < after:
                d += timedelta(days=7)
        return d

    def wd_range(m: re.Match[str]) -> str:
        first = coming_day(weekday_index(m.group(2)), m.group(1))
        last = coming_day(weekday_index(m.group(3)), None, first)
        found.days = [(first, last)]
        found.span = True
        return " "

    def until_wd(m: re.Match[str]) -> str:
        found.days = [(today, coming_day(weekday_index(m.group(2)), m.group(1)))]
        found.span = True
        return " "

    def week_part(m: re.Match[str]) -> str:
        until, word, which, single = m.group(1), m.group(2) or "", m.group(3), m.group(4) or ""
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 if which == "next" else 0)
        if single.startswith("mid"):
            word = "mid"
        a, b = _WEEK_PARTS.get(word.split()[0] if word else "end", (3, 4))
        first, last = monday + timedelta(days=a), monday + timedelta(days=b)
        if until:
            first = today
            found.span = True
        found.days = [(max(first, today) if last >= today else first, last)]
        return " "

    def next_workday(m: re.Match[str]) -> str:
        d = today + timedelta(days=1)
        while d.weekday() >= 5:
            d += timedelta(days=1)
        set_day(d)
        return " "

    def coming_span(m: re.Match[str]) -> str:
        unit = m.group(1) or m.group(2)
        if unit == "week" and today.weekday() >= 5:
            monday = today + timedelta(days=7 - today.weekday())
            found.days = [(monday, monday + timedelta(days=6))]
        else:
            found.days = [(today, today + timedelta(days={"days": 3, "week": 6, "weeks": 21}[unit]))]
        found.span = True
        return " "

    def quarter(m: re.Match[str]) -> str:
        q = int(m.group(1))
        year = int(m.group(2)) if m.group(2) else today.year
        first = date(year, 3 * q - 2, 1)
        last = date(year + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
        if not m.group(2) and last < today:
            first, last = (
                date(year + 1, 3 * q - 2, 1),
                date(year + 1 + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1),
            )
        first = max(first, today)
        found.days = [(first, last)]
        if (last - first).days > REACH_DAYS:
            found.long = _said(m)
        return " "

    def holiday_date(m: re.Match[str]) -> str:
        word = m.group(0)
        if m.group(3):
            # "until Christmas", "till the new year": from today to the day before it.
            month, day = (12, 24) if "christmas" in word or "xmas" in word else (12, 31)
            found.days = [(today, _year_for(month, day, today) or today)]
            found.span = True
            return " "
        if "between" in word:
            first = _year_for(12, 25, today) or today
            found.days = [(first, first + timedelta(days=6))]
            found.span = True
            return " "
        if "eve" in word and "christmas" not in word and "xmas" not in word or "nye" in word:
            month, day = 12, 31
        elif "boxing" in word:
            month, day = 12, 26
        elif "new year" in word:
            month, day = 1, 1
        elif "halloween" in word:
            month, day = 10, 31
        else:
            month, day = 12, 24 if m.group(1) == "eve" else 25
        set_day(_year_for(month, day, today))
        return " "

    def sprint(m: re.Match[str]) -> str:
        found.unclear.append(Unclear(_said(m), "vague"))
        return " "

    text = _TOMORROW_S.sub("tomorrow", text)
    if "hol" in text or "break" in text or "festive" in text:
        text = _RE_HOLIDAYS.sub(holidays, text)
    week_of = False
    if "week" in text or "w/c" in text:
        text, n = _RE_WEEK_OF.subn(" ", text)
        week_of = n > 0
    if "am" in text or "pm" in text:
        text = _RE_AMPM_DAY.sub(lambda m: m.group(1) + (" morning" if m.group(2) == "am" else " afternoon"), text)
    if "sprint" in text:
        text = _RE_SPRINT.sub(sprint, text)
    if "q" in text:
        text = _RE_QUARTER.sub(quarter, text)
    text = _RE_HOLIDAY_DATE.sub(holiday_date, text)
    text = _RE_WD_RANGE.sub(wd_range, text)
    text = _RE_UNTIL_WD.sub(until_wd, text)
    if "week" in text or "eow" in text:
        text = _RE_WEEK_PART.sub(week_part, text)
    if "day" in text:
        text = _RE_NEXT_WORKDAY.sub(next_workday, text)
    if "coming" in text or "next" in text:
        text = _RE_COMING.sub(coming_span, text)
    time_off = _RE_MY_TIME_OFF.search(text) if "my" in text or "while" in text else None
    if time_off:
        text = _RE_MY_TIME_OFF.sub(" ", text)
    if "month" in text:
        text = _RE_NTH_OF_MONTH.sub(nth_of_month, text)
    if "fortnight" in text:
        text = _RE_DAY_FORTNIGHT.sub(day_fortnight, text)
    if any(word in text for word in _LONG_WORDS):
        text = _RE_LONG.sub(long, text)
        text = _RE_IN_FORTNIGHT.sub(in_fortnight, text)
    text = _RE_WEEKS_FROM.sub(weeks_from, text)
    text = _RE_IN_WEEKS.sub(in_weeks, text)
    text = _RE_AFTER_NEXT.sub(after_next, text)
    text = _RE_DAY_WEEK.sub(after_next, text)
    text = _RE_WEEK_AFTER_NEXT.sub(week_after_next, text)
    text = _RE_DOTTED.sub(dotted, text)
    text = _RE_EVERY_WEEKDAY.sub(every_weekday, text)
    text = _RE_REST.sub(rest, text)
    text = _RE_ISO.sub(iso, text)
    text = _RE_MONTH_DAY.sub(month_day, text)
    text = _RE_DAY_MONTH.sub(day_month, text)
    if "20" in text:
        text = _RE_MONTH_YEAR.sub(month_year, text)
        text = _RE_YEAR.sub(year_only, text)
    text = _RE_MONTH_ONLY.sub(month_only, text)
    text = _RE_NUMERIC.sub(numeric, text)
    text = _RE_WEEK.sub(week, text)
    text = _RE_IN_DAYS.sub(in_days, text)
    text = _RE_RELDAY.sub(relday, text)
    text = _RE_WEEKDAY.sub(weekday, text)
    text = _RE_ORDINAL.sub(ordinal, text)
    if time_off and not found.days:
        found.unclear.append(Unclear(time_off.group(0), "vague"))
    if week_of and len(found.days) == 1 and found.days[0][0] == found.days[0][1]:
        # "the week of the 14th", "w/c 7 December": the Monday-to-Sunday week holding that day.
        d = found.days[0][0]
        monday = d - timedelta(days=d.weekday())
        found.days = [
            (max(monday, today) if monday + timedelta(days=6) >= today else monday, monday + timedelta(days=6))
        ]
    return text


_T = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a|p)?"
_TIME_WORD = r"(noon|midday|midnight|lunch(?:time)?)"
_ANY_T = "(?:" + _T + "|" + _TIME_WORD + ")"

_RE_BETWEEN = re.compile(
    r"\b(?:between|from)\s+" + _ANY_T + r"\s*(?:and|~|to|till|until|-|–)\s*" + _ANY_T + r"(?![\d:])"
)
_RE_DASH = re.compile(r"\b" + _T + r"\s*(?:-|–)\s*" + _T + r"(?![\d:])")
_RE_AFTER = re.compile(r"\b(?:after|later\s+than|past|from)\s+" + _ANY_T + r"(?![\d:/])")
_RE_BEFORE = re.compile(r"\b(?:before|until|till|earlier\s+than)\s+" + _ANY_T + r"(?![\d:/])")
_RE_PART = re.compile(r"\b(?:in\s+the\s+|this\s+)?(morning|afternoon|arvo|evening|night)'?s?\b")
_RE_MER = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|(a|p)\b)")
_RE_COLON = re.compile(r"\b(\d{1,2}):(\d{2})(?:h|hrs?)?\b|\b(\d{1,2})\.(\d{2})\b(?!\.\d)")
_RE_OCLOCK = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\s*o'?\s*clock\b")
_RE_NOON = re.compile(r"\b(?:12\s*)?(noon|midday|midnight)\b")
_RE_HALF = re.compile(
    r"\b(half|quarter)\s+(past|to|after)\s+(\d{1,2}|" + "|".join(_NUMBERS) + r")\b"
    r"|\bhalf\s+(\d{1,2}|" + "|".join(_NUMBERS) + r")\b"
)
# "16h", "15h30", "11h00" (French, Portuguese, Spanish habit) and "10 hours" / "14 hrs" as a clock
# time (non-native "the meeting of tomorrow 10 hours"); a duration ("for 2 hours", "2 hours
# long", "the 2h training") is left alone: a whole hour before 7 is read as a length.
# "the 30 min review", "a 45-minute call": a length, which is no word of the title.
_RE_LENGTH = re.compile(r"\b\d{1,3}\s*-?\s*(?:mins?|minutes?)\b(?!\s+(?:ago|later|before|after|early|late|from))")
_RE_H = re.compile(r"(?<![:.\d])\b(\d{1,2})h(\d{2})?\b|\b(\d{1,2})(?:[:.](\d{2}))?\s*uhr\b")
_RE_HOURS = re.compile(
    r"(?<!\bfor\s)(?<!\bin\s)(?<!\bnext\s)(?<!\blast\s)(?<!\bover\s)(?<!\bwithin\s)"
    r"(?<!\ba\s)(?<!\bfew\s)(?<!\bthe\s)(?<!\babout\s)"
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:hours|hrs|hr)\b"
    r"(?!\s*(?:long|later|ago|before|after|from|of|earlier|early|late|each|per|a\b|of\b|meeting|"
    r"session|workshop|training|block|slot)\b)"
)
_RE_BARE = re.compile(
    r"(\b(?:at|my|the|for|around|about|of|is|'s|and|or|um|om|alle|las|à)\s+|@\s*|\bnext\s+|^[\s,]*)(\d{1,2})\b"
    r"(?!\s*(?:st|nd|rd|th|/|:|%|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|meetings|events|calls|"
    r"people|persons?|of|more|others?|invites?)\b)"
    r"(?!\s*-)"
)


# "3ish", "2:30-ish": about then, like "around 3".
_RE_ISH = re.compile(
    r"\b(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday|lunch(?:time)?|morning|afternoon|evening)\s*-?\s*ish\b"
)
_RE_PART_MOD = re.compile(r"\b(early|late|mid)[-\s]*(morning|afternoon|arvo|evening)\b")
_PART_MODS = {
    ("early", "morning"): (0, 10 * 60),
    ("mid", "morning"): (9 * 60 + 30, 11 * 60 + 30),
    ("late", "morning"): (10 * 60, 12 * 60),
    ("early", "afternoon"): (12 * 60, 15 * 60),
    ("mid", "afternoon"): (14 * 60, 16 * 60),
    ("late", "afternoon"): (15 * 60, 17 * 60 + 30),
    ("early", "evening"): (17 * 60, 19 * 60),
    ("mid", "evening"): (18 * 60 + 30, 21 * 60),
    ("late", "evening"): (20 * 60, 24 * 60),
}
_RE_AFTER_HOURS = re.compile(
    r"\b(?:after|out\s+of|outside(?:\s+of)?)\s+(?:the\s+)?(?:work(?:ing)?\s+|business\s+|office\s+)?hours\b"
)
_RE_HALF_ALONE = re.compile(
    r"\b(?:half|quarter)\s+(?:past|to|after)\b(?!\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b)"
)
_RE_WORK_DAY = re.compile(r"\b(before|after)\s+work\b")
_RE_EARLY_LATE = re.compile(r"\b(early|late)\s+(?=(?:meetings?|calls?|ones?|syncs?|mtgs?|stuff|things?)\b)")
_RE_SAME_TIME = re.compile(r"\b(?:at\s+)?(?:the\s+)?(?:same\s+time|usual\s+time)\b")
_EOD = r"(?:eod|cob|close\s+of\s+(?:business|play)|end[-\s]of[-\s](?:the[-\s])?(?:business[-\s]|work(?:ing)?[-\s])?day)"
# "after EOD", "before COB", "my end-of-day call": the working day ends at 5 pm.
_RE_EOD_AFTER = re.compile(r"\b(?:after|past|from)\s+(?:the\s+)?" + _EOD + r"\b")
_RE_EOD_BEFORE = re.compile(r"\b(?:before|by|until|till|til|up\s+to|through)\s+(?:the\s+)?" + _EOD + r"\b")
# Bare "EOD" is a time only as "at EOD" or before a kind of meeting or a day ("the EOD report review" is a title).
_RE_EOD = re.compile(
    r"\b(?:at|around)\s+(?:the\s+)?"
    + _EOD
    + r"\b|\b(?:the\s+)?"
    + _EOD
    + r"(?=\s*(?:$|[,.!?;]|(?:calls?|meetings?|syncs?|"
    r"check-?ins?|checkins?|huddles?|mtgs?|ones?|sessions?|catch-?ups?|catchups?|wrap-?ups?|wrapups?|today|tomorrow|on|this|next)\b))"
)
_RE_LUNCHTIME = re.compile(r"\b(?:at\s+|over\s+|during\s+|around\s+)?(?:lunch\s*time|lunch\s+hour)\b")
# "first thing tomorrow": the first meeting of the morning ("my first thing tomorrow" is only the first).
_RE_FIRST_THING = re.compile(r"(?<!\bthe\s)(?<!\bmy\s)\b(first|last)[-\s]thing(?:\s+in\s+the\s+(?:morning|day))?\b")

# "the 1430", "at 0930", "my 930": a clock time run together; "the 9 15": with a space instead of a colon.
_RE_RUNON = re.compile(
    r"(\b(?:at|my|the|@|around|about|before|after|until|till|by|from|for)\s*|@\s*)(\d{1,2})([0-5]\d)\s*(?:h|hrs?)?(?![\w/:.-])"
)
_RE_SPACED = re.compile(
    r"(\b(?:at|my|the|@|around|about)\s*)(\d{1,2})\s+([0-5]\d)\b"
    r"(?!\s*(?:-|mins?|minutes?|hours?|hrs?|days?|weeks?|people|persons?|meetings?|calls?|st|nd|rd|th)\b)"
)


def _hour_default(hour: int) -> tuple[int, bool]:
    """A clock hour without am/pm as a meeting time: 1-7 are afternoon, 8-11 morning."""
    if hour >= 13 or hour == 0:
        return hour, False
    if 1 <= hour <= 7:
        return hour + 12, True
    return hour, hour != 12


def _clock(hour: str, minute: str | None, mer: str | None) -> tuple[int, int, bool] | None:
    h, mi = int(hour), int(minute or 0)
    if h > 23 or mi > 59:
        return None
    if mer:
        if h > 12 or h == 0:
            return None
        m = mer[0]
        if m == "p" and h != 12:
            h += 12
        elif m == "a" and h == 12:
            h = 0
        return h, mi, False
    h, flexible = _hour_default(h)
    return h, mi, flexible


def _word_clock(groups: tuple[str | None, ...]) -> tuple[int, int, bool] | None:
    hour, minute, mer, word = groups
    if word:
        return {"noon": (12, 0, False), "midday": (12, 0, False), "midnight": (0, 0, False)}.get(word, (12, 0, False))
    if hour is None:
        return None
    return _clock(hour, minute, mer)


def take_times(text: str, found: Found) -> str:
    def set_time(h: int, mi: int, flexible: bool) -> None:
        if found.time is None:
            found.time = (h, mi)
            found.flexible = flexible

    def between(m: re.Match[str]) -> str:
        a = _word_clock(m.groups()[0:4])
        b = _word_clock(m.groups()[4:8])
        if a is None or b is None:
            return m.group(0)
        start, end = a[0] * 60 + a[1], b[0] * 60 + b[1]
        if end <= start and b[2]:
            end = (b[0] - 12) * 60 + b[1] if b[0] >= 12 and (b[0] - 12) * 60 + b[1] > start else end
        if end <= start and end < 12 * 60:
            end += 12 * 60
        if a[2] and b[2] is False and start >= 12 * 60 and start - 12 * 60 < end and end <= 12 * 60:
            start -= 12 * 60
        found.part = (start, max(end, start + 1))
        return " "

    def dash(m: re.Match[str]) -> str:
        a = _clock(m.group(1), m.group(2), m.group(3) or m.group(6))
        b = _clock(m.group(4), m.group(5), m.group(6))
        if a is None or b is None:
            return m.group(0)
        if not (m.group(3) or m.group(6)):
            # "the 3-3:30": a meeting's own start and end, not a range to search.
            set_time(*a)
            return " "
        found.part = (a[0] * 60 + a[1], max(b[0] * 60 + b[1], a[0] * 60 + a[1] + 1))
        return " "

    def after(m: re.Match[str]) -> str:
        t = _word_clock(m.groups())
        if t is None:
            return m.group(0)
        start = t[0] * 60 + t[1] + (60 if m.group(4) and m.group(4).startswith("lunch") else 0)
        found.part = (start, 24 * 60)
        return " "

    def before(m: re.Match[str]) -> str:
        t = _word_clock(m.groups())
        if t is None:
            return m.group(0)
        found.part = (0, t[0] * 60 + t[1])
        return " "

    def part(m: re.Match[str]) -> str:
        if found.part is None:
            found.part = _PARTS[m.group(1)]
        return " "

    def unreadable(m: re.Match[str]) -> str:
        found.unclear.append(Unclear(m.group(0).strip(), "time"))  # "25pm", "13pm", "9:75"
        return " "

    def mer(m: re.Match[str]) -> str:
        t = _clock(m.group(1), m.group(2), (m.group(3) or m.group(4) or "").replace(".", ""))
        if t is None:
            return unreadable(m)
        set_time(*t)
        return " "

    def colon(m: re.Match[str]) -> str:
        t = _clock(m.group(1) or m.group(3), m.group(2) or m.group(4), None)
        if t is None:
            return unreadable(m) if m.group(1) else m.group(0)
        set_time(*t)
        return " "

    def oclock(m: re.Match[str]) -> str:
        word = m.group(1)
        hour = _NUMBERS.get(word) or int(word)
        t = _clock(str(hour), None, None)
        if t is None:
            return unreadable(m)
        set_time(*t)
        return " "

    def span_of(start: int, end: int) -> Callable[[re.Match[str]], str]:
        def take(m: re.Match[str]) -> str:
            if found.part is None:
                found.part = (start, end)
            return " "

        return take

    def first_thing(m: re.Match[str]) -> str:
        # "first thing tomorrow" is early, in the morning; "last thing" only the last meeting.
        if found.part is None and m.group(1) == "first":
            found.part = (0, 12 * 60)
        return " " + m.group(1) + " "

    def noon(m: re.Match[str]) -> str:
        set_time(0 if m.group(1) == "midnight" else 12, 0, False)
        return " "

    def half(m: re.Match[str]) -> str:
        if m.group(4):
            hour, minutes = _NUMBERS.get(m.group(4)) or int(m.group(4)), 30  # British "half 3", "half two"
        else:
            word = m.group(3)
            hour = _NUMBERS.get(word) or int(word)
            minutes = 30 if m.group(1) == "half" else 15
            if m.group(2) == "to":
                hour, minutes = hour - 1, 60 - minutes
        t = _clock(str(hour % 24), str(minutes), None)
        if t is None:
            return m.group(0)
        set_time(*t)
        return " "

    def bare(m: re.Match[str]) -> str:
        t = _clock(m.group(2), None, None)
        if t is None and m.group(1).strip() in ("at", "my", "@", "around", "about"):
            found.unclear.append(Unclear(m.group(0).strip(), "time"))  # "my 25"
            return " "
        if t is None or int(m.group(2)) == 0:
            return m.group(0)
        set_time(*t)
        return " " + m.group(1)

    def hours(m: re.Match[str]) -> str:
        if m.re is _RE_H and m.group(3):
            # "14 Uhr", "9.30 Uhr": German clock time, always 24-hour.
            h, mi = int(m.group(3)), int(m.group(4) or 0)
            if h > 23 or mi > 59:
                return unreadable(m)  # "25 Uhr"
            set_time(h, mi, False)
            return " "
        h = int(m.group(1))
        if h > 23 or (m.group(2) and int(m.group(2)) > 59):
            return unreadable(m) if m.re is _RE_H else m.group(0)
        if h < 7 and not m.group(2):
            return " "  # "the 2h workshop": a length, not 2 in the morning, and no word of the title
        # Said the 24-hour way, so no am/pm guessing: "8h" is 8 in the morning.
        set_time(h, int(m.group(2) or 0), False)
        return " "

    def runon(m: re.Match[str]) -> str:
        hour, minute = m.group(2), m.group(3)
        if m.group(1).strip() in ("for", "from", "by") and hour in ("19", "20"):
            return m.group(0)  # "for 2027": a year
        t = _clock(hour, minute, None)
        if t is None:
            return m.group(0)
        # Written the 24-hour way ("0930", "1430"): no am/pm guessing.
        set_time(t[0], t[1], t[2] and not hour.startswith("0") and int(hour) < 10 and len(hour) == 1)
        return " " + m.group(1)

    text = _RE_HALF.sub(half, text)
    if "ish" in text:
        text = _RE_ISH.sub(lambda m: (" around " if m.group(1)[0].isdigit() else " ") + m.group(1) + " ", text)
    if "same" in text or "usual" in text:
        text = _RE_SAME_TIME.sub(" ", text)
    if "early" in text or "late" in text or "mid" in text:
        text = _RE_PART_MOD.sub(
            lambda m: span_of(*_PART_MODS[(m.group(1), "afternoon" if m.group(2) == "arvo" else m.group(2))])(m), text
        )
    if "hours" in text:
        text = _RE_AFTER_HOURS.sub(span_of(17 * 60, 24 * 60), text)
    if "past" in text or " to" in text or "after" in text:
        text = _RE_HALF_ALONE.sub(unreadable, text)  # "at quarter past": past which hour?
    if "work" in text:
        text = _RE_WORK_DAY.sub(
            lambda m: span_of(*((0, 9 * 60) if m.group(1) == "before" else (17 * 60, 24 * 60)))(m), text
        )
    if "early" in text or "late" in text:
        text = _RE_EARLY_LATE.sub(
            lambda m: span_of(*((0, 10 * 60) if m.group(1) == "early" else (17 * 60, 24 * 60)))(m), text
        )
    text = _RE_LENGTH.sub(" ", text)
    text = _RE_RUNON.sub(runon, text)
    text = _RE_SPACED.sub(runon, text)
    text = _RE_H.sub(hours, text)
    text = _RE_HOURS.sub(hours, text)
    if "eod" in text or "cob" in text or "of" in text:
        text = _RE_EOD_AFTER.sub(span_of(17 * 60, 24 * 60), text)
        text = _RE_EOD_BEFORE.sub(span_of(0, 17 * 60), text)
        text = _RE_EOD.sub(span_of(16 * 60, 18 * 60), text)
    if "thing" in text:
        text = _RE_FIRST_THING.sub(first_thing, text)
    text = _RE_BETWEEN.sub(between, text)
    text = _RE_DASH.sub(dash, text)
    text = _RE_AFTER.sub(after, text)
    text = _RE_BEFORE.sub(before, text)
    if "lunch" in text:
        text = _RE_LUNCHTIME.sub(span_of(11 * 60 + 30, 14 * 60), text)
    text = _RE_PART.sub(part, text)
    text = _RE_MER.sub(mer, text)
    text = _RE_COLON.sub(colon, text)
    text = _RE_OCLOCK.sub(oclock, text)
    text = _RE_NOON.sub(noon, text)
    text = _RE_BARE.sub(bare, text)
    return text
