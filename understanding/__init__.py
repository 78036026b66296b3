"""Understanding requests: parse what the user wrote, then resolve it against the calendar.

The bot calls `parse(text, now)`, reads Graph's calendarView for `fetch_window(request,
now)`, and calls `resolve(request, events, now)`. All three are pure and fast.
"""

from understanding.parse import MeetingRef, Request, parse
from understanding.resolve import Resolution, fetch_window, resolve
from understanding.zones import day_first_for

__all__ = ["MeetingRef", "Request", "Resolution", "day_first_for", "fetch_window", "parse", "resolve"]
