"""A botbuilder `Storage` in a directory, safe for several processes on one machine.

The default store for `make run` and single-machine deployments (`STORAGE_DIR`). It
honours the contract in `bot/storage_contract.py`: every write is conditional on the
e_tag the caller read (or on the item being new), and a conflict raises
`StorageConflict`.

The items live in one SQLite database in the directory (`regrets.sqlite3`, write-ahead
log on), one row per key: the key's SHA-256 (no user id shows in the file), the kind of
item (`pending`, `token-cache`, …, for an operator), its e_tag and its encoded value. A
create is an INSERT (an existing row is a conflict); an update is an UPDATE … WHERE the
stored e_tag is the expected one (no row changed is a conflict). Each statement is atomic
across processes (SQLite's own file locks), and a process killed mid-write leaves the
last committed version. A row costs tens of microseconds where a file per key (temporary
file, rename, lock file) cost 0.65–1 ms per write on ext4 (`make bench`, store runs).

All database work runs on one thread of its own, off the event loop, so a write waiting
for another process's lock never holds up the loop. Directories written by earlier
versions (one JSON file per key) are read into the database once, when it is opened.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import secrets
import sqlite3
import time
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
    decode,
    encode,
    expected_tag,
    remember_tag,
)

T = TypeVar("T")
DB_NAME = "regrets.sqlite3"
# How long a write waits for another process holding the database's write lock (held for
# microseconds per statement) before the store counts as unavailable.
BUSY_SECONDS = 5.0
_SCHEMA = "CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY, kind TEXT NOT NULL, tag TEXT NOT NULL, value BLOB NOT NULL) WITHOUT ROWID"


class FileStorage(Storage):
    def __init__(self, directory: str | Path) -> None:
        self._dir = Path(directory)
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            self._db = _open(self._dir / DB_NAME)
            _import_files(self._db, self._dir)
        except OSError as exc:
            raise StorageUnavailable(f"STORAGE_DIR {str(self._dir)!r} cannot be used: {exc.strerror}") from exc
        except sqlite3.Error as exc:
            raise StorageUnavailable(f"STORAGE_DIR {str(self._dir)!r} cannot be used: {_reason(exc)}") from exc
        # One thread: SQLite serialises writers anyway, and a connection is used by one thread at a time.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="file-storage")
        # e_tags: random per process, then a counter (unique across processes without a syscall each).
        self._tags = map(f"{secrets.token_hex(8)}-{{}}".format, itertools.count(1))

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    async def check(self) -> None:
        """Prove the directory takes a write and a delete (startup), or say why not."""
        await self._run(self._check)

    def _check(self) -> None:
        name = "probe-" + secrets.token_hex(8)
        try:
            self._db.execute("INSERT INTO items VALUES (?, 'probe', '-', x'')", (name,))
            self._db.execute("DELETE FROM items WHERE name = ?", (name,))
        except sqlite3.Error as exc:
            raise StorageUnavailable(f"STORAGE_DIR {str(self._dir)!r} cannot be written: {_reason(exc)}") from exc

    async def read(self, keys: list[str]) -> dict[str, Any]:
        if not keys:
            return {}
        return await self._run(lambda: self._read(keys))

    def _read(self, keys: list[str]) -> dict[str, Any]:
        found = {}
        try:
            for key in keys:
                row = self._db.execute("SELECT tag, value FROM items WHERE name = ?", (_name(key),)).fetchone()
                if row is not None:
                    found[key] = decode(row[1], row[0])
        except sqlite3.Error as exc:
            raise StorageUnavailable(f"STORAGE_DIR cannot be read: {_reason(exc)}") from exc
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        if changes:
            await self._run(lambda: self._write(changes))

    def _write(self, changes: dict[str, Any]) -> None:
        for key, item in changes.items():
            expected = expected_tag(key, item)
            value, tag = encode(item), next(self._tags)
            try:
                if expected is None:
                    self._db.execute("INSERT INTO items VALUES (?, ?, ?, ?)", (_name(key), _kind(key), tag, value))
                else:
                    changed = self._db.execute(
                        "UPDATE items SET tag = ?, value = ? WHERE name = ? AND tag = ?",
                        (tag, value, _name(key), expected),
                    ).rowcount
                    if changed != 1:
                        raise StorageConflict(key)
            except sqlite3.IntegrityError as exc:  # the key exists: someone created it first
                raise StorageConflict(key) from exc
            except sqlite3.Error as exc:
                raise StorageUnavailable(f"STORAGE_DIR cannot be written: {_reason(exc)}") from exc
            remember_tag(item, tag)

    async def delete(self, keys: list[str]) -> None:
        if keys:
            await self._run(lambda: self._delete(keys))

    def _delete(self, keys: list[str]) -> None:
        try:
            self._db.executemany("DELETE FROM items WHERE name = ?", [(_name(key),) for key in keys])
        except sqlite3.Error as exc:
            raise StorageUnavailable(f"STORAGE_DIR cannot be written: {_reason(exc)}") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self._db.close()


def _open(path: Path) -> sqlite3.Connection:
    """Connect, in write-ahead-log mode, with the items table; retried while another process sets it up.

    Switching to WAL (once per database: the mode is kept in the file) and creating the
    table need the database to themselves; SQLite answers "database is locked" at once,
    without waiting, when two processes start together, so this waits and tries again.
    """
    db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            # With the write-ahead log, NORMAL loses nothing when a process dies; only a power cut
            # may drop the last writes (as the files of earlier versions could).
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            return db
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                db.close()
                raise
            time.sleep(0.05)


def _name(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _kind(key: str) -> str:
    """What sort of item a row holds ("pending", "msteams/conversations"…), for an operator; never ids."""
    parts = key.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 and parts[1] == "conversations" else parts[0]


def _reason(exc: sqlite3.Error) -> str:
    # SQLite's messages name the failure ("database is locked", "disk I/O error"), never data.
    return str(exc) or type(exc).__name__


def _import_files(db: sqlite3.Connection, directory: Path) -> None:
    """Move items an earlier version kept as one JSON file per key into the database, once.

    Those files were named by the key's SHA-256 (the same name a row has) and held
    `{"e_tag", "kind", "value"}`; a row already there is newer and wins.
    """
    files = sorted(directory.glob("*.json"))
    if not files:
        return
    imported = []
    db.execute("BEGIN IMMEDIATE")  # one process imports; another waits, then finds the files gone
    try:
        for path in files:
            try:
                envelope = jsonpickle.decode(path.read_text("utf-8"))
                value = as_dict(envelope["value"])
            except FileNotFoundError:
                continue
            except (ValueError, KeyError, TypeError):
                continue  # not an item file; left as it is
            tag = str(envelope.get(E_TAG) or value.get(E_TAG) or secrets.token_hex(8))
            db.execute(
                "INSERT OR IGNORE INTO items VALUES (?, ?, ?, ?)",
                (path.stem, str(envelope.get("kind") or "imported"), tag, encode(value)),
            )
            imported.append(path)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    for path in imported:
        path.unlink(missing_ok=True)
    for leftover in itertools.chain(directory.glob("*.tmp"), (directory / "locks").glob("*.lock")):
        leftover.unlink(missing_ok=True)
    if (directory / "locks").is_dir() and not any((directory / "locks").iterdir()):
        os.rmdir(directory / "locks")
