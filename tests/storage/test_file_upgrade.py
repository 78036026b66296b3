"""A STORAGE_DIR written by an earlier Regrets (one JSON file per key) keeps its items when opened."""

from __future__ import annotations

import hashlib

import jsonpickle

from bot.file_storage import DB_NAME, FileStorage


def _old_item_file(directory, key: str, tag: str, value: dict) -> None:
    name = hashlib.sha256(key.encode()).hexdigest()
    envelope = {"e_tag": tag, "kind": key.split("/")[0], "value": value}
    (directory / f"{name}.json").write_text(jsonpickle.encode(envelope), "utf-8")


async def test_items_kept_as_files_by_an_earlier_version_are_read_with_their_versions_and_the_files_go(tmp_path):
    _old_item_file(tmp_path, "token-cache/u1", "v-old-1", {"data": "c2VjcmV0"})
    _old_item_file(tmp_path, "pending/r1", "v-old-2", {"state": "open", "events": {"e1": {"subject": "Sync"}}})
    (tmp_path / "locks").mkdir()
    (tmp_path / "locks" / "001.lock").write_text("", "utf-8")
    (tmp_path / "notes.json").write_text("not an item", "utf-8")

    storage = FileStorage(tmp_path)
    try:
        found = await storage.read(["token-cache/u1", "pending/r1"])
        assert found["token-cache/u1"] == {"data": "c2VjcmV0", "e_tag": "v-old-1"}
        assert found["pending/r1"]["e_tag"] == "v-old-2"
        # The version read from the old file is the one an update is conditional on.
        await storage.write({"pending/r1": {**found["pending/r1"], "state": "claimed"}})
        assert (await storage.read(["pending/r1"]))["pending/r1"]["state"] == "claimed"
    finally:
        storage.close()
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(DB_NAME))
    assert left == ["notes.json"]


async def test_opening_the_directory_again_keeps_what_was_written_since(tmp_path):
    _old_item_file(tmp_path, "pending/r1", "v-old", {"state": "open"})
    first = FileStorage(tmp_path)
    item = (await first.read(["pending/r1"]))["pending/r1"]
    await first.write({"pending/r1": {**item, "state": "done"}})
    first.close()
    second = FileStorage(tmp_path)
    try:
        assert (await second.read(["pending/r1"]))["pending/r1"]["state"] == "done"
    finally:
        second.close()
