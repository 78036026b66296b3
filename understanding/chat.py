"""Stage 1b, chat: the way people type in a hurry, said in the plain words before anything else.

Short forms ("tday", "2moro", "nxt wk", "mtgs", "arvo") become the words the later stages
know; politeness and thanks ("pls", "thx", "cheers", "kthx", "ta") are dropped where they
stand alone, so they never look like an unknown word that could change which meeting is
meant; a typo of an answer verb ("dclne", "accpet", "tenative") becomes the verb.

Judgement calls:
- A verb typo is fixed only at edit distance <= 2, with the same first letter, in the place a
  verb stands (the start of a clause, or before the meeting words "the", "my", "for", ...), and
  never for a real word that is that close ("decide", "decent", "accent", "access").
- "thanks" / "cheers" / "ta" are dropped only at the start or end of the message or of a clause,
  so "say thanks for the invite" keeps its note.
"""

from __future__ import annotations

import re
from functools import lru_cache

from understanding.fuzzy import within

_SHORT = {
    **dict.fromkeys(("tday", "2day", "tdy", "2dy"), "today"),
    **dict.fromkeys(
        ("tmrw", "tmr", "tmrow", "tmw", "tmrrw", "2morrow", "2moro", "2mrw", "2mrow", "tomoz", "tmoz"), "tomorrow"
    ),
    **dict.fromkeys(("2nite", "tonite", "2night"), "tonight"),
    "nxt": "next",
    "wk": "week",
    "wks": "weeks",
    "mtg": "meeting",
    "mtgs": "meetings",
    "arvo": "afternoon",
    **dict.fromkeys(("pls", "plz", "plse", "pleez", "pleeease", "pleease"), "please"),
}
# One pass over the message: "the rest of today's meetings" is the day, not a possessive that
# leaves an "s" behind.
_RE_SHORT = re.compile(r"\b(?:(" + "|".join(_SHORT) + r")|(today|tonight)['\u2019]s)\b", re.I)


def _short(m: re.Match[str]) -> str:
    return _SHORT[m.group(1).lower()] if m.group(1) else m.group(2)


_THANKS = r"(?:thx|thnx|thnks|thanks|thank\s+you|ty|tia|kthx|kthxbye|ta|cheers|much\s+appreciated|appreciated)"
# Thanks standing alone: at the start or end of the message, or between clause marks.
_RE_THANKS = re.compile(
    r"(?:^|(?<=[,;.!?:]))\s*(?:ok\s+|k\s+)?"
    + _THANKS
    + r"(?:\s+(?:so\s+much|a\s+lot|mate|heaps))?\s*[!.,]*\s*(?=$|[,;.!?])"
    r"|(?<=\w)\s+" + _THANKS + r"(?:\s+(?:so\s+much|a\s+lot|mate|heaps))?\s*[!.]*\s*$",
    re.I,
)

_VERBS = ("decline", "accept", "tentatively", "tentative")
# Real words a keyboard slip away from a verb: never turned into an intent.
REAL = frozenset(
    "decide decides decided decent decile define deline decline declined declines declining declare decade decode "
    "accent access accede accost adept accepts accepted accepting accrue tentacle tentacles".split()
)
_RE_WORD = re.compile(
    r"^\W*([adt][a-z]{3,11})\b|(?<=[\s,;:.!?(])([adt][a-z]{3,11})(?=\s*$|\s*[,;:.!?]|\s+(?:the|my|all|it|this|that|these|those|for|on|to|"
    r"everything|today|tomorrow|tonight|both|every|friday|monday|tuesday|wednesday|thursday|saturday|sunday|"
    r"accept|invite|invites|meeting|meetings|[0-9]))",
    re.I,
)


def _verb(m: re.Match[str]) -> str:
    word = m.group(1) or m.group(2)
    verb = _meant(word.lower())
    return m.group(0).replace(word, verb, 1) if verb else m.group(0)


@lru_cache(maxsize=4096)
def _meant(low: str) -> str | None:
    if low in REAL or low in _VERBS:
        return None
    for verb in _VERBS:
        if low[0] == verb[0] and abs(len(low) - len(verb)) <= 2 and within(low, verb, 2):
            return verb
    return None


def tidy(text: str) -> str:
    """The message with short forms spelt out, lone thanks dropped and verb typos fixed."""
    text = _RE_SHORT.sub(_short, text)
    text = _RE_THANKS.sub(" ", text)
    text = _RE_WORD.sub(_verb, text)
    return re.sub(r"\s+", " ", text).lstrip(" ,;.!").rstrip(" ,;")
