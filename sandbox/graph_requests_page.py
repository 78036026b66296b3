"""What the Graph stand-in received, as a page a person can watch during the demo.

`GET /requests` (outside Graph's own `/v1.0` and `/beta` paths) lists every request the
stand-in has seen, newest first: method, path with its query, status and JSON body,
so the demo shows exactly what Regrets sent to "Microsoft Graph" (one decline, its
comment, `sendResponse`, `proposedNewTime`). The page refreshes itself every second;
`GET /requests.json` is the same list for scripts.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from sandbox.graph_state import GraphState, LoggedRequest

PATH = "/requests"
SHOWN = 200  # the newest requests on the page; the JSON has them all

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1">
<title>What Graph received</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1.5rem; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; }}
pre {{ margin: 0; white-space: pre-wrap; word-break: break-all; }}
.POST {{ color: #a4262c; font-weight: bold; }}
</style></head><body>
<h1>What the Microsoft Graph stand-in received</h1>
<p>{count} requests so far, newest first. This page refreshes every second.</p>
<table><tr><th>#</th><th>method</th><th>path</th><th>status</th><th>body</th></tr>
{rows}
</table></body></html>
"""


def _path(entry: LoggedRequest) -> str:
    return entry.path + ("?" + urlencode(entry.query, safe="$/:,") if entry.query else "")


def _row(number: int, entry: LoggedRequest) -> str:
    body = "" if entry.body is None else json.dumps(entry.body, indent=2, ensure_ascii=False)
    return (
        f"<tr><td>{number}</td><td class='{html.escape(entry.method)}'>{html.escape(entry.method)}</td>"
        f"<td><pre>{html.escape(_path(entry))}</pre></td><td>{entry.status}</td>"
        f"<td><pre>{html.escape(body)}</pre></td></tr>"
    )


def _as_json(number: int, entry: LoggedRequest) -> dict[str, Any]:
    return {"n": number, "method": entry.method, "path": _path(entry), "status": entry.status, "body": entry.body}


def add_requests_page(app: web.Application, state: GraphState) -> None:
    async def page(_: web.Request) -> web.Response:
        log = list(state.log)
        rows = "\n".join(_row(n, e) for n, e in reversed(list(enumerate(log, 1))[-SHOWN:]))
        return web.Response(text=_PAGE.format(count=len(log), rows=rows), content_type="text/html")

    async def as_json(_: web.Request) -> web.Response:
        return web.json_response([_as_json(n, e) for n, e in enumerate(list(state.log), 1)])

    app.router.add_get(PATH, page)
    app.router.add_get(PATH + ".json", as_json)
