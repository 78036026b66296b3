"""The connector client on aiohttp (`bot.connector_http`) behaves on the wire as the stock one does.

Stock msrest sends with `requests` in a worker thread; this pipeline must keep what the
connector sees: the bot's bearer token, the JSON bodies, the answers read back, and the
same retry rules (idempotent methods retried after 429/5xx, a POST never sent twice).
"""

from __future__ import annotations

import pytest
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.aio import ConnectorClient
from msrest.exceptions import HttpOperationError

from bot.connector_http import aiohttp_pipeline, connector_session
from bot.credentials import CachedCredentialsFactory
from tests.fixtures.identity import BOT_APP_ID, BOT_APP_SECRET

SCOPE = "https://api.botframework.com"


@pytest.fixture
async def connector(entra, channel, test_ca):
    factory = CachedCredentialsFactory(BOT_APP_ID, BOT_APP_SECRET, ca_bundle=str(test_ca.bundle_file), timeout=2.0)
    credentials = await factory.create_credentials(BOT_APP_ID, SCOPE, entra.authority("botframework.com"), True)
    await credentials.ensure_token()
    session = connector_session(str(test_ca.bundle_file))
    client = ConnectorClient(credentials, base_url=channel.service_url, pipeline_type=aiohttp_pipeline(session))
    yield client
    await session.close()
    factory.close()


def message(text: str) -> Activity:
    return Activity(type=ActivityTypes.message, text=text)


async def test_replies_carry_the_bots_bearer_token_and_their_body(connector, channel, entra):
    sent = await connector.conversations.send_to_conversation("a:chat", message("hello"))

    [call] = channel.wait_for(1)
    assert call.text == "hello" and call.status == 201
    assert sent.id == call.response_id  # the connector's answer is read back
    scheme, _, token = call.authorization.partition(" ")
    assert scheme == "Bearer" and entra.verify_bot_token(token)["appid"] == BOT_APP_ID


async def test_an_update_throttled_with_retry_after_is_sent_again(connector, channel):
    channel.fail_next(429, retry_after=0)
    updated = Activity(type=ActivityTypes.message, text="replaced", id="1:card")

    await connector.conversations.update_activity("a:chat", "1:card", updated)

    calls = channel.wait_for(2, method="PUT")
    assert [c.status for c in calls] == [429, 200]


async def test_a_reply_answered_503_is_not_sent_twice(connector, channel):
    channel.fail_next(503)

    with pytest.raises(HttpOperationError):
        await connector.conversations.send_to_conversation("a:chat", message("once"))

    assert [c.status for c in channel.calls if c.method == "POST"] == [503]


async def test_a_delete_with_an_empty_answer_succeeds(connector, channel):
    await connector.conversations.delete_activity("a:chat", "1:gone")

    [call] = channel.wait_for(1, method="DELETE")
    assert call.status == 200 and call.activity_id == "1:gone"
