"""The sign-in fallback, end to end: when silent SSO fails, the OAuth card's Sign in button.

Regrets is configured with the Azure Bot's OAuth connection (at the token service
stand-in). The card's button carries the service's sign-in link; the tests play "the user
signed in on that page" with `complete_sign_in`, then post `signin/verifyState` with the
magic code as Teams does. The connection's token goes through the same on-behalf-of
exchange at the Entra stand-in as a Teams SSO token.
"""

from __future__ import annotations

import ssl

import aiohttp
import pytest

from dialogs import texts
from sandbox.stack import BOT_APP_ID, OAUTH_CONNECTION
from settings import Settings
from tests.fixtures.stack import (
    OAUTH,
    Teams,
    attachments_of,
    card_text,
    exchange,
    morning,
    serve,
    verify_state,
)


@pytest.fixture
def teams(regrets):
    """The standard Regrets: the sandbox gives it the Azure Bot's OAuth connection."""
    return regrets


async def sign_in_card(teams: Teams, chat, text: str = "decline my 3pm") -> dict:
    await teams.say(chat, text)
    [card] = [c for m in teams.messages(chat) for c in attachments_of(m, OAUTH)][-1:]
    return card


def graph_calls_of(sandbox, user) -> list:
    return [r for r in sandbox.graph.log if r.user == user.oid]


async def test_when_silent_sso_fails_the_sign_in_button_finishes_the_original_request(teams, sandbox):
    user = teams.user()
    chat = teams.conversation(user)
    card = await sign_in_card(teams, chat)
    assert card["tokenExchangeResource"]["uri"] == f"api://botid-{BOT_APP_ID}"
    [button] = card["buttons"]
    assert button["type"] == "signin"
    assert button["value"].startswith(f"{sandbox.token_service.url}/api/oauth/signin?")

    expired = sandbox.entra.issue_sso_token(user.entra, expires_in=-600)
    status, _ = await exchange(teams, chat, card["tokenExchangeResource"]["id"], token=expired)
    assert status == 412

    code = sandbox.token_service.complete_sign_in(button["value"], user.entra)
    before = len(teams.messages(chat))
    status, _ = await verify_state(teams, chat, code)
    assert status == 200
    [confirm] = [c for m in teams.messages(chat)[before:] for c in attachments_of(m)]
    assert "Quarterly budget review" in card_text(confirm)
    assert sandbox.entra.count("on_behalf_of", user=user.entra, ok=True) == 1

    # Signed in for good: the next request needs neither a card nor another exchange.
    await teams.say(chat, "what's on today")
    assert not attachments_of(teams.messages(chat)[-1], OAUTH)
    assert sandbox.entra.count("on_behalf_of", user=user.entra, ok=True) == 1


async def test_a_wrong_magic_code_gets_a_plain_sentence_and_no_graph_call(teams, sandbox):
    user = teams.user()
    chat = teams.conversation(user)
    card = await sign_in_card(teams, chat)
    code = sandbox.token_service.complete_sign_in(card["buttons"][0]["value"], user.entra)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    status, _ = await verify_state(teams, chat, wrong)
    assert status == 200
    assert teams.messages(chat)[-1]["text"] == texts.SIGN_IN_INCOMPLETE
    assert graph_calls_of(sandbox, user) == []
    assert sandbox.entra.count("on_behalf_of", user=user.entra) == 0

    # Still waiting: the right code finishes the request.
    status, _ = await verify_state(teams, chat, code)
    assert status == 200
    assert "Quarterly budget review" in card_text(attachments_of(teams.messages(chat)[-1])[0])


async def test_a_magic_code_from_another_users_sign_in_does_not_sign_this_user_in(teams, sandbox):
    alice, bob = teams.user("Alice Kim"), teams.user("Bob Ames")
    alice_chat, bob_chat = teams.conversation(alice), teams.conversation(bob)
    alice_card = await sign_in_card(teams, alice_chat)
    await sign_in_card(teams, bob_chat)
    alices_code = sandbox.token_service.complete_sign_in(alice_card["buttons"][0]["value"], alice.entra)

    status, _ = await verify_state(teams, bob_chat, alices_code)
    assert status == 200
    assert teams.messages(bob_chat)[-1]["text"] == texts.SIGN_IN_INCOMPLETE
    assert graph_calls_of(sandbox, alice) == graph_calls_of(sandbox, bob) == []


async def test_a_throttled_token_service_at_verify_state_gets_a_sentence_and_the_user_can_try_again(teams, sandbox):
    user = teams.user()
    chat = teams.conversation(user)
    card = await sign_in_card(teams, chat)
    code = sandbox.token_service.complete_sign_in(card["buttons"][0]["value"], user.entra)

    sandbox.token_service.fail(429)
    status, _ = await verify_state(teams, chat, code)
    assert status == 200
    assert teams.messages(chat)[-1]["text"] == texts.SIGN_IN_INCOMPLETE
    assert graph_calls_of(sandbox, user) == []

    status, _ = await verify_state(teams, chat, code)
    assert status == 200
    assert "Quarterly budget review" in card_text(attachments_of(teams.messages(chat)[-1])[0])


async def test_one_failed_sign_in_resource_call_is_retried_and_the_card_keeps_its_sign_in_link(teams, sandbox):
    user = teams.user()
    chat = teams.conversation(user)
    failed = sandbox.token_service.count("GetSignInResource", ok=False)
    sandbox.token_service.fail(503)
    card = await sign_in_card(teams, chat)
    assert sandbox.token_service.count("GetSignInResource", ok=False) == failed + 1
    assert card["buttons"][0]["value"].startswith(sandbox.token_service.url)


async def test_a_connection_the_azure_bot_does_not_have_still_lets_silent_sso_work(sandbox):
    settings = Settings.from_mapping({**sandbox.bot_env(), "OAUTH_CONNECTION_NAME": "NoSuchConnection"})
    async with serve(settings, clock=morning) as url, aiohttp.ClientSession() as session:
        teams = Teams(sandbox, url, session, signed=True, today=morning().date())
        user = teams.user()
        chat = teams.conversation(user)
        card = await sign_in_card(teams, chat)
        assert card["buttons"][0]["value"] == f"api://botid-{BOT_APP_ID}"  # no sign-in link to offer

        status, _ = await verify_state(teams, chat, "123456")
        assert status == 200
        assert teams.messages(chat)[-1]["text"] == texts.SIGN_IN_INCOMPLETE

        status, _ = await exchange(teams, chat, card["tokenExchangeResource"]["id"])
        assert status == 200
        assert "Quarterly budget review" in card_text(attachments_of(teams.messages(chat)[-1])[0])


async def test_without_a_connection_the_button_has_no_sign_in_link_and_verify_state_says_so(sandbox):
    settings = Settings.from_mapping(sandbox.bot_env(oauth_connection=False))
    async with serve(settings, clock=morning) as url, aiohttp.ClientSession() as session:
        regrets = Teams(sandbox, url, session, signed=True, today=morning().date())
        user = regrets.user()
        chat = regrets.conversation(user)
        calls = sandbox.token_service.count()
        card = await sign_in_card(regrets, chat)
        assert card["buttons"][0]["value"] == f"api://botid-{BOT_APP_ID}"
        assert not card.get("connectionName")

        status, _ = await verify_state(regrets, chat, "123456")
        assert status == 200
        assert regrets.messages(chat)[-1]["text"] == texts.SIGN_IN_FAILED
        assert sandbox.token_service.count() == calls
        assert graph_calls_of(sandbox, user) == []


async def test_the_token_service_answers_only_the_bot_that_owns_the_connection(sandbox):
    url = f"{sandbox.token_service.url}/api/usertoken/GetToken"
    query = {"userId": "29:someone", "connectionName": OAUTH_CONNECTION, "channelId": "msteams"}
    stranger = sandbox.entra.register_app()
    async with aiohttp.ClientSession() as session:
        async with session.get(url, params=query) as anonymous:
            assert anonymous.status == 401
        headers = {"Authorization": f"Bearer {await app_token(session, sandbox, stranger)}"}
        async with session.get(url, params=query, headers=headers) as other_bot:
            assert other_bot.status == 400
            assert (await other_bot.json())["error"]["code"] == "BadArgument"
        headers = {"Authorization": f"Bearer {await app_token(session, sandbox, sandbox.bot_app)}"}
        async with session.get(url, params=query, headers=headers) as owner:
            assert owner.status == 404  # its own connection, but this user never signed in


async def app_token(session: aiohttp.ClientSession, sandbox, app) -> str:
    """A bot's own token for the Bot Framework services, from the Entra stand-in."""
    form = {
        "grant_type": "client_credentials",
        "client_id": app.client_id,
        "client_secret": app.secret,
        "scope": "https://api.botframework.com/.default",
    }
    tls = ssl.create_default_context(cafile=str(sandbox.ca.ca_file))
    async with session.post(f"{sandbox.entra.url}/botframework.com/oauth2/v2.0/token", data=form, ssl=tls) as response:
        assert response.status == 200, await response.text()
        return (await response.json())["access_token"]


async def test_sign_out_also_forgets_the_users_token_at_the_token_service(teams, sandbox):
    user = teams.user()
    chat = teams.conversation(user)
    card = await sign_in_card(teams, chat)
    [button] = card["buttons"]
    code = sandbox.token_service.complete_sign_in(button["value"], user.entra)
    status, _ = await verify_state(teams, chat, code)
    assert status == 200
    user_id = f"29:{user.oid}"
    assert sandbox.token_service.has_token(BOT_APP_ID, OAUTH_CONNECTION, user_id)

    await teams.say(chat, "sign out")

    assert "signed out" in teams.messages(chat)[-1]["text"]
    assert not sandbox.token_service.has_token(BOT_APP_ID, OAUTH_CONNECTION, user_id)
