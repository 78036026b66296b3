"""The channel stand-in: signing keys the bot can check, forgeries it must refuse, a recording connector."""

from __future__ import annotations

import ssl

import httpx
import pytest

from bot.channel_auth import ChannelTokenValidator
from sandbox.channel import FORGERIES, ISSUER

APP_ID = "3f6b3a9e-2c1d-4e5f-8a7b-9c0d1e2f3a4b"


@pytest.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False, timeout=5) as client:
        yield client


@pytest.fixture
async def bearer(entra, bot_app, test_ca) -> dict[str, str]:
    """An Authorization header with the bot's token from the Entra stand-in."""
    async with httpx.AsyncClient(
        verify=ssl.create_default_context(cafile=str(test_ca.ca_file)), trust_env=False
    ) as client:
        response = await client.post(
            f"{entra.url}/botframework.com/oauth2/v2.0/token",
            data={"grant_type": "client_credentials", "scope": "https://api.botframework.com/.default"},
            auth=(bot_app.client_id, bot_app.secret),
        )
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
def validator(http, channel):
    return ChannelTokenValidator(http, metadata_url=channel.metadata_url, issuer=ISSUER, app_id=APP_ID)


async def test_the_metadata_names_the_keys_and_they_carry_endorsements(channel, http):
    metadata = (await http.get(channel.metadata_url)).json()
    assert metadata["issuer"] == ISSUER
    keys = (await http.get(metadata["jwks_uri"])).json()["keys"]

    assert keys and all(k["kty"] == "RSA" and k["endorsements"] == ["msteams"] for k in keys)


async def test_a_signed_activity_token_is_accepted(channel, validator):
    token = channel.sign_activity_token(APP_ID, channel.service_url)

    claims = await validator.validate(f"Bearer {token}", channel_id="msteams", service_url=channel.service_url)

    assert claims["aud"] == APP_ID and claims["serviceurl"] == channel.service_url


@pytest.mark.parametrize("kind", FORGERIES)
async def test_every_forged_token_is_refused(channel, validator, kind):
    token = channel.forge_activity_token(kind, APP_ID, channel.service_url)

    with pytest.raises(PermissionError):
        await validator.validate(f"Bearer {token}", channel_id="msteams", service_url=channel.service_url)


async def test_the_connector_records_replies_updates_and_deletes(channel, http, bearer):
    base = f"{channel.service_url}v3/conversations/a:1/activities"
    sent = await http.post(base, json={"type": "message", "text": "hello"}, headers=bearer)
    reply = await http.post(f"{base}/{sent.json()['id']}", json={"type": "message", "text": "again"}, headers=bearer)
    updated = await http.put(f"{base}/{sent.json()['id']}", json={"type": "message", "text": "edited"}, headers=bearer)
    deleted = await http.delete(f"{base}/{sent.json()['id']}", headers=bearer)

    assert (sent.status_code, reply.status_code, updated.status_code, deleted.status_code) == (201, 201, 200, 200)
    assert updated.json() == {"id": sent.json()["id"]}
    calls = channel.wait_for(4, method=None)
    assert [(c.method, c.text) for c in calls] == [
        ("POST", "hello"),
        ("POST", "again"),
        ("PUT", "edited"),
        ("DELETE", None),
    ]
    assert calls[1].activity_id == sent.json()["id"]
    assert all(c.authorization == bearer["Authorization"] for c in calls)


async def test_the_connector_refuses_a_request_without_a_valid_token(channel, http):
    response = await http.post(
        f"{channel.service_url}v3/conversations/a:1/activities",
        json={"type": "message", "text": "hi"},
        headers={"Authorization": "Bearer forged"},
    )

    assert response.status_code == 401
    assert channel.replies()[0].status == 401


async def test_waiting_for_more_replies_than_arrive_times_out(channel):
    with pytest.raises(TimeoutError):
        await channel.wait_for_async(1, within=0.1)


async def test_an_injected_throttle_answers_429_with_retry_after(channel, http, bearer):
    channel.fail_next(429, retry_after=3)

    first = await http.post(
        f"{channel.service_url}v3/conversations/a:1/activities", json={"type": "message"}, headers=bearer
    )
    second = await http.post(
        f"{channel.service_url}v3/conversations/a:1/activities", json={"type": "message"}, headers=bearer
    )

    assert (first.status_code, first.headers["Retry-After"], second.status_code) == (429, "3", 201)
