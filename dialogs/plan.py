"""What Regrets does with an understood request: the decision, before any rendering.

`make_plan` takes the parsed request, the resolver's answer, the time and the contract's
`Decision` (understanding/decide.py), and returns a `Plan`: which card to show (confirm,
choice, agenda, bulk, own meeting) or which sentence to say. What a plan would act on
(confirm, act, bulk, act_all) is exactly the Decision's meetings, answer, note, notify choice
and scope, so the bot and `python -m understanding.eval` never disagree; the plan only adds
the sentences around it (already declined, over, cancelled, own meeting, proposals).
Pure code: the dialog renders the plan and the card handlers act on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from dialogs import texts
from dialogs.cards.timefmt import day_label
from graph.models import Event
from understanding.decide import BLOCKING, Decision, decide, target_of
from understanding.model import REACH_DAYS
from understanding.parse import Request
from understanding.resolve import Resolution

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
    # Shown on the card: the meetings asked for that the Decision left out, and why.
    left_out: str | None = None
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
    "organizer": "You organize {name}, so there is no invitation to answer (I can cancel it instead).",
}


def problem(event: Event, resolution: Resolution) -> str | None:
    """Why Regrets would not respond to this event, as a sentence, or None."""
    for code in resolution.problems.get(event.id, ()):
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


def make_plan(request: Request, resolution: Resolution, now: datetime, decision: Decision | None = None) -> Plan:
    decision = decision or decide(request, resolution)
    intent = request.intent
    comment = request.comment
    notify = request.notify
    scope = request.scope
    if intent == "agenda" and not request.unclear:
        return Plan(kind="agenda", events=list(resolution.events), title=_window_title(resolution, now))
    if intent == "cancel":
        # The resolver turns "cancel" of someone else's meeting into a decline.
        intent = resolution.intent or intent
    if decision.intent != "other":
        intent, comment, notify, scope = decision.intent, decision.comment, decision.send_response, decision.scope
    verb = "cancel" if intent == "cancel" else VERBS.get(intent, "decline")
    events = list(resolution.events)
    # Every plan below carries the answer, note, notify choice and scope.
    base = Plan(kind="none", verb=verb, comment=comment, notify=notify, scope=scope)

    if request.unclear:
        # "decline my 25pm", "everything next year": say what was not understood and ask.
        first = request.unclear[0]
        return replace(
            base, kind="nothing", message=texts.UNCLEAR[first.why].format(words=first.words, days=REACH_DAYS)
        )
    if resolution.unknown:
        return replace(base, kind="nothing", message=texts.UNKNOWN_WORD.format(words=resolution.unknown[0]))
    if all(ref.is_empty for ref in request.refs):
        # "decline" and nothing else: show what is left of today to pick from.
        return replace(base, kind="pick", title="today")
    if resolution.status == "none" or not events:
        return replace(base, kind="none", title=_window_title(resolution, now))
    if resolution.status == "ambiguous":
        actionable = [e for e in events if not e.is_cancelled and not e.is_over(now)]
        return replace(base, kind="choice", events=actionable or events)

    if verb == "cancel":
        own = [e for e in events if e.is_organizer]
        if not own:
            named = f"“{events[0].subject or 'Untitled meeting'}”" if len(events) == 1 else "those meetings"
            return replace(
                base,
                kind="nothing",
                message=f"You can only cancel meetings you organize, and you don't organize {named}. "
                "Ask me to decline instead.",
                events=events,
            )
        return replace(base, kind="own_meeting", events=own[:1])

    # What may be acted on is the Decision's, one meeting per id it would POST to.
    chosen = _decided(events, decision, resolution)
    immediate = request.immediate
    left_out = _left_out(events, chosen, decision, resolution)
    if left_out:
        # Part of what was asked cannot be done: the card says so, and asks even when told "now".
        base, immediate = replace(base, left_out=left_out), False
    if len(events) == 1 or len(chosen) == 1:
        event = chosen[0] if chosen else events[0]
        if event.is_organizer:
            return replace(base, kind="own_meeting", events=[event])
        reason = problem(event, resolution)
        if reason:
            return replace(base, kind="nothing", message=reason, events=[event])
        if not chosen:
            return replace(base, kind="none", title=_window_title(resolution, now))
        kind = "act" if immediate else "confirm"
        proposal, notice = _proposal(decision.request or request, resolution, event, verb)
        if notice:
            kind = "confirm"  # asked to propose and cannot: ask before a plain decline
        return replace(base, kind=kind, events=[event], proposal=proposal, notice=notice)

    if not chosen:
        return replace(base, kind="nothing", message="None of those meetings needs a response from you.", events=events)
    if scope == "series" and len(chosen) > 1 and len(request.refs) < 2:
        # "decline the whole standup series now" matching two series: the words may mean one of
        # them, so the card asks (a row per series, and both); a series is never answered unasked.
        immediate = False
    # Each meeting, or each series (scope), as the Decision says; the card and act_many keep that scope.
    return replace(base, kind="act_all" if immediate else "bulk", events=chosen)


def _decided(events: list[Event], decision: Decision, resolution: Resolution) -> list[Event]:
    """The Decision's targets as events, in its order (a series' occurrences count once, as its master).

    A series is shown by one of its meetings that may be answered (not one already over or answered).
    """
    if decision.status != "matched":
        return []
    by_target: dict[str, Event] = {}
    for event in events:
        target = event.series_master_id if decision.scope == "series" and event.series_master_id else event.id
        if target not in by_target or _refused(by_target[target], resolution):
            if target not in by_target or not _refused(event, resolution):
                by_target[target] = event
    return [by_target[i] for i in decision.event_ids if i in by_target]


def _left_out(events: list[Event], chosen: list[Event], decision: Decision, resolution: Resolution) -> str | None:
    """Why the meetings asked for but not chosen are left alone, one sentence each (or None).

    Only when something else is chosen: with nothing to do, the plan's own sentence says why.
    """
    if not chosen:
        return None
    kept = {target_of(e, decision.scope) for e in chosen}
    sentences: dict[str, str] = {}
    for event in events:
        target = target_of(event, decision.scope)
        if target not in kept and target not in decision.event_ids and (reason := problem(event, resolution)):
            sentences.setdefault(target, reason)
    return " ".join(sentences.values()) or None


def _refused(event: Event, resolution: Resolution) -> bool:
    return bool(BLOCKING.intersection(resolution.problems.get(event.id, ())))


def _window_title(resolution: Resolution, now: datetime) -> str:
    window = resolution.window
    if window:
        start, end = window
        last = end - timedelta(days=1)  # the window ends at midnight after its last day
        if last.date() > start.date():
            # "next week": a span of days, not the first of them.
            return f"{day_label(start.date())} – {day_label(last.date())}"
        return day_title(start, now)
    return "today"


def _proposal(
    request: Request, resolution: Resolution, event: Event, verb: str
) -> tuple[tuple[datetime, datetime] | None, str | None]:
    """The new time asked for in chat, for the meeting's duration in its zone; or why it can't be sent.

    The resolver knows the proposal once it knows the meeting (`Resolution.proposed_time`);
    a request that carries one already (`Request.proposed_time`) is honoured the same way.
    """
    asked = resolution.proposed_time or request.proposed_time
    if not asked and request.proposal is not None:
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


# Subject words as understanding/ normalises them, as a person writes them.
_SHOWN = {"oneonone": "1:1", "checkin": "check-in", "catchup": "catch-up", "townhall": "town hall"}


def looked_for(request: Request, title: str) -> str:
    """What the request asked for, as words after "Nothing": "at 3:00 PM today", "called “standup” tomorrow"."""
    parts: list[str] = []
    for ref in request.refs[:1]:
        if ref.subject:
            parts.append("called “" + " ".join(_SHOWN.get(word, word) for word in ref.subject) + "”")
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


def asked_time(request: Request) -> tuple[int, int] | None:
    refs = request.refs
    return refs[0].time if refs else None


def _line(event: Event) -> str:
    subject = event.subject or "Untitled meeting"
    if not isinstance(event.start, datetime):
        return f"{subject} (all day)"
    return f"{_clock(event.start.hour, event.start.minute)} {subject}"
