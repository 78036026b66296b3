"""How times read on cards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dialogs.cards import clock, day_label, long_day_label, short_when, time_text, when_text
from tests.cards.samples import ALL_DAY, SINGLE, WEEKLY, at


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [
        (0, 0, "12:00 AM"),
        (0, 5, "12:05 AM"),
        (9, 30, "9:30 AM"),
        (12, 0, "12:00 PM"),
        (15, 0, "3:00 PM"),
        (23, 59, "11:59 PM"),
    ],
)
def test_the_clock_is_12_hour_without_a_leading_zero(hour, minute, text):
    assert clock(at(24, hour, minute)) == text


def test_days_read_as_short_weekday_day_and_month():
    assert day_label(date(2026, 11, 24)) == "Tue 24 Nov"
    assert long_day_label(date(2026, 11, 27)) == "Friday 27 Nov"


def test_a_timed_meeting_reads_with_its_day_start_and_end():
    assert when_text(WEEKLY) == "Fri 27 Nov, 3:00 PM – 3:30 PM"
    assert time_text(WEEKLY) == "3:00 PM – 3:30 PM"
    assert short_when(WEEKLY) == "Fri 3:00 PM"


def test_a_meeting_past_midnight_names_the_day_it_ends():
    late = replace(SINGLE, start=at(24, 23), end=at(25, 1))
    assert when_text(late) == "Tue 24 Nov, 11:00 PM – Wed 25 Nov, 1:00 AM"
    assert time_text(late) == "11:00 PM – Wed 1:00 AM"


def test_an_all_day_meeting_reads_all_day_and_its_exclusive_end_is_not_shown():
    one_day = replace(ALL_DAY, end=date(2026, 11, 28))
    assert when_text(one_day) == "Fri 27 Nov, All day"
    assert when_text(ALL_DAY) == "Fri 27 Nov – Sat 28 Nov, All day"
    assert time_text(ALL_DAY) == "All day"
    assert short_when(ALL_DAY) == "Fri All day"


def test_times_are_shown_in_the_zone_they_arrive_in():
    from zoneinfo import ZoneInfo

    tokyo = replace(
        WEEKLY, start=WEEKLY.start.astimezone(ZoneInfo("Asia/Tokyo")), end=WEEKLY.end.astimezone(ZoneInfo("Asia/Tokyo"))
    )
    assert when_text(tokyo) == "Sat 28 Nov, 12:00 AM – 12:30 AM"
