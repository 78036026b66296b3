"""The opt-in phrases: recognised in their natural variants, and nothing about a meeting is taken for them."""

from __future__ import annotations

import pytest

from dialogs.invitation_commands import invitation_command


@pytest.mark.parametrize(
    "text",
    [
        "turn on invitation cards",
        "Turn on invitation cards.",
        "please switch on invitation cards",
        "enable invitation cards",
        "send me new invitations",
        "I want invitation cards here",
        "turn invitation cards on",
        "turn on invites please",
        "start invitation cards",
        "subscribe me to new meeting invitations",
    ],
)
def test_ways_of_asking_for_invitation_cards_turn_them_on(text):
    assert invitation_command(text) == "on"


@pytest.mark.parametrize(
    "text",
    [
        "turn off invitation cards",
        "Turn off invitation cards!",
        "stop sending invitation cards",
        "disable invitation notifications",
        "no more invites",
        "turn invitation cards off",
        "unsubscribe me from invitation cards",
    ],
)
def test_ways_of_asking_to_stop_turn_invitation_cards_off(text):
    assert invitation_command(text) == "off"


@pytest.mark.parametrize(
    "text",
    [
        "decline the invitation from Bo",
        "accept Dana's invite",
        "decline my 3pm",
        "what's on Friday",
        "turn on",
        "",
        "tentatively accept the invite for the planning meeting tomorrow at 10 please",
        "send me new invitations " + "x" * 100,
    ],
)
def test_requests_about_meetings_are_left_to_the_parser(text):
    assert invitation_command(text) is None
