"""What the dialogs need from the outside world, injected by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    graph: Any  # graph.client.GraphClient
    tokens: Any  # graph.tokens.UserTokens
    pending: Any  # bot.pending.PendingActions
    sso_resource: str = ""
    # The Azure Bot's OAuth connection for the sign-in fallback (empty: SSO only).
    oauth_connection: str = ""
    # Sandbox mode only: fetches the Playground user's SSO token from the Entra stand-in.
    sandbox_sso: Callable[[Any], Awaitable[str]] | None = None
    confirm_before_acting: bool = True
    clock: Callable[[], datetime] = field(default=utc_now)
    invitations: Any = None  # dialogs.invitations.Invitations (invitation cards), when set up
