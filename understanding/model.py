"""The typed data the understanding stages hand on: what was asked (`Request`) and each meeting named (`MeetingRef`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

ACTIONS = ("decline", "accept", "tentative", "cancel")

# The most days Regrets reads from the calendar for one request; a longer span is asked about.
REACH_DAYS = 62

INTENTS = ACTIONS + ("agenda", "help", "signout", "abort", "other")


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """One meeting (or one span of meetings) the user named."""

    # Alternatives in order of preference, each an inclusive (first, last) day range;
    # empty when no day was said ("my 3pm").
    days: tuple[tuple[date, date], ...] = ()
    time: tuple[int, int] | None = None  # start time (hour, minute) in the user's zone
    flexible: bool = False  # no am/pm given: the other half of the day is a fallback
    part: tuple[int, int] | None = None  # start between these minutes of the day: [from, to)
    after_now: bool = False  # "the rest of today"
    subject: tuple[str, ...] = ()  # normalized subject words ("standup", "oneonone", "retro")
    people: tuple[str, ...] = ()  # name words of attendees/organizer ("kim", "alex")
    relative: str | None = None  # next | first | last
    span: bool = False  # everything that fits ("everything on Friday", "all my meetings")
    count: int = 1  # how many from the edge a relative reference takes ("my next 2 meetings")
    nth: int = 1  # which one from the edge ("my second meeting tomorrow": 2, relative "first")
    # Named with its own article ("the standup and the retro"): never glued to the one before
    # it into one title the way "lunch and learn" is.
    own: bool = field(default=False, compare=False)
    # The people were named as owners ("Louis's meetings"): the meetings they organize come first.
    owner: bool = field(default=False, compare=False)
    # The clock time was said in another zone ("11am Eastern"): IANA names, several when the
    # abbreviation has several readings (IST); empty means the mailbox zone.
    zones: tuple[str, ...] = ()
    organizer: bool = False  # the people named organize the meeting ("the one Priya set up")
    either: bool = False  # the day alternatives are equally likely readings ("next Friday"): ask
    both: bool = False  # "both syncs": two meetings are meant, a question when another number fits
    in_minutes: int | None = None  # "in an hour": the meeting starting about that long from now
    # "the call before the all-hands": (after | before, the meeting it is placed against).
    anchor: tuple[str, MeetingRef] | None = None
    # "with customers", "team-only": external | internal (people from another mail domain than
    # the user's, or none); `company_word` is the title word it might be instead ("customer calls"
    # beside a meeting called "Customer advisory board"), empty when the words can only be the filter.
    company: str | None = None
    company_word: str = ""
    # Words that are not English ("jutro", "Besprechung"): a title's when one on the calendar holds
    # them, else not understood and the bot asks which meeting is meant.
    foreign: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return not (
            self.days
            or self.time
            or self.part
            or self.subject
            or self.people
            or self.relative
            or self.span
            or self.after_now
            or self.in_minutes is not None
            or self.anchor
            or self.company
        )


@dataclass(frozen=True, slots=True)
class Unclear:
    """Words that name a time or a day Regrets cannot read, so which meeting is meant is not known."""

    words: str  # as the user wrote them (lower case): "25pm", "31st of february", "next year"
    why: str  # time (no such clock time) | date (no such day) | far (a span beyond REACH_DAYS) | vague


@dataclass(frozen=True, slots=True)
class Request:
    intent: str  # decline accept tentative cancel agenda help signout abort other
    refs: tuple[MeetingRef, ...] = ()
    comment: str | None = None  # the user's own words for the organizer
    notify: bool = True  # False only when the user asked not to notify
    scope: str = "occurrence"  # occurrence | series
    immediate: bool = False  # "right away": skip the confirmation
    proposed_time: tuple[datetime, datetime] | None = None
    # Meetings named after "except"/"but not": left out of what the other references find.
    excluded: tuple[MeetingRef, ...] = ()
    day_first: bool = field(default=False, compare=False)
    # "decline the 2pm and suggest 5pm instead": when the user proposes instead (a day and/or a
    # clock time); `proposed_time` is only known once the meeting (and its length) is.
    proposal: MeetingRef | None = None
    # Time or day words that could change which meeting is meant and were not understood: ask.
    unclear: tuple[Unclear, ...] = ()
