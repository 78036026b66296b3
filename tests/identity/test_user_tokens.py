"""UserTokens against the Entra stand-in over HTTPS: OBO once, then silent renewal."""

from __future__ import annotations

import asyncio
import logging

import pytest

from graph.token_cache import EncryptedCacheStore, MemoryStore
from graph.tokens import (
    AssertionExpired,
    ConsentRequired,
    IdentityUnavailable,
    InteractionRequired,
    SessionRevoked,
    SignInRequired,
)
from tests.fixtures.identity import BOT_APP_ID, JWT, FakeClock


async def test_a_second_get_by_the_same_user_makes_no_token_request(entra, alice, user_tokens):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    before = entra.count()

    first = await tokens.get(alice.oid)
    second = await tokens.get(alice.oid)

    assert first == second
    assert entra.count() == before
    assert entra.count("on_behalf_of", user=alice) == 1
    claims = entra.verify_graph_token(first)
    assert claims["oid"] == alice.oid
    assert set(claims["scp"].split()) == {"Calendars.ReadWrite", "MailboxSettings.Read"}


async def test_after_a_restart_the_user_is_not_asked_to_sign_in_again(entra, alice, user_tokens, token_store):
    await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))

    restarted = user_tokens(store=token_store)
    token = await restarted.get(alice.oid)

    assert entra.verify_graph_token(token)["oid"] == alice.oid
    assert entra.count("on_behalf_of") == 1


async def test_after_a_restart_an_expiring_token_is_renewed_with_the_refresh_token(
    entra, alice, user_tokens, token_store
):
    entra.token_lifetime = 200  # under MSAL's 5-minute threshold: every cache read renews
    await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))

    token = await user_tokens(store=token_store).get(alice.oid)

    assert entra.verify_graph_token(token)["oid"] == alice.oid
    assert entra.count("on_behalf_of") == 1
    assert entra.count("refresh_token", user=alice, ok=True) == 1


async def test_another_instance_sharing_the_store_serves_the_user_without_obo(entra, alice, user_tokens, token_store):
    first, second = user_tokens(store=token_store), user_tokens(store=token_store)
    await first.sign_in(alice.oid, entra.issue_sso_token(alice))

    token = await second.get(alice.oid, force_refresh=True)

    assert entra.verify_graph_token(token)["oid"] == alice.oid
    assert entra.count("on_behalf_of") == 1
    assert entra.count("refresh_token") == 1


async def test_two_users_never_see_each_others_tokens(entra, alice, bob, user_tokens, token_store):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    await tokens.sign_in(bob.oid, entra.issue_sso_token(bob))

    restarted = user_tokens(store=token_store)
    claims = {
        user.oid: entra.verify_graph_token(await restarted.get(user.oid, force_refresh=True)) for user in (alice, bob)
    }

    assert claims[alice.oid]["oid"] == alice.oid and claims[alice.oid]["upn"] == alice.upn
    assert claims[bob.oid]["oid"] == bob.oid and claims[bob.oid]["upn"] == bob.upn
    assert len(token_store.data) == 2


async def test_a_cache_record_copied_to_another_user_does_not_decrypt(entra, alice, bob, user_tokens, token_store):
    await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))
    token_store.data[EncryptedCacheStore.key_for(bob.oid)] = token_store.data[EncryptedCacheStore.key_for(alice.oid)]

    with pytest.raises(SignInRequired):
        await user_tokens(store=token_store).get(bob.oid)
    assert entra.count("refresh_token") == 0


async def test_concurrent_gets_of_one_user_share_one_token_request(entra, alice, user_tokens, token_store):
    entra.token_lifetime = 200
    await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))
    restarted = user_tokens(store=token_store)

    results = await asyncio.gather(*(restarted.get(alice.oid) for _ in range(10)))

    assert len(set(results)) == 1
    assert entra.count("refresh_token") == 1


async def test_a_user_without_a_cache_must_sign_in_and_no_request_is_made(entra, alice, user_tokens):
    with pytest.raises(SignInRequired):
        await user_tokens().get(alice.oid)
    assert entra.count() == 0


async def test_consent_required_raises_with_the_admin_consent_url(entra, alice, user_tokens, token_store):
    entra.fail("consent_required", user=alice)

    with pytest.raises(ConsentRequired) as caught:
        await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))

    assert caught.value.consent_url == f"{entra.url}/{alice.tenant}/adminconsent?client_id={BOT_APP_ID}"
    assert caught.value.error_codes == (65001,)
    assert token_store.data == {}


async def test_a_permission_nobody_consented_to_is_consent_required(entra, alice, bot_app, user_tokens):
    bot_app.consented = {"Calendars.ReadWrite"}  # MailboxSettings.Read was never granted

    with pytest.raises(ConsentRequired):
        await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))


async def test_interaction_required_on_renewal_drops_the_cache_and_keeps_the_claims(
    entra, alice, user_tokens, token_store
):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    entra.fail("interaction_required", user=alice, grant="refresh_token")

    with pytest.raises(InteractionRequired) as caught:
        await tokens.get(alice.oid, force_refresh=True)

    assert "capolids" in caught.value.claims
    assert token_store.data == {}
    requests_so_far = entra.count()
    with pytest.raises(SignInRequired):
        await tokens.get(alice.oid)
    assert entra.count() == requests_so_far


async def test_an_expired_sso_token_is_assertion_expired(entra, alice, user_tokens, token_store):
    with pytest.raises(AssertionExpired) as caught:
        await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice, expires_in=-600))

    assert isinstance(caught.value, SignInRequired)
    assert 500133 in caught.value.error_codes
    assert token_store.data == {}


async def test_an_sso_token_for_another_app_cannot_be_exchanged(entra, alice, user_tokens):
    other = entra.register_app()

    with pytest.raises(SignInRequired):
        await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice, app=other))


async def test_a_revoked_refresh_token_drops_the_cache_so_sso_runs_again(entra, alice, user_tokens, token_store):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    assert entra.revoke(alice) == 1

    with pytest.raises(SessionRevoked):
        await tokens.get(alice.oid, force_refresh=True)

    assert token_store.data == {}
    with pytest.raises(SignInRequired):
        await tokens.get(alice.oid)
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    assert entra.verify_graph_token(await tokens.get(alice.oid))["oid"] == alice.oid


async def test_entra_answering_503_is_identity_unavailable(entra, alice, user_tokens, token_store):
    entra.fail("down")

    with pytest.raises(IdentityUnavailable):
        await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))


async def test_entra_down_during_renewal_keeps_the_users_cache(entra, alice, user_tokens, token_store):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    stored = dict(token_store.data)
    entra.fail("down", grant="refresh_token")

    with pytest.raises(IdentityUnavailable):
        await tokens.get(alice.oid, force_refresh=True)

    assert token_store.data == stored


async def test_a_dropped_connection_is_identity_unavailable(entra, alice, user_tokens):
    entra.fail("close", grant="on_behalf_of")

    with pytest.raises(IdentityUnavailable):
        await user_tokens().sign_in(alice.oid, entra.issue_sso_token(alice))
    assert entra.count("on_behalf_of", ok=True) == 0


async def test_a_slow_entra_times_out_as_identity_unavailable(entra, alice, user_tokens):
    entra.fail("slow", delay=1.0, times=1)

    with pytest.raises(IdentityUnavailable):
        await user_tokens(timeout=0.2).sign_in(alice.oid, entra.issue_sso_token(alice))


async def test_an_unreachable_authority_is_identity_unavailable(entra, alice, test_ca, token_store):
    import socket

    from graph.tokens import UserTokens

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tokens = UserTokens(
        BOT_APP_ID,
        "secret",
        f"https://127.0.0.1:{port}/organizations",
        store=token_store,
        secret="s",
        ca_bundle=str(test_ca.bundle_file),
        timeout=1.0,
    )
    with pytest.raises(IdentityUnavailable):
        await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    tokens.close()


async def test_sign_out_forgets_the_user(entra, alice, user_tokens, token_store):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))

    await tokens.sign_out(alice.oid)

    assert token_store.data == {}
    with pytest.raises(SignInRequired):
        await tokens.get(alice.oid)


async def test_the_token_source_forces_a_renewal_when_asked(entra, alice, user_tokens):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    source = tokens.source(alice.oid)

    cached = await source()
    renewed = await source(force_refresh=True)

    assert renewed != cached
    assert await tokens.get(alice.oid) == renewed
    assert entra.verify_graph_token(renewed)["oid"] == alice.oid
    assert entra.count("refresh_token") == 1


async def test_the_cache_at_rest_holds_no_token_in_clear(entra, alice, user_tokens, token_store):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    access_token = await tokens.get(alice.oid, force_refresh=True)  # rotates the refresh token and saves again

    stored = b"".join(token_store.data.values())
    assert stored
    # Not "no eyJ anywhere": ciphertext is base64 and holds any three letters now and then.
    assert access_token.encode() not in stored
    assert access_token.split(".")[1].encode() not in stored
    for plain in (b"AccessToken", b"RefreshToken", b"IdToken", b"secret", b"home_account_id"):
        assert plain not in stored
    assert alice.upn.encode() not in stored and alice.oid.encode() not in stored
    for refresh_token in entra.refresh_tokens_of(alice):
        assert refresh_token.encode() not in stored


async def test_a_hundred_turns_in_an_hour_cost_one_obo_and_one_renewal(entra, alice, user_tokens):
    clock = FakeClock()
    tokens = user_tokens(clock=clock)
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))

    for _ in range(100):  # one turn every 36 s for an hour
        await tokens.get(alice.oid)
        clock.now += 36

    assert entra.count("on_behalf_of", user=alice) == 1
    assert entra.count("refresh_token", user=alice) == 1


async def test_the_logs_of_a_whole_sign_in_never_contain_a_token(entra, alice, user_tokens, caplog):
    caplog.set_level(logging.DEBUG)
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    await tokens.get(alice.oid, force_refresh=True)
    entra.fail("interaction_required", user=alice, grant="refresh_token")
    with pytest.raises(InteractionRequired):
        await tokens.get(alice.oid, force_refresh=True)
    with pytest.raises(AssertionExpired):
        await tokens.sign_in(alice.oid, entra.issue_sso_token(alice, expires_in=-600))

    assert caplog.records  # the run did log (MSAL, urllib3, ours)
    assert not JWT.search(caplog.text)
    # MSAL's DEBUG dump shows client_info (base64 JSON of the non-secret uid/utid, so "eyJ...");
    # nothing else may look like base64 JSON.
    assert not any("eyJ" in r.getMessage() for r in caplog.records if not r.name.startswith("msal"))
    for refresh_token in entra.refresh_tokens_of(alice):
        assert refresh_token not in caplog.text


async def test_a_memory_store_is_a_key_value_store():
    store = MemoryStore()
    await store.set("k", b"v")
    assert await store.get("k") == b"v"
    await store.delete("k")
    assert await store.get("k") is None
