"""Events as small JSON snapshots: the meeting as a card showed it, kept with the card's
pending action so a click can tell whether the meeting changed since (moved, cancelled,
already answered) and say so instead of acting.

A snapshot uses Graph's own field names, so `Event.from_graph` reads it back.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from graph.models import Event


def _when(value: Any) -> dict[str, str]:
    if isinstance(value, datetime):
        return {"dateTime": value.isoformat(), "timeZone": getattr(value.tzinfo, "key", "UTC")}
    return {"dateTime": value.isoformat(), "timeZone": "UTC"}


def snapshot(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": event.id,
        "subject": event.subject[:200],
        "start": _when(event.start),
        "end": _when(event.end),
        "isAllDay": event.is_all_day,
        "isOrganizer": event.is_organizer,
        "type": event.type,
        "seriesMasterId": event.series_master_id,
        "allowNewTimeProposals": event.allow_new_time_proposals,
        "responseStatus": {"response": event.response},
        "isCancelled": event.is_cancelled,
        "changeKey": event.change_key,
    }
    if event.organizer:
        data["organizer"] = {"emailAddress": {"name": event.organizer.name, "address": event.organizer.address}}
    return data


def restore(data: dict[str, Any]) -> Event:
    start = datetime.fromisoformat(data["start"]["dateTime"]) if not data.get("isAllDay") else None
    tz = start.tzinfo if start is not None else None
    return Event.from_graph(data, tz)


def stamp(data: dict[str, Any]) -> str:
    """The state a card was shown for, as a short string the card's buttons carry.

    Graph's changeKey when the snapshot has one; otherwise a short digest of the times and
    the response, which are what a click must not act on once they changed (short, because
    every row of a list card carries one, twice with the Submit fallback).
    """
    if data.get("changeKey"):
        return str(data["changeKey"])
    response = (data.get("responseStatus") or {}).get("response") or "none"
    state = f"{data['start']['dateTime']}|{data['end']['dateTime']}|{response}"
    return hashlib.sha256(state.encode()).hexdigest()[:12]
