"""The HTTP client and authority options every MSAL application in Regrets uses.

- `MsalHttpClient`: a `requests.Session` that ignores proxy/CA environment variables
  (`trust_env=False`, which would otherwise override `verify`), trusts the configured CA
  bundle, applies a timeout to every request and keeps successful metadata GETs (OpenID
  configuration, instance discovery) for a day, shared by all MSAL applications built on
  it, so building an application per user costs no network round trip after the first.
- `instance_discovery(authority)`: MSAL asks login.microsoftonline.com about any host it
  does not know; for a non-Microsoft host (a sovereign-cloud proxy, the local stand-in)
  that request is wrong, so discovery is switched off there.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlparse

import requests
from msal.authority import WELL_KNOWN_AUTHORITY_HOSTS
from requests.adapters import HTTPAdapter

METADATA_TTL = 24 * 3600


class MsalHttpClient(requests.Session):
    """requests.Session with a default timeout, explicit CA trust and a metadata GET cache."""

    def __init__(self, ca_bundle: str | None = None, *, timeout: float = 10.0) -> None:
        super().__init__()
        self.trust_env = False
        self.verify = ca_bundle or True
        self.timeout = timeout
        adapter = HTTPAdapter(max_retries=1)  # one retry of failed connects, like MSAL's own session
        self.mount("https://", adapter)
        self.mount("http://", adapter)
        self._metadata: dict[str, tuple[float, requests.Response]] = {}
        self._metadata_lock = threading.Lock()

    def request(self, method, url, *args, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().request(method, url, *args, **kwargs)

    def get(self, url, **kwargs):  # type: ignore[override]
        key = f"{url}?{sorted((kwargs.get('params') or {}).items())}"
        now = time.monotonic()
        with self._metadata_lock:
            hit = self._metadata.get(key)
        if hit and hit[0] > now:
            return hit[1]
        response = super().get(url, **kwargs)
        if 200 <= response.status_code < 300:
            _ = response.content  # read it now, so the cached response is complete
            with self._metadata_lock:
                self._metadata[key] = (now + METADATA_TTL, response)
        return response


def authority_parts(authority: str) -> tuple[str, str]:
    """`https://host[:port]/tenant` -> (`https://host[:port]`, `tenant`)."""
    parsed = urlparse(authority.rstrip("/"))
    if parsed.scheme != "https" or not parsed.netloc:
        raise ValueError(f"an authority must be an https URL: {authority!r}")
    tenant = parsed.path.strip("/").split("/")[0] if parsed.path.strip("/") else "organizations"
    return f"https://{parsed.netloc}", tenant


def instance_discovery(authority: str) -> bool | None:
    """None (MSAL's default) for Microsoft's own hosts, False for any other host."""
    host = urlparse(authority).netloc.lower()
    return None if host in WELL_KNOWN_AUTHORITY_HOSTS else False
