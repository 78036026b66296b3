"""The one clock: what time it is, for every part that gives time a calendar meaning.

The composition root (app.py) builds one clock and hands it to whatever gives time a
calendar meaning: the dialogs (what "today", "tomorrow" and "my 3pm" mean, whether a
meeting is over) and Graph's Retry-After dates. Production runs on `RealClock`; tests pin a
`FixedClock` or move a `SteppingClock`, so their meaning of today never depends on the day
or the machine's zone they happen to run in. A clock is called like a function (`clock()`
is an aware UTC datetime) and gives epoch seconds through `clock.timestamp()`.

Token lifetimes are not calendar: Entra stamps `exp` with its wall clock and msal and the
JWT checks compare with theirs, so the bot's own expiry checks (bot/channel_auth.py,
bot/credentials.py, graph/tokens.py) keep the machine's epoch seconds by default; tests
that depend on expiry move those checks' own fake clock, and under libfaketime every party
sees the same faked time. Monotonic timers for timeouts and backoff stay on
`time.monotonic`: they measure elapsed time. The machine's own zone never matters: "now"
is always UTC here and is read in the mailbox's zone by whoever needs a local day.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def __call__(self) -> datetime: ...

    def timestamp(self) -> float: ...


class RealClock:
    """The machine's time, in UTC (never its zone)."""

    def __call__(self) -> datetime:
        return datetime.now(UTC)

    def timestamp(self) -> float:
        return time.time()

    def __repr__(self) -> str:
        return "RealClock()"


class FixedClock:
    """Always the same instant (an aware datetime; shown in UTC)."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError("a clock's instant must carry its zone")
        self._at = at.astimezone(UTC)

    def __call__(self) -> datetime:
        return self._at

    def timestamp(self) -> float:
        return self._at.timestamp()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._at.isoformat()})"


class SteppingClock(FixedClock):
    """A fixed instant that a test moves on by hand (`clock.advance(minutes=5)`)."""

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime:
        self._at += (delta or timedelta()) + timedelta(**parts)
        return self._at

    def set(self, at: datetime) -> None:
        self._at = FixedClock(at)()


REAL = RealClock()
