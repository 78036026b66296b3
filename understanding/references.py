"""Stage 4, people and subject (with the day, time and zone words from `timewords` and `zones`).

Cuts the request into one `MeetingRef` per meeting named ("my 3pm and the 4pm retro" gives
two) and reads each: day, clock time and its zone, part of the day, subject words, people
(attendees, organizer, "Priya's", "the one Sam set up", a company as "the Fabrikam people"),
next/first/last/current, "in an hour", a meeting placed against another ("the call before
the all-hands"), spans ("everything on Friday") and "except ...".

Judgement calls:
- "lunch and learn" may be one title (the resolver glues it when an event has all the
  words), but a part with its own article ("the standup and the retro") or after "+" is a
  meeting of its own.
- "both syncs", or a kind of meeting in the plural on a named day ("the product syncs
  today"), is every meeting that fits, not a question; "except the design reviews" leaves
  out all of them.
- "16h", "15h30", "10 hours" are clock times, but a whole hour before 7 there ("a 2h
  workshop") is a length.
- A kind of meeting in the plural without a day ("decline my standups", "the 1:1s with Sam")
  is every upcoming one (each listed); "all the standups" is still the series.
- "with customers", "outside folks", "team-only", "just us" are who attends (external or
  internal, `MeetingRef.company`); "customer calls" may also be a title holding "customer".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from understanding import timewords, zones
from understanding.fuzzy import FILLER, normalize, words
from understanding.model import MeetingRef, Unclear

_RE_BETWEEN_AND = re.compile(r"\b(between\s+\S+)\s+and\s+")

_RE_WITH_AND = re.compile(
    r"\b((?:with\s+|w\s+|w/\s*)[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*)?)\s+(?:and|&)\s+(?!the\b|my\b|a\b|an\b|all\b|every|\d|"
    r"on\b|at\b|tomorrow|today|next\b|this\b|also\b|then\b|say|tell|let\b)"
)

_RE_AND_HOUR = re.compile(
    r"\b(and|&|or)\s+(?=\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a|p)?(?:\s|$|,)(?!\s*(?:st|nd|rd|th|people|others|more)\b))"
)
_RE_PLUS = re.compile(r"(?<=\w)\s*\+\s*(?=\w)")

_RE_WITH_TAIL = re.compile(r"\b(?:with|w/|w)\s*[a-z][a-z'.-]*\s*$")

_RE_SPLIT = re.compile(r"\s*(?:[,;]|\band\s+also\b|\band\b|&|\bplus\b|\bas\s+well\s+as\b|\balong\s+with\b|\bor\b)\s*")

_RE_PEOPLE = re.compile(
    r"(?:\b(?:with|w|from|by|organi[sz]ed\s+by|hosted\s+by|sent\s+by|set\s+up\s+by|run\s+by|led\s+by)\s+|\bw/\s*)"
    r"((?:[a-z][a-z'.-]*)(?:\s*\+\s*[a-z][a-z'.-]*|\s+[a-z][a-z'.-]*){0,3})"
)

_RE_EMAIL = re.compile(r"\b(?:with\s+|from\s+)?([a-z0-9._+-]+)@[a-z0-9.-]+\.[a-z]{2,}\b(?:'s\b)?")

_RE_POSSESSIVE = re.compile(r"\b([a-z][a-z.-]+)'s\b")

_RE_NEXT = re.compile(r"\b(?:next|upcoming|soonest|following|coming)\b")

_RE_FIRST = re.compile(r"\b(?:first|earliest)\b")

# "my second meeting tomorrow", "the 3rd call", "the second to last one": counted from an edge.
_RE_NTH = re.compile(
    r"\b(second|2nd|third|3rd|fourth|4th|fifth|5th)(\s+(?:to|from(?:\s+the)?)\s+last)?\b"
    r"(?=\s+(?:meeting|one|call|thing|appointment|event|session|sync)s?\b)"
)
_NTH = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}

_RE_LAST = re.compile(r"\b(?:last|final|latest)\b")

_RE_SPAN = re.compile(
    r"\b(?:all|every|everything|each|anything|any|entire|whole)\b|\bmy\s+(?:day|calendar|schedule|afternoon|morning)\b|"
    r"\b(?:meetings|events|calls|invites|invitations|appointments|mtgs)\b"
)

_RE_EVERY = re.compile(r"\b(?:every|each|all)\b")

# "both syncs", or a kind of meeting in the plural on a named day ("the product syncs today"):
# every meeting that fits, not a question about which one.
_RE_BOTH = re.compile(r"\bboth\b")

_RE_KINDS = re.compile(
    r"\b(?:syncs|reviews|stand-?ups|standups|checkins|oneonones|townhalls|retros|retrospectives|interviews|check-?ins|catch-?ups|sessions|demos|"
    r"huddles|briefings|trainings|workshops|lunches|dinners|debriefs|scrums|dailies|plannings|1:1s|1on1s|"
    r"one-?on-?ones|calls|meetings)\b"
)

_PEOPLE_STOP = frozenset(
    "the my a an on at in for and today tomorrow next this that about re regarding to me us you him her them "
    "everyone anyone team tonight morning afternoon arvo evening please is are was i it later earlier so but because "
    "too also again thanks as if when every all each any some which who".split()
)

_RE_SINGULAR = re.compile(r"\b(?:meeting|mtg|call|event|invite|invitation|one|appointment|session|thing)\b")

_POSSESSIVE_STOP = frozenset(
    "what it that there here let who he she today tomorrow yesterday everyone everybody one this week month "
    "where how when why that which somebody someone nobody name whatever".split()
    + list(timewords.WEEKDAYS)
)

_STOP = frozenset(
    """please pls plz can could would will you u kindly hey hi hello yo hiya regrets bot thanks thank thx ty also too
    just go ahead want wanna like need needs id i'd i'm im i've ive have has had got gotten get do does did done to for
    from me mine myself we our so then there here what whatever which who whom whose when where any some
    scheduled planned booked set up invited coming today tomorrow one ones thing things stuff those these
    them it its is are was be been being am yes yeah yep ok okay sure good great fine cool that's thats lets let's
    of as on at in by with about re regarding titled called named entitled calendar day all every everything
    each anything entire whole schedule mtg mtgs invites invitation invitations appointment appointments
    time times slot held happening later earlier today's tomorrow's week's hey also again actually really
    asap either both other another respond response reply rsvp attend attending join joining make
    morning afternoon arvo evening night tonight lunchtime o clock oclock am pm now currently up
    sorry oh well but if not no only kind sort some maybe tentatively tentative decline accept mark put
    remaining both two three four five couple few several occurrence instance
    pst pdt pt est edt et cst cdt ct mst mdt gmt bst utc cet cest ist aest aedt jst local
    people folks guys crew gang lot side might may probably possibly whatever comes come happens sometime around
    um uh erm hmm el le mein meine mon mi mis il het las anyone someone somebody anybody
    """.split()
)


@dataclass
class _Piece:
    days: list[tuple[date, date]]
    time: tuple[int, int] | None
    flexible: bool
    part: tuple[int, int] | None
    after_now: bool
    subject: list[str]
    people: list[str]
    relative: str | None
    span: bool
    every: bool
    article: bool
    count: int = 1
    nth: int = 1
    bare: bool = False  # only a day was named ("decline Friday"): the whole day
    plural: bool = False  # a kind of meeting in the plural ("the design reviews")
    owner: bool = False  # people named with a possessive ("Louis's meeting")
    zones: tuple[str, ...] = ()
    organizer: bool = False
    both: bool = False
    either: bool = False
    series_day: bool = False
    in_minutes: int | None = None
    anchor: tuple[str, MeetingRef] | None = None
    company: str | None = None
    company_word: str = ""
    unclear: tuple[Unclear, ...] = ()
    long: str = ""  # the words of a span longer than Regrets reads ("next year")
    foreign: tuple[str, ...] = ()  # words that are not English ("jutro", "reunión"): a title's, or not understood

    def ref(self) -> MeetingRef:
        return MeetingRef(
            days=tuple(self.days),
            time=self.time,
            flexible=self.flexible and not self.zones,  # "11 London time" is 11 there, no pm fallback
            part=self.part,
            after_now=self.after_now,
            subject=tuple(self.subject),
            people=tuple(self.people),
            relative=self.relative,
            span=self.span,
            count=self.count,
            nth=self.nth,
            own=self.article,
            owner=self.owner,
            zones=self.zones,
            organizer=self.organizer,
            both=self.both,
            either=self.either,
            in_minutes=self.in_minutes,
            anchor=self.anchor,
            company=self.company,
            company_word=self.company_word,
            foreign=self.foreign,
        )

    @property
    def only_days(self) -> bool:
        return bool(self.days) and not (
            self.time
            or self.part
            or self.subject
            or self.people
            or self.relative
            or self.span
            or self.anchor
            or self.in_minutes is not None
        )

    @property
    def only_people(self) -> bool:
        return bool(self.people) and not (
            self.days or self.time or self.part or self.subject or self.relative or self.span or self.article
        )

    @property
    def empty(self) -> bool:
        return not (
            self.days
            or self.time
            or self.part
            or self.subject
            or self.people
            or self.relative
            or self.span
            or self.after_now
            or self.in_minutes is not None
            or self.anchor
            or self.company
        )


_RE_ARTICLE = re.compile(r"^\s*(?:the|my|a|an|our)\b")

_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple": 2, "few": 3}

_RE_COUNT = re.compile(
    r"\b(next|first|last|upcoming)\s+(\d{1,2}|two|three|four|five|six|couple(?:\s+of)?|few)\s+"
    r"(?=(?!(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|am|pm|a|p|o'?clock|of)\b)[a-z])"
)

# "the meeting Priya sent (me)", "the one Sam set up": the organizer named after the meeting.
_RE_SENT_BY = re.compile(
    r"\b(meeting|one|invite|invitation|call|event|thing|sync|session)\s+"
    r"(?!(?:i|i've|you|we|they|he|she|it|that|which|who|was|is|on|at|for|to|tomorrow|today)\b)([a-z][a-z'.-]*)\s+"
    r"(?:sent|sends|set\s+up|sets\s+up|setup|organi[sz]ed|organi[sz]es|scheduled|schedules|booked|books|created|"
    r"arranged|arranges|called|invited\s+me\s+to|put\s+in|runs|ran|hosts|hosted|owns|chairs|chaired|leads|led)\b"
    r"(?:\s+(?:me|us|out|up|over|for\s+(?:me|us)))?"
)
_RE_ORGANIZED_BY = re.compile(r"\b(?:organi[sz]ed|hosted|sent|set\s+up|scheduled|booked|run|chaired)\s+by\s+(?=[a-z])")

_RE_EXCEPT = re.compile(
    r"\s*\b(?:except(?:\s+for)?|but\s+not|other\s+than|apart\s+from|excluding|aside\s+from|"
    r"save\s+for|not\s+including|but\s+keep|besides)\b\s*"
)

_RE_IN_TIME = re.compile(
    r"\b(?:in|within)\s+(?:(?:about|around|roughly)\s+)?(an?|one|two|three|four|five|half\s+an|\d{1,3})\s*"
    r"(hours?|hrs?|h|minutes?|mins?)(?:\s+(?:time|from\s+now))?\b|"
    r"\b(an?|one|two|three|\d{1,3})\s*(hours?|hrs?|minutes?|mins?)\s+from\s+now\b"
)

_IN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half an": 0.5}

_RE_CURRENT = re.compile(r"\b(?:current|ongoing)\b")

# "the call before the all-hands", "the one after lunch": a meeting placed against another one.
_RE_ANCHOR = re.compile(
    r"\b(?:right\s+|just\s+|immediately\s+|directly\s+)?(after|before|following|preceding|ahead\s+of)\s+"
    r"(?=(?:the|my|our)\s+(?!\d|rest\b|end\b|weekend|week|day\b|morning|afternoon|evening|noon|midday|lunch\s*time)"
    r"|lunch\b)"
)

_RE_WORD = re.compile(r"[^\W\d_][\w'-]*")
# Everyday words from other languages that the day-word table (timewords) does not translate:
# days and times in Polish, Scandinavian, Czech, Finnish, Turkish, Indonesian and Russian said in
# Latin letters, and the word for "meeting" in several. One of them in no title on the calendar
# is not understood, so the bot asks instead of answering "Nothing called ...".
_NOT_ENGLISH = frozenset(
    """jutro dzisiaj dzis pojutrze wczoraj poniedzialek wtorek sroda czwartek piatek sobota niedziela spotkanie
    imorgon idag imorgen igaar mandag tirsdag onsdag torsdag fredag lordag sondag tisdag mandagen fredagen
    zitra dnes pozitri schuzka huomenna tanaan maanantai tiistai keskiviikko torstai perjantai palaveri
    yarin bugun toplanti besok lusa rapat zavtra segodnya vstrecha
    besprechung sitzung treffen termin morgens abends mittags woche wochenende naechsten kommenden
    semaine prochain prochaine soir rendez-vous semana proxima proximo junta riunione settimana prossima
    domattina vergadering overleg morgenochtend volgende reuniao""".split()
)


def _not_english(word: str) -> bool:
    """A word in letters English does not use ("reunión", "jutro" aside) or on the list above."""
    return not word.isascii() or word in _NOT_ENGLISH


# "the day after", "the day before": the neighbouring day of the meeting named next.
_RE_DAY_SIDE = re.compile(r"\b(?:on\s+)?the\s+day\s*$")


def _in_minutes(m: re.Match[str]) -> int | None:
    count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    n = _IN_COUNT[count] if count in _IN_COUNT else int(count)
    return int(n * 60) if unit.startswith("h") else int(n)


# Everyday words for meetings with people from another company ("with customers", "outside
# folks", "vendor calls") or with colleagues only ("team-only", "just us"): see MeetingRef.company.
_EXT_WHO = (
    r"(?:customers?|clients?|vendors?|suppliers?|partners?|prospects?|"
    r"(?:external|outside)\s+(?:people|folks|guests|parties|attendees|participants|contacts|teams?|companies|orgs?)|"
    r"(?:anyone|someone|somebody|anybody|people|folks)\s+external|externals?|"
    r"(?:people|folks|guests|anyone|someone)\s+(?:from\s+)?outside(?:\s+(?:the\s+|our\s+)?(?:company|org|organi[sz]ation))?|"
    r"(?:third|3rd)[-\s]part(?:y|ies))"
)
_RE_EXT_WITH = re.compile(
    r"\b(?:with|w/|w|involving|including)\s+(?:the\s+|our\s+|a\s+|an\s+|my\s+|some\s+|any\s+)?"
    + _EXT_WHO
    + r"(?![\w-])"
)
_RE_EXT_PLAIN = re.compile(
    r"\b(?:external|outside)\s+(?:people|folks|guests|parties|companies|contacts|attendees)\b|"
    r"\b(?:customer|client|partner|vendor|external)[-\s]facing\b|\b(?:third|3rd)[-\s]party\b"
)
# "customer calls", "partner meetings": the company filter, unless a title holds the word.
_RE_EXT_KIND = re.compile(
    r"\b(customer|client|vendor|supplier|partner|prospect)s?\s+(?=(?:meeting|call|sync|mtg|event|one|stuff|"
    r"thing|checkin|session|review)s?\b)"
)
_RE_INTERNAL = re.compile(
    r"\b(?:team[-\s]only|internal[-\s]only|in[-\s]house|just\s+us|only\s+us|(?:with\s+)?no\s+externals?|"
    r"without\s+(?:any\s+)?(?:externals?|customers|clients|guests|outside\s+(?:people|folks)|"
    r"external\s+(?:people|folks|guests))|"
    r"(?:with\s+)?(?:only\s+|just\s+)?(?:internal|in-house)\s+(?:people|folks|colleagues|attendees|staff|guests)(?:\s+only)?|"
    r"(?:not|n't)\s+(?:with|involving|including)\s+(?:any\s+|the\s+|our\s+)?" + _EXT_WHO + r")(?![\w-])"
)


# Letters every company phrase holds: a piece without any of them is not searched.
_COMPANY_HINTS: tuple[str, ...] = (
    "custom",
    "client",
    "vendor",
    "supplier",
    "partner",
    "prospect",
    "extern",
    "outside",
    "part",
)
_COMPANY_HINTS += ("only", "house", "us", "non", "internal")


_COMPANY_SAID = frozenset(("external", "internal"))
_RE_NON = re.compile(r"\bnon[-\s]?(?:internal|external)\b")


def _company(text: str) -> tuple[str, str | None, str]:
    """(the text without the company words, external | internal | None, the title word it may be instead)."""
    if not any(hint in text for hint in _COMPANY_HINTS):
        return text, None, ""
    non = _RE_NON.search(text)
    if non:
        # "non-internal meetings" are the external ones, "non-external" the internal ones.
        which = "external" if "internal" in non.group(0) else "internal"
        return _RE_NON.sub(" ", text), which, ""
    if _RE_INTERNAL.search(text):
        return _RE_INTERNAL.sub(" ", text), "internal", ""
    if _RE_EXT_WITH.search(text):
        return _RE_EXT_WITH.sub(" ", text), "external", ""
    if _RE_EXT_PLAIN.search(text):
        return _RE_EXT_PLAIN.sub(" ", text), "external", ""
    kind = _RE_EXT_KIND.search(text)
    if kind:
        return text, "external", kind.group(1)
    return text, None, ""


# "us" the pronoun ("the call with us"), not "US" the team or country ("the US sync").
_RE_US_PRONOUN = re.compile(r"\b(with|for|to|of|invited|join|let|tell|give|send|sent)\s+us\b")


def _piece(text: str, today: date, day_first: bool) -> _Piece:
    text = _RE_US_PRONOUN.sub(r"\1 ", text)
    anchored = _RE_ANCHOR.search(text)
    if anchored and anchored.start() > 0:
        head = _piece(text[: anchored.start()], today, day_first)
        other = _piece(text[anchored.end() :], today, day_first)
        side = "after" if anchored.group(1) in ("after", "following") else "before"
        day = _RE_DAY_SIDE.search(text, 0, anchored.start())
        if day and not other.empty:
            # "the day after the offsite": the next day, not later that day; with nothing else
            # named, everything on it ("decline the day before the board meeting").
            head = _piece(text[: day.start()], today, day_first)
            if not (head.subject or head.people or head.time or head.relative):
                head.span = True
            head.days = []
            head.anchor = ("day " + side, other.ref())
            return head
        if not other.empty and not head.time:
            if not head.days and other.days:
                head.days = list(other.days)
            head.anchor = (side, other.ref())
            return head
    found = timewords.Found()
    in_minutes = None
    moved = _RE_IN_TIME.search(text)
    if moved:
        in_minutes = _in_minutes(moved)
        text = text[: moved.start()] + " " + text[moved.end() :]
    text, zone_names = zones.take_zone(text)
    text, company, company_word = _company(text)
    article = bool(_RE_ARTICLE.match(text))
    count = 1
    counted = _RE_COUNT.search(text)
    if counted:
        # "my next 2 meetings": a number of meetings, not a time.
        raw = counted.group(2)
        count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw.split()[0], 2)
        text = text[: counted.start()] + " " + counted.group(1) + " " + text[counted.end() :]
    # "the meeting Summer organized", "organized by Summer": only meetings that person organizes.
    organizer = bool(_RE_SENT_BY.search(text) or _RE_ORGANIZED_BY.search(text))
    text = _RE_SENT_BY.sub(r" \1 with \2 ", text)
    # Before the day words: "my 3rd meeting" is no 3rd of the month.
    nth, counted_from = 1, None
    ordinal = _RE_NTH.search(text)
    if ordinal:
        counted_from, nth = ("last" if ordinal.group(2) else "first"), _NTH[ordinal.group(1)]
        text = text[: ordinal.start()] + " " + text[ordinal.end() :]
    text = timewords.take_days(text, today, day_first, found)
    text = timewords.take_times(text, found)
    people: list[str] = []
    owners: list[str] = []

    def take_people(m: re.Match[str]) -> str:
        kept: list[str] = []
        for w in re.split(r"\s*\+\s*|\s+", m.group(1)):
            if w in _PEOPLE_STOP:
                if kept:
                    break
                return m.group(0)
            kept.append(w.strip(".'"))
        people.extend(k for k in kept if k)
        return " "

    def possessive(m: re.Match[str]) -> str:
        word = m.group(1)
        if word in _POSSESSIVE_STOP:
            return " "
        people.append(word)
        owners.append(word)
        return " "

    def email(m: re.Match[str]) -> str:
        people.extend(w for w in re.split(r"[._+-]+", m.group(1)) if w)
        return " "

    text = _RE_EMAIL.sub(email, text)
    text = _RE_PEOPLE.sub(take_people, text)
    text = _RE_POSSESSIVE.sub(possessive, text)
    relative = None
    if _RE_CURRENT.search(text):
        relative = "current"
        text = _RE_CURRENT.sub(" ", text)
    if counted_from and not relative:
        relative = counted_from
    for name, pattern in (("next", _RE_NEXT), ("first", _RE_FIRST), ("last", _RE_LAST)):
        if relative:
            break
        if pattern.search(text):
            relative = name
            text = pattern.sub(" ", text)
            break
    kinds = bool(_RE_KINDS.search(text))
    span = (
        found.span
        or bool(_RE_SPAN.search(text))
        or bool(_RE_BOTH.search(text))
        or bool((found.days or found.part) and kinds)
        # "decline my standups", "the 1:1s with Sam": every upcoming one, each listed, not just the next.
        or (kinds and not (found.time or relative or in_minutes is not None))
    )
    if (
        (found.days or found.part)
        and not (found.time or relative or people or in_minutes is not None)
        and not _RE_SINGULAR.search(text)
    ):
        # "decline Friday", "decline tomorrow", "decline my afternoon": the whole day (or part
        # of it), unless one meeting is named.
        leftover = [w for w in re.findall(r"[a-z0-9']+", text) if w not in _STOP and w not in FILLER]
        bare = not leftover
    else:
        bare = False
    every = bool(_RE_EVERY.search(text))
    subject = [
        w
        for w in words(" ".join(t for t in re.findall(r"[a-z0-9']+", text) if t not in _STOP))
        if w not in _STOP and not w.isdigit()
    ]
    unclear = list(found.unclear)
    if found.long and (span or company):
        # "decline everything next year": more days than Regrets reads, so it asks for fewer.
        unclear.append(Unclear(found.long, "far"))
    return _Piece(
        days=found.days,
        time=found.time,
        flexible=found.flexible,
        part=found.part,
        after_now=found.after_now,
        subject=subject,
        people=people,
        relative=relative,
        span=span,
        every=every,
        article=article,
        bare=bare,
        count=count if relative else 1,
        nth=nth,
        plural=bool(_RE_KINDS.search(text)),
        owner=bool(owners),
        zones=zone_names,
        organizer=organizer and bool(people),
        both=bool(_RE_BOTH.search(text)),
        either=found.either,
        series_day=found.series_day,
        in_minutes=in_minutes,
        company=company,
        company_word=company_word,
        unclear=tuple(unclear),
        long=found.long,
        foreign=tuple(
            dict.fromkeys(
                w for w in _RE_WORD.findall(text) if _not_english(w) and set(words(w) or ("",)) <= set(subject)
            )
        ),
    )


def _pieces(text: str, today: date, day_first: bool) -> list[_Piece]:
    # "interview + debrief" lists two meetings, each named on its own ("and the debrief");
    # "with Kim + Alex" stays one meeting with two people.
    text = _RE_PLUS.sub(lambda m: m.group(0) if _RE_WITH_TAIL.search(text, 0, m.start()) else " and the ", text)
    text = _RE_BETWEEN_AND.sub(r"\1 ~ ", text)
    # "my 10 and 2 on Friday": a bare number after "and" is another clock time.
    text = _RE_AND_HOUR.sub(r"\1 at ", text)
    text = _RE_WITH_AND.sub(r"\1 + ", text)
    pieces = [_piece(chunk, today, day_first) for chunk in _RE_SPLIT.split(text) if chunk.strip()]
    # A piece of nothing but unreadable words ("my 25pm") is kept to tell what was not understood.
    pieces = [p for p in pieces if not p.empty or p.unclear]
    merged: list[_Piece] = []
    for p in pieces:
        if merged and p.only_people:
            merged[-1].people.extend(p.people)
        else:
            merged.append(p)
    if len(merged) > 1:
        day_only = [p for p in merged if p.only_days]
        rest = [p for p in merged if not p.only_days]
        if rest and day_only:
            out: list[_Piece] = []
            for p in rest:
                out.append(p)
            for d in day_only:
                # "Monday and Tuesday" said on a Tuesday: the later day follows the earlier one.
                before = [p.days[0][0] for p in out if p.days]
                if before and len(d.days) > 1:
                    d.days = [alt for alt in d.days if alt[0] >= max(before)] or d.days
                dayless = [p for p in out if not p.days]
                if dayless:
                    for p in dayless:
                        p.days = list(d.days)
                else:
                    src = out[-1]
                    out.append(
                        _Piece(
                            **{
                                **src.__dict__,
                                "days": list(d.days),
                                "subject": list(src.subject),
                                "people": list(src.people),
                            }
                        )
                    )
            merged = out
    for p in merged:
        if p.bare and not (p.time or p.subject or p.people or p.relative):
            p.span = True
    if len(merged) > 1:
        with_days = {tuple(p.days) for p in merged if p.days}
        if len(with_days) == 1:
            only = list(next(iter(with_days)))
            for p in merged:
                if not p.days and (p.time or p.part or p.subject or p.people or p.span):
                    p.days = list(only)
    return merged


# "the meeting I'm in right now", "the call that's happening now": the meeting in progress.
_RE_CURRENT_PHRASE = re.compile(
    r"\b(meeting|call|one|session|thing|sync)\s+(?:that\s+|which\s+)?(?:(?:i'?m|i\s+am)\s+(?:currently\s+|already\s+)?"
    r"(?:in|on|attending|sitting\s+in)|(?:is\s+|that'?s\s+)?(?:happening|going\s+on|running|in\s+progress))"
    r"(?:\s+(?:right\s+)?now)?\b",
    re.I,
)

_RE_PRONOUN = re.compile(r"\b(?:it|that\s+one|this\s+one|that|this)\s*\W*$")

# A clause about a meeting, then the verb and only "it": the meeting, with its day or time if said.
_RE_CLAUSE_IT = re.compile(
    r"^\W*((?:the|my|our|this|that)\s+(?:[\w:&/-]+\s+){0,4}?[\w:&/-]+"
    r"(?:\s+(?:on|at|this|next)\s+[\w:]+|\s+(?:today|tomorrow|tonight))?)\s+"
    r"(?:clashes|conflicts|overlaps|collides|is|isn't|was|has|got|keeps|now)\b[^,]*?"
    r"(?:\s+(?:so|and|please|pls|just))*(?:\s*[,;-])+\s+(?:it|that\s+one|this\s+one|that)\W*$"
)

_RE_ANTECEDENT = re.compile(
    r"\b(?:this|that|these|those|the|my|our|today'?s|tomorrow'?s)\s+((?:[\w:&/-]+\s+){0,3}?[\w:&/-]+)\s+"
    r"(?:is|are|was|were|isn't|aren't|seems|seem|looks|has|have|keeps|keep|will|always|never|again|just|sounds)\b"
    r"|\b(?:this|that|these|those|the|my|our|today'?s|tomorrow'?s)\s+((?:[\w&/-]+\s+){0,3}?(?:sync|meeting|call|standup|"
    r"review|retro|oneonone|checkin|catchup|session|demo|huddle|briefing|training|workshop|interview|debrief|scrum|"
    r"planning|allhands|townhall|kickoff|offsite|qbr)s?)\b"
)


STOP = _STOP


_RE_LEAD_MEETING = re.compile(
    r"\b(?:the|my|our|this|that|today'?s|tomorrow'?s)\s+(?:[\w&/-]+\s+){0,3}?(?:sync|meeting|call|standup|review|retro|"
    r"oneonone|checkin|catchup|session|demo|huddle|briefing|training|workshop|interview|debrief|scrum|planning|"
    r"allhands|townhall|kickoff|offsite|qbr)\b"
)


def mark_current(command: str) -> str:
    """ "the meeting I'm in right now" → "the meeting current" (before "right now" means "at once")."""
    return _RE_CURRENT_PHRASE.sub(r"\1 current ", command)


@dataclass(frozen=True, slots=True)
class Refs:
    refs: tuple[MeetingRef, ...]
    excluded: tuple[MeetingRef, ...]  # named after "except"
    every: bool  # "every weekly review": a kind of meeting with every/all and no day
    series_day: bool  # "all the Tuesday syncs", "on Mondays"
    from_lead: bool = False  # the meeting was named in the clause before the request, not in it
    unclear: tuple[Unclear, ...] = ()  # time and day words not understood ("25pm", "next year" for everything)
    long: str = ""  # a span longer than Regrets reads ("next year"): too much to show as one agenda


def take_refs(
    body: str, lead_reason: str | None, earlier: list[str], today: date, day_first: bool, clear: bool
) -> Refs:
    """The meetings named in `body` (lower-case, the verb blanked out)."""
    excluded: list[_Piece] = []
    cut = _RE_EXCEPT.search(body)
    if cut:
        excluded = _pieces(body[cut.end() :], today, day_first)
        body = body[: cut.start()]
    clause = _RE_CLAUSE_IT.match(body)
    if clause:
        # "the fabrikam call on monday clashes with a school run so decline it": the meeting is
        # the clause's subject, the rest of the clause says why.
        body = clause.group(1)
    pieces = _pieces(body, today, day_first)
    # "everything tomorrow except the 25pm": what is left out must be understood as well.
    unclear = tuple(u for p in (*pieces, *excluded) for u in p.unclear)
    pieces = [p for p in pieces if not p.empty]
    excluded = [p for p in excluded if not p.empty]
    shared_days = {tuple(p.days) for p in pieces if p.days}
    for p in excluded:
        if not p.days and len(shared_days) == 1:
            p.days = list(next(iter(shared_days)))
        # "except the design reviews" leaves out every one of them.
        p.span = (p.span and not (p.subject or p.people or p.time)) or p.plural
    if clear:
        for p in pieces:
            p.span = True
    if not any(p.days for p in pieces) and lead_reason:
        lead = _piece(lead_reason.lower(), today, day_first)
        for p in pieces:
            p.days = list(lead.days)
    from_lead = False
    if lead_reason and not any(p.subject or p.people or p.time or p.days for p in pieces):
        # "I'm off the billing sync - decline the whole series": the meeting is in the lead clause.
        named = _RE_LEAD_MEETING.search(normalize(timewords.fix_typos(lead_reason.lower())))
        if named:
            lead_pieces = [p for p in _pieces(named.group(0), today, day_first) if p.subject or p.people]
            if lead_pieces:
                pieces, from_lead = lead_pieces, True
    if not pieces and earlier and _RE_PRONOUN.search(body):
        # "ugh, this eng sync is such a waste of time. decline it": "it" is the meeting named before.
        for seg in reversed(earlier):
            named = _RE_ANTECEDENT.search(normalize(timewords.fix_typos(seg.lower())))
            if named:
                pieces = [p for p in _pieces(named.group(1) or named.group(2), today, day_first) if not p.empty]
                for p in pieces:
                    p.span = False  # "these eng syncs ... decline it": one meeting, said in the plural
                break
    return Refs(
        refs=tuple(p.ref() for p in pieces),
        excluded=tuple(p.ref() for p in excluded),
        # "all my client calls", "all external calls": a filter on who attends, no series of one title.
        every=any(
            p.every and p.subject and not (p.days or p.time or p.part or p.company or set(p.subject) <= _COMPANY_SAID)
            for p in pieces
        ),
        series_day=any(p.series_day and not p.time for p in pieces),
        from_lead=from_lead,
        unclear=unclear,
        long=next((p.long for p in pieces if p.long), ""),
    )
