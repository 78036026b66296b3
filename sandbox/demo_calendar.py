"""A realistic demo week for the Graph stand-in, laid out around the demo's day.

`demo_events` returns Graph-shaped events (times in the user's zone) for
`GraphState.add_event`: a 3pm meeting someone else organizes, a stand-up every day (a
weekday series and a weekend on-call series), an all-day event, a meeting the user
organizes, two meetings at the same hour, and a few more across the week.
`install_demo_calendar` creates a demo mailbox with them around `demo_day(now)`.

Days are calendar days, not working days: "tomorrow" is tomorrow, weekend or not, so
every example the greeting gives ("decline my 3pm", "decline the standup tomorrow, say
I'm sick", "what's on Friday", "decline everything tomorrow afternoon") has meetings to
act on at any instant. "Now" is always passed in (the stand-ins' own clock); this module
reads no clock and imports no product code.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tzlocal.windows_tz import win_tz

from sandbox.graph_state import GraphState

# The demo's headline is "decline my 3pm": after this hour the calendar moves on a day.
HEADLINE_HOUR = 15

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


def mailbox_zone(name: str) -> tzinfo:
    """A Windows or IANA zone name as a zone (UTC when unknown), as Outlook reads a mailbox's zone."""
    try:
        return ZoneInfo(win_tz.get(name, name))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def demo_time_zone() -> str:
    """This machine's zone as a Windows name (what Graph usually reports), so “3pm” means 3pm here.

    Only for the demo's mailbox: what the person at this machine expects "3pm" to mean.
    """
    try:
        from tzlocal import get_localzone_name
        from tzlocal.windows_tz import tz_win

        local = get_localzone_name() or ""
    except Exception:  # no zone configured: the demo still runs, in the Playground's usual zone
        return "Pacific Standard Time"
    return tz_win.get(local) or local or "Pacific Standard Time"


def demo_day(now: datetime, time_zone: str) -> date:
    """The day of the demo's headline meetings: today in the mailbox's zone, or tomorrow after 3pm.

    Late in the day there would be no 3pm left to decline, so "my 3pm" (and the meeting the user
    organizes, just after it) move on to tomorrow; every other meeting keeps its calendar day.
    """
    local = now.astimezone(mailbox_zone(time_zone))
    return local.date() if local.hour < HEADLINE_HOUR else local.date() + timedelta(days=1)


def _series(
    subject: str,
    first: date,
    last: date,
    days: list[str],
    zone_name: str,
    *,
    organizer: str,
    attendees: tuple[str, ...],
    user_name: str,
    user_address: str,
) -> dict[str, Any]:
    master = _meeting(
        subject,
        first,
        (9, 30),
        15,
        zone_name,
        organizer=organizer,
        attendees=attendees,
        user_name=user_name,
        user_address=user_address,
    )
    master.update(
        type="seriesMaster",
        recurrence={
            "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": days, "firstDayOfWeek": "sunday"},
            "range": {
                "type": "endDate",
                "startDate": first.isoformat(),
                "endDate": last.isoformat(),
                "recurrenceTimeZone": zone_name,
            },
        },
    )
    return master


def demo_events(
    user_zone: str,
    today: date,
    *,
    headline_day: date | None = None,
    user_name: str = USER_NAME,
    user_address: str = USER_ADDRESS,
) -> list[dict[str, Any]]:
    """The demo calendar around `today`, times written in `user_zone` (Windows or IANA name).

    The 3pm meeting and the user's own design review are on `headline_day` (default: today).
    """
    me = {"user_name": user_name, "user_address": user_address}
    headline = headline_day or today
    tomorrow = today + timedelta(days=1)
    later = today + timedelta(days=2)
    next_week = today + timedelta(days=7)
    first, last = today - timedelta(days=14), today + timedelta(days=14)
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"]
    standup = _series(
        "Daily stand-up",
        first,
        last,
        weekdays,
        user_zone,
        organizer="megan",
        attendees=("megan", "nestor", "adele", "lee"),
        **me,
    )
    # On-call keeps a short stand-up at weekends, so "the standup tomorrow" exists on any day.
    weekend = _series(
        "Weekend on-call stand-up",
        first,
        last,
        ["saturday", "sunday"],
        user_zone,
        organizer="lee",
        attendees=("lee", "diego"),
        **me,
    )
    return [
        _meeting(
            "Quarterly budget review",
            headline,
            (15, 0),
            60,
            user_zone,
            organizer="nestor",
            attendees=("nestor", "adele", "diego"),
            room="Conf Room Baker",
            **me,
        ),
        standup,
        weekend,
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
            headline,
            (16, 30),
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
            "Roadmap check-in",
            tomorrow,
            (16, 0),
            30,
            user_zone,
            organizer="nestor",
            attendees=("nestor", "megan"),
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
            today + timedelta(days=3),
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
    now: datetime | None = None,
    today: date | None = None,
    upn: str = USER_ADDRESS,
    display_name: str = USER_NAME,
) -> list[str]:
    """Create the demo mailbox for `oid` (mailbox zone as a Windows name) and its events.

    The week is laid out around `today` when given, else around the mailbox's today at `now`
    (with the headline meetings on `demo_day(now)`).
    """
    if today is None and now is None:
        raise ValueError("the demo calendar needs the stand-ins' now (or a day)")
    state.add_user(oid, upn=upn, display_name=display_name, time_zone=time_zone)
    if today is not None:
        day, headline = today, today
    else:
        day, headline = now.astimezone(mailbox_zone(time_zone)).date(), demo_day(now, time_zone)
    events = demo_events(time_zone, day, headline_day=headline, user_name=display_name, user_address=upn)
    return [state.add_event(oid, event) for event in events]
