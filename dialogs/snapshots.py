"""Events as small JSON snapshots, so a card's pending action can be acted on later
without reading the event from Graph again (a warm decline stays at two Graph requests).

A snapshot uses Graph's own field names, so `Event.from_graph` reads it back.
"""

from __future__ import annotations

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
    }
    if event.organizer:
        data["organizer"] = {"emailAddress": {"name": event.organizer.name, "address": event.organizer.address}}
    return data


def restore(data: dict[str, Any]) -> Event:
    start = datetime.fromisoformat(data["start"]["dateTime"]) if not data.get("isAllDay") else None
    tz = start.tzinfo if start is not None else None
    return Event.from_graph(data, tz)
