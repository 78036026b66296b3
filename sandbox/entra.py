"""Entra ID (Microsoft identity platform v2) stand-in, served over HTTPS on loopback.

What it does on the wire, as Microsoft documents it:
- `GET /{tenant}/v2.0/.well-known/openid-configuration` and `GET /{tenant}/discovery/v2.0/keys`
  for GUID tenants, verified domains, `common`, `organizations` and `botframework.com`;
- `POST /{tenant}/oauth2/v2.0/token` (form-encoded, client secret in the body or HTTP Basic):
  `client_credentials` (`{resource}/.default`), the on-behalf-of `jwt-bearer` grant (the
  assertion must be a token this stand-in signed for the app's SSO resource or app id,
  not expired) and `refresh_token` (rotating refresh tokens, revocable per user);
- errors as JSON `{error, error_description (AADSTSnnnn: ...), error_codes, timestamp,
  trace_id, correlation_id, suberror?, claims?}` with 400/401 (503 when "down").

Failures are injected per user and/or grant: consent_required (AADSTS65001),
interaction_required (AADSTS50076 with a claims challenge), down (503), close (the
connection is dropped without an answer), slow (answers after a delay).
Every token request is recorded, so tests can count requests per grant and per user.

Test and demo helpers: `issue_sso_token(user)` (what Teams hands the bot),
`verify_graph_token(token)` (for the Graph stand-in), `verify_bot_token(token)` (for the
connector stand-in) and, for the local demo only, `POST /sandbox/sso-token`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import re
import secrets
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus

import jwt
from aiohttp import web

from sandbox.clock import wall_now
from sandbox.keys import InvalidToken, KeySet, b64url
from sandbox.server import NAME, HostedStandIn, ServiceThread
from sandbox.tls import TestCA

GRAPH_RESOURCE = "https://graph.microsoft.com"
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
BOTFRAMEWORK_TENANT = "d6d49420-f39b-4df7-a1dc-d59a935871db"
DEFAULT_TENANT = "5f2b6c1e-8c0a-4b7e-9d4a-3e1f0a2b7c9d"
TEAMS_CLIENT_ID = "1fec8e78-bce4-4aaf-ab1b-5451cc387264"
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
GRANT_NAMES = {"client_credentials": "client_credentials", JWT_BEARER: "on_behalf_of", "refresh_token": "refresh_token"}
FAILURE_KINDS = ("consent_required", "interaction_required", "down", "server_error", "close", "slow")


@dataclass
class App:
    client_id: str
    secret: str
    sso_resource: str
    name: str = "Regrets"
    # Delegated permissions users/admins consented to (short names); None means all.
    consented: set[str] | None = None


@dataclass
class User:
    oid: str
    upn: str
    name: str
    tenant: str = DEFAULT_TENANT


@dataclass
class TokenRequest:
    grant: str  # client_credentials | on_behalf_of | refresh_token | <raw grant_type>
    client_id: str | None
    user: str | None  # the user's oid, when the grant is for a user
    tenant: str
    scope: str
    status: int = 0
    error: str | None = None
    error_code: int | None = None


@dataclass
class Failure:
    kind: str
    user: str | None = None
    grant: str | None = None
    remaining: int | None = None
    delay: float = 0.0
    discovery: bool = False


@dataclass
class _RefreshToken:
    client_id: str
    oid: str
    tenant: str
    revoked: bool = False


@dataclass
class _Error(Exception):
    status: int
    error: str
    code: int
    description: str
    suberror: str | None = None
    claims: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _now_stamp() -> str:
    return wall_now().strftime("%Y-%m-%d %H:%M:%SZ")


class EntraStandIn(HostedStandIn):
    """A stateful Entra ID: registered apps and users, issued refresh tokens, a request log."""

    def __init__(self, ca: TestCA, *, tenant: str = DEFAULT_TENANT, token_lifetime: int = 3599) -> None:
        self.tenant = tenant
        self.token_lifetime = self._default_lifetime = token_lifetime
        self.keys = KeySet()
        self._lock = threading.RLock()
        self.apps: dict[str, App] = {}
        self.users: dict[str, User] = {}
        self.requests: list[TokenRequest] = []
        self.discovery_requests: list[str] = []
        self._failures: list[Failure] = []
        self._refresh_tokens: dict[str, _RefreshToken] = {}
        self._domains = {"botframework.com": BOTFRAMEWORK_TENANT}
        self._service = ServiceThread(self._build_app(), ssl_context=ca.server_context)

    # ---- addresses -------------------------------------------------------------
    def authority(self, tenant: str | None = None) -> str:
        return f"{self.url}/{tenant or self.tenant}"

    def reset(self) -> None:
        """Forget apps, users, tokens, failures and the request log (keys stay)."""
        with self._lock:
            self.token_lifetime = self._default_lifetime
            self.apps.clear()
            self.users.clear()
            self.requests.clear()
            self.discovery_requests.clear()
            self._failures.clear()
            self._refresh_tokens.clear()

    # ---- directory -------------------------------------------------------------
    def register_app(
        self,
        client_id: str | None = None,
        secret: str | None = None,
        *,
        sso_resource: str | None = None,
        name: str = "Regrets",
        consented: Iterable[str] | None = None,
    ) -> App:
        client_id = client_id or str(uuid.uuid4())
        app = App(
            client_id=client_id,
            secret=secret or secrets.token_urlsafe(24),
            sso_resource=sso_resource or f"api://botid-{client_id}",
            name=name,
            consented=set(consented) if consented is not None else None,
        )
        with self._lock:
            self.apps[client_id] = app
        return app

    def register_user(self, upn: str, name: str, *, oid: str | None = None, tenant: str | None = None) -> User:
        user = User(oid=oid or str(uuid.uuid4()), upn=upn, name=name, tenant=tenant or self.tenant)
        with self._lock:
            self.users[user.oid] = user
        return user

    # ---- failures and revocation -------------------------------------------------
    def fail(
        self,
        kind: str,
        *,
        user: User | str | None = None,
        grant: str | None = None,
        times: int | None = None,
        delay: float = 0.0,
        discovery: bool = False,
    ) -> None:
        """Make matching token requests fail (`times` of them, or until `heal()`)."""
        if kind not in FAILURE_KINDS:
            raise ValueError(f"unknown failure kind {kind!r}")
        oid = user.oid if isinstance(user, User) else user
        with self._lock:
            self._failures.append(Failure(kind, oid, grant, times, delay, discovery))

    def heal(self) -> None:
        with self._lock:
            self._failures.clear()

    def revoke(self, user: User | str) -> int:
        """Revoke every refresh token of a user (like revokeSignInSessions); returns how many."""
        oid = user.oid if isinstance(user, User) else user
        with self._lock:
            tokens = [t for t in self._refresh_tokens.values() if t.oid == oid and not t.revoked]
            for token in tokens:
                token.revoked = True
        return len(tokens)

    def refresh_tokens_of(self, user: User | str) -> list[str]:
        oid = user.oid if isinstance(user, User) else user
        with self._lock:
            return [rt for rt, t in self._refresh_tokens.items() if t.oid == oid]

    # ---- counters ---------------------------------------------------------------
    def count(
        self,
        grant: str | None = None,
        *,
        user: User | str | None = None,
        client_id: str | None = None,
        ok: bool | None = None,
    ) -> int:
        oid = user.oid if isinstance(user, User) else user
        with self._lock:
            return sum(
                1
                for r in self.requests
                if (grant is None or r.grant == grant)
                and (oid is None or r.user == oid)
                and (client_id is None or r.client_id == client_id)
                and (ok is None or (r.status == 200) == ok)
            )

    # ---- tokens for tests and the other stand-ins ----------------------------------
    def issue_sso_token(
        self,
        user: User | str,
        *,
        app: App | str | None = None,
        expires_in: int = 3600,
        version: int = 1,
        scope: str = "access_as_user",
    ) -> str:
        """The token Teams gets silently for the bot's SSO resource and hands to the bot."""
        person = self._user(user)
        application = self._app(app)
        now = int(time.time())
        claims = {
            "aud": application.sso_resource if version == 1 else application.client_id,
            "iss": self._issuer(person.tenant, version),
            "iat": now,
            "nbf": now,
            "exp": now + expires_in,
            "appid" if version == 1 else "azp": TEAMS_CLIENT_ID,
            "name": person.name,
            "oid": person.oid,
            "scp": scope,
            "sub": self._sub(person.oid, application),
            "tid": person.tenant,
            "upn": person.upn,
            "preferred_username": person.upn,
            "uti": b64url(uuid.uuid4().bytes),
            "ver": f"{version}.0",
        }
        return self.keys.current.sign(claims)

    def verify_graph_token(self, token: str) -> dict[str, Any]:
        """Claims of a valid delegated Graph token from this stand-in; raises InvalidToken."""
        claims = self.keys.verify(token, audience=[GRAPH_RESOURCE, GRAPH_APP_ID])
        if not str(claims.get("iss", "")).startswith(self.url):
            raise InvalidToken("wrong issuer")
        if not claims.get("oid") or not claims.get("scp"):
            raise InvalidToken("not a delegated user token")
        return claims

    def verify_bot_token(self, token: str, audience: str = "https://api.botframework.com") -> dict[str, Any]:
        """Claims of a valid app-only token for `audience` (what the connector checks)."""
        claims = self.keys.verify(token, audience=[audience])
        if not str(claims.get("iss", "")).startswith(self.url):
            raise InvalidToken("wrong issuer")
        return claims

    # ---- internals: directory lookups -------------------------------------------------
    def _user(self, user: User | str) -> User:
        if isinstance(user, User):
            return user
        with self._lock:
            return self.users[user]

    def _app(self, app: App | str | None) -> App:
        if isinstance(app, App):
            return app
        with self._lock:
            if app is None:
                return next(iter(self.apps.values()))
            return self.apps[app]

    def _resolve_tenant(self, tenant: str) -> str | None:
        """The tenant GUID for a path segment; `common`/`organizations` stay as they are."""
        lowered = tenant.lower()
        if lowered in ("common", "organizations", "consumers") or GUID.match(lowered):
            return lowered
        with self._lock:
            return self._domains.get(lowered)

    def _issuer(self, tenant: str, version: int = 2) -> str:
        return f"{self.url}/{tenant}/v2.0" if version == 2 else f"{self.url}/{tenant}/"

    @staticmethod
    def _sub(oid: str, app: App) -> str:
        # Pairwise subject: stable per user and application.
        return b64url(hashlib.sha256(f"{oid}:{app.client_id}".encode()).digest())[:43]

    # ---- HTTP -------------------------------------------------------------------------
    def _build_app(self) -> web.Application:
        app = web.Application()
        app[NAME] = "entra"
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self._openid_configuration)
        app.router.add_get("/{tenant}/discovery/v2.0/keys", self._jwks)
        app.router.add_get("/{tenant}/discovery/keys", self._jwks)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_post("/sandbox/sso-token", self._sandbox_sso_token)
        return app

    def _error_response(self, request: web.Request, err: _Error) -> web.Response:
        trace_id = str(uuid.uuid4())
        correlation_id = request.headers.get("client-request-id") or str(uuid.uuid4())
        stamp = _now_stamp()
        body: dict[str, Any] = {
            "error": err.error,
            "error_description": f"AADSTS{err.code}: {err.description} Trace ID: {trace_id} "
            f"Correlation ID: {correlation_id} Timestamp: {stamp}",
            "error_codes": [err.code],
            "timestamp": stamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
            "error_uri": f"{self.url}/error?code={err.code}",
        }
        if err.suberror:
            body["suberror"] = err.suberror
        if err.claims:
            body["claims"] = err.claims
        body.update(err.extra)
        headers = {"client-request-id": correlation_id, "x-ms-request-id": trace_id, "Cache-Control": "no-store"}
        return web.json_response(body, status=err.status, headers=headers)

    async def _openid_configuration(self, request: web.Request) -> web.Response:
        segment = request.match_info["tenant"]
        with self._lock:
            self.discovery_requests.append(request.path)
        failure = self._take_failure(None, None, discovery=True)
        if failure is not None:
            return await self._fail_transport(request, failure)
        tenant = self._resolve_tenant(segment)
        if tenant is None:
            return self._error_response(request, _Error(400, "invalid_tenant", 90002, f"Tenant '{segment}' not found."))
        path_tenant = tenant if GUID.match(tenant) else segment
        issuer_tenant = tenant if GUID.match(tenant) else "{tenantid}"
        base = f"{self.url}/{path_tenant}"
        return web.json_response(
            {
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "token_endpoint_auth_methods_supported": [
                    "client_secret_post",
                    "private_key_jwt",
                    "client_secret_basic",
                ],
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_modes_supported": ["query", "fragment", "form_post"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "issuer": f"{self.url}/{issuer_tenant}/v2.0",
                "request_uri_parameter_supported": False,
                "userinfo_endpoint": f"{self.url}/oidc/userinfo",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "http_logout_supported": True,
                "frontchannel_logout_supported": True,
                "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                "claims_supported": [
                    "sub",
                    "iss",
                    "cloud_instance_name",
                    "cloud_instance_host_name",
                    "cloud_graph_host_name",
                    "msgraph_host",
                    "aud",
                    "exp",
                    "iat",
                    "auth_time",
                    "acr",
                    "nonce",
                    "preferred_username",
                    "name",
                    "tid",
                    "ver",
                    "at_hash",
                    "c_hash",
                    "email",
                ],
                "tenant_region_scope": "NA",
                "cloud_instance_name": "microsoftonline.com",
                "cloud_graph_host_name": "graph.windows.net",
                "msgraph_host": "graph.microsoft.com",
                "rbac_url": "https://pas.windows.net",
            }
        )

    async def _jwks(self, request: web.Request) -> web.Response:
        with self._lock:
            self.discovery_requests.append(request.path)
        return web.json_response(self.keys.jwks(issuer=f"{self.url}/{{tenantid}}/v2.0"))

    async def _sandbox_sso_token(self, request: web.Request) -> web.Response:
        # Exists only in the stand-in: the Agents Playground cannot do Teams SSO, so the
        # demo fetches its user's SSO token here and runs the real OBO code with it.
        try:
            body = await request.json()
            oid = str(body["aadObjectId"])
        except (ValueError, KeyError, TypeError):
            return web.json_response(
                {"error": "invalid_request", "error_description": "aadObjectId is required"}, status=400
            )
        with self._lock:
            if not self.apps:
                return web.json_response(
                    {"error": "invalid_request", "error_description": "no app registered"}, status=400
                )
            app = self.apps.get(str(body.get("clientId") or "")) or next(iter(self.apps.values()))
            user = self.users.get(oid)
        if user is None:
            user = self.register_user(
                str(body.get("upn") or f"{oid}@sandbox.invalid"), str(body.get("name") or "Sandbox User"), oid=oid
            )
        return web.json_response({"token": self.issue_sso_token(user, app=app), "expires_in": 3600})

    async def _fail_transport(self, request: web.Request, failure: Failure) -> web.StreamResponse:
        if failure.kind == "close":
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError()  # aiohttp stops handling this request quietly
        if failure.kind == "server_error":
            return web.Response(status=500, text="Internal Server Error")
        # down: the service answers 503 (msal raises on any 5xx)
        return self._error_response(
            request, _Error(503, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.")
        )

    def _take_failure(self, grant: str | None, oid: str | None, *, discovery: bool = False) -> Failure | None:
        with self._lock:
            for failure in self._failures:
                if discovery and not failure.discovery:
                    continue
                if failure.grant is not None and failure.grant != grant:
                    continue
                if failure.user is not None and failure.user != oid:
                    continue
                if failure.remaining is not None:
                    failure.remaining -= 1
                    if failure.remaining <= 0:
                        self._failures.remove(failure)
                return failure
        return None

    async def _token(self, request: web.Request) -> web.StreamResponse:
        segment = request.match_info["tenant"]
        form = await request.post()
        data = {k: str(v) for k, v in form.items()}
        raw_grant = data.get("grant_type", "")
        grant = GRANT_NAMES.get(raw_grant, raw_grant)
        if raw_grant == JWT_BEARER and data.get("requested_token_use") != "on_behalf_of":
            grant = "jwt_bearer"
        record = TokenRequest(grant=grant, client_id=None, user=None, tenant=segment, scope=data.get("scope", ""))
        with self._lock:
            self.requests.append(record)
        try:
            app = self._client(request, data)
            record.client_id = app.client_id
            record.user = self._user_hint(grant, data)
            failure = self._take_failure(grant, record.user)
            if failure is not None and failure.delay:
                await asyncio.sleep(failure.delay)
            if failure is not None and failure.kind != "slow":
                response = await self._injected(request, failure)
            else:
                tenant = self._resolve_tenant(segment)
                if tenant is None:
                    raise _Error(400, "invalid_request", 90002, f"Tenant '{segment}' not found.")
                body = await self._grant(grant, app, tenant, data)
                response = web.json_response(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})
        except _Error as err:
            response = self._error_response(request, err)
            record.error, record.error_code = err.error, err.code
        record.status = response.status
        return response

    async def _injected(self, request: web.Request, failure: Failure) -> web.StreamResponse:
        if failure.kind == "consent_required":
            raise _Error(
                400,
                "invalid_grant",
                65001,
                "The user or administrator has not consented to use the application. "
                "Send an interactive authorization request for this user and resource.",
                suberror="consent_required",
            )
        if failure.kind == "interaction_required":
            challenge = json.dumps({"access_token": {"capolids": {"essential": True, "values": [str(uuid.uuid4())]}}})
            raise _Error(
                400,
                "interaction_required",
                50076,
                "Due to a configuration change made by your administrator, or because you moved to a "
                "new location, you must use multi-factor authentication to access the resource.",
                suberror="basic_action",
                claims=challenge,
            )
        return await self._fail_transport(request, failure)

    def _client(self, request: web.Request, data: dict[str, str]) -> App:
        client_id, secret = data.get("client_id"), data.get("client_secret")
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            try:
                decoded = base64.b64decode(auth[6:]).decode()
                basic_id, _, basic_secret = decoded.partition(":")
                client_id, secret = unquote_plus(basic_id), unquote_plus(basic_secret)
            except (binascii.Error, UnicodeDecodeError) as exc:
                raise _Error(
                    401,
                    "invalid_client",
                    7000216,
                    "'client_assertion', 'client_secret' or "
                    "'request' is required for the 'client_credentials' grant type.",
                ) from exc
        if not client_id:
            raise _Error(
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'."
            )
        with self._lock:
            app = self.apps.get(client_id)
        if app is None:
            raise _Error(
                400,
                "unauthorized_client",
                700016,
                f"Application with identifier '{client_id}' was not found in the directory.",
            )
        if not secret:
            raise _Error(
                401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required."
            )
        if not secrets.compare_digest(secret, app.secret):
            raise _Error(
                401,
                "invalid_client",
                7000215,
                "Invalid client secret provided. Ensure the secret being "
                f"sent in the request is the client secret value, not the client secret ID, for a "
                f"secret added to app '{client_id}'.",
            )
        return app

    def _user_hint(self, grant: str, data: dict[str, str]) -> str | None:
        if grant == "on_behalf_of":
            try:
                return jwt.decode(data.get("assertion", ""), options={"verify_signature": False}).get("oid")
            except jwt.PyJWTError:
                return None
        if grant == "refresh_token":
            with self._lock:
                token = self._refresh_tokens.get(data.get("refresh_token", ""))
            return token.oid if token else None
        return None

    async def _grant(self, grant: str, app: App, tenant: str, data: dict[str, str]) -> dict[str, Any]:
        if grant == "client_credentials":
            return self._client_credentials(app, tenant, data)
        if grant == "on_behalf_of":
            return self._on_behalf_of(app, data)
        if grant == "refresh_token":
            return self._refresh(app, data)
        raise _Error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.")

    def _client_credentials(self, app: App, tenant: str, data: dict[str, str]) -> dict[str, Any]:
        scopes = data.get("scope", "").split()
        if len(scopes) != 1 or not scopes[0].endswith("/.default"):
            raise _Error(
                400,
                "invalid_scope",
                1002012,
                f"The provided value for scope {' '.join(scopes)} is not valid. Client credential flows "
                "must have a scope value with /.default suffixed to the resource identifier "
                "(application ID URI).",
            )
        if not GUID.match(tenant):
            raise _Error(
                400,
                "invalid_request",
                50059,
                "No tenant-identifying information found in either the request or implied by any provided credentials.",
            )
        resource = scopes[0][: -len("/.default")]
        now = int(time.time())
        claims = {
            "aud": resource,
            "iss": self._issuer(tenant, 1),
            "iat": now,
            "nbf": now,
            "exp": now + self.token_lifetime,
            "appid": app.client_id,
            "appidacr": "1",
            "idtyp": "app",
            "oid": str(uuid.uuid5(uuid.NAMESPACE_URL, app.client_id)),
            "tid": tenant,
            "uti": b64url(uuid.uuid4().bytes),
            "ver": "1.0",
        }
        return {
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
            "ext_expires_in": self.token_lifetime,
            "access_token": self.keys.current.sign(claims),
        }

    def _on_behalf_of(self, app: App, data: dict[str, str]) -> dict[str, Any]:
        assertion = data.get("assertion")
        if not assertion:
            raise _Error(
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'assertion'."
            )
        try:
            claims = self.keys.verify(assertion)
        except InvalidToken as exc:
            if str(exc) == "token expired":
                raise _Error(
                    400,
                    "invalid_grant",
                    500133,
                    "Assertion is not within its valid time range. Ensure that the access token is not "
                    "expired before using it for user assertion, or request a new token.",
                ) from exc
            raise _Error(400, "invalid_grant", 50013, "Assertion failed signature validation.") from exc
        if claims.get("aud") not in (app.sso_resource, app.client_id):
            raise _Error(
                400,
                "invalid_grant",
                500131,
                "Assertion audience does not match the Client app presenting the assertion.",
            )
        oid, tid = claims.get("oid"), claims.get("tid")
        if not oid or not tid:
            raise _Error(400, "invalid_grant", 50027, "JWT token is invalid or malformed.")
        return self._user_tokens(app, oid, tid, data, claims)

    def _refresh(self, app: App, data: dict[str, str]) -> dict[str, Any]:
        with self._lock:
            token = self._refresh_tokens.get(data.get("refresh_token", ""))
        if token is None:
            raise _Error(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.")
        if token.client_id != app.client_id:
            raise _Error(400, "invalid_grant", 70000, "Provided grant is invalid or malformed.")
        if token.revoked:
            raise _Error(
                400,
                "invalid_grant",
                50173,
                "The provided grant has expired due to it being revoked, a fresh auth token is needed. "
                "The user might have changed or reset their password.",
            )
        person = self.users.get(token.oid)
        profile = {"name": person.name, "upn": person.upn} if person else {}
        return self._user_tokens(app, token.oid, token.tenant, data, profile)

    def _user_tokens(
        self, app: App, oid: str, tid: str, data: dict[str, str], profile: dict[str, Any]
    ) -> dict[str, Any]:
        requested = data.get("scope", "").split()
        resource, permissions = self._delegated(requested)
        if app.consented is not None:
            missing = [p for p in permissions if p != ".default" and p not in app.consented]
            if missing:
                raise _Error(
                    400,
                    "invalid_grant",
                    65001,
                    f"The user or administrator has not consented to use the application with ID "
                    f"'{app.client_id}' named '{app.name}'. Send an interactive authorization request "
                    "for this user and resource.",
                    suberror="consent_required",
                )
        if ".default" in permissions:
            permissions = sorted(app.consented) if app.consented is not None else ["User.Read"]
        person = self.users.get(oid)
        name = person.name if person else profile.get("name", "")
        upn = person.upn if person else profile.get("upn") or profile.get("preferred_username", "")
        now = int(time.time())
        access = {
            "aud": resource,
            "iss": self._issuer(tid, 1),
            "iat": now,
            "nbf": now,
            "exp": now + self.token_lifetime,
            "app_displayname": app.name,
            "appid": app.client_id,
            "idtyp": "user",
            "name": name,
            "oid": oid,
            "scp": " ".join(permissions),
            "sub": self._sub(oid, app),
            "tid": tid,
            "upn": upn,
            "unique_name": upn,
            "preferred_username": upn,
            "uti": b64url(uuid.uuid4().bytes),
            "ver": "1.0",
        }
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "scope": " ".join(f"{resource}/{p}" for p in permissions),
            "expires_in": self.token_lifetime,
            "ext_expires_in": self.token_lifetime,
            "access_token": self.keys.current.sign(access),
        }
        if "offline_access" in requested:
            refresh = "1.A" + secrets.token_urlsafe(96)
            with self._lock:
                self._refresh_tokens[refresh] = _RefreshToken(app.client_id, oid, tid)
            body["refresh_token"] = refresh
        if "openid" in requested:
            body["id_token"] = self.keys.current.sign(
                {
                    "aud": app.client_id,
                    "iss": self._issuer(tid),
                    "iat": now,
                    "nbf": now,
                    "exp": now + self.token_lifetime,
                    "name": name,
                    "oid": oid,
                    "preferred_username": upn,
                    "sub": self._sub(oid, app),
                    "tid": tid,
                    "ver": "2.0",
                }
            )
        if data.get("client_info") == "1":
            body["client_info"] = b64url(json.dumps({"uid": oid, "utid": tid}).encode())
        return body

    @staticmethod
    def _delegated(scopes: list[str]) -> tuple[str, list[str]]:
        """The one resource of the requested delegated scopes, and the permission names."""
        resources: set[str] = set()
        permissions: list[str] = []
        for scope in scopes:
            if scope in OIDC_SCOPES:
                continue
            if "://" in scope and "/" in scope.split("://", 1)[1]:
                resource, _, permission = scope.rpartition("/")
            else:  # a bare permission name means Microsoft Graph
                resource, permission = GRAPH_RESOURCE, scope
            if resource == GRAPH_APP_ID:
                resource = GRAPH_RESOURCE
            resources.add(resource)
            permissions.append(permission)
        if len(resources) > 1:
            raise _Error(
                400,
                "invalid_scope",
                28000,
                "Provided value for the input parameter scope is not valid because it contains more than one resource.",
            )
        if not resources:
            return GRAPH_RESOURCE, ["User.Read"]
        return resources.pop(), permissions


def main() -> None:
    """`python -m sandbox.entra DIR [CLIENT_ID SECRET]`: serve the stand-in for the local demo.

    Writes the test CA under DIR and prints one JSON line (url, authority, ca_bundle,
    client_id, client_secret, sso_url) for the demo's AUTHORITY_HOST / REQUESTS_CA_BUNDLE /
    SANDBOX_* settings, then serves until interrupted.
    """
    import sys
    from pathlib import Path

    args = sys.argv[1:]
    if not args:
        raise SystemExit("usage: python -m sandbox.entra DIR [CLIENT_ID SECRET]")
    ca = TestCA.create(Path(args[0]))
    service = EntraStandIn(ca).start()
    app = service.register_app(*(args[1:3] or []))
    print(
        json.dumps(
            {
                "url": service.url,
                "authority": service.authority("organizations"),
                "ca_bundle": str(ca.bundle_file),
                "client_id": app.client_id,
                "client_secret": app.secret,
                "sso_url": f"{service.url}/sandbox/sso-token",
            }
        ),
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        service.stop()


if __name__ == "__main__":
    main()
