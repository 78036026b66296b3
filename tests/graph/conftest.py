"""Arrangements shared by the Graph tests: a mailbox for Alice and Graph-shaped meetings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sandbox.graph_state import GraphState, Mailbox
from tests.fixtures.graph import Tokens

ALICE = "8a1c0f6e-0000-4000-8000-00000000a11c"
BOB = "8a1c0f6e-0000-4000-8000-000000000b0b"
DAY = datetime(2026, 1, 15, tzinfo=UTC)  # January: no daylight saving anywhere tested


def meeting(
    subject: str, start: datetime, minutes: int = 30, *, organizer: str = "bob@contoso.example", **extra: Any
) -> dict[str, Any]:
    end = start + timedelta(minutes=minutes)
    event = {
        "subject": subject,
        "start": {"dateTime": start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
        "end": {"dateTime": end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
        "organizer": {"emailAddress": {"name": organizer.split("@")[0].title(), "address": organizer}},
        "attendees": [{"emailAddress": {"name": "Alice", "address": "alice@contoso.example"}, "type": "required"}],
    }
    event.update(extra)
    return event


@pytest.fixture
def alice(graph_state: GraphState) -> Mailbox:
    return graph_state.add_user(
        ALICE, upn="alice@contoso.example", display_name="Alice", time_zone="Pacific Standard Time"
    )


@pytest.fixture
def alice_tokens() -> Tokens:
    return Tokens(ALICE)
