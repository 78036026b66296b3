"""RSA signing keys and JWT helpers shared by the identity stand-ins.

Entra ID and the Bot Framework channel both sign RS256 JWTs and publish the public
halves as a JWKS document. `SigningKey` is one such key; `KeySet` is the published set
plus the ability to verify a token against it the way a relying party would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterable
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class SigningKey:
    """A 2048-bit RSA key with a key id, able to sign JWTs and describe itself as a JWK."""

    def __init__(self, kid: str | None = None) -> None:
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.public_key = self.private_key.public_key()
        self.kid = kid or b64url(hashlib.sha1(uuid.uuid4().bytes).digest())  # looks like an x5t

    def jwk(self, **extra: Any) -> dict[str, Any]:
        key = RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        key.update({"kty": "RSA", "use": "sig", "kid": self.kid, "x5t": self.kid})
        key.update(extra)
        return key

    def sign(
        self,
        claims: dict[str, Any],
        *,
        kid: str | None = None,
        alg: str = "RS256",
        headers: dict[str, Any] | None = None,
    ) -> str:
        header = {"typ": "JWT", "kid": kid if kid is not None else self.kid, "x5t": self.kid}
        header.update(headers or {})
        if alg == "none":
            return unsigned_token(claims, header)
        return jwt.encode(claims, self.private_key, algorithm=alg, headers=header)


def unsigned_token(claims: dict[str, Any], header: dict[str, Any] | None = None) -> str:
    """An `alg: none` token, the classic forgery."""
    head = dict(header or {})
    head["alg"] = "none"
    head.pop("kid", None)
    encode = lambda part: b64url(json.dumps(part, separators=(",", ":")).encode())  # noqa: E731
    return f"{encode(head)}.{encode(claims)}."


class InvalidToken(Exception):
    """A token failed verification; the message says which check (never the token)."""


class KeySet:
    """The keys a stand-in publishes; verifies tokens signed by any of them."""

    def __init__(self, keys: Iterable[SigningKey] = ()) -> None:
        self.keys: list[SigningKey] = list(keys) or [SigningKey()]

    @property
    def current(self) -> SigningKey:
        return self.keys[0]

    def jwks(self, **extra: Any) -> dict[str, Any]:
        return {"keys": [key.jwk(**extra) for key in self.keys]}

    def verify(
        self,
        token: str,
        *,
        audience: str | Iterable[str] | None = None,
        issuer: str | Iterable[str] | None = None,
        leeway: float = 0,
    ) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise InvalidToken("malformed token") from exc
        if header.get("alg") != "RS256":
            raise InvalidToken("algorithm not allowed")
        key = next((k for k in self.keys if k.kid == header.get("kid")), None)
        if key is None:
            raise InvalidToken("unknown key id")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        try:
            claims = jwt.decode(
                token,
                key.public_key,
                algorithms=["RS256"],
                audience=audiences or None,
                leeway=leeway,
                options={"verify_aud": bool(audiences), "require": ["exp"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidToken("token expired") from exc
        except jwt.InvalidAudienceError as exc:
            raise InvalidToken("wrong audience") from exc
        except jwt.InvalidSignatureError as exc:
            raise InvalidToken("bad signature") from exc
        except jwt.PyJWTError as exc:
            raise InvalidToken(f"invalid token: {type(exc).__name__}") from exc
        issuers = [issuer] if isinstance(issuer, str) else list(issuer or [])
        if issuers and claims.get("iss") not in issuers:
            raise InvalidToken("wrong issuer")
        return claims
