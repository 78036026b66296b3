"""Bot Framework channel stand-in: the channel's signing keys and the connector (plain HTTP).

Inbound side (channel -> bot): `GET /v1/.well-known/openidconfiguration` (issuer,
`jwks_uri`, RS256) and `GET /v1/.well-known/keys` (JWKS whose keys carry `endorsements`,
e.g. ["msteams"]). `sign_activity_token()` signs the token the channel would send with an
activity; `forge_activity_token()` makes the bad ones a bot must reject.

Outbound side (bot -> channel): the connector's activity routes under
`/v3/conversations/...` (send, reply, update, delete; create conversation),
answering `{"id": ...}` like the real one and recording each call's JSON body and
Authorization header. Optionally the bearer token is checked (`verify_token`), and
failures can be injected (`fail_next`). Tests wait for replies with `wait_for(n)` or
`await wait_for_async(n)`: the stand-in runs in its own thread.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from sandbox.keys import KeySet, SigningKey
from sandbox.server import NAME, HostedStandIn, ServiceThread

ISSUER = "https://api.botframework.com"
FORGERIES = (
    "bad_signature",
    "wrong_audience",
    "wrong_issuer",
    "expired",
    "alg_none",
    "unknown_kid",
    "serviceurl_mismatch",
    "not_yet_valid",
    "unendorsed",
)


@dataclass
class ConnectorCall:
    method: str  # POST | PUT | DELETE
    conversation_id: str
    activity_id: str | None  # the activity replied to / updated / deleted
    activity: dict[str, Any] | None
    authorization: str | None
    path: str
    status: int = 0
    response_id: str | None = None

    @property
    def text(self) -> str | None:
        return (self.activity or {}).get("text")


@dataclass
class _Failure:
    status: int
    remaining: int
    headers: dict[str, str] = field(default_factory=dict)


class ChannelStandIn(HostedStandIn):
    """The channel's OpenID metadata and keys, and a recording connector."""

    def __init__(
        self,
        *,
        endorsements: tuple[str, ...] = ("msteams",),
        verify_token: Callable[[str], Any] | None = None,
        service_path: str = "/amer/",
    ) -> None:
        self.keys = KeySet()
        self.endorsements = endorsements
        self.verify_token = verify_token
        self._service_path = service_path
        self.calls: list[ConnectorCall] = []
        self.metadata_requests = 0
        self._failures: list[_Failure] = []
        self._unendorsed: set[str] = set()
        self._cond = threading.Condition()
        self._service = ServiceThread(self._build_app())

    # ---- addresses ------------------------------------------------------------------
    @property
    def service_url(self) -> str:
        """Like Teams' serviceUrl: a path and a trailing slash, e.g. `http://127.0.0.1:N/amer/`."""
        return f"{self.url}{self._service_path}"

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/v1/.well-known/openidconfiguration"

    def reset(self) -> None:
        with self._cond:
            self.calls.clear()
            self._failures.clear()
            self.metadata_requests = 0
            self.keys.keys = [k for k in self.keys.keys if k.kid not in self._unendorsed]
            self._unendorsed.clear()
        self.verify_token = None

    # ---- inbound tokens -----------------------------------------------------------------
    def sign_activity_token(
        self,
        app_id: str,
        service_url: str | None = None,
        *,
        issuer: str = ISSUER,
        audience: str | None = None,
        expires_in: int = 3600,
        exp: int | None = None,
        nbf: int | None = None,
        kid: str | None = None,
        alg: str = "RS256",
        key: SigningKey | None = None,
        extra_claims: dict[str, Any] | None = None,
    ) -> str:
        """The JWT the channel sends in `Authorization: Bearer ...` with an activity."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "serviceurl": service_url if service_url is not None else self.service_url,
            "nbf": nbf if nbf is not None else now - 5,
            "exp": exp if exp is not None else now + expires_in,
            "iss": issuer,
            "aud": audience if audience is not None else app_id,
        }
        claims.update(extra_claims or {})
        signer = key or self.keys.current
        return signer.sign(claims, kid=kid if kid is not None else self.keys.current.kid, alg=alg)

    def forge_activity_token(self, kind: str, app_id: str, service_url: str | None = None) -> str:
        """A token the bot must refuse; `kind` is one of FORGERIES."""
        if kind == "bad_signature":  # a published kid, signed by a key nobody published
            return self.sign_activity_token(app_id, service_url, key=SigningKey(), kid=self.keys.current.kid)
        if kind == "wrong_audience":
            return self.sign_activity_token(app_id, service_url, audience=str(uuid.uuid4()))
        if kind == "wrong_issuer":
            return self.sign_activity_token(app_id, service_url, issuer="https://sts.windows.net/attacker/")
        if kind == "expired":
            return self.sign_activity_token(app_id, service_url, exp=int(time.time()) - 3600)
        if kind == "not_yet_valid":
            return self.sign_activity_token(app_id, service_url, nbf=int(time.time()) + 3600)
        if kind == "alg_none":
            return self.sign_activity_token(app_id, service_url, alg="none")
        if kind == "unknown_kid":
            return self.sign_activity_token(app_id, service_url, key=SigningKey(kid="unpublished-key"))
        if kind == "serviceurl_mismatch":
            return self.sign_activity_token(app_id, "https://smba.trafficmanager.net/evil/")
        if kind == "unendorsed":
            extra = SigningKey()
            self.keys.keys.append(extra)
            self._unendorsed.add(extra.kid)
            return self.sign_activity_token(app_id, service_url, key=extra, kid=extra.kid)
        raise ValueError(f"unknown forgery {kind!r}; one of {FORGERIES}")

    # ---- connector helpers for tests ---------------------------------------------------------
    def fail_next(self, status: int, times: int = 1, *, retry_after: int | None = None) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        with self._cond:
            self._failures.append(_Failure(status, times, headers))

    def replies(self, conversation_id: str | None = None) -> list[ConnectorCall]:
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == "POST" and (conversation_id is None or c.conversation_id == conversation_id)
            ]

    def wait_for(self, count: int, *, within: float = 5.0, method: str | None = "POST") -> list[ConnectorCall]:
        """Block until `count` calls (of `method`, None for any) were recorded; returns them."""

        def matching() -> list[ConnectorCall]:
            return [c for c in self.calls if method is None or c.method == method]

        with self._cond:
            if not self._cond.wait_for(lambda: len(matching()) >= count, within):
                raise TimeoutError(f"expected {count} connector calls, got {len(matching())}")
            return matching()

    async def wait_for_async(
        self, count: int, *, within: float = 5.0, method: str | None = "POST"
    ) -> list[ConnectorCall]:
        return await asyncio.to_thread(self.wait_for, count, within=within, method=method)

    # ---- HTTP ------------------------------------------------------------------------------------
    def _build_app(self) -> web.Application:
        app = web.Application()
        app[NAME] = "channel"
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._jwks)
        prefix = self._service_path.rstrip("/")
        for base in {prefix, ""}:
            app.router.add_post(base + "/v3/conversations", self._create_conversation)
            app.router.add_post(base + "/v3/conversations/{cid}/activities", self._activity)
            app.router.add_post(base + "/v3/conversations/{cid}/activities/{aid}", self._activity)
            app.router.add_put(base + "/v3/conversations/{cid}/activities/{aid}", self._activity)
            app.router.add_delete(base + "/v3/conversations/{cid}/activities/{aid}", self._activity)
        return app

    async def _metadata(self, request: web.Request) -> web.Response:
        with self._cond:
            self.metadata_requests += 1
        return web.json_response(
            {
                "issuer": ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": f"{self.url}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _jwks(self, request: web.Request) -> web.Response:
        # "unendorsed" keys are endorsed for another channel only, so not for this activity's.
        keys = [
            k.jwk(endorsements=["skype"] if k.kid in self._unendorsed else list(self.endorsements))
            for k in self.keys.keys
        ]
        return web.json_response({"keys": keys})

    def _authorize(self, request: web.Request) -> web.Response | None:
        if self.verify_token is None:
            return None
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        try:
            if scheme != "Bearer" or not token:
                raise PermissionError("no bearer token")
            self.verify_token(token)
        except Exception:
            return web.json_response({"message": "Authorization has been denied for this request."}, status=401)
        return None

    def _injected(self) -> _Failure | None:
        with self._cond:
            if not self._failures:
                return None
            failure = self._failures[0]
            failure.remaining -= 1
            if failure.remaining <= 0:
                self._failures.pop(0)
            return failure

    async def _activity(self, request: web.Request) -> web.Response:
        cid, aid = request.match_info["cid"], request.match_info.get("aid")
        body = None
        if request.method in ("POST", "PUT") and request.can_read_body:
            try:
                body = await request.json()
            except ValueError:
                return web.json_response({"error": {"code": "BadArgument", "message": "Invalid JSON"}}, status=400)
        call = ConnectorCall(
            method=request.method,
            conversation_id=cid,
            activity_id=aid,
            activity=body,
            authorization=request.headers.get("Authorization"),
            path=request.path,
        )
        response = self._authorize(request)
        if response is None and (failure := self._injected()) is not None:
            response = web.json_response(
                {
                    "error": {
                        "code": "ServiceError" if failure.status >= 500 else "Throttled",
                        "message": "injected failure",
                    }
                },
                status=failure.status,
                headers=failure.headers,
            )
        if response is None:
            if request.method == "DELETE":
                response = web.Response(status=200)
            else:
                call.response_id = aid if request.method == "PUT" else f"1:{uuid.uuid4().hex}"
                response = web.json_response({"id": call.response_id}, status=200 if request.method == "PUT" else 201)
        call.status = response.status
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
        return response

    async def _create_conversation(self, request: web.Request) -> web.Response:
        denied = self._authorize(request)
        if denied is not None:
            return denied
        cid = f"a:{uuid.uuid4().hex}"
        return web.json_response(
            {"id": cid, "activityId": f"1:{uuid.uuid4().hex}", "serviceUrl": self.service_url}, status=201
        )
