"""An httpx transport for the Graph client whose sockets are plain asyncio transports.

httpx 0.28 sends through httpcore 1.0, whose network layer on asyncio is anyio: every
read and write goes through anyio's `TLSStream` (a Python loop over `ssl.MemoryBIO`),
a cancel scope and a scheduling checkpoint, and before each request the pool asks every
idle connection "is the server gone?" through `get_extra_info("is_readable")`, which anyio
answers by rebuilding its attribute tables and polling the socket. Under Regrets' load
that was about a quarter of the CPU of a turn that calls Graph.

`AsyncioBackend` implements httpcore's public network-backend interface
(`httpcore.AsyncNetworkBackend`) over `loop.create_connection` / `loop.start_tls`: TLS by
asyncio's SSL protocol, reads from a buffer the event loop fills, timeouts only when a
read or write really has to wait. An idle connection is "readable" (so the pool drops it)
when the event loop has already seen the server close it, or data arrived on it. Errors
are httpcore's (`ConnectError`, `ConnectTimeout`, `ReadError`, `ReadTimeout`,
`WriteError`, `WriteTimeout`), so httpx raises exactly what it raises with its default
backend and the Graph client's retry rules are unchanged.

`graph_transport(verify=..., limits=...)` returns an `httpx.AsyncHTTPTransport` using it;
pass it as `httpx.AsyncClient(transport=...)`. httpx 0.28 has no argument for a network
backend (encode/httpx#3180), so the transport's connection pool is rebuilt with the same
settings plus the backend: `_pool` is the one private name used, checked at build time.
`_Pool` below also restates one private method of httpcore 1.0.9's pool (see there).

What they pay, measured with `make bench` (`python -m bench --only regrets`, decline flow,
20 users), interleaved A/B runs on a shared 2-core machine, Regrets' CPU per turn (median):
- this module in full: 5.2 ms with it, 6.3 ms with httpx's own transport (three pairs:
  +0.5 to +1.3 ms);
- `_Pool` alone: 5.2 ms with it, 5.4 ms with httpcore's own pool (seven pairs: +0.18 ms on
  average, six of them positive); kept because it is small and falls back to the stock pool
  on any other httpcore.
The versions they were written and measured for are `PATCHED_HTTPX` and `PATCHED_HTTPCORE`;
tests/structure/test_patched_versions.py fails when others are installed or locked.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

PATCHED_HTTPX = "0.28.1"  # `AsyncHTTPTransport._pool` is rebuilt
PATCHED_HTTPCORE = "1.0.9"  # `_Pool._assign_requests_to_connections` restates this version's

SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]  # httpcore's

READ_BUFFER_LIMIT = 256 * 1024  # pause the socket above this much unread data


class _Protocol(asyncio.Protocol):
    """Collects what the socket delivers; wakes the one reader or writer waiting."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.eof = False
        self.error: BaseException | None = None
        self.read_waiter: asyncio.Future[None] | None = None
        self.drain_waiter: asyncio.Future[None] | None = None
        self.writing_paused = False
        self.reading_paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > READ_BUFFER_LIMIT and not self.reading_paused and self.transport is not None:
            self.reading_paused = True
            self.transport.pause_reading()
        self._wake_reader()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake_reader()
        return False  # let the transport close itself

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self._wake_reader()
        waiter, self.drain_waiter = self.drain_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def pause_writing(self) -> None:
        self.writing_paused = True

    def resume_writing(self) -> None:
        self.writing_paused = False
        waiter, self.drain_waiter = self.drain_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _wake_reader(self) -> None:
        waiter, self.read_waiter = self.read_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)


async def _wait(future: asyncio.Future[None], seconds: float | None) -> None:
    if seconds is None:
        await future
        return
    async with asyncio.timeout(seconds):
        await future


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # noqa: ASYNC109 (httpcore's interface)
        protocol = self._protocol
        if not protocol.buffer and not protocol.eof:
            waiter = protocol.read_waiter = asyncio.get_running_loop().create_future()
            try:
                await _wait(waiter, timeout)
            except TimeoutError as exc:
                raise httpcore.ReadTimeout(str(exc) or "read timed out") from exc
            finally:
                if protocol.read_waiter is waiter:
                    protocol.read_waiter = None
        if protocol.buffer:
            if len(protocol.buffer) <= max_bytes:
                data = bytes(protocol.buffer)
                protocol.buffer.clear()
            else:
                data = bytes(protocol.buffer[:max_bytes])
                del protocol.buffer[:max_bytes]
            if protocol.reading_paused and len(protocol.buffer) <= READ_BUFFER_LIMIT // 2:
                protocol.reading_paused = False
                self._transport.resume_reading()
            return data
        if protocol.error is not None:
            raise httpcore.ReadError(str(protocol.error) or type(protocol.error).__name__) from protocol.error
        return b""  # the server closed the connection

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:  # noqa: ASYNC109 (httpcore's interface)
        if not buffer:
            return
        protocol = self._protocol
        if self._transport.is_closing() or (protocol.eof and protocol.error is not None):
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        if protocol.writing_paused:
            waiter = protocol.drain_waiter = asyncio.get_running_loop().create_future()
            try:
                await _wait(waiter, timeout)
            except TimeoutError as exc:
                raise httpcore.WriteTimeout(str(exc) or "write timed out") from exc
            if protocol.error is not None:
                raise httpcore.WriteError(str(protocol.error)) from protocol.error

    async def aclose(self) -> None:
        self._transport.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self._transport, self._protocol, ssl_context, server_hostname=server_hostname
                )
        except TimeoutError as exc:
            self._transport.close()
            raise httpcore.ConnectTimeout(str(exc) or "TLS handshake timed out") from exc
        except (OSError, ConnectionError) as exc:  # ssl.SSLError is an OSError
            self._transport.close()
            raise httpcore.ConnectError(str(exc)) from exc
        if transport is None:
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        self._protocol.transport = transport  # flow control now goes through the TLS transport
        return AsyncioStream(transport, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        transport = self._transport
        if info == "ssl_object":
            return transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return transport.get_extra_info("sockname")
        if info == "server_addr":
            return transport.get_extra_info("peername")
        if info == "socket":
            return transport.get_extra_info("socket")
        if info == "is_readable":
            # The event loop reads every socket as data arrives: a server that closed an idle
            # connection, or sent anything on it, shows here without a system call.
            protocol = self._protocol
            return protocol.eof or bool(protocol.buffer) or transport.is_closing()
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        local = (local_address, 0) if local_address else None
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_connection(_Protocol, host, port, local_addr=local)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc) or "connect timed out") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        _apply(transport, socket_options)  # after connecting, as httpcore's own backend does
        return AsyncioStream(transport, protocol)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_unix_connection(_Protocol, path)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc) or "connect timed out") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        _apply(transport, socket_options)
        return AsyncioStream(transport, protocol)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def _apply(transport: asyncio.BaseTransport, options: Iterable[SocketOption] | None) -> None:
    sock: socket.socket | None = transport.get_extra_info("socket")
    for option in options or ():
        if sock is not None:
            sock.setsockopt(*option)


class _Pool(httpcore.AsyncConnectionPool):
    """httpcore 1.0.9's pool with its bookkeeping pass made linear.

    Before and after every request the pool walks its connections, and for each idle one
    counts `len([c.is_idle() for c in connections])`: a list of every connection, so
    n * n calls with n keep-alive connections (400 per walk at 20), for a number that is
    just `len(connections)`. The decisions are the stock ones, in the same order.
    """

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        closing: list[httpcore.AsyncConnectionInterface] = []
        connections = self._connections
        for connection in list(connections):
            if connection.is_closed():
                connections.remove(connection)
            elif connection.has_expired() or (
                connection.is_idle() and len(connections) > self._max_keepalive_connections
            ):
                connections.remove(connection)
                closing.append(connection)
        for waiting in [request for request in self._requests if request.is_queued()]:
            origin = waiting.request.url.origin
            chosen = next((c for c in connections if c.can_handle_request(origin) and c.is_available()), None)
            if chosen is None:
                if len(connections) >= self._max_connections:
                    idle = next((c for c in connections if c.is_idle()), None)
                    if idle is None:
                        continue  # stays queued until a connection frees up
                    connections.remove(idle)
                    closing.append(idle)
                chosen = self.create_connection(origin)
                connections.append(chosen)
            waiting.assign_to_connection(chosen)
        return closing


# The pool above restates one private method of this exact httpcore; any other keeps the stock pool.
_POOL = _Pool if httpcore.__version__ == PATCHED_HTTPCORE else httpcore.AsyncConnectionPool


def graph_transport(
    *, verify: ssl.SSLContext | str | bool = True, limits: httpx.Limits = httpx.Limits(), retries: int = 0
) -> httpx.AsyncHTTPTransport:
    """`httpx.AsyncHTTPTransport(verify=..., limits=...)`, its connections on `AsyncioBackend`."""
    transport = httpx.AsyncHTTPTransport(verify=verify, limits=limits, retries=retries)
    if not isinstance(getattr(transport, "_pool", None), httpcore.AsyncConnectionPool):
        return transport  # another httpx layout: keep its own pool rather than guess
    transport._pool = _POOL(
        ssl_context=httpx.create_ssl_context(verify=verify),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        retries=retries,
        network_backend=AsyncioBackend(),
    )
    return transport
