"""Doing what the user asked: one Graph call per meeting, and the outcome as a card.

Shared by the confirm-card click, the "… now" shortcut and bulk requests, so each
path declines the same way and words its outcome the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from dialogs import cards
from dialogs.failures import sentence_for
from graph.batch import as_action
from graph.client import GraphClient, TokenSource
from graph.models import Event

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    ok: bool
    event: Event
    verb: str
    message: str  # the confirmation (or failure) sentence for the chat
    card: dict[str, Any]
    notify: bool = True
    comment: str | None = None
    scope: str = "occurrence"


def target_id(event: Event, scope: str) -> str:
    if scope == "series" and event.series_master_id:
        return event.series_master_id
    return event.id


def quoted(event: Event) -> str:
    return f"“{event.subject or 'Untitled meeting'}”"


def describe(event: Event) -> str:
    """How a sentence names one meeting: “Design review”, Tue 13 Jan, 3:00 PM – 3:30 PM."""
    return f"{quoted(event)}, {cards.when_text(event)}"


def kept_sentence(events: list[Event]) -> str:
    """What "Cancel"/"Keep it" on a card says: which meeting(s) were left alone."""
    if len(events) == 1:
        return f"Okay, I left {describe(events[0])} as it is."
    if not events:
        return "Okay, I changed nothing."
    return f"Okay, I left those {len(events)} meetings as they are."


def done_sentence(event: Event, verb: str, notify: bool, scope: str, span: tuple[Any, Any] | None = None) -> str:
    what = cards.done_word(verb)
    if scope == "series" and event.series_master_id:
        return f"{what} {cards.series_text(event.subject, span)}. " + (
            "Attendees were told." if verb == "cancel" else _told(notify)
        )
    series = ""
    if verb == "cancel":
        tail = "Attendees were told."
    else:
        tail = _told(notify)
    return f"{what} {describe(event)}{series}. {tail}"


def _told(notify: bool) -> str:
    return "The organizer was notified." if notify else "The organizer was not notified."


async def act(
    graph: GraphClient,
    token: TokenSource,
    event: Event,
    *,
    verb: str,
    comment: str | None,
    notify: bool,
    scope: str = "occurrence",
    proposed_new_time: tuple[Any, Any] | None = None,
) -> Outcome:
    comment = (comment or "").strip() or None
    span = await _series_span(graph, token, event) if scope == "series" and event.series_master_id else None
    try:
        if verb == "cancel":
            await graph.cancel(token, target_id(event, scope), comment=comment)
        else:
            await graph.respond(
                token,
                target_id(event, scope),
                as_action(verb),
                comment=comment,
                send_response=notify,
                event=event,
                proposed_new_time=proposed_new_time,
            )
    except Exception as exc:  # mapped to a sentence; never shown as text
        message = sentence_for(exc)
        log.info("%s of event failed: %s", verb, type(exc).__name__)
        card = cards.outcome_card(
            event, verb=verb, notify=notify, comment=comment, scope=scope, ok=False, message=message, series_span=span
        )
        return Outcome(False, event, verb, message, card, notify, comment, scope)
    card = cards.outcome_card(
        event,
        verb=verb,
        notify=notify,
        comment=comment,
        scope=scope,
        ok=True,
        message=None,
        series_span=span,
        proposed=proposed_new_time,
    )
    return Outcome(True, event, verb, done_sentence(event, verb, notify, scope, span), card, notify, comment, scope)


async def _series_span(graph: GraphClient, token: TokenSource, event: Event) -> tuple[Any, Any] | None:
    """The series' first and last day (from its master), so a series result names its span."""
    if event.series_master_id is None:
        return None
    zone_name = getattr(getattr(event.start, "tzinfo", None), "key", None) or "UTC"
    try:
        master = await graph.get_event(token, event.series_master_id, tz_name=zone_name)
    except Exception as exc:  # the span is a nicety: the response itself does not depend on it
        log.info("series master unreadable: %s", type(exc).__name__)
        return None
    return master.recurrence_span


@dataclass
class BulkResult:
    event: Event
    ok: bool
    reason: str | None = None
    skipped: bool = False  # left alone on purpose (already answered, moved, cancelled): not a failure


async def act_many(
    graph: GraphClient,
    token: TokenSource,
    events: list[Event],
    *,
    verb: str,
    comment: str | None,
    notify: bool,
    scope: str = "occurrence",
) -> list[BulkResult]:
    """Respond to several meetings in as few `$batch` requests as Graph allows.

    `scope` is what the card or the request said, never widened here: "occurrence" answers each
    meeting given; "series" answers each one's whole series, once per series (two meetings of one
    series make one request, and one result, for the first of them).
    """
    from graph.client import RespondItem

    comment = (comment or "").strip() or None
    targets: dict[str, Event] = {}
    for event in events:
        targets.setdefault(target_id(event, scope), event)
    events = list(targets.values())
    items = [
        RespondItem(event_id=target, action=as_action(verb), comment=comment, send_response=notify, event=event)
        for target, event in targets.items()
    ]
    try:
        results = await graph.respond_many(token, items)
    except Exception as exc:
        reason = sentence_for(exc)
        return [BulkResult(e, False, reason) for e in events]
    # Results come back in the order of the items.
    return [
        BulkResult(event, result.ok, None if result.ok else sentence_for(result.error))
        for event, result in zip(events, results, strict=True)
    ]


def bulk_sentence(verb: str, results: list[BulkResult], scope: str = "occurrence") -> str:
    ok = sum(1 for r in results if r.ok)
    skipped = sum(1 for r in results if r.skipped)
    failed = len(results) - ok - skipped
    what = "series" if scope == "series" else f"meeting{'s' if ok != 1 else ''}"
    text = f"{cards.done_word(verb)} {ok} {what}."
    if skipped:
        text += f" {skipped} left as {'it was' if skipped == 1 else 'they were'}."
    if failed:
        text += f" {failed} could not be changed; the card says why."
    return text
