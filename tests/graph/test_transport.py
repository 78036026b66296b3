"""`graph.transport`: on the wire, the asyncio transport does what httpx's own transport does.

Each test runs against a small HTTP/1.1 server on loopback that counts the connections it
accepts and can misbehave (close an idle connection, never answer, cut a body short).
Where httpx's stock transport is the reference, both transports run the same scenario.
"""

from __future__ import annotations

import asyncio
import socket
import ssl

import httpx
import pytest

from graph.transport import graph_transport

TRANSPORTS = ("stock", "asyncio")


class Server:
    """Answers `GET /<n>` with n bytes; `/slow` waits; `/silent` never answers; `/cut` ends mid-body."""

    def __init__(self, *, ssl_context: ssl.SSLContext | None = None, close_idle_after: float | None = None) -> None:
        self.connections = 0  # accepted so far
        self.open = 0  # not yet closed by either side
        self._ssl = ssl_context
        self._close_idle_after = close_idle_after
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task] = set()
        self.url = ""

    async def __aenter__(self) -> Server:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self._ssl)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"{'https' if self._ssl else 'http'}://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for handler in self._handlers:
            handler.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.open += 1
        self._handlers.add(asyncio.current_task())
        try:
            while True:
                try:
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self._close_idle_after)
                except (TimeoutError, asyncio.IncompleteReadError):
                    return  # idle too long (the server drops it) or the client left
                path = head.split(b" ", 2)[1].decode()
                if path == "/silent":
                    await asyncio.sleep(3600)
                if path == "/cut":
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b"x" * 10)
                    await writer.drain()
                    return
                if path == "/slow":
                    await asyncio.sleep(0.05)
                    path = "/2"
                size = int(path.lstrip("/"))
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % size + b"y" * size)
                await writer.drain()
        finally:
            self.open -= 1
            writer.close()


def transport(kind: str, **kwargs) -> httpx.AsyncBaseTransport:
    return graph_transport(**kwargs) if kind == "asyncio" else httpx.AsyncHTTPTransport(**kwargs)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_https_requests_trust_the_given_ca_and_share_one_connection(test_ca):
    trust = ssl.create_default_context(cafile=str(test_ca.ca_file))
    async with (
        Server(ssl_context=test_ca.server_context) as server,
        httpx.AsyncClient(transport=graph_transport(verify=trust)) as client,
    ):
        bodies = [(await client.get(f"{server.url}/{n}")).content for n in (1, 5, 0, 3)]

    assert bodies == [b"y", b"y" * 5, b"", b"y" * 3]
    assert server.connections == 1


async def test_a_server_certificate_outside_the_trusted_ca_is_refused(test_ca):
    other = ssl.create_default_context()  # the system roots: the test CA is not among them
    async with (
        Server(ssl_context=test_ca.server_context) as server,
        httpx.AsyncClient(transport=graph_transport(verify=other)) as client,
    ):
        with pytest.raises(httpx.ConnectError):
            await client.get(f"{server.url}/1")


@pytest.mark.parametrize("kind", TRANSPORTS)
async def test_a_connection_the_server_closed_while_idle_is_not_reused(kind):
    async with Server(close_idle_after=0.05) as server, httpx.AsyncClient(transport=transport(kind)) as client:
        first = await client.get(f"{server.url}/1")
        await asyncio.sleep(0.3)  # the server has dropped the idle connection by now
        second = await client.get(f"{server.url}/2")

    assert (first.status_code, second.status_code) == (200, 200)
    assert server.connections == 2


@pytest.mark.parametrize("kind", TRANSPORTS)
async def test_a_refused_connection_is_a_connect_error(kind):
    async with httpx.AsyncClient(transport=transport(kind)) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"http://127.0.0.1:{unused_port()}/1")


@pytest.mark.parametrize("kind", TRANSPORTS)
async def test_a_server_that_never_answers_is_a_read_timeout(kind):
    async with Server() as server, httpx.AsyncClient(transport=transport(kind), timeout=0.2) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.get(f"{server.url}/silent")


@pytest.mark.parametrize("kind", TRANSPORTS)
async def test_a_body_cut_short_is_a_remote_protocol_error(kind):
    async with Server() as server, httpx.AsyncClient(transport=transport(kind)) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get(f"{server.url}/cut")


async def test_a_body_larger_than_the_read_buffer_arrives_whole(test_ca):
    trust = ssl.create_default_context(cafile=str(test_ca.ca_file))
    size = 3 * 1024 * 1024
    async with (
        Server(ssl_context=test_ca.server_context) as server,
        httpx.AsyncClient(transport=graph_transport(verify=trust)) as client,
    ):
        response = await client.get(f"{server.url}/{size}")

    assert len(response.content) == size and set(response.content) == {ord("y")}


@pytest.mark.parametrize("kind", TRANSPORTS)
async def test_the_pool_keeps_only_the_allowed_idle_connections(kind):
    limits = httpx.Limits(max_connections=10, max_keepalive_connections=2)
    async with Server() as server, httpx.AsyncClient(transport=transport(kind, limits=limits)) as client:
        await asyncio.gather(*(client.get(f"{server.url}/slow") for _ in range(5)))
        await asyncio.sleep(0.1)  # the server notices the connections the client closed
        kept = server.open
        for _ in range(4):
            await client.get(f"{server.url}/1")

    assert kept == 2
    assert server.connections == 5  # the two kept connections served the rest


@pytest.mark.parametrize("kind", TRANSPORTS)
async def test_requests_beyond_the_connection_limit_wait_for_a_free_connection(kind):
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=2)
    async with Server() as server, httpx.AsyncClient(transport=transport(kind, limits=limits)) as client:
        answers = await asyncio.gather(*(client.get(f"{server.url}/slow") for _ in range(6)))

    assert [a.status_code for a in answers] == [200] * 6
    assert server.connections == 2
