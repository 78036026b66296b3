"""Issue 13 round 3, stage by stage: unreadable and far time words, everyday spans, company words, foreign days."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from understanding import fetch_window, parse, timewords
from understanding.model import REACH_DAYS, Unclear

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 9, 40, tzinfo=LONDON)  # a Wednesday
TODAY = NOW.date()


def only_ref(text: str):
    request = parse(text, NOW)
    assert len(request.refs) == 1, request
    return request.refs[0]


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("decline my 25pm", Unclear("25pm", "time")),
        ("decline my 0pm call", Unclear("0pm", "time")),
        ("decline the standup at 9:75", Unclear("9:75", "time")),
        ("decline my meeting at 25 o'clock", Unclear("25 o'clock", "time")),
        ("decline my 24 uhr meeting", Unclear("24 uhr", "time")),
        ("decline the review on 31 February", Unclear("31 february", "date")),
        ("decline the review on 2026-02-30", Unclear("2026-02-30", "date")),
        ("decline everything next year", Unclear("next year", "far")),
        ("decline all meetings over the next six months", Unclear("over the next six months", "far")),
        ("decline everything over the festive season", Unclear("over the festive season", "vague")),
        ("decline everything this sprint", Unclear("this sprint", "vague")),
    ],
)
def test_time_words_that_cannot_be_read_are_kept_to_ask_about_and_are_no_title_word(text, unclear):
    request = parse(text, NOW)
    assert request.unclear == (unclear,)
    assert all(w not in ref.subject for ref in request.refs for w in unclear.words.split())


def test_a_long_span_for_one_named_meeting_is_no_question():
    request = parse("decline the offsite next year", NOW)
    assert request.unclear == ()
    assert request.refs[0].days == ((date(2027, 1, 1), date(2027, 12, 31)),)
    start, end = fetch_window(request, NOW)
    assert (end.date() - start.date()).days == REACH_DAYS + 1


def test_a_span_the_reach_covers_is_read_whole():
    assert only_ref("decline everything this quarter").days == ((TODAY, date(2026, 12, 31)),)
    assert only_ref("decline everything next month").days == ((date(2027, 1, 1), date(2027, 1, 31)),)
    assert only_ref("decline everything this fortnight").days == ((TODAY, date(2026, 12, 15)),)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("decline everything after EOD", (17 * 60, 24 * 60)),
        ("decline everything before close of business", (0, 17 * 60)),
        ("decline my end-of-day call", (16 * 60, 18 * 60)),
        ("decline my lunchtime meeting", (11 * 60 + 30, 14 * 60)),
        ("decline my late morning call", (10 * 60, 12 * 60)),
        ("decline my early arvo meeting", (12 * 60, 15 * 60)),
        ("decline everything after hours", (17 * 60, 24 * 60)),
        ("decline everything friday pm", (12 * 60, 17 * 60)),
    ],
)
def test_everyday_parts_of_the_day_are_ranges_of_the_clock(text, part):
    ref = only_ref(text)
    assert ref.part == part
    assert not {"eod", "close", "business", "end", "lunchtime", "late", "early", "hours", "pm"} & set(ref.subject)


def test_first_thing_is_the_first_meeting_of_the_morning():
    ref = only_ref("decline first thing tomorrow")
    assert (ref.relative, ref.part, ref.days) == ("first", (0, 12 * 60), ((date(2026, 12, 3), date(2026, 12, 3)),))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("decline everything monday to wednesday", (date(2026, 12, 7), date(2026, 12, 9))),
        ("decline everything until friday", (TODAY, date(2026, 12, 4))),
        ("decline everything early next week", (date(2026, 12, 7), date(2026, 12, 8))),
        ("decline everything late next week", (date(2026, 12, 10), date(2026, 12, 11))),
        ("decline everything the week of the 14th", (date(2026, 12, 14), date(2026, 12, 20))),
        ("decline everything on boxing day", (date(2026, 12, 26), date(2026, 12, 26))),
        ("decline everything in the next few days", (TODAY, date(2026, 12, 5))),
        ("decline my meetings next working day", (date(2026, 12, 3), date(2026, 12, 3))),
    ],
)
def test_everyday_day_spans_are_ranges_of_days(text, days):
    ref = only_ref(text)
    assert ref.days == (days,)
    assert ref.span and ref.subject == ()


@pytest.mark.parametrize(
    ("text", "company", "word"),
    [
        ("decline my meetings with customers", "external", ""),
        ("decline all calls with the client", "external", ""),
        ("decline everything with outside folks", "external", ""),
        ("decline the customer-facing meetings", "external", ""),
        ("decline the vendor calls", "external", "vendor"),
        ("decline my team-only meetings", "internal", ""),
        ("decline the meetings that are just us", "internal", ""),
    ],
)
def test_company_words_are_a_filter_with_the_title_word_they_may_be_instead(text, company, word):
    ref = only_ref(text)
    assert (ref.company, ref.company_word) == (company, word)


def test_a_title_that_holds_a_company_word_stays_a_title():
    ref = only_ref("decline the customer advisory board")
    assert ref.company is None
    assert ref.subject == ("customer", "advisory", "board")


def test_a_kind_of_meeting_in_the_plural_without_a_day_is_every_upcoming_one():
    assert only_ref("decline my standups").span
    assert only_ref("decline the 1:1s with Sam").span
    assert not only_ref("decline the standup").span
    assert not only_ref("decline the 9:30 standups").span


_SAID_ABROAD = {
    "today": "heute aujourd'hui hoy oggi vandaag hoje",
    "tomorrow": "morgen demain mañana manana domani amanhã",
    "yesterday": "gestern ayer ieri gisteren ontem",
    "the day after tomorrow": "übermorgen après-demain apres-demain dopodomani overmorgen",
    "this morning": "heute morgen ce matin",
    "tomorrow morning": "morgen früh demain matin",
    "next week": "nächste woche la semaine prochaine la semana que viene volgende week",
    "this week": "diese woche cette semaine esta semana questa settimana deze week",
    "monday": "montag lundi lunes lunedì lunedi maandag segunda-feira",
    "tuesday": "dienstag mardi martes martedì dinsdag terça-feira",
    "wednesday": "mittwoch mercredi miércoles miercoles mercoledì woensdag quarta-feira",
    "thursday": "donnerstag jeudi jueves giovedì donderdag quinta-feira",
    "friday": "freitag vendredi viernes venerdì vrijdag sexta-feira",
    "saturday": "samstag samedi sábado sabado zaterdag",
    "sunday": "sonntag dimanche domingo domenica zondag",
}
_PHRASES = {"heute morgen", "ce matin", "morgen früh", "demain matin", "nächste woche", "la semaine prochaine"}
_PHRASES |= {"la semana que viene", "volgende week", "diese woche", "cette semaine", "esta semana"}
_PHRASES |= {"questa settimana", "deze week"}


def _said_abroad() -> list[tuple[str, str]]:
    out = []
    for english, said in _SAID_ABROAD.items():
        rest = said
        for phrase in sorted(_PHRASES, key=len, reverse=True):
            if phrase in rest:
                out.append((phrase, english))
                rest = rest.replace(phrase, " ")
        out.extend((word, english) for word in rest.split())
    return out


@pytest.mark.parametrize(("said", "english"), sorted(_said_abroad()))
def test_day_words_from_other_languages_are_read_in_english(said, english):
    assert timewords.fix_typos(f"decline the sync {said}") == f"decline the sync {english}"
    assert timewords.fix_typos(f"decline the sync {said}, thanks") == f"decline the sync {english}, thanks"


def test_a_name_that_is_a_foreign_day_word_stays_a_name():
    assert parse("decline the sync with Domingo", NOW).refs[0].people == ("domingo",)
