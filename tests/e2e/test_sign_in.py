"""Teams SSO and on-behalf-of, end to end through /api/messages and the stand-ins."""

from __future__ import annotations

import logging

import aiohttp

from tests.fixtures.stack import (
    OAUTH,
    Teams,
    ask,
    attachments_of,
    buttons,
    card_text,
    click,
    exchange,
    morning,
    serve,
    settings_for,
)


def oauth_cards(messages):
    return [card for message in messages for card in attachments_of(message, OAUTH)]


async def test_after_sign_in_the_original_request_finishes_by_itself(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await regrets.say(chat, "decline my 3pm")
    [oauth] = oauth_cards(regrets.messages(chat))
    assert oauth["tokenExchangeResource"]["uri"] == f"api://botid-{sandbox.bot_app.client_id}"
    before = len(regrets.messages(chat))
    status, body = await exchange(regrets, chat, oauth["tokenExchangeResource"]["id"])
    assert status == 200
    assert body["id"] == oauth["tokenExchangeResource"]["id"]
    [card] = [c for m in regrets.messages(chat)[before:] for c in attachments_of(m)]
    assert "Quarterly budget review" in card_text(card)


async def test_the_same_exchange_from_two_teams_clients_is_exchanged_once(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await regrets.say(chat, "what's on today")
    [oauth] = oauth_cards(regrets.messages(chat))
    exchange_id = oauth["tokenExchangeResource"]["id"]
    first = await exchange(regrets, chat, exchange_id)
    second = await exchange(regrets, chat, exchange_id)
    assert first[0] == second[0] == 200
    assert sandbox.entra.count("on_behalf_of", user=user.entra) == 1
    agenda_cards = [c for m in regrets.messages(chat) for c in attachments_of(m)]
    assert len(agenda_cards) == 1


async def test_an_unusable_sso_token_gets_412_so_teams_shows_the_sign_in_button(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await regrets.say(chat, "decline my 3pm")
    [oauth] = oauth_cards(regrets.messages(chat))
    expired = sandbox.entra.issue_sso_token(user.entra, expires_in=-600)
    status, body = await exchange(regrets, chat, oauth["tokenExchangeResource"]["id"], token=expired)
    assert status == 412
    assert body["failureDetail"]
    # Still waiting: a good token for the same request finishes it.
    status, _ = await exchange(regrets, chat, "another-exchange-id")
    assert status == 200
    assert "Quarterly budget review" in card_text(attachments_of(regrets.messages(chat)[-1])[0])


async def test_entra_being_down_gets_a_sentence_and_no_crash(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    sandbox.entra.fail("down", user=user.entra, times=3)
    await regrets.say(chat, "decline my 3pm")
    [oauth] = oauth_cards(regrets.messages(chat))
    status, _ = await exchange(regrets, chat, oauth["tokenExchangeResource"]["id"])
    assert status == 412
    assert "can't reach Microsoft's sign-in" in regrets.messages(chat)[-1]["text"]


async def test_two_users_only_ever_reach_their_own_mailbox(regrets, sandbox):
    alice, bob = regrets.user("Alice Kim"), regrets.user("Bob Ames")
    for person in (alice, bob):
        chat = regrets.conversation(person)
        start = len(sandbox.graph.log)
        await ask(regrets, chat, "what's on today")
        await ask(regrets, chat, "decline my 3pm")
        users = {r.user for r in sandbox.graph.log[start:]}
        assert users == {person.oid}


async def test_sign_out_forgets_the_token_and_the_next_request_asks_teams_again(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "what's on today")
    await regrets.say(chat, "sign out")
    assert "signed out" in regrets.messages(chat)[-1]["text"]
    await regrets.say(chat, "what's on today")
    assert oauth_cards(regrets.messages(chat)[-1:])


async def test_after_a_restart_with_the_same_storage_no_new_exchange_is_needed(sandbox, tmp_path):
    settings = settings_for(sandbox, STORAGE_DIR=str(tmp_path / "state"))
    async with aiohttp.ClientSession() as session:
        async with serve(settings, clock=morning) as url:
            teams = Teams(sandbox, url, session, signed=True, today=morning().date())
            user = teams.user()
            chat = teams.conversation(user)
            await ask(teams, chat, "what's on today")
        assert sandbox.entra.count("on_behalf_of", user=user.entra) == 1
        async with serve(settings, clock=morning) as url:
            teams = Teams(sandbox, url, session, signed=True, today=morning().date())
            messages = await ask(teams, chat, "decline my 3pm", sign_in=False)
            assert not oauth_cards(messages)
            [card] = [c for m in messages for c in attachments_of(m)]
            decline = [b for b in buttons(card) if b["verb"] == "decline"][0]
        # A click on the card after another restart still works: nothing lived only in memory.
        async with serve(settings, clock=morning) as url:
            teams = Teams(sandbox, url, session, signed=True, today=morning().date())
            status, body = await click(teams, chat, decline)
            assert status == 200 and "Declined" in card_text(body["value"])
    assert sandbox.entra.count("on_behalf_of", user=user.entra) == 1


async def test_the_log_of_a_whole_conversation_holds_no_token_comment_or_message_text(regrets, sandbox, caplog):
    caplog.set_level(logging.DEBUG)
    # As in production (app.main): msal's DEBUG dump includes client_info (base64 JSON of ids), and
    # urllib3 logs full URLs (the token service's sign-in state is the conversation reference).
    logging.getLogger("msal").setLevel(logging.WARNING)
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    user = regrets.user()
    chat = regrets.conversation(user)
    [card] = [
        c for m in await ask(regrets, chat, "decline my 3pm, say I'm stuck at the dentist") for c in attachments_of(m)
    ]
    decline = [b for b in buttons(card) if b["verb"] == "decline"][0]
    await click(regrets, chat, decline, {"comment": "Stuck at the dentist, sorry"})
    assert sandbox.graph.decisions[-1].comment == "Stuck at the dentist, sorry"
    text = caplog.text
    assert caplog.records, "the run logged nothing at all, so this test would prove nothing"
    assert "eyJ" not in text
    assert "dentist" not in text
    assert "decline my 3pm" not in text
    assert "Quarterly budget review" not in text


async def test_an_exchange_with_no_request_waiting_still_signs_the_user_in(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    status, body = await exchange(regrets, chat, "an-exchange-from-an-old-card")
    assert status == 200
    assert sandbox.entra.count("on_behalf_of", user=user.entra, ok=True) == 1
    messages = await ask(regrets, chat, "decline my 3pm", sign_in=False)
    assert not oauth_cards(messages)
    [card] = [c for m in messages for c in attachments_of(m)]
    assert "Quarterly budget review" in card_text(card)


async def test_an_unusable_exchange_with_no_request_waiting_gets_412(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    expired = sandbox.entra.issue_sso_token(user.entra, expires_in=-600)
    status, body = await exchange(regrets, chat, "an-exchange-from-an-old-card", token=expired)
    assert status == 412
    assert body["failureDetail"]
