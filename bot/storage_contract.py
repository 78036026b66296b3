"""The storage contract every Regrets store honours (files on one machine, Azure Blob across many).

Regrets keeps conversation state, pending card actions, SSO exchange ids and per-user
token caches in one botbuilder `Storage`. Several instances (or processes on one
machine) may share it, so every write is conditional and nothing is ever overwritten
blindly:

- `read(keys)` returns the items found (absent keys are left out), each a dict whose
  `e_tag` is the store's current version of that item (an opaque string).
- `write({key: item})` looks at the item's `e_tag`:
  * absent or None: create. It lands only if nothing is stored under the key
    (HTTP `If-None-Match: *`);
  * a value: update. It lands only if the stored item still has that e_tag
    (`If-Match`); a changed or deleted item is a conflict;
  * `"*"` (botbuilder's "overwrite whatever is there") is refused with
    `UnconditionalWrite`: no caller may overwrite what another instance wrote.
  After a write lands, the written dict's `e_tag` is set to the new version, so the
  same object can be written again in the same turn.
- A conflict raises `StorageConflict`, a `KeyError` as botbuilder's MemoryStorage
  raises, naming only the kind of key. The caller resolves it by reading again
  (and deciding from what it finds), never by retrying the same write with `"*"`.
- Writes of several keys are applied one key at a time; the first conflict stops the
  rest. Regrets writes one key per call.
- `delete(keys)` removes the items; deleting what is not there is not an error.
- A store that cannot be reached, refuses the credentials or lacks a permission
  raises `StorageUnavailable`: the caller tells the user a sentence and does nothing
  more; no other store is tried.
"""

from __future__ import annotations

import json
from typing import Any

import jsonpickle

E_TAG = "e_tag"


class StorageConflict(KeyError):
    """The item changed (or appeared, or vanished) since it was read: read it again."""

    def __init__(self, key: str) -> None:
        # The key's first segment only (pending, token-cache, msteams…): keys carry user ids.
        super().__init__(f"storage conflict on a {key.split('/')[0]} item")
        self.kind = key.split("/")[0]

    def __str__(self) -> str:
        return str(self.args[0])


class UnconditionalWrite(ValueError):
    """A write with e_tag "*": refused, since it would overwrite another instance's update."""


class StorageUnavailable(RuntimeError):
    """The store cannot be used right now (unreachable, credentials refused, no permission)."""


def as_dict(item: Any) -> dict[str, Any]:
    """A shallow copy of a stored item as a dict (botbuilder also writes StoreItem objects)."""
    return dict(item) if isinstance(item, dict) else dict(vars(item))


def expected_tag(key: str, item: Any) -> str | None:
    """The e_tag a write is conditional on: None means create-only."""
    tag = item.get(E_TAG) if isinstance(item, dict) else getattr(item, E_TAG, None)
    if tag == "*":
        raise UnconditionalWrite(f"a write with e_tag '*' to a {key.split('/')[0]} item")
    if tag == "":
        return None
    return None if tag is None else str(tag)


def remember_tag(item: Any, tag: str) -> None:
    """Give the caller's object the version it just wrote."""
    if isinstance(item, dict):
        item[E_TAG] = tag
    elif hasattr(item, "__dict__"):
        item.e_tag = tag


def encode(item: Any) -> bytes:
    """The stored form of an item, without its e_tag (the store keeps versions itself).

    Plain JSON data (what Regrets stores) is written with `json`; anything else (a
    botbuilder StoreItem, a tuple) with jsonpickle, as botbuilder's own storages do, so it
    comes back as the same objects. jsonpickle costs about six times as much per item.
    """
    data = as_dict(item)
    data.pop(E_TAG, None)
    if _plain(data):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return jsonpickle.encode(data).encode("utf-8")


def decode(raw: bytes | str, tag: str) -> dict[str, Any]:
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    # jsonpickle marks what it encoded with "py/…" keys; plain data never has them (`_plain`).
    data = as_dict(jsonpickle.decode(text) if '"py/' in text else json.loads(text))
    data[E_TAG] = tag
    return data


def _plain(value: Any) -> bool:
    """Whether `json` round-trips `value` exactly (no tuples, objects, non-string or "py/" keys)."""
    kind = type(value)
    if kind is dict:
        return all(type(k) is str and not k.startswith("py/") and _plain(v) for k, v in value.items())
    if kind is list:
        return all(_plain(v) for v in value)
    return kind in (str, int, float, bool) or value is None
