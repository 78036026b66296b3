"""Graph JSON batching for bulk responses: the items, their results, and the wire shapes.

A `$batch` carries at most 20 sub-requests; each one is executed (and throttled) on its
own, so a batch answers 200 while single items inside it fail. This module builds the
request body from `RespondItem`s and reads the per-item answers back; the retry policy
around it lives in `graph.client`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from graph.errors import GraphError
from graph.models import Event

MAX_BATCH = 20
IMMUTABLE_ID = 'IdType="ImmutableId"'

Action = Literal["decline", "accept", "tentativelyAccept"]
# The responseStatus.response an event shows once the action took effect.
WANTED_RESPONSE = {"decline": "declined", "accept": "accepted", "tentativelyAccept": "tentativelyAccepted"}


def as_action(name: str) -> Action:
    """`name` as a respond action; ValueError for anything else (Graph has no other respond verb)."""
    actions: dict[str, Action] = {"decline": "decline", "accept": "accept", "tentativelyAccept": "tentativelyAccept"}
    if name not in actions:
        raise ValueError(f"not a respond action: {name!r}")
    return actions[name]


@dataclass(frozen=True, slots=True)
class RespondItem:
    """One response to send; `event`, when known, enables the local checks."""

    event_id: str
    action: Action = "decline"
    comment: str | None = None
    send_response: bool = True
    proposed_new_time: tuple[datetime, datetime] | None = None
    event: Event | None = None


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: RespondItem
    error: GraphError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class SubResponse:
    status: int
    headers: dict[str, str]
    body: Any


def _graph_time(value: datetime) -> dict[str, str]:
    if value.tzinfo is None:
        raise ValueError("proposed times must be timezone-aware")
    return {"dateTime": value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"}


def respond_body(item: RespondItem) -> dict[str, Any]:
    body: dict[str, Any] = {"sendResponse": item.send_response}
    if item.comment is not None:
        body["comment"] = item.comment
    if item.proposed_new_time is not None:
        start, end = item.proposed_new_time
        if end <= start:
            raise ValueError("a proposed time must end after it starts")
        body["proposedNewTime"] = {"start": _graph_time(start), "end": _graph_time(end)}
    return body


def chunks(indexes: Sequence[int], size: int = MAX_BATCH) -> list[list[int]]:
    return [list(indexes[k : k + size]) for k in range(0, len(indexes), size)]


def build(requests: Sequence[tuple[str, str, str, dict[str, Any] | None]]) -> dict[str, Any]:
    """A `$batch` body from (id, method, relative url, json body or None) tuples."""
    if len(requests) > MAX_BATCH:
        raise ValueError(f"a batch holds at most {MAX_BATCH} requests")
    out = []
    for request_id, method, url, body in requests:
        entry: dict[str, Any] = {"id": request_id, "method": method, "url": url, "headers": {"Prefer": IMMUTABLE_ID}}
        if body is not None:
            entry["body"] = body
            entry["headers"]["Content-Type"] = "application/json"
        out.append(entry)
    return {"requests": out}


def parse(body: Any, expected_ids: Sequence[str]) -> dict[str, SubResponse]:
    """The sub-responses by id; raises ValueError when the shape is not Graph's."""
    if not isinstance(body, dict) or not isinstance(body.get("responses"), list):
        raise ValueError("batch answer has no responses list")
    found: dict[str, SubResponse] = {}
    for entry in body["responses"]:
        if not isinstance(entry, dict) or "id" not in entry or not isinstance(entry.get("status"), int):
            raise ValueError("batch sub-response without id or status")
        headers = entry.get("headers") or {}
        if not isinstance(headers, dict):
            raise ValueError("batch sub-response headers are not an object")
        found[str(entry["id"])] = SubResponse(
            status=entry["status"],
            headers={str(k).lower(): str(v) for k, v in headers.items()},
            body=entry.get("body"),
        )
    missing = [i for i in expected_ids if i not in found]
    if missing:
        raise ValueError(f"batch answer lacks {len(missing)} sub-responses")
    return found
