"""Bot Framework token service stand-in: an Azure Bot's OAuth connections, plain HTTP on loopback.

What it does on the wire, as the Bot Token API (v3.1, `token.botframework.com`) and
botframework-connector's token client describe it:
- `GET /api/botsignin/GetSignInResource?state=...` (state: base64 JSON with `ConnectionName`,
  `Conversation` (a conversation reference, whose `user.id` is the signing-in user),
  `RelatesTo`, `MsAppId`) -> 200 `{signInLink, tokenExchangeResource: {id, uri, providerId},
  tokenPostResource}`; `GetSignInUrl` gives the link alone as a JSON string;
- `GET /api/usertoken/GetToken?userId&connectionName&channelId[&code]` -> 200
  `{channelId, connectionName, token, expiration}`, or 404 when there is no token (no
  sign-in, a wrong or spent magic code, an expired token: the stand-in does not refresh);
- `POST /api/usertoken/exchange?userId&connectionName&channelId` with `{uri, token}`: an
  SSO token for the connection's Token Exchange URL -> 200 TokenResponse; one it cannot
  use -> 400 `{"error": {"code", "message"}}`;
- `DELETE /api/usertoken/SignOut?userId[&connectionName][&channelId]` -> 200: the user's
  tokens for that connection (all connections when none is named) are forgotten.
Every `/api/...` call needs the bot's own token (audience `https://api.botframework.com`),
and a bot sees only its own connections; otherwise 401 / 400.

The sign-in link points at `GET /api/oauth/signin?signin=<id>` here, a page standing in
for the identity provider's sign-in. Tests play "the user signed in on that page" with
`complete_sign_in(link, user)`, which returns the magic code Teams then sends to the bot in
`signin/verifyState`. The connection's token is what `issue_token(user)` returns: with a
connection scoped to the bot's own `api://botid-.../access_as_user`, an SSO-style assertion.
Failures can be injected (`fail`), and every API call is recorded (`calls`, `count`).
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

import jwt
from aiohttp import web

from sandbox.clock import wall_now
from sandbox.server import NAME, HostedStandIn, ServiceThread


@dataclass
class Connection:
    app_id: str
    name: str
    token_exchange_url: str
    scopes: str = ""


@dataclass
class TokenServiceCall:
    operation: str  # GetSignInResource | GetSignInUrl | GetToken | exchange | SignOut
    user_id: str | None
    connection: str | None
    status: int = 0
    code: str | None = None


@dataclass
class _SignIn:
    id: str
    app_id: str
    connection: str
    user_id: str
    channel_id: str


@dataclass
class _Stored:
    token: str
    expires_at: datetime


class _Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class TokenServiceStandIn(HostedStandIn):
    """OAuth connections per bot, pending sign-ins, magic codes and the users' stored tokens."""

    def __init__(
        self,
        *,
        verify_bot_token: Callable[[str], dict[str, Any]],
        issue_token: Callable[[Any], str],
        verify_exchangeable: Callable[[str, str], dict[str, Any]] | None = None,
    ) -> None:
        self._verify_bot_token = verify_bot_token
        self._issue_token = issue_token
        self._verify_exchangeable = verify_exchangeable
        self._lock = threading.Lock()
        self.connections: dict[tuple[str, str], Connection] = {}
        self.calls: list[TokenServiceCall] = []
        self._sign_ins: dict[str, _SignIn] = {}
        self._codes: dict[str, tuple[_SignIn, _Stored]] = {}
        self._tokens: dict[tuple[str, str, str], _Stored] = {}
        self._failures: list[list[int]] = []  # [status, remaining]
        self._service = ServiceThread(self._build_app())

    # ---- configuration (the Azure Bot's "OAuth Connection Settings") ---------------------------
    def add_connection(self, app_id: str, name: str, *, token_exchange_url: str, scopes: str = "") -> Connection:
        connection = Connection(app_id, name, token_exchange_url, scopes)
        with self._lock:
            self.connections[(app_id, name.lower())] = connection
        return connection

    def reset(self) -> None:
        """Forget sign-ins, codes, tokens, failures and the call log (connections stay)."""
        with self._lock:
            self.calls.clear()
            self._sign_ins.clear()
            self._codes.clear()
            self._tokens.clear()
            self._failures.clear()

    def fail(self, status: int = 503, *, times: int = 1) -> None:
        """The next `times` API calls answer `status` with an error body."""
        with self._lock:
            self._failures.append([status, times])

    # ---- what the user does in the browser -----------------------------------------------------
    def complete_sign_in(self, sign_in_link: str, user: Any) -> str:
        """The user signed in on the link's page: returns the magic code for `signin/verifyState`."""
        sign_in_id = (parse_qs(urlparse(sign_in_link).query).get("signin") or [""])[0]
        with self._lock:
            pending = self._sign_ins.get(sign_in_id)
        if pending is None:
            raise KeyError(f"no sign-in started for link {sign_in_link!r}")
        token = self._issue_token(user)
        code = f"{secrets.randbelow(10**6):06d}"
        with self._lock:
            while code in self._codes:
                code = f"{secrets.randbelow(10**6):06d}"
            self._codes[code] = (pending, _Stored(token, _expiry(token)))
        return code

    def has_token(self, app_id: str, connection: str, user_id: str) -> bool:
        with self._lock:
            return (app_id, connection.lower(), user_id) in self._tokens

    def count(self, operation: str | None = None, *, ok: bool | None = None) -> int:
        with self._lock:
            return sum(
                1
                for c in self.calls
                if (operation is None or c.operation == operation) and (ok is None or (c.status == 200) == ok)
            )

    # ---- HTTP ----------------------------------------------------------------------------------
    def _build_app(self) -> web.Application:
        app = web.Application()
        app[NAME] = "token-service"
        app.router.add_get("/api/botsignin/GetSignInResource", self._api("GetSignInResource", self._sign_in_resource))
        app.router.add_get("/api/botsignin/GetSignInUrl", self._api("GetSignInUrl", self._sign_in_url))
        app.router.add_get("/api/usertoken/GetToken", self._api("GetToken", self._get_token))
        app.router.add_post("/api/usertoken/exchange", self._api("exchange", self._exchange))
        app.router.add_delete("/api/usertoken/SignOut", self._api("SignOut", self._sign_out))
        app.router.add_get("/api/oauth/signin", self._sign_in_page)
        return app

    def _api(self, operation: str, handler: Callable[[web.Request, str], Any]) -> Callable[[web.Request], Any]:
        async def serve(request: web.Request) -> web.Response:
            query = request.query
            call = TokenServiceCall(operation, query.get("userId"), query.get("connectionName"), code=query.get("code"))
            try:
                app_id = self._authorize(request)
                self._injected()
                response = await handler(request, app_id)
            except _Refused as refused:
                if refused.status == 401:
                    response = web.json_response({"message": refused.message}, status=401)
                else:
                    response = web.json_response(
                        {"error": {"code": refused.code, "message": refused.message}}, status=refused.status
                    )
            call.status = response.status
            with self._lock:
                self.calls.append(call)
            return response

        return serve

    def _authorize(self, request: web.Request) -> str:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        try:
            if scheme != "Bearer" or not token:
                raise PermissionError("no bearer token")
            claims = self._verify_bot_token(token)
        except Exception as exc:
            raise _Refused(401, "Unauthorized", "Authorization has been denied for this request.") from exc
        app_id = claims.get("appid") or claims.get("azp")
        if not app_id:
            raise _Refused(401, "Unauthorized", "Authorization has been denied for this request.")
        return str(app_id)

    def _injected(self) -> None:
        with self._lock:
            if not self._failures:
                return
            failure = self._failures[0]
            failure[1] -= 1
            if failure[1] <= 0:
                self._failures.pop(0)
            status = failure[0]
        raise _Refused(status, "ServiceError", "injected failure")

    def _connection(self, app_id: str, name: str | None) -> Connection:
        if not name:
            raise _Refused(400, "BadArgument", "connectionName is required")
        with self._lock:
            connection = self.connections.get((app_id, name.lower()))
        if connection is None:
            raise _Refused(400, "BadArgument", f"No OAuth connection named {name!r} for this bot")
        return connection

    def _start_sign_in(self, request: web.Request, app_id: str) -> tuple[_SignIn, Connection]:
        raw = request.query.get("state", "")
        try:
            state = json.loads(base64.b64decode(raw, validate=True))
            reference = state.get("conversation") or state.get("Conversation") or {}
            connection_name = state.get("connectionName") or state.get("ConnectionName")
            ms_app_id = state.get("msAppId") or state.get("MsAppId")
            user_id = str((reference.get("user") or {}).get("id") or "")
        except (binascii.Error, ValueError, AttributeError) as exc:
            raise _Refused(400, "BadArgument", "state is not a valid token exchange state") from exc
        if ms_app_id != app_id:
            raise _Refused(400, "BadArgument", "state does not belong to the calling bot")
        if not user_id:
            raise _Refused(400, "BadArgument", "state names no user")
        connection = self._connection(app_id, connection_name)
        sign_in = _SignIn(uuid.uuid4().hex, app_id, connection.name, user_id, str(reference.get("channelId") or ""))
        with self._lock:
            self._sign_ins[sign_in.id] = sign_in
        return sign_in, connection

    def _link(self, sign_in: _SignIn) -> str:
        return f"{self.url}/api/oauth/signin?signin={sign_in.id}"

    async def _sign_in_resource(self, request: web.Request, app_id: str) -> web.Response:
        sign_in, connection = self._start_sign_in(request, app_id)
        return web.json_response(
            {
                "signInLink": self._link(sign_in),
                "tokenExchangeResource": {
                    "id": str(uuid.uuid4()),
                    "uri": connection.token_exchange_url,
                    "providerId": None,
                },
                "tokenPostResource": None,
            }
        )

    async def _sign_in_url(self, request: web.Request, app_id: str) -> web.Response:
        sign_in, _ = self._start_sign_in(request, app_id)
        return web.json_response(self._link(sign_in))

    async def _get_token(self, request: web.Request, app_id: str) -> web.Response:
        query = request.query
        user_id = query.get("userId") or ""
        connection = self._connection(app_id, query.get("connectionName"))
        key = (app_id, connection.name.lower(), user_id)
        code = query.get("code")
        with self._lock:
            if code:
                entry = self._codes.get(code)
                pending = entry[0] if entry else None
                if pending and (pending.app_id, pending.connection.lower(), pending.user_id) == key:
                    del self._codes[code]  # a magic code works once
                    self._tokens[key] = entry[1]
            stored = self._tokens.get(key)
        if stored is None or stored.expires_at <= wall_now():
            return web.json_response({"error": {"code": "NotFound", "message": "No token for this user"}}, status=404)
        return web.json_response(_token_response(connection, query.get("channelId"), stored))

    async def _exchange(self, request: web.Request, app_id: str) -> web.Response:
        query = request.query
        connection = self._connection(app_id, query.get("connectionName"))
        try:
            body = await request.json()
        except ValueError as exc:
            raise _Refused(400, "BadArgument", "body is not JSON") from exc
        token = (body or {}).get("token") or ""
        if self._verify_exchangeable is None or not token:
            raise _Refused(400, "BadArgument", "nothing to exchange")
        try:
            claims = self._verify_exchangeable(token, connection.token_exchange_url)
        except Exception as exc:
            raise _Refused(400, "ServiceError", "The token could not be exchanged") from exc
        issued = self._issue_token(claims.get("oid"))
        stored = _Stored(issued, _expiry(issued))
        with self._lock:
            self._tokens[(app_id, connection.name.lower(), query.get("userId") or "")] = stored
        return web.json_response(_token_response(connection, query.get("channelId"), stored))

    async def _sign_out(self, request: web.Request, app_id: str) -> web.Response:
        query = request.query
        user_id = query.get("userId") or ""
        name = query.get("connectionName")
        if name:
            self._connection(app_id, name)
        with self._lock:
            for key in [
                k for k in self._tokens if k[0] == app_id and k[2] == user_id and (not name or k[1] == name.lower())
            ]:
                del self._tokens[key]
        return web.json_response({})

    async def _sign_in_page(self, request: web.Request) -> web.Response:
        with self._lock:
            known = request.query.get("signin", "") in self._sign_ins
        if not known:
            return web.Response(status=400, text="This sign-in link is not valid.")
        return web.Response(
            text="<!doctype html><title>Sign in</title><p>Token service stand-in: "
            "tests complete this sign-in with complete_sign_in().</p>",
            content_type="text/html",
        )


def _expiry(token: str) -> datetime:
    exp = jwt.decode(token, options={"verify_signature": False}).get("exp", 0)
    return datetime.fromtimestamp(int(exp), UTC)


def _token_response(connection: Connection, channel_id: str | None, stored: _Stored) -> dict[str, Any]:
    return {
        "channelId": channel_id,
        "connectionName": connection.name,
        "token": stored.token,
        "expiration": stored.expires_at.isoformat().replace("+00:00", "Z"),
    }
