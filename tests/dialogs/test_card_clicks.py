"""Card buttons (bot/actions.py): what a click does in Graph and what the user sees.

A click is an `adaptiveCard/action` invoke as Teams sends it (Action.Execute: the
button's data merged with the card's inputs); the invoke response's card replaces the
clicked one. Older clients send the Action.Submit fallback instead: a message whose
`value` is the data, replying to the card, and Regrets updates the card in place.
"""

from __future__ import annotations

from dialogs import texts
from sandbox.graph_state import Fault
from tests.fixtures.dialogs import serialized
from tests.fixtures.stack import ADAPTIVE, buttons, card_text

SENTENCE = "Declined “Budget review”, Tue 13 Jan, 3:00 PM – 3:30 PM. The organizer was {}."


def button(card: dict, verb: str) -> dict:
    [found] = [b for b in buttons(card) if b["verb"] == verb]
    return found


def replacement(turn) -> dict:
    """The card an Action.Execute click put in place of the clicked one."""
    assert turn.status == 200
    body = serialized(turn.body)
    assert body["type"] == ADAPTIVE, body
    return body["value"]


async def confirm_card(chat, text: str = "decline my 3pm") -> dict:
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    return (await chat.say(text)).card


async def test_decline_with_a_note_and_notify_off_sends_exactly_that_one_decline(chat):
    card = await confirm_card(chat)
    turn = await chat.click(button(card, "decline"), {"comment": "Sorry, I have a clash.", "notify": "false"})
    posts = chat.graph_requests("POST")
    assert len(posts) == 1
    assert posts[0].path.endswith("/decline")
    assert posts[0].body == {"comment": "Sorry, I have a clash.", "sendResponse": False}
    new_card = replacement(turn)
    assert "Declined" in card_text(new_card) and "Sorry, I have a clash." in card_text(new_card)
    assert "Organizer not notified" in card_text(new_card)
    assert buttons(new_card) == []
    assert turn.texts == [SENTENCE.format("not notified")]


async def test_a_double_click_declines_once_and_the_second_click_says_it_was_already_done(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    await chat.click(decline, {"comment": "", "notify": "true"})
    second = await chat.click(decline, {"comment": "", "notify": "true"})
    assert second.texts == ["Already done: " + SENTENCE.format("notified")]
    assert second.status == 200
    assert len(chat.decisions()) == 1
    assert len(chat.graph_requests("POST", "/decline")) == 1


async def test_two_clicks_arriving_together_decline_once(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    inputs = {"comment": "", "notify": "true"}
    turn = await chat.send(chat.click_activity(decline, inputs), chat.click_activity(decline, inputs))
    assert len(chat.decisions()) == 1
    assert [r.status for r in turn.invoke_responses] == [200, 200]
    assert SENTENCE.format("notified") in turn.texts
    assert len(turn.texts) == 2  # the loser says honestly what happened


async def test_a_click_handled_by_another_instance_declines_once_without_signing_in_again(chat, make_chat):
    card = await confirm_card(chat)
    other = make_chat(chat.user, storage=chat.storage, conversation_id=chat.conversation_id)
    turn = await other.click(button(card, "decline"), {"comment": "", "notify": "true"})
    assert turn.texts == [SENTENCE.format("notified")]
    assert len(chat.decisions()) == 1
    assert chat.obo_exchanges() == 1  # the token cache came from the shared storage
    again = await chat.click(button(card, "decline"), {"comment": "", "notify": "true"})
    assert again.texts == ["Already done: " + SENTENCE.format("notified")]
    assert len(chat.decisions()) == 1


async def test_a_click_on_a_card_regrets_no_longer_knows_is_called_out_of_date(chat):
    card = await confirm_card(chat)
    stale = {**button(card, "decline"), "data": {**button(card, "decline")["data"], "requestId": "gone-long-ago"}}
    turn = await chat.click(stale, {"comment": "", "notify": "true"})
    assert turn.texts == [texts.STALE_CARD]
    assert chat.graph_requests("POST") == []


async def test_a_click_naming_a_meeting_the_card_did_not_offer_is_out_of_date(chat):
    card = await confirm_card(chat)
    other = chat.meeting("Not on this card", 17)
    forged = {**button(card, "decline"), "data": {**button(card, "decline")["data"], "eventId": other}}
    turn = await chat.click(forged, {"comment": "", "notify": "true"})
    assert turn.texts == [texts.STALE_CARD]
    assert chat.graph_requests("POST") == []


async def test_someone_else_clicking_the_card_is_refused_and_graph_is_not_called(chat, someone_else):
    card = await confirm_card(chat)
    await chat.sign_in(someone_else)
    turn = await chat.click(button(card, "decline"), {"comment": "", "notify": "true"}, as_user=someone_else)
    assert turn.texts == [texts.NOT_YOURS]
    assert chat.graph_requests("POST") == []
    assert chat.decisions() == [] and chat.decisions(someone_else) == []
    # The card still works for its owner.
    await chat.click(button(card, "decline"), {"comment": "", "notify": "true"})
    assert len(chat.decisions()) == 1


async def test_dismiss_leaves_the_meeting_as_it_is(chat):
    card = await confirm_card(chat)
    turn = await chat.click(button(card, "dismiss"))
    assert card_text(replacement(turn)) == texts.KEPT
    assert chat.graph_requests("POST") == []
    late = await chat.click(button(card, "decline"), {"comment": "", "notify": "true"})
    assert chat.decisions() == []
    assert late.texts == ["Already done: " + texts.KEPT]


async def test_cancel_meeting_cancels_it_in_graph_with_the_message_to_attendees(chat):
    await chat.sign_in()
    event_id = chat.own_meeting("Team planning", 16)
    card = (await chat.say("cancel my 4pm")).card
    turn = await chat.click(button(card, "cancelMeeting"), {"comment": "Sorry folks, moving it."})
    [post] = chat.graph_requests("POST")
    assert post.path.endswith("/cancel")
    assert post.body == {"comment": "Sorry folks, moving it."}
    [decision] = chat.decisions()
    assert (decision.event_id, decision.action, decision.comment) == (event_id, "cancel", "Sorry folks, moving it.")
    assert "Cancelled" in card_text(replacement(turn))
    assert turn.texts[0].startswith("Cancelled “Team planning”")


async def test_a_choice_card_row_declines_only_the_meeting_clicked(chat):
    await chat.sign_in()
    first = chat.meeting("Budget review", 15)
    chat.meeting("Hiring sync", 15)
    card = (await chat.say("decline my 3pm, say I'm out")).card
    row = next(b for b in buttons(card) if b["verb"] == "decline" and b["data"]["eventId"] == first)
    await chat.click(row)
    [decision] = chat.decisions()
    assert (decision.event_id, decision.comment, decision.send_response) == (first, "I'm out", True)


async def test_an_agenda_row_declines_that_meeting(chat):
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    chat.meeting("Design crit", 11)
    card = (await chat.say("decline my 4:30pm")).card  # no match: the day's agenda
    row = next(b for b in buttons(card) if b["data"].get("eventId") == event_id)
    turn = await chat.click(row)
    assert turn.status == 200
    [decision] = chat.decisions()
    assert decision.event_id == event_id and decision.action == "decline"


async def test_decline_all_sends_one_batch_and_reports_each_meeting_with_the_failure(chat):
    await chat.sign_in()
    ids = [
        chat.meeting(subject, hour, day=1)
        for subject, hour in (("Standup", 9), ("Design crit", 11), ("Budget review", 15))
    ]
    card = (await chat.say("decline all my meetings tomorrow, say I'm out")).card
    every = button(card, "respondAll")
    assert every["title"] == "Decline all 3"
    # The organizer deletes the design crit between the card and the click.
    del chat.sandbox.graph.mailboxes[chat.user.oid].events[ids[1]]
    turn = await chat.click(every)
    batches = chat.graph_requests("POST", "$batch")
    assert len(batches) == 1
    assert len(batches[0].body["requests"]) == 3
    assert sorted(d.event_id for d in chat.decisions()) == sorted([ids[0], ids[2]])
    assert all(d.comment == "I'm out" for d in chat.decisions())
    summary = card_text(replacement(turn))
    assert "Declined 2 meetings, 1 failed" in summary
    assert texts.NOT_FOUND in summary
    assert turn.texts == ["Declined 2 meetings. 1 could not be changed; the card says why."]


async def test_a_429_from_graph_during_a_decline_is_retried_after_retry_after(chat):
    card = await confirm_card(chat)
    chat.inject(Fault(status=429, retry_after=1, method="POST", path_contains="/decline"))
    turn = await chat.click(button(card, "decline"), {"comment": "", "notify": "true"})
    posts = chat.graph_requests("POST", "/decline")
    assert [p.status for p in posts] == [429, 202]
    assert 1.0 in chat.sleeps.waits
    assert len(chat.decisions()) == 1
    assert turn.texts == [SENTENCE.format("notified")]


async def test_graph_down_during_a_decline_says_nothing_changed_and_the_card_can_be_clicked_again(chat):
    card = await confirm_card(chat)
    chat.inject(Fault(status=503, method="POST", path_contains="/decline", times=10))
    turn = await chat.click(button(card, "decline"), {"comment": "", "notify": "true"})
    assert turn.texts == [texts.GRAPH_DOWN]
    assert "Couldn't decline" in card_text(replacement(turn))
    assert chat.decisions() == []
    chat.heal_graph()
    again = await chat.click(button(card, "decline"), {"comment": "", "notify": "true"})
    assert again.texts == [SENTENCE.format("notified")]
    assert len(chat.decisions()) == 1


async def test_the_submit_fallback_of_older_clients_updates_the_card_in_place(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    asked = await chat.say("decline my 3pm")
    turn = await chat.submit(
        button(asked.card, "decline"), asked.card_activity_id, {"comment": "Clash", "notify": "false"}
    )
    assert turn.texts == [SENTENCE.format("not notified")]
    [updated] = chat.updated
    assert updated.id == asked.card_activity_id
    [attachment] = updated.attachments
    assert "Declined" in card_text(attachment.content)
    [decision] = chat.decisions()
    assert (decision.comment, decision.send_response) == ("Clash", False)


async def test_a_help_example_button_runs_that_request(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    card = (await chat.say("help")).card
    example = next(b for b in buttons(card) if b["data"].get("text") == "decline my 3pm")
    turn = await chat.click(example)
    assert "Decline this meeting?" in card_text(turn.card)


async def test_the_help_cards_sign_out_button_signs_out(chat):
    await chat.sign_in()
    card = (await chat.say("help")).card
    sign_out = next(b for b in buttons(card) if b["data"].get("text") == "sign out")
    turn = await chat.click(sign_out)
    assert turn.texts == [texts.SIGNED_OUT]


async def test_a_help_example_sent_by_an_older_client_runs_that_request(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    asked = await chat.say("help")
    example = next(b for b in buttons(asked.card) if b["data"].get("text") == "decline my 3pm")
    turn = await chat.submit(example, asked.card_activity_id)
    assert "Decline this meeting?" in card_text(turn.card)


async def test_a_note_too_long_for_outlook_is_refused_before_any_graph_call_and_the_card_stays_usable(chat):
    card = await confirm_card(chat)
    turn = await chat.click(button(card, "decline"), {"comment": "x" * 2001, "notify": "true"})
    assert turn.texts == [texts.COMMENT_TOO_LONG]
    assert chat.graph_requests("POST") == []
    fixed = await chat.click(button(card, "decline"), {"comment": "Clash", "notify": "true"})
    assert fixed.texts == [SENTENCE.format("notified")]
    assert len(chat.decisions()) == 1
