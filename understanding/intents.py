"""Stage 2, intent: which answer the user asks for, in everyday words.

decline ("skip", "bail on", "can't make", "I'll miss", "drop"), accept ("count me in",
"confirm", "I'll be there"), tentative ("pencil me in", "maybe for", "not sure I can make"),
cancel ("call off", "scrap"), and the bot's own commands (agenda, help, sign out, abort).
A tentative word wins over the others, then decline, accept, weak tentative, cancel.
"""

from __future__ import annotations

import re

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
    r"clear\s+(?:out\s+)?(?:my|the)|clear(?:\s+out)?(?=\s+(?:everything|whatever|all)\b)|free\s+up|miss|ditch|drop(?!\s+(?:me|a|an|them|him|her|it|in|by|off)\b)|"
    r"(?:i'?m|i\s+am)\s+(?:out\s+(?:for|of)|a\s+no\s+(?:for|on))|take\s+a\s+pass\s+on|"
    r"won'?t\s+be\s+(?:at|there\s+for|attending|joining|coming\s+to|making)|not\s+(?:attending|joining|coming\s+to)|"
    r"not\s+going\s+to(?!\s+(?:cancel|decline|accept)\b)|no\s+can\s+do(?:\s+(?:for|on))?|"
    # "nope on the review", "the vendor sync next week, pass": a no said in chat.
    r"(?:nope|nah|hard\s+no|a\s+no)\s+(?:on|to|for)|(?<![a-z]\s)(?:pass|nope|hard\s+pass)(?=\s*[.!]*\s*$))\b"
)

_RE_ACCEPT = re.compile(
    r"\b(?:accept(?:ed|ing|s)?|rsvp\s+yes(?:\s+(?:to|for))?|say\s+yes(?:\s+to)?|yes\s+to|"
    r"i'?ll\s+(?:be\s+(?:there|at)|attend|join|come\s+to|go\s+to)|i\s+will\s+(?:be\s+(?:there|at)|attend|join)|"
    r"count\s+me\s+in(?:\s+for)?|sign\s+me\s+up\s+for|confirm\s+(?:my\s+)?(?:attendance|spot)(?:\s+(?:at|for))?|"
    r"confirm|(?:i'?m|i\s+am)\s+(?:in|down|good)\s+for|put\s+me\s+down\s+for|book\s+me\s+(?:in|into|for)|"
    r"i\s+can\s+(?:make(?:\s+it\s+to)?|attend|join|do)|(?:i'?m|i\s+am)\s+(?:attending|joining|coming\s+to|going\s+to)|"
    r"see\s+(?:you|them)\s+at|attend|"
    # "keen for the demo", "down for the check-in", "friday demo — I'm in": a yes said in chat.
    r"(?:keen|up|down)\s+(?:for|on)|(?:i'?m|i\s+am|count\s+me)\s+in(?=\s*[.!]*\s*$))\b"
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


ANY_VERB = _RE_ANY_VERB


def classify(lower: str) -> str:
    return _classify(lower)


def first_verb(lower: str) -> re.Match[str] | None:
    return _first_verb(lower)


def names_command(low: str) -> bool:
    """The sentence asks for the agenda or to sign out (when no sentence names an answer)."""
    return bool(_RE_AGENDA.search(low) or _RE_SIGNOUT.search(low))


def without_agenda(body: str) -> str:
    return _RE_AGENDA.sub(" ", body)


def cancel_is_abort(lower: str) -> bool:
    """ "cancel that": the user stops the conversation, no meeting is cancelled."""
    return bool(_RE_THAT.match(lower))


def says_cancel(lower: str) -> bool:
    return bool(_RE_CANCEL.search(lower))


# "don't decline the review, accept it": a verb said with "don't" is not asked for.
_RE_NEGATED = re.compile(
    r"\b(?:please\s+)?(?:don'?t|dont|do\s+not|never|no\s+need\s+to|shouldn'?t|should\s+not)\s+(?:(?:go\s+(?:and|ahead\s+and)\s+)?"
    r"(?:decline|reject|skip|cancel|accept|tentatively\s+accept|rsvp))\b",
    re.I,
)
# "should I decline the review?", "why did you decline it?": a question about an answer, not a request.
_RE_QUESTION = re.compile(
    r"^\W*(?:(?:hey|hi|so|ok|okay|um|hmm)\W+)*(?:should\s+i|shall\s+i|why\s+(?:did|would|do|does|is|are|was)|"
    r"did\s+(?:you|i|it)|have\s+(?:you|i)|has\s+(?:it|that)|was\s+(?:it|that)|when\s+did|what\s+(?:if|happens)|"
    r"do\s+i\s+(?:need|have)\s+to|is\s+it\s+(?:ok|okay|fine|safe|possible)\s+to|would\s+it\s+be)\b[^.!]*\?",
    re.I,
)


def drop_negated(text: str) -> str:
    return _RE_NEGATED.sub(" ", text)


def is_question(text: str) -> bool:
    return bool(_RE_QUESTION.search(text))
