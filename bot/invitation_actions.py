"""The invitation card's buttons: Accept, Tentative or Decline one invitation.

Registered in the card verb table (`bot.actions.CardActions.handlers`) under
`respondInvitation`. The pending-action record behind the card decides what a click may
do, exactly as for the other cards: it must exist and be open, belong to the person
clicking and name the meeting clicked; claiming it is atomic, so a double click, two
clients or two instances make one Graph call. The answer goes through `dialogs.acting`
like every other response, and the card is replaced by the outcome.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext

from bot.actions import RESPONSE_VERBS, _flag, proposed_time
from dialogs import acting, texts
from dialogs.invitation_card import VERB
from dialogs.pending import AlreadyClaimed
from dialogs.services import Services
from dialogs.snapshots import restore
from dialogs.users import user_of


class InvitationActions:
    def __init__(self, services: Services) -> None:
        self._services = services

    def register(self, handlers: dict[str, Any]) -> None:
        handlers[VERB] = self.respond

    async def respond(self, context: TurnContext, data: dict[str, Any]) -> dict[str, Any] | None:
        pending = self._services.pending
        record = await pending.get(str(data.get("requestId") or ""))
        response = str(data.get("response") or "")
        event_id = str(data.get("eventId") or "")
        if record is None or record.expired or record.verb != VERB or event_id not in record.events:
            await context.send_activity(texts.STALE_CARD)
            return None
        if response not in RESPONSE_VERBS:
            await context.send_activity(texts.STALE_CARD)
            return None
        if record.user_key != user_of(context.activity).key:
            await context.send_activity(texts.NOT_YOURS)
            return None
        try:
            claimed = await pending.claim(record.request_id)
        except AlreadyClaimed as taken:
            earlier = taken.record
            if earlier is not None and earlier.state == "done" and earlier.outcome.get("message"):
                await context.send_activity(f"Already done: {earlier.outcome['message']}")
            else:
                await context.send_activity("I'm already on it; that click was counted once.")
            return None
        event = restore(record.events[event_id])
        proposal = proposed_time(data, event) if response != "accept" else None
        outcome = await acting.act(
            self._services.graph,
            self._services.tokens.source(record.user_key),
            event,
            verb=response,
            comment=data.get("comment"),
            notify=True if proposal else _flag(data.get("notify")),
            proposed_new_time=proposal,
        )
        await pending.finish(claimed, ok=outcome.ok, outcome={"message": outcome.message} if outcome.ok else {})
        await context.send_activity(outcome.message)
        return outcome.card
