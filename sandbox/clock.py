"""The stand-ins' wall clock: the one place in sandbox/ that reads the machine's time.

Microsoft's services stamp tokens, errors and deliveries with their own wall clock, so the
stand-ins do too; each stand-in that decides calendar meaning (the Graph calendar, its
subscriptions) also takes an injected clock, which tests and the demo pin.
"""

from __future__ import annotations

from datetime import UTC, datetime


def wall_now() -> datetime:
    """Aware UTC now, as Microsoft's servers see it."""
    return datetime.now(UTC)
