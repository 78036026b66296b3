"""The adapter's `BotFrameworkAuthentication`: inbound checks and outbound clients.

Inbound, `ChannelTokenValidator` judges the channel's token (any failure is a
`PermissionError`, so the adapter answers 401 and runs no turn). In local mode (no app
id) requests without a token are accepted; the HTTP layer only lets loopback in then.

Outbound, the stock factory builds a new `ConnectorClient` (msrest configuration, bot
token and a `requests` send in a worker thread per reply) on every turn. Here one
connector client per service URL and audience is kept for the process lifetime, sends
over one shared aiohttp session (`bot.connector_http`), with credentials whose token is
fetched off the event loop and refreshed before expiry (`bot.credentials`).
"""

from __future__ import annotations

import aiohttp
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from botframework.connector.auth._user_token_client_impl import _UserTokenClientImpl

from bot.channel_auth import ChannelTokenValidator
from bot.connector_http import aiohttp_pipeline, connector_session

ANONYMOUS = "anonymous"
CALLER_ID_AZURE = "urn:botframework:azure"


class CachedConnectorFactory(ConnectorFactory):
    """One `ConnectorClient` per (service URL, audience), its token kept fresh."""

    def __init__(
        self,
        app_id: str,
        credentials_factory: ServiceClientCredentialsFactory,
        *,
        login_url: str,
        oauth_scope: str,
        ca_bundle: str | None = None,
    ) -> None:
        self._app_id = app_id
        self._ca_bundle = ca_bundle
        self._session: aiohttp.ClientSession | None = None
        self._credentials_factory = credentials_factory
        self._login_url = login_url
        self._oauth_scope = oauth_scope
        self._clients: dict[tuple[str, str], ConnectorClient] = {}

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        audience = audience or self._oauth_scope
        credentials = await self._credentials_factory.create_credentials(self._app_id, audience, self._login_url, True)
        ensure = getattr(credentials, "ensure_token", None)
        if ensure is not None:
            await ensure()
        key = (service_url, audience)
        client = self._clients.get(key)
        if client is None:
            self._session = self._session or connector_session(self._ca_bundle)
            client = ConnectorClient(credentials, base_url=service_url, pipeline_type=aiohttp_pipeline(self._session))
            client.config.add_user_agent("Regrets/1.0")
            self._clients[key] = client
        return client

    async def close(self) -> None:
        self._clients.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None


class RegretsAuthentication(BotFrameworkAuthentication):
    def __init__(
        self,
        *,
        app_id: str,
        validator: ChannelTokenValidator | None,
        credentials_factory: ServiceClientCredentialsFactory,
        login_url: str,
        oauth_scope: str,
        oauth_url: str,
        ca_bundle: str | None = None,
    ) -> None:
        self._app_id = app_id
        self._validator = validator
        self._credentials_factory = credentials_factory
        self._oauth_scope = oauth_scope
        self._login_url = login_url
        self._oauth_url = oauth_url
        self.connector_factory = CachedConnectorFactory(
            app_id, credentials_factory, login_url=login_url, oauth_scope=oauth_scope, ca_bundle=ca_bundle
        )
        self._user_token_client: UserTokenClient | None = None

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        if self._validator is None:  # local mode
            identity = ClaimsIdentity({}, True, ANONYMOUS)
            caller_id = None
        else:
            claims = await self._validator.validate(
                auth_header, channel_id=activity.channel_id, service_url=activity.service_url
            )
            identity = ClaimsIdentity(claims, True)
            caller_id = CALLER_ID_AZURE
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = self._oauth_scope
        result.caller_id = caller_id
        result.connector_factory = self.connector_factory
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str):
        raise PermissionError("streaming connections are not supported")

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self.connector_factory

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # Built once: constructing the msrest client costs milliseconds of CPU per turn.
        if self._user_token_client is None:
            credentials = await self._credentials_factory.create_credentials(
                self._app_id, self._oauth_scope, self._login_url, True
            )
            self._user_token_client = _UserTokenClientImpl(self._app_id, credentials, self._oauth_url)
        return self._user_token_client

    def get_originating_audience(self) -> str:
        return self._oauth_scope

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        if self._validator is None:
            return ClaimsIdentity({}, True, ANONYMOUS)
        return ClaimsIdentity(await self._validator.validate(auth_header, channel_id=None, service_url=None), True)
