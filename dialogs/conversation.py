"""The conversation: from what the user wrote to what Regrets says and shows next.

Pure Python: no Bot Framework here. The bot (bot/regrets_bot.py) turns each Teams activity
into a typed `Message`, gives an `Out` to speak through, and keeps one thing between turns
for it: the request `Waiting` for a sign-in (the Teams SSO itself is bot/sso.py's job).

    message ─► (a sign-in is waiting?) "never mind" ──► "stopped", nothing waits ──► end
                                       "help" ───────► the help card, still waiting ──► end
                                       "sign out" ───► signed out, nothing waits ──► end
                                       anything else ─► start over with it ▼
    understand ──► help / sign out / greeting / not understood ──► (answer) end
        │ "never mind" ──► the last card with buttons in this chat, if unused, is updated in place
        │                  to "Okay, I left “X” … as it is" and can no longer act ──► end
        │ a calendar request
        ▼
    signed in? ── token cached ──────────────────────────────┐
        │ consent needed / Entra down ──► consent card / sentence, end
        │ no token ──► return Waiting(text): the bot runs Teams SSO, and once it
        │              succeeds calls `signed_in` with the waiting text ─────────┤
        ▼                                                                      ▼
    answer: mailbox zone (cached) → calendarView of the days the request covers → resolve → decide →
         confirm card (with the note it will send, and a proposed new time when asked)
         | choice card | agenda card | cancel-own-meeting card (each says "series" when it acts on one)
         | "now": act, and the outcome card is the one confirmation
         | nothing found: ONE message, the day's agenda card opening with "Nothing at 3:00 PM today."
           when one of its meetings can be answered as asked, else a sentence naming the closest
         | a sentence (already declined, cancelled, past, no meetings that day) ──► end
        │ the cached sign-in stopped working ──► Waiting(text, retried) once; then a sentence

Cards' buttons are handled by `dialogs.clicks` (the verb table), not here: a card can be
clicked long after the conversation moved on, even on another instance. Each card is sent
with a pending action (`dialogs.pending`) that says whom, where and what it is for.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from dialogs import acting, cards, invitation_cards, texts
from dialogs.failures import sentence_for
from dialogs.invitation_commands import invitation_command
from dialogs.pending import AlreadyClaimed, PendingAction, new_request_id
from dialogs.plan import Plan, asked_time, day_title, looked_for, make_plan, nearby
from dialogs.services import Services
from dialogs.snapshots import restore, snapshot
from dialogs.users import TeamsUser
from graph import errors
from graph import tokens as identity
from graph.timezones import zone
from understanding import fetch_window, parse, resolve
from understanding.decide import decide

log = logging.getLogger(__name__)

GREETING = re.compile(r"^\W*(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|yo)\b[\W\w]{0,20}$", re.I)
NEEDS_CALENDAR = {"decline", "accept", "tentative", "cancel", "agenda"}


@dataclass(frozen=True, slots=True)
class Message:
    """What the user wrote, and who, where (the bot builds it from a Teams activity)."""

    id: str
    user: TeamsUser
    conversation_id: str
    text: str
    day_first: bool = False
    # The Teams client's IANA zone (clientInfo), used only when the mailbox's zone is unknown.
    client_zone: str | None = None
    # A personal chat's Bot Framework ConversationReference (its JSON, stored as is), so invitation
    # cards can be posted there later; None in group chats and channels.
    reference: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Waiting:
    """A request waiting for the user's sign-in; the bot keeps it in the conversation's state."""

    text: str
    retried: bool = False  # SSO already ran again once because the cached sign-in stopped working


class Out(Protocol):
    """How the conversation speaks in the chat (the bot implements it over the turn)."""

    async def say(self, text: str) -> None: ...

    async def show(self, card: dict[str, Any]) -> str | None:
        """Post a card; the id of the message that carries it (to update it in place later)."""
        ...

    async def replace(self, message_id: str, card: dict[str, Any]) -> bool:
        """Put `card` in place of an earlier message's card; False when that did not work."""
        ...

    async def typing(self) -> None: ...

    async def signed_out(self) -> None:
        """The user signed out: forget their sign-in at the channel's token service too."""
        ...


class Conversation:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def on_message(self, message: Message, out: Out, waiting: Waiting | None = None) -> Waiting | None:
        """Answer one message; what is left waiting for a sign-in afterwards (None: nothing)."""
        if self.services.invitations is not None and (command := invitation_command(message.text)):
            # "turn on/off invitation cards": before the parser (dialogs/invitation_commands.py).
            if not await invitation_cards.may_run(self.services, message, out, command):
                return None
            return await self._with_sign_in(message, out, retried=False)
        intent = parse(message.text, self.services.clock()).intent
        if waiting is not None:
            if intent == "abort":
                await out.say(texts.STOPPED)
                return None
            if intent == "help":
                await out.show(cards.help_card(list(texts.HELP_EXAMPLES)))
                return waiting
            if intent == "signout":
                await self._sign_out(message, out)
                return None
            # Anything else: the user moved on; start over with what they wrote now.
        if intent not in NEEDS_CALENDAR:
            await self._chat(message, out, intent)
            return None
        return await self._with_sign_in(message, out, retried=False)

    async def signed_in(self, message: Message, out: Out, waiting: Waiting) -> Waiting | None:
        """The sign-in the request was waiting for succeeded: answer it now."""
        return await self._answer_signed_in(
            replace(message, text=waiting.text),
            out,
            waiting.retried,
        )

    async def _chat(self, message: Message, out: Out, intent: str) -> None:
        if intent == "help":
            await out.show(cards.help_card(list(texts.HELP_EXAMPLES)))
        elif intent == "signout":
            await self._sign_out(message, out)
        elif intent == "abort":
            await self._drop_latest_card(message, out)
        elif GREETING.match(message.text or ""):
            await out.say(texts.WELCOME)
        else:
            await out.say(texts.NOT_UNDERSTOOD)

    async def _sign_out(self, message: Message, out: Out) -> None:
        await self.services.tokens.sign_out(message.user.key)
        await out.signed_out()
        await out.say(texts.SIGNED_OUT)

    async def _with_sign_in(self, message: Message, out: Out, *, retried: bool) -> Waiting | None:
        user = message.user
        try:
            await self.services.tokens.get(user.key)
        except identity.ConsentRequired as exc:
            await out.show(cards.consent_card(exc.consent_url, admin=True))
            return None
        except identity.IdentityUnavailable:
            await out.say(texts.IDENTITY_DOWN)
            return None
        except identity.TokenError:
            if self.services.sandbox_sso is None:
                return Waiting(message.text, retried)
            if not await self._sandbox_sign_in(user, out):
                return None
        return await self._answer_signed_in(message, out, retried)

    async def _answer_signed_in(self, message: Message, out: Out, retried: bool) -> Waiting | None:
        try:
            await self.answer(message, out)
        except identity.TokenError as exc:
            if isinstance(exc, identity.ConsentRequired):
                await out.show(cards.consent_card(exc.consent_url, admin=True))
            elif isinstance(exc, identity.IdentityUnavailable):
                await out.say(texts.IDENTITY_DOWN)
            elif not retried:
                # The cached sign-in stopped working (revoked, claims challenge): run SSO again, once.
                return await self._with_sign_in(message, out, retried=True)
            else:
                await out.say(texts.SIGN_IN_FAILED)
        except errors.GraphError as exc:
            await out.say(sentence_for(exc))
        return None

    async def _sandbox_sign_in(self, user: TeamsUser, out: Out) -> bool:
        source = self.services.sandbox_sso
        if source is None:
            return False
        try:
            await self.services.tokens.sign_in(user.key, await source(user))
            return True
        except identity.TokenError:
            await out.say(texts.SIGN_IN_FAILED)
            return False

    async def answer(self, message: Message, out: Out) -> None:
        """Read the days the request covers, resolve it, and show the card or the sentence."""
        services = self.services
        if services.invitations is not None and invitation_command(message.text) == "on":
            await invitation_cards.turn_on(services, message, out)  # signed in now: subscribe
            return
        user = message.user
        token = services.tokens.source(user.key)
        await out.typing()
        zone_name = await services.graph.mailbox_timezone(token, cache_key=user.key, fallback=message.client_zone)
        now = services.clock().astimezone(zone(zone_name))
        request = parse(message.text, now, day_first=message.day_first)
        start, end = fetch_window(request, now)
        events = await services.graph.calendar_view(token, start, end, tz_name=zone_name)
        resolution = resolve(request, events, now)
        # The same decision `python -m understanding.eval` reports; the plan acts on exactly it.
        decision = decide(request, resolution)
        plan = make_plan(request, resolution, now, decision)
        log.info(
            "request %s: intent=%s decision=%s plan=%s events=%d",
            message.id,
            request.intent,
            decision.status,
            plan.kind,
            len(plan.events),
        )
        plan.looked_for = looked_for(request, plan.title or day_title(now, now))
        plan.asked_time = asked_time(request)
        await self.show(message, out, plan, _in_window(events, resolution, start, end), now, token)

    async def show(self, message: Message, out: Out, plan: Plan, day_events: list[Any], now: Any, token: Any) -> None:
        services = self.services
        user = message.user
        if plan.kind == "nothing":
            await out.say(plan.message or texts.NOT_UNDERSTOOD)
            return
        if plan.kind == "pick":
            day_events = [e for e in day_events if not e.is_over(now) and _day_of(e.start) == now.date()]
            if not day_events:
                await out.say(
                    "You have no more meetings today. Tell me which one you mean, "
                    "for example “decline my 10am tomorrow”."
                )
                return
            # One message: the card asks which, and lists what is left of today.
            if plan.verb == "decline":
                build = lambda rid, owner: cards.agenda_card(  # noqa: E731
                    day_events,
                    title="The rest of today",
                    request_id=rid,
                    note=None,
                    now=now,
                    owner=owner,
                    lead="Which one?",
                )
            else:
                build = lambda rid, owner: cards.choice_card(  # noqa: E731
                    day_events, verb=plan.verb, comment=plan.comment, notify=plan.notify, request_id=rid, owner=owner
                )
            await self._offer(message, out, plan.verb, day_events, build)
            return
        if plan.kind == "none":
            await self._nothing_found(message, out, plan, day_events, now)
            return
        if plan.kind == "agenda":
            title = plan.title or day_title(now, now)
            if not day_events:
                await out.say(texts.NO_MEETINGS.format(when=title))
                return
            await self._offer(
                message,
                out,
                "decline",
                day_events,
                lambda rid, owner: cards.agenda_card(
                    day_events, title=f"Your meetings {title}", request_id=rid, note=None, now=now, owner=owner
                ),
            )
            return
        if plan.kind == "act" or (
            plan.kind == "confirm" and not services.confirm_before_acting and not (plan.notice or plan.left_out)
        ):
            outcome = await acting.act(
                services.graph,
                token,
                plan.events[0],
                verb=plan.verb,
                comment=plan.comment,
                notify=True if plan.proposal else plan.notify,
                scope=plan.scope,
                proposed_new_time=plan.proposal,
            )
            # The outcome card (which says why, when it failed) is the one confirmation.
            await out.show(outcome.card)
            if outcome.ok:
                await services.pending.remember_answer(user.key, plan.events[0].id, plan.verb)
            return
        if plan.kind == "act_all":
            results = await acting.act_many(
                services.graph,
                token,
                plan.events,
                verb=plan.verb,
                comment=plan.comment,
                notify=plan.notify,
                scope=plan.scope,
            )
            await out.show(cards.summary_card(results, verb=plan.verb, scope=plan.scope))
            for result in results:
                if result.ok:
                    await services.pending.remember_answer(user.key, result.event.id, plan.verb)
            return
        if plan.kind == "confirm":
            event = plan.events[0]
            if plan.notice:
                await out.say(plan.notice)
            await self._offer(
                message,
                out,
                plan.verb,
                plan.events,
                lambda rid, owner: cards.confirm_card(
                    event,
                    verb=plan.verb,
                    comment=plan.comment,
                    notify=plan.notify,
                    request_id=rid,
                    allow_series=bool(event.series_master_id),
                    allow_propose=event.allow_new_time_proposals and plan.verb != "accept",
                    user_zone_label=str(now.tzinfo),
                    scope=plan.scope,
                    owner=owner,
                    proposal=plan.proposal,
                    notice=plan.left_out,
                ),
                series=bool(event.series_master_id) or plan.scope == "series",
            )
            return
        if plan.kind == "own_meeting":
            event = plan.events[0]
            await self._offer(
                message,
                out,
                "cancel",
                plan.events,
                lambda rid, owner: cards.cancel_meeting_card(
                    event,
                    comment=plan.comment,
                    request_id=rid,
                    owner=owner,
                    asked_to_cancel=plan.verb == "cancel",
                    scope=plan.scope,
                ),
                series=bool(event.series_master_id) or plan.scope == "series",
            )
            return
        if plan.kind in ("choice", "bulk"):
            await self._offer(
                message,
                out,
                plan.verb,
                plan.events,
                lambda rid, owner: cards.choice_card(
                    plan.events,
                    verb=plan.verb,
                    comment=plan.comment,
                    notify=plan.notify,
                    request_id=rid,
                    offer_all=plan.kind == "bulk",
                    owner=owner,
                    scope=plan.scope,
                    notice=plan.left_out,
                ),
                series=plan.scope == "series",
            )
            return
        await out.say(texts.NOT_UNDERSTOOD)

    async def _nothing_found(self, message: Message, out: Out, plan: Plan, day_events: list[Any], now: Any) -> None:
        """No meeting matched: one message. The days' meetings as a card when one of them can be
        answered the way asked (the user may have meant it); otherwise a sentence naming the closest."""
        if plan.verb in cards.RESPONSE_VERBS and any(cards.can_answer(e, now, plan.verb) for e in day_events):
            title = plan.title or day_title(now, now)
            await self._offer(
                message,
                out,
                plan.verb,
                day_events,
                lambda rid, owner: cards.agenda_card(
                    day_events,
                    title=f"Your meetings {title}",
                    request_id=rid,
                    now=now,
                    owner=owner,
                    verb=plan.verb,
                    lead=f"Nothing {_what(plan)}.",
                ),
            )
            return
        await out.say(_nothing_found(plan, day_events, now))

    async def _offer(
        self, message: Message, out: Out, verb: str, events: list[Any], build: Any, *, series: bool = False
    ) -> None:
        """Send a card with buttons and remember what its buttons may do (and for whom, where)."""
        request_id = new_request_id()
        user = message.user
        conversation_id = message.conversation_id
        record = PendingAction(
            request_id=request_id,
            user_key=user.key,
            conversation_id=conversation_id,
            verb=verb,
            events={e.id: snapshot(e) for e in events},
            series=series,
        )
        owner = {"user": user.key, "conversation": conversation_id}
        # Written once the card is out, with the message that carries it ("never mind" updates it in
        # place); the turn ends only after this write, so the card's first click finds the record.
        record.activity_id = await out.show(build(request_id, owner))
        await self.services.pending.add(record)

    async def _drop_latest_card(self, message: Message, out: Out) -> None:
        """ "Never mind" after a card: that card can no longer act, and it says so in place."""
        pending = self.services.pending
        record = await pending.latest(message.conversation_id)
        if record is None or record.user_key != message.user.key:
            await out.say("Okay. There was nothing to stop.")
            return
        try:
            claimed = await pending.claim(record)
        except AlreadyClaimed as used:
            done = used.record.outcome.get("message") if used.record is not None else None
            # Say what the card already did ("Declined …"), so nobody thinks "never mind" undid it.
            await out.say(
                f"Too late to stop: {done}" if done else "Too late to stop: that card's button was already used."
            )
            return
        kept = acting.kept_sentence([restore(snap) for snap in claimed.events.values()])
        card = cards.notice_card(kept, style="default")
        await pending.finish(claimed, card=card, message=kept)
        if claimed.activity_id and await out.replace(claimed.activity_id, card):
            return
        await out.say(kept)


def _day_of(value: Any) -> Any:
    return value.date() if isinstance(value, datetime) else value


def _in_window(events: list[Any], resolution: Any, start: Any, end: Any) -> list[Any]:
    """The meetings of the days the request covers, all-day ones first on each day."""
    window = getattr(resolution, "window", None) or (start, end)
    low, high = window
    chosen = []
    for event in events:
        if event.is_cancelled:
            continue
        if event.is_all_day:
            # All-day events are dates: [start, end) days, compared with the window's days.
            if event.end > low.date() and event.start < _day_of(high):
                chosen.append(event)
        elif event.end > low and event.start < high:
            chosen.append(event)
    return sorted(chosen, key=_order)


def _order(event: Any) -> tuple[Any, int, Any]:
    day = _day_of(event.start)
    return (day, 0 if event.is_all_day else 1, event.start if isinstance(event.start, datetime) else day)


def _what(plan: Plan) -> str:
    """What was looked for, after "Nothing": "at 3:00 PM today"."""
    return plan.looked_for or f"that meeting {plan.title or 'today'}"


def _nothing_found(plan: Plan, day_events: list[Any], now: datetime) -> str:
    """ "Nothing at 3 PM today. Closest: 2:00 PM Design review, 4:30 PM 1:1 with Kim." """
    what = _what(plan)
    close = nearby(day_events, plan.asked_time)
    if not day_events:
        return f"Nothing {what}: you have no meetings {plan.title or 'today'}."
    return f"Nothing {what}. Closest: {close}" if close else f"Nothing {what}."
