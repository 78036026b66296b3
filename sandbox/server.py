"""Run an aiohttp application on loopback in its own thread and event loop.

The stand-ins must not share the bot's event loop: stock botbuilder makes blocking
calls on its loop, which would deadlock a stand-in served from the same loop. Each
`ServiceThread` owns a loop in a daemon thread and listens on an ephemeral port
unless one is given.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import Awaitable, Callable

from aiohttp import web

# What a stand-in calls itself (thread names, logs).
NAME = web.AppKey("name", str)


class ServiceThread:
    """An aiohttp app served from a background thread: `start()`, `.url`, `stop()`."""

    def __init__(
        self,
        app: web.Application,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
        url_host: str | None = None,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._ssl = ssl_context
        self._url_host = url_host or host
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self._ssl else "http"
        return f"{scheme}://{self._url_host}:{self.port}"

    def start(self) -> ServiceThread:
        self._thread = threading.Thread(target=self._run, name=f"stand-in:{self.app.get(NAME, 'app')}", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("stand-in did not start within 10 s")
        if self._error:
            raise RuntimeError(f"stand-in failed to start: {self._error}") from self._error
        return self

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    async def _serve(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, ssl_context=self._ssl, reuse_address=True)
        await site.start()
        sockets = site._server.sockets  # the real port when 0 was asked for
        self.port = sockets[0].getsockname()[1]

    def call(self, fn: Callable[[], Awaitable]) -> object:
        """Run a coroutine function on the stand-in's loop and wait for its result."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(fn(), self._loop).result(10)

    def stop(self) -> None:
        if self._loop and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(5)

    def __enter__(self) -> ServiceThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class HostedStandIn:
    """Lifecycle for a stand-in served by a `ServiceThread` held in `self._service`."""

    _service: ServiceThread

    def start(self):
        self._service.start()
        return self

    def stop(self) -> None:
        self._service.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return self._service.url
