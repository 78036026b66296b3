"""The bot's own connector credentials: one token per process, renewed before expiry."""

from __future__ import annotations

import asyncio
import logging

import pytest
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.aio import ConnectorClient

from bot.credentials import CachedCredentialsFactory
from tests.fixtures.identity import BOT_APP_ID, BOT_APP_SECRET, JWT, FakeClock

SCOPE = "https://api.botframework.com"


@pytest.fixture
def factory(test_ca):
    made: list[CachedCredentialsFactory] = []

    def make(app_id: str = BOT_APP_ID, password: str = BOT_APP_SECRET, **options) -> CachedCredentialsFactory:
        made.append(
            CachedCredentialsFactory(app_id, password, ca_bundle=str(test_ca.bundle_file), timeout=2.0, **options)
        )
        return made[-1]

    yield make
    for item in made:
        item.close()


async def test_fifty_turns_make_one_client_credentials_request(entra, factory):
    credentials_factory = factory()
    login = entra.authority("botframework.com")

    tokens = set()
    for _ in range(50):
        credentials = await credentials_factory.create_credentials(BOT_APP_ID, SCOPE, login, True)
        await credentials.ensure_token()
        tokens.add(credentials.get_access_token())

    assert len(tokens) == 1
    assert entra.count("client_credentials") == 1
    claims = entra.verify_bot_token(tokens.pop())
    assert claims["aud"] == SCOPE and claims["appid"] == BOT_APP_ID


async def test_concurrent_turns_share_one_token_request(entra, factory):
    credentials = await factory().create_credentials(BOT_APP_ID, SCOPE, entra.authority("botframework.com"), True)

    tokens = await asyncio.gather(*(credentials.ensure_token() for _ in range(20)))

    assert len(set(tokens)) == 1
    assert entra.count("client_credentials") == 1


async def test_the_token_is_renewed_once_when_it_nears_expiry(entra, factory):
    clock = FakeClock()
    credentials_factory = factory(clock=clock)
    login = entra.authority("botframework.com")
    credentials = await credentials_factory.create_credentials(BOT_APP_ID, SCOPE, login, True)
    first = await credentials.ensure_token()

    clock.now += entra.token_lifetime - 200  # inside the 5-minute renewal window
    second = await credentials.ensure_token()
    for _ in range(10):
        assert await credentials_factory.ensure_token(BOT_APP_ID, SCOPE, login) == second

    assert second != first
    assert entra.count("client_credentials") == 2


async def test_each_audience_gets_its_own_credentials(entra, factory):
    credentials_factory = factory()
    login = entra.authority("botframework.com")

    channel = await credentials_factory.ensure_token(BOT_APP_ID, SCOPE, login)
    skill = await credentials_factory.ensure_token(BOT_APP_ID, "api://skill-app", login)

    assert entra.verify_bot_token(channel)["aud"] == SCOPE
    assert entra.verify_bot_token(skill, audience="api://skill-app")["aud"] == "api://skill-app"
    assert entra.count("client_credentials") == 2


async def test_a_non_microsoft_authority_is_used_without_instance_discovery(entra, factory):
    # With validation on, MSAL would ask login.microsoftonline.com about an unknown host; the
    # loopback guard refuses that, so success means no such request was made.
    token = await factory().ensure_token(BOT_APP_ID, SCOPE, entra.authority("botframework.com"), True)

    assert entra.verify_bot_token(token)["appid"] == BOT_APP_ID
    assert all("instance" not in path for path in entra.discovery_requests)


async def test_without_an_app_id_the_credentials_are_anonymous(entra, factory):
    credentials_factory = factory(app_id="", password="")

    credentials = await credentials_factory.create_credentials("", SCOPE, entra.authority("botframework.com"), True)

    assert await credentials_factory.is_authentication_disabled()
    assert not credentials.microsoft_app_id
    assert await credentials_factory.ensure_token("", SCOPE, entra.authority("botframework.com")) is None
    assert entra.count() == 0


async def test_another_app_id_is_refused(entra, factory):
    with pytest.raises(PermissionError):
        await factory().create_credentials("someone-else", SCOPE, entra.authority("botframework.com"), True)


async def test_a_wrong_secret_is_a_permission_error(entra, factory):
    credentials = await factory(password="wrong").create_credentials(
        BOT_APP_ID, SCOPE, entra.authority("botframework.com"), True
    )

    with pytest.raises(PermissionError):
        await credentials.ensure_token()
    assert entra.count("client_credentials", ok=False) == 1


async def test_replies_reach_the_connector_with_the_bots_bearer_token(entra, channel, factory, caplog):
    caplog.set_level(logging.DEBUG)
    credentials = await factory().create_credentials(BOT_APP_ID, SCOPE, entra.authority("botframework.com"), True)
    await credentials.ensure_token()
    async with ConnectorClient(credentials, base_url=channel.service_url) as client:
        for text in ("one", "two", "three"):
            await client.conversations.send_to_conversation(
                "a:conversation", Activity(type=ActivityTypes.message, text=text)
            )

    calls = channel.wait_for(3)
    assert [c.text for c in calls] == ["one", "two", "three"]
    assert all(c.status == 201 for c in calls)
    scheme, _, token = calls[0].authorization.partition(" ")
    assert scheme == "Bearer" and entra.verify_bot_token(token)["appid"] == BOT_APP_ID
    assert entra.count("client_credentials") == 1
    assert not JWT.search(caplog.text)
