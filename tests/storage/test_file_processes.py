"""The file store across processes: processes racing for the same items each get them exactly once."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from bot.file_storage import FileStorage

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4
ITEMS = 200

# Each process tries to claim every item (read, then write conditional on what it read) and
# prints the ones it won.
CLAIMER = """
import asyncio, sys
from bot.file_storage import FileStorage
from bot.storage_contract import StorageConflict

async def main(directory, me, items):
    storage = FileStorage(directory)
    won = []
    for n in range(items):
        key = f"pending/r{n}"
        item = (await storage.read([key]))[key]
        if item["state"] != "open":
            continue
        try:
            await storage.write({key: {**item, "state": "claimed", "by": me}})
            won.append(n)
        except StorageConflict:
            pass
    storage.close()
    print(" ".join(map(str, won)))

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
"""


@pytest.mark.process
async def test_processes_racing_for_the_same_items_claim_each_exactly_once(tmp_path):
    storage = FileStorage(tmp_path)
    for n in range(ITEMS):
        await storage.write({f"pending/r{n}": {"state": "open"}})

    claimers = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", CLAIMER, str(tmp_path), f"p{i}", str(ITEMS), cwd=ROOT, stdout=subprocess.PIPE
        )
        for i in range(PROCESSES)
    ]
    outputs = [(await claimer.communicate())[0].decode().split() for claimer in claimers]

    won = sorted(int(n) for out in outputs for n in out)
    assert won == list(range(ITEMS))  # every item claimed, none twice
    stored = await storage.read([f"pending/r{n}" for n in range(ITEMS)])
    for n, out in ((int(n), f"p{i}") for i, o in enumerate(outputs) for n in o):
        assert stored[f"pending/r{n}"]["by"] == out
    storage.close()
