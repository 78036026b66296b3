"""A botbuilder `Storage` in a directory, safe for several processes on one machine.

The default store for `make run` and single-machine deployments (`STORAGE_DIR`). It
honours the contract in `bot/storage_contract.py`: every write is conditional on the
e_tag the caller read (or on the item being new), and a conflict raises
`StorageConflict`.

One file per key (the key hashed into the name, so no user id shows in a listing),
holding `{"e_tag": …, "kind": …, "value": …}` (kind: `pending`, `token-cache`, …). A write takes an exclusive `fcntl.flock` on one of
256 lock files (picked by the key's hash, so unrelated keys rarely wait on each other),
compares the stored e_tag with the expected one, writes a temporary file and renames
it over the old one. Rename is atomic, so readers never take the lock and never see a
half-written item, and a process killed mid-write leaves at most a stray temp file.
flock locks belong to the open file, so they exclude threads of one process as well as
other processes. All file work runs on a small thread pool of its own, off the event
loop, so a waiting lock never holds up the loop or the default executor.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import jsonpickle
from botbuilder.core import Storage

from bot.storage_contract import (
    E_TAG,
    StorageConflict,
    StorageUnavailable,
    as_dict,
    expected_tag,
    remember_tag,
)

T = TypeVar("T")
LOCK_STRIPES = 256
WORKERS = 4


class FileStorage(Storage):
    def __init__(self, directory: str | Path) -> None:
        self._dir = Path(directory)
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            (self._dir / "locks").mkdir(exist_ok=True)
        except OSError as exc:
            raise StorageUnavailable(f"STORAGE_DIR {str(self._dir)!r} cannot be used: {exc.strerror}") from exc
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="file-storage")

    def _name(self, key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self._dir / (self._name(key) + ".json")

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    async def check(self) -> None:
        """Prove the directory takes a write and a delete (startup), or say why not."""
        await self._run(self._check)

    def _check(self) -> None:
        probe = self._dir / f"probe.{uuid.uuid4().hex}.tmp"
        try:
            probe.write_text("{}", "utf-8")
            probe.unlink()
            with self._locked("probe"):
                pass
        except OSError as exc:
            raise StorageUnavailable(f"STORAGE_DIR {str(self._dir)!r} cannot be written: {exc.strerror}") from exc

    async def read(self, keys: list[str]) -> dict[str, Any]:
        if not keys:
            return {}
        return await self._run(lambda: self._read(keys))

    def _read(self, keys: list[str]) -> dict[str, Any]:
        found = {}
        for key in keys:
            stored = self._load(key)
            if stored is not None:
                tag, value = stored
                value[E_TAG] = tag
                found[key] = value
        return found

    def _load(self, key: str) -> tuple[str, dict[str, Any]] | None:
        try:
            raw = self._path(key).read_text("utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageUnavailable(f"STORAGE_DIR cannot be read: {exc.strerror}") from exc
        envelope = jsonpickle.decode(raw)
        value = as_dict(envelope["value"])
        # Files written before e_tags were kept beside the value: their content is their version.
        tag = envelope.get(E_TAG) or value.get(E_TAG) or "h" + hashlib.sha256(raw.encode()).hexdigest()[:20]
        value.pop(E_TAG, None)
        return str(tag), value

    async def write(self, changes: dict[str, Any]) -> None:
        if changes:
            await self._run(lambda: self._write(changes))

    def _write(self, changes: dict[str, Any]) -> None:
        for key, item in changes.items():
            expected = expected_tag(key, item)
            data = as_dict(item)
            data.pop(E_TAG, None)
            tag = uuid.uuid4().hex
            payload = jsonpickle.encode({E_TAG: tag, "kind": _kind(key), "value": data})
            with self._locked(key):
                current = self._load(key)
                if expected is None and current is not None:
                    raise StorageConflict(key)
                if expected is not None and (current is None or current[0] != expected):
                    raise StorageConflict(key)
                self._replace(self._path(key), payload)
            remember_tag(item, tag)

    def _replace(self, path: Path, payload: str) -> None:
        tmp = path.with_name(f"{path.stem}.{uuid.uuid4().hex}.tmp")
        try:
            tmp.write_text(payload, "utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageUnavailable(f"STORAGE_DIR cannot be written: {exc.strerror}") from exc

    def _locked(self, key: str) -> _FileLock:
        stripe = int(self._name(key)[:4], 16) % LOCK_STRIPES
        return _FileLock(self._dir / "locks" / f"{stripe:03d}.lock")

    async def delete(self, keys: list[str]) -> None:
        if keys:
            await self._run(lambda: self._delete(keys))

    def _delete(self, keys: list[str]) -> None:
        for key in keys:
            with self._locked(key):
                self._path(key).unlink(missing_ok=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def _kind(key: str) -> str:
    """What sort of item a file holds ("pending", "msteams/conversations"…), for an operator; never ids."""
    parts = key.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 and parts[1] == "conversations" else parts[0]


class _FileLock:
    """An exclusive flock on a lock file, held for the `with` block."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd = -1

    def __enter__(self) -> None:
        try:
            self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StorageUnavailable(f"STORAGE_DIR lock cannot be opened: {exc.strerror}") from exc
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def __exit__(self, *_: object) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
