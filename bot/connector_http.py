"""The connector client's HTTP on aiohttp, instead of `requests` in a thread per call.

msrest 0.7.1's async client (what `botframework.connector.aio.ConnectorClient` 4.17.1
uses) sends every request with `requests` through `loop.run_in_executor`: a thread
hop, a netrc lookup and a CA-bundle check per reply, and about a third of Regrets' CPU
under load (see bench/README.md). `ConnectorClient` takes a `pipeline_type` (a callable
building the `AsyncPipeline` from its configuration); `aiohttp_pipeline(...)` returns one
that keeps the stock policies (user agent, raw deserializer, HTTP logger) and sends over
one shared aiohttp session.

The stock behaviour it must keep, and does: the bot's bearer token on every request when
the credentials have an app id (as `AppCredentials.signed_session` does, token from
`get_access_token()`); no Authorization header when anonymous; retries like msrest's
`ClientRetryPolicy` under urllib3 2.x: up to 3 retries with 0.8 s exponential backoff,
for connection errors on any method, and for 408/429/5xx (not 501/505) on idempotent
methods only (urllib3 2 ignores msrest's `method_whitelist`, so POSTs are not re-sent on
a status), honouring `Retry-After`.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

import aiohttp
from msrest.pipeline import AsyncHTTPPolicy, AsyncPipeline, Request, Response, SansIOHTTPPolicy
from msrest.pipeline.aiohttp import AioHTTPSender
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http import ClientRequest
from msrest.universal_http.aiohttp import AioHttpClientResponse
from msrest.universal_http.aiohttp import AioHTTPSender as AioHTTPDriver

RETRY_STATUS = frozenset({408, 429} | set(range(500, 600))) - {501, 505}
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})


class BearerTokenPolicy(SansIOHTTPPolicy):
    def __init__(self, credentials: Any) -> None:
        self._credentials = credentials

    def on_request(self, request: Request, **kwargs: Any) -> None:
        headers = request.http_request.headers
        app_id = getattr(self._credentials, "microsoft_app_id", None)
        if app_id and self._credentials._should_set_token(None):
            headers["Authorization"] = f"Bearer {self._credentials.get_access_token()}"
        else:
            headers.pop("Authorization", None)


class RetryPolicy(AsyncHTTPPolicy):
    def __init__(self, *, retries: int = 3, backoff: float = 0.8, max_wait: float = 90.0) -> None:
        super().__init__()
        self._retries = retries
        self._backoff = backoff
        self._max_wait = max_wait

    async def send(self, request: Request, **kwargs: Any) -> Response:
        attempt = 0
        sender = self.next
        if sender is None:
            raise RuntimeError("RetryPolicy is not in a pipeline")
        while True:
            try:
                response = await sender.send(request, **kwargs)
            except (TimeoutError, aiohttp.ClientConnectionError):
                if attempt >= self._retries:
                    raise
            else:
                status = response.http_response.status_code
                method = request.http_request.method.upper()
                if status not in RETRY_STATUS or method not in IDEMPOTENT or attempt >= self._retries:
                    return response
                retry_after = response.http_response.headers.get("Retry-After")
                if retry_after and retry_after.isdigit():
                    await asyncio.sleep(min(float(retry_after), self._max_wait))
                    attempt += 1
                    continue
            attempt += 1
            if attempt > 1:  # urllib3: no sleep before the first retry
                await asyncio.sleep(min(self._backoff * 2 ** (attempt - 1), self._max_wait))


class _Response(AioHttpClientResponse):
    def body(self) -> bytes:
        # msrest's version raises on an empty body (a 200 to DELETE), which its own deserializer then reads.
        return self._body or b""


class _Driver(AioHTTPDriver):
    """Sends msrest's `ClientRequest` over a session we own (TLS trust, timeouts, connection limits).

    msrest's own aiohttp driver drops the request's headers and body (it passes neither to
    aiohttp), so this one sends them, as its `requests` driver does.
    """

    def __init__(self, session: aiohttp.ClientSession) -> None:  # no super(): it would build its own session
        self._session = session

    async def __aenter__(self) -> _Driver:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None  # the session is closed by whoever created it

    async def send(self, request: ClientRequest, **config: Any) -> _Response:
        if request.files:
            raise NotImplementedError("multipart uploads are not sent through this pipeline")
        result = await self._session.request(request.method, request.url, headers=request.headers, data=request.data)
        response = _Response(request, result)
        await response.load_body()
        return response


def aiohttp_pipeline(session: aiohttp.ClientSession):
    """A `pipeline_type` for `ConnectorClient(..., pipeline_type=aiohttp_pipeline(session))`."""

    def build(config: Any) -> AsyncPipeline:
        policies = [
            config.user_agent_policy,
            BearerTokenPolicy(config.credentials),
            RawDeserializer(),
            config.http_logger_policy,
            RetryPolicy(),
        ]
        return AsyncPipeline(policies, AioHTTPSender(_Driver(session)))

    return build


def connector_session(ca_bundle: str | None = None, *, timeout: float = 100.0) -> aiohttp.ClientSession:
    """The shared session: msrest's default 100 s timeout, the configured CA bundle if any."""
    context = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else ssl.create_default_context()
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(ssl=context, limit=100), timeout=aiohttp.ClientTimeout(total=timeout)
    )
