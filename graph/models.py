"""The small typed values Regrets reads from Graph: events and the people on them.

`Event.from_graph` turns one Graph `event` JSON object into an `Event` whose times are
aware datetimes in the user's zone (or plain dates for all-day events, which are days,
not instants). Nothing here does I/O; the understanding code and the dialogs use these
values directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from graph.timezones import parse_graph_date, parse_graph_datetime

# The fields Regrets reads; the client asks Graph for exactly these ($select).
SELECT_FIELDS = (
    "id",
    "subject",
    "start",
    "end",
    "isAllDay",
    "isCancelled",
    "isOrganizer",
    "responseStatus",
    "responseRequested",
    "allowNewTimeProposals",
    "type",
    "seriesMasterId",
    "organizer",
    "attendees",
    "showAs",
    "changeKey",
    "recurrence",
)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    address: str

    @classmethod
    def from_graph(cls, obj: Any) -> Person | None:
        email = (obj or {}).get("emailAddress") or {}
        if not email:
            return None
        return cls(name=str(email.get("name") or ""), address=str(email.get("address") or ""))


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    subject: str
    start: datetime | date
    end: datetime | date
    is_all_day: bool = False
    is_cancelled: bool = False
    is_organizer: bool = False
    # none, organizer, tentativelyAccepted, accepted, declined, notResponded
    response: str = "none"
    response_requested: bool = True
    allow_new_time_proposals: bool = True
    # singleInstance, occurrence, exception, seriesMaster
    type: str = "singleInstance"
    series_master_id: str | None = None
    organizer: Person | None = None
    attendees: tuple[Person, ...] = field(default=())
    show_as: str = "busy"
    # Changes whenever Graph's copy of the event changes (a card remembers the one it showed).
    change_key: str = ""
    # A series master's range: its first day and its last (None: no end date, or a count).
    recurrence_span: tuple[date, date | None] | None = None

    @property
    def is_recurring(self) -> bool:
        return self.type in ("occurrence", "exception", "seriesMaster") or bool(self.series_master_id)

    @property
    def is_declined(self) -> bool:
        return self.response == "declined"

    def is_over(self, now: datetime) -> bool:
        """Ended by `now` (an all-day event ends at the start of its end date)."""
        if isinstance(self.end, datetime):
            return self.end <= now
        return self.end <= now.date()

    @classmethod
    def from_graph(cls, obj: dict[str, Any], tz: tzinfo | None = None) -> Event:
        """Parse a Graph event; timed events are converted to `tz` when given."""
        all_day = bool(obj.get("isAllDay"))
        start_obj = obj.get("start") or {}
        end_obj = obj.get("end") or {}
        if all_day:
            start: datetime | date = parse_graph_date(start_obj.get("dateTime", ""))
            end: datetime | date = parse_graph_date(end_obj.get("dateTime", ""))
        else:
            start = parse_graph_datetime(start_obj.get("dateTime", ""), start_obj.get("timeZone"))
            end = parse_graph_datetime(end_obj.get("dateTime", ""), end_obj.get("timeZone"))
            if tz is not None:
                start, end = start.astimezone(tz), end.astimezone(tz)
        status = obj.get("responseStatus") or {}
        return cls(
            id=str(obj["id"]),
            subject=str(obj.get("subject") or ""),
            start=start,
            end=end,
            is_all_day=all_day,
            is_cancelled=bool(obj.get("isCancelled")),
            is_organizer=bool(obj.get("isOrganizer")),
            response=str(status.get("response") or "none"),
            response_requested=bool(obj.get("responseRequested", True)),
            allow_new_time_proposals=bool(obj.get("allowNewTimeProposals", True)),
            type=str(obj.get("type") or "singleInstance"),
            series_master_id=obj.get("seriesMasterId") or None,
            organizer=Person.from_graph(obj.get("organizer")),
            attendees=tuple(p for p in (Person.from_graph(a) for a in obj.get("attendees") or []) if p is not None),
            show_as=str(obj.get("showAs") or "busy"),
            change_key=str(obj.get("changeKey") or ""),
            recurrence_span=_span(obj.get("recurrence")),
        )


def _span(recurrence: Any) -> tuple[date, date | None] | None:
    """The days a recurrence covers, from its `range`: (startDate, endDate) for an `endDate`
    range, (startDate, None) for `noEnd`; None for a `numbered` range, whose last day is not
    stated (Regrets then names the series without a span rather than guess one)."""
    rng = recurrence.get("range") if isinstance(recurrence, dict) else None
    if not isinstance(rng, dict) or not rng.get("startDate"):
        return None
    try:
        first = date.fromisoformat(str(rng["startDate"]))
        if rng.get("type") == "endDate" and rng.get("endDate"):
            return first, date.fromisoformat(str(rng["endDate"]))
    except ValueError:
        return None
    return (first, None) if rng.get("type") == "noEnd" else None
