"""Time and day words Regrets cannot read get a sentence that names them and asks, never a guess.

"decline my 25pm" used to answer "Nothing called “25pm” today" (the time taken for a title
word); "decline all my meetings next year" answered about a meeting called "year". The clock
is the dialog fixture's: Tuesday 13 Jan 2026, 10:00 Pacific.
"""

from __future__ import annotations

import pytest

from dialogs import texts
from tests.cards.walk import card_text
from understanding.model import REACH_DAYS


@pytest.mark.parametrize(
    ("said", "why", "words"),
    [
        ("decline my 25pm", "time", "25pm"),
        ("decline my 13pm tomorrow", "time", "13pm"),
        ("decline the budget review at 9:75", "time", "9:75"),
        ("decline the meeting on the 31st of February", "date", "31st of february"),
        ("decline my 3pm on Feb 30", "date", "feb 30"),
        ("decline all my meetings next year", "far", "next year"),
        ("decline everything over the holidays", "vague", "over the holidays"),
    ],
)
async def test_words_that_name_no_readable_time_or_day_are_named_back_and_nothing_is_picked(chat, said, why, words):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    chat.meeting("Budget review", 15, day=1)
    turn = await chat.say(said)
    assert turn.texts == [texts.UNCLEAR[why].format(words=words, days=REACH_DAYS)]
    assert "Nothing called" not in turn.texts[0]
    assert turn.cards == []
    assert chat.graph_writes() == []


async def test_a_span_longer_than_regrets_reads_says_how_far_it_can_look(chat):
    await chat.sign_in()
    turn = await chat.say("decline everything next quarter")
    assert turn.texts == [texts.UNCLEAR["far"].format(words="next quarter", days=REACH_DAYS)]
    assert f"{REACH_DAYS} days ahead" in turn.texts[0]


async def test_a_single_meeting_named_in_a_long_span_is_still_found(chat):
    await chat.sign_in()
    chat.meeting("Offsite", 10, day=20)
    turn = await chat.say("decline the offsite next month")
    assert "Offsite" in card_text(turn.card)
    assert chat.graph_writes() == []


@pytest.mark.parametrize(
    ("said", "shown"),
    [("accept the 1:1 with Sam", "“1:1”"), ("decline the check-in", "“check-in”"), ("skip the catch up", "“catch-up”")],
)
async def test_a_meeting_that_is_not_there_is_named_as_the_user_writes_it(chat, said, shown):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say(said)
    text = " ".join(turn.texts + [card_text(c) for c in turn.cards])
    assert f"Nothing called {shown}" in text
    assert "oneonone" not in text and "checkin" not in text and "catchup" not in text
