"""The corrections stage alone: what the user took back in the same message is not named on."""

from __future__ import annotations

import pytest

from understanding.corrections import take_back


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("not the 1pm, the 3:30 on tuesday - decline that one", "the 3:30 on tuesday - decline that one"),
        ("decline the budget review, actually no, the design crit", "decline the design crit"),
        ("decline the 1:1 with Sam on thursday - no wait, the one on monday", "decline the 1:1 with Sam on monday"),
        ("decline my 10 tomorrow, not the standup", "decline my 10 tomorrow except the standup"),
        ("decline the standup tomorrow, no wait, accept it", "accept the standup tomorrow"),
    ],
)
def test_the_meeting_or_answer_taken_back_is_replaced_by_the_one_settled_on(said, meant):
    assert take_back(said) == meant


@pytest.mark.parametrize(
    "said",
    [
        "decline the review, not the series",
        "decline the standup, actually the whole series",
        "decline the standup, sorry my kid is sick",
        "decline everything tomorrow",
    ],
)
def test_scope_words_notes_and_plain_requests_are_left_alone(said):
    assert take_back(said) == said
