"""Time zones in the user's words, and which way round a numeric date is read.

`take_zone` finds a named zone next to a clock time ("11am Eastern", "16:00 CEST", "noon
UTC", "8pm Sydney time", "the 2 o'clock Berlin time call") and returns the IANA zones it
may mean. An abbreviation names a region, not a fixed offset: "EST" said in July still means
New York's clock that day, so the resolver converts with the daylight-saving state of the
meeting's own date. IST is three regions (India, Ireland, Israel): all three are returned
and the resolver asks when they lead to different meetings.

`day_first_for` says whether "3/12" is the 3rd of December: from the Teams locale when the
bot knows it, else guessed from the mailbox zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "et": ("America/New_York",),
    "est": ("America/New_York",),
    "edt": ("America/New_York",),
    "eastern": ("America/New_York",),
    "ct": ("America/Chicago",),
    "cst": ("America/Chicago",),
    "cdt": ("America/Chicago",),
    "central": ("America/Chicago",),
    "mt": ("America/Denver",),
    "mst": ("America/Denver",),
    "mdt": ("America/Denver",),
    "mountain": ("America/Denver",),
    "pt": ("America/Los_Angeles",),
    "pst": ("America/Los_Angeles",),
    "pdt": ("America/Los_Angeles",),
    "pacific": ("America/Los_Angeles",),
    "gmt": ("UTC",),
    "utc": ("UTC",),
    "zulu": ("UTC",),
    "bst": ("Europe/London",),
    "uk": ("Europe/London",),
    "british": ("Europe/London",),
    "cet": ("Europe/Berlin",),
    "cest": ("Europe/Berlin",),
    "central european": ("Europe/Berlin",),
    "central european summer": ("Europe/Berlin",),
    "eet": ("Europe/Athens",),
    "eest": ("Europe/Athens",),
    "wet": ("Europe/Lisbon",),
    "jst": ("Asia/Tokyo",),
    "japan": ("Asia/Tokyo",),
    "kst": ("Asia/Seoul",),
    "korea": ("Asia/Seoul",),
    "aest": ("Australia/Sydney",),
    "aedt": ("Australia/Sydney",),
    "awst": ("Australia/Perth",),
    "nzst": ("Pacific/Auckland",),
    "nzdt": ("Pacific/Auckland",),
    "sgt": ("Asia/Singapore",),
    "hkt": ("Asia/Hong_Kong",),
    "msk": ("Europe/Moscow",),
    "india": ("Asia/Kolkata",),
    "indian": ("Asia/Kolkata",),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
}
# "<city> time": cities people name for a colleague's clock.
_CITIES: dict[str, str] = {
    "new york": "America/New_York",
    "nyc": "America/New_York",
    "ny": "America/New_York",
    "boston": "America/New_York",
    "toronto": "America/Toronto",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "washington": "America/New_York",
    "dc": "America/New_York",
    "chicago": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "houston": "America/Chicago",
    "denver": "America/Denver",
    "phoenix": "America/Phoenix",
    "los angeles": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "sf": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "vancouver": "America/Vancouver",
    "mexico city": "America/Mexico_City",
    "sao paulo": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo",
    "london": "Europe/London",
    "dublin": "Europe/Dublin",
    "lisbon": "Europe/Lisbon",
    "paris": "Europe/Paris",
    "berlin": "Europe/Berlin",
    "munich": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "madrid": "Europe/Madrid",
    "barcelona": "Europe/Madrid",
    "rome": "Europe/Rome",
    "milan": "Europe/Rome",
    "amsterdam": "Europe/Amsterdam",
    "brussels": "Europe/Brussels",
    "zurich": "Europe/Zurich",
    "vienna": "Europe/Vienna",
    "stockholm": "Europe/Stockholm",
    "oslo": "Europe/Oslo",
    "copenhagen": "Europe/Copenhagen",
    "helsinki": "Europe/Helsinki",
    "warsaw": "Europe/Warsaw",
    "prague": "Europe/Prague",
    "athens": "Europe/Athens",
    "istanbul": "Europe/Istanbul",
    "moscow": "Europe/Moscow",
    "tel aviv": "Asia/Jerusalem",
    "israel": "Asia/Jerusalem",
    "dubai": "Asia/Dubai",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata",
    "pune": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "singapore": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "shanghai": "Asia/Shanghai",
    "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "tokyo": "Asia/Tokyo",
    "seoul": "Asia/Seoul",
    "manila": "Asia/Manila",
    "jakarta": "Asia/Jakarta",
    "bangkok": "Asia/Bangkok",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth",
    "auckland": "Pacific/Auckland",
    "johannesburg": "Africa/Johannesburg",
    "cairo": "Africa/Cairo",
    "nairobi": "Africa/Nairobi",
    "lagos": "Africa/Lagos",
    "ireland": "Europe/Dublin",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "japan": "Asia/Tokyo",
    "australia": "Australia/Sydney",
    "east coast": "America/New_York",
    "west coast": "America/Los_Angeles",
}


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# A clock time just before the zone word ("11am", "16:00", "2 o'clock", "noon", "9").
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a|p|h)?|noon|midday|midnight|\d{1,2}\s*o'?\s*clock)"
_RE_ZONE_AFTER_TIME = re.compile(
    r"(?<![\w:])(" + _CLOCK + r")\s*(?:\(\s*)?(?:in\s+)?(" + _alternation(_ABBREVIATIONS) + r")"
    r"(?:\s+(?:standard|daylight|summer))?(?:\s+time)?\)?(?![\w])"
)
_RE_PLACE_TIME = re.compile(
    r"(?<![\w])(?:in\s+)?(" + _alternation(list(_CITIES) + list(_ABBREVIATIONS)) + r")(?:'s)?\s+time\b"
)
# "the Berlin 2pm", "an ET 11am": a zone word just before the clock.
_RE_ZONE_BEFORE_TIME = re.compile(
    r"(?<![\w])("
    + _alternation([k for k in list(_ABBREVIATIONS) + list(_CITIES) if len(k) >= 3])
    + r")\s+(?="
    + _CLOCK
    + r"\b)"
)


def zone_names(word: str) -> tuple[str, ...]:
    word = word.lower()
    if word in _CITIES:
        return (_CITIES[word],)
    return _ABBREVIATIONS.get(word, ())


def take_zone(text: str) -> tuple[str, tuple[str, ...]]:
    """(the text with the zone words blanked, the IANA zones named; empty when none)."""
    zones: tuple[str, ...] = ()

    def after(m: re.Match[str]) -> str:
        nonlocal zones
        zones = zones or zone_names(m.group(2))
        return m.group(1) + " "

    def place(m: re.Match[str]) -> str:
        nonlocal zones
        zones = zones or zone_names(m.group(1))
        return " "

    text = _RE_ZONE_AFTER_TIME.sub(after, text, count=1)
    if not zones:
        text = _RE_PLACE_TIME.sub(place, text, count=1)
    if not zones:
        text = _RE_ZONE_BEFORE_TIME.sub(place, text, count=1)
    return text, zones


_MONTH_FIRST_PREFIXES = ("America/", "US/", "Canada/", "Pacific/Honolulu", "Asia/Manila")
MONTH_FIRST_LOCALES = ("en-us", "en-ph", "en-ca", "en-um", "en-as", "en-gu", "en-mp", "en-pr", "en-vi", "fil")


def day_first_for(zone_name: str | None, locale: str | None = None) -> bool:
    """Day first ("12/1" is 12 January) unless the locale, or failing that the zone, writes month first."""
    if locale:
        return not locale.lower().replace("_", "-").startswith(MONTH_FIRST_LOCALES)
    name = zone_name or ""
    if name in ("UTC", "Etc/UTC", "GMT", ""):
        return False
    return not name.startswith(_MONTH_FIRST_PREFIXES)
