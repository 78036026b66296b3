"""The HTTP surface: `POST /api/messages`, `GET /healthz` and Graph's notification URLs.

Bad input gets a clear status and runs no turn: a body over 256 KB → 413, a body that
is not an activity → 400, a missing or forged channel token → 401 (stock botbuilder
answers 500 to most of those), signing keys that cannot be loaded → 503 (the channel
retries). In local mode, unauthenticated activities are only accepted from loopback.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from typing import Any

from aiohttp import web
from botbuilder.core import Bot, serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.channel_auth import SigningKeysUnavailable
from bot.notifications import Notifications

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
READY = web.AppKey("ready", dict)


def _is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


def create_app(
    adapter: CloudAdapter, bot: Bot, *, local_mode: bool, notifications: Notifications | None = None
) -> web.Application:
    async def messages(request: web.Request) -> web.Response:
        if local_mode and not _is_loopback(request.remote):
            return _error(401, "Unauthorized", "local mode accepts activities from this machine only")
        if request.content_type != "application/json":
            return _error(415, "UnsupportedMediaType", "send the activity as application/json")
        try:
            body: Any = await request.json(loads=json.loads)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, "PayloadTooLarge", f"activities are limited to {MAX_BODY_BYTES} bytes")
        except (ValueError, UnicodeDecodeError):
            return _error(400, "BadRequest", "the body is not valid JSON")
        if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
            return _error(400, "BadRequest", "the body is not an activity")
        try:
            activity = Activity().deserialize(body)
        except Exception:  # msrest raises a variety of types for wrong shapes
            return _error(400, "BadRequest", "the body is not an activity")
        if not activity.conversation or not activity.service_url:
            return _error(400, "BadRequest", "an activity needs conversation and serviceUrl")
        if activity.type == "invoke" and not activity.name:
            # Malformed, not merely unknown: an invoke names what it asks for (unknown names get 501).
            return _error(400, "BadRequest", "an invoke activity needs a name")

        auth_header = request.headers.get("Authorization", "")
        try:
            response = await adapter.process_activity(auth_header, activity, bot.on_turn)
        except PermissionError as exc:
            log.info("rejected activity %s: %s", activity.id, exc)
            return _error(401, "Unauthorized", "the request is not authorized")
        except SigningKeysUnavailable:
            return _error(503, "ServiceUnavailable", "try again shortly")
        if response:
            return web.json_response(data=serializer_helper(response.body), status=response.status)
        return web.Response(status=201)

    async def healthz(request: web.Request) -> web.Response:
        state = request.app[READY]
        if not state.get("ready"):
            return web.json_response({"status": "starting"}, status=503)
        return web.json_response({"status": "ok", "mode": "local" if local_mode else "cloud"})

    async def mark_ready(app: web.Application) -> None:
        app[READY]["ready"] = True

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[READY] = {"ready": False}
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    if notifications is not None:  # Graph change notifications for invitation cards (bot/notifications.py)
        notifications.add_routes(app)
    app.on_startup.append(mark_ready)
    return app
