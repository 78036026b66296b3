"""Time zone names as Graph writes them, turned into `zoneinfo` zones.

Graph answers with Windows names ("Pacific Standard Time"), IANA names or "UTC",
depending on the mailbox and on the `Prefer: outlook.timezone` header. Windows names
are mapped through tzlocal's table (generated from CLDR), not a hand-written one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tzlocal.windows_tz import win_tz

UTC = UTC


@lru_cache(maxsize=512)
def zone(name: str | None) -> ZoneInfo | timezone:
    """The zone for a Windows or IANA name; UTC for an empty or unknown name."""
    if not name or name.upper() in ("UTC", "ETC/UTC", "Z", "GMT"):
        return UTC
    iana = win_tz.get(name, name)
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def is_known(name: str | None) -> bool:
    """Whether `name` is UTC or a Windows or IANA zone this machine's tz database knows."""
    if not name or name.upper() in ("UTC", "ETC/UTC", "Z", "GMT"):
        return bool(name)
    return zone(name) is not UTC


def iana_name(name: str | None) -> str:
    """The IANA name for a Windows or IANA name ("UTC" when unknown)."""
    found = zone(name)
    return getattr(found, "key", "UTC")


def parse_graph_datetime(value: str, zone_name: str | None) -> datetime:
    """Graph's `{dateTime, timeZone}` pair as an aware datetime.

    Graph writes seven fractional digits ("2026-11-24T09:30:00.0000000"), which
    `fromisoformat` does not accept, so the fraction is cut to microseconds.
    """
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1]
        zone_name = "UTC"
    if "." in text:
        head, frac = text.split(".", 1)
        digits = "".join(ch for ch in frac if ch.isdigit())[:6]
        text = f"{head}.{digits}" if digits else head
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        return parsed
    return parsed.replace(tzinfo=zone(zone_name))


def parse_graph_date(value: str) -> date:
    """The calendar date of an all-day event's start or end (no zone conversion)."""
    return date.fromisoformat(value.strip()[:10])
