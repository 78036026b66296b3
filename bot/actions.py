"""Card buttons: a verb → handler table.

A click arrives as an `adaptiveCard/action` invoke (Action.Execute) or, from older
clients, as a message whose `value` carries the same data (Action.Submit). Either way
the handler gets the verb and the data merged with the card's inputs, and returns the
card that replaces the clicked one (so it cannot be clicked twice) or None.

The pending-action record behind the card decides what a click may do: it must exist
and be open, belong to the person clicking, and name the meeting clicked. Claiming it
is atomic, so a double click or two clients at once make exactly one Graph call.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time
from typing import Any

from botbuilder.core import TurnContext

from dialogs import acting, cards, texts
from dialogs.pending import AlreadyClaimed, PendingAction
from dialogs.services import Services
from dialogs.snapshots import restore
from dialogs.users import user_of

log = logging.getLogger(__name__)

Handler = Callable[[TurnContext, dict[str, Any]], Awaitable[dict[str, Any] | None]]
RESPONSE_VERBS = ("decline", "accept", "tentativelyAccept")


def _flag(value: Any, default: bool = True) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def proposed_time(data: dict[str, Any], event: Any) -> tuple[datetime, datetime] | None:
    """The new time the confirm card proposes, in the meeting's zone, or None."""
    if not _flag(data.get("propose"), default=False) or not isinstance(event.start, datetime):
        return None
    try:
        day = date.fromisoformat(str(data["proposeDate"]))
        start = time.fromisoformat(str(data["proposeStart"]))
        end = time.fromisoformat(str(data["proposeEnd"]))
    except (KeyError, ValueError):
        return None
    tz = event.start.tzinfo
    begins, ends = datetime.combine(day, start, tz), datetime.combine(day, end, tz)
    return (begins, ends) if ends > begins else None


class CardActions:
    def __init__(self, services: Services, say: Callable[[TurnContext, str], Awaitable[None]]) -> None:
        self._services = services
        self._say = say
        self.handlers: dict[str, Handler] = {
            "decline": self.respond,
            "accept": self.respond,
            "tentativelyAccept": self.respond,
            "cancelMeeting": self.cancel_meeting,
            "respondAll": self.respond_all,
            "dismiss": self.dismiss,
            "say": self.say,
        }

    async def handle(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        handler = self.handlers.get(str(data.get("verb") or ""))
        if handler is None:
            await context.send_activity(texts.STALE_CARD)
            return None
        return await handler(context, data)

    async def _record_for(self, context: TurnContext, data: dict[str, Any]) -> PendingAction | None:
        record = await self._services.pending.get(str(data.get("requestId") or ""))
        if record is None or record.expired:
            await context.send_activity(texts.STALE_CARD)
            return None
        if record.user_key != user_of(context.activity).key:
            await context.send_activity(texts.NOT_YOURS)
            return None
        return record

    async def _claim_for(self, context: TurnContext, data: dict[str, Any]) -> PendingAction | None:
        """The card's record, claimed for this click; None (and a sentence said) if it may not act."""
        record = await self._record_for(context, data)
        return None if record is None else await self._claim(context, record)

    async def _claim(self, context: TurnContext, record: PendingAction) -> PendingAction | None:
        try:
            return await self._services.pending.claim(record.request_id)
        except AlreadyClaimed as taken:
            earlier = taken.record
            if earlier is not None and earlier.state == "done" and earlier.outcome.get("message"):
                await context.send_activity(f"Already done: {earlier.outcome['message']}")
                return None
            await context.send_activity("I'm already on it; that click was counted once.")
            return None

    async def respond(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        record = await self._record_for(context, data)
        if record is None:
            return None
        event_id = str(data.get("eventId") or "")
        if event_id not in record.events or data["verb"] != record.verb:
            await context.send_activity(texts.STALE_CARD)
            return None
        claimed = await self._claim(context, record)
        if claimed is None:
            return None
        user = user_of(context.activity)
        event = restore(record.events[event_id])
        proposal = proposed_time(data, event) if data["verb"] != "accept" else None
        outcome = await acting.act(
            self._services.graph,
            self._services.tokens.source(user.key),
            event,
            verb=str(data["verb"]),
            comment=data.get("comment"),
            # Graph refuses a proposal that is not sent to the organizer.
            notify=True if proposal else _flag(data.get("notify")),
            scope=str(data.get("scope") or "occurrence"),
            proposed_new_time=proposal,
        )
        await self._services.pending.finish(
            claimed, ok=outcome.ok, outcome={"message": outcome.message} if outcome.ok else {}
        )
        await context.send_activity(outcome.message)
        return outcome.card

    async def cancel_meeting(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        return await self.respond(context, {**data, "verb": "cancel"})

    async def respond_all(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        claimed = await self._claim_for(context, data)
        if claimed is None:
            return None
        user = user_of(context.activity)
        verb = claimed.verb
        events = [restore(snap) for snap in claimed.events.values()]
        results = await acting.act_many(
            self._services.graph,
            self._services.tokens.source(user.key),
            events,
            verb=verb,
            comment=data.get("comment"),
            notify=_flag(data.get("notify")),
        )
        ok = sum(1 for r in results if r.ok)
        message = acting.bulk_sentence(verb, ok, len(results) - ok)
        await self._services.pending.finish(claimed, ok=True, outcome={"message": message})
        await context.send_activity(message)
        return cards.summary_card(results, verb=verb)

    async def dismiss(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        claimed = await self._claim_for(context, data)
        if claimed is None:
            return None
        await self._services.pending.finish(claimed, ok=True, outcome={"message": texts.KEPT})
        return cards.notice_card(texts.KEPT, style="default")

    async def say(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        await self._say(context, str(data.get("text") or ""))
        return None
