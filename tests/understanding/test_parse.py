"""The parser on its own: intents, times, days, comments, notify, series and noise."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from understanding import parse

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles"))  # a Tuesday
TUE, WED, THU, FRI, MON = (
    date(2026, 11, 24),
    date(2026, 11, 25),
    date(2026, 11, 26),
    date(2026, 11, 27),
    date(2026, 11, 30),
)


def one(text: str, **kw):
    request = parse(text, NOW, **kw)
    assert len(request.refs) == 1, request
    return request.refs[0]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("decline my 3pm", "decline"),
        ("please reject the standup", "decline"),
        ("I can't make the retro", "decline"),
        ("skip tomorrow's standup", "decline"),
        ("send regrets for the offsite", "decline"),
        ("accept the vendor demo", "accept"),
        ("I'll be there for the town hall", "accept"),
        ("tentatively accept my 3pm", "tentative"),
        ("maybe for the budget sync", "tentative"),
        ("cancel my 3pm", "cancel"),
        ("call off the team sync", "cancel"),
        ("cancel", "abort"),
        ("never mind", "abort"),
        ("stop", "abort"),
        ("forget it", "abort"),
        ("what's on today?", "agenda"),
        ("what do I have on Friday", "agenda"),
        ("show me my calendar", "agenda"),
        ("help", "help"),
        ("what can you do?", "help"),
        ("sign out", "signout"),
        ("log me out", "signout"),
        ("good morning", "other"),
        ("", "other"),
        ("declien my 3pm", "decline"),
        ("acept the demo", "accept"),
    ],
)
def test_the_intent_is_recognized(text, intent):
    assert parse(text, NOW).intent == intent


@pytest.mark.parametrize(
    ("text", "hm"),
    [
        ("decline my 3pm", (15, 0)),
        ("decline my 3", (15, 0)),
        ("decline my 3 o'clock", (15, 0)),
        ("decline my 15:00", (15, 0)),
        ("decline the 2:30", (14, 30)),
        ("decline my noon meeting", (12, 0)),
        ("decline the 4:45", (16, 45)),
        ("decline my 9am", (9, 0)),
        ("decline my 10", (10, 0)),
        ("decline my 3:30 p.m.", (15, 30)),
        ("decline the meeting at 5", (17, 0)),
        ("decline my 11", (11, 0)),
        ("decline the one at quarter past 2", (14, 15)),
        ("decline my 12:30", (12, 30)),
        ("decline my 7pm", (19, 0)),
    ],
)
def test_times_are_read_the_way_people_mean_them(text, hm):
    assert one(text).time == hm


def test_a_bare_hour_keeps_the_other_half_of_the_day_as_a_fallback_but_an_explicit_one_does_not():
    assert one("decline my 7").flexible
    assert not one("decline my 7am").flexible


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("decline the standup tomorrow", WED),
        ("decline the standup on Friday", FRI),
        ("decline Thursday's standup", THU),
        ("decline my 9am next monday", MON),
        ("decline tomorrow's 9am", WED),
        ("decline the standup on wedensday", WED),
        ("decline the retro on thrusday", THU),
        ("decline the 2pm on Nov 27", FRI),
        ("decline the 2pm on 27 November", FRI),
        ("decline the standup today", TUE),
        ("decline the 2pm on the 27th", FRI),
        ("decline the standup tmrw", WED),
        ("decline the 2pm on 2026-11-30", MON),
    ],
)
def test_days_are_resolved_from_today(text, day):
    assert one(text).days[0] == (day, day)


def test_a_numeric_date_follows_the_locale():
    assert one("decline the 9am on 3/12").days[0][0] == date(2027, 3, 12)
    assert one("decline the 9am on 3/12", day_first=True).days[0][0] == date(2026, 12, 3)


def test_a_date_already_long_past_this_year_means_next_year():
    assert one("decline my meeting with Jake on Jan 1st").days[0][0] == date(2027, 1, 1)


def test_today_s_own_weekday_means_today_first_then_a_week_later():
    assert one("decline the standup on Tuesday").days == ((TUE, TUE), (date(2026, 12, 1), date(2026, 12, 1)))


def test_parts_of_day_and_spans():
    ref = one("decline all my meetings tomorrow afternoon")
    assert ref.span and ref.days[0] == (WED, WED) and ref.part == (12 * 60, 17 * 60)
    rest = one("decline the rest of today")
    assert rest.span and rest.after_now and rest.days[0] == (TUE, TUE)
    week = one("decline everything this week")
    assert week.span and week.days[0] == (TUE, date(2026, 11, 29))
    weekend = one("decline the offsite this weekend")
    assert weekend.days[0] == (date(2026, 11, 28), date(2026, 11, 29))


def test_subjects_people_and_relative_selectors():
    assert one("decline the standup").subject == ("standup",)
    lunch = one("decline lunch with Kim")
    assert lunch.subject == ("lunch",) and lunch.people == ("kim",)
    assert one("decline my 1:1 with Alex").subject == ("oneonone",)
    assert one("decline the PR meeting").subject == ("pr",)
    assert one("decline my next meeting").relative == "next"
    last = one("decline my last meeting today")
    assert last.relative == "last" and last.days[0] == (TUE, TUE)
    assert one("decline lunch with Kim and Alex").people == ("kim", "alex")


def test_several_meetings_in_one_request():
    refs = parse("decline the 3pm offsite prep and the 4pm retro", NOW).refs
    assert [(r.time, r.subject) for r in refs] == [((15, 0), ("offsite", "prep")), ((16, 0), ("retro",))]
    shared = parse("decline my 9:30 and 11am tomorrow", NOW).refs
    assert [r.days[0][0] for r in shared] == [WED, WED]


@pytest.mark.parametrize(
    ("text", "comment"),
    [
        ("decline my 3pm and say I'm sick", "I'm sick"),
        ("decline my 3pm and tell them I have a conflict", "I have a conflict"),
        ("decline the standup saying I'm out", "I'm out"),
        ("decline the town hall with a note: Presenting to a customer, sorry!", "Presenting to a customer, sorry!"),
        ("decline the retro. Reason: Out at the dentist", "Out at the dentist"),
        ("decline the demo and respond I am not interested", "I am not interested"),
        ("decline my 2pm, tell them I'm travelling", "I'm travelling"),
        ("Decline the town hall. I'm presenting at a customer site.", "I'm presenting at a customer site"),
        ('decline the review and say "Can we move it to Thursday?"', "Can we move it to Thursday?"),
        ("I'm out sick today, please decline all my meetings", "I'm out sick today"),
        ("tell them I'm sick and decline my 3pm", "I'm sick"),
    ],
)
def test_the_comment_is_the_user_s_own_words(text, comment):
    assert parse(text, NOW).comment == comment


def test_the_comment_does_not_become_part_of_the_meeting_reference():
    request = parse("decline my 3pm and tell them I'm at the Friday offsite", NOW)
    assert request.refs[0].days == () and request.refs[0].subject == ()


@pytest.mark.parametrize(
    "text",
    [
        "decline my 3pm but don't notify anyone",
        "decline the standup and don't send a response",
        "decline the retro without notifying the organizer",
        "silently decline the town hall",
        "decline the demo, no need to tell them",
        "decline everything tomorrow without sending a response",
    ],
)
def test_asking_not_to_notify_turns_the_response_off(text):
    request = parse(text, NOW)
    assert request.notify is False and request.comment is None


def test_notify_stays_on_otherwise():
    assert parse("decline my 3pm and tell them I'm sick", NOW).notify is True


@pytest.mark.parametrize(
    "text",
    [
        "decline the whole standup series",
        "decline all future standups",
        "decline the design review series",
        "decline the standup from now on",
        "decline every standup",
        "decline the recurring 1:1 with Sam",
    ],
)
def test_series_requests_ask_for_the_series(text):
    assert parse(text, NOW).scope == "series"


def test_one_occurrence_is_the_default_scope():
    assert parse("decline the standup", NOW).scope == "occurrence"
    assert parse("decline all the standups this week", NOW).scope == "occurrence"


def test_immediate_requests_skip_confirmation():
    assert parse("decline my 3pm right away", NOW).immediate
    assert parse("decline my 3pm now, without asking", NOW).immediate
    assert not parse("decline my 3pm", NOW).immediate


def test_noise_is_ignored():
    plain = parse("decline my 3pm", NOW)
    for text in [
        "<at>Regrets</at> decline my 3pm",
        "hi! can you please decline my 3pm? 🙏",
        "yes, that's good. Also decline my 3pm",
        "decline    my   3pm  😅",
        "DECLINE MY 3PM",
    ]:
        got = parse(text, NOW)
        assert (got.intent, got.refs, got.comment) == (plain.intent, plain.refs, plain.comment), text


def test_a_naive_clock_is_treated_as_utc_instead_of_failing():
    assert parse("decline my 3pm", datetime(2026, 11, 24, 9, 0)).refs[0].time == (15, 0)
