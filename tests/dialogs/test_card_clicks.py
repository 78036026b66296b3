"""Card buttons (dialogs/clicks.py): what a click does in Graph and what the user sees.

A click is an `adaptiveCard/action` invoke as Teams sends it (Action.Execute: the
button's data merged with the card's inputs); the invoke response's card replaces the
clicked one and is the one confirmation (nothing is said in the chat besides). When
nothing is done the card stays and the answer is a message for the clicker. Older
clients send the Action.Submit fallback instead: a message whose `value` is the data,
replying to the card, and Regrets updates the card in place.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from datetime import UTC, timedelta
from urllib.parse import quote

from dialogs import texts
from dialogs.pending import CLAIM_LEASE_SECONDS
from sandbox.graph_state import Fault
from tests.cards.walk import inputs
from tests.fixtures.dialogs import NOW, serialized
from tests.fixtures.stack import ADAPTIVE, buttons, card_text

MESSAGE = "application/vnd.microsoft.activity.message"
WHEN = "Tue 13 Jan, 3:00 PM – 3:30 PM"


def button(card: dict, verb: str) -> dict:
    [found] = [b for b in buttons(card) if b["verb"] == verb]
    return found


def filled(card: dict, **changes: str) -> dict:
    """The card's inputs as Teams sends them (their current values), with the user's changes."""
    values = {key: str(i.get("value", "")) for key, i in inputs(card).items()}
    return {**values, **changes}


def replacement(turn) -> dict:
    """The card an Action.Execute click put in place of the clicked one."""
    assert turn.status == 200
    body = serialized(turn.body)
    assert body["type"] == ADAPTIVE, body
    return body["value"]


def answer(turn) -> str:
    """The message an Action.Execute click was answered with (the card stays as it was)."""
    assert turn.status == 200
    body = serialized(turn.body)
    assert body["type"] == MESSAGE, body
    return body["value"]


async def confirm_card(chat, text: str = "decline my 3pm") -> dict:
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    return (await chat.say(text)).card


async def test_decline_with_a_note_and_notify_off_sends_exactly_that_one_decline(chat):
    card = await confirm_card(chat)
    turn = await chat.click(button(card, "decline"), filled(card, comment="Sorry, I have a clash.", notify="false"))
    posts = chat.graph_requests("POST")
    assert len(posts) == 1
    assert posts[0].path.endswith("/decline")
    assert posts[0].body == {"comment": "Sorry, I have a clash.", "sendResponse": False}
    new_card = replacement(turn)
    assert "Declined" in card_text(new_card) and "Sorry, I have a clash." in card_text(new_card)
    assert "Organizer not notified" in card_text(new_card)
    assert buttons(new_card) == []
    assert turn.texts == []  # the card is the one confirmation


async def test_a_click_reads_the_meeting_again_before_declining_it(chat):
    card = await confirm_card(chat)
    before = len(chat.graph_requests())
    await chat.click(button(card, "decline"), filled(card))
    after = chat.graph_requests()[before:]
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in after][-2:] == [
        ("GET", quote(button(card, "decline")["data"]["eventId"], safe="")),
        ("POST", "decline"),
    ]


async def test_a_double_click_declines_once_and_the_second_click_gets_the_same_final_card(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    first = await chat.click(decline, filled(card))
    second = await chat.click(decline, filled(card))
    assert replacement(second) == replacement(first)
    assert second.texts == []
    assert len(chat.decisions()) == 1
    assert len(chat.graph_requests("POST", "/decline")) == 1


async def test_two_clicks_arriving_together_decline_once_and_both_get_the_final_card(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    turn = await chat.send(chat.click_activity(decline, filled(card)), chat.click_activity(decline, filled(card)))
    assert len(chat.decisions()) == 1
    assert [r.status for r in turn.invoke_responses] == [200, 200]
    cards = [serialized(r.body)["value"] for r in turn.invoke_responses]
    assert all("Declined" in card_text(c) for c in cards)


async def test_a_click_handled_by_another_instance_declines_once_without_signing_in_again(chat, make_chat):
    card = await confirm_card(chat)
    other = make_chat(chat.user, storage=chat.storage, conversation_id=chat.conversation_id)
    turn = await other.click(button(card, "decline"), filled(card))
    assert "Declined" in card_text(replacement(turn))
    assert len(chat.decisions()) == 1
    assert chat.obo_exchanges() == 1  # the token cache came from the shared storage
    again = await chat.click(button(card, "decline"), filled(card))
    assert replacement(again) == replacement(turn)
    assert len(chat.decisions()) == 1


async def test_a_claim_left_by_a_crashed_instance_expires_and_the_meeting_is_read_again_before_acting(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    pending = chat.services.pending
    record = await pending.get(decline["data"]["requestId"])
    # The other instance claimed the card, declined the meeting in Graph, and died before recording it.
    record.state, record.claimed_at = "claimed", NOW.timestamp() - CLAIM_LEASE_SECONDS - 1
    await chat.storage.write({"pending/" + record.request_id: asdict(record)})
    box = chat.sandbox.graph.mailboxes[chat.user.oid]
    box.events[decline["data"]["eventId"]]["responseStatus"] = {"response": "declined"}
    turn = await chat.click(decline, filled(card))
    assert card_text(replacement(turn)) == f"You already declined “Budget review”, {WHEN}."
    assert chat.graph_requests("POST") == []


async def test_a_click_on_a_card_regrets_no_longer_knows_is_called_out_of_date(chat):
    card = await confirm_card(chat)
    stale = {**button(card, "decline"), "data": {**button(card, "decline")["data"], "requestId": "gone-long-ago"}}
    turn = await chat.click(stale, filled(card))
    assert answer(turn) == texts.STALE_CARD
    assert chat.graph_requests("POST") == []


async def test_a_click_naming_a_meeting_the_card_did_not_offer_acts_on_nothing(chat):
    card = await confirm_card(chat)
    other = chat.meeting("Not on this card", 17)
    forged = {**button(card, "decline"), "data": {**button(card, "decline")["data"], "eventId": other}}
    turn = await chat.click(forged, filled(card))
    assert answer(turn) == texts.BAD_CLICK
    assert chat.graph_requests("POST") == []
    # Nothing was claimed: the real click still works.
    await chat.click(button(card, "decline"), filled(card))
    assert len(chat.decisions()) == 1


async def test_a_flipped_verb_acts_on_nothing(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    flipped = {**decline, "verb": "accept", "data": {**decline["data"], "verb": "accept"}}
    turn = await chat.click(flipped, filled(card))
    assert answer(turn) == texts.BAD_CLICK
    assert chat.graph_requests("POST") == []


async def test_fields_that_are_objects_instead_of_strings_act_on_nothing_and_the_card_still_works(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    for field in ("eventId", "requestId", "comment", "notify", "shown"):
        hostile = {**decline, "data": {**decline["data"], field: {"$ne": None}}}
        turn = await chat.click(hostile, {**filled(card), field: {"$ne": None}})
        assert answer(turn) == texts.BAD_CLICK, field
    assert chat.graph_requests("POST") == []
    turn = await chat.click(decline, filled(card))
    assert "Declined" in card_text(replacement(turn))
    assert len(chat.decisions()) == 1


async def test_someone_else_clicking_the_card_is_refused_and_graph_is_not_called(chat, someone_else):
    card = await confirm_card(chat)
    await chat.sign_in(someone_else)
    turn = await chat.click(button(card, "decline"), filled(card), as_user=someone_else)
    assert answer(turn) == texts.NOT_YOURS
    assert chat.graph_requests("POST") == []
    assert chat.decisions() == [] and chat.decisions(someone_else) == []
    # The card still works for its owner.
    await chat.click(button(card, "decline"), filled(card))
    assert len(chat.decisions()) == 1


async def test_the_users_own_click_replayed_from_a_group_chat_acts_on_nothing(chat, make_chat):
    card = await confirm_card(chat)
    group = make_chat(chat.user, storage=chat.storage, conversation_type="groupChat")
    turn = await group.click(button(card, "decline"), filled(card))
    assert answer(turn) == texts.OTHER_CONVERSATION
    assert chat.decisions() == []
    await chat.click(button(card, "decline"), filled(card))
    assert len(chat.decisions()) == 1


async def test_card_data_naming_another_user_acts_on_nothing(chat):
    card = await confirm_card(chat)
    decline = button(card, "decline")
    forged = {**decline, "data": {**decline["data"], "user": "someone-else"}}
    turn = await chat.click(forged, filled(card))
    assert answer(turn) == texts.NOT_YOURS
    assert chat.decisions() == []


async def test_dismiss_leaves_the_meeting_as_it_is_and_names_it(chat):
    card = await confirm_card(chat)
    turn = await chat.click(button(card, "dismiss"))
    kept = f"Okay, I left “Budget review”, {WHEN} as it is."
    assert card_text(replacement(turn)) == kept
    assert chat.graph_requests("POST") == []
    late = await chat.click(button(card, "decline"), filled(card))
    assert chat.decisions() == []
    assert card_text(replacement(late)) == kept


async def test_a_stale_agenda_button_after_the_meeting_was_declined_in_chat_declines_nothing(chat):
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    chat.meeting("Design crit", 11)
    agenda = (await chat.say("what's on today")).card
    row = next(b for b in buttons(agenda) if b["data"].get("eventId") == event_id)
    confirm = (await chat.say("decline my 3pm")).card
    await chat.click(button(confirm, "decline"), filled(confirm))
    assert len(chat.decisions()) == 1
    turn = await chat.click(row)
    assert card_text(replacement(turn)) == f"You already declined “Budget review”, {WHEN}."
    assert len(chat.decisions()) == 1
    assert len(chat.graph_requests("POST")) == 1


async def test_a_meeting_moved_since_the_card_was_shown_is_not_declined(chat):
    card = await confirm_card(chat)
    event_id = button(card, "decline")["data"]["eventId"]
    event = chat.sandbox.graph.mailboxes[chat.user.oid].events[event_id]
    later = NOW.replace(hour=16).astimezone(UTC)
    event["start"] = {"dateTime": later.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"}
    event["end"] = {
        "dateTime": (later + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S.0000000"),
        "timeZone": "UTC",
    }
    turn = await chat.click(button(card, "decline"), filled(card))
    said = card_text(replacement(turn))
    assert said.startswith("“Budget review” moved to Tue 13 Jan, 4:00 PM – 4:30 PM since that card was shown")
    assert chat.graph_requests("POST") == []


async def test_a_meeting_cancelled_since_the_card_was_shown_is_not_declined(chat):
    card = await confirm_card(chat)
    event_id = button(card, "decline")["data"]["eventId"]
    chat.sandbox.graph.mailboxes[chat.user.oid].events[event_id]["isCancelled"] = True
    turn = await chat.click(button(card, "decline"), filled(card))
    assert "was cancelled by the organizer" in card_text(replacement(turn))
    assert chat.graph_requests("POST") == []


async def test_a_meeting_deleted_since_the_card_was_shown_is_not_declined(chat):
    card = await confirm_card(chat)
    event_id = button(card, "decline")["data"]["eventId"]
    del chat.sandbox.graph.mailboxes[chat.user.oid].events[event_id]
    turn = await chat.click(button(card, "decline"), filled(card))
    assert card_text(replacement(turn)) == f"“Budget review”, {WHEN} is no longer on your calendar, so I did nothing."
    assert chat.graph_requests("POST") == []


async def test_cancel_meeting_cancels_it_in_graph_with_the_message_to_attendees(chat):
    await chat.sign_in()
    event_id = chat.own_meeting("Team planning", 16)
    card = (await chat.say("cancel my 4pm")).card
    assert button(card, "cancelMeeting")["title"] == "Cancel meeting"
    turn = await chat.click(button(card, "cancelMeeting"), filled(card, comment="Sorry folks, moving it."))
    [post] = chat.graph_requests("POST")
    assert post.path.endswith("/cancel")
    assert post.body == {"comment": "Sorry folks, moving it."}
    [decision] = chat.decisions()
    assert (decision.event_id, decision.action, decision.comment) == (event_id, "cancel", "Sorry folks, moving it.")
    assert "Cancelled" in card_text(replacement(turn))
    assert turn.texts == []


async def test_a_choice_card_row_declines_only_the_meeting_clicked_with_the_cards_note(chat):
    await chat.sign_in()
    first = chat.meeting("Budget review", 15)
    chat.meeting("Hiring sync", 15)
    card = (await chat.say("decline my 3pm, say I'm out")).card
    assert inputs(card)["comment"]["value"] == "I'm out"
    row = next(b for b in buttons(card) if b["verb"] == "decline" and b["data"]["eventId"] == first)
    await chat.click(row, filled(card, notify="false"))
    [decision] = chat.decisions()
    assert (decision.event_id, decision.comment, decision.send_response) == (first, "I'm out", False)


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


async def test_decline_all_sends_one_batch_and_leaves_a_meeting_gone_since_the_card_alone(chat):
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
    turn = await chat.click(every, filled(card))
    batches = chat.graph_requests("POST", "$batch")
    assert len(batches) == 1
    assert len(batches[0].body["requests"]) == 2
    assert sorted(d.event_id for d in chat.decisions()) == sorted([ids[0], ids[2]])
    assert all(d.comment == "I'm out" for d in chat.decisions())
    summary = card_text(replacement(turn))
    assert "Declined 2 meetings, 1 left as it was" in summary
    assert "“Design crit”, Wed 14 Jan, 11:00 AM – 11:30 AM is no longer on your calendar" in summary
    assert turn.texts == []


async def test_a_429_from_graph_during_a_decline_is_retried_after_retry_after(chat):
    card = await confirm_card(chat)
    chat.inject(Fault(status=429, retry_after=1, method="POST", path_contains="/decline"))
    turn = await chat.click(button(card, "decline"), filled(card))
    posts = chat.graph_requests("POST", "/decline")
    assert [p.status for p in posts] == [429, 202]
    assert 1.0 in chat.sleeps.waits
    assert len(chat.decisions()) == 1
    assert "Declined" in card_text(replacement(turn))


async def test_graph_down_during_a_decline_says_nothing_changed_and_the_card_can_be_clicked_again(chat):
    card = await confirm_card(chat)
    chat.inject(Fault(status=503, method="POST", path_contains="/decline", times=10))
    turn = await chat.click(button(card, "decline"), filled(card))
    assert answer(turn) == texts.GRAPH_DOWN
    assert chat.decisions() == []
    chat.heal_graph()
    again = await chat.click(button(card, "decline"), filled(card))
    assert "Declined" in card_text(replacement(again))
    assert len(chat.decisions()) == 1


async def test_the_submit_fallback_of_older_clients_updates_the_card_in_place_and_says_nothing_more(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    asked = await chat.say("decline my 3pm")
    turn = await chat.submit(
        button(asked.card, "decline"), asked.card_activity_id, filled(asked.card, comment="Clash", notify="false")
    )
    assert turn.texts == []
    [updated] = chat.updated
    assert updated.id == asked.card_activity_id
    [attachment] = updated.attachments
    assert "Declined" in card_text(attachment.content)
    [decision] = chat.decisions()
    assert (decision.comment, decision.send_response) == ("Clash", False)


async def test_a_submit_click_refused_gets_one_sentence_in_the_chat(chat, someone_else):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    asked = await chat.say("decline my 3pm")
    data = {**button(asked.card, "decline")["fallback"]["data"], "requestId": "gone-long-ago"}
    turn = await chat.send(chat.activity(value=data, reply_to_id=asked.card_activity_id))
    assert turn.texts == [texts.STALE_CARD]
    assert chat.updated == []


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
    turn = await chat.click(button(card, "decline"), filled(card, comment="x" * 2001))
    assert answer(turn) == texts.COMMENT_TOO_LONG
    assert chat.graph_requests("POST") == []
    fixed = await chat.click(button(card, "decline"), filled(card, comment="Clash"))
    assert "Declined" in card_text(replacement(fixed))
    assert len(chat.decisions()) == 1


async def test_never_mind_after_a_card_retires_the_card_in_place_and_a_later_click_declines_nothing(chat):
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    asked = await chat.say("decline my 3pm")
    turn = await chat.say("never mind")
    kept = f"Okay, I left “Budget review”, {WHEN} as it is."
    assert turn.texts == []  # the card says it, in place
    [updated] = chat.updated
    assert updated.id == asked.card_activity_id
    assert card_text(updated.attachments[0].content) == kept
    late = await chat.click(button(asked.card, "decline"), filled(asked.card))
    assert card_text(replacement(late)) == kept
    assert chat.decisions() == []


async def test_never_mind_after_the_card_was_used_says_what_it_did_and_changes_nothing_more(chat):
    card = await confirm_card(chat)
    await chat.click(button(card, "decline"), filled(card))
    turn = await chat.say("never mind")
    assert turn.texts == [
        "Too late to stop: Declined “Budget review”, Tue 13 Jan, 3:00 PM – 3:30 PM. The organizer was notified."
    ]
    assert len(chat.decisions()) == 1


async def test_a_stale_button_for_a_meeting_outlook_removed_after_regrets_declined_it_says_already_declined(chat):
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    agenda = (await chat.say("what's on today")).card
    row = next(b for b in buttons(agenda) if b["data"].get("eventId") == event_id)
    await chat.say("decline my 3pm now")
    # Outlook moves a declined meeting out of the calendar: reading it now answers 404.
    del chat.sandbox.graph.mailboxes[chat.user.oid].events[event_id]
    turn = await chat.click(row)
    assert card_text(replacement(turn)) == f"You already declined “Budget review”, {WHEN}."
    assert len(chat.decisions()) == 1


async def test_two_instances_receiving_the_same_click_at_once_decline_once_and_answer_alike(chat, make_chat):
    card = await confirm_card(chat)
    other = make_chat(chat.user, storage=chat.storage, conversation_id=chat.conversation_id)
    decline = button(card, "decline")
    here, there = await asyncio.gather(chat.click(decline, filled(card)), other.click(decline, filled(card)))
    assert replacement(here) == replacement(there)
    assert "Declined" in card_text(replacement(here))
    assert len(chat.decisions()) == 1
    assert len(chat.graph_requests("POST", "/decline")) == 1
