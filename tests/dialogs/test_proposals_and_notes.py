"""Proposals from chat and the note on the confirm card: what the card offers, what Graph receives.

The clock is Tuesday 13 Jan 2026, 10:00 Pacific; "my 3pm" is a 30-minute "Budget review"
unless a test says otherwise. A 4pm meeting is on the calendar too, and is never touched.
"""

from __future__ import annotations

from datetime import UTC

import pytest

from dialogs import texts
from tests.cards.walk import buttons, card_text, inputs
from tests.fixtures.dialogs import NOW, serialized


def button(card: dict, verb: str) -> dict:
    [found] = [b for b in buttons(card) if b["verb"] == verb]
    return found


def filled(card: dict, **changes: str) -> dict:
    return {**{key: str(i.get("value", "")) for key, i in inputs(card).items()}, **changes}


def utc(hour: int, minute: int = 0) -> str:
    return NOW.replace(hour=hour, minute=minute).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


async def test_decline_and_propose_a_time_prefills_the_card_and_sends_it_for_the_meetings_length(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15, minutes=45)
    chat.meeting("Partner sync", 16)
    turn = await chat.say("decline my 3pm and propose 4pm instead")
    card = turn.card
    assert "Budget review" in card_text(card) and "Partner sync" not in card_text(card)
    assert (inputs(card)["propose"]["value"], inputs(card)["proposeStart"]["value"]) == ("true", "16:00")
    assert inputs(card)["proposeEnd"]["value"] == "16:45"
    assert "I'll propose Tue 13 Jan, 4:00 PM – 4:45 PM instead." in card_text(card)
    await chat.click(button(card, "decline"), filled(card))
    [decision] = chat.decisions()
    assert decision.action == "decline" and decision.send_response is True
    assert decision.proposed_new_time == {
        "start": {"dateTime": utc(16), "timeZone": "UTC"},
        "end": {"dateTime": utc(16, 45), "timeZone": "UTC"},
    }


async def test_tentative_with_a_proposed_time_sends_the_proposal_with_the_tentative_answer(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    card = (await chat.say("tentatively accept my 3pm and suggest 5pm instead")).card
    assert inputs(card)["propose"]["value"] == "true"
    await chat.click(button(card, "tentativelyAccept"), filled(card))
    [decision] = chat.decisions()
    assert decision.action == "tentativelyAccept"
    assert decision.proposed_new_time["start"] == {"dateTime": utc(17), "timeZone": "UTC"}


async def test_a_meeting_that_refuses_proposals_says_so_and_offers_a_plain_decline(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15, allowNewTimeProposals=False)
    turn = await chat.say("decline my 3pm and propose 4pm instead")
    assert turn.texts == [
        "The organizer of “Budget review” doesn't accept new time proposals, so I can't suggest another time. "
        "You can still decline it:"
    ]
    card = turn.card
    assert "propose" not in inputs(card)
    await chat.click(button(card, "decline"), filled(card))
    [decision] = chat.decisions()
    assert (decision.action, decision.proposed_new_time) == ("decline", None)


async def test_the_confirm_card_shows_the_note_it_will_send_and_a_cleared_note_sends_none(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    card = (await chat.say("decline my 3pm, say I'm stuck with a customer")).card
    assert inputs(card)["comment"]["value"] == "I'm stuck with a customer"
    await chat.click(button(card, "decline"), filled(card, comment=""))
    [post] = chat.graph_requests("POST")
    assert post.body == {"sendResponse": True}


async def test_an_edited_note_is_the_one_sent(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    card = (await chat.say("decline my 3pm, say I'm stuck with a customer")).card
    turn = await chat.click(button(card, "decline"), filled(card, comment="Sorry, customer escalation."))
    [decision] = chat.decisions()
    assert decision.comment == "Sorry, customer escalation."
    assert "Sorry, customer escalation." in card_text(serialized(turn.body)["value"])


async def test_declining_the_whole_series_names_the_series_and_its_span(chat):
    await chat.sign_in()
    master = chat.meeting(
        "Team standup",
        15,
        type="seriesMaster",
        recurrence={
            "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": ["tuesday"], "firstDayOfWeek": "sunday"},
            "range": {
                "type": "endDate",
                "startDate": "2026-01-06",
                "endDate": "2026-03-31",
                "recurrenceTimeZone": "Pacific Standard Time",
            },
        },
    )
    card = (await chat.say("decline my 3pm")).card
    assert inputs(card)["scope"]["value"] == "occurrence"
    turn = await chat.click(button(card, "decline"), filled(card, scope="series"))
    [decision] = chat.decisions()
    assert decision.event_id == master
    shown = card_text(serialized(turn.body)["value"])
    assert "The whole series: every “Team standup” from Tue 6 Jan to Tue 31 Mar" in shown


async def test_the_card_after_a_decline_with_a_proposal_says_which_time_was_proposed(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15, minutes=45)
    card = (await chat.say("decline my 3pm and propose 4pm instead")).card
    turn = await chat.click(button(card, "decline"), filled(card))
    outcome = card_text(serialized(turn.body)["value"])
    assert "Declined" in outcome
    assert "You proposed Tue 13 Jan, 4:00 PM – 4:45 PM instead." in outcome


async def test_the_card_after_a_plain_decline_mentions_no_proposal(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    card = (await chat.say("decline my 3pm")).card
    turn = await chat.click(button(card, "decline"), filled(card))
    assert "propose" not in card_text(serialized(turn.body)["value"])


def weekly_series(chat, subject: str, hour: int, days: list[str]) -> str:
    return chat.meeting(
        subject,
        hour,
        type="seriesMaster",
        recurrence={
            "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": days, "firstDayOfWeek": "sunday"},
            "range": {
                "type": "endDate",
                "startDate": "2026-01-06",
                "endDate": "2026-03-31",
                "recurrenceTimeZone": "Pacific Standard Time",
            },
        },
    )


async def test_declining_a_whole_series_offers_the_series_once_not_each_occurrence(chat):
    await chat.sign_in()
    master = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    turn = await chat.say("decline the whole standup series")
    card = turn.card
    assert "Decline every “Team standup”?" in card_text(card) and "Decline this meeting?" not in card_text(card)
    whole, just_one = [b for b in buttons(card) if b["verb"] == "decline"]
    assert (whole["title"], just_one["title"]) == ("Decline the whole series", "Decline just this one")
    await chat.click(whole, filled(card))
    [decision] = chat.decisions()
    assert decision.event_id == master


async def test_just_this_one_on_a_series_card_declines_only_the_meeting_shown(chat):
    await chat.sign_in()
    master = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    card = (await chat.say("decline the whole standup series")).card
    just_one = next(b for b in buttons(card) if b["title"] == "Decline just this one")
    await chat.click(just_one, filled(card))
    [decision] = chat.decisions()
    assert decision.event_id == just_one["data"]["eventId"] != master


@pytest.mark.parametrize(
    ("said", "heading", "graph_action"),
    [
        ("accept the whole standup series", "Accept every “Team standup”?", "accept"),
        (
            "tentatively accept the whole standup series",
            "Tentatively accept every “Team standup”?",
            "tentativelyAccept",
        ),
    ],
)
async def test_accept_and_tentative_of_a_whole_series_say_so_and_answer_the_series(chat, said, heading, graph_action):
    await chat.sign_in()
    master = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    card = (await chat.say(said)).card
    assert heading in card_text(card)
    whole = next(b for b in buttons(card) if b["verb"] == graph_action and b["data"].get("scope") == "series")
    await chat.click(whole, filled(card))
    [decision] = chat.decisions()
    assert (decision.event_id, decision.action) == (master, graph_action)


async def test_a_series_request_matching_two_series_asks_on_a_card_and_declines_nothing_yet(chat):
    await chat.sign_in()
    weekly_series(chat, "Team standup", 9, ["monday", "wednesday"])
    weekly_series(chat, "Weekend standup", 10, ["saturday"])
    turn = await chat.say("decline the whole standup series")
    assert turn.texts == []
    text = card_text(turn.card)
    assert "Decline these 2 series?" in text
    assert "Team standup" in text and "Weekend standup" in text
    assert chat.graph_writes() == []


async def test_picking_one_series_on_that_card_declines_that_series_only(chat):
    await chat.sign_in()
    team = weekly_series(chat, "Team standup", 9, ["monday", "wednesday"])
    weekly_series(chat, "Weekend standup", 10, ["saturday"])
    card = (await chat.say("decline the whole standup series")).card
    [first, _second] = [b for b in buttons(card) if b["verb"] == "decline"]
    assert first["title"] == "Decline series" and first["data"]["scope"] == "series"
    await chat.click(first, filled(card))
    assert [d.event_id for d in chat.decisions()] == [team]


async def test_right_away_does_not_skip_the_question_when_one_series_was_named_and_two_match(chat):
    await chat.sign_in()
    weekly_series(chat, "Team standup", 9, ["monday", "wednesday"])
    weekly_series(chat, "Weekend standup", 10, ["saturday"])
    turn = await chat.say("decline the whole standup series right away")
    assert "Decline these 2 series?" in card_text(turn.card)
    assert chat.graph_writes() == []


async def test_two_series_named_and_right_away_declines_each_series_once(chat):
    await chat.sign_in()
    standup = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    retro = weekly_series(chat, "Sprint retro", 16, ["wednesday", "friday"])
    turn = await chat.say("decline the standup and the retro from now on, right away")
    assert sorted(d.event_id for d in chat.decisions()) == sorted([standup, retro])
    text = card_text(turn.card)
    assert "Declined 2 series" in text and "the whole series" in text


async def test_all_on_a_series_bulk_card_declines_each_series_once_and_says_series(chat):
    await chat.sign_in()
    team = weekly_series(chat, "Team standup", 9, ["monday", "wednesday"])
    weekend = weekly_series(chat, "Weekend standup", 10, ["saturday"])
    card = (await chat.say("decline the whole standup series")).card
    every = button(card, "respondAll")
    assert (every["title"], every["data"]["scope"]) == ("Decline all 2 series", "series")
    turn = await chat.click(every, filled(card))
    assert sorted(d.event_id for d in chat.decisions()) == sorted([team, weekend])
    assert "Declined 2 series" in card_text(serialized(turn.body)["value"])


async def test_a_series_already_declined_is_left_out_and_the_card_says_why(chat, monkeypatch):
    # A mailbox that keeps declined meetings on the calendar (PreserveDeclinedMeetings).
    monkeypatch.setattr(chat.sandbox.graph, "preserve_declined", True)
    await chat.sign_in()
    standup = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    retro = chat.meeting(
        "Sprint retro",
        16,
        type="seriesMaster",
        responseStatus={"response": "declined"},
        recurrence={
            "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": ["wednesday"], "firstDayOfWeek": "sunday"},
            "range": {"type": "noEnd", "startDate": "2026-01-06", "recurrenceTimeZone": "Pacific Standard Time"},
        },
    )
    turn = await chat.say("decline the standup and the retro from now on right away")
    # Told "right away", but part of it cannot be done: the card says what and asks.
    assert chat.graph_writes() == []
    text = card_text(turn.card)
    assert "Decline every “Team standup”?" in text
    assert "You have already declined “Sprint retro”." in text
    whole = next(b for b in buttons(turn.card) if b["data"].get("scope") == "series")
    await chat.click(whole, filled(turn.card))
    assert [d.event_id for d in chat.decisions()] == [standup]
    assert retro not in [d.event_id for d in chat.decisions()]


async def test_your_own_meeting_named_beside_another_is_left_out_with_a_reason(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15, day=1)
    chat.own_meeting("Team planning", 16, day=1)
    turn = await chat.say("decline the budget review and the team planning tomorrow")
    text = card_text(turn.card)
    assert "Decline this meeting?" in text and "Budget review" in text
    assert "You organize “Team planning”, so there is no invitation to answer" in text
    assert chat.graph_writes() == []


async def test_all_my_recurring_standups_offers_each_series_and_a_row_declines_that_whole_series(chat):
    await chat.sign_in()
    team = weekly_series(chat, "Team standup", 9, ["monday", "wednesday"])
    weekly_series(chat, "Platform standup", 11, ["wednesday", "friday"])
    card = (await chat.say("decline all my recurring standups from now on")).card
    assert "Decline these 2 series?" in card_text(card)
    assert button(card, "respondAll")["data"]["scope"] == "series"
    rows = [b for b in buttons(card) if b["verb"] == "decline"]
    assert [b["title"] for b in rows] == ["Decline series", "Decline series"]
    await chat.click(rows[0], filled(card))
    [decision] = chat.decisions()
    assert decision.event_id == team


async def test_a_whole_series_slipped_into_a_card_that_offered_single_meetings_acts_on_nothing(chat):
    await chat.sign_in()
    weekly_series(chat, "Team standup", 9, ["monday", "wednesday"])
    weekly_series(chat, "Design review", 14, ["tuesday"])
    card = (await chat.say("decline all my meetings this week")).card
    every = button(card, "respondAll")
    assert every["data"].get("scope", "occurrence") == "occurrence"
    forged = {**every, "data": {**every["data"], "scope": "series"}}

    turn = await chat.click(forged, filled(card))

    assert chat.decisions() == []
    assert serialized(turn.body)["value"] == texts.BAD_CLICK
