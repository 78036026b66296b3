"""The bot's own credentials for calling the Bot Framework connector (client credentials).

The stock `PasswordServiceClientCredentialFactory` builds a new `MicrosoftAppCredentials`
(and MSAL application) per turn, and its `get_access_token()` asks Entra for a token with
blocking calls on the event loop. Here the factory hands out ONE `CachedAppCredentials`
per (app id, scope, login endpoint) for the process lifetime: the MSAL application is
built once, `await ensure_token()` fetches the token in a worker thread (single-flight)
and renews it `refresh_margin` seconds before it expires, and `get_access_token()`, which
msrest calls while signing each request, just returns the token in memory.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable

import msal
import requests
from botframework.connector.auth import AppCredentials, MicrosoftAppCredentials, ServiceClientCredentialsFactory
from msal.exceptions import MsalServiceError

from graph.msal_http import MsalHttpClient, instance_discovery

log = logging.getLogger(__name__)

DEFAULT_LOGIN_ENDPOINT = "https://login.microsoftonline.com/botframework.com"
DEFAULT_SCOPE = "https://api.botframework.com"


class BotTokenUnavailable(ConnectionError):
    """Entra could not be reached (or answered 5xx) while fetching the bot's token."""


class CachedAppCredentials(MicrosoftAppCredentials):
    """App credentials whose token is fetched off the event loop and kept until near expiry."""

    def __init__(
        self,
        app_id: str,
        password: str,
        oauth_scope: str,
        login_endpoint: str,
        *,
        validate_authority: bool,
        http_client: requests.Session,
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(app_id, password, oauth_scope=oauth_scope)
        self.oauth_endpoint = login_endpoint
        self._validate_authority = validate_authority
        self._http = http_client
        self._refresh_margin = refresh_margin
        self._clock = clock
        scope = self.oauth_scope
        self._scopes = [scope if scope.endswith("/.default") else f"{scope.rstrip('/')}/.default"]
        self._token: str | None = None
        self._expires_at = 0.0
        self._msal: msal.ConfidentialClientApplication | None = None
        self._fetch_lock = threading.Lock()
        self._inflight: asyncio.Future[str] | None = None

    @property
    def validate_authority(self) -> bool:
        return self._validate_authority

    def _fresh(self, margin: float) -> bool:
        return self._token is not None and self._expires_at - self._clock() > margin

    def get_access_token(self, force_refresh: bool = False) -> str:
        """The token in memory; fetched here (blocking) only if `ensure_token` was never awaited."""
        if not force_refresh and self._fresh(0):
            return self._token  # type: ignore[return-value]
        log.warning("bot token fetched synchronously for app %s; await ensure_token() first", self.microsoft_app_id)
        return self._fetch(force=force_refresh)

    async def ensure_token(self) -> str:
        """A token valid for at least `refresh_margin` seconds; one request however many callers."""
        if self._fresh(self._refresh_margin):
            return self._token  # type: ignore[return-value]
        if self._inflight is None or self._inflight.done():
            self._inflight = asyncio.ensure_future(asyncio.to_thread(self._fetch))
        return await asyncio.shield(self._inflight)

    def _fetch(self, force: bool = False) -> str:
        with self._fetch_lock:
            if not force and self._fresh(self._refresh_margin):
                return self._token  # type: ignore[return-value]  # another thread just renewed it
            try:
                app = self._app()
                # Our own expiry rule decides when to renew; MSAL must not hand back its cached copy.
                for entry in list(app.token_cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN)):
                    app.token_cache.remove_at(entry)
                result = app.acquire_token_for_client(scopes=self._scopes)
            except (requests.RequestException, MsalServiceError, ValueError) as exc:
                log.warning("bot token request failed for app %s: %s", self.microsoft_app_id, type(exc).__name__)
                raise BotTokenUnavailable(f"Entra ID unreachable: {type(exc).__name__}") from exc
            if "access_token" not in result:
                error, codes = result.get("error"), result.get("error_codes")
                log.warning(
                    "bot token refused for app %s: %s %s (correlation %s)",
                    self.microsoft_app_id,
                    error,
                    codes,
                    result.get("correlation_id"),
                )
                if error in ("temporarily_unavailable", "server_error"):
                    raise BotTokenUnavailable(f"{error} {codes}")
                raise PermissionError(f"Failed to get access token with error: {error} {codes}")
            self._token = result["access_token"]
            self._expires_at = self._clock() + float(result.get("expires_in") or 0)
            log.info("bot token acquired for app %s, valid %ss", self.microsoft_app_id, result.get("expires_in"))
            return self._token

    def _app(self) -> msal.ConfidentialClientApplication:
        if self._msal is None:
            self._msal = msal.ConfidentialClientApplication(
                self.microsoft_app_id,
                client_credential=self.microsoft_app_password,
                authority=self.oauth_endpoint,
                validate_authority=self._validate_authority,
                instance_discovery=instance_discovery(self.oauth_endpoint),
                http_client=self._http,
            )
        return self._msal


class CachedCredentialsFactory(ServiceClientCredentialsFactory):
    """One `CachedAppCredentials` per (app id, scope, login endpoint); anonymous without an app id."""

    def __init__(
        self,
        app_id: str,
        password: str,
        *,
        ca_bundle: str | None = None,
        timeout: float = 10.0,
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.time,
        http_client: requests.Session | None = None,
    ) -> None:
        self.app_id = app_id
        self._password = password
        self._http = http_client or MsalHttpClient(ca_bundle, timeout=timeout)
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._credentials: dict[tuple[str, str, str], CachedAppCredentials] = {}
        self._anonymous = MicrosoftAppCredentials.empty()

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == self.app_id

    async def is_authentication_disabled(self) -> bool:
        return not self.app_id

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> AppCredentials:
        if await self.is_authentication_disabled():
            return self._anonymous
        if not await self.is_valid_app_id(app_id):
            raise PermissionError("Invalid app_id")
        scope = oauth_scope or DEFAULT_SCOPE
        endpoint = (login_endpoint or DEFAULT_LOGIN_ENDPOINT).rstrip("/")
        key = (app_id, scope, endpoint.lower())
        credentials = self._credentials.get(key)
        if credentials is None:
            credentials = CachedAppCredentials(
                app_id,
                self._password,
                scope,
                endpoint,
                validate_authority=validate_authority,
                http_client=self._http,
                refresh_margin=self._refresh_margin,
                clock=self._clock,
            )
            self._credentials[key] = credentials
        return credentials

    async def ensure_token(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool = True
    ) -> str | None:
        """Fetch or renew the token those credentials will sign requests with (None when anonymous)."""
        credentials = await self.create_credentials(app_id, oauth_scope, login_endpoint, validate_authority)
        if isinstance(credentials, CachedAppCredentials):
            return await credentials.ensure_token()
        return None

    def close(self) -> None:
        self._http.close()
