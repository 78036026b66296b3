"""The stages added for issue 13, each on its own: zone words, day words, clock words, anchors, proposals, decide."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from graph.models import Event
from understanding import (
    day_first_for,
    fetch_window,
    intents,
    normalise,
    notes,
    parse,
    proposals,
    references,
    resolve,
    scope,
    timewords,
)
from understanding.decide import decide
from understanding.zones import take_zone

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 10, 10, 20, tzinfo=NY)  # Tuesday, in a meeting since 10:00
TODAY = NOW.date()


def event(eid: str, subject: str, start: datetime, minutes: int = 30, **kw) -> Event:
    return Event(id=eid, subject=subject, start=start, end=start + timedelta(minutes=minutes), **kw)


def at(day: int, hour: int, minute: int = 0, tz=NY) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def days(text: str, day_first: bool = False) -> list[tuple[date, date]]:
    found = timewords.Found()
    timewords.take_days(text, TODAY, day_first, found)
    return found.days


def clock(text: str) -> tuple[int, int] | None:
    found = timewords.Found()
    timewords.take_times(text, found)
    return found.time


# ---------------------------------------------------------------- zone words


def test_an_abbreviation_after_a_time_names_a_region_not_an_offset():
    assert take_zone("the 11am est call")[1] == ("America/New_York",)
    assert take_zone("16:00 cest")[1] == ("Europe/Berlin",)


def test_a_city_followed_by_time_is_that_city_s_clock():
    assert take_zone("the 2 o'clock berlin time call")[1] == ("Europe/Berlin",)
    assert take_zone("8pm sydney time")[1] == ("Australia/Sydney",)


def test_a_city_that_is_part_of_a_title_is_no_zone():
    assert take_zone("the tokyo partner call")[1] == ()


def test_ist_has_three_readings():
    assert len(take_zone("4pm ist")[1]) == 3


def test_a_time_in_eastern_is_converted_with_the_daylight_saving_of_that_date():
    now = datetime(2026, 7, 1, 9, 0, tzinfo=LONDON)
    summer = event("s", "US review", datetime(2026, 7, 1, 16, 0, tzinfo=LONDON))  # 11:00 EDT
    trap = event("t", "Local review", datetime(2026, 7, 1, 11, 0, tzinfo=LONDON))
    got = resolve(parse("decline my 11am EST", now), [trap, summer], now)
    assert (got.status, got.event_ids) == ("matched", ("s",))


def test_ist_asks_when_its_readings_lead_to_different_meetings():
    now = datetime(2026, 11, 10, 8, 0, tzinfo=LONDON)
    india = event("in", "Handover", datetime(2026, 11, 10, 10, 30, tzinfo=LONDON))
    israel = event("il", "Review", datetime(2026, 11, 10, 14, 0, tzinfo=LONDON))
    # Ireland's clock is GMT in November, not IST: 16:00 in London is no reading.
    dublin = event("ie", "Sync", datetime(2026, 11, 10, 16, 0, tzinfo=LONDON))
    got = resolve(parse("decline my 4pm IST", now), [india, israel, dublin], now)
    assert got.status == "ambiguous" and set(got.event_ids) == {"in", "il"}


def test_ist_said_from_india_is_india_s_clock():
    kolkata = ZoneInfo("Asia/Kolkata")
    now = datetime(2026, 11, 10, 9, 0, tzinfo=kolkata)
    here = event("in", "Code review", datetime(2026, 11, 10, 16, 0, tzinfo=kolkata))
    israel = event("il", "Partner call", datetime(2026, 11, 10, 19, 30, tzinfo=kolkata))  # 16:00 in Israel
    got = resolve(parse("decline my 4pm IST", now), [here, israel], now)
    assert (got.status, got.event_ids) == ("matched", ("in",))


# ---------------------------------------------------------------- day words


def test_weeks_counted_from_a_day_land_on_that_weekday():
    assert days("two weeks from today") == [(date(2026, 11, 24), date(2026, 11, 24))]
    assert days("a week from monday") == [(date(2026, 11, 23), date(2026, 11, 23))]


def test_the_weekday_after_next_said_early_in_the_week_has_two_readings():
    found = timewords.Found()
    timewords.take_days("the thursday after next", TODAY, False, found)
    assert found.either and [d for d, _ in found.days] == [date(2026, 11, 19), date(2026, 11, 26)]


def test_the_weekday_after_next_said_late_in_the_week_has_one_reading():
    assert days("the monday after next") == [(date(2026, 11, 23), date(2026, 11, 23))]


def test_next_friday_said_on_a_tuesday_has_two_readings_to_ask_about():
    found = timewords.Found()
    timewords.take_days("next friday", TODAY, False, found)
    assert found.either and {d for d, _ in found.days} == {date(2026, 11, 13), date(2026, 11, 20)}


def test_next_wednesday_said_on_a_tuesday_may_be_tomorrow_too():
    found = timewords.Found()
    timewords.take_days("next wednesday", TODAY, False, found)
    assert found.either


def test_this_friday_has_one_reading():
    found = timewords.Found()
    timewords.take_days("this friday", TODAY, False, found)
    assert not found.either and found.days == [(date(2026, 11, 13), date(2026, 11, 13))]


def test_a_month_name_ahead_is_that_whole_month():
    assert days("my review in february") == [(date(2027, 2, 1), date(2027, 2, 28))]


def test_a_dotted_date_is_day_first():
    assert days("on 12.1.") == [(date(2027, 1, 12), date(2027, 1, 12))]


def test_the_locale_decides_which_way_a_slashed_date_is_read():
    assert day_first_for("America/New_York", "en-GB") is True
    assert day_first_for("Europe/Berlin", "en-US") is False
    assert day_first_for("Europe/Berlin") is True


def test_plural_weekdays_are_a_series_day():
    found = timewords.Found()
    timewords.take_days("the vendor syncs on tuesdays", TODAY, False, found)
    assert found.series_day


# ---------------------------------------------------------------- clock words


def test_run_on_and_spaced_times_are_clock_times():
    assert clock("the 1430 tomorrow") == (14, 30)
    assert clock("at 0930") == (9, 30)
    assert clock("the 9 15") == (9, 15)
    assert clock("the 16:30h") == (16, 30)


def test_a_year_after_for_is_no_time():
    assert clock("the budget for 2027") is None


# ---------------------------------------------------------------- anchors


def _day() -> list[Event]:
    return [
        event("now", "Roadmap session", at(10, 10), 60),
        event("eng", "Eng sync", at(10, 11, 30)),
        event("lunch", "Lunch", at(10, 12), 60, is_organizer=True, response="organizer"),
        event("int", "Integration check-in", at(10, 13)),
        event("prep", "All-hands prep", at(10, 14, 30)),
        event("ah", "All Hands", at(10, 15), 60),
    ]


def test_the_meeting_i_am_in_right_now_is_the_one_in_progress():
    got = resolve(parse("decline the meeting I'm in right now", NOW), _day(), NOW)
    assert (got.status, got.event_ids) == ("matched", ("now",))


def test_in_an_hour_is_the_meeting_starting_closest_to_then():
    got = resolve(parse("decline whatever is in an hour", NOW), _day(), NOW)
    assert (got.status, got.event_ids) == ("matched", ("eng",))


def test_the_one_after_lunch_follows_the_lunch_on_the_calendar():
    got = resolve(parse("decline the one after lunch", NOW), _day(), NOW)
    assert (got.status, got.event_ids) == ("matched", ("int",))


def test_the_call_before_the_all_hands_is_the_one_ending_before_it_starts():
    got = resolve(parse("decline the call before the all-hands", NOW), _day(), NOW)
    assert (got.status, got.event_ids) == ("matched", ("prep",))


def test_an_anchor_that_names_no_meeting_finds_nothing():
    got = resolve(parse("decline the call before the board meeting", NOW), _day(), NOW)
    assert got.status == "none"


def test_the_window_reaches_a_month_named_ahead():
    start, end = fetch_window(parse("decline my annual review in February", NOW), NOW)
    assert start.date() <= date(2027, 2, 10) < end.date()


# ---------------------------------------------------------------- proposals and decide


def test_a_proposal_is_the_new_time_for_the_named_meeting_as_long_as_it_was():
    events = [event("two", "Review", at(10, 14), 45), event("five", "Drinks", at(10, 17))]
    request = parse("decline the 2pm and suggest 5pm instead", NOW)
    got = resolve(request, events, NOW)
    assert got.event_ids == ("two",)
    assert got.proposed_time == (at(10, 17), at(10, 17, 45))
    decision = decide(request, got)
    assert decision.request is not None and decision.request.proposed_time == (at(10, 17), at(10, 17, 45))


def test_a_meeting_already_declined_is_not_declined_again():
    events = [event("done", "Customer call", at(11, 14), response="declined")]
    request = parse("decline the customer call tomorrow", NOW)
    decision = decide(request, resolve(request, events, NOW))
    assert (decision.status, decision.event_ids) == ("none", ())
    assert "already_declined" in decision.reasons


def test_the_user_s_own_meeting_is_not_declined():
    events = [event("own", "Team planning", at(13, 13), is_organizer=True, response="organizer")]
    request = parse("decline the team planning on Friday", NOW)
    decision = decide(request, resolve(request, events, NOW))
    assert decision.status == "none" and "organizer" in decision.reasons


def test_a_named_person_on_no_meeting_finds_nothing_rather_than_another_meeting():
    events = [event("a", "Weekly review", at(11, 14)), event("b", "Customer call", at(11, 14))]
    request = parse("decline the 2pm with Zoe tomorrow", NOW)
    assert decide(request, resolve(request, events, NOW)).status == "none"


def test_a_private_aside_is_never_the_note():
    request = parse("decline the eng sync (between us, Omar drives me nuts)", NOW)
    assert request.comment is None and request.intent == "decline"


# ---------------------------------------------------------------- the parsing stages one by one


def test_normalise_turns_idioms_into_the_plain_verbs():
    assert normalise.rewrite("give the standup a miss") == "decline the standup"
    assert normalise.rewrite("let them know I'll be there for the review").startswith("accept")


def test_normalise_drops_a_private_aside():
    assert normalise.drop_asides("decline the sync (between us, it drags on)") == "decline the sync"


def test_intent_reads_everyday_words():
    assert intents.classify("bail on the eng sync") == "decline"
    assert intents.classify("count me in for the demo") == "accept"
    assert intents.classify("pencil me in for the demo") == "tentative"
    assert intents.classify("not sure i can make the review") == "tentative"
    assert intents.classify("confirm my appointment") == "accept"


def test_note_takes_only_what_follows_a_note_cue():
    parts = notes.split("decline the sync. honestly they never have an agenda lol", TODAY, False)
    assert notes.take_note(parts, None, TODAY, False)[1] is None
    parts = notes.split("decline the sync, reason: double booked", TODAY, False)
    assert notes.take_note(parts, None, TODAY, False)[1] == "double booked"


def test_note_hears_do_not_notify():
    assert notes.take_notify("quietly decline the sync")[1] is False
    assert notes.take_notify("decline the sync")[1] is True


def test_scope_asks_for_the_series_only_in_words():
    assert scope.take_scope("decline the review from now on")[1].series
    said = scope.take_scope("decline the review, only this one")[1]
    assert not said.series and said.denied


def test_a_proposal_is_taken_out_of_the_request():
    left, proposal = proposals.take_proposal("decline the 2pm and suggest 5pm instead", TODAY, False)
    assert left == "decline the 2pm" and proposal is not None and proposal.time == (17, 0)


def test_a_proposal_without_a_time_is_no_proposal():
    assert proposals.take_proposal("decline it and suggest the team picks another slot", TODAY, False)[1] is None


def test_references_read_people_subject_and_an_anchor():
    found = references.take_refs(" , the call before the retro", None, [], TODAY, False, False)
    (ref,) = found.refs
    assert ref.anchor is not None and ref.anchor[0] == "before" and ref.anchor[1].subject == ("retro",)
    found = references.take_refs(" , the sync with the fabrikam people", None, [], TODAY, False, False)
    assert found.refs[0].subject == ("sync", "fabrikam")


def test_a_word_that_names_nothing_on_the_calendar_turns_a_time_match_into_a_question():
    events = [event("pr", "PR Meeting", at(10, 15))]
    request = parse("decline the 3pm recruiting thing", NOW)
    decision = decide(request, resolve(request, events, NOW))
    assert (decision.status, decision.event_ids) == ("ambiguous", ("pr",))


def test_of_two_meetings_named_the_cancelled_one_is_explained_not_declined():
    events = [event("ten", "Budget review", at(11, 10)), event("two", "Security review", at(11, 14), is_cancelled=True)]
    request = parse("decline the 10 and the 2 tomorrow", NOW)
    decision = decide(request, resolve(request, events, NOW))
    assert (decision.status, decision.event_ids) == ("matched", ("ten",))
    assert "cancelled" in decision.reasons
