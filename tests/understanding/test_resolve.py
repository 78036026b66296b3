"""The resolver and the fetch window on their own: problems, windows, series ids, zones."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from graph.models import Event, Person
from understanding import fetch_window, parse, resolve

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=LA)  # Tuesday


def event(eid: str, subject: str, start: datetime, minutes: int = 30, **kw) -> Event:
    return Event(id=eid, subject=subject, start=start, end=start + timedelta(minutes=minutes), **kw)


def at(day: int, hour: int, minute: int = 0, tz=LA) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def test_events_in_another_zone_are_compared_in_the_user_s_zone():
    utc = ZoneInfo("UTC")
    events = [event("a", "APAC handoff", datetime(2026, 11, 25, 2, 0, tzinfo=utc))]  # 6pm in Los Angeles
    got = resolve(parse("decline my 6pm", NOW), events, NOW)
    assert (got.status, got.event_ids) == ("matched", ("a",))
    assert got.window == (datetime(2026, 11, 24, tzinfo=LA), datetime(2026, 11, 25, tzinfo=LA))


def test_a_meeting_that_is_over_is_returned_with_the_past_problem():
    events = [event("a", "Standup", at(24, 8, 30))]
    got = resolve(parse("decline the standup today", NOW), events, NOW)
    assert got.event_ids == ("a",) and got.problems["a"] == ("past",)


def test_already_declined_and_own_meetings_are_flagged():
    own = event("own", "Planning", at(24, 15), is_organizer=True, response="organizer")
    done = event("done", "Review", at(25, 15), response="declined")
    assert resolve(parse("decline my 3pm today", NOW), [own], NOW).problems["own"] == ("organizer",)
    assert resolve(parse("decline the review", NOW), [done], NOW).problems["done"] == ("already_declined",)


def test_cancelling_someone_else_s_meeting_becomes_a_decline_and_one_s_own_stays_a_cancel():
    theirs = event("t", "Vendor sync", at(24, 15))
    mine = event("m", "Team sync", at(24, 15), is_organizer=True)
    assert resolve(parse("cancel my 3pm", NOW), [theirs], NOW).intent == "decline"
    assert resolve(parse("cancel my 3pm", NOW), [mine], NOW).intent == "cancel"


def test_the_series_scope_posts_to_the_series_master_once():
    events = [event(f"o{i}", "Standup", at(24 + i, 9, 30), type="occurrence", series_master_id="M") for i in range(3)]
    got = resolve(parse("decline all future standups", NOW), events, NOW)
    assert (got.status, got.event_ids, got.scope) == ("matched", ("M",), "series")


def test_a_series_request_for_a_one_off_meeting_falls_back_to_the_occurrence():
    got = resolve(parse("decline the offsite series", NOW), [event("x", "Offsite", at(25, 10))], NOW)
    assert (got.event_ids, got.scope) == (("x",), "occurrence")


def test_everything_on_a_day_leaves_out_all_day_cancelled_own_and_started_meetings():
    friday = [
        event("a", "Standup", at(27, 9, 30)),
        event("own", "Focus", at(27, 11), is_organizer=True),
        event("gone", "Old", at(27, 12), is_cancelled=True),
        Event(id="hol", subject="Holiday", start=date(2026, 11, 27), end=date(2026, 11, 28), is_all_day=True),
        event("b", "Demo", at(27, 16)),
    ]
    got = resolve(parse("decline everything on Friday", NOW), friday, NOW)
    assert got.event_ids == ("a", "b")


def test_attendee_names_find_the_meeting():
    events = [
        event("a", "Lunch", at(25, 12), attendees=(Person("Priya Natarajan", "priya@x.example"),)),
        event("b", "Lunch", at(26, 12), attendees=(Person("Lee Gu", "lee@x.example"),)),
    ]
    assert resolve(parse("decline lunch with Lee", NOW), events, NOW).event_ids == ("b",)


def test_nothing_to_act_on_for_help_or_an_unknown_request():
    events = [event("a", "Standup", at(24, 9, 30))]
    for text in ("help", "good morning", "never mind"):
        got = resolve(parse(text, NOW), events, NOW)
        assert (got.status, got.event_ids) == ("none", ())


def test_the_agenda_lists_the_day_asked_for():
    events = [event("a", "Standup", at(25, 9, 30)), event("b", "Retro", at(24, 16))]
    got = resolve(parse("what's on tomorrow?", NOW), events, NOW)
    assert got.event_ids == ("a",)


def test_fetch_window_reads_only_the_days_needed():
    def days(text):
        start, end = fetch_window(parse(text, NOW), NOW)
        assert start.tzinfo is not None
        return start.date(), (end - timedelta(seconds=1)).date()

    assert days("decline everything on Friday") == (date(2026, 11, 27), date(2026, 11, 27))
    assert days("decline the 3pm on Dec 3") == (date(2026, 12, 3), date(2026, 12, 3))
    assert days("decline my 3pm") == (date(2026, 11, 24), date(2026, 12, 1))
    assert days("decline the standup") == (date(2026, 11, 24), date(2026, 12, 8))
    assert days("decline the rest of today") == (date(2026, 11, 24), date(2026, 11, 24))
    assert days("decline yesterday's standup") == (date(2026, 11, 23), date(2026, 11, 23))
    assert days("help") == (date(2026, 11, 24), date(2026, 11, 24))
