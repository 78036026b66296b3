"""The per-user token cache's persistence, through the bot's own botbuilder Storage.

graph/ stays free of Bot Framework types: it defines a small async key-value protocol
and this adapter implements it over whatever Storage the bot uses (memory, a directory,
Azure Blob), so a restart or another instance finds the user's cache. The values are
already encrypted per user (graph/token_cache.py); this adapter only moves bytes.

Writes follow the storage contract: a save is conditional on the version read just
before it. If another instance saved the same user's cache in between, its cache is
kept (it is as valid as ours, and newer) rather than overwritten.
"""

from __future__ import annotations

import base64
import logging

from botbuilder.core import Storage

from bot.storage_contract import E_TAG, StorageConflict

log = logging.getLogger(__name__)

_PREFIX = "token-cache/"


class StorageTokenStore:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    async def get(self, key: str) -> bytes | None:
        found = (await self._storage.read([_PREFIX + key])).get(_PREFIX + key)
        if not found:
            return None
        return base64.b64decode(found["data"])

    async def set(self, key: str, value: bytes) -> None:
        current = (await self._storage.read([_PREFIX + key])).get(_PREFIX + key)
        item = {"data": base64.b64encode(value).decode("ascii"), E_TAG: current.get(E_TAG) if current else None}
        try:
            await self._storage.write({_PREFIX + key: item})
        except StorageConflict:
            log.info("another instance saved this user's token cache at the same moment; keeping theirs")

    async def delete(self, key: str) -> None:
        await self._storage.delete([_PREFIX + key])
