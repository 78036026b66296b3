"""The request dialog: from what the user wrote to a card (or an answer) in chat.

    understand ──► help / sign out / not understood ──► (answer) end
        │ a calendar request
        ▼
    sign in ── token cached ───────────────────────────┐
        │ no token: SsoPrompt (Teams SSO, see sso_prompt.py)│
        │   ├ signed in ───────────────────────────────────┤
        │   ├ a new message instead ──► start over with it  │
        │   └ refused / consent / Entra down ──► end        │
        ▼                                                  ▼
    act: mailbox zone (cached) → calendarView of the days the request covers → resolve →
         confirm card (with the note it will send, and a proposed new time when asked)
         | choice card | agenda card | cancel-own-meeting card
         | "now": act, and the outcome card is the one confirmation
         | a sentence naming what was looked for and what is nearby
           (already declined, cancelled, past, nothing found) ──► end

Cards' buttons are handled by `dialogs.clicks` (the verb table), not by this dialog: a
card can be clicked long after the dialog ended, even on another instance. Each card is
sent with a pending action (`dialogs.pending`) that says whom, where and what it is for.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs import acting, cards, invitation_cards, texts
from dialogs.failures import sentence_for
from dialogs.interruptible import InterruptibleDialog, send_help, sign_out
from dialogs.invitation_commands import invitation_command
from dialogs.pending import PendingAction, new_request_id
from dialogs.plan import Plan, asked_time, day_title, looked_for, make_plan, nearby
from dialogs.replies import card_activity, typing
from dialogs.services import Services
from dialogs.snapshots import snapshot
from dialogs.sso_prompt import SsoPrompt
from dialogs.users import TeamsUser, day_first, user_of
from graph import errors
from graph import tokens as identity
from graph.timezones import zone
from understanding import fetch_window, parse, resolve

log = logging.getLogger(__name__)

GREETING = re.compile(r"^\W*(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|yo)\b[\W\w]{0,20}$", re.I)
NEEDS_CALENDAR = {"decline", "accept", "tentative", "cancel", "agenda"}


class RequestDialog(InterruptibleDialog):
    def __init__(self, services: Services) -> None:
        super().__init__(RequestDialog.__name__, services)
        self.sso = SsoPrompt("sso", services, services.oauth_connection)
        self.add_dialog(self.sso)
        self.add_dialog(WaterfallDialog("steps", [self.understand_step, self.sign_in_step, self.act_step]))
        self.initial_dialog_id = "steps"

    async def understand_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        options = step.options if isinstance(step.options, dict) else {}
        text = options.get("text") if "text" in options else step.context.activity.text or ""
        step.values["text"] = text
        step.values["retried"] = bool(options.get("retried"))
        if self.services.invitations is not None and (command := invitation_command(text)):
            # "turn on/off invitation cards": checked before the parser (dialogs/invitation_commands.py).
            step.values["invitations"] = command
            if command == "on" and await invitation_cards.may_turn_on(step.context, self.services):
                return await step.next(None)
            if command == "off":
                await invitation_cards.turn_off(step.context, self.services)
            return await step.end_dialog()
        intent = parse(text or "", self.services.clock()).intent
        if intent in NEEDS_CALENDAR:
            return await step.next(None)
        if intent == "help":
            await send_help(step.context)
        elif intent == "signout":
            await sign_out(step.context, self.services)
        elif intent == "abort":
            await step.context.send_activity("Okay. There was nothing to stop.")
        elif GREETING.match(text or ""):
            await step.context.send_activity(texts.WELCOME)
        else:
            await step.context.send_activity(texts.NOT_UNDERSTOOD)
        return await step.end_dialog()

    async def sign_in_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        user = user_of(step.context.activity)
        try:
            await self.services.tokens.get(user.key)
            return await step.next(True)
        except identity.ConsentRequired as exc:
            await step.context.send_activity(card_activity(cards.consent_card(exc.consent_url, admin=True)))
            return await step.end_dialog()
        except identity.IdentityUnavailable:
            await step.context.send_activity(texts.IDENTITY_DOWN)
            return await step.end_dialog()
        except identity.TokenError:
            pass
        if self.services.sandbox_sso is not None:
            return await step.next(await self._sandbox_sign_in(step.context, user))
        return await step.begin_dialog("sso")

    async def act_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        result = step.result
        if isinstance(result, dict) and "text" in result:
            return await step.replace_dialog("steps", {"text": result["text"]})
        if result is not True:
            return await step.end_dialog()
        try:
            if step.values.get("invitations") == "on":
                await invitation_cards.turn_on(step.context, self.services)
                return await step.end_dialog()
            await self.answer(step.context, step.values["text"])
        except identity.TokenError as exc:
            if isinstance(exc, identity.ConsentRequired):
                await step.context.send_activity(card_activity(cards.consent_card(exc.consent_url, admin=True)))
            elif isinstance(exc, identity.IdentityUnavailable):
                await step.context.send_activity(texts.IDENTITY_DOWN)
            elif not step.values["retried"]:
                # The cached sign-in stopped working (revoked, claims challenge): run SSO again, once.
                return await step.replace_dialog("steps", {"text": step.values["text"], "retried": True})
            else:
                await step.context.send_activity(texts.SIGN_IN_FAILED)
        except errors.GraphError as exc:
            await step.context.send_activity(sentence_for(exc))
        return await step.end_dialog()

    async def _sandbox_sign_in(self, context: TurnContext, user: TeamsUser) -> bool:
        source = self.services.sandbox_sso
        if source is None:
            return False
        try:
            await self.services.tokens.sign_in(user.key, await source(user))
            return True
        except identity.TokenError:
            await context.send_activity(texts.SIGN_IN_FAILED)
            return False

    async def answer(self, context: TurnContext, text: str) -> None:
        """Read the days the request covers, resolve it, and show the card or the sentence."""
        services = self.services
        user = user_of(context.activity)
        token = services.tokens.source(user.key)
        await context.send_activity(typing())
        zone_name = await services.graph.mailbox_timezone(token, cache_key=user.key)
        now = services.clock().astimezone(zone(zone_name))
        request = parse(text, now, day_first=day_first(context.activity))
        start, end = fetch_window(request, now)
        events = await services.graph.calendar_view(token, start, end, tz_name=zone_name)
        resolution = resolve(request, events, now)
        plan = make_plan(request, resolution, now)
        log.info(
            "request %s: intent=%s plan=%s events=%d", context.activity.id, request.intent, plan.kind, len(plan.events)
        )
        plan.looked_for = looked_for(request, plan.title or day_title(now, now))
        plan.asked_time = asked_time(request)
        await self.show(context, user, plan, _in_window(events, resolution, start, end), now, token)

    async def show(
        self, context: TurnContext, user: TeamsUser, plan: Plan, day_events: list[Any], now: Any, token: Any
    ) -> None:
        services = self.services
        if plan.kind == "nothing":
            await context.send_activity(plan.message)
            return
        if plan.kind == "pick":
            day_events = [e for e in day_events if not e.is_over(now) and _day_of(e.start) == now.date()]
            if not day_events:
                await context.send_activity(
                    "You have no more meetings today. Tell me which one you mean, "
                    "for example “decline my 10am tomorrow”."
                )
                return
            await context.send_activity("Which one? Here is the rest of your day:")
            if plan.verb == "decline":
                build = lambda rid, owner: cards.agenda_card(  # noqa: E731
                    day_events, title="The rest of today", request_id=rid, note=None, now=now, owner=owner
                )
            else:
                build = lambda rid, owner: cards.choice_card(  # noqa: E731
                    day_events, verb=plan.verb, comment=plan.comment, notify=plan.notify, request_id=rid, owner=owner
                )
            await self._offer(context, user, plan.verb, day_events, build)
            return
        if plan.kind in ("none", "agenda"):
            title = plan.title or day_title(now, now)
            if plan.kind == "none":
                await context.send_activity(_nothing_found(plan, day_events, now))
                if not day_events:
                    return
            elif not day_events:
                await context.send_activity(texts.NO_MEETINGS.format(when=title))
                return
            await self._offer(
                context,
                user,
                "decline",
                day_events,
                lambda rid, owner: cards.agenda_card(
                    day_events, title=f"Your meetings {title}", request_id=rid, note=None, now=now, owner=owner
                ),
            )
            return
        if plan.kind == "act" or (plan.kind == "confirm" and not services.confirm_before_acting and not plan.notice):
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
            await context.send_activity(card_activity(outcome.card))
            return
        if plan.kind == "act_all":
            results = await acting.act_many(
                services.graph, token, plan.events, verb=plan.verb, comment=plan.comment, notify=plan.notify
            )
            await context.send_activity(card_activity(cards.summary_card(results, verb=plan.verb)))
            return
        if plan.kind == "confirm":
            event = plan.events[0]
            if plan.notice:
                await context.send_activity(plan.notice)
            await self._offer(
                context,
                user,
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
                ),
            )
            return
        if plan.kind == "own_meeting":
            event = plan.events[0]
            await self._offer(
                context,
                user,
                "cancel",
                plan.events,
                lambda rid, owner: cards.cancel_meeting_card(event, comment=plan.comment, request_id=rid, owner=owner),
            )
            return
        if plan.kind in ("choice", "bulk"):
            await self._offer(
                context,
                user,
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
                ),
            )
            return
        await context.send_activity(texts.NOT_UNDERSTOOD)

    async def _offer(self, context: TurnContext, user: TeamsUser, verb: str, events: list[Any], build: Any) -> None:
        """Send a card with buttons and remember what its buttons may do (and for whom, where)."""
        request_id = new_request_id()
        conversation_id = context.activity.conversation.id
        # The record is written before the card is sent: a click can never find no record.
        record = PendingAction(
            request_id=request_id,
            user_key=user.key,
            conversation_id=conversation_id,
            verb=verb,
            events={e.id: snapshot(e) for e in events},
        )
        await self.services.pending.add(record)
        owner = {"user": user.key, "conversation": conversation_id}
        await context.send_activity(card_activity(build(request_id, owner)))


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


def _nothing_found(plan: Plan, day_events: list[Any], now: datetime) -> str:
    """ "Nothing at 3 PM today. Nearby: 2:00 PM Design review, 4:30 PM 1:1 with Kim." """
    what = plan.looked_for or f"that meeting {plan.title or 'today'}"
    close = nearby(day_events, plan.asked_time)
    if not day_events:
        return f"Nothing {what}: you have no meetings {plan.title or 'today'}."
    return f"Nothing {what}. Closest: {close}" if close else f"Nothing {what}."
