"""Each patch of a library's internals runs only on the version it was written and measured for.

bot/msrest_fast.py replaces msrest's (de)serialization helpers; graph/transport.py rebuilds
httpx's private connection pool and restates one private method of httpcore's; bot/
authentication.py builds the SDK's private `_UserTokenClientImpl` and bot/connector_http.py
calls `AppCredentials._should_set_token`; bot/blob_storage.py sends its reads and writes with the
generated Blob client's private `_send_request`. When one of these libraries moves (installed or
locked), these tests fail: re-read the patch against the new code and measure it again with
`make bench`, then move the version here and in the patch together.
"""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from bot.blob_storage import PATCHED_AZURE_STORAGE_BLOB
from bot.msrest_fast import PATCHED_MSREST
from graph.transport import PATCHED_HTTPCORE, PATCHED_HTTPX
from tests.structure.imports import ROOT

PATCHED = [
    ("msrest", PATCHED_MSREST, "bot/msrest_fast.py"),
    ("httpx", PATCHED_HTTPX, "graph/transport.py"),
    ("httpcore", PATCHED_HTTPCORE, "graph/transport.py"),
    ("botframework-connector", "4.17.1", "bot/authentication.py, bot/connector_http.py"),
    ("urllib3", "2.8.0", "bot/connector_http.py (msrest's retries as urllib3 2.x applies them)"),
    ("azure-storage-blob", PATCHED_AZURE_STORAGE_BLOB, "bot/blob_storage.py (the generated client's _send_request)"),
]


def locked(package: str) -> str | None:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(package)}==(\S+)", text, flags=re.MULTILINE | re.IGNORECASE)
    return found.group(1) if found else None


@pytest.mark.parametrize(("package", "patched_for", "patch"), PATCHED, ids=[p[0] for p in PATCHED])
def test_the_installed_library_is_the_version_its_patch_was_measured_on(package, patched_for, patch):
    assert version(package) == patched_for, f"{patch} was written for {package} {patched_for}"


@pytest.mark.parametrize(("package", "patched_for", "patch"), PATCHED, ids=[p[0] for p in PATCHED])
def test_the_lock_file_pins_the_version_its_patch_was_measured_on(package, patched_for, patch):
    assert locked(package) == patched_for, f"{patch} was written for {package} {patched_for}"


def test_the_patches_are_in_force_on_these_versions():
    import httpcore
    import httpx

    from bot.msrest_fast import apply_fast_serialization
    from graph.transport import AsyncioBackend, _Pool, graph_transport

    assert apply_fast_serialization() is True
    assert isinstance(httpx.AsyncHTTPTransport()._pool, httpcore.AsyncConnectionPool)  # the layout relied on
    pool = graph_transport()._pool
    assert type(pool) is _Pool
    assert isinstance(pool._network_backend, AsyncioBackend)
