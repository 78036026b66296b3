"""The Entra ID stand-in speaks the identity platform's wire format."""

from __future__ import annotations

import ssl

import httpx
import pytest

from sandbox.entra import BOTFRAMEWORK_TENANT
from sandbox.keys import InvalidToken
from tests.fixtures.identity import BOT_APP_ID, BOT_APP_SECRET

ERROR_FIELDS = {"error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id"}


@pytest.fixture
async def http(test_ca):
    async with httpx.AsyncClient(
        verify=ssl.create_default_context(cafile=str(test_ca.ca_file)), trust_env=False, timeout=5
    ) as client:
        yield client


@pytest.mark.parametrize(
    "tenant", ["5f2b6c1e-8c0a-4b7e-9d4a-3e1f0a2b7c9d", "organizations", "common", "botframework.com"]
)
async def test_the_openid_configuration_points_at_the_stand_in(entra, http, tenant):
    response = await http.get(f"{entra.url}/{tenant}/v2.0/.well-known/openid-configuration")

    assert response.status_code == 200
    document = response.json()
    path_tenant = BOTFRAMEWORK_TENANT if tenant == "botframework.com" else tenant
    assert document["token_endpoint"] == f"{entra.url}/{path_tenant}/oauth2/v2.0/token"
    assert document["authorization_endpoint"] == f"{entra.url}/{path_tenant}/oauth2/v2.0/authorize"
    assert document["jwks_uri"] == f"{entra.url}/{path_tenant}/discovery/v2.0/keys"
    expected_issuer_tenant = "{tenantid}" if tenant in ("organizations", "common") else path_tenant
    assert document["issuer"] == f"{entra.url}/{expected_issuer_tenant}/v2.0"
    assert "RS256" in document["id_token_signing_alg_values_supported"]


async def test_an_unknown_tenant_is_a_400_with_an_aadsts_code(entra, http):
    response = await http.get(f"{entra.url}/nobody.example/v2.0/.well-known/openid-configuration")

    assert response.status_code == 400
    body = response.json()
    assert ERROR_FIELDS <= body.keys()
    assert body["error_codes"] == [90002]


async def test_the_jwks_publishes_the_keys_tokens_are_signed_with(entra, http, alice):
    jwks = (await http.get(f"{entra.url}/organizations/discovery/v2.0/keys")).json()

    key = jwks["keys"][0]
    assert {"kty", "use", "kid", "n", "e"} <= key.keys() and key["kty"] == "RSA"
    token = entra.issue_sso_token(alice)
    import jwt

    assert jwt.get_unverified_header(token)["kid"] == key["kid"]


async def test_a_wrong_client_secret_is_401_invalid_client_with_the_callers_correlation_id(entra, http):
    response = await http.post(
        f"{entra.url}/botframework.com/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": BOT_APP_ID,
            "client_secret": "nope",
            "scope": "https://api.botframework.com/.default",
        },
        headers={"client-request-id": "11111111-2222-3333-4444-555555555555"},
    )

    assert response.status_code == 401
    body = response.json()
    assert ERROR_FIELDS <= body.keys()
    assert body["error"] == "invalid_client"
    assert body["error_codes"] == [7000215]
    assert body["error_description"].startswith("AADSTS7000215:")
    assert body["correlation_id"] == "11111111-2222-3333-4444-555555555555"


async def test_client_credentials_need_a_default_scope(entra, http):
    response = await http.post(
        f"{entra.url}/botframework.com/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": BOT_APP_ID,
            "client_secret": BOT_APP_SECRET,
            "scope": "https://api.botframework.com",
        },
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


async def test_client_credentials_accept_http_basic_authentication(entra, http):
    response = await http.post(
        f"{entra.url}/botframework.com/oauth2/v2.0/token",
        data={"grant_type": "client_credentials", "scope": "https://api.botframework.com/.default"},
        auth=(BOT_APP_ID, BOT_APP_SECRET),
    )

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == entra.token_lifetime
    assert entra.verify_bot_token(body["access_token"])["tid"] == BOTFRAMEWORK_TENANT


async def test_obo_answers_the_fields_msal_needs_to_build_an_account(entra, http, alice):
    response = await http.post(
        f"{entra.url}/organizations/oauth2/v2.0/token",
        data={
            "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "requested_token_use": "on_behalf_of",
            "assertion": entra.issue_sso_token(alice),
            "client_id": BOT_APP_ID,
            "client_secret": BOT_APP_SECRET,
            "scope": "https://graph.microsoft.com/Calendars.ReadWrite openid profile offline_access",
            "client_info": "1",
        },
    )

    assert response.status_code == 200
    body = response.json()
    assert {"access_token", "refresh_token", "id_token", "client_info", "expires_in", "scope"} <= body.keys()
    claims = entra.verify_graph_token(body["access_token"])
    assert (claims["oid"], claims["tid"], claims["scp"]) == (alice.oid, alice.tenant, "Calendars.ReadWrite")
    assert claims["preferred_username"] == alice.upn and claims["name"] == alice.name


async def test_obo_with_a_token_for_another_audience_is_invalid_grant(entra, http, alice):
    other = entra.register_app()
    response = await http.post(
        f"{entra.url}/organizations/oauth2/v2.0/token",
        data={
            "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "requested_token_use": "on_behalf_of",
            "assertion": entra.issue_sso_token(alice, app=other),
            "client_id": BOT_APP_ID,
            "client_secret": BOT_APP_SECRET,
            "scope": "https://graph.microsoft.com/Calendars.ReadWrite",
        },
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert response.json()["error_codes"] == [500131]


async def test_the_graph_verifier_refuses_an_sso_token_and_a_bot_token(entra, alice):
    with pytest.raises(InvalidToken):
        entra.verify_graph_token(entra.issue_sso_token(alice))
    with pytest.raises(InvalidToken):
        entra.verify_graph_token("not-a-token")


async def test_the_sandbox_sso_endpoint_gives_a_token_the_real_obo_code_accepts(entra, http, user_tokens):
    response = await http.post(
        f"{entra.url}/sandbox/sso-token",
        json={
            "aadObjectId": "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
            "name": "Alex Wilber",
            "upn": "alex@contoso.example",
        },
    )
    assert response.status_code == 200

    tokens = user_tokens()
    await tokens.sign_in("alex", response.json()["token"])

    claims = entra.verify_graph_token(await tokens.get("alex"))
    assert claims["oid"] == "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a" and claims["name"] == "Alex Wilber"


async def test_requests_are_counted_per_grant_and_user(entra, http, alice, bob, user_tokens):
    tokens = user_tokens()
    await tokens.sign_in(alice.oid, entra.issue_sso_token(alice))
    await tokens.sign_in(bob.oid, entra.issue_sso_token(bob))
    await tokens.get(bob.oid, force_refresh=True)

    assert entra.count("on_behalf_of") == 2
    assert entra.count("on_behalf_of", user=alice) == 1
    assert entra.count("refresh_token", user=bob) == 1
    assert entra.count("refresh_token", user=alice) == 0
