"""Tolerant word comparison for meeting subjects, people's names and misspelt day names.

People type "standups", "retrospective" as "retro", "thrusday" for "thursday" and
"One-on-one" for "1:1". `words` turns any text into the same comparable tokens on both
sides (the user's words and the event's subject), and `similar` accepts plurals,
prefixes and one or two slips of the keyboard. Everything is bounded and cheap: the
resolver compares every query word with every event word of the days it looks at.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Spellings that mean the same meeting kind; applied to lower-cased text before splitting.
_SYNONYMS = [
    # A plural keeps its "s" ("standups" stays plural for "both standups"); `stem` drops it for matching.
    (re.compile(r"\b(?:1\s*(?::|-|on|o|x)\s*1|one\s*(?:-|on|:)\s*one)(s?)\b"), r" oneonone\1 "),
    (re.compile(r"\ball\s*-?\s*hands?\b"), " allhands "),
    (re.compile(r"\bstand\s*-?\s*up(s?)\b"), r" standup\1 "),
    (re.compile(r"\bcheck\s*-?\s*in(s?)\b"), r" checkin\1 "),
    (re.compile(r"\bsync\s*-?\s*ups?\b"), " sync "),
    (re.compile(r"\btown\s*-?\s*hall(s?)\b"), r" townhall\1 "),
    (re.compile(r"\bq\s*&\s*a\b"), " qna "),
    (re.compile(r"\bskip\s*-?\s*levels?\b"), " skiplevel "),
    (re.compile(r"\bretrospective(s?)\b"), r" retro\1 "),
    (re.compile(r"\bnew\s*-?\s*year'?s?\s+eve\b"), " nye "),
    (re.compile(r"\bx-?mas\b"), " christmas "),
    # Phrasal-verb nouns written closed, hyphenated or open: "catch-up", "catchup", "catch up".
    (
        re.compile(
            r"\b(catch|follow|kick|wrap|hand|sign|touch|walk|brown|deep|dry|read|break|meet)\s*-?\s*"
            r"(up|off|over|base|through|bag|dive|run|out)(s?)\b"
        ),
        r" \1\2\3 ",
    ),
]
_WORD = re.compile(r"[a-z0-9]+")
# Words that never tell two meetings apart.
FILLER = frozenset(
    "a an the my our your his her their this that these those of for with and or to in on at by from "
    "meeting meetings mtg mtgs call calls event events invite invites invitation invitations appointment "
    "appointments session sessions thing one ones i me we it its is am are be".split()
)


def normalize(text: str) -> str:
    out = text.lower().replace("’", "'")
    for pattern, repl in _SYNONYMS:
        out = pattern.sub(repl, out)
    return out


def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The distinguishing, stemmed words of a subject or name."""
    return tuple(stem(w) for w in _WORD.findall(normalize(text)) if w not in FILLER)


def within(a: str, b: str, limit: int) -> bool:
    """Optimal-string-alignment distance between a and b is at most `limit`."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return False
    if limit == 1:
        return _within_one(a, b)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        ca = a[i - 1]
        for j in range(1, lb + 1):
            cost = 0 if ca == b[j - 1] else 1
            best = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, prev2[j - 2] + 1)
            cur[j] = best
        if min(cur) > limit:
            return False
        prev2, prev = prev, cur
    return prev[lb] <= limit


def _within_one(a: str, b: str) -> bool:
    la, lb = len(a), len(b)
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        if len(diffs) == 2:
            i, j = diffs
            return j == i + 1 and a[i] == b[j] and a[j] == b[i]
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@lru_cache(maxsize=8192)
def similar(query: str, word: str) -> bool:
    """Does the user's word `query` name the subject word `word`?"""
    if query == word:
        return True
    if len(query) >= 3 and word.startswith(query):
        return True  # "retro" for "retrospective", "eng" for "engineering"
    if len(query) < 4 or query[0] != word[0]:
        return False
    return within(query, word, 2 if len(word) >= 8 else 1)


@lru_cache(maxsize=4096)
def closest(word: str, choices: tuple[str, ...]) -> str | None:
    """The choice `word` is a misspelling of (same first letter, one or two slips), or None."""
    if word in choices:
        return word
    if len(word) < 5:
        return None
    for choice in choices:
        if choice[0] == word[0] and within(word, choice, 2 if len(choice) >= 8 else 1):
            return choice
    return None
