"""Which activities Regrets answers at all: tenant allow-list, group chats, new members."""

from __future__ import annotations

from botbuilder.schema import Activity

from dialogs import texts
from tests.fixtures.dialogs import BOT_ID, new_user
from tests.fixtures.stack import buttons, card_text


async def test_a_tenant_outside_the_allow_list_is_refused_politely_without_any_graph_call(make_chat):
    chat = make_chat(allowed_tenants=("11111111-2222-3333-4444-555555555555",))
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm")
    assert turn.texts == [texts.TENANT_REFUSED]
    assert turn.cards == [] and turn.oauth_cards == []
    assert chat.graph_requests() == []


async def test_a_card_click_from_a_tenant_outside_the_allow_list_gets_403(make_chat):
    chat = make_chat(allowed_tenants=("11111111-2222-3333-4444-555555555555",))
    turn = await chat.click({"verb": "decline", "data": {"verb": "decline", "requestId": "x", "eventId": "y"}})
    assert turn.status == 403
    assert chat.graph_requests() == []


async def test_the_allow_list_lets_its_own_tenant_through_whatever_the_case(make_chat, sandbox):
    user = new_user(sandbox)
    chat = make_chat(user, allowed_tenants=(user.entra.tenant.upper(),))
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm")
    assert "Decline this meeting?" in card_text(turn.card)


async def test_in_a_group_chat_a_message_without_a_mention_gets_no_answer(make_chat):
    chat = make_chat(conversation_type="groupChat")
    await chat.sign_in()
    chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm")
    assert turn.activities == []
    assert chat.graph_requests() == []


async def test_in_a_group_chat_a_message_mentioning_regrets_is_answered_without_the_mention(make_chat):
    chat = make_chat(conversation_type="groupChat")
    await chat.sign_in()
    event_id = chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm", mention=True)
    card = turn.card
    assert "Decline this meeting?" in card_text(card)
    assert next(b for b in buttons(card) if b["verb"] == "decline")["data"]["eventId"] == event_id


async def test_in_a_channel_a_mention_of_someone_else_is_not_for_regrets(make_chat):
    chat = make_chat(conversation_type="channel")
    await chat.sign_in()
    activity = chat.activity(
        text="<at>Bob</at> decline my 3pm",
        entities=[{"type": "mention", "text": "<at>Bob</at>", "mentioned": {"id": "29:bob", "name": "Bob"}}],
    )
    turn = await chat.send(activity)
    assert turn.activities == []


async def test_a_new_personal_chat_gets_the_welcome_once(chat):
    data = chat.activity(type="conversationUpdate").serialize()
    data["membersAdded"] = [{"id": BOT_ID, "name": "Regrets"}, {"id": f"29:{chat.user.oid}"}]
    turn = await chat.send(Activity().deserialize(data))
    assert turn.texts == [texts.WELCOME]


async def test_being_added_to_a_group_chat_says_nothing(make_chat):
    chat = make_chat(conversation_type="groupChat")
    data = chat.activity(type="conversationUpdate").serialize()
    data["membersAdded"] = [{"id": BOT_ID, "name": "Regrets"}, {"id": f"29:{chat.user.oid}"}]
    turn = await chat.send(Activity().deserialize(data))
    assert turn.activities == []
