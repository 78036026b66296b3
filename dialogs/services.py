"""What the dialogs need from the outside world, injected by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the composition root builds and injects these
    from dialogs.invitations import Invitations
    from dialogs.pending import PendingActions
    from dialogs.users import TeamsUser
    from graph.client import GraphClient
    from graph.tokens import UserTokens

from clock import REAL


@dataclass
class Services:
    graph: GraphClient
    tokens: UserTokens
    pending: PendingActions
    sso_resource: str = ""
    # The Azure Bot's OAuth connection for the sign-in fallback (empty: SSO only).
    oauth_connection: str = ""
    # Sandbox mode only: fetches the Playground user's SSO token from the Entra stand-in.
    sandbox_sso: Callable[[TeamsUser], Awaitable[str]] | None = None
    confirm_before_acting: bool = True
    # The one clock (clock.py): aware UTC "now"; the composition root injects it, tests pin it.
    clock: Callable[[], datetime] = field(default=REAL)
    # Invitation cards (dialogs/invitations.py); None when not wired (dialog tests).
    invitations: Invitations | None = None
