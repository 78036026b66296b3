"""Inbound request authentication: is this activity really from the Bot Framework channel?

Replaces botbuilder 4.17's `JwtTokenExtractor` path, which answers 500 for most forged
tokens, fetches OpenID metadata with blocking `requests` calls on the event loop, and
raises `IndexError` on an unknown key id instead of refreshing. Here every failure is a
`PermissionError` (the adapter turns it into 401 and runs no turn), metadata comes over
the shared async HTTP client, is cached for a day, and an unknown key id triggers at most
one refresh per `refresh_interval`.

Checks, as the Bot Framework documentation describes them: `Bearer` scheme; RS256
signature by a key from the channel's JWKS; the key's endorsements include the
activity's channel id; issuer = BOT_TOKEN_ISSUER; audience = the bot's app id; not
expired (5 minutes of clock skew); `serviceurl` claim equal to the activity's serviceUrl.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import httpx
import jwt
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

CLOCK_SKEW_SECONDS = 300


class SigningKeysUnavailable(Exception):
    """The channel's keys could not be loaded: the request cannot be judged (503, not 401)."""


@dataclass
class _Key:
    public_key: Any
    endorsements: tuple[str, ...]


class ChannelTokenValidator:
    """Validates the channel's JWT on an inbound activity; raises PermissionError."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        metadata_url: str,
        issuer: str,
        app_id: str,
        max_age: float = 24 * 3600,
        refresh_interval: float = 300,
    ) -> None:
        self._http = http
        self._metadata_url = metadata_url
        self._issuer = issuer
        self._app_id = app_id
        self._max_age = max_age
        self._refresh_interval = refresh_interval
        self._keys: dict[str, _Key] = {}
        self._fetched_at = float("-inf")
        self._refresh_lock = asyncio.Lock()

    async def validate(self, auth_header: str | None, *, channel_id: str | None, service_url: str | None) -> dict:
        if not auth_header:
            raise PermissionError("missing Authorization header")
        scheme, _, token = auth_header.partition(" ")
        if scheme != "Bearer" or not token:
            raise PermissionError("not a bearer token")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise PermissionError("malformed token") from exc
        if header.get("alg") != "RS256":
            raise PermissionError("token algorithm not allowed")
        key = await self._key(str(header.get("kid") or ""))
        if (channel_id or "") not in key.endorsements:
            raise PermissionError("signing key not endorsed for this channel")
        try:
            claims = jwt.decode(
                token,
                key.public_key,
                algorithms=["RS256"],
                audience=self._app_id,
                issuer=self._issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise PermissionError(f"token rejected: {type(exc).__name__}") from exc
        if service_url is not None and claims.get("serviceurl") != service_url:
            raise PermissionError("serviceurl claim does not match the activity")
        return claims

    async def _key(self, kid: str) -> _Key:
        now = time.monotonic()
        if now - self._fetched_at > self._max_age:
            await self._refresh(force=True)
        found = self._keys.get(kid)
        if found is None and time.monotonic() - self._fetched_at > self._refresh_interval:
            # Keys rotate; an unknown kid may be a new key, so look once more (rate-limited).
            await self._refresh(force=False)
            found = self._keys.get(kid)
        if found is None:
            raise PermissionError("unknown signing key")
        return found

    async def _refresh(self, *, force: bool) -> None:
        started = time.monotonic()
        async with self._refresh_lock:
            if self._fetched_at >= started - (0 if force else self._refresh_interval) and self._keys:
                return  # another turn refreshed while we waited
            try:
                metadata = (await self._http.get(self._metadata_url)).raise_for_status().json()
                jwks = (await self._http.get(metadata["jwks_uri"])).raise_for_status().json()
                keys = {
                    str(k["kid"]): _Key(
                        public_key=RSAAlgorithm.from_jwk(json.dumps(k)),
                        endorsements=tuple(k.get("endorsements") or ()),
                    )
                    for k in jwks.get("keys", [])
                    if k.get("kty") == "RSA" and k.get("kid")
                }
            except (httpx.HTTPError, KeyError, ValueError, TypeError) as exc:
                log.warning("could not load channel signing keys from %s: %s", self._metadata_url, type(exc).__name__)
                self._fetched_at = time.monotonic() if self._keys else float("-inf")
                raise SigningKeysUnavailable() from exc
            self._keys = keys
            self._fetched_at = time.monotonic()
            log.info("loaded %d channel signing keys", len(keys))
