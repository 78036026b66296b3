"""All the stand-ins, wired together the way the real services are.

`Sandbox` starts Entra ID (HTTPS, test CA), the Bot Framework channel (OpenID metadata,
signing keys, a recording connector), the Bot Framework token service (the Azure Bot's
OAuth connection, for the sign-in fallback) and Microsoft Graph (HTTPS), each in its own
thread. Graph accepts only tokens the Entra stand-in issued; the connector and the token
service accept only the bot's app token from it. `bot_env()` gives the environment that
points Regrets (or any bot) at them: production code only ever sees those URLs.

`clock` is the stand-ins' own "now" (an aware datetime; the machine's UTC time unless a
test, the demo or a benchmark pins it): the demo calendar is laid out around it. Token
lifetimes stay on the machine's clock, which the issuers, msal and the bot all read.

Used by `python -m sandbox` / `make run`, by the end-to-end tests and by `make bench`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sandbox.channel import ChannelStandIn
from sandbox.clock import wall_now
from sandbox.demo_calendar import install_demo_calendar
from sandbox.entra import EntraStandIn, User
from sandbox.graph_service import create_graph_app
from sandbox.graph_state import GraphState
from sandbox.server import ServiceThread
from sandbox.tls import TestCA
from sandbox.token_service import TokenServiceStandIn

# The bot's app registration in the stand-in (any GUID works; fixed so logs are readable).
BOT_APP_ID = "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5"
# The Azure Bot's OAuth connection (Azure AD v2, scoped to the bot's own access_as_user).
OAUTH_CONNECTION = "RegretsSSO"

# The Agents Playground's default users (its built-in .m365agentsplayground.yml).
PLAYGROUND_USERS = (
    ("00000000-0000-0000-0000-0000000000020", "alexw@example.com", "Alex Wilber"),
    ("00000000-0000-0000-0000-0000000000021", "meganb@example.com", "Megan Bowen"),
    ("00000000-0000-0000-0000-0000000000022", "adelev@example.com", "Adele Vance"),
)


def _machine_now() -> datetime:
    return wall_now()


@dataclass
class SandboxUser:
    entra: User
    time_zone: str

    @property
    def oid(self) -> str:
        return self.entra.oid


class Sandbox:
    def __init__(
        self,
        workdir: Path,
        *,
        graph_page_size: int = 10,
        graph_latency: float = 0.0,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.workdir = Path(workdir)
        self.clock = clock or _machine_now
        self.ca = TestCA.create(self.workdir / "ca")
        self.entra = EntraStandIn(self.ca)
        self.channel = ChannelStandIn()
        # Like the Agents Playground's connector: takes replies without a token (local mode).
        self.local_channel = ChannelStandIn()
        self.graph = GraphState(
            self.entra.verify_graph_token, page_size=graph_page_size, latency=graph_latency, clock=self.clock
        )
        self._graph_service = ServiceThread(create_graph_app(self.graph), ssl_context=self.ca.server_context)
        self.token_service = TokenServiceStandIn(
            verify_bot_token=self.entra.verify_bot_token,
            issue_token=lambda user: self.entra.issue_sso_token(user, app=BOT_APP_ID),
            verify_exchangeable=lambda token, audience: self.entra.keys.verify(token, audience=[audience]),
        )
        self.app_secret = secrets.token_urlsafe(24)
        self.bot_app = None

    def start(self) -> Sandbox:
        self.entra.start()
        self.channel.verify_token = self.entra.verify_bot_token
        self.channel.start()
        self.local_channel.start()
        self._graph_service.start()
        self.token_service.start()
        self.bot_app = self.entra.register_app(BOT_APP_ID, self.app_secret)
        self.token_service.add_connection(
            BOT_APP_ID,
            OAUTH_CONNECTION,
            token_exchange_url=self.bot_app.sso_resource,
            scopes=f"{self.bot_app.sso_resource}/access_as_user",
        )
        return self

    def stop(self) -> None:
        self.token_service.stop()
        self._graph_service.stop()
        self.local_channel.stop()
        self.channel.stop()
        self.entra.stop()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def graph_url(self) -> str:
        return f"{self._graph_service.url}/v1.0"

    @property
    def graph_requests_url(self) -> str:
        """The page listing what the Graph stand-in received (sandbox/graph_requests_page.py)."""
        return f"{self._graph_service.url}/requests"

    def add_user(
        self,
        upn: str,
        name: str,
        *,
        oid: str | None = None,
        time_zone: str = "Pacific Standard Time",
        demo_calendar: bool = True,
        today: date | None = None,
        now: datetime | None = None,
    ) -> SandboxUser:
        """A user known to Entra, with a mailbox (and the demo calendar around `now`, or `today`) in Graph."""
        user = self.entra.register_user(upn, name, oid=oid)
        if demo_calendar:
            install_demo_calendar(
                self.graph,
                user.oid,
                time_zone=time_zone,
                today=today,
                now=now or self.clock(),
                upn=upn,
                display_name=name,
            )
        else:
            self.graph.add_user(user.oid, upn=upn, display_name=name, time_zone=time_zone)
        return SandboxUser(user, time_zone)

    def add_playground_users(
        self, time_zone: str = "Pacific Standard Time", today: date | None = None, now: datetime | None = None
    ) -> None:
        for oid, upn, name in PLAYGROUND_USERS:
            self.add_user(upn, name, oid=oid, time_zone=time_zone, today=today, now=now)

    def bot_env(
        self, *, authenticated: bool = True, port: int | None = None, oauth_connection: bool = True
    ) -> dict[str, str]:
        """Environment for a bot process wired to these stand-ins.

        authenticated=True: the bot has app credentials (inbound tokens checked, replies
        signed); with oauth_connection=True also the Azure Bot's OAuth connection at the
        token service stand-in (the Sign in button's fallback). False: local mode as with
        the Playground, with the sandbox-only SSO source standing in for Teams SSO.
        """
        env = {
            "GRAPH_BASE_URL": self.graph_url,
            # Tokens are for Microsoft Graph, wherever the stand-in happens to listen.
            "GRAPH_RESOURCE": "https://graph.microsoft.com",
            "AUTHORITY_HOST": self.entra.url,
            "BOT_OPENID_METADATA_URL": self.channel.metadata_url,
            "BOT_LOGIN_URL": f"{self.entra.url}/botframework.com",
            "BOT_OAUTH_URL": self.token_service.url,
            "REQUESTS_CA_BUNDLE": str(self.ca.bundle_file),
            "SSL_CERT_FILE": str(self.ca.bundle_file),
            "MicrosoftAppTenantId": "",
        }
        if authenticated:
            env.update(
                {
                    "MicrosoftAppId": BOT_APP_ID,
                    "MicrosoftAppPassword": self.app_secret,
                    "MicrosoftAppType": "MultiTenant",
                }
            )
            if oauth_connection:
                env["OAUTH_CONNECTION_NAME"] = OAUTH_CONNECTION
        else:
            env.update(
                {
                    "MicrosoftAppId": "",
                    "SANDBOX_SSO_URL": f"{self.entra.url}/sandbox/sso-token",
                    "SANDBOX_CLIENT_ID": BOT_APP_ID,
                    "SANDBOX_CLIENT_SECRET": self.app_secret,
                }
            )
        if port is not None:
            env["PORT"] = str(port)
        return env
