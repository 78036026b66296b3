"""Who is speaking, as the conversation needs it (the bot reads it off the Teams activity)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TeamsUser:
    key: str  # Entra object id when Teams gives one, else the channel's user id
    name: str
    tenant_id: str
