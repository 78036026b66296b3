"""Several processes opening one new STORAGE_DIR at the same moment all start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OPENER = """
import asyncio, sys
from bot.file_storage import FileStorage
storage = FileStorage(sys.argv[1])
asyncio.run(storage.check())
storage.close()
print("ok")
"""


@pytest.mark.process
def test_processes_opening_a_new_directory_together_all_start(tmp_path):
    for round_ in range(5):
        directory = tmp_path / f"store-{round_}"
        openers = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(directory)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for _ in range(4)
        ]
        results = [(p.wait(timeout=30), p.stdout.read().decode(), p.stderr.read().decode()) for p in openers]
        for p in openers:
            p.stdout.close()
            p.stderr.close()
        assert [(code, out.strip()) for code, out, _ in results] == [(0, "ok")] * 4, [err for *_, err in results]
