"""A botbuilder `Storage` in an Azure Blob Storage container: the store for several instances.

Chosen by `AZURE_STORAGE_CONNECTION_STRING` (container `STORAGE_CONTAINER`, default
`regrets`). It honours the contract in `bot/storage_contract.py` with the service's own
conditional requests, so instances on different machines never lose each other's
updates:

- one block blob per key, named by the key's SHA-256 (no user id in a listing);
- a read returns the blob's ETag as the item's e_tag;
- a new item is uploaded with `If-None-Match: *` (409 → `StorageConflict`), an update
  with `If-Match: <e_tag>` (412, or 404 when it was deleted → `StorageConflict`).

`check()` runs once before the bot listens: it creates the container if missing and
writes, reads and deletes a probe blob, so a wrong connection string, an unreachable
account or a missing permission stops the start with one line naming the setting. At
run time the same failures raise `StorageUnavailable`; nothing falls back to another
store. Retries are short (two, half a second apart), since a user is waiting. A service
older than the SDK (Azurite as installed, Azure Stack) refuses its newest API version with
400 InvalidHeaderValue: the store then steps down through the versions the SDK speaks
until one is taken, once per process.

Reads and writes, the hot path (3–4 per turn), send their Get Blob / Put Blob requests
through the container client's own pipeline (its shared-key signing, retries and
transport) with `_send_request`, the generated client's request method: a `BlobClient`
per call (what `download_blob`/`upload_blob` need) cost 340 µs and 32 KB to build, and
the typed response headers as much again. Measured against Azurite: 1.1 → 0.75 ms of
CPU per operation; `make bench` store-blob run: see bench/README.md. That method is private
(as is the SDK's list of API versions), so PATCHED_AZURE_STORAGE_BLOB names the version it
was checked on and tests/structure/test_patched_versions.py fails when the library moves.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
from typing import Any
from urllib.parse import urlparse
from urllib.request import getproxies

import aiohttp
from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from azure.core.pipeline.transport import AioHttpTransport
from azure.core.rest import HttpRequest
from azure.storage.blob._serialize import _SUPPORTED_API_VERSIONS
from azure.storage.blob.aio import BlobServiceClient, ContainerClient, LinearRetry
from botbuilder.core import Storage

from bot.storage_contract import (
    StorageConflict,
    StorageUnavailable,
    decode,
    encode,
    expected_tag,
    remember_tag,
)

PATCHED_AZURE_STORAGE_BLOB = "12.31.1"
# The API versions this SDK speaks, oldest first (dates, so they sort as strings); private too.
SUPPORTED_API_VERSIONS: tuple[str, ...] = tuple(sorted(_SUPPORTED_API_VERSIONS))
log = logging.getLogger(__name__)
SETTING = "AZURE_STORAGE_CONNECTION_STRING"
CONNECT_SECONDS = 3
READ_SECONDS = 10
POOL_CONNECTIONS = 32


def _code(exc: BaseException) -> str:
    code = getattr(exc, "error_code", None) or ""
    return str(getattr(code, "value", code))


def _service(connection_string: str, api_version: str | None) -> BlobServiceClient:
    try:
        return BlobServiceClient.from_connection_string(
            connection_string,
            api_version=api_version,
            # azure-storage-blob hints these as int; they are seconds, and fractions work.
            retry_policy=LinearRetry(backoff=0.5, retry_total=2, random_jitter_range=0.2),  # type: ignore[arg-type]
            transport=_PooledTransport(connection_timeout=CONNECT_SECONDS, read_timeout=READ_SECONDS),
        )
    except (ValueError, AttributeError) as exc:
        raise StorageUnavailable(f"{SETTING} is not a valid Azure Storage connection string") from exc


def _refuses_version(status: int | None, code: str, message: str) -> bool:
    """Whether a 400 is the service refusing the API version (x-ms-version) the request spoke."""
    return status == 400 and code == "InvalidHeaderValue" and "version" in message.lower()


def _status(response: Any) -> str:
    return f"HTTP {response.status_code} {response.headers.get('x-ms-error-code', '')}".strip()


def _reason(exc: BaseException) -> str:
    """A short, secret-free description of a storage failure (no URLs with SAS, no keys)."""
    if isinstance(exc, HttpResponseError) and exc.status_code:
        return f"HTTP {exc.status_code} {_code(exc)}".strip()
    return type(exc).__name__


class _PooledTransport(AioHttpTransport):
    """azure-core's aiohttp transport with a bounded connection pool (each TLS connection costs memory).

    The session trusts the environment only when a proxy is configured there: with
    `trust_env`, aiohttp also looks up ~/.netrc on a worker thread for every request,
    which cost more CPU than the rest of a store round trip (bench `--profile-store blob`).
    """

    async def open(self) -> None:
        session = getattr(self, "session", None)  # azure-core leaves it unannotated
        if session is None and self._session_owner:
            self.session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=POOL_CONNECTIONS),
                trust_env=self._use_env_settings and bool(getproxies()),
                cookie_jar=aiohttp.DummyCookieJar(),
                auto_decompress=False,
            )
        await super().open()


class BlobStorage(Storage):
    def __init__(self, service: BlobServiceClient, container: str, connection_string: str = "") -> None:
        self._service = service
        self._container: ContainerClient = service.get_container_client(container)
        self.container_name = container
        self._connection_string = connection_string
        self._replaced: list[BlobServiceClient] = []  # clients of refused API versions, closed at close()

    @classmethod
    def from_connection_string(
        cls, connection_string: str, container: str, api_version: str | None = None
    ) -> BlobStorage:
        return cls(_service(connection_string, api_version), container, connection_string)

    @property
    def api_version(self) -> str:
        return str(self._container._client._config.version)

    def _step_down(self, refused: str) -> bool:
        """Speak the next older API version after the service refused `refused`; False when none is left.

        The SDK speaks the newest version it knows; a service that is older (an Azurite, an Azure
        Stack) refuses it with 400 InvalidHeaderValue. Each older version the SDK supports is tried
        in turn, once per process: the first one the service takes is kept.
        """
        if refused != self.api_version:
            return True  # another request has stepped down already: use what it found
        older = [v for v in SUPPORTED_API_VERSIONS if v < refused]
        if not older or not self._connection_string:
            return False
        self._replaced.append(self._service)
        self._service = _service(self._connection_string, older[-1])
        self._container = self._service.get_container_client(self.container_name)
        log.info("the shared store refused Blob API version %s; trying %s", refused, older[-1])
        return True

    @property
    def endpoint(self) -> str:
        url = urlparse(self._service.url)
        return f"{url.scheme}://{url.netloc}{url.path.rstrip('/')}"

    @staticmethod
    def _name(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    async def check(self) -> None:
        """Create the container if missing and prove read, write and delete work, or say why not."""
        step = f"create or open the container {self.container_name!r}"
        try:
            while True:
                try:
                    await self._container.create_container()
                    break
                except ResourceExistsError:
                    break
                except HttpResponseError as exc:
                    if not (
                        _refuses_version(exc.status_code, _code(exc), str(exc.message))
                        and self._step_down(self.api_version)
                    ):
                        raise
            probe = self._container.get_blob_client(f"probe/{uuid.uuid4().hex}")
            step = f"write to the container {self.container_name!r}"
            await probe.upload_blob(b"{}", overwrite=False)
            step = f"read from the container {self.container_name!r}"
            await (await probe.download_blob()).readall()
            step = f"delete from the container {self.container_name!r}"
            await probe.delete_blob()
        except ClientAuthenticationError as exc:
            if not exc.status_code:  # raised before sending: the key is not a storage account key
                raise StorageUnavailable(f"{SETTING}: its AccountKey is not a valid account key") from exc
            raise StorageUnavailable(
                f"{SETTING}: the account refused to {step} ({_reason(exc)}): check the key or SAS and its permissions"
            ) from exc
        except HttpResponseError as exc:
            if exc.status_code in (401, 403):
                raise StorageUnavailable(
                    f"{SETTING}: the account refused to {step} ({_reason(exc)}): check the key or SAS and its permissions"
                ) from exc
            raise StorageUnavailable(f"{SETTING}: could not {step} ({_reason(exc)})") from exc
        except AzureError as exc:
            raise StorageUnavailable(f"{SETTING}: the storage account at {self.endpoint} cannot be reached") from exc

    async def read(self, keys: list[str]) -> dict[str, Any]:
        if not keys:
            return {}
        values = await asyncio.gather(*(self._read_one(key) for key in keys))
        return {key: value for key, value in zip(keys, values, strict=True) if value is not None}

    async def _send(self, method: str, key: str, headers: dict[str, str], body: bytes | None = None) -> Any:
        """One request for the key's blob through the container's pipeline; transport failures → unavailable."""
        while True:
            client = self._container._client  # the generated client: its pipeline signs, retries and sends
            version = str(client._config.version)
            request = HttpRequest(
                method,
                f"{self._container.url}/{self._name(key)}",
                headers={**headers, "x-ms-version": version},
                content=body,
            )
            try:
                response = await client._send_request(request)  # not streamed: the body is read here
            except AzureError as exc:
                raise StorageUnavailable(f"the shared store cannot be reached ({_reason(exc)})") from exc
            refused = response.status_code == 400 and _refuses_version(
                400, response.headers.get("x-ms-error-code", ""), response.text()
            )
            if not (refused and self._step_down(version)):
                return response

    async def _read_one(self, key: str) -> dict[str, Any] | None:
        response = await self._send("GET", key, {})
        if response.status_code == 200:
            return decode(response.content, str(response.headers["ETag"]))
        code = response.headers.get("x-ms-error-code", "")
        if response.status_code == 404 and code != "ContainerNotFound":
            return None
        raise StorageUnavailable(f"the shared store could not be read ({_status(response)})")

    async def write(self, changes: dict[str, Any]) -> None:
        for key, item in (changes or {}).items():
            expected = expected_tag(key, item)
            headers = {"x-ms-blob-type": "BlockBlob", "Content-Type": "application/json"}
            # Create only if absent (409 when it exists); update only the version read (412 when it changed).
            headers.update({"If-None-Match": "*"} if expected is None else {"If-Match": expected})
            response = await self._send("PUT", key, headers, encode(item))
            if response.status_code == 201:
                remember_tag(item, str(response.headers["ETag"]))
                continue
            code = response.headers.get("x-ms-error-code", "")
            if response.status_code == 404 and code == "ContainerNotFound":
                raise StorageUnavailable(f"the shared store's container is gone ({_status(response)})")
            if response.status_code in (404, 409, 412):  # deleted, created, or changed since it was read
                raise StorageConflict(key)
            raise StorageUnavailable(f"the shared store could not be written ({_status(response)})")

    async def delete(self, keys: list[str]) -> None:
        for key in keys or []:
            try:
                await self._container.get_blob_client(self._name(key)).delete_blob()
            except ResourceNotFoundError:
                continue
            except AzureError as exc:
                raise StorageUnavailable(f"the shared store could not delete an item ({_reason(exc)})") from exc

    async def close(self) -> None:
        for service in [*self._replaced, self._service]:
            await service.close()
