"""Choosing and checking the store: a broken one stops the start with one line naming the setting.

Mid-run, the same failures are a typed error the bot turns into a sentence; no store is
ever swapped for another.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest
from azure.storage.blob.aio import ContainerClient

from app import check_storage, open_storage
from bot.blob_storage import SUPPORTED_API_VERSIONS, BlobStorage
from bot.file_storage import FileStorage
from bot.memory_storage import InMemoryStorage
from bot.storage_contract import StorageConflict, StorageUnavailable
from demo.processes import ROOT
from sandbox.azurite import Azurite, connection_string
from settings import ConfigError, Settings
from tests.storage.conftest import new_container

pytestmark = pytest.mark.process


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_settings_choose_blob_then_directory_then_memory(tmp_path, azurite):
    blob = open_storage(Settings.from_mapping({"AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string}))
    assert isinstance(blob, BlobStorage) and blob.container_name == "regrets"
    assert isinstance(open_storage(Settings.from_mapping({"STORAGE_DIR": str(tmp_path)})), FileStorage)
    assert isinstance(open_storage(Settings.from_mapping({})), InMemoryStorage)


@pytest.mark.parametrize(
    "env, named",
    [
        ({"AZURE_STORAGE_CONNECTION_STRING": "x", "STORAGE_DIR": "/tmp/x"}, "not both"),
        ({"AZURE_STORAGE_CONNECTION_STRING": "just-a-key"}, "AZURE_STORAGE_CONNECTION_STRING"),
        ({"STORAGE_CONTAINER": "Regrets_Store"}, "STORAGE_CONTAINER"),
        ({"STORAGE_CONTAINER": "ab"}, "STORAGE_CONTAINER"),
    ],
)
def test_a_malformed_store_setting_is_a_configuration_error_naming_it(env, named):
    with pytest.raises(ConfigError, match=named):
        Settings.from_mapping(env)


async def test_the_check_creates_the_container_when_it_is_missing(azurite):
    container = new_container()
    await check_storage(
        Settings.from_mapping(
            {"AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string, "STORAGE_CONTAINER": container}
        )
    )
    async with ContainerClient.from_connection_string(azurite.connection_string, container) as client:
        assert await client.exists()
        assert [b.name async for b in client.list_blobs()] == []  # the probe cleaned up after itself


@pytest.mark.parametrize(
    "conn, says",
    [
        ("wrong key", "refused"),
        ("unreachable", "cannot be reached"),
        ("AccountName=x;AccountKey=y", "AccountKey is not a valid account key"),
        ("Account=x;Key=y", "not a valid Azure Storage connection string"),
    ],
)
async def test_a_store_that_cannot_be_used_fails_the_check_naming_the_setting(azurite, conn, says):
    if conn == "wrong key":
        conn = connection_string(azurite.port, key="d3Jvbmcga2V5" * 7 + "AA==")
    elif conn == "unreachable":
        conn = connection_string(closed_port())
    settings = Settings.from_mapping({"AZURE_STORAGE_CONNECTION_STRING": conn})
    with pytest.raises(StorageUnavailable) as failure:
        await check_storage(settings)
    assert str(failure.value).startswith("AZURE_STORAGE_CONNECTION_STRING")
    assert says in str(failure.value)
    assert "d3Jvbm" not in str(failure.value) and "Eby8" not in str(failure.value)  # no key in the message


async def test_mid_run_an_unreachable_store_is_a_typed_error_within_seconds_not_a_hang(azurite):
    storage = BlobStorage.from_connection_string(connection_string(closed_port()), "regrets")
    started = time.monotonic()
    try:
        with pytest.raises(StorageUnavailable):
            await storage.read(["pending/r1"])
        with pytest.raises(StorageUnavailable):
            await storage.write({"pending/r1": {"state": "open"}})
    finally:
        await storage.close()
    assert time.monotonic() - started < 10


def run_app(env: dict[str, str], tmp_path) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PORT": str(closed_port()), "HOST": "127.0.0.1"}
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        cwd=tmp_path,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_regrets_with_an_unreachable_blob_store_exits_2_with_one_line_naming_the_setting(tmp_path):
    done = run_app({"AZURE_STORAGE_CONNECTION_STRING": connection_string(closed_port())}, tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert "AZURE_STORAGE_CONNECTION_STRING" in line and "cannot be reached" in line


def test_regrets_with_an_unwritable_storage_dir_exits_2_with_one_line_naming_the_setting(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    done = run_app({"STORAGE_DIR": str(blocker / "store")}, tmp_path)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert "STORAGE_DIR" in line


@pytest.fixture(scope="module")
def strict_azurite():
    """Azurite as installed: it refuses API versions newer than its own (the SDK speaks a newer one)."""
    with Azurite(check_api_version=True) as emulator:
        yield emulator


async def test_regrets_works_with_a_store_that_refuses_the_sdks_newest_api_version(strict_azurite):
    container = new_container()
    settings = Settings.from_mapping(
        {"AZURE_STORAGE_CONNECTION_STRING": strict_azurite.connection_string, "STORAGE_CONTAINER": container}
    )
    await check_storage(settings)  # creates the container on a version the emulator takes

    # A fresh instance (as `build` opens one after the check) finds that version on its first request.
    first = BlobStorage.from_connection_string(strict_azurite.connection_string, container)
    second = BlobStorage.from_connection_string(strict_azurite.connection_string, container)
    try:
        await first.write({"pending/r1": {"state": "open"}})
        item = (await second.read(["pending/r1"]))["pending/r1"]
        await second.write({"pending/r1": {**item, "state": "claimed"}})
        with pytest.raises(StorageConflict):
            await first.write({"pending/r1": {**item, "state": "claimed twice"}})
        assert (await first.read(["pending/r1"]))["pending/r1"]["state"] == "claimed"
        assert first.api_version < SUPPORTED_API_VERSIONS[-1]
    finally:
        await first.close()
        await second.close()
