"""Stage: a new time proposed for the meeting being declined ("... and suggest 5pm instead").

The proposal is a day and/or a clock time, never a second meeting: "decline the 2pm and
suggest 5pm" declines the 2pm only. Its length is the meeting's own, known once resolved.
"""

from __future__ import annotations

import re
from datetime import date

from understanding import timewords
from understanding.model import MeetingRef

_WHEN_WORDS = r"(?:\d|noon|midday|tomorrow|today|monday|tuesday|wednesday|thursday|friday|next\s+week|later)"

# "decline the 2pm and suggest 5pm instead": a new time for the same meeting, never a second meeting.
_RE_PROPOSE = re.compile(
    r"(?:[,;]\s*|\s+|^)(?:(?:and|but|then|&)\s+)?(?:please\s+|pls\s+)?(?:"
    r"(?:suggest|propose|counter[- ]?propose|offer|request)(?:ing)?(?:\s+(?:a\s+new\s+time|a\s+different\s+time|"
    r"moving(?:\s+it)?|instead))?(?:\s+(?:of|for|at|to|on))?"
    r"|ask\s+(?:them\s+|him\s+|her\s+)?(?:for|to\s+(?:move|push|shift)\s+(?:it\s+)?(?:to|until))"
    r"|(?:can|could)\s+we\s+(?:do|move\s+(?:it\s+)?to|push\s+(?:it\s+)?to|make\s+it|try)"
    r"|how\s+about|what\s+about|(?:move|push|shift)\s+it\s+to|reschedule\s+(?:it\s+)?(?:to|for)"
    r"|(?:i'?m\s+|i\s+am\s+)?(?:happy|free|available|open)\s+(?:to\s+do|at|for|to|on)"
    r"|(?:i\s+)?(?:could|can)\s+(?:do|make)|(?:i'?d|i\s+would)\s+(?:prefer|rather(?:\s+do)?)|(?:maybe|perhaps)\s+(?=\S+\s+instead)"
    r")\s+(?P<when>(?:[^,.;!?]*?\s)?" + _WHEN_WORDS + r"[^,;!?]*?)(?:\s+instead)?\s*(?:\?|(?=$|[,;!]|\.(?:\s|$)))",
    re.I,
)

# "..., 4pm instead": a time offered in place of the meeting's own, with no verb at all.
_RE_INSTEAD = re.compile(
    r"(?:[,;]\s*|\s+)(?:(?:and|but|or)\s+)?(?P<when>(?:at\s+|on\s+)?"
    + _WHEN_WORDS
    + r"[^,;!?]{0,20}?)\s+instead\b\s*\??",
    re.I,
)
_RE_FILLER = re.compile(r"\b(?:instead|please|pls|maybe|the|at|on|for|same|time)\b")


def take_proposal(s: str, today: date, day_first: bool) -> tuple[str, MeetingRef | None]:
    """(the text without the proposal, the proposed day/time), or the text unchanged and None."""
    offer = _RE_PROPOSE.search(s) or _RE_INSTEAD.search(s)
    if not offer:
        return s, None
    found = timewords.Found()
    words_left = timewords.take_times(
        timewords.take_days("at " + offer.group("when").lower(), today, day_first, found), found
    )
    if not (found.time or found.days) or re.search(r"[a-z]{3,}", _RE_FILLER.sub(" ", words_left)):
        return s, None
    proposal = MeetingRef(days=tuple(found.days), time=found.time, flexible=found.flexible)
    return (s[: offer.start()] + " " + s[offer.end() :]).strip(), proposal
