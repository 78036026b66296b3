"""How a meeting's time reads on a card: "Tue 24 Nov, 3:00 PM – 3:30 PM", "Tue 3:00 PM", "All day".

Times arrive already in the user's zone (see `Event.from_graph`), so nothing here converts
zones. Day and month names are spelled out here rather than taken from the process locale,
so a card reads the same on every server.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LONG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ALL_DAY = "All day"
DASH = " – "


def clock(moment: datetime) -> str:
    """ "3:00 PM", "12:30 AM" (a 12-hour clock without a leading zero)."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def day_label(day: date) -> str:
    """ "Tue 24 Nov"."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def long_day_label(day: date) -> str:
    """ "Friday 27 Nov"."""
    return f"{LONG_DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _last_day(event) -> date:
    """The last day an all-day event covers (Graph's end date is exclusive)."""
    start, end = _day(event.start), _day(event.end)
    return max(start, end - timedelta(days=1))


def _is_all_day(event) -> bool:
    return bool(event.is_all_day) or not isinstance(event.start, datetime)


def when_text(event) -> str:
    """The full day and time: "Tue 24 Nov, 3:00 PM – 3:30 PM" or "Fri 27 Nov, All day"."""
    if _is_all_day(event):
        first, last = _day(event.start), _last_day(event)
        days = day_label(first) if last == first else f"{day_label(first)}{DASH}{day_label(last)}"
        return f"{days}, {ALL_DAY}"
    start, end = event.start, event.end
    if not isinstance(end, datetime) or end.date() == start.date():
        tail = clock(end) if isinstance(end, datetime) else ""
        return f"{day_label(start.date())}, {clock(start)}{DASH + tail if tail else ''}"
    return f"{day_label(start.date())}, {clock(start)}{DASH}{day_label(end.date())}, {clock(end)}"


def time_text(event) -> str:
    """The time within a day's agenda: "3:00 PM – 3:30 PM", "11:00 PM – Wed 1:00 AM" or "All day"."""
    if _is_all_day(event):
        return ALL_DAY
    start, end = event.start, event.end
    if not isinstance(end, datetime):
        return clock(start)
    if end.date() == start.date():
        return f"{clock(start)}{DASH}{clock(end)}"
    return f"{clock(start)}{DASH}{DAYS[end.weekday()]} {clock(end)}"


def short_when(event) -> str:
    """The short form for lists: "Tue 3:00 PM" or "Fri All day"."""
    if _is_all_day(event):
        return f"{DAYS[_day(event.start).weekday()]} {ALL_DAY}"
    return f"{DAYS[event.start.weekday()]} {clock(event.start)}"


def series_text(subject: str, span: tuple[date, date | None] | None) -> str:
    """The whole series, named, with its span: "every “Daily stand-up” from Tue 1 Dec to Fri 18 Dec"."""
    text = f"every “{subject}”" if subject else "every meeting of the series"
    if span is None:
        return text
    first, last = span
    if last is None:
        return f"{text} from {day_label(first)}, with no end date"
    return f"{text} from {day_label(first)} to {day_label(last)}"
