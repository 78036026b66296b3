"""The Graph client's whole behaviour suite again, over `graph.transport.graph_transport()`.

The transport replaces httpcore's network layer, so everything the client promises
(paging, zones, retries, dropped connections read back, timeouts) is checked through it:
the tests of `test_client_calendar` and `test_client_failures` run here unchanged, with
the `graph_http` fixture overridden to send through the asyncio transport.
"""

from __future__ import annotations

import httpx
import pytest

from graph.transport import graph_transport
from tests.graph.test_client_calendar import *  # noqa: F403  (re-run every test here)
from tests.graph.test_client_failures import *  # noqa: F403


@pytest.fixture
async def graph_http(graph_standin):
    async with httpx.AsyncClient(
        base_url=graph_standin.url + "/v1.0", timeout=5.0, transport=graph_transport()
    ) as http:
        yield http
