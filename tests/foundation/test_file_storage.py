"""The directory-backed botbuilder Storage: survives a new instance, refuses stale writes."""

from __future__ import annotations

import pytest

from bot.file_storage import FileStorage


async def test_what_one_instance_wrote_another_reads_and_deletes(tmp_path):
    await FileStorage(tmp_path).write({"conversation/a:1": {"dialogs": {"stack": []}, "count": 2}})
    other = FileStorage(tmp_path)
    assert (await other.read(["conversation/a:1", "missing"])) == {
        "conversation/a:1": {"dialogs": {"stack": []}, "count": 2}
    }
    await other.delete(["conversation/a:1", "missing"])
    assert await FileStorage(tmp_path).read(["conversation/a:1"]) == {}


async def test_a_write_with_a_stale_e_tag_is_refused_so_only_one_of_two_claims_wins(tmp_path):
    first, second = FileStorage(tmp_path), FileStorage(tmp_path)
    await first.write({"pending/r1": {"state": "open", "e_tag": "1"}})
    seen_by_first = (await first.read(["pending/r1"]))["pending/r1"]
    seen_by_second = (await second.read(["pending/r1"]))["pending/r1"]

    await first.write({"pending/r1": {**seen_by_first, "state": "claimed"}})
    with pytest.raises(KeyError):
        await second.write({"pending/r1": {**seen_by_second, "state": "claimed"}})
    assert (await second.read(["pending/r1"]))["pending/r1"]["state"] == "claimed"


async def test_a_write_with_a_star_e_tag_always_lands(tmp_path):
    storage = FileStorage(tmp_path)
    await storage.write({"k": {"v": 1, "e_tag": "1"}})
    await storage.write({"k": {"v": 2, "e_tag": "*"}})
    assert (await storage.read(["k"]))["k"]["v"] == 2
