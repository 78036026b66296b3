"""A botbuilder `Storage` in process memory that honours Regrets' storage contract.

For local mode without `STORAGE_DIR` and for tests: one process, nothing survives a
restart. Unlike botbuilder's MemoryStorage, which only checks e_tags on items that
already carry one and lets `"*"` overwrite, every write here is conditional exactly as
in `bot/storage_contract.py`, so code that works on it works on the shared stores.
Items are stored encoded, as the other stores keep them, so a caller never shares an
object with the store.
"""

from __future__ import annotations

import itertools
from typing import Any

from botbuilder.core import Storage

from bot.storage_contract import StorageConflict, decode, encode, expected_tag, remember_tag


class InMemoryStorage(Storage):
    def __init__(self) -> None:
        self._items: dict[str, tuple[str, bytes]] = {}
        self._versions = itertools.count(1)

    async def read(self, keys: list[str]) -> dict[str, Any]:
        found = {}
        for key in keys or []:
            if key in self._items:
                tag, raw = self._items[key]
                found[key] = decode(raw, tag)
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        # No await inside: each key's check and write happen in one step of the event loop.
        for key, item in (changes or {}).items():
            expected = expected_tag(key, item)
            current = self._items.get(key)
            if (expected is None) != (current is None) or (current is not None and current[0] != expected):
                raise StorageConflict(key)
            tag = f"m{next(self._versions)}"
            self._items[key] = (tag, encode(item))
            remember_tag(item, tag)

    async def delete(self, keys: list[str]) -> None:
        for key in keys or []:
            self._items.pop(key, None)
