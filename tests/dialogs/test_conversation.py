"""The request dialog from the user's side: what Regrets answers to each kind of request.

The user is signed in already (their token cache exists), so every answer comes in the
same turn; sign-in itself is covered in test_sign_in.py. The clock is fixed at
Tuesday 13 Jan 2026, 10:00 in the user's zone (Pacific).
"""

from __future__ import annotations

import pytest

from dialogs import texts
from sandbox.graph_state import Fault
from tests.cards.walk import buttons, card_text, inputs


def titles(card: dict) -> list[str]:
    return [b["title"] for b in buttons(card)]


# ---- no calendar needed -------------------------------------------------------------------


async def test_help_at_the_start_shows_the_help_card_with_examples_that_send_themselves(chat):
    turn = await chat.say("help")
    card = turn.card
    assert "decline my 3pm" in card_text(card)
    assert {"verb": "say", "text": "decline my 3pm"} in [b["data"] for b in buttons(card)]
    assert chat.graph_requests() == []


async def test_never_mind_at_the_start_says_there_was_nothing_to_stop(chat):
    turn = await chat.say("never mind")
    assert turn.texts == ["Okay. There was nothing to stop."]
    assert turn.cards == []


async def test_sign_out_at_the_start_forgets_the_sign_in_so_the_next_request_asks_teams_again(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say("sign out")
    assert turn.texts == [texts.SIGNED_OUT]
    again = await chat.say("decline my 3pm")
    assert len(again.oauth_cards) == 1
    assert again.cards == []


async def test_a_greeting_gets_the_welcome(chat):
    turn = await chat.say("hello there")
    assert turn.texts == [texts.WELCOME]


async def test_something_regrets_does_not_understand_gets_a_sentence_saying_what_it_can_do(chat):
    turn = await chat.say("what is the meaning of all this")
    assert turn.texts == [texts.NOT_UNDERSTOOD]
    assert chat.graph_requests() == []


# ---- one clear match ----------------------------------------------------------------------------


async def test_one_clear_match_gets_a_confirm_card_with_the_note_and_notify_off_when_asked(chat):
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    chat.meeting("Lunch and learn", 12)
    turn = await chat.say("decline my 3pm, say I'm sick, don't notify")
    card = turn.card
    assert "Decline this meeting?" in card_text(card)
    assert "Budget review" in card_text(card)
    fields = inputs(card)
    assert fields["comment"]["value"] == "I'm sick"
    assert fields["notify"]["value"] == "false"
    decline = next(b for b in buttons(card) if b["verb"] == "decline")
    assert decline["data"]["eventId"] == event_id
    assert chat.graph_writes() == []  # only asked, nothing changed yet


async def test_a_confirm_card_notifies_the_organizer_by_default(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    card = (await chat.say("decline my 3pm")).card
    assert inputs(card)["notify"]["value"] == "true"
    assert not inputs(card)["comment"].get("value")


async def test_a_meeting_the_user_organizes_gets_the_cancel_meeting_card_instead(chat):
    await chat.sign_in()
    event_id = chat.own_meeting("Team planning", 16)
    turn = await chat.say("decline my 4pm")
    card = turn.card
    assert titles(card) == ["Cancel meeting", "Keep it"]
    cancel = buttons(card)[0]
    assert cancel["verb"] == "cancelMeeting" and cancel["data"]["eventId"] == event_id
    assert chat.graph_writes() == []


async def test_cancel_my_meeting_prefills_the_message_to_attendees(chat):
    await chat.sign_in()
    chat.own_meeting("Team planning", 16)
    card = (await chat.say("cancel my 4pm, say sorry folks")).card
    assert "Cancel meeting" in titles(card)
    assert inputs(card)["comment"]["value"] == "sorry folks"


# ---- nothing to do ------------------------------------------------------------------------------


async def test_an_already_declined_meeting_gets_a_sentence_and_no_graph_post(chat, monkeypatch):
    # A mailbox that keeps declined meetings on the calendar (PreserveDeclinedMeetings).
    monkeypatch.setattr(chat.sandbox.graph, "preserve_declined", True)
    await chat.sign_in()
    chat.meeting("Budget review", 15, responseStatus={"response": "declined"})
    turn = await chat.say("decline my 3pm")
    assert turn.texts == ["You have already declined “Budget review”."]
    assert turn.cards == []
    assert chat.graph_writes() == []


async def test_an_already_accepted_meeting_is_not_accepted_again(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15, responseStatus={"response": "accepted"})
    turn = await chat.say("accept my 3pm")
    assert turn.texts == ["You have already accepted “Budget review”."]
    assert chat.graph_writes() == []


async def test_a_meeting_the_organizer_cancelled_gets_a_sentence_and_no_graph_post(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15, isCancelled=True)
    turn = await chat.say("decline my 3pm")
    assert turn.texts == ["“Budget review” has been cancelled by the organizer, so there is nothing to respond to."]
    assert turn.cards == []
    assert chat.graph_writes() == []


async def test_a_meeting_that_is_already_over_gets_a_sentence_and_no_graph_post(chat):
    await chat.sign_in()
    chat.meeting("Early sync", 9)
    turn = await chat.say("decline my 9am today")
    assert turn.texts == ["“Early sync” is already over, so I left it alone."]
    assert turn.cards == []
    assert chat.graph_writes() == []


# ---- no match, several matches, a bare verb, an agenda -------------------------------------------


async def test_no_match_says_so_on_the_days_agenda_card_in_one_message(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    chat.meeting("Design crit", 11)
    chat.meeting("Tomorrow's thing", 15, day=1, minutes=60)
    turn = await chat.say("decline my 4:30pm")
    assert turn.texts == []  # no sentence repeating what the card says
    [card] = turn.cards
    shown = card_text(card)
    assert shown.startswith("Nothing at 4:30 PM today.")
    assert card["fallbackText"] == "Regrets: Nothing at 4:30 PM today."
    assert "Your meetings today" in shown
    assert "Budget review" in shown and "Design crit" in shown
    assert "Tomorrow's thing" not in shown
    assert titles(card) == ["Decline", "Decline"]
    assert chat.graph_writes() == []


async def test_no_match_for_accept_offers_accept_buttons_on_the_days_meetings_not_decline(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    chat.meeting("Design crit", 11, responseStatus={"response": "accepted"})
    turn = await chat.say("accept my 4:30pm")
    assert turn.texts == []
    [card] = turn.cards
    assert card_text(card).startswith("Nothing at 4:30 PM today.")
    # The crit is accepted already: only the review can still be accepted.
    [accept] = buttons(card)
    assert (accept["title"], accept["verb"]) == ("Accept", "accept")
    clicked = await chat.click(accept, {})
    assert clicked.status == 200
    [decision] = chat.decisions()
    assert decision.action == "accept"


async def test_no_match_on_a_day_with_nothing_left_to_answer_is_one_sentence_naming_the_closest(chat):
    await chat.sign_in()
    chat.meeting("Early sync", 8)  # over at 10:00
    chat.own_meeting("Team planning", 16)  # the user's own: nothing to decline
    turn = await chat.say("decline my 4:30pm")
    assert turn.cards == []
    assert turn.texts == ["Nothing at 4:30 PM today. Closest: 8:00 AM Early sync, 4:00 PM Team planning."]


async def test_no_match_on_an_empty_day_says_there_are_no_meetings(chat):
    await chat.sign_in()
    turn = await chat.say("decline my 4:30pm")
    assert turn.texts == ["Nothing at 4:30 PM today: you have no meetings today."]
    assert turn.cards == []


async def test_several_matches_get_a_choice_card_with_one_button_per_meeting(chat):
    await chat.sign_in()
    first = chat.meeting("Budget review", 15)
    second = chat.meeting("Hiring sync", 15)
    turn = await chat.say("decline my 3pm")
    card = turn.card
    assert "Which meeting should I decline?" in card_text(card)
    rows = [b for b in buttons(card) if b["verb"] == "decline"]
    assert sorted(b["data"]["eventId"] for b in rows) == sorted([first, second])
    assert chat.graph_writes() == []


async def test_decline_alone_offers_the_rest_of_todays_meetings_as_an_agenda_card(chat):
    await chat.sign_in()
    past = chat.meeting("Early sync", 9)  # already over at 10:00
    later = chat.meeting("Budget review", 15)
    sooner = chat.meeting("Design crit", 11)
    chat.meeting("Tomorrow's thing", 15, day=1)
    turn = await chat.say("decline")
    assert turn.texts == []  # the card asks: one message
    [card] = turn.cards
    shown = card_text(card)
    assert shown.startswith("Which one? The rest of today")
    assert "Design crit" in shown and "Budget review" in shown
    assert "Early sync" not in shown and "Tomorrow's thing" not in shown
    offered = [b["data"]["eventId"] for b in buttons(card) if b["verb"] == "decline"]
    assert offered == [sooner, later]
    assert past not in offered
    assert chat.graph_writes() == []


async def test_decline_alone_with_nothing_left_today_says_so(chat):
    await chat.sign_in()
    chat.meeting("Early sync", 9)
    turn = await chat.say("decline")
    assert turn.cards == []
    assert len(turn.texts) == 1 and turn.texts[0].startswith("You have no more meetings today.")


async def test_accept_alone_never_offers_decline_buttons(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say("accept")
    assert turn.texts == []
    assert "Which meeting should I accept?" in card_text(turn.card)
    verbs = {b["verb"] for b in buttons(turn.card)} - {"dismiss"}
    assert verbs == {"accept"}


async def test_whats_on_friday_shows_fridays_agenda(chat):
    await chat.sign_in()
    chat.meeting("Friday retro", 14, day=3)
    chat.meeting("Friday lunch", 12, day=3)
    chat.meeting("Budget review", 15)  # today, not Friday
    turn = await chat.say("what's on Friday")
    shown = card_text(turn.card)
    assert "Your meetings Friday 16 Jan" in shown
    assert "Friday retro" in shown and "Friday lunch" in shown
    assert "Budget review" not in shown
    assert shown.index("Friday lunch") < shown.index("Friday retro")
    assert chat.graph_writes() == []


async def test_whats_on_a_free_day_says_there_is_nothing(chat):
    await chat.sign_in()
    turn = await chat.say("what's on Friday")
    assert turn.texts == [texts.NO_MEETINGS.format(when="Friday 16 Jan")]


# ---- acting right away -----------------------------------------------------------------------------


async def test_decline_now_declines_at_once_and_the_outcome_card_is_the_one_confirmation(chat):
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm now")
    assert "Declined" in card_text(turn.card) and buttons(turn.card) == []
    assert "Organizer notified" in card_text(turn.card)
    assert turn.texts == []
    [decision] = chat.decisions()
    assert (decision.event_id, decision.action, decision.send_response) == (event_id, "decline", True)
    assert len(chat.graph_requests("POST", "/decline")) == 1


async def test_with_confirm_before_acting_off_a_clear_match_is_declined_at_once(make_chat):
    chat = make_chat(confirm_before_acting=False)
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm, say I'm sick")
    assert "Declined" in card_text(turn.card)
    assert turn.texts == []
    [decision] = chat.decisions()
    assert (decision.event_id, decision.action, decision.comment) == (event_id, "decline", "I'm sick")


async def test_with_confirm_before_acting_off_several_matches_still_ask_which(make_chat):
    chat = make_chat(confirm_before_acting=False)
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    chat.meeting("Hiring sync", 15)
    turn = await chat.say("decline my 3pm")
    assert "Which meeting should I decline?" in card_text(turn.card)
    assert chat.graph_writes() == []


# ---- accept and tentative go the same way ------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "question", "graph_action", "response"),
    [
        ("accept my 3pm", "Accept this meeting?", "accept", "accepted"),
        ("tentatively accept my 3pm", "Tentatively accept this meeting?", "tentativelyAccept", "tentativelyAccepted"),
    ],
)
async def test_accept_and_tentative_go_through_the_same_confirm_and_click(chat, said, question, graph_action, response):
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    card = (await chat.say(said)).card
    assert question in card_text(card)
    [primary] = [b for b in buttons(card) if b["verb"] == graph_action]
    clicked = await chat.click(primary, {"comment": "", "notify": "true"})
    assert clicked.status == 200
    [decision] = chat.decisions()
    assert (decision.event_id, decision.action) == (event_id, graph_action)
    assert chat.sandbox.graph.event(chat.user.oid, event_id)["responseStatus"]["response"] == response


# ---- Graph failing while Regrets reads or acts -------------------------------------------------------


async def test_graph_down_while_reading_the_calendar_says_so_and_changes_nothing(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    chat.inject(Fault(status=503, method="GET", path_contains="calendarView", times=20))
    turn = await chat.say("decline my 3pm")
    assert turn.texts == [texts.GRAPH_DOWN]
    assert turn.cards == []
    assert chat.graph_writes() == []


async def test_decline_now_when_graph_is_down_shows_the_failure_and_declines_nothing(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    chat.inject(Fault(status=503, method="POST", path_contains="/decline", times=20))
    turn = await chat.say("decline my 3pm now")
    assert turn.texts == []
    assert "Couldn't decline" in card_text(turn.card) and texts.GRAPH_DOWN in card_text(turn.card)
    assert chat.decisions() == []


async def test_a_request_for_every_meeting_asks_about_all_of_them_not_which_one(chat):
    await chat.sign_in()
    chat.meeting("Design crit", 13, day=1)
    chat.meeting("Budget review", 15, day=1)
    card = (await chat.say("decline everything tomorrow afternoon")).card
    text = card_text(card)
    assert "Decline these 2 meetings?" in text
    assert "Which meeting" not in text
    assert "Decline all 2" in titles(card)
    assert chat.graph_writes() == []


async def test_asking_to_cancel_your_own_meeting_asks_to_cancel_it_without_talking_about_declining(chat):
    await chat.sign_in()
    chat.own_meeting("Team planning", 16)
    text = card_text((await chat.say("cancel the team planning")).card)
    assert "Cancel this meeting?" in text and "Team planning" in text
    assert "decline" not in text.lower()
    assert chat.graph_writes() == []


async def test_asking_to_decline_your_own_meeting_explains_that_it_can_only_be_cancelled(chat):
    await chat.sign_in()
    chat.own_meeting("Team planning", 16)
    text = card_text((await chat.say("decline my 4pm")).card)
    assert "You can't decline a meeting you organize" in text


async def test_an_agenda_for_next_week_is_titled_with_its_days_and_each_row_names_its_day(chat):
    await chat.sign_in()
    chat.meeting("Sprint planning", 9, day=6)
    chat.meeting("Hiring sync", 11, day=8)
    text = card_text((await chat.say("what's on next week")).card)
    assert "Your meetings Mon 19 Jan – Sun 25 Jan" in text
    assert "Mon 19 Jan, 9:00 AM – 9:30 AM" in text
    assert "Wed 21 Jan, 11:00 AM – 11:30 AM" in text


async def test_an_agenda_for_one_day_keeps_its_rows_to_times(chat):
    await chat.sign_in()
    chat.meeting("Sprint planning", 9, day=1)
    chat.meeting("Hiring sync", 11, day=1)
    text = card_text((await chat.say("what's on tomorrow")).card)
    assert "Your meetings tomorrow" in text
    assert "9:00 AM – 9:30 AM" in text and "Wed 14 Jan, 9:00 AM" not in text
