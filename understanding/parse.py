"""Turn what a user wrote in Teams into a `Request`: what to do, to which meetings, saying what.

`parse(text, now)` is pure and fast (hand-written regexes compiled at import). It finds
the intent, the note for the organizer (kept in the user's own words), whether to notify,
whether the whole series is meant, and one `MeetingRef` per meeting the user named
("my 3pm and the 4pm retro" gives two). It does not look at the calendar: which day a
bare "3pm" means is decided by `resolve`, which sees the events.

Judgement calls (where a sensible person could go either way, this is the rule):
- After a spaced dash, or after a comma when the clause has its subject dropped ("might be
  late", "will catch the recording", "running a workshop", "at the dentist"), words that
  name no meeting are the note for the organizer.
- One word after a dash ("client call - tata", "sync — infra") is the rest of the meeting's
  title, not a note; a note after a dash is a clause ("- have a flight at 6").
- "16h", "15h30", "10 hours" are clock times, but a whole hour before 7 there ("a 2h
  workshop") is a length.
- "lunch and learn" may be one title (the resolver glues it when an event has all the
  words), but a part with its own article ("the standup and the retro") or after "+" is a
  meeting of its own.
- "not the series" / "just this one" rules the series out even though it says "series".
- "after all", "anyway", "on second thought" are talk, not part of a meeting's name.
- "both syncs", or a kind of meeting in the plural on a named day ("the product syncs
  today"), is every meeting that fits, not a question; "except the design reviews" leaves
  out all of them.
- The note is kept even when no meeting fits (the bot may ask which meeting and still send it).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from understanding import timewords, zones
from understanding.fuzzy import FILLER, normalize, words

ACTIONS = ("decline", "accept", "tentative", "cancel")
INTENTS = ACTIONS + ("agenda", "help", "signout", "abort", "other")


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """One meeting (or one span of meetings) the user named."""

    # Alternatives in order of preference, each an inclusive (first, last) day range;
    # empty when no day was said ("my 3pm").
    days: tuple[tuple[date, date], ...] = ()
    time: tuple[int, int] | None = None  # start time (hour, minute) in the user's zone
    flexible: bool = False  # no am/pm given: the other half of the day is a fallback
    part: tuple[int, int] | None = None  # start between these minutes of the day: [from, to)
    after_now: bool = False  # "the rest of today"
    subject: tuple[str, ...] = ()  # normalized subject words ("standup", "oneonone", "retro")
    people: tuple[str, ...] = ()  # name words of attendees/organizer ("kim", "alex")
    relative: str | None = None  # next | first | last
    span: bool = False  # everything that fits ("everything on Friday", "all my meetings")
    count: int = 1  # how many from the edge a relative reference takes ("my next 2 meetings")
    # Named with its own article ("the standup and the retro"): never glued to the one before
    # it into one title the way "lunch and learn" is.
    own: bool = field(default=False, compare=False)
    # The people were named as owners ("Louis's meetings"): the meetings they organize come first.
    owner: bool = field(default=False, compare=False)
    # The clock time was said in another zone ("11am Eastern"): IANA names, several when the
    # abbreviation has several readings (IST); empty means the mailbox zone.
    zones: tuple[str, ...] = ()
    either: bool = False  # the day alternatives are equally likely readings ("next Friday"): ask
    in_minutes: int | None = None  # "in an hour": the meeting starting about that long from now
    # "the call before the all-hands": (after | before, the meeting it is placed against).
    anchor: tuple[str, MeetingRef] | None = None

    @property
    def is_empty(self) -> bool:
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
        )


@dataclass(frozen=True, slots=True)
class Request:
    intent: str  # decline accept tentative cancel agenda help signout abort other
    refs: tuple[MeetingRef, ...] = ()
    comment: str | None = None  # the user's own words for the organizer
    notify: bool = True  # False only when the user asked not to notify
    scope: str = "occurrence"  # occurrence | series
    immediate: bool = False  # "right away": skip the confirmation
    proposed_time: tuple[datetime, datetime] | None = None
    # Meetings named after "except"/"but not": left out of what the other references find.
    excluded: tuple[MeetingRef, ...] = ()
    day_first: bool = field(default=False, compare=False)
    # "decline the 2pm and suggest 5pm instead": when the user proposes instead (a day and/or a
    # clock time); `proposed_time` is only known once the meeting (and its length) is.
    proposal: MeetingRef | None = None


# ---------------------------------------------------------------- cleaning

_RE_AT = re.compile(r"<at\b[^>]*>.*?</at>", re.I | re.S)
_RE_TAG = re.compile(r"<[^>]{1,200}>")
_RE_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d\u2b00-\u2bff\u2190-\u21ff\u20e3]")
_RE_AMPM = re.compile(r"(?<=[\d\s])([ap])\.\s?m\b\.?", re.I)
_RE_SPACE = re.compile(r"\s+")
# Missing spaces people type in a hurry: "my11:30", "decline2pm", "the3pm".
_RE_GLUED = re.compile(r"(?i)\b(my|at|the|decline|accept)(?=\d)")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2032": "'"})


def clean(text: str, *, quotes: bool = True) -> str:
    text = _RE_AT.sub(" ", text or "")
    text = html.unescape(_RE_TAG.sub(" ", text))
    if quotes:
        text = text.translate(_QUOTES)
    text = _RE_EMOJI.sub(" ", text)
    text = _RE_AMPM.sub(lambda m: m.group(1) + "m", text)
    text = _RE_GLUED.sub(r"\1 ", text)
    return _RE_SPACE.sub(" ", text).strip()


_MONTH_ABBR = {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "ms",
    "mrs",
    "dr",
    "st",
    "vs",
    "e.g",
    "i.e",
    "approx",
}
_RE_BREAK = re.compile(r"([.!?]+)\s+|\n+")


def sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _RE_BREAK.finditer(text):
        before = text[start : m.start()].rsplit(" ", 1)[-1].lower()
        if m.group(1) == "." and (before in _MONTH_ABBR or len(before) == 1) and before not in ("i",):
            continue
        nxt = text[m.end() : m.end() + 1]
        if m.group(1) and nxt.isdigit():
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


# ---------------------------------------------------------------- comment, notify, immediate, series

_TELL_WHO = (
    r"(?:them|him|her|everyone|everybody|all|people|the\s+(?:organi[sz]er|host|team|group|others|attendees"
    r"|other\s+attendees)|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    # "tell jordan sorry": after "tell" the next word is who, whatever its case.
    r"|(?!(?:i|i'm|im|i'll|i've|we|we're|that|my|it|it's|this|about|know)\b)[a-z][a-z'.-]*)"
)
_RE_MARKER = re.compile(
    r"(?:^|(?<=[\s,;:.!?(]))(?:(?:and|but|then|also|&)\s+)?(?:please\s+|pls\s+|just\s+|can\s+you\s+)?(?:"
    r"(?:say|saying|said|write|writing|reply|replying|respond|responding|answer|answering|explain|explaining|"
    r"mention|mentioning|add|adding|include|including)"
    r"(?!\s+(?:no|yes|maybe)\b)(?!\s+to\s+(?!them\b|him\b|her\b|the\s+organi))(?!\s+(?:it|the\s+(?:meeting|invite)))"
    r"(?:\s+(?:to|back|with|that|this|the\s+following|something\s+like|a\s+(?:note|message|comment|reason)|"
    r"the\s+(?:note|message|comment|reason)|them|him|her|the\s+organi[sz]er|as|saying)\b)*"
    r"|(?:inform|informing|convey|conveying|state|stating)(?:\s+(?:them|him|her|the\s+organi[sz]er))?\s+that"
    r"|(?:tell|telling|let|letting|inform|informing|remind|reminding|message|messaging|email|emailing|notify|"
    r"notifying|advise|advising|ping|warn|warning)\s+" + _TELL_WHO + r"(?:\s+(?:know|that|about|as))*"
    r"|(?:with|w/)\s*(?:a|the|this|my|an)?\s*(?:note|message|comment|reason|reply|response|explanation|msg|text|excuse)"
    r"(?:\s+(?:saying|that\s+says|that|of|being|is|reading))?"
    r"|(?:note|message|comment|reason|reply|response|msg|explanation|excuse)(?:\s+(?:being|is|would\s+be))?\s*[:=-]"
    r"|comment(?:ing)?\s+(?:that|saying)|reason\s+being|because(?:\s+of)?|'cause|cuz|coz|b/c|bc(?=\s)"
    r"|since(?=\s+(?:i|i'm|im|we|my|it's|there)\b)|as(?=\s+(?:i|i'm|im|we)\b)"
    r")(?=[\s:,\"'-]|$)\s*[:,-]?\s*",
    re.I,
)
_RE_REASON = re.compile(
    r"(?:[,;:(]|\s[-–—]+|^)\s*(?=(?:i'm|i\s+am|im|i've|i\s+have|i'll|i\s+will|i\s+won't|i\s+can't|i\s+cannot|"
    r"i\s+need|i\s+got|i\s+must|i\s+was|i'd|i\s+feel|i\s+had|i\s+don't|i\s+do\s+not|i\s+should|i\s+just|"
    r"we\s|we're|my\s+(?:kid|son|daughter|wife|husband|partner|flight|train|car|doctor|dentist|child|family|mom|"
    r"dad|mother|father|baby|dog|cat|internet|laptop)|out\s|ooo\b|sick\b|ill\b|travell?ing|on\s+(?:leave|vacation|"
    r"holiday|pto|a\s+plane|a\s+flight|call)|feeling|something\s+(?:came|has\s+come)\s+up|conflict|"
    r"double[- ]?booked|personal|family|doctor|dentist|busy\b|not\s+feeling|unwell|off\s+(?:today|sick|tomorrow)|"
    r"stuck|running\s+late|out\s+of\s+(?:the\s+)?office|have\s+a\s+conflict|clash|overlap|can't\s+make|"
    r"won't\s+make|no\s+longer|not\s+relevant|not\s+needed|not\s+interested|"
    r"it(?:'s|\s+is)\s+(?:not|no\s+longer|a\s+conflict|clashing|overlapping)|"
    # A clause with its subject dropped, as people write in chat: "might be late", "will catch
    # the recording", "running a workshop", "at the dentist", "away that week".
    r"(?:will|won't|wont|can't|cant|cannot|might|may|must|need\s+to|have\s+to|gotta|gonna)\s+(?!you\b|u\b)|"
    r"(?:have|has|got)\s+(?:a|an|another|other|some)\s+(?!look\b)|"
    r"(?!(?:meeting|morning|evening|something|nothing|training|planning|briefing|onboarding|hiring|building|"
    r"wedding|offering|ending|pending|during|booking|recording|opening|closing|kickoff|standing)\b)"
    r"[a-z]{2,}ing\s+(?:a|an|the|my|to|at|in|on|from|with|for|home|late|out|back|off|this|that|some|all)\b|"
    r"at\s+(?:a|an|the|my)\s+(?!\d)|away\b|emergency|prior\s+commitment|back[- ]to[- ]back|"
    r"(?:in|with)\s+(?:a|an)\s+(?:client|customer|workshop|training|offsite|class|interview|all[- ]day)))",
    re.I,
)
_RE_LEAD = re.compile(
    r"^\W*(?:(?:hi|hey|hello|so|ok|okay|well|ugh|sorry)\b\W*)*(.+?)\s*[,;:–—-]+\s*"
    r"(?=(?:(?:so|and|please|pls|can\s+you|could\s+you|would\s+you|just)\s+)*\S*\s*$)",
    re.I | re.S,
)
_RE_PLEASANTRY = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|great|cool|perfect|awesome|nice|yes|yeah|yep|sure|good|thanks?(?:\s+you)?|thx|ty|"
    r"cheers|please|pls|much\s+appreciated|appreciate\s+it|sorry|bye|that's\s+(?:all|it|good|great|fine)|"
    r"that\s+is\s+(?:all|it)|done|lol|hi|hello|hey)\W*)+(?:so\s+much|a\s+lot|again|regrets|bot)?\W*$",
    re.I,
)
_RE_GREETING = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya|dear|good\s+(?:morning|afternoon|evening)|morning|ok(?:ay)?|so|"
    r"sorry)(?:\s+(?:regrets|bot|team|all|there))?\b[\s,.!:;-]*)+",
    re.I,
)
_RE_TAIL_PLEASANTRY = re.compile(r"(?:[,.!;\s]+(?:thanks?(?:\s+you)?|thx|ty|cheers|pls|please))+[.!\s]*$", re.I)
_RE_VERB_AFTER = re.compile(
    r"(?:[,;.]\s*|\s+)(?:and\s+|then\s+|also\s+)*(?:please\s+|can\s+you\s+|could\s+you\s+)?"
    r"(?=(?:decline|accept|reject|skip|tentatively|cancel|clear)\b)",
    re.I,
)
_RE_NOTIFY_OFF = re.compile(
    r"(?:[,;]?\s*\b(?:and|but|so)\s+)?(?:please\s+)?(?:"
    r"(?:do\s*n[o']?t|do\s+not|no\s+need\s+to|without|never|w/o|shouldn't|should\s+not)\s+(?:bother\s+)?(?:even\s+)?"
    r"(?:send(?:ing)?|notify(?:ing)?|tell(?:ing)?|inform(?:ing)?|e-?mail(?:ing)?|let(?:ting)?|repl(?:y|ying)|"
    r"respond(?:ing)?|alert(?:ing)?|messag(?:e|ing)|ping(?:ing)?|answer(?:ing)?|rsvp(?:ing)?)\b"
    r"(?:\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?|\s+[a-z]+(?=\s+know\b))?"
    r"(?:\s+(?:a|an|any|the|them|him|her|anyone|anybody|anything|everyone|people|back|know|out|organi[sz]er|host|"
    r"response|reply|notification|notice|message|email|note|rsvp|responses|replies|notifications|messages|emails|"
    r"to|about|it|attendees))*"
    r"|(?:silently|quietly|secretly|discreetly|on\s+the\s+quiet|on\s+the\s+down\s*low)"
    r"|(?:with\s+)?no\s+(?:response|reply|notification|notice|email|message|rsvp)s?(?:\s+(?:sent|to\s+(?:the\s+)?"
    r"(?:organi[sz]er|them|anyone)|needed|necessary|required))*"
    r"|without\s+(?:a\s+|any\s+)?(?:response|reply|notification|notice)"
    r"|(?:and\s+)?keep\s+it\s+(?:quiet|silent)"
    r")(?![a-z])",
    re.I,
)
_RE_IMMEDIATE = re.compile(
    r"(?:[,;]?\s*\b(?:and\s+)?(?:do\s+it\s+|just\s+)?)?(?:"
    r"right\s+away|right\s+now|immediately|asap|straight\s+away|at\s+once|(?<!from\s)now(?=\s*(?:[,.!?;]|please\b|pls\b|thanks?\b|$))"
    r"|without\s+(?:asking|confirm(?:ing|ation)?|checking|a\s+confirmation|double[- ]checking)(?:\s+(?:me|first|with\s+me))*"
    r"|(?:don'?t|do\s+not|no\s+need\s+to)\s+(?:ask|confirm|check|double[- ]check)(?:\s+(?:me|first|with\s+me|again))*"
    r"|no\s+(?:confirmation|questions\s+asked)(?:\s+needed)?|just\s+do\s+it|skip\s+(?:the\s+)?confirmation"
    r")\b",
    re.I,
)
_RE_SERIES = re.compile(
    r"\b(?:(?:the\s+)?(?:whole|entire|full|complete)\s+(?:series|thing|recurrence|recurring\s+(?:series|meeting)|set)"
    r"|(?:all|every|each)\s+(?:of\s+the\s+|of\s+my\s+|my\s+)?(?:future|upcoming|recurring|subsequent|following)"
    r"(?!\s+(?:meetings|events|calls|invites|ones|appointments|mtgs)\b)"
    r"|from\s+now\s+on|going\s+forward|permanently|for\s+good|forever|in\s+the\s+future"
    r"|(?:all\s+)?(?:the\s+)?(?:occurrences|instances)|series|recurring|recurrence"
    # "every day this week" is that week's occurrences, not the series.
    r"|every\s+(?:time|week|day|occurrence|instance|single\s+one)(?!\s+(?:this|next|that)\s+week))\b",
    re.I,
)

# "just this one, not the series": the user ruling the series out is no request for it.
_RE_NOT_SERIES = re.compile(
    r"[,;]?\s*\b(?:(?:but\s+)?not\s+(?:for\s+)?|rather\s+than\s+|instead\s+of\s+)(?:the\s+)?(?:whole\s+|entire\s+)?"
    r"(?:series|recurrence|recurring\s+(?:meeting|series|one)|whole\s+thing|all\s+of\s+them|every\s+(?:week|one|time)|"
    r"future\s+ones|the\s+rest)\b",
    re.I,
)
_RE_DISCOURSE = re.compile(
    r"\b(?:after\s+all|on\s+(?:second|2nd)\s+thoughts?|come\s+to\s+think\s+of\s+it|anyways?|in\s+the\s+end)"
    r"(?=\s*(?:[,.!?;]|$))|^\W*(?:actually|on\s+(?:second|2nd)\s+thoughts?|anyways?)\b",
    re.I,
)
_RE_NO_COMMENT = re.compile(
    r"\b(?:without|with\s+no|no)\s+(?:a\s+|any\s+)?(?:comment|note|message|reason|"
    r"explanation)s?\b",
    re.I,
)

# ---------------------------------------------------------------- intents (lower-case text)

_RE_SIGNOUT = re.compile(
    r"\b(?:sign|log)\s*(?:me\s+)?(?:out|off)\b|\bsignout\b|\blogout\b|\bforget\s+me\b"
    r"|\bdisconnect\s+(?:me|my\s+account)\b"
)
_RE_HELP = re.compile(
    r"^\W*(?:help|\?+|what\s+can\s+(?:you|i)\s+(?:do|say|ask)|how\s+(?:does\s+(?:this|it)|do\s+(?:i|you))\s+"
    r"(?:work|use)|commands?|usage|instructions|menu|what\s+do\s+you\s+do|who\s+are\s+you)\b|\bhelp\s*\W*$"
)
_RE_TENT_STRONG = re.compile(
    r"\b(?:tentative(?:ly)?(?:\s+accept(?:ed)?)?|pencil\s+(?:me\s+|it\s+)?in(?:\s+for)?|"
    r"(?:mark|set|put)\s+(?:me\s+|it\s+)?(?:down\s+)?(?:as\s+)?(?:maybe|tentative)(?:\s+for)?|"
    r"(?:say|rsvp|respond|reply)\s+maybe(?:\s+(?:to|for))?|"
    r"not\s+sure\s+(?:if\s+|whether\s+|that\s+)?i\s*(?:'ll|\s+will|\s+can)\s+(?:make(?:\s+it\s+to)?|attend|join|do|be\s+at)|"
    r"(?:i'?m|i\s+am)\s+a\s+maybe\s+(?:for|on))\b"
)
_RE_DECLINE = re.compile(
    r"\b(?:declin(?:e|ed|es|ing)|reject|refuse|turn\s+down|say\s+no(?:\s+to)?|rsvp\s+no(?:\s+(?:to|for))?|"
    r"no\s+to|send\s+(?:my\s+)?regrets(?:\s+(?:for|to))?|regrets\s+(?:for|to)|skip(?:ping)?|pass\s+on|bail\s+on|"
    r"get\s+me\s+out\s+of|remove\s+me\s+from|take\s+me\s+off|drop\s+(?:out\s+of|me\s+from)|opt\s+out\s+of|"
    r"(?:i\s+)?(?:can'?t|cannot|can\s+not|won'?t|will\s+not|wont|unable\s+to|not\s+able\s+to)\s+(?:be\s+able\s+to\s+)?"
    r"(?:make(?:\s+it\s+to)?|attend|go\s+to|join|do|be\s+(?:at|in|there\s+for))|"
    r"(?:(?:i'?m|i\s+am)\s+)?not\s+(?:going\s+to|gonna)\s+(?:be\s+able\s+to\s+)?(?:make(?:\s+it\s+to)?|attend|go\s+to|join|"
    r"be\s+(?:at|in|there\s+for))|(?:i'?m|i\s+am)\s+not\s+(?:going\s+to|attending|coming\s+to|joining)|"
    r"(?:count|rule|leave)\s+me\s+out(?:\s+(?:of|for|from))?|bow\s+out\s+(?:of|from)|sit\s+out|"
    r"clear\s+(?:out\s+)?(?:my|the)|free\s+up|miss|ditch|drop(?!\s+(?:me|a|an|them|him|her|it|in|by|off)\b)|"
    r"(?:i'?m|i\s+am)\s+(?:out\s+(?:for|of)|a\s+no\s+(?:for|on))|take\s+a\s+pass\s+on|"
    r"won'?t\s+be\s+(?:at|there\s+for|attending|joining|coming\s+to|making)|not\s+(?:attending|joining|coming\s+to))\b"
)
_RE_ACCEPT = re.compile(
    r"\b(?:accept(?:ed|ing|s)?|rsvp\s+yes(?:\s+(?:to|for))?|say\s+yes(?:\s+to)?|yes\s+to|"
    r"i'?ll\s+(?:be\s+(?:there|at)|attend|join|come\s+to|go\s+to)|i\s+will\s+(?:be\s+(?:there|at)|attend|join)|"
    r"count\s+me\s+in(?:\s+for)?|sign\s+me\s+up\s+for|confirm\s+(?:my\s+)?(?:attendance|spot)(?:\s+(?:at|for))?|"
    r"confirm|(?:i'?m|i\s+am)\s+(?:in|down|good)\s+for|put\s+me\s+down\s+for|book\s+me\s+(?:in|into|for)|"
    r"i\s+can\s+(?:make(?:\s+it\s+to)?|attend|join|do)|(?:i'?m|i\s+am)\s+(?:attending|joining|coming\s+to|going\s+to)|"
    r"see\s+(?:you|them)\s+at|attend)\b"
)
_RE_TENT_WEAK = re.compile(
    r"\b(?:maybe(?:\s+(?:to|for))?|might\s+(?:attend|go\s+to|come\s+to|join|make\s+it\s+to)|"
    r"not\s+sure\s+(?:if|whether|that)\s+i\s+can\s+(?:make(?:\s+it\s+to)?|attend|join|do)|provisionally(?:\s+accept)?|"
    r"(?:i'?m|i\s+am)\s+a\s+maybe\s+(?:for|on)|hold\s+(?:a\s+spot|the\s+slot)\s+for)\b"
)
_RE_CANCEL = re.compile(r"\b(?:cancel(?:l?ed|l?ing)?|call\s+off|scrap)\b")
_RE_ABORT = re.compile(
    r"^\W*(?:(?:oh\s+)?never\s*mind|nevermind|nvm|stop|forget\s+(?:it|that|about\s+it)|abort|quit|exit|"
    r"scratch\s+that|don'?t\s+bother|no\s+thanks?(?:\s+you)?|cancel)\b"
)
_RE_AGENDA = re.compile(
    r"\bwhat(?:'s|\s+is|s)?\s+(?:on|happening|up|left|next|scheduled)\b|\bwhat\s+(?:do|have)\s+i\s+(?:have|got)\b"
    r"|\bwhat\s+(?:meetings|events|calls)\b|\bshow\s+(?:me\s+)?(?:my\s+|all\s+)?(?:calendar|meetings|schedule|agenda|day|"
    r"week|events)\b|\blist\s+(?:my\s+|all\s+)?(?:meetings|events)\b|\bagenda\b|\bam\s+i\s+(?:free|busy)\b"
    r"|\bdo\s+i\s+have\s+(?:any|anything|meetings)\b|\bhow\s+(?:busy|many\s+meetings)\b|\bmy\s+(?:schedule|calendar)\s*\W*$"
)
_RE_THAT = re.compile(r"^\W*(?:cancel|stop|abort)\s+(?:that|this|it|everything|all\s+that)\W*$")
_RE_ANY_VERB = re.compile("|".join(p.pattern for p in (_RE_TENT_STRONG, _RE_DECLINE, _RE_ACCEPT, _RE_CANCEL)))

# ---------------------------------------------------------------- references (lower-case text)

_RE_BETWEEN_AND = re.compile(r"\b(between\s+\S+)\s+and\s+")
_RE_WITH_AND = re.compile(
    r"\b((?:with\s+|w\s+|w/\s*)[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*)?)\s+(?:and|&)\s+(?!the\b|my\b|a\b|an\b|all\b|every|\d|"
    r"on\b|at\b|tomorrow|today|next\b|this\b|also\b|then\b|say|tell|let\b)"
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
    r"\b(?:syncs|reviews|stand-?ups|retros|retrospectives|interviews|check-?ins|catch-?ups|sessions|demos|"
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
    from me mine myself us we our so then there here what whatever which who whom whose when where any some
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
    people folks guys crew gang lot side
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
    bare: bool = False  # only a day was named ("decline Friday"): the whole day
    plural: bool = False  # a kind of meeting in the plural ("the design reviews")
    owner: bool = False  # people named with a possessive ("Louis's meeting")
    zones: tuple[str, ...] = ()
    either: bool = False
    series_day: bool = False
    in_minutes: int | None = None
    anchor: tuple[str, MeetingRef] | None = None

    def ref(self) -> MeetingRef:
        return MeetingRef(
            days=tuple(self.days),
            time=self.time,
            flexible=self.flexible,
            part=self.part,
            after_now=self.after_now,
            subject=tuple(self.subject),
            people=tuple(self.people),
            relative=self.relative,
            span=self.span,
            count=self.count,
            own=self.article,
            owner=self.owner,
            zones=self.zones,
            either=self.either,
            in_minutes=self.in_minutes,
            anchor=self.anchor,
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
        )


_RE_ARTICLE = re.compile(r"^\s*(?:the|my|a|an|our)\b")
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple": 2, "few": 3}
_RE_COUNT = re.compile(
    r"\b(next|first|last|upcoming)\s+(\d{1,2}|two|three|four|five|six|couple(?:\s+of)?|few)\s+"
    r"(?=(?:meetings|events|calls|mtgs|ones|invites|appointments)\b)"
)
# "the meeting Priya sent (me)", "the one Sam set up": the organizer named after the meeting.
_RE_SENT_BY = re.compile(
    r"\b(meeting|one|invite|invitation|call|event|thing|sync|session)\s+"
    r"(?!(?:i|i've|you|we|they|he|she|it|that|which|who|was|is|on|at|for|to|tomorrow|today)\b)([a-z][a-z'.-]*)\s+"
    r"(?:sent|set\s+up|setup|organi[sz]ed|scheduled|booked|created|arranged|called|invited\s+me\s+to|put\s+in)\b"
    r"(?:\s+(?:me|us|out|up|over))?"
)
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


def _in_minutes(m: re.Match[str]) -> int | None:
    count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    n = _IN_COUNT[count] if count in _IN_COUNT else int(count)
    return int(n * 60) if unit.startswith("h") else int(n)


def _piece(text: str, today: date, day_first: bool) -> _Piece:
    anchored = _RE_ANCHOR.search(text)
    if anchored and anchored.start() > 0:
        head = _piece(text[: anchored.start()], today, day_first)
        other = _piece(text[anchored.end() :], today, day_first)
        if not other.empty and not head.time:
            side = "after" if anchored.group(1) in ("after", "following") else "before"
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
    article = bool(_RE_ARTICLE.match(text))
    count = 1
    counted = _RE_COUNT.search(text)
    if counted:
        # "my next 2 meetings": a number of meetings, not a time.
        raw = counted.group(2)
        count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw.split()[0], 2)
        text = text[: counted.start()] + " " + counted.group(1) + " " + text[counted.end() :]
    text = _RE_SENT_BY.sub(r" \1 with \2 ", text)
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
    for name, pattern in (("next", _RE_NEXT), ("first", _RE_FIRST), ("last", _RE_LAST)):
        if relative:
            break
        if pattern.search(text):
            relative = name
            text = pattern.sub(" ", text)
            break
    span = (
        found.span
        or bool(_RE_SPAN.search(text))
        or bool(_RE_BOTH.search(text))
        or bool((found.days or found.part) and _RE_KINDS.search(text))
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
        plural=bool(_RE_KINDS.search(text)),
        owner=bool(owners),
        zones=zone_names,
        either=found.either,
        series_day=found.series_day,
        in_minutes=in_minutes,
    )


def _pieces(text: str, today: date, day_first: bool) -> list[_Piece]:
    # "interview + debrief" lists two meetings, each named on its own ("and the debrief");
    # "with Kim + Alex" stays one meeting with two people.
    text = _RE_PLUS.sub(lambda m: m.group(0) if _RE_WITH_TAIL.search(text, 0, m.start()) else " and the ", text)
    text = _RE_BETWEEN_AND.sub(r"\1 ~ ", text)
    text = _RE_WITH_AND.sub(r"\1 + ", text)
    pieces = [_piece(chunk, today, day_first) for chunk in _RE_SPLIT.split(text) if chunk.strip()]
    pieces = [p for p in pieces if not p.empty]
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


# ---------------------------------------------------------------- the parser


def _strip_comment(text: str) -> str | None:
    text = text.strip()
    text = _RE_TAIL_PLEASANTRY.sub("", text).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    text = text.strip(' "')
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    while text.endswith((".", ",", ";", ":")):
        text = text[:-1].rstrip()
    if text.startswith("'") and text.count("'") == 1:
        text = text[1:]
    return text or None


_RE_QUOTED = re.compile(r"\"([^\"]{1,500})\"")
_RE_MARKER_END = re.compile(
    r"(?:say|saying|reply|respond|with|note|message|comment|reason|that|them|him|her|know"
    r"|[:,-])\s*$",
    re.I,
)


def _first_verb(lower: str) -> re.Match[str] | None:
    best = None
    for pattern in (_RE_TENT_STRONG, _RE_DECLINE, _RE_ACCEPT, _RE_CANCEL, _RE_TENT_WEAK):
        m = pattern.search(lower)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def _intent(lower: str) -> str | None:
    if _RE_TENT_STRONG.search(lower):
        return "tentative"
    if _RE_DECLINE.search(lower):
        return "decline"
    if _RE_ACCEPT.search(lower):
        return "accept"
    if _RE_TENT_WEAK.search(lower):
        return "tentative"
    if _RE_CANCEL.search(lower):
        return "cancel"
    return None


def _aware(now: datetime) -> datetime:
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)


def parse(text: str, now: datetime, *, day_first: bool = False) -> Request:
    """Understand one message; never raises on any text."""
    now = _aware(now)
    raw = clean(text if isinstance(text, str) else "", quotes=False)
    s = raw.translate(_QUOTES)  # same length as raw: one character for one
    if not s:
        return Request(intent="other")
    base = s
    notify = True
    comment: str | None = None

    # A quoted note after "say"/"with the message" is the comment, verbatim.
    for m in _RE_QUOTED.finditer(s):
        if _RE_MARKER_END.search(s[: m.start()]):
            comment = _strip_comment(m.group(1))
            head = _RE_MARKER.search(s[: m.start()] + " ")
            cut = head.start() if head and head.end() >= m.start() - 1 else m.start()
            s = (s[:cut] + " " + s[m.end() :]).strip()
            break
        # 'decline the eng sync "family matter, sorry"': words in quotes that close the request
        # and read as a message (not a title) are the note even without "say".
        if (
            not s[m.end() :].strip(" .!")
            and _RE_ANY_VERB.search(s[: m.start()].lower())
            and _RE_QUOTED_NOTE.search(m.group(1))
            and re.search(r"[a-z0-9]\s*$", s[: m.start()], re.I)
        ):
            comment = _strip_comment(m.group(1))
            s = s[: m.start()].strip()
            break

    s = _rewrite(s)
    # Private asides ("(between us, Omar drives me nuts)", "off the record ...") are never sent.
    s = _RE_ASIDE.sub(" ", s).strip()
    proposal: MeetingRef | None = None
    offer = _RE_PROPOSE.search(s)
    if offer:
        found = timewords.Found()
        words_left = timewords.take_times(
            timewords.take_days(offer.group("when").lower(), now.date(), day_first, found), found
        )
        if (found.time or found.days) and not re.search(
            r"[a-z]{3,}", re.sub(r"\b(?:instead|please|pls|maybe|the|at|on|for|same|time)\b", " ", words_left)
        ):
            proposal = MeetingRef(days=tuple(found.days), time=found.time, flexible=found.flexible)
            s = (s[: offer.start()] + " " + s[offer.end() :]).strip()

    def off(m: re.Match[str]) -> str:
        nonlocal notify
        notify = False
        return " "

    s = _RE_NOTIFY_OFF.sub(off, s)
    segs = sentences(s)
    lowers = [seg.lower() for seg in segs]
    k = next((i for i, low in enumerate(lowers) if _RE_ANY_VERB.search(timewords.fix_typos(low))), None)
    if k is None:
        k = next((i for i, low in enumerate(lowers) if _RE_AGENDA.search(low) or _RE_SIGNOUT.search(low)), 0)
    main = segs[k] if segs else ""
    lead_reason: str | None = None
    for seg in segs[:k]:
        seg = _RE_GREETING.sub("", seg)  # "Hi, I'm on leave tomorrow." is the reason after the greeting
        if seg and _RE_REASON.match(seg) and not _RE_PLEASANTRY.match(seg):
            lead_reason = _strip_comment(seg)
    extra: list[str] = []
    trailing: list[str] = []
    for seg in segs[k + 1 :]:
        if _RE_PLEASANTRY.match(seg):
            continue
        low = timewords.fix_typos(seg.lower())
        if re.match(r"^\W*(?:also|and|plus|oh\s+and|as\s+well\s+as)\b", low) or (
            _RE_ANY_VERB.search(low) and not _RE_MARKER.match(seg)
        ):
            extra.append(seg)
        elif _RE_MARKER.match(seg) or _RE_REASON.match(seg):
            trailing.append(seg)
        elif _looks_like_reference(low, now.date(), day_first):
            extra.append(seg)
        elif not _RE_VENT.search(low):
            trailing.append(seg)
    command = " ".join([main] + [re.sub(r"^\W*(?:also|and|plus|oh\s+and)\s+", "and ", e, flags=re.I) for e in extra])

    # The note for the organizer: after "say", "tell them", "reason:", or a reason after a comma.
    raw_tail: str | None = None  # the comment as written when it runs to the end of the request
    if comment is None:
        verb = _first_verb(timewords.fix_typos(command.lower()))
        marker = _RE_MARKER.search(command)
        if marker and (verb is None or marker.start() >= verb.end() or marker.start() < verb.start()):
            tail = command[marker.end() :]
            back = _RE_VERB_AFTER.search(tail) if verb is not None and marker.start() < verb.start() else None
            if back:
                comment = _strip_comment(tail[: back.start()])
                command = command[: marker.start()] + " " + tail[back.start() :]
            else:
                comment = _strip_comment(tail)
                raw_tail = tail
                command = command[: marker.start()]
        elif verb is not None:
            # A note in the first sentence ends there: "can't do the review – clashing. Pls decline".
            stop = len(main) if extra and verb.end() <= len(main) else len(command)
            reason = _RE_REASON.search(command, verb.end(), stop)
            if reason and reason.start() > verb.end():
                comment = _strip_comment(command[reason.end() : stop])
                raw_tail = command[reason.end() : stop] if stop == len(command) else None
                command = command[: reason.start()] + " " + command[stop:]
            elif (dash := _RE_DASH_NOTE.search(command, verb.end(), stop)) and _is_note(
                command[dash.end() : stop], now.date(), day_first
            ):
                # "decline the all hands — will catch the recording": after a dash, words that
                # name no meeting are the note.
                comment = _strip_comment(command[dash.end() : stop])
                raw_tail = command[dash.end() : stop] if stop == len(command) else None
                command = command[: dash.start()] + " " + command[stop:]
            else:
                # "I'm out sick today, please decline everything": a reason ahead of the request.
                head = _RE_LEAD.match(command[: verb.start()])
                if head and _RE_REASON.match(head.group(1)):
                    lead_reason = _strip_comment(head.group(1))
                    command = command[head.end() :]
    trailing_text = " ".join(trailing).strip()
    if trailing_text:
        more = _RE_MARKER.match(trailing_text)
        if comment is None:
            comment = _strip_comment(trailing_text[more.end() :] if more else trailing_text)
        elif raw_tail is not None:
            comment = _strip_comment(raw_tail.rstrip() + " " + trailing_text) or comment
    if comment is None and lead_reason:
        comment = lead_reason
    if comment:
        # Hand back the user's own characters (curly quotes and all), not the normalized ones.
        at = base.find(comment)
        if at >= 0:
            comment = raw[at : at + len(comment)]

    immediate = False

    def now_flag(m: re.Match[str]) -> str:
        nonlocal immediate
        immediate = True
        return " "

    scope = "occurrence"

    def series_flag(m: re.Match[str]) -> str:
        nonlocal scope
        scope = "series"
        return " "

    command = _RE_DISCOURSE.sub(" ", command)
    command = _RE_NO_COMMENT.sub(" ", command)
    series_denied = bool(_RE_NOT_SERIES.search(command) or _RE_ONLY_THIS.search(command))
    command = _RE_NOT_SERIES.sub(" ", command)
    command = _RE_CURRENT_PHRASE.sub(r"\1 current ", command)
    command = _RE_SERIES.sub(series_flag, command)
    command = _RE_IMMEDIATE.sub(now_flag, command)
    lower = normalize(timewords.fix_typos(command.lower()))
    intent = _classify(lower)
    refs: tuple[MeetingRef, ...] = ()
    excluded_refs: tuple[MeetingRef, ...] = ()
    if intent in ACTIONS or intent in ("agenda", "other", "abort"):
        verb = _first_verb(lower)
        body = lower
        if verb is not None:
            body = lower[: verb.start()] + " , " + lower[verb.end() :]
        if intent == "agenda":
            body = _RE_AGENDA.sub(" ", body)
        excluded: list[_Piece] = []
        but = _RE_EXCEPT.search(body)
        if but:
            excluded = _pieces(body[but.end() :], now.date(), day_first)
            body = body[: but.start()]
        pieces = _pieces(body, now.date(), day_first)
        shared_days = {tuple(p.days) for p in pieces if p.days}
        for p in excluded:
            if not p.days and len(shared_days) == 1:
                p.days = list(next(iter(shared_days)))
            # "except the design reviews" leaves out every one of them.
            p.span = (p.span and not (p.subject or p.people or p.time)) or p.plural
        excluded_refs = tuple(p.ref() for p in excluded)
        if verb is not None and verb.group(0).startswith(("clear", "free")):
            for p in pieces:
                p.span = True
        if not any(p.days for p in pieces) and lead_reason:
            lead = _piece(lead_reason.lower(), now.date(), day_first)
            for p in pieces:
                p.days = list(lead.days)
        if scope == "occurrence" and any(p.every and p.subject and not (p.days or p.time or p.part) for p in pieces):
            scope = "series"
        if scope == "occurrence" and not series_denied and any(p.series_day and not p.time for p in pieces):
            # "all the Tuesday syncs", "the review on Mondays": a weekday of a series, not one date.
            scope = "series"
        if not pieces and k > 0 and _RE_PRONOUN.search(lower):
            # "ugh, this eng sync is such a waste of time. decline it": "it" is the meeting named before.
            for seg in reversed(segs[:k]):
                named = _RE_ANTECEDENT.search(normalize(timewords.fix_typos(seg.lower())))
                if named:
                    pieces = [p for p in _pieces(named.group(1), now.date(), day_first) if not p.empty]
                    break
        refs = tuple(p.ref() for p in pieces)
        if intent == "cancel" and (not refs or _RE_THAT.match(lower)):
            intent, refs = "abort", ()
        elif intent == "abort" and refs and _RE_CANCEL.search(lower):
            intent = "cancel"
    if intent not in ACTIONS:
        comment = None if intent != "other" else comment
        if intent in ("help", "signout", "abort"):
            refs = ()
    return Request(
        intent=intent,
        refs=refs,
        comment=comment if intent in ACTIONS else None,
        notify=notify,
        scope=scope,
        immediate=immediate,
        day_first=day_first,
        excluded=excluded_refs if intent in ACTIONS and refs else (),
        proposal=proposal if intent in ("decline", "tentative") else None,
    )


_RE_ONLY_THIS = re.compile(
    r"\b(?:only|just)\s+(?:this|that|the\s+next|today'?s|tomorrow'?s)\s+(?:one|occurrence|instance|time|week)\b"
    r"|\b(?:this|that)\s+(?:one|occurrence|instance)\s+only\b"
)
# "the meeting I'm in right now", "the call that's happening now": the meeting in progress.
_RE_CURRENT_PHRASE = re.compile(
    r"\b(meeting|call|one|session|thing|sync)\s+(?:that\s+|which\s+)?(?:(?:i'?m|i\s+am)\s+(?:currently\s+|already\s+)?"
    r"(?:in|on|attending|sitting\s+in)|(?:is\s+|that'?s\s+)?(?:happening|going\s+on|running|in\s+progress))"
    r"(?:\s+(?:right\s+)?now)?\b",
    re.I,
)
# Said another way, the request is one of the plain verbs: "give the standup a miss" is a decline,
# "let them know I'll be there" an accept (the organizer learns it from the answer itself).
_REWRITES = (
    (re.compile(r"\b(?:stop|quit)\s+(?:going\s+to|attending|joining)\b", re.I), "decline from now on"),
    (re.compile(r"\bgive\s+(.{1,60}?)\s+a\s+miss\b", re.I), r"decline \1"),
    (
        re.compile(
            r"\b(?:let|tell)\s+(?:them|him|her|the\s+organi[sz]er|everyone|[A-Z][a-z]+)\s+(?:know\s+)?(?:that\s+)?"
            r"(?:i'?ll|i\s+will|i\s+can)\s+(?:be\s+there|make\s+it|attend|come|join)(?:\s+for)?\b",
            re.I,
        ),
        "accept",
    ),
    (
        re.compile(
            r"\b(?:let|tell)\s+(?:them|him|her|the\s+organi[sz]er|everyone|[A-Z][a-z]+)\s+(?:know\s+)?(?:that\s+)?"
            r"(?:i\s+can'?t|i\s+cannot|i\s+won'?t|i\s+will\s+not)\s+(?:be\s+there|make\s+it|attend|come|join)"
            r"(?:\s+(?:to|for))?(?=\s+(?:the|my|tomorrow|today|on|at)\b)",
            re.I,
        ),
        "decline",
    ),
)
_WHEN_WORDS = r"(?:\d|noon|midday|tomorrow|today|monday|tuesday|wednesday|thursday|friday|next\s+week|later)"
# "decline the 2pm and suggest 5pm instead": a new time for the same meeting, never a second meeting.
_RE_PROPOSE = re.compile(
    r"(?:[,;]\s*|\s+|^)(?:(?:and|but|then|&)\s+)?(?:please\s+|pls\s+)?(?:"
    r"(?:suggest|propose|counter[- ]?propose|offer|request)(?:ing)?(?:\s+(?:a\s+new\s+time|a\s+different\s+time|"
    r"moving(?:\s+it)?|instead))?(?:\s+(?:of|for|at|to|on))?"
    r"|ask\s+(?:them\s+|him\s+|her\s+)?(?:for|to\s+(?:move|push|shift)\s+(?:it\s+)?(?:to|until))"
    r"|(?:can|could)\s+we\s+(?:do|move\s+(?:it\s+)?to|push\s+(?:it\s+)?to|make\s+it|try)"
    r"|how\s+about|what\s+about|(?:move|push|shift)\s+it\s+to|reschedule\s+(?:it\s+)?(?:to|for)"
    r")\s+(?P<when>(?:[^,.;!?]*?\s)?" + _WHEN_WORDS + r"[^,;!?]*?)(?:\s+instead)?\s*\??\s*(?=$|[,;!]|\.(?:\s|$))",
    re.I,
)


_RE_QUOTED_NOTE = re.compile(
    r"[,!?]|\b(?:i|i'm|im|i'll|i've|my|me|we|sorry|apologies|thanks|can't|cannot|won't|unable|conflict|sick|ill)\b",
    re.I,
)
_RE_PRONOUN = re.compile(r"\b(?:it|that\s+one|this\s+one|that|this)\s*\W*$")
_RE_ANTECEDENT = re.compile(
    r"\b(?:this|that|the|my|our|today'?s|tomorrow'?s)\s+((?:[\w:&/-]+\s+){0,3}?[\w:&/-]+)\s+"
    r"(?:is|was|isn't|seems|looks|has|keeps|will|always|never|again|just|sounds)\b"
)


_PRIVATE = (
    r"between\s+(?:us|you\s+and\s+me|ourselves)|off\s+the\s+record|privately|not\s+that\s+i'?d\s+tell|"
    r"don'?t\s+tell\s+(?:them|him|her|anyone)\s+(?:but|this)|for\s+your\s+(?:eyes|ears)\s+only|entre\s+nous|"
    r"honestly|tbh|to\s+be\s+honest|ugh|lol|lmao|smh|"
    r"(?:it'?s|this\s+is|that'?s)\s+(?:such\s+)?(?:a\s+)?(?:total\s+|complete\s+)?(?:waste|pointless|useless|boring)"
)
_RE_ASIDE = re.compile(
    r"\((?:\s*(?:just|and|but|,)\s*)*(?:"
    + _PRIVATE
    + r")\b[^)]*\)|[,;–—-]\s*(?:just\s+)?(?:between\s+(?:us|you\s+and\s+me)|off\s+the\s+record)\b[^.!?]*",
    re.I,
)
# A sentence after the request that only vents is talk, not a note for the organizer.
_RE_VENT = re.compile(
    r"^\W*(?:"
    + _PRIVATE
    + r")\b|\b(?:waste\s+of\s+(?:my\s+)?time|pointless|useless|boring|drives\s+me\s+(?:nuts|crazy|mad)|"
    r"can'?t\s+stand|hate\s+(?:this|that|these|those|it|them)|so\s+annoying|never\s+(?:has|have)\s+an\s+agenda)\b",
    re.I,
)


def _rewrite(text: str) -> str:
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return text


def _classify(lower: str) -> str:
    action = _intent(lower)
    if _RE_SIGNOUT.search(lower) and action is None:
        return "signout"
    if _RE_HELP.search(lower) and action is None:
        return "help"
    if action == "cancel":
        if _RE_ABORT.match(lower) and _RE_THAT.match(lower):
            return "abort"
        return "cancel"
    if action:
        return action
    if _RE_ABORT.match(lower):
        return "abort"
    if _RE_AGENDA.search(lower):
        return "agenda"
    return "other"


_RE_DASH_NOTE = re.compile(r"\s[-–—]+\s+|\s*[–—]+\s*")
_RE_NOT_NOTE = re.compile(r"^\W*(?:the|my|a|an|and|also|plus|or|then|not|but|only|both|all|every|this|that|our)\b")


def _is_note(tail: str, today: date, day_first: bool) -> bool:
    low = timewords.fix_typos(tail.lower())
    if not re.search(r"[a-z]{2,}", low) or _RE_NOT_NOTE.match(low) or _RE_ANY_VERB.search(low):
        return False
    if len(re.findall(r"[\w'&/]+", low)) < 2:
        # "Vendor call - Acme", "sync — infra": one word after a dash is the rest of a title.
        return False
    if _looks_like_reference(low, today, day_first):
        return False
    return any(w not in _STOP and w not in FILLER for w in re.findall(r"[a-z']+", low))


def _looks_like_reference(low: str, today: date, day_first: bool) -> bool:
    """A trailing sentence that only names more meetings ("The one at 3 too.")."""
    if re.search(r"\b(?:i|i'm|im|i've|i'll|i'd|me|we|we're|us|our)\b", low):
        return False
    found = timewords.Found()
    rest = timewords.take_times(timewords.take_days(low, today, day_first, found), found)
    if not (found.days or found.time or found.part):
        return False
    return len([w for w in re.findall(r"[a-z]+", rest) if w not in _STOP and w not in FILLER]) <= 2
