"""A botbuilder `Storage` in a directory: state that survives a restart of the bot.

One JSON file per key (jsonpickle, as botbuilder's own blob storage does, since
dialog state holds Python objects) (the key hashed into the file name), written atomically
(temp file + rename) off the event loop. e_tags behave like botbuilder's MemoryStorage:
a write carrying a stale e_tag raises `KeyError`, which is what makes card clicks and
token exchanges happen once even across instances sharing the directory.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
import uuid
from pathlib import Path
from typing import Any

import jsonpickle
from botbuilder.core import Storage


class FileStorage(Storage):
    def __init__(self, directory: str | Path) -> None:
        self._dir = Path(directory)
        self._dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def _path(self, key: str) -> Path:
        return self._dir / (hashlib.sha256(key.encode()).hexdigest() + ".json")

    async def read(self, keys: list[str]) -> dict[str, Any]:
        return await asyncio.to_thread(self._read, keys)

    def _read(self, keys: list[str]) -> dict[str, Any]:
        found = {}
        for key in keys:
            try:
                found[key] = jsonpickle.decode(self._path(key).read_text("utf-8"))["value"]
            except FileNotFoundError:
                continue
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        if changes:
            await asyncio.to_thread(self._write, changes)

    def _write(self, changes: dict[str, Any]) -> None:
        with self._lock:
            for key, value in changes.items():
                data = dict(value) if isinstance(value, dict) else value.__dict__.copy()
                path = self._path(key)
                old = self._read([key]).get(key)
                old_tag = old.get("e_tag") if isinstance(old, dict) else None
                new_tag = data.get("e_tag")
                if old_tag is not None and new_tag not in (None, "*") and new_tag != old_tag:
                    raise KeyError(f"e_tag conflict for a stored item ({key.split('/')[0]})")
                if old_tag is not None or new_tag not in (None, "*"):
                    data["e_tag"] = uuid.uuid4().hex
                tmp = path.with_suffix(f".{uuid.uuid4().hex}.tmp")
                tmp.write_text(jsonpickle.encode({"key": key, "value": data}), "utf-8")
                os.replace(tmp, path)

    async def delete(self, keys: list[str]) -> None:
        await asyncio.to_thread(self._delete, keys)

    def _delete(self, keys: list[str]) -> None:
        with self._lock:
            for key in keys:
                self._path(key).unlink(missing_ok=True)
