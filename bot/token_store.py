"""The per-user token cache's persistence, through the bot's own botbuilder Storage.

graph/ stays free of Bot Framework types: it defines a small async key-value protocol
and this adapter implements it over whatever Storage the bot uses (memory, a directory,
Cosmos DB, Blob), so a restart or another instance finds the user's cache.
"""

from __future__ import annotations

import base64

from botbuilder.core import Storage

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
        await self._storage.write({_PREFIX + key: {"data": base64.b64encode(value).decode("ascii")}})

    async def delete(self, key: str) -> None:
        await self._storage.delete([_PREFIX + key])
