"""Where each user's MSAL token cache lives between turns, restarts and instances.

`KeyValueStore` is the small async protocol the bot adapts its storage to;
`MemoryStore` implements it in memory. `EncryptedCacheStore` keeps one record per user
(the tenant the cache belongs to and MSAL's serialized cache), encrypted at rest with
Fernet under a key derived by HKDF from a deployment secret and the user key, so a
record copied under another user's key does not decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

_SALT = b"regrets/token-cache/v1"


class KeyValueStore(Protocol):
    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes) -> None: ...

    async def delete(self, key: str) -> None: ...


class MemoryStore:
    """A `KeyValueStore` in a dict (one process; tests and local mode)."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    async def get(self, key: str) -> bytes | None:
        return self.data.get(key)

    async def set(self, key: str, value: bytes) -> None:
        self.data[key] = bytes(value)

    async def delete(self, key: str) -> None:
        self.data.pop(key, None)


@dataclass(frozen=True)
class CacheRecord:
    tenant: str
    cache: str  # msal.SerializableTokenCache.serialize()


class EncryptedCacheStore:
    """Per-user cache records in a `KeyValueStore`, Fernet-encrypted with per-user keys."""

    def __init__(self, store: KeyValueStore, secret: str | bytes) -> None:
        if not secret:
            raise ValueError("a secret is required to encrypt the token cache")
        self._store = store
        self._secret = secret.encode() if isinstance(secret, str) else bytes(secret)

    @staticmethod
    def key_for(user_key: str) -> str:
        # Hashed so any user key makes a valid storage key and the store lists no user ids.
        return "token-cache-" + hashlib.sha256(user_key.encode()).hexdigest()[:40]

    def _fernet(self, user_key: str) -> Fernet:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=user_key.encode()).derive(self._secret)
        return Fernet(base64.urlsafe_b64encode(key))

    async def load(self, user_key: str) -> CacheRecord | None:
        blob = await self._store.get(self.key_for(user_key))
        if not blob:
            return None
        try:
            data = json.loads(self._fernet(user_key).decrypt(blob))
            return CacheRecord(tenant=str(data["tenant"]), cache=str(data["cache"]))
        except (InvalidToken, ValueError, KeyError, TypeError):
            # A rotated secret or a damaged record: the user signs in again, nothing worse.
            log.warning("token cache for user %s could not be decrypted; ignoring it", user_key)
            return None

    async def save(self, user_key: str, record: CacheRecord) -> None:
        plain = json.dumps({"v": 1, "tenant": record.tenant, "cache": record.cache}).encode()
        await self._store.set(self.key_for(user_key), self._fernet(user_key).encrypt(plain))

    async def delete(self, user_key: str) -> None:
        await self._store.delete(self.key_for(user_key))
