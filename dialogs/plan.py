"""What Regrets does with an understood request: the decision, before any rendering.

`make_plan` takes the parsed request, the resolver's answer and the time, and returns a
`Plan`: which card to show (confirm, choice, agenda, bulk, own meeting) or which
sentence to say. Pure code: the dialog renders the plan and the card handlers act on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from graph.models import Event

# Graph's action names for each intent the user can ask for.
VERBS = {"decline": "decline", "accept": "accept", "tentative": "tentativelyAccept"}


@dataclass
class Plan:
    # confirm | act | choice | bulk | act_all | agenda | pick | own_meeting | nothing | none
    kind: str
    verb: str = "decline"
    events: list[Event] = field(default_factory=list)
    comment: str | None = None
    notify: bool = True
    scope: str = "occurrence"
    message: str | None = None
    title: str | None = None
    # A new time to propose (decline/tentative), in the meeting's zone, for its duration.
    proposal: tuple[datetime, datetime] | None = None
    # Said before the card (e.g. why the proposal asked for cannot be sent).
    notice: str | None = None
    # What the request looked for, for sentences that found nothing: "at 3:00 PM today".
    looked_for: str | None = None
    asked_time: tuple[int, int] | None = None  # the clock time the request named, if any


# The resolver's reasons not to respond to an event, as the sentence the user reads.
PROBLEMS = {
    "cancelled": "{name} has been cancelled by the organizer, so there is nothing to respond to.",
    "past": "{name} is already over, so I left it alone.",
    "already_declined": "You have already declined {name}.",
    "already_accepted": "You have already accepted {name}.",
    "already_tentative": "You have already tentatively accepted {name}.",
}


def problem(event: Event, resolution: Any) -> str | None:
    """Why Regrets would not respond to this event, as a sentence, or None."""
    for code in (getattr(resolution, "problems", None) or {}).get(event.id, ()):
        if code in PROBLEMS:
            return PROBLEMS[code].format(name=f"“{event.subject or 'that meeting'}”")
    return None


def day_title(start: datetime | date, now: datetime) -> str:
    day = start.date() if isinstance(start, datetime) else start
    today = now.date()
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return day.strftime("%A %-d %b")


def make_plan(request: Any, resolution: Any, now: datetime) -> Plan:
    intent = request.intent
    comment = request.comment
    notify = request.notify
    scope = getattr(request, "scope", "occurrence")
    if intent == "agenda":
        return Plan(kind="agenda", events=list(resolution.events), title=_window_title(resolution, now))
    if intent == "cancel":
        # The resolver turns "cancel" of someone else's meeting into a decline.
        intent = getattr(resolution, "intent", intent) or intent
    verb = "cancel" if intent == "cancel" else VERBS.get(intent, "decline")
    events = list(resolution.events)
    common = {"verb": verb, "comment": comment, "notify": notify, "scope": scope}

    if all(ref.is_empty for ref in getattr(request, "refs", ())):
        # "decline" and nothing else: show what is left of today to pick from.
        return Plan(kind="pick", title="today", **common)
    if resolution.status == "none" or not events:
        return Plan(kind="none", title=_window_title(resolution, now), **common)
    if resolution.status == "ambiguous":
        actionable = [e for e in events if not e.is_cancelled and not e.is_over(now)]
        return Plan(kind="choice", events=actionable or events, **common)

    if verb == "cancel":
        own = [e for e in events if e.is_organizer]
        if not own:
            named = f"“{events[0].subject or 'Untitled meeting'}”" if len(events) == 1 else "those meetings"
            return Plan(
                kind="nothing",
                message=f"You can only cancel meetings you organize, and you don't organize {named}. "
                "Ask me to decline instead.",
                events=events,
                **common,
            )
        return Plan(kind="own_meeting", events=own[:1], **common)

    if len(events) == 1:
        event = events[0]
        if event.is_organizer:
            return Plan(kind="own_meeting", events=[event], **common)
        reason = problem(event, resolution)
        if reason:
            return Plan(kind="nothing", message=reason, events=[event], **common)
        kind = "act" if getattr(request, "immediate", False) else "confirm"
        proposal, notice = _proposal(request, resolution, event, verb)
        if notice:
            kind = "confirm"  # asked to propose and cannot: ask before a plain decline
        return Plan(kind=kind, events=[event], proposal=proposal, notice=notice, **common)

    actionable = [e for e in events if not e.is_organizer and problem(e, resolution) is None]
    if not actionable:
        return Plan(
            kind="nothing", message="None of those meetings needs a response from you.", events=events, **common
        )
    return Plan(kind="act_all" if getattr(request, "immediate", False) else "bulk", events=actionable, **common)


def _window_title(resolution: Any, now: datetime) -> str:
    window = getattr(resolution, "window", None)
    if window:
        start = window[0]
        return day_title(start, now)
    return "today"


def _proposal(
    request: Any, resolution: Any, event: Event, verb: str
) -> tuple[tuple[datetime, datetime] | None, str | None]:
    """The new time asked for in chat, for the meeting's duration in its zone; or why it can't be sent.

    The resolver knows the proposal once it knows the meeting (`Resolution.proposed_time`);
    a request that carries one already (`Request.proposed_time`) is honoured the same way.
    """
    asked = getattr(resolution, "proposed_time", None) or getattr(request, "proposed_time", None)
    if not asked and getattr(request, "proposal", None) is not None:
        return None, None
    if not asked or not isinstance(event.start, datetime) or not isinstance(event.end, datetime):
        return None, None
    name = f"“{event.subject or 'Untitled meeting'}”"
    if verb not in ("decline", "tentativelyAccept"):
        return (
            None,
            f"Outlook only sends a new time with a decline or a tentative answer, so I won't propose one for {name}.",
        )
    if not event.allow_new_time_proposals:
        return None, (
            f"The organizer of {name} doesn't accept new time proposals, so I can't suggest another time. "
            "You can still decline it:"
        )
    start = asked[0].astimezone(event.start.tzinfo) if asked[0].tzinfo else asked[0].replace(tzinfo=event.start.tzinfo)
    return (start, start + (event.end - event.start)), None


def _clock(hour: int, minute: int) -> str:
    suffix = "AM" if hour < 12 else "PM"
    return f"{hour % 12 or 12}:{minute:02d} {suffix}"


def looked_for(request: Any, title: str) -> str:
    """What the request asked for, as words after "Nothing": "at 3:00 PM today", "called “standup” tomorrow"."""
    parts: list[str] = []
    for ref in getattr(request, "refs", ())[:1]:
        if ref.subject:
            parts.append("called “" + " ".join(ref.subject) + "”")
        if ref.people:
            parts.append("with " + " and ".join(p.title() for p in ref.people))
        if ref.time:
            parts.append("at " + _clock(*ref.time))
    parts.append(title)
    return " ".join(parts)


def nearby(events: list[Event], asked: tuple[int, int] | None) -> str:
    """Up to three of the day's meetings closest to the time asked for (all-day ones first), as one line."""
    if not events:
        return ""

    def distance(event: Event) -> int:
        if asked is None or not isinstance(event.start, datetime):
            return 0
        return abs(event.start.hour * 60 + event.start.minute - (asked[0] * 60 + asked[1]))

    chosen = sorted(events, key=distance)[:3]
    chosen.sort(key=lambda e: (1, e.start.hour, e.start.minute) if isinstance(e.start, datetime) else (0, 0, 0))
    return ", ".join(_line(e) for e in chosen) + "."


def asked_time(request: Any) -> tuple[int, int] | None:
    refs = getattr(request, "refs", ())
    return refs[0].time if refs else None


def _line(event: Event) -> str:
    subject = event.subject or "Untitled meeting"
    if not isinstance(event.start, datetime):
        return f"{subject} (all day)"
    return f"{_clock(event.start.hour, event.start.minute)} {subject}"
