"""The floor: the same echo bot with only the SDK's avoidable costs removed.

`bench.echo_bot` unchanged (stock `CloudAdapter`, `ConfigurationBotFrameworkAuthentication`,
a new `ConnectorClient` per turn) except for two things: the bot's token is fetched once
and kept (Regrets' `CachedCredentialsFactory`) and msrest's `ClientRetryPolicy` is built
in microseconds (`bot.sdk_patches`). No turn of any bot can cost much less than this one,
so it is the yardstick for Regrets' CPU per turn. Run: `python -m bench.floor_bot`.
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.web import Request, Response
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bench.echo_bot import DefaultConfig, EchoBot
from bot.credentials import CachedCredentialsFactory
from bot.sdk_patches import apply_sdk_patches


def main() -> None:
    import os

    apply_sdk_patches()
    config = DefaultConfig()
    credentials = CachedCredentialsFactory(config.APP_ID, config.APP_PASSWORD,
                                           ca_bundle=os.environ.get("REQUESTS_CA_BUNDLE"))
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
