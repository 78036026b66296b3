"""Regrets' composition root: read the settings, build every part, serve.

Nothing else reads the environment. `build(settings)` returns the aiohttp application
(tests build it in-process against the stand-ins); `main()` runs it until SIGTERM or
Ctrl-C, finishing in-flight turns for at most a few seconds.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import ssl
import sys
import urllib.parse
import urllib.request

import httpx
from aiohttp import web
from botbuilder.core import ConversationState, Storage, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter

from bot.authentication import RegretsAuthentication
from bot.channel_auth import ChannelTokenValidator
from bot.credentials import CachedCredentialsFactory
from bot.file_storage import FileStorage
from bot.memory_storage import InMemoryStorage
from bot.msrest_fast import apply_fast_serialization
from bot.notifications import Notifications, ProactivePoster
from bot.regrets_bot import CARD_ACTION, MESSAGE_TYPE, MessageInvokeResponse, RegretsBot
from bot.server import create_app
from bot.sso import send_invoke_response
from bot.storage_contract import StorageUnavailable
from bot.token_store import StorageTokenStore
from clock import REAL, Clock
from dialogs import texts
from dialogs.invitation_clicks import InvitationClicks
from dialogs.invitation_store import InvitationStore
from dialogs.invitations import Invitations
from dialogs.pending import PendingActions
from dialogs.services import Services
from graph.client import GraphClient, RetryPolicy
from graph.subscriptions import SubscriptionClient
from graph.tokens import UserTokens
from graph.transport import graph_transport
from settings import ConfigError, Settings

log = logging.getLogger("regrets")

SHUTDOWN_SECONDS = 4.0
# Bot Framework waits 15 s for a turn's answer, then the user sees an error: a Graph call waits out
# at most this much Retry-After and backoff; longer throttling is told to the user ("slow down").
# The invitation worker gets the same answer as Throttled and tries again later.
GRAPH_WAIT_IN_A_TURN = 10.0
SERVICES = web.AppKey("services", Services)
NOTIFICATIONS = web.AppKey("notifications", Notifications)


def behind_proxy(url: str) -> bool:
    """Whether the environment sends requests for `url` through a proxy."""
    host = urllib.parse.urlparse(url).hostname or ""
    return bool(urllib.request.getproxies().get("https")) and not urllib.request.proxy_bypass(host)


def ssl_context(settings: Settings) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=settings.ca_bundle) if settings.ca_bundle else ssl.create_default_context()


def build(settings: Settings, *, storage: Storage | None = None, clock: Clock = REAL) -> web.Application:
    """Everything wired together. `clock` is the one clock every part reads "now" from (tests pin it)."""
    apply_fast_serialization()
    tls = ssl_context(settings)
    timeout = httpx.Timeout(10.0, connect=5.0)
    # Every Graph connection is TLS (~100 KB each): a bounded pool, all of it kept alive, so a burst
    # neither grows memory without bound nor opens and closes connections (a handshake each).
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
    if behind_proxy(settings.graph_base_url):
        # httpx honours HTTP(S)_PROXY only with its own transport.
        graph_http = httpx.AsyncClient(
            base_url=settings.graph_base_url + "/", verify=tls, timeout=timeout, limits=limits
        )
    else:
        graph_http = httpx.AsyncClient(
            base_url=settings.graph_base_url + "/",
            timeout=timeout,
            transport=graph_transport(verify=tls, limits=limits),
        )
    meta_http = httpx.AsyncClient(verify=tls, timeout=timeout)

    storage = storage or open_storage(settings)
    client_id, client_secret = settings.obo_client
    tokens = UserTokens(
        client_id,
        client_secret,
        settings.authority,
        store=StorageTokenStore(storage),
        secret=settings.token_cache_key or client_secret or "regrets-local-sandbox",
        ca_bundle=settings.ca_bundle,
        validate_authority=settings.is_public_authority,
        graph_resource=settings.graph_resource,
    )
    credentials = CachedCredentialsFactory(settings.app_id, settings.app_password, ca_bundle=settings.ca_bundle)
    validator = None
    if not settings.local_mode:
        validator = ChannelTokenValidator(
            meta_http,
            metadata_url=settings.bot_openid_metadata_url,
            issuer=settings.bot_token_issuer,
            app_id=settings.app_id,
        )
    authentication = RegretsAuthentication(
        app_id=settings.app_id,
        validator=validator,
        credentials_factory=credentials,
        login_url=settings.bot_login_url,
        oauth_scope=settings.bot_oauth_scope,
        oauth_url=settings.bot_oauth_url,
        ca_bundle=settings.ca_bundle,
    )
    adapter = CloudAdapter(authentication)
    adapter.on_turn_error = on_turn_error

    sandbox_sso = None
    if settings.sandbox_sso:
        from bot.sandbox_sso import SandboxSso

        sandbox_sso = SandboxSso(meta_http, settings.sandbox_sso_url)

    services = Services(
        graph=GraphClient(
            graph_http,
            wall_clock=clock,
            retry=RetryPolicy(budget=GRAPH_WAIT_IN_A_TURN, max_retry_after=GRAPH_WAIT_IN_A_TURN),
        ),
        tokens=tokens,
        pending=PendingActions(storage, clock=lambda: clock().timestamp()),
        sso_resource=settings.sso_resource,
        oauth_connection=settings.oauth_connection_name,
        sandbox_sso=sandbox_sso,
        confirm_before_acting=settings.confirm_before_acting,
        clock=clock,
    )
    invitation_store = InvitationStore(storage)
    services.invitations = Invitations(
        services,
        invitation_store,
        SubscriptionClient(graph_http),
        public_base_url=settings.public_base_url,
        poster=ProactivePoster(adapter, settings.app_id),
    )
    bot = RegretsBot(
        conversation_state=ConversationState(storage),
        storage=storage,
        services=services,
        allowed_tenants=settings.allowed_tenants,
    )
    InvitationClicks(bot.clicks).register()
    notifications = Notifications(services.invitations, invitation_store, clock=clock)
    app = create_app(adapter, bot, local_mode=settings.local_mode, notifications=notifications)

    async def close_clients(_: web.Application) -> None:
        await authentication.connector_factory.close()
        await graph_http.aclose()
        await meta_http.aclose()
        await close_storage(storage)

    app.on_cleanup.append(close_clients)
    app[SERVICES] = services
    app[NOTIFICATIONS] = notifications
    return app


def open_storage(settings: Settings) -> Storage:
    """The store the settings name: Azure Blob, a directory, or memory; never one for another."""
    if settings.azure_storage_connection_string:
        from bot.blob_storage import BlobStorage  # imported only when used: the Azure SDK is not small

        return BlobStorage.from_connection_string(settings.azure_storage_connection_string, settings.storage_container)
    if settings.storage_dir:
        return FileStorage(settings.storage_dir)
    return InMemoryStorage()


async def check_storage(settings: Settings) -> None:
    """Prove the configured store works before listening; StorageUnavailable says which setting is wrong."""
    storage = open_storage(settings)
    try:
        check = getattr(storage, "check", None)
        if check is not None:
            await check()
    finally:
        await close_storage(storage)


async def close_storage(storage: Storage) -> None:
    close = getattr(storage, "close", None)
    if close is not None:
        result = close()
        if inspect.isawaitable(result):
            await result


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    # Users never see exception text; the log gets the type and the activity id, not the message text.
    log.error("turn %s failed: %s", context.activity.id, type(error).__name__, exc_info=error)
    # A store outage gets its own sentence: the user should wait, not rephrase.
    text = texts.STORE_UNAVAILABLE if isinstance(error, StorageUnavailable) else texts.FAILED
    try:
        if context.activity.type == "invoke" and context.activity.name == CARD_ACTION:
            # A click is always answered 2xx (Teams shows an error otherwise); the card stays as it was.
            body = MessageInvokeResponse(status_code=200, type=MESSAGE_TYPE, value=text)
            await send_invoke_response(context, 200, body)
        await context.send_activity(text)
    except Exception:  # the connector itself may be what failed
        log.warning("could not tell the user about a failed turn %s", context.activity.id)


def main() -> int:
    try:
        settings = Settings.load()
    except ConfigError as exc:
        print(f"regrets: configuration error: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(check_storage(settings))
    except StorageUnavailable as exc:
        print(f"regrets: storage error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # These libraries log full URLs (event ids) at INFO (azure-core: every request's headers, several
    # lines each); Regrets logs its own templated lines.
    for noisy in ("msal", "httpx", "httpcore", "urllib3", "azure"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    app = build(settings)
    mode = "local (no app id: loopback only)" if settings.local_mode else f"cloud, app {settings.app_id}"
    print(f"Regrets listening on http://{settings.host}:{settings.port}/api/messages ({mode})", flush=True)
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        print=None,
        shutdown_timeout=SHUTDOWN_SECONDS,
        access_log=None,
        handle_signals=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
