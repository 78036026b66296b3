"""The stock Bot Framework echo bot, written the way the SDK's samples write it.

This is the baseline `make bench` measures Regrets against: `CloudAdapter` with
`ConfigurationBotFrameworkAuthentication` (auth on), no caching, no patches. It is
configured from the same environment variables as Regrets so both face the same
stand-ins. Run: `python -m bench.echo_bot` (PORT, MicrosoftAppId, ... from env).
"""

from __future__ import annotations

import os

from aiohttp import web
from aiohttp.web import Request, Response
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botframework.connector.auth import AuthenticationConstants, GovernmentConstants, ServiceClientCredentialsFactory
from botframework.connector.auth.password_service_client_credential_factory import (
    PasswordServiceClientCredentialFactory,
    _PrivateCloudAppCredentials,
)
from msal import ConfidentialClientApplication


class DefaultConfig:
    def __init__(self) -> None:
        authority = os.environ.get("AUTHORITY_HOST", "https://login.microsoftonline.com")
        self.PORT = int(os.environ.get("PORT", "3979"))
        self.APP_ID = os.environ.get("MicrosoftAppId", "")
        self.APP_PASSWORD = os.environ.get("MicrosoftAppPassword", "")
        self.APP_TYPE = os.environ.get("MicrosoftAppType", "MultiTenant")
        self.APP_TENANTID = os.environ.get("MicrosoftAppTenantId", "")
        self.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = os.environ.get("BOT_OPENID_METADATA_URL")
        self.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = os.environ.get("BOT_TOKEN_ISSUER", "https://api.botframework.com")
        self.TO_CHANNEL_FROM_BOT_LOGIN_URL = os.environ.get("BOT_LOGIN_URL", f"{authority}/botframework.com")
        self.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = os.environ.get("BOT_OAUTH_SCOPE", "https://api.botframework.com")
        self.OAUTH_URL = os.environ.get("BOT_OAUTH_URL", "https://api.botframework.com")
        self.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = self.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
        self.VALIDATE_AUTHORITY = False


class _StandInCloudCredentials(_PrivateCloudAppCredentials):
    """The SDK's private-cloud credentials, unchanged but for MSAL's instance discovery.

    For a login host MSAL does not know (the Entra stand-in on 127.0.0.1) it first asks
    login.microsoftonline.com whether the authority is genuine, which fails offline. Only
    that is switched off (`instance_discovery=False`); as in stock 4.17.1, each credentials
    object builds its own MSAL application and asks Entra for a token with blocking calls.
    """

    def _MicrosoftAppCredentials__get_msal_app(self):  # overrides the SDK's name-mangled private method
        if not self.app:
            self.app = ConfidentialClientApplication(
                client_id=self.microsoft_app_id,
                client_credential=self.microsoft_app_password,
                authority=self.oauth_endpoint,
                instance_discovery=False,
            )
        return self.app


class StandInCredentialsFactory(PasswordServiceClientCredentialFactory):
    """The stock factory (a new credentials object per call, i.e. per turn); stand-in hosts get the class above."""

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool):
        endpoint = (login_endpoint or "").lower()
        public = (
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
            GovernmentConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
        )
        if await self.is_authentication_disabled() or endpoint.startswith(public):
            return await super().create_credentials(app_id, oauth_scope, login_endpoint, validate_authority)
        if not await self.is_valid_app_id(app_id):
            raise Exception("Invalid app_id")  # the same refusal as the stock factory
        return _StandInCloudCredentials(
            app_id, self.password, self.tenant_id, oauth_scope, login_endpoint, validate_authority
        )


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def main(credentials: ServiceClientCredentialsFactory | None = None) -> None:
    config = DefaultConfig()
    credentials = credentials or StandInCredentialsFactory(config.APP_ID, config.APP_PASSWORD, config.APP_TENANTID)
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config, credentials_factory=credentials))
    bot = EchoBot()

    async def messages(req: Request) -> Response:
        return await adapter.process(req, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _: web.json_response({"status": "ok"}))
    web.run_app(app, host="127.0.0.1", port=config.PORT, print=None, access_log=None)


if __name__ == "__main__":
    main()
