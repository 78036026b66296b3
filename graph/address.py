"""Where a calendar lives, as one small value that spells every Graph URL form.

Graph reaches the same event through ten URL forms (the signed-in user or
`/users/{id | userPrincipalName}`, times the default calendar, a named calendar, a
calendar in the default group, a calendar in a named group, or no calendar at all).
`CalendarAddress` names one of them; the path methods build the relative URLs,
escaping every id completely because Outlook ids contain `/`, `+` and `=`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


def _seg(value: str) -> str:
    return quote(value, safe="")


@dataclass(frozen=True, slots=True)
class CalendarAddress:
    """`user` is "me" or a user id/UPN; at most one calendar form may be chosen."""

    user: str = "me"
    calendar_id: str | None = None
    group_id: str | None = None
    default_group: bool = False
    default_calendar: bool = False

    def __post_init__(self) -> None:
        if not self.user:
            raise ValueError("user must be 'me' or a user id")
        if self.default_calendar and (self.calendar_id or self.group_id or self.default_group):
            raise ValueError("default_calendar excludes a calendar id or group")
        if (self.group_id or self.default_group) and not self.calendar_id:
            raise ValueError("a calendar group form needs a calendar_id")
        if self.group_id and self.default_group:
            raise ValueError("choose group_id or default_group, not both")

    @property
    def is_me(self) -> bool:
        return self.user == "me"

    def root(self) -> str:
        return "/me" if self.is_me else f"/users/{_seg(self.user)}"

    def calendar_path(self) -> str:
        """The calendar part, or the mailbox root when no calendar was chosen."""
        root = self.root()
        if self.default_calendar:
            return f"{root}/calendar"
        if self.calendar_id is None:
            return root
        calendar = f"calendars/{_seg(self.calendar_id)}"
        if self.default_group:
            return f"{root}/calendargroup/{calendar}"
        if self.group_id:
            return f"{root}/calendargroups/{_seg(self.group_id)}/{calendar}"
        return f"{root}/{calendar}"

    def events_path(self) -> str:
        return f"{self.calendar_path()}/events"

    def event_path(self, event_id: str) -> str:
        if not event_id:
            raise ValueError("event id is empty")
        return f"{self.events_path()}/{_seg(event_id)}"

    def calendar_view_path(self) -> str:
        return f"{self.calendar_path()}/calendarView"

    def mailbox_settings_path(self) -> str:
        return f"{self.root()}/mailboxSettings"


ME = CalendarAddress()
