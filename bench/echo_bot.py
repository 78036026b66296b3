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


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def main() -> None:
    config = DefaultConfig()
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))
    bot = EchoBot()

    async def messages(req: Request) -> Response:
        return await adapter.process(req, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _: web.json_response({"status": "ok"}))
    web.run_app(app, host="127.0.0.1", port=config.PORT, print=None, access_log=None)


if __name__ == "__main__":
    main()
