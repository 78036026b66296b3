"""Which way round a numeric date like "3/12" is read, when only the time zone is known.

The bot knows the user's Teams locale and passes `day_first` from it; the eval command
only has the mailbox zone, so it guesses: the Americas (except a few) write month first,
most of the rest of the world day first.
"""

from __future__ import annotations

_MONTH_FIRST_PREFIXES = ("America/", "US/", "Canada/", "Pacific/Honolulu", "Asia/Manila")


def day_first_for(zone_name: str | None) -> bool:
    name = zone_name or ""
    if name in ("UTC", "Etc/UTC", "GMT", ""):
        return False
    return not name.startswith(_MONTH_FIRST_PREFIXES)
