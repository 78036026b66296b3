"""The channel validator remembers a verified token, and still refuses it when it should.

Teams sends one token with many activities; its signature is checked once, and every
request still checks expiry, the signing key's endorsement and the serviceurl claim.
"""

from __future__ import annotations

import httpx
import pytest

from bot.channel_auth import CLOCK_SKEW_SECONDS, ChannelTokenValidator
from sandbox.channel import FORGERIES, ISSUER
from tests.fixtures.identity import FakeClock

APP_ID = "3f6b3a9e-2c1d-4e5f-8a7b-9c0d1e2f3a4b"


@pytest.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False, timeout=5) as client:
        yield client


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def validator(http, channel, clock):
    return ChannelTokenValidator(http, metadata_url=channel.metadata_url, issuer=ISSUER, app_id=APP_ID, clock=clock)


async def validate(validator, token: str, channel, *, channel_id="msteams", service_url=None) -> dict:
    return await validator.validate(
        f"Bearer {token}",
        channel_id=channel_id,
        service_url=channel.service_url if service_url is None else service_url,
    )


async def test_a_token_reused_for_many_activities_is_verified_once(channel, validator):
    token = channel.sign_activity_token(APP_ID, channel.service_url)

    answers = [await validate(validator, token, channel) for _ in range(5)]

    assert validator.signatures_checked == 1
    assert all(a["aud"] == APP_ID and a["serviceurl"] == channel.service_url for a in answers)
    assert channel.metadata_requests == 1


async def test_a_remembered_token_is_refused_once_it_expires(channel, validator, clock):
    token = channel.sign_activity_token(APP_ID, channel.service_url, expires_in=60)
    await validate(validator, token, channel)

    clock.now += 60 + CLOCK_SKEW_SECONDS - 5
    await validate(validator, token, channel)  # still inside the allowed clock skew
    clock.now += 10
    with pytest.raises(PermissionError):
        await validate(validator, token, channel)


async def test_a_remembered_token_for_another_service_url_is_refused(channel, validator):
    token = channel.sign_activity_token(APP_ID, channel.service_url)
    await validate(validator, token, channel)

    with pytest.raises(PermissionError):
        await validate(validator, token, channel, service_url="https://smba.trafficmanager.net/evil/")
    assert validator.signatures_checked == 1  # refused from memory, and not forgotten for the right URL
    await validate(validator, token, channel)


async def test_a_remembered_token_is_refused_for_a_channel_its_key_is_not_endorsed_for(channel, validator):
    token = channel.sign_activity_token(APP_ID, channel.service_url)
    await validate(validator, token, channel)

    with pytest.raises(PermissionError):
        await validate(validator, token, channel, channel_id="webchat")


@pytest.mark.parametrize("kind", FORGERIES)
async def test_a_refused_token_is_never_remembered(channel, validator, kind):
    token = channel.forge_activity_token(kind, APP_ID, channel.service_url)

    for _ in range(2):
        with pytest.raises(PermissionError):
            await validate(validator, token, channel)


async def test_only_the_newest_tokens_are_remembered(channel, http, clock):
    validator = ChannelTokenValidator(
        http, metadata_url=channel.metadata_url, issuer=ISSUER, app_id=APP_ID, clock=clock, cache_size=2
    )
    first, second, third = (
        channel.sign_activity_token(APP_ID, channel.service_url, expires_in=3600 + i) for i in range(3)
    )
    for token in (first, second, third, third, second):
        await validate(validator, token, channel)
    assert validator.signatures_checked == 3

    await validate(validator, first, channel)  # pushed out by the third: verified again
    assert validator.signatures_checked == 4
