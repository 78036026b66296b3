"""The rooms' import rules (issue 14), checked on the source and on what an import loads.

app.py → bot/ → dialogs/ → understanding/ and graph/; sandbox/ stands in for Microsoft
and shares no code with the product in either direction.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.structure.imports import PRODUCT, ROOT, SANDBOX, imported, modules, offenders, top

BOT_SDK = ("botbuilder", "botframework", "msrest", "aiohttp")
IO_LIBRARIES = ("httpx", "httpcore", "aiohttp", "msal", "requests", "botbuilder", "botframework", "msrest", "jwt")


def test_the_import_reader_sees_imports_inside_functions_and_relative_ones(tmp_path):
    (tmp_path / "graph").mkdir()
    probe = tmp_path / "graph" / "probe.py"
    probe.write_text("from . import models\nfrom .errors import X\n\ndef later():\n    import botbuilder.core\n")
    assert imported(probe, root=tmp_path) == {"graph", "graph.errors", "botbuilder.core"}


def test_graph_imports_no_bot_sdk_and_nothing_from_the_rooms_above_it():
    assert offenders(modules("graph"), lambda name: top(name) in (*BOT_SDK, "bot", "dialogs", "app")) == {}


def test_understanding_imports_nothing_from_bot_dialogs_or_graph_io():
    pure_graph = {"graph.models", "graph.timezones"}
    assert (
        offenders(
            modules("understanding"),
            lambda name: (
                top(name) in (*IO_LIBRARIES, "bot", "dialogs", "app", "settings")
                or (top(name) == "graph" and name not in pure_graph)
            ),
        )
        == {}
    )


def test_sandbox_imports_no_product_module():
    # The demo launcher, which starts the bot and reads its .env, lives outside sandbox/ (demo/).
    assert offenders(modules(*SANDBOX), lambda name: top(name) in PRODUCT) == {}


def test_product_code_imports_nothing_from_sandbox():
    assert offenders(modules(*PRODUCT), lambda name: top(name) in SANDBOX) == {}


PROBE = r"""
import importlib, json, os, sys
from collections.abc import MutableMapping

root, watched = sys.argv[1], tuple(sys.argv[2].split(","))  # reads by files under these are noted
reads = []
PLUMBING = {"<string>", os.__file__, "<frozen os>", "<frozen _collections_abc>"}

class Watched(MutableMapping):
    def __init__(self, real):
        self._real = real
    def _note(self, key):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename in PLUMBING:
            frame = frame.f_back
        if frame is not None and frame.f_code.co_filename.startswith(watched):
            reads.append(f"{frame.f_code.co_filename[len(root) + 1:]}:{frame.f_lineno} reads {key}")
    def __getitem__(self, key):
        self._note(key)
        return self._real[key]
    def __contains__(self, key):
        self._note(key)
        return key in self._real
    def __setitem__(self, key, value):
        self._real[key] = value
    def __delitem__(self, key):
        del self._real[key]
    def __iter__(self):
        self._note("*")
        return iter(self._real)
    def __len__(self):
        return len(self._real)
    def copy(self):
        self._note("*")
        return dict(self._real)

os.environ = Watched(os.environ)
for name in sys.argv[3:]:
    importlib.import_module(name)
print(json.dumps({"reads": reads, "loaded": sorted(sys.modules)}))
"""


def load(*names: str) -> dict:
    """Import `names` in a fresh interpreter; what the rooms read from the environment, what was loaded."""
    watched = ",".join(
        str(ROOT / f"{room}.py") if (ROOT / f"{room}.py").is_file() else f"{ROOT / room}/"
        for room in (*PRODUCT, *SANDBOX)
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT), watched, *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def module_names(*packages: str) -> list[str]:
    names = []
    for path in modules(*packages):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return [name for name in names if not name.endswith("__main__")]


@pytest.mark.process
def test_the_environment_probe_notices_a_module_that_reads_the_environment_at_import(tmp_path):
    (tmp_path / "reads_env.py").write_text("import os\nHOME = os.environ.get('HOME')\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path), str(tmp_path / "reads_env.py"), "reads_env"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(tmp_path), "HOME": "/nowhere"},
    )
    assert json.loads(done.stdout)["reads"] == ["reads_env.py:2 reads HOME"]


@pytest.mark.process
def test_no_product_or_sandbox_module_reads_the_environment_when_imported():
    names = module_names(*PRODUCT, *SANDBOX)
    assert len(names) > 40
    assert load(*names)["reads"] == []


@pytest.mark.process
def test_importing_understanding_loads_no_io_library_and_graph_loads_no_bot_sdk():
    understanding = load(*module_names("understanding"))["loaded"]
    assert [name for name in understanding if top(name) in IO_LIBRARIES or top(name) in ("bot", "dialogs")] == []
    graph = load(*module_names("graph"))["loaded"]
    assert [name for name in graph if top(name) in ("botbuilder", "botframework", "msrest", "bot", "dialogs")] == []
