"""Invitation cards: what Regrets posts when a meeting invitation arrives, and why.

A user opts in ("turn on invitation cards"): Regrets subscribes to their events in Graph
with their delegated token and remembers the personal chat. Each notification (queued by
`bot.notifications`) comes here as a `Change`:

    event created/updated ─► read it (the user's cached token, silent refresh)
        no card yet and an open invitation ─► claim the event in the user's record ─► card
        card already posted ─► cancelled ─► "was cancelled"
                             ─► answered in Outlook ─► "You accepted this in Outlook"
                             ─► moved ─► the same card, updated
                             ─► otherwise (a duplicate) ─► nothing
    lifecycle: reauthorizationRequired ─► reauthorize; subscriptionRemoved ─► subscribe
               again and resync; missed ─► resync (calendarView), carding each miss once

An event gets at most one card: the claim is a conditional write of the user's record, so
Graph's redeliveries, `created` followed by `updated`, and two instances racing all end in
one card. Only notifications for the user's live subscription act; a user who turned
cards off gets none. When the user's token can no longer be refreshed, the user is told
once (with a button that signs in again) and their cards stop.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from dialogs.cards.build import action
from dialogs.cards.template import render
from dialogs.invitation_card import (
    ANSWERED,
    INVITATION,
    answered_elsewhere_card,
    cancelled_card,
    conflicts_with,
    invitation_card,
)
from dialogs.invitation_store import CardRef, Change, InvitationStore, InviteUser, SubscriptionRef
from dialogs.pending import AlreadyClaimed, PendingAction, new_request_id
from dialogs.services import Services
from dialogs.snapshots import snapshot
from graph import errors
from graph import tokens as identity
from graph.models import Event
from graph.subscriptions import LIFETIME, Invitation, SubscriptionClient
from graph.timezones import zone

log = logging.getLogger(__name__)

NOTIFICATIONS_PATH = "/api/notifications"
LIFECYCLE_PATH = "/api/notifications/lifecycle"
RENEW_MARGIN = timedelta(hours=24)
RESYNC_DAYS = 28
TURN_ON_TEXT = "turn on invitation cards"

TURNED_ON = (
    "Invitation cards are on. When a new meeting invitation arrives, I'll post it here with Accept, "
    "Tentative and Decline. Say “turn off invitation cards” to stop."
)
ALREADY_ON = "Invitation cards are already on; I'll keep posting new invitations here."
TURNED_OFF = "Invitation cards are off. I won't post new invitations any more."
ALREADY_OFF = "Invitation cards are already off."
NOT_AVAILABLE = "Invitation cards aren't set up for this Regrets yet (it has no public address). Ask your Teams admin."
PERSONAL_ONLY = "Invitation cards come to our one-to-one chat. Ask me there: “turn on invitation cards”."
SUBSCRIBE_FAILED = "Outlook didn't let me watch your calendar for new invitations right now. Please try again later."
SIGN_IN_AGAIN = (
    "I can't read your calendar any more (your sign-in has expired), so I've stopped posting invitation cards. "
    "Turn them back on to sign in again."
)


class Retry(Exception):
    """A passing failure (Graph or Entra unavailable, throttled): keep the change queued."""


class Poster(Protocol):
    async def send(self, reference: dict[str, Any], card: dict[str, Any]) -> str | None: ...

    async def update(self, reference: dict[str, Any], activity_id: str, card: dict[str, Any]) -> None: ...


def wants_card(event: Event, now: datetime) -> bool:
    """An invitation the user has not answered, organized by someone else, not cancelled, not over."""
    return (
        event.response_requested
        and event.response in ("none", "notResponded")
        and not event.is_organizer
        and not event.is_cancelled
        and not event.is_over(now)
    )


def sign_in_again_card() -> dict[str, Any]:
    return render(
        "notice_action",
        text=SIGN_IN_AGAIN,
        button=action("Turn invitation cards back on", {"verb": "say", "text": TURN_ON_TEXT}),
    )


def offer_card() -> dict[str, Any]:
    """The welcome's button: invitation cards are opt-in."""
    return render(
        "notice_action",
        text="Want each new meeting invitation here, ready to accept or decline in one click?",
        button=action("Turn on invitation cards", {"verb": "say", "text": TURN_ON_TEXT}),
    )


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


class Invitations:
    def __init__(
        self,
        services: Services,
        store: InvitationStore,
        subscriptions: SubscriptionClient,
        *,
        public_base_url: str,
        poster: Poster | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._services = services
        self._store = store
        self._subs = subscriptions
        self._base = public_base_url.rstrip("/")
        self.poster = poster
        self._clock = clock or services.clock

    @property
    def available(self) -> bool:
        return bool(self._base)

    # ----- opting in and out (from the conversation; the user is signed in) ---------------

    async def turn_on(self, user_key: str, reference: dict[str, Any]) -> str:
        if not self.available:
            return NOT_AVAILABLE
        user = await self._store.user(user_key)
        now = self._clock()
        if user and user.enabled and user.subscription_id and user.expires and _parse(user.expires) > now:

            def refresh(r: InviteUser) -> bool:
                r.reference = reference
                return True

            await self._store.change_user(user_key, refresh)
            return ALREADY_ON
        try:
            await self._subscribe(user_key, reference)
        except errors.GraphError as exc:
            log.info("subscribing user %s failed: %s", user_key, exc.code)
            return SUBSCRIBE_FAILED
        return TURNED_ON

    async def turn_off(self, user_key: str) -> str:
        user = await self._store.user(user_key)
        if user is None or not user.enabled:
            return ALREADY_OFF
        old = user.subscription_id

        def off(r: InviteUser) -> bool:
            r.enabled = False
            r.subscription_id = r.client_state = r.expires = ""
            return True

        await self._store.change_user(user_key, off)
        await self._store.remove_subscription(old)
        await self._store.set_opted_in(user_key, False)
        if old:
            try:
                await self._subs.delete(self._services.tokens.source(user_key), old)
            except (identity.TokenError, errors.GraphError) as exc:
                # Ignored from now on either way; Graph drops it when it expires.
                log.info("could not delete subscription of user %s: %s", user_key, type(exc).__name__)
        return TURNED_OFF

    async def _subscribe(self, user_key: str, reference: dict[str, Any] | None = None) -> None:
        """A new subscription (new secret) replacing the user's old one, if any."""
        client_state = secrets.token_urlsafe(48)
        sub = await self._subs.create(
            self._services.tokens.source(user_key),
            notification_url=self._base + NOTIFICATIONS_PATH,
            lifecycle_url=self._base + LIFECYCLE_PATH,
            client_state=client_state,
            expires=self._clock() + LIFETIME,
        )
        await self._store.add_subscription(SubscriptionRef(sub.id, user_key, client_state))
        old = ""

        def on(r: InviteUser) -> bool:
            nonlocal old
            old = r.subscription_id if r.subscription_id != sub.id else ""
            r.enabled = True
            r.subscription_id, r.client_state, r.expires = sub.id, client_state, sub.expires.isoformat()
            r.sign_in_notice_sent = False
            if reference is not None:
                r.reference = reference
            return True

        await self._store.change_user(user_key, on)
        await self._store.set_opted_in(user_key, True)
        if old:
            await self._store.remove_subscription(old)
        log.info("user %s subscribed to invitations (subscription %s)", user_key, sub.id)

    # ----- notifications (from the queue) -------------------------------------------------

    async def handle(self, change: Change) -> None:
        """Handle one queued change; raises Retry for failures worth another try later."""
        ref = await self._store.subscription(change.subscription_id)
        if ref is None:
            return
        user = await self._store.user(ref.user_key)
        if user is None or not user.enabled or user.subscription_id != change.subscription_id:
            return
        try:
            if change.lifecycle:
                await self._lifecycle(user, change.lifecycle)
            elif change.event_id:
                await self._event_changed(user, change.event_id)
        except (identity.SignInRequired, identity.ConsentRequired, identity.ClientRejected):
            await self._stop_for_sign_in(user.user_key)
        except errors.AuthExpired:
            await self._stop_for_sign_in(user.user_key)
        except (identity.IdentityUnavailable, errors.Unavailable, errors.Throttled) as exc:
            raise Retry(type(exc).__name__) from exc

    async def _lifecycle(self, user: InviteUser, event: str) -> None:
        token = self._services.tokens.source(user.user_key)
        log.info("lifecycle %s for user %s", event, user.user_key)
        if event == "reauthorizationRequired":
            try:
                await self._subs.reauthorize(token, user.subscription_id)
                await self._renew(user)
            except errors.NotFound:
                await self._subscribe(user.user_key)
        elif event == "subscriptionRemoved":
            await self._subscribe(user.user_key)
            await self.resync(user.user_key)
        elif event == "missed":
            await self.resync(user.user_key)

    async def _event_changed(self, user: InviteUser, event_id: str) -> None:
        token = self._services.tokens.source(user.user_key)
        tz_name = await self._services.graph.mailbox_timezone(token, cache_key=user.user_key)
        try:
            invitation = await self._subs.read_invitation(token, event_id, tz_name=tz_name)
        except errors.NotFound:
            return  # gone already (declined meetings leave the calendar)
        now = self._clock().astimezone(zone(tz_name))
        card = user.cards.get(invitation.event.id) or user.cards.get(event_id)
        if card is not None:
            await self._refresh(user, card, invitation, tz_name)
        elif wants_card(invitation.event, now):
            await self._post_new(user, invitation, tz_name, now)

    async def resync(self, user_key: str) -> int:
        """Card every open invitation of the coming weeks that has no card yet; returns how many."""
        user = await self._store.user(user_key)
        if user is None or not user.enabled:
            return 0
        token = self._services.tokens.source(user_key)
        tz_name = await self._services.graph.mailbox_timezone(token, cache_key=user_key)
        now = self._clock().astimezone(zone(tz_name))
        events = await self._services.graph.calendar_view(
            token, now, now + timedelta(days=RESYNC_DAYS), tz_name=tz_name
        )
        posted = 0
        for event in events:
            if event.id in user.cards or not wants_card(event, now):
                continue
            try:
                invitation = await self._subs.read_invitation(token, event.id, tz_name=tz_name)
            except errors.NotFound:
                continue
            if await self._post_new(user, invitation, tz_name, now, day_events=events):
                posted += 1
        return posted

    async def _post_new(
        self, user: InviteUser, invitation: Invitation, tz_name: str, now: datetime, day_events: Any = None
    ) -> bool:
        event = invitation.event
        request_id = new_request_id()

        def claim(r: InviteUser) -> bool:
            if not r.enabled or event.id in r.cards:
                return False
            _prune(r, now)
            r.cards[event.id] = CardRef(request_id, None, _iso(event.start), _iso(event.end))
            return True

        mine = await self._store.change_user(user.user_key, claim)
        if (mine.cards.get(event.id) or CardRef("", None, "", "")).request_id != request_id:
            return False  # a redelivery, or another instance, got there first
        token = self._services.tokens.source(user.user_key)
        others = day_events if day_events is not None else await self._day(token, event, tz_name)
        card = invitation_card(invitation, conflicts_with(event, others), request_id=request_id, zone_label=tz_name)
        await self._services.pending.add(
            PendingAction(
                request_id=request_id,
                user_key=user.user_key,
                conversation_id=str((mine.reference.get("conversation") or {}).get("id") or ""),
                verb=INVITATION,
                events={event.id: snapshot(event)},
                series=False,
            )
        )
        # The posted message's id lives on the pending request (one write fewer per card).
        activity_id = await self._post(mine.reference, card)
        await self._remember_activity(request_id, activity_id)
        log.info("invitation card posted for user %s", user.user_key)
        return True

    async def _refresh(self, user: InviteUser, card: CardRef, invitation: Invitation, tz_name: str) -> None:
        event = invitation.event
        if card.state != "open":
            return
        pending = await self._services.pending.get(card.request_id)
        if pending is None or pending.state != "open" or not pending.activity_id:
            return  # answered from the card (or being answered right now), or still being posted
        card.activity_id = pending.activity_id
        if event.is_cancelled:
            await self._close(user, event.id, card, cancelled_card(event), "cancelled")
        elif event.response in ANSWERED:
            await self._close(user, event.id, card, answered_elsewhere_card(event), "answered in Outlook")
        elif (_iso(event.start), _iso(event.end)) != (card.start, card.end) and _moved(card, event):
            token = self._services.tokens.source(user.user_key)
            others = await self._day(token, event, tz_name)
            fresh = invitation_card(
                invitation, conflicts_with(event, others), request_id=card.request_id, zone_label=tz_name, moved=True
            )
            pending.events = {event.id: snapshot(event)}
            await self._services.pending.add(pending)
            await self._update(user.reference, card.activity_id, fresh)

            def moved(r: InviteUser) -> bool:
                if event.id not in r.cards:
                    return False
                r.cards[event.id].start, r.cards[event.id].end = _iso(event.start), _iso(event.end)
                return True

            await self._store.change_user(user.user_key, moved)
            log.info("invitation card updated (moved) for user %s", user.user_key)

    async def _close(self, user: InviteUser, event_id: str, card: CardRef, replacement: dict, why: str) -> None:
        try:
            claimed = await self._services.pending.claim(card.request_id)
        except AlreadyClaimed:
            return
        await self._services.pending.finish(claimed, card=replacement, message=texts_for_close(why))
        if card.activity_id:
            await self._update(user.reference, card.activity_id, replacement)

        def closed(r: InviteUser) -> bool:
            if event_id not in r.cards:
                return False
            r.cards[event_id].state = "closed"
            return True

        await self._store.change_user(user.user_key, closed)
        log.info("invitation card closed (%s) for user %s", why, user.user_key)

    async def _remember_activity(self, request_id: str, activity_id: str | None) -> None:
        """Note the posted card's activity id on its pending request (a click may already hold it)."""
        record = await self._services.pending.get(request_id)
        if record is None or not activity_id or record.state != "open":
            return
        record.activity_id = activity_id
        try:
            await self._services.pending.add(record)
        except KeyError:  # changed meanwhile (a click): the id only helps older clients' updates
            log.info("pending request %s changed before its activity id was noted", request_id)

    async def _day(self, token: Any, event: Event, tz_name: str) -> list[Event]:
        if not isinstance(event.start, datetime) or not isinstance(event.end, datetime):
            return []
        return await self._services.graph.calendar_view(token, event.start, event.end, tz_name=tz_name)

    # ----- renewals ---------------------------------------------------------------------------

    async def renew_due(self) -> int:
        """Renew every subscription that expires within RENEW_MARGIN; returns how many."""
        renewed = 0
        for user_key in await self._store.opted_in():
            user = await self._store.user(user_key)
            if user is None or not user.enabled or not user.subscription_id:
                continue
            if user.expires and _parse(user.expires) - self._clock() > RENEW_MARGIN:
                continue
            try:
                await self._renew(user)
                renewed += 1
            except errors.NotFound:
                await self._subscribe(user_key)
                renewed += 1
            except (identity.SignInRequired, identity.ConsentRequired, errors.AuthExpired):
                await self._stop_for_sign_in(user_key)
            except (identity.TokenError, errors.GraphError) as exc:
                log.info("renewing user %s failed: %s; will retry", user_key, type(exc).__name__)
        return renewed

    async def _renew(self, user: InviteUser) -> None:
        sub = await self._subs.renew(
            self._services.tokens.source(user.user_key), user.subscription_id, self._clock() + LIFETIME
        )

        def renewed(r: InviteUser) -> bool:
            if r.subscription_id != sub.id:
                return False
            r.expires = sub.expires.isoformat()
            return True

        await self._store.change_user(user.user_key, renewed)

    # ----- the user's sign-in is gone ---------------------------------------------------------

    async def _stop_for_sign_in(self, user_key: str) -> None:
        tell = False
        old = ""

        def stop(r: InviteUser) -> bool:
            nonlocal tell, old
            if not r.enabled and r.sign_in_notice_sent:
                return False
            tell = not r.sign_in_notice_sent
            old = r.subscription_id
            r.enabled, r.sign_in_notice_sent = False, True
            r.subscription_id = r.client_state = r.expires = ""
            return True

        user = await self._store.change_user(user_key, stop)
        await self._store.remove_subscription(old)
        await self._store.set_opted_in(user_key, False)
        log.info("user %s can no longer be signed in silently; invitation cards stopped", user_key)
        if tell and user.reference:
            await self._post(user.reference, sign_in_again_card())

    # ----- posting -----------------------------------------------------------------------------

    async def _post(self, reference: dict[str, Any], card: dict[str, Any]) -> str | None:
        if self.poster is None or not reference:
            return None
        return await self.poster.send(reference, card)

    async def _update(self, reference: dict[str, Any], activity_id: str, card: dict[str, Any]) -> None:
        if self.poster is not None and reference:
            await self.poster.update(reference, activity_id, card)


def texts_for_close(why: str) -> str:
    return {
        "cancelled": "The organizer cancelled this meeting.",
        "answered in Outlook": "You answered this in Outlook.",
    }.get(why, why)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _moved(card: CardRef, event: Event) -> bool:
    try:
        return (datetime.fromisoformat(card.start), datetime.fromisoformat(card.end)) != (event.start, event.end)
    except (TypeError, ValueError):
        return True


def _prune(user: InviteUser, now: datetime) -> None:
    """Forget cards of meetings that ended more than a day ago (the record stays small)."""
    horizon = now - timedelta(days=1)
    for event_id, card in list(user.cards.items()):
        try:
            end = datetime.fromisoformat(card.end)
        except ValueError:
            continue
        if end.tzinfo is not None and end < horizon:
            del user.cards[event_id]
