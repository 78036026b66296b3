"""A realistic demo week for the Graph stand-in, laid out around today.

`demo_events` returns Graph-shaped events (times in the user's zone) for
`GraphState.add_event`: a 3pm meeting someone else organizes, a daily stand-up series,
an all-day event, a meeting the user organizes, two meetings at the same hour, and a
few more across the week. `install_demo_calendar` creates a demo mailbox with them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from graph.timezones import zone
from sandbox.graph_state import GraphState

USER_NAME = "Alex Wilber"
USER_ADDRESS = "alexw@contoso.example"

PEOPLE = {
    "megan": ("Megan Bowen", "meganb@contoso.example"),
    "nestor": ("Nestor Wilke", "nestorw@contoso.example"),
    "adele": ("Adele Vance", "adelev@contoso.example"),
    "lee": ("Lee Gu", "leeg@contoso.example"),
    "diego": ("Diego Siciliani", "diegos@contoso.example"),
    "isaiah": ("Isaiah Langer", "isaiahl@contoso.example"),
}


def _person(name: str, address: str) -> dict[str, Any]:
    return {"emailAddress": {"name": name, "address": address}}


def _attendee(name: str, address: str, response: str = "none") -> dict[str, Any]:
    return {
        **_person(name, address),
        "type": "required",
        "status": {"response": response, "time": "0001-01-01T00:00:00Z"},
    }


def _at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute)).strftime("%Y-%m-%dT%H:%M:%S.0000000")


def _meeting(
    subject: str,
    day: date,
    start: tuple[int, int],
    minutes: int,
    zone_name: str,
    *,
    organizer: str | None,
    attendees: tuple[str, ...],
    user_name: str,
    user_address: str,
    **extra: Any,
) -> dict[str, Any]:
    begin = datetime.combine(day, time(*start))
    end = begin + timedelta(minutes=minutes)
    org = PEOPLE[organizer] if organizer else (user_name, user_address)
    people = [_attendee(*PEOPLE[p]) for p in attendees if p != organizer]
    if organizer:
        people.append(_attendee(user_name, user_address))
    event = {
        "subject": subject,
        "start": {"dateTime": _at(begin.date(), begin.hour, begin.minute), "timeZone": zone_name},
        "end": {"dateTime": _at(end.date(), end.hour, end.minute), "timeZone": zone_name},
        "isOrganizer": organizer is None,
        "responseStatus": {"response": "organizer" if organizer is None else "notResponded"},
        "organizer": _person(*org),
        "attendees": people,
        "location": {"displayName": extra.pop("room", "Microsoft Teams Meeting")},
        "showAs": "busy",
    }
    event.update(extra)
    return event


def _weekday(today: date, offset: int) -> date:
    """The working day `offset` working days from today (weekends skipped)."""
    day, step = today, 1 if offset >= 0 else -1
    remaining = abs(offset)
    while remaining:
        day += timedelta(days=step)
        if day.weekday() < 5:
            remaining -= 1
    return day


def demo_events(
    user_zone: str, today: date, *, user_name: str = USER_NAME, user_address: str = USER_ADDRESS
) -> list[dict[str, Any]]:
    """The demo calendar around `today`, times written in `user_zone` (Windows or IANA name)."""
    me = {"user_name": user_name, "user_address": user_address}
    tomorrow = _weekday(today, 1)
    later = _weekday(today, 2)
    next_week = _weekday(today, 5)
    standup_start = today - timedelta(days=14)
    standup = _meeting(
        "Daily stand-up",
        standup_start,
        (9, 30),
        15,
        user_zone,
        organizer="megan",
        attendees=("megan", "nestor", "adele", "lee"),
        **me,
    )
    standup.update(
        type="seriesMaster",
        recurrence={
            "pattern": {
                "type": "weekly",
                "interval": 1,
                "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                "firstDayOfWeek": "sunday",
            },
            "range": {
                "type": "endDate",
                "startDate": standup_start.isoformat(),
                "endDate": (today + timedelta(days=14)).isoformat(),
                "recurrenceTimeZone": user_zone,
            },
        },
    )
    return [
        _meeting(
            "Quarterly budget review",
            today,
            (15, 0),
            60,
            user_zone,
            organizer="nestor",
            attendees=("nestor", "adele", "diego"),
            room="Conf Room Baker",
            **me,
        ),
        standup,
        {
            "subject": "Company offsite",
            "start": {"dateTime": _at(later, 0), "timeZone": user_zone},
            "end": {"dateTime": _at(later + timedelta(days=1), 0), "timeZone": user_zone},
            "isAllDay": True,
            "showAs": "free",
            "organizer": _person(*PEOPLE["isaiah"]),
            "attendees": [_attendee(user_name, user_address)],
            "responseStatus": {"response": "accepted"},
            "isOrganizer": False,
        },
        _meeting(
            "Design review: onboarding flow",
            today,
            (11, 0),
            45,
            user_zone,
            organizer=None,
            attendees=("adele", "lee"),
            **me,
        ),
        _meeting("1:1 with Megan", tomorrow, (10, 0), 30, user_zone, organizer="megan", attendees=("megan",), **me),
        _meeting(
            "Vendor demo",
            tomorrow,
            (10, 0),
            60,
            user_zone,
            organizer="diego",
            attendees=("diego", "lee"),
            allowNewTimeProposals=False,
            **me,
        ),
        _meeting(
            "Lunch and learn: Graph API",
            tomorrow,
            (12, 0),
            60,
            user_zone,
            organizer="isaiah",
            attendees=("isaiah", "nestor", "adele", "megan"),
            showAs="tentative",
            **me,
        ),
        _meeting(
            "Sprint planning",
            later,
            (14, 0),
            90,
            user_zone,
            organizer="lee",
            attendees=("lee", "megan", "nestor", "adele"),
            **me,
        ),
        _meeting(
            "Hiring sync",
            next_week,
            (16, 0),
            30,
            user_zone,
            organizer="adele",
            attendees=("adele",),
            responseRequested=False,
            **me,
        ),
        _meeting(
            "Customer call: Fabrikam",
            _weekday(today, 3),
            (8, 30),
            30,
            user_zone,
            organizer=None,
            attendees=("diego",),
            **me,
        ),
    ]


def install_demo_calendar(
    state: GraphState,
    oid: str,
    *,
    time_zone: str = "Pacific Standard Time",
    today: date | None = None,
    upn: str = USER_ADDRESS,
    display_name: str = USER_NAME,
) -> list[str]:
    """Create the demo mailbox for `oid` (mailbox zone as a Windows name) and its events."""
    state.add_user(oid, upn=upn, display_name=display_name, time_zone=time_zone)
    day = today or datetime.now(zone(time_zone)).date()
    return [
        state.add_event(oid, event) for event in demo_events(time_zone, day, user_name=display_name, user_address=upn)
    ]
