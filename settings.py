"""Regrets' configuration: environment variables (and a `.env` file) read into one value.

Only the composition root (`app.py`) calls `Settings.load()`; every other module gets
what it needs through its constructor. The names and defaults are a contract with
deployments and are documented as a table in the README. A broken configuration raises
`ConfigError` naming the variable, before anything listens.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

PUBLIC_AUTHORITY_HOST = "https://login.microsoftonline.com"
CONTAINER_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file (comments, `export` and quotes allowed)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def _url(name: str, value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} is not a valid http(s) URL: {value!r}")
    return value.rstrip("/")


def _origin(url: str) -> str:
    """`https://graph.microsoft.com` for `https://graph.microsoft.com/v1.0` (national clouds alike)."""
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.netloc}"


@dataclass(frozen=True)
class Settings:
    app_id: str = ""
    app_password: str = field(default="", repr=False)
    tenant_id: str = ""
    app_type: str = "MultiTenant"
    host: str = "127.0.0.1"
    port: int = 3978
    graph_base_url: str = "https://graph.microsoft.com/v1.0"
    # The resource delegated scopes are asked for; derived from GRAPH_BASE_URL's host.
    graph_resource: str = "https://graph.microsoft.com"
    authority_host: str = PUBLIC_AUTHORITY_HOST
    bot_openid_metadata_url: str = "https://login.botframework.com/v1/.well-known/openidconfiguration"
    bot_token_issuer: str = "https://api.botframework.com"
    bot_login_url: str = f"{PUBLIC_AUTHORITY_HOST}/botframework.com"
    bot_oauth_scope: str = "https://api.botframework.com"
    bot_oauth_url: str = "https://api.botframework.com"
    sso_resource: str = ""
    # The Azure Bot's OAuth connection behind the card's Sign in button when silent SSO
    # fails; empty: SSO only, no fallback.
    oauth_connection_name: str = ""
    ca_bundle: str | None = None
    allowed_tenants: tuple[str, ...] = ()
    # Secret the per-user token cache is encrypted with at rest; when empty the key is
    # derived from MicrosoftAppPassword, so every instance of one deployment agrees.
    token_cache_key: str = field(default="", repr=False)
    # Sandbox mode only: where the demo's Playground-user SSO tokens come from.
    sandbox_sso_url: str = ""
    sandbox_client_id: str = ""
    sandbox_client_secret: str = field(default="", repr=False)
    # Where conversation/user state and pending card actions live: memory, or a directory.
    storage_dir: str = ""
    # Azure Blob Storage shared by every instance (bot/blob_storage.py); wins over memory, never
    # mixed with STORAGE_DIR.
    azure_storage_connection_string: str = field(default="", repr=False)
    storage_container: str = "regrets"
    confirm_before_acting: bool = True
    log_level: str = "INFO"
    # The bot's public base URL (https://regrets.contoso.com): Graph change notifications for
    # invitation cards are sent under it. Empty: invitation cards are unavailable.
    public_base_url: str = ""

    @property
    def local_mode(self) -> bool:
        """No app id: unauthenticated activities are accepted, from loopback only."""
        return not self.app_id

    @property
    def sandbox_sso(self) -> bool:
        """The demo's stand-in SSO source: only ever without real credentials."""
        return self.local_mode and bool(self.sandbox_sso_url and self.sandbox_client_id)

    @property
    def obo_client(self) -> tuple[str, str]:
        """The confidential client that exchanges SSO tokens on behalf of the user."""
        if self.app_id:
            return self.app_id, self.app_password
        return self.sandbox_client_id, self.sandbox_client_secret

    @property
    def authority(self) -> str:
        """The OBO authority: `{AUTHORITY_HOST}/{tenant}` (organizations when multi-tenant)."""
        return f"{self.authority_host}/{self.tenant_id or 'organizations'}"

    @property
    def is_public_authority(self) -> bool:
        return self.authority_host.rstrip("/").lower() == PUBLIC_AUTHORITY_HOST

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Settings from `environ` (default: the process environment) over `.env`."""
        env: dict[str, str] = dict(read_dotenv(dotenv or Path.cwd() / ".env"))
        env.update(os.environ if environ is None else environ)
        return cls.from_mapping(env)

    @classmethod
    def from_mapping(cls, env: Mapping[str, str]) -> Settings:
        def get(name: str, default: str = "") -> str:
            value = env.get(name)
            return default if value is None or value.strip() == "" else value.strip()

        app_id = get("MicrosoftAppId")
        password = get("MicrosoftAppPassword")
        tenant = get("MicrosoftAppTenantId")
        if app_id and not password:
            raise ConfigError("MicrosoftAppPassword is required when MicrosoftAppId is set")
        if app_id and not GUID.match(app_id):
            raise ConfigError(f"MicrosoftAppId is not a GUID: {app_id!r}")
        if tenant and not (GUID.match(tenant) or "." in tenant):
            raise ConfigError(f"MicrosoftAppTenantId is not a tenant id or domain: {tenant!r}")
        app_type = get("MicrosoftAppType", "SingleTenant" if tenant else "MultiTenant")
        if app_type not in ("SingleTenant", "MultiTenant", "UserAssignedMSI"):
            raise ConfigError(f"MicrosoftAppType must be SingleTenant or MultiTenant, not {app_type!r}")
        if app_type == "SingleTenant" and app_id and not tenant:
            raise ConfigError("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant")

        port_text = get("PORT", "3978")
        if not port_text.isdigit() or not 0 <= int(port_text) < 65536:
            raise ConfigError(f"PORT is not a port number: {port_text!r}")

        graph_base_url = _url("GRAPH_BASE_URL", get("GRAPH_BASE_URL", cls.graph_base_url))
        authority_host = _url("AUTHORITY_HOST", get("AUTHORITY_HOST", PUBLIC_AUTHORITY_HOST))
        if app_type == "SingleTenant" and tenant:
            default_login = f"{authority_host}/{tenant}"
        else:
            default_login = f"{authority_host}/botframework.com"
        ca_bundle = get("REQUESTS_CA_BUNDLE") or get("SSL_CERT_FILE") or None
        if ca_bundle and not Path(ca_bundle).is_file():
            raise ConfigError(f"REQUESTS_CA_BUNDLE/SSL_CERT_FILE is not a readable file: {ca_bundle!r}")
        cache_key = get("TOKEN_CACHE_KEY")
        blob_store = get("AZURE_STORAGE_CONNECTION_STRING")
        if blob_store and get("STORAGE_DIR"):
            raise ConfigError("set AZURE_STORAGE_CONNECTION_STRING or STORAGE_DIR, not both")
        if blob_store and "=" not in blob_store:
            raise ConfigError("AZURE_STORAGE_CONNECTION_STRING is not a connection string (Name=value;… pairs)")
        container = get("STORAGE_CONTAINER", cls.storage_container)
        if not CONTAINER_NAME.match(container) or "--" in container:
            raise ConfigError(
                f"STORAGE_CONTAINER is not a valid container name (3-63 lowercase letters, digits, hyphens): {container!r}"
            )
        return cls(
            app_id=app_id,
            app_password=password,
            tenant_id=tenant,
            app_type=app_type,
            host=get("HOST", "0.0.0.0" if app_id else "127.0.0.1"),
            port=int(port_text),
            graph_base_url=graph_base_url,
            graph_resource=_url("GRAPH_RESOURCE", get("GRAPH_RESOURCE", _origin(graph_base_url))),
            authority_host=authority_host,
            bot_openid_metadata_url=_url(
                "BOT_OPENID_METADATA_URL", get("BOT_OPENID_METADATA_URL", cls.bot_openid_metadata_url)
            ),
            bot_token_issuer=get("BOT_TOKEN_ISSUER", cls.bot_token_issuer),
            bot_login_url=_url("BOT_LOGIN_URL", get("BOT_LOGIN_URL", default_login)),
            bot_oauth_scope=get("BOT_OAUTH_SCOPE", cls.bot_oauth_scope),
            bot_oauth_url=_url("BOT_OAUTH_URL", get("BOT_OAUTH_URL", cls.bot_oauth_url)),
            sso_resource=get("SSO_RESOURCE", f"api://botid-{app_id}" if app_id else ""),
            oauth_connection_name=get("OAUTH_CONNECTION_NAME"),
            ca_bundle=ca_bundle,
            allowed_tenants=tuple(t.strip().lower() for t in get("ALLOWED_TENANTS").split(",") if t.strip()),
            token_cache_key=cache_key,
            sandbox_sso_url=get("SANDBOX_SSO_URL") if not app_id else "",
            sandbox_client_id=get("SANDBOX_CLIENT_ID") if not app_id else "",
            sandbox_client_secret=get("SANDBOX_CLIENT_SECRET") if not app_id else "",
            storage_dir=get("STORAGE_DIR"),
            azure_storage_connection_string=blob_store,
            storage_container=container,
            confirm_before_acting=get("CONFIRM_BEFORE_ACTING", "true").lower() not in ("0", "false", "no"),
            log_level=get("LOG_LEVEL", "INFO").upper(),
            public_base_url=_url("PUBLIC_BASE_URL", get("PUBLIC_BASE_URL")) if get("PUBLIC_BASE_URL") else "",
        )
