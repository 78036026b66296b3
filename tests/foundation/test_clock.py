"""The one clock: what each kind answers, and that product code reads time only through it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from clock import REAL, FixedClock, SteppingClock

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ["app.py", "settings.py", "bot", "dialogs", "graph", "understanding"]
# Reading the machine's calendar time or zone directly (monotonic timers are fine).
MACHINE_TIME = re.compile(
    r"datetime\.now\(|date\.today\(|utcnow\(|time\.time\(\)|get_localzone|\.astimezone\(\)|time\.localtime\("
)
PACIFIC = ZoneInfo("America/Los_Angeles")


def test_a_fixed_clock_always_answers_its_instant_in_utc():
    at = datetime(2026, 12, 4, 23, 30, tzinfo=PACIFIC)
    clock = FixedClock(at)
    assert clock() == clock() == at
    assert clock().tzinfo is UTC
    assert clock.timestamp() == at.timestamp()


def test_a_clock_refuses_an_instant_without_a_zone():
    with pytest.raises(ValueError):
        FixedClock(datetime(2026, 12, 4, 23, 30))


def test_a_stepping_clock_moves_only_when_told():
    clock = SteppingClock(datetime(2026, 3, 8, 1, 30, tzinfo=PACIFIC))
    before = clock()
    assert clock() == before
    clock.advance(hours=1)
    assert clock() - before == timedelta(hours=1)
    assert clock().astimezone(PACIFIC).hour == 3  # the hour that does not exist on that night is skipped
    clock.set(datetime(2027, 1, 1, tzinfo=UTC))
    assert clock() == datetime(2027, 1, 1, tzinfo=UTC)


def test_the_real_clock_is_aware_and_in_utc_whatever_the_machines_zone():
    now = REAL()
    assert now.tzinfo is UTC
    assert abs(now.timestamp() - REAL.timestamp()) < 60


def test_product_code_reads_calendar_time_only_through_the_clock():
    found = []
    for entry in PRODUCT:
        path = ROOT / entry
        for source in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                if MACHINE_TIME.search(line.split("#", 1)[0]):
                    found.append(f"{source.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
