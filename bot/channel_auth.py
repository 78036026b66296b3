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

The channel reuses one token for many activities (until it expires), and the RS256 check
is most of the cost of a request's authentication. So a token that passed every check is
remembered, keyed by its exact text, until its `exp` (plus the skew) and at most
`cache_size` of them. A remembered token skips only the signature, issuer and audience
checks, which cannot change for the same text; on every request it is still refused once
expired, when its key is no longer published or not endorsed for the activity's channel,
or when its `serviceurl` differs from the activity's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import jwt
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

CLOCK_SKEW_SECONDS = 300


class SigningKeysUnavailable(Exception):
    """The channel's keys could not be loaded: the request cannot be judged (503, not 401)."""


@dataclass(frozen=True, slots=True)
class _Verified:
    claims: dict
    kid: str
    valid_until: float  # exp + clock skew, epoch seconds


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
        cache_size: int = 256,
        clock: Callable[[], float] = time.time,
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
        self._verified: OrderedDict[str, _Verified] = OrderedDict()
        self._cache_size = cache_size
        self._clock = clock
        self.signatures_checked = 0  # RS256 verifications run (a remembered token needs none)

    async def validate(self, auth_header: str | None, *, channel_id: str | None, service_url: str | None) -> dict:
        if not auth_header:
            raise PermissionError("missing Authorization header")
        scheme, _, token = auth_header.partition(" ")
        if scheme != "Bearer" or not token:
            raise PermissionError("not a bearer token")
        known = self._verified.get(token)
        if known is not None:
            return await self._recheck(token, known, channel_id=channel_id, service_url=service_url)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise PermissionError("malformed token") from exc
        if header.get("alg") != "RS256":
            raise PermissionError("token algorithm not allowed")
        key = await self._key(str(header.get("kid") or ""))
        if (channel_id or "") not in key.endorsements:
            raise PermissionError("signing key not endorsed for this channel")
        self.signatures_checked += 1
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
        self._remember(token, claims, str(header.get("kid") or ""))
        return claims

    async def _recheck(self, token: str, known: _Verified, *, channel_id: str | None, service_url: str | None) -> dict:
        """The checks that depend on time, the published keys or the activity: run on every request."""
        if self._clock() >= known.valid_until:
            del self._verified[token]
            raise PermissionError("token rejected: ExpiredSignatureError")
        key = await self._key(known.kid)
        if (channel_id or "") not in key.endorsements:
            raise PermissionError("signing key not endorsed for this channel")
        if service_url is not None and known.claims.get("serviceurl") != service_url:
            raise PermissionError("serviceurl claim does not match the activity")
        return dict(known.claims)  # callers may change theirs; the remembered one stays as verified

    def _remember(self, token: str, claims: dict, kid: str) -> None:
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or self._cache_size <= 0:
            return
        while len(self._verified) >= self._cache_size:
            self._verified.popitem(last=False)  # the oldest first
        self._verified[token] = _Verified(dict(claims), kid, float(exp) + CLOCK_SKEW_SECONDS)

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
