"""Stage 1, normalise: the message as plain text, and the same request said in the plain words.

Teams sends HTML with <at> mentions, emoji, curly quotes and "p.m."; `clean` turns that into
one line of text. `rewrite` turns idioms into the plain verbs ("give the standup a miss" is a
decline; "let them know I'll be there" an accept; "stop going to" a decline from now on).
`drop_asides` removes private asides ("(between us, ...)", "off the record ...") so they can
never become the note. `drop_talk` removes discourse words ("after all", "anyway").
"""

from __future__ import annotations

import html
import re

_RE_AT = re.compile(r"<at\b[^>]*>.*?</at>", re.I | re.S)

_RE_TAG = re.compile(r"<[^>]{1,200}>")

_RE_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d\u2b00-\u2bff\u2190-\u21ff\u20e3]")

_RE_AMPM = re.compile(r"(?<=[\d\s])([ap])\.\s?m\b\.?", re.I)

_RE_SPACE = re.compile(r"\s+")

# Missing spaces people type in a hurry: "my11:30", "decline2pm", "the3pm".
_RE_GLUED = re.compile(
    r"(?i)\b(my|at|the|decline|accept)(?=\d)|\b(decline|accept|skip|cancel)(?=(?:my|the|all|everything|tomorrow|today)\b)"
)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2032": "'"})


def clean(text: str, *, quotes: bool = True) -> str:
    text = _RE_AT.sub(" ", text or "")
    text = html.unescape(_RE_TAG.sub(" ", text))
    if quotes:
        text = text.translate(_QUOTES)
    text = _RE_EMOJI.sub(" ", text)
    text = _RE_AMPM.sub(lambda m: m.group(1) + "m", text)
    text = _RE_GLUED.sub(lambda m: (m.group(1) or m.group(2)) + " ", text)
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


# Said another way, the request is one of the plain verbs: "give the standup a miss" is a decline,
# "let them know I'll be there" an accept (the organizer learns it from the answer itself).
_REWRITES = (
    (
        re.compile(
            r"\b(?:hold|keep|mark|put|set)\s+(.{1,60}?)\s+(?:down\s+)?as\s+(?:a\s+)?(?:tentative|maybe|provisional)\b",
            re.I,
        ),
        r"tentatively accept \1",
    ),
    (re.compile(r"\b(?:stop|quit)\s+(?:going\s+to|attending|joining)\b", re.I), "decline from now on"),
    (re.compile(r"\bgive\s+(.{1,60}?)\s+a\s+miss\b", re.I), r"decline \1"),
    (
        re.compile(
            r"\b(?:let|tell)\s+(?:them|him|her|the\s+organi[sz]er|everyone|[A-Z][a-z]+)\s+(?:know\s+)?"
            r"(?:that\s+)?(?:i'?ll|i\s+will|i\s+can)\s+(?:be\s+there(?:\s+for)?|be\s+at|make(?:\s+it(?:\s+to)?)?|attend|"
            r"come(?:\s+to)?|join)\b",
            re.I,
        ),
        "accept",
    ),
    (
        re.compile(
            r"\b(?:let|tell)\s+(?:them|him|her|the\s+organi[sz]er|everyone|[A-Z][a-z]+)\s+(?:know\s+)?"
            r"(?:that\s+)?(?:i\s+can'?t|i\s+cannot|i\s+won'?t|i\s+will\s+not)\s+(?:be\s+there(?:\s+for)?|be\s+at|"
            r"make(?:\s+it(?:\s+to)?)?|attend|come(?:\s+to)?|join)(?=\s+(?:the|my|tomorrow|today|on|at)\b)",
            re.I,
        ),
        "decline",
    ),
)


# "tell them I'll be there" is the request only when no other verb asked already ("decline the
# standup and tell them I'll be there tomorrow" keeps it as the note).
_RE_ASKED = re.compile(r"\b(?:decline|accept|tentative(?:ly)?|skip|cancel|reject|rsvp|miss)\b", re.I)


def _rewrite(text: str) -> str:
    for pattern, repl in _REWRITES:
        text = _rewrite_one(pattern, repl, text)
    return text


def _rewrite_one(pattern: re.Pattern[str], repl: str, text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        return m.group(0) if _RE_ASKED.search(text, 0, m.start()) else m.expand(repl)

    return pattern.sub(swap, text)


_PRIVATE = (
    r"between\s+(?:us|you\s+and\s+me|ourselves)|off\s+the\s+record|privately|not\s+that\s+i'?d\s+tell|"
    r"don'?t\s+tell\s+(?:them|him|her|anyone)\s+(?:but|this)|for\s+your\s+(?:eyes|ears)\s+only|entre\s+nous|"
    r"honestly|tbh|to\s+be\s+honest|ugh|lol|lmao|smh|note\s+to\s+self|"
    r"(?:it'?s|this\s+is|that'?s)\s+(?:such\s+)?(?:a\s+)?(?:total\s+|complete\s+)?(?:waste|pointless|useless|boring)"
)

_RE_ASIDE = re.compile(
    r"\((?:\s*(?:just|and|but|,)\s*)*(?:"
    + _PRIVATE
    + r")\b[^)]*\)|[,;–—-]\s*(?:just\s+)?(?:between\s+(?:us|you\s+and\s+me)|off\s+the\s+record)\b[^.!?]*"
    # "..., remind me to watch the recording": a request to the bot, no note for the organizer.
    r"|[,;]?\s*(?:and\s+)?(?:please\s+)?remind\s+me\b[^.!?]*"
    # "decline the review lol what a drag": chat noise after the request is no part of it.
    r"|(?<=\w)\s+(?:lol|lmao|smh|ffs|tbh)\b[^.!?]*",
    re.I,
)

_RE_DISCOURSE = re.compile(
    r"\b(?:after\s+all|on\s+(?:second|2nd)\s+thoughts?|come\s+to\s+think\s+of\s+it|anyways?|in\s+the\s+end)"
    r"(?=\s*(?:[,.!?;]|$))|^\W*(?:actually|on\s+(?:second|2nd)\s+thoughts?|anyways?)\b",
    re.I,
)


QUOTES = _QUOTES
PRIVATE = _PRIVATE


def rewrite(text: str) -> str:
    return _rewrite(text)


def drop_asides(text: str) -> str:
    return _RE_ASIDE.sub(" ", text).strip()


def drop_talk(command: str) -> str:
    return _RE_DISCOURSE.sub(" ", command)
