"""Stage 3, note: what to tell the organizer, and whether to tell them at all.

A note comes only from a note cue: "say ...", "tell them ...", "with the comment ...",
"comment that ...", "reason: ...", "because ...", quoted words that read as a message, a
reason clause after a comma or dash ("- have a flight at 6"), or a reason sentence before or
after the request ("I'm out sick today. Decline everything."). Venting and private asides are
never the note. "no note" leaves it empty; "don't tell them", "quietly" turn the response off.

Judgement calls:
- After a spaced dash, or after a comma when the clause has its subject dropped ("might be
  late", "will catch the recording", "running a workshop", "at the dentist"), words that
  name no meeting are the note for the organizer.
- One word after a dash ("client call - tata", "sync — infra") is the rest of the meeting's
  title, not a note; a note after a dash is a clause ("- have a flight at 6").
- A sentence after the request that names no reason and only vents ("honestly they never
  have an agenda") is talk, not a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from understanding import timewords
from understanding.fuzzy import FILLER
from understanding.intents import ANY_VERB as _RE_ANY_VERB
from understanding.intents import first_verb, names_command
from understanding.normalise import PRIVATE as _PRIVATE
from understanding.normalise import sentences
from understanding.references import STOP as _STOP

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
    r"|comment(?:ing)?\s+(?:that|saying)|reason\s+being|because(?:\s+of)?|'cause|cuz|coz|cos(?=\s)|b/c|bc(?=\s)"
    r"|cause(?=\s+(?:i|i'm|im|i've|we|we're|my|of)\b)"
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
    # A reason about someone else or the meeting: "they moved it", "she knows why", "it clashes with X".
    r"(?:they|she|he|it|the\s+organi[sz]er)(?:'ve|'s|\s+(?:have|has|had|already|just))?\s+(?:moved|rescheduled|"
    r"cancell?ed|changed|pushed|shifted|knows?|know|said|asked|told|clashes|conflicts|overlaps|understands?|"
    r"agreed|(?:is|are)\s+aware)\b|"
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
    r"(?:send(?:ing)?(?!\s+(?:a\s+|any\s+|the\s+)?(?:comment|note|reason|explanation)s?\b)|notify(?:ing)?|"
    r"say(?:ing)?(?=\s+(?:anything|a\s+thing|a\s+word)\b)|tell(?:ing)?|inform(?:ing)?|e-?mail(?:ing)?|let(?:ting)?|repl(?:y|ying)|"
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

_RE_NO_COMMENT = re.compile(
    r"\b(?:(?:do\s*n[o']?t|do\s+not)\s+(?:send|add|include|write|leave|attach)|without|with\s+no|no)\s+(?:a\s+|any\s+)?(?:comment|note|message|reason|"
    r"explanation)s?\b",
    re.I,
)


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
        text = text[1:].lstrip()
    return text or None


_RE_QUOTED = re.compile(r"\"([^\"]{1,500})\"")

_RE_MARKER_END = re.compile(
    r"(?:say|saying|reply|respond|with|note|message|comment|reason|that|them|him|her|know"
    r"|[:,-])\s*$",
    re.I,
)

_RE_QUOTED_NOTE = re.compile(
    r"[,!?]|\b(?:i|i'm|im|i'll|i've|my|me|we|sorry|apologies|thanks|can't|cannot|won't|unable|conflict|sick|ill)\b",
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


def take_quoted(s: str) -> tuple[str, str | None]:
    """A quoted note after "say"/"with the message", or closing the request, verbatim."""
    for m in _RE_QUOTED.finditer(s):
        if _RE_MARKER_END.search(s[: m.start()]):
            head = _RE_MARKER.search(s[: m.start()] + " ")
            cut = head.start() if head and head.end() >= m.start() - 1 else m.start()
            return (s[:cut] + " " + s[m.end() :]).strip(), _strip_comment(m.group(1))
        # 'decline the eng sync "family matter, sorry"': words in quotes that close the request
        # and read as a message (not a title) are the note even without "say".
        if (
            not s[m.end() :].strip(" .!")
            and _RE_ANY_VERB.search(s[: m.start()].lower())
            and _RE_QUOTED_NOTE.search(m.group(1))
            and re.search(r"[a-z0-9]\s*$", s[: m.start()], re.I)
        ):
            return s[: m.start()].strip(), _strip_comment(m.group(1))
    return s, None


# "I have a conflict but don't tell them why": the reason is for the bot, not the organizer.
_RE_NO_REASON = re.compile(
    r"[,;]?\s*(?:(?:and|but|so)\s+)?(?:please\s+)?(?:do\s*n[o']?t|do\s+not|no\s+need\s+to)\s+"
    r"(?:tell|say|give|mention|explain|share)\s+(?:them\s+|him\s+|her\s+|anyone\s+)?"
    r"(?:why|the\s+reason|a\s+reason|any\s+reason|my\s+reason)\b",
    re.I,
)


def take_no_reason(s: str) -> tuple[str, bool]:
    """(the text without "don't tell them why", whether the user said it)."""
    cut = _RE_NO_REASON.sub(" ", s)
    return cut, cut != s


def take_notify(s: str) -> tuple[str, bool]:
    """(the text without "don't notify"-words, whether to send the response)."""
    notify = True

    def off(m: re.Match[str]) -> str:
        nonlocal notify
        notify = False
        return " "

    return _RE_NOTIFY_OFF.sub(off, s), notify


@dataclass
class Parts:
    """The request cut into sentences: the one that asks, more meetings, the notes around it."""

    segs: list[str]
    k: int  # index of the sentence that asks
    main: str
    extra: list[str]  # later sentences that name more meetings or ask again
    trailing: list[str]  # later sentences that are the note
    lead_reason: str | None  # a reason sentence before the request

    @property
    def command(self) -> str:
        more = [re.sub(r"^\W*(?:also|and|plus|oh\s+and)\s+", "and ", e, flags=re.I) for e in self.extra]
        return " ".join([self.main] + more)


def split(s: str, today: date, day_first: bool) -> Parts:
    segs = sentences(s)
    lowers = [seg.lower() for seg in segs]
    k = next((i for i, low in enumerate(lowers) if _RE_ANY_VERB.search(timewords.fix_typos(low))), None)
    if k is None:
        k = next((i for i, low in enumerate(lowers) if names_command(low)), 0)
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
        elif _looks_like_reference(low, today, day_first):
            extra.append(seg)
        elif not _RE_VENT.search(low) and not _RE_NO_COMMENT.search(low):
            trailing.append(seg)
    return Parts(segs=segs, k=k, main=main, extra=extra, trailing=trailing, lead_reason=lead_reason)


def take_note(parts: Parts, comment: str | None, today: date, day_first: bool) -> tuple[str, str | None, str | None]:
    """(the command without its note, the note, a reason said ahead of the request)."""
    command = parts.command
    main, extra, lead_reason = parts.main, parts.extra, parts.lead_reason
    raw_tail: str | None = None  # the comment as written when it runs to the end of the request
    if comment is None:
        verb = first_verb(timewords.fix_typos(command.lower()))
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
                command[dash.end() : stop], today, day_first
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
    trailing_text = " ".join(parts.trailing).strip()
    if trailing_text:
        more = _RE_MARKER.match(trailing_text)
        if comment is None:
            comment = _strip_comment(trailing_text[more.end() :] if more else trailing_text)
        elif raw_tail is not None:
            comment = _strip_comment(raw_tail.rstrip() + " " + trailing_text) or comment
    if comment is None and lead_reason:
        comment = lead_reason
    return command, comment, lead_reason


def in_own_words(comment: str | None, raw: str, base: str) -> str | None:
    """Hand back the user's own characters (curly quotes and all), not the normalized ones."""
    if comment:
        at = base.find(comment)
        if at >= 0:
            return raw[at : at + len(comment)]
    return comment


def drop_no_comment(command: str) -> str:
    return _RE_NO_COMMENT.sub(" ", command)
