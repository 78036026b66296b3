"""Round 4: what is not understood is named back and asked about, never answered as "Nothing called".

Stage checks (parse, resolve, decide) on a small calendar and dialog checks through the chat
fixture (its clock: Tuesday 13 Jan 2026, 10:00 Pacific).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dialogs import texts
from graph.models import Event
from understanding import parse, resolve
from understanding.decide import decide
from understanding.model import REACH_DAYS

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 9, 40, tzinfo=LONDON)  # a Wednesday


def _event(eid: str, subject: str, day: int, hour: int, minutes: int = 30) -> Event:
    start = datetime(2026, 12, day, hour, 0, tzinfo=LONDON)
    return Event.from_graph(
        {
            "id": eid,
            "subject": subject,
            "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "Europe/London"},
            "end": {
                "dateTime": start.replace(minute=minutes).strftime("%Y-%m-%dT%H:%M:%S"),
                "timeZone": "Europe/London",
            },
            "responseStatus": {"response": "none"},
            "organizer": {"emailAddress": {"name": "Kai Turner", "address": "kai@contoso.example"}},
            "attendees": [],
        },
        LONDON,
    )


CALENDAR = [
    _event("std03", "Daily standup", 3, 9),
    _event("std04", "Daily standup", 4, 9),
    _event("std07", "Daily standup", 7, 9),
    _event("off03", "Team offsite", 3, 10),
    _event("kt04", "Kundentermin Bosch", 4, 14),
]


def _decision(said: str):
    request = parse(said, NOW, day_first=True)
    return decide(request, resolve(request, CALENDAR, NOW))


@pytest.mark.parametrize(
    ("said", "words"), [("decline my 25pm", "25pm"), ("decline everything next year", "next year")]
)
def test_the_reason_names_the_words_that_were_not_understood(said, words):
    decision = _decision(said)
    assert decision.status == "none"
    assert decision.reasons == (f"not understood: {words}",)


def test_a_meeting_that_simply_is_not_there_still_says_no_meeting_fits():
    assert _decision("decline the board meeting").reasons == ("no meeting fits",)


@pytest.mark.parametrize(
    ("said", "word"),
    [
        ("decline the standup jutro", "jutro"),
        ("decline the reunión tomorrow", "reunión"),
        ("decline my 9am imorgon", "imorgon"),
        ("decline the Besprechung on Friday", "besprechung"),
    ],
)
def test_a_foreign_word_in_no_title_is_not_understood_and_nothing_is_picked(said, word):
    decision = _decision(said)
    assert (decision.status, decision.event_ids) == ("none", ())
    assert decision.reasons == (f"not understood: {word}",)


def test_a_foreign_word_that_is_in_a_title_names_that_meeting():
    decision = _decision("decline the Kundentermin")
    assert (decision.status, decision.event_ids) == ("matched", ("kt04",))


def test_the_day_after_a_meeting_is_the_next_day_not_later_that_day():
    decision = _decision("decline the standup the day after the offsite")
    assert (decision.status, decision.event_ids) == ("matched", ("std04",))


def test_the_day_before_a_meeting_with_nothing_else_named_is_everything_that_day():
    decision = _decision("decline the day before the Kundentermin")
    assert (decision.status, decision.event_ids) == ("matched", ("std03", "off03"))


@pytest.mark.parametrize(
    ("said", "why", "words"),
    [
        ("what's on next year", "far", "next year"),
        ("what do I have over the holidays", "vague", "over the holidays"),
        ("what's on in Q1", "far", "in q1"),
    ],
)
async def test_an_agenda_question_about_days_not_understood_is_asked_back_not_shown(chat, said, why, words):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say(said)
    assert turn.texts == [texts.UNCLEAR[why].format(words=words, days=REACH_DAYS)]
    assert turn.cards == []


async def test_a_foreign_word_in_no_title_is_named_back_instead_of_nothing_called(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say("decline the budget review jutro")
    assert turn.texts == [texts.UNKNOWN_WORD.format(words="jutro")]
    assert "Nothing called" not in turn.texts[0]
    assert chat.graph_writes() == []
