"""Stage 5, scope: the whole series or one occurrence, and whether to skip the confirmation.

Never the series unless the words ask for it ("the whole series", "from now on", "every",
"all future", "going forward"); "just this one", "not the series", "only this week" rule it
out even when the word "series" is there. "right away", "don't ask" skip the confirmation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    r"|for\s+the\s+rest\s+of\s+the\s+(?:year|quarter|month|project)|until\s+further\s+notice"
    r"|for\s+the\s+foreseeable\s+future|indefinitely"
    r"|(?:all|every|each)\s+(?:of\s+the\s+|of\s+my\s+|my\s+)?(?:future|upcoming|recurring|subsequent|following)"
    r"(?!\s+(?:meetings|events|calls|invites|ones|appointments|mtgs)\b)"
    r"|from\s+now\s+on|going\s+forward|permanently|for\s+good|forever|in\s+the\s+future"
    r"|(?:all\s+)?(?:the\s+)?(?:occurrences|instances)|series|recurring|recurrence"
    r"|(?:all|each|every\s+one|every\s+single\s+one)\s+of\s+them"
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

_RE_ONLY_THIS = re.compile(
    r"(?<!\bnot\s)\b(?:only|just)\s+(?:for\s+)?(?:this|that|the\s+next|today'?s|tomorrow'?s)\s+(?:one|occurrence|instance|time|week)\b"
    r"|\bjust\s+(?:this\s+)?once\b"
    r"|\b(?:this|that)\s+(?:one|occurrence|instance)\s+only\b"
)


@dataclass(frozen=True, slots=True)
class ScopeWords:
    series: bool  # the words ask for the whole series
    denied: bool  # the words rule the series out
    immediate: bool  # "right away": no confirmation


def take_scope(command: str) -> tuple[str, ScopeWords]:
    """(the command without its scope words, what they said)."""
    denied = bool(_RE_NOT_SERIES.search(command) or _RE_ONLY_THIS.search(command))
    command = _RE_NOT_SERIES.sub(" ", command)
    series = False
    immediate = False

    def series_flag(m: re.Match[str]) -> str:
        nonlocal series
        series = True
        return " "

    def now_flag(m: re.Match[str]) -> str:
        nonlocal immediate
        immediate = True
        return " "

    command = _RE_SERIES.sub(series_flag, command)
    command = _RE_IMMEDIATE.sub(now_flag, command)
    return command, ScopeWords(series=series, denied=denied, immediate=immediate)
