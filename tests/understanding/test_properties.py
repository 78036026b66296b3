"""Arbitrary text and arbitrary calendars never break understanding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.models import Event
from understanding import fetch_window, parse, resolve

ZONES = [
    "UTC",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific Standard Time",
    "GMT Standard Time",
    "India Standard Time",
    "Nowhere/Unknown",
]
WORDS = [
    "decline",
    "accept",
    "tentatively",
    "cancel",
    "my",
    "the",
    "3pm",
    "3",
    "noon",
    "2:30",
    "tomorrow",
    "friday",
    "next",
    "last",
    "all",
    "everything",
    "standup",
    "with",
    "Kim",
    "and",
    "say",
    "I'm",
    "sick",
    "series",
    "don't",
    "notify",
    "between",
    "1",
    "and",
    "4",
    "rest",
    "of",
    "today",
    "3/12",
    "the 1st",
    ",",
    ".",
    '"',
    "'s",
    "every",
]

texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join))


@st.composite
def graph_events(draw):
    n = draw(st.integers(0, 12))
    base = datetime(2026, 11, 24, tzinfo=UTC)
    out = []
    for i in range(n):
        start = base + timedelta(minutes=draw(st.integers(-3 * 1440, 10 * 1440)))
        length = timedelta(minutes=draw(st.integers(0, 600)))
        zone = draw(st.sampled_from(ZONES))
        all_day = draw(st.booleans())
        fmt = "%Y-%m-%dT00:00:00.0000000" if all_day else "%Y-%m-%dT%H:%M:%S.0000000"
        out.append(
            {
                "id": f"ev{i}",
                "subject": draw(st.sampled_from(["Standup", "Lunch", "1:1 Kim", "", "Design review"])),
                "isAllDay": all_day,
                "isCancelled": draw(st.booleans()),
                "isOrganizer": draw(st.booleans()),
                "responseStatus": {"response": draw(st.sampled_from(["none", "accepted", "declined", "organizer"]))},
                "type": draw(st.sampled_from(["singleInstance", "occurrence"])),
                "seriesMasterId": draw(st.sampled_from([None, "m1", "m2"])),
                "start": {"dateTime": start.strftime(fmt), "timeZone": zone},
                "end": {
                    "dateTime": (start + length + (timedelta(days=1) if all_day else timedelta())).strftime(fmt),
                    "timeZone": zone,
                },
                "organizer": {"emailAddress": {"name": "Kim Lee", "address": "kim@x.example"}},
                "attendees": draw(
                    st.sampled_from([[], [{"emailAddress": {"name": "Alex", "address": "a@x.example"}}]])
                ),
            }
        )
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts,
    calendar=graph_events(),
    zone=st.sampled_from(["UTC", "America/Los_Angeles", "Australia/Sydney"]),
    minutes=st.integers(0, 1439),
    day_first=st.booleans(),
)
def test_any_text_and_any_calendar_give_a_valid_resolution(text, calendar, zone, minutes, day_first):
    tz = ZoneInfo(zone)
    now = datetime(2026, 11, 24, tzinfo=tz) + timedelta(minutes=minutes)
    events = [Event.from_graph(obj, tz) for obj in calendar]
    request = parse(text, now, day_first=day_first)
    assert request.intent in ("decline", "accept", "tentative", "cancel", "agenda", "help", "signout", "abort", "other")
    assert request.scope in ("occurrence", "series")
    start, end = fetch_window(request, now)
    assert start < end
    resolution = resolve(request, events, now)
    assert resolution.status in ("matched", "ambiguous", "none")
    allowed = {e.id for e in events} | {e.series_master_id for e in events if e.series_master_id}
    assert set(resolution.event_ids) <= allowed
    assert len(set(resolution.event_ids)) == len(resolution.event_ids)
    assert list(resolution.events) == sorted(
        resolution.events,
        key=lambda e: (
            e.start.astimezone(tz)
            if isinstance(e.start, datetime)
            else datetime.combine(e.start, datetime.min.time(), tz),
            e.id,
        ),
    )
    if resolution.status == "none":
        assert resolution.event_ids == ()


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_the_comment_is_always_a_piece_of_what_the_user_wrote(text):
    # Only what followed "say", in the user's order: the parser may drop characters (quotes,
    # emoji, a closing "thanks") but never add any, nor take words from the request itself.
    request = parse("decline my 3pm and say " + text, datetime(2026, 11, 24, 9, tzinfo=UTC))
    if request.comment is not None:
        assert request.comment == request.comment.strip() != ""
        written = iter(text.casefold())
        assert all(ch in written for ch in "".join(request.comment.casefold().split()))
