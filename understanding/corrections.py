"""Corrections said in the same message: only the meeting the user settled on is named on.

People correct themselves mid-message instead of sending a new one:
- "not the 3pm, the 4pm - decline it": the meeting after "not the X," is the one meant.
- "decline the budget review, actually no, the design crit" (also "no wait", "no sorry", "I mean",
  "or rather", "scratch that"): the meeting before the marker is dropped, the verb kept. A bare
  "sorry" or "actually" is not a marker: "decline it, sorry my kid is sick" is a note.
- "decline the 1:1 with Sam on Thursday - no wait, the one on Monday": "the one" is the same
  meeting on another day or at another time, so its name is carried over without the old day.
- "decline the standup, no wait, accept it": the new verb for the same meeting.
- "decline my 10 tomorrow, not the standup": a meeting named last with "not" is left out, like
  "except the standup".
"Not the series" and "actually, the whole series" are scope words (scope.py), not corrections.
"""

from __future__ import annotations

import re

_MEETING = r"(?=(?:the|my|that|this)\b)"
_SCOPE = r"(?!(?:the|my)\s+(?:whole\s+|entire\s+)?(?:series|recurring|rest|others?\b|occurrence|instance))"

# "not the 3pm, the 4pm", "not the 3pm but the 4pm"
_RE_NOT_BUT = re.compile(
    r"(?i)(?:^|(?<=[\s,]))not\s+(?:the|my)\s+[^,;.!?]{1,40}?\s*(?:,|;|\s-+|\s–|\s—|\bbut\b)\s*(?:but\s+)?"
    + _MEETING
    + _SCOPE
)

# "decline the budget review, actually no, the design crit"
_RE_MARKER = re.compile(
    r"(?i)\s*(?:,|;|\s-+|\s–|\s—|\.)?\s*\b(?:actually,?\s+no|no,?\s+wait|wait,?\s+no|no,?\s+sorry|"
    r"(?:sorry,?\s+)?i\s+mean|i\s+meant|or\s+rather|scratch\s+that)\b\s*[,:-]?\s*(?:it'?s\s+|make\s+it\s+)?"
    + _MEETING
    + _SCOPE
)
# "decline the standup, no wait, accept it": the answer changes, the meeting stays.
_RE_NEW_VERB = re.compile(
    r"(?i)\s*(?:,|;|\s-+|\s–|\s—|\.)\s*(?:actually|no,?\s+wait|wait|no|sorry|scratch\s+that|on\s+second\s+thoughts?)"
    r"\b[\s,.!-]*(?:no\b[\s,.!-]*)?(?:(?:just|please|pls)\s+)?(decline|accept|skip|tentatively\s+accept)\s+"
    r"(?:it|that|that\s+one|this\s+one)\b"
)
_RE_VERB = re.compile(r"(?i)\b(?:decline|accept|tentative(?:ly\s+accept)?|skip|cancel|reject|miss)\b")
_RE_THE_ONE = re.compile(r"(?i)^(?:the|that|this)\s+one\b")
# Where the day or time of the first meeting starts ("the 1:1 with Sam| on thursday").
_RE_WHEN = re.compile(
    r"(?i)\s+(?:(?:on|at|this|next|tomorrow|today|tonight|tmrw|mon|tue|wed|thu|fri|sat|sun)\w*|"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|o'?clock)|\d{1,2}[:.]\d\d)\b.*$",
    re.S,
)

# "decline my 10 tomorrow, not the standup": left out, like "except the standup".
_RE_NOT_LAST = re.compile(r"(?i),\s*(?:but\s+)?not\s+" + _MEETING + _SCOPE + r"(?=[^,;.!?]*[.!?]?\s*$)")


def take_back(text: str) -> str:
    """The message with what the user took back removed (see the module docstring)."""
    if "not " in text.lower():
        text = _RE_NOT_BUT.sub("", text)
        text = _RE_NOT_LAST.sub(" except ", text)
    changed = _RE_NEW_VERB.search(text)
    if changed:
        before = text[: changed.start()]
        first = _RE_VERB.search(before)
        if first:
            return f"{before[: first.start()]}{changed.group(1)}{before[first.end() :]}{text[changed.end() :]}"
    m = _RE_MARKER.search(text)
    if m is None or m.start() == 0:
        return text
    before, after = text[: m.start()], text[m.end() :]
    verbs = list(_RE_VERB.finditer(before))
    if not verbs:
        # "the budget review, no wait, the design crit - decline it"
        return after
    verb = verbs[0]
    head, named = before[: verb.end()], before[verb.end() :]
    one = _RE_THE_ONE.match(after)
    if one:
        # "no wait, the one on Monday": the same meeting on another day.
        after = _RE_WHEN.sub("", named).strip() + after[one.end() :]
    return f"{head} {after.strip()}"
