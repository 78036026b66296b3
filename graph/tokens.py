"""Delegated Graph tokens for each user: one on-behalf-of exchange, then silent renewal.

MSAL 1.39 never answers `acquire_token_on_behalf_of` from its cache, so the Teams SSO
token is exchanged once (`sign_in`) and afterwards the user's own MSAL account is used
with `acquire_token_silent`, which renews through the refresh token. Each user has a
`SerializableTokenCache` and an MSAL application of their own (authority: the configured
tenant, or the user's tenant for a multi-tenant bot), persisted encrypted through
`graph.token_cache`, so a restart or another instance does not ask the user again.

MSAL is synchronous: every call runs in a worker thread. Requests for one user are
single-flight (concurrent callers share one token request) and the access token stays in
memory until `refresh_margin` before expiry, so a warm turn makes no request and no
thread hop. MSAL's result dicts are turned into the exception tree below at this
boundary and never leave the module:

    TokenError                      any failure getting a user's token (`code` is stable)
    ├── SignInRequired              no usable cache: run Teams SSO again
    │   ├── InteractionRequired     Conditional Access / MFA (`claims` challenge); cache dropped
    │   ├── AssertionExpired        the SSO token expired before the exchange (AADSTS500133)
    │   └── SessionRevoked          refresh token revoked or expired; cache dropped
    ├── ConsentRequired             AADSTS65001; `consent_url` (admin consent for the tenant)
    ├── ClientRejected              Entra refused the bot's own credentials (configuration)
    └── IdentityUnavailable         Entra unreachable, 5xx, timeout: say so, retry later

Tokens are never logged; user keys, error codes and correlation ids are.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypedDict
from urllib.parse import urlencode

import jwt
import msal
import requests
from msal.exceptions import MsalServiceError

from graph.msal_http import MsalHttpClient, authority_parts, instance_discovery
from graph.token_cache import CacheRecord, EncryptedCacheStore, KeyValueStore

log = logging.getLogger(__name__)

GRAPH_RESOURCE = "https://graph.microsoft.com"
DELEGATED_PERMISSIONS = ("Calendars.ReadWrite", "MailboxSettings.Read")
MULTI_TENANT = ("common", "organizations")
INTERACTION_CODES = {50076, 50079, 50158, 53003, 50005}
REVOKED_CODES = {50173, 70008, 700082, 70043, 50132, 700084, 9002313}


def graph_scopes(resource: str = GRAPH_RESOURCE, permissions: Sequence[str] = DELEGATED_PERMISSIONS) -> list[str]:
    return [f"{resource.rstrip('/')}/{p}" for p in permissions]


# ---- the exception tree ------------------------------------------------------------
class TokenError(Exception):
    """Base class. The message is for logs (codes and ids only), never for users."""

    code = "token_error"

    def __init__(
        self,
        detail: str = "",
        *,
        error: str | None = None,
        error_codes: Sequence[int] = (),
        correlation_id: str | None = None,
    ) -> None:
        super().__init__(detail or self.code)
        self.error = error
        self.error_codes = tuple(error_codes)
        self.correlation_id = correlation_id


class SignInRequired(TokenError):
    code = "sign_in_required"


class InteractionRequired(SignInRequired):
    code = "interaction_required"

    def __init__(self, detail: str = "", *, claims: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.claims = claims


class AssertionExpired(SignInRequired):
    code = "assertion_expired"


class SessionRevoked(SignInRequired):
    code = "session_revoked"


class ConsentRequired(TokenError):
    code = "consent_required"

    def __init__(self, detail: str = "", *, consent_url: str = "", **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.consent_url = consent_url


class ClientRejected(TokenError):
    code = "client_rejected"


class IdentityUnavailable(TokenError):
    code = "identity_unavailable"


class TokenSource:
    """`await source(force_refresh=False) -> str`: one user's Graph token, for the Graph client."""

    def __init__(self, tokens: UserTokens, user_key: str) -> None:
        self._tokens = tokens
        self.user_key = user_key

    def __call__(self, force_refresh: bool = False) -> Awaitable[str]:
        return self._tokens.get(self.user_key, force_refresh=force_refresh)


@dataclass
class _Session:
    tenant: str
    cache: msal.SerializableTokenCache
    app: msal.ConfidentialClientApplication | None = None
    token: str | None = None
    expires_at: float = 0.0


def _unverified_tenant(sso_token: str) -> str | None:
    # Only picks the authority to send the token to; Entra verifies the token itself.
    try:
        tid = jwt.decode(sso_token, options={"verify_signature": False}).get("tid")
    except jwt.PyJWTError:
        return None
    return str(tid) if tid else None


class UserTokens:
    """Per-user delegated tokens: `sign_in` (OBO), `get`, `sign_out`, `source`."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        authority: str,
        *,
        store: KeyValueStore,
        secret: str | bytes,
        ca_bundle: str | None = None,
        validate_authority: bool = True,
        graph_resource: str = GRAPH_RESOURCE,
        permissions: Sequence[str] = DELEGATED_PERMISSIONS,
        timeout: float = 10.0,
        refresh_margin: float = 300.0,
        max_sessions: int = 10_000,
        clock: Callable[[], float] = time.time,
        http_client: requests.Session | None = None,
    ) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._authority_host, tenant = authority_parts(authority)
        self._fixed_tenant = None if tenant.lower() in MULTI_TENANT else tenant
        self._validate_authority = validate_authority
        self._instance_discovery = instance_discovery(authority)
        self._scopes = graph_scopes(graph_resource, permissions)
        self._caches = EncryptedCacheStore(store, secret)
        self._http = http_client or MsalHttpClient(ca_bundle, timeout=timeout)
        self._refresh_margin = refresh_margin
        self._max_sessions = max_sessions
        self._clock = clock
        self._sessions: OrderedDict[str, _Session] = OrderedDict()
        self._inflight: dict[str, asyncio.Future[str]] = {}

    # ---- public API -----------------------------------------------------------------
    async def sign_in(self, user_key: str, sso_token: str) -> None:
        """Exchange the user's Teams SSO token (OBO) and keep their cache; raises TokenError."""
        await self._exclusive(user_key, lambda: self._sign_in(user_key, sso_token), join=False)

    async def get(self, user_key: str, *, force_refresh: bool = False) -> str:
        """The user's Graph access token; raises SignInRequired when there is no usable cache."""
        session = self._sessions.get(user_key)
        if (
            not force_refresh
            and session is not None
            and session.token
            and session.expires_at - self._clock() > self._refresh_margin
        ):
            self._sessions.move_to_end(user_key)
            return session.token
        return await self._exclusive(user_key, lambda: self._renew(user_key, force_refresh), join=True)

    async def sign_out(self, user_key: str) -> None:
        """Forget the user's tokens here and in the store (Entra keeps its own session)."""
        await self._exclusive(user_key, lambda: self._forget(user_key), join=False)

    def source(self, user_key: str) -> TokenSource:
        return TokenSource(self, user_key)

    def close(self) -> None:
        self._http.close()

    # ---- single flight ------------------------------------------------------------------
    async def _exclusive(self, user_key: str, start: Callable[[], Awaitable[Any]], *, join: bool) -> Any:
        """Run one operation per user at a time; `join` shares an operation already under way."""
        while (running := self._inflight.get(user_key)) is not None:
            if join:
                return await asyncio.shield(running)
            try:
                await asyncio.shield(running)
            except Exception:  # noqa: S110  # its own caller handles it; we start afresh
                pass
        task = asyncio.ensure_future(start())
        self._inflight[user_key] = task

        def done(finished: asyncio.Future) -> None:
            if self._inflight.get(user_key) is finished:
                del self._inflight[user_key]
            if not finished.cancelled():
                finished.exception()  # retrieved here, so an abandoned failure is not reported twice

        task.add_done_callback(done)
        return await asyncio.shield(task)

    # ---- operations (run inside _exclusive) -------------------------------------------------
    async def _sign_in(self, user_key: str, sso_token: str) -> str:
        tenant = self._fixed_tenant or _unverified_tenant(sso_token) or "organizations"
        session = _Session(tenant=tenant, cache=msal.SerializableTokenCache())
        result = await asyncio.to_thread(self._obo, session, sso_token)
        if "access_token" not in result:
            error = self._error(result, tenant)
            log.info(
                "sign-in failed for user %s: %s %s (correlation %s)",
                user_key,
                error.code,
                list(error.error_codes),
                error.correlation_id,
            )
            if isinstance(error, SignInRequired):
                await self._forget(user_key)
            raise error
        token = self._remember(user_key, session, result)
        await self._save(user_key, session)
        log.info("user %s signed in (on-behalf-of exchange)", user_key)
        return token

    async def _renew(self, user_key: str, force_refresh: bool) -> str:
        session = self._sessions.get(user_key)
        if (
            session is not None
            and not force_refresh
            and session.token
            and session.expires_at - self._clock() > self._refresh_margin
        ):
            return session.token  # renewed by the operation we waited behind
        # A token we held that is now near expiry is the same one MSAL holds: renew it.
        force = force_refresh or (session is not None and session.token is not None)
        if session is None:
            record = await self._caches.load(user_key)
            if record is None:
                raise SignInRequired("no token cache for this user")
            session = _Session(tenant=record.tenant, cache=msal.SerializableTokenCache())
            session.cache.deserialize(record.cache)
        result = await asyncio.to_thread(self._silent, session, force)
        if result is None:
            await self._forget(user_key)
            raise SignInRequired("the token cache holds no usable account")
        if "access_token" not in result:
            error = self._error(result, session.tenant, refreshing=True)
            log.info(
                "token renewal failed for user %s: %s %s (correlation %s)",
                user_key,
                error.code,
                list(error.error_codes),
                error.correlation_id,
            )
            if isinstance(error, SignInRequired):
                await self._forget(user_key)
            raise error
        token = self._remember(user_key, session, result)
        if session.cache.has_state_changed:
            await self._save(user_key, session)
        return token

    async def _forget(self, user_key: str) -> None:
        self._sessions.pop(user_key, None)
        await self._caches.delete(user_key)

    # ---- helpers ------------------------------------------------------------------------------
    def _remember(self, user_key: str, session: _Session, result: dict[str, Any]) -> str:
        session.token = result["access_token"]
        session.expires_at = self._clock() + float(result.get("expires_in") or 0)
        self._sessions[user_key] = session
        self._sessions.move_to_end(user_key)
        while len(self._sessions) > self._max_sessions:
            self._sessions.popitem(last=False)
        return session.token

    async def _save(self, user_key: str, session: _Session) -> None:
        record = CacheRecord(tenant=session.tenant, cache=session.cache.serialize())
        session.cache.has_state_changed = False
        await self._caches.save(user_key, record)

    def _app(self, session: _Session) -> msal.ConfidentialClientApplication:
        if session.app is None:
            session.app = msal.ConfidentialClientApplication(
                self._client_id,
                client_credential=self._client_secret,
                authority=f"{self._authority_host}/{session.tenant}",
                validate_authority=self._validate_authority,
                instance_discovery=self._instance_discovery,
                token_cache=session.cache,
                http_client=self._http,
            )
        return session.app

    # These two run in a worker thread.
    def _obo(self, session: _Session, sso_token: str) -> dict[str, Any]:
        with _unavailable_on_transport_errors():
            app = self._app(session)
            result = app.acquire_token_on_behalf_of(sso_token, self._scopes)
        if "access_token" in result and not app.get_accounts():
            # Without id_token and client_info MSAL keeps no account, and nothing could renew it.
            return {"error": "invalid_response", "error_description": "no account in the token response"}
        return result

    def _silent(self, session: _Session, force_refresh: bool) -> dict[str, Any] | None:
        with _unavailable_on_transport_errors():
            app = self._app(session)
            accounts = app.get_accounts()
            if not accounts:
                return None
            return app.acquire_token_silent_with_error(self._scopes, accounts[0], force_refresh=force_refresh)

    def _error(self, result: dict[str, Any], tenant: str, *, refreshing: bool = False) -> TokenError:
        error = str(result.get("error") or "")
        codes = [int(c) for c in result.get("error_codes") or [] if str(c).isdigit()]
        correlation = result.get("correlation_id")
        details = _Details(error=error, error_codes=codes, correlation_id=str(correlation) if correlation else None)
        summary = f"{error} {codes}"
        if result.get("suberror") == "consent_required" or 65001 in codes:
            return ConsentRequired(summary, consent_url=self.consent_url(tenant), **details)
        if error == "interaction_required" or INTERACTION_CODES.intersection(codes):
            return InteractionRequired(summary, claims=result.get("claims"), **details)
        if 500133 in codes:
            return AssertionExpired(summary, **details)
        if error == "invalid_grant":
            if refreshing or REVOKED_CODES.intersection(codes):
                return SessionRevoked(summary, **details)
            return SignInRequired(summary, **details)  # the SSO token was not usable
        if error in ("invalid_client", "unauthorized_client"):
            return ClientRejected(summary, **details)
        if error in ("temporarily_unavailable", "server_error"):
            return IdentityUnavailable(summary, **details)
        return TokenError(summary, **details)

    def consent_url(self, tenant: str | None = None) -> str:
        """Where a tenant admin grants the bot's delegated permissions for everyone."""
        target = tenant or self._fixed_tenant or "organizations"
        return f"{self._authority_host}/{target}/adminconsent?{urlencode({'client_id': self._client_id})}"


class _Details(TypedDict):
    error: str
    error_codes: list[int]
    correlation_id: str | None


class _unavailable_on_transport_errors:
    """Network failures, 5xx and malformed answers from Entra become IdentityUnavailable."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> Literal[False]:
        if exc is None:
            return False
        if isinstance(exc, (requests.RequestException, MsalServiceError, ValueError)):
            raise IdentityUnavailable(f"Entra ID unreachable: {type(exc).__name__}") from exc
        return False
