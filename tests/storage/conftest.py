"""Fixtures for the storage contract: Azurite once per session, and each backend as "two instances".

`stores` gives, per test, a fresh backend (a new directory, a new container) and a way to
open another instance on the same data, as a second process or machine would.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable

import pytest
from botbuilder.core import Storage

from bot.blob_storage import BlobStorage
from bot.file_storage import FileStorage
from bot.memory_storage import InMemoryStorage
from sandbox.azurite import Azurite


@pytest.fixture(scope="session")
def azurite():
    with Azurite() as emulator:
        yield emulator


class Stores:
    """Instances of one backend over one set of data."""

    def __init__(self, open_one: Callable[[], Storage]) -> None:
        self._open_one = open_one
        self.opened: list[Storage] = []

    def instance(self) -> Storage:
        storage = self._open_one()
        self.opened.append(storage)
        return storage

    async def close(self) -> None:
        for storage in self.opened:
            close = getattr(storage, "close", None)
            if close is not None:
                result = close()
                if hasattr(result, "__await__"):
                    await result


def new_container() -> str:
    return "t-" + uuid.uuid4().hex[:20]


@pytest.fixture(
    params=[
        "memory",
        "file",
        pytest.param("blob", marks=pytest.mark.process),
    ]
)
async def stores(request, tmp_path) -> AsyncIterator[Stores]:
    if request.param == "memory":
        shared = InMemoryStorage()
        made = Stores(lambda: shared)
    elif request.param == "file":
        made = Stores(lambda: FileStorage(tmp_path / "store"))
    else:
        emulator = request.getfixturevalue("azurite")
        container = new_container()
        first = BlobStorage.from_connection_string(emulator.connection_string, container)
        await first.check()
        made = Stores(lambda: BlobStorage.from_connection_string(emulator.connection_string, container))
        made.opened.append(first)
    yield made
    await made.close()
