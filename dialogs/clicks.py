"""Card clicks: what a button may do, checked against what its card was shown for, done once.

The bot hands over who clicked (`Clicker`) and the button's raw data; `read_action` turns
the data into a typed `CardAction` (wrong types, such as objects where strings belong,
are `Malformed`), and the verb table (`Clicks.verbs`, the one place a new card button is
added) decides. No Bot Framework here: the answer is a `ClickReply` the bot turns into
an invoke response or a message.

    click ─► record gone or expired ─────────────────────────────► "out of date" (card kept)
          ─► not the card's user, not its conversation, a meeting the card
             never showed, a verb it never offered, data that disagrees ─► a sentence, nothing acted on
          ─► already done ───────────────────────────────────────► the first click's final card
          ─► claim (conditional write) ── lost ─► wait briefly for the winner's card
          ─► claimed ─► re-read the meeting from Graph
                         gone / cancelled / moved / already answered ─► done; a card that says so
                         Graph or sign-in unavailable ───────────────► release; a sentence
                      ─► act ─► ok: done; the outcome card (the one confirmation)
                              └ failed: release; a sentence (the card still works)

Whatever fails midway releases the claim, so the real click still works. A click is
always answered (the bot answers 2xx); the final card travels in the click's own answer,
so an unreachable connector loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from dialogs import acting, cards, texts
from dialogs.failures import sentence_for
from dialogs.pending import CLAIMED, DONE, OPEN, AlreadyClaimed, PendingAction
from dialogs.services import Services
from dialogs.snapshots import restore, stamp
from graph import errors
from graph import tokens as identity
from graph.models import Event

log = logging.getLogger(__name__)

RESPONSE_VERBS = ("decline", "accept", "tentativelyAccept")
ANSWERED = {"decline": "declined", "accept": "accepted", "tentativelyAccept": "tentativelyAccepted"}
ID_LIMIT = 1024
TEXT_LIMIT = 4000
# How long a click that lost the claim waits for the winner's result before saying "on it": as long
# as the winner may take (app.py lets a turn's Graph call wait out 10 s of throttling), so a double
# click gets the same final card twice, and still inside the 15 s Bot Framework gives an answer.
WAIT_FOR_WINNER = 12.0


class Malformed(ValueError):
    """The click's data is not what Regrets' cards send (wrong types, oversized fields)."""


@dataclass(frozen=True, slots=True)
class Clicker:
    user_key: str
    conversation_id: str


@dataclass(frozen=True, slots=True)
class CardAction:
    """A button's data merged with the card's inputs, as `dialogs.cards.build` documents it."""

    verb: str
    request_id: str = ""
    event_id: str = ""
    event_ids: tuple[str, ...] = ()
    comment: str | None = None
    notify: bool | None = None
    scope: str = "occurrence"
    propose: bool = False
    propose_date: str = ""
    propose_start: str = ""
    propose_end: str = ""
    shown: str = ""  # the meeting's state stamp when the card was shown
    user: str = ""  # the user the card was made for
    conversation: str = ""  # the conversation the card was sent to
    text: str = ""  # "say" buttons


@dataclass(frozen=True, slots=True)
class ClickReply:
    card: dict[str, Any] | None = None  # replaces the clicked card
    text: str | None = None  # said to the clicker; the card stays as it is
    run_text: str | None = None  # a help button: go on as if the user had typed this


def _text(data: dict[str, Any], key: str, limit: int = ID_LIMIT) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise Malformed(key)
    return value


def _bool(data: dict[str, Any], key: str) -> bool | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise Malformed(key)


def read_action(raw: object) -> CardAction:
    """The typed click; `Malformed` when any field has a type Regrets' cards never send."""
    if not isinstance(raw, dict):
        raise Malformed("data")
    ids = raw.get("eventIds")
    if ids is None:
        event_ids: tuple[str, ...] = ()
    elif isinstance(ids, list) and len(ids) <= 100 and all(isinstance(i, str) and len(i) <= ID_LIMIT for i in ids):
        event_ids = tuple(ids)
    else:
        raise Malformed("eventIds")
    comment = _text(raw, "comment", TEXT_LIMIT)
    return CardAction(
        verb=_text(raw, "verb", 64),
        request_id=_text(raw, "requestId"),
        event_id=_text(raw, "eventId"),
        event_ids=event_ids,
        comment=comment.strip() or None,
        notify=_bool(raw, "notify"),
        scope="series" if _text(raw, "scope", 32) == "series" else "occurrence",
        propose=bool(_bool(raw, "propose")),
        propose_date=_text(raw, "proposeDate", 32),
        propose_start=_text(raw, "proposeStart", 32),
        propose_end=_text(raw, "proposeEnd", 32),
        shown=_text(raw, "shown"),
        user=_text(raw, "user"),
        conversation=_text(raw, "conversation"),
        text=_text(raw, "text", 500),
    )


def same_conversation(a: str, b: str) -> bool:
    # A channel thread's id carries ";messageid=…"; the card and its click are in the same thread.
    return a.split(";", 1)[0] == b.split(";", 1)[0]


def proposal_of(action: CardAction, event: Event) -> tuple[datetime, datetime] | None:
    """The new time the confirm card proposes, in the meeting's (the mailbox's) zone, or None."""
    if not action.propose or not isinstance(event.start, datetime) or not isinstance(event.end, datetime):
        return None
    try:
        day = date.fromisoformat(action.propose_date)
        start = time.fromisoformat(action.propose_start)
        end = time.fromisoformat(action.propose_end) if action.propose_end else None
    except ValueError:
        return None
    tz = event.start.tzinfo
    begins = datetime.combine(day, start, tz)
    ends = datetime.combine(day, end, tz) if end is not None else begins + (event.end - event.start)
    return (begins, ends) if ends > begins else None


def change_since(shown: Event, now: Event, verb: str) -> str | None:
    """Why the meeting is no longer what the card offered to act on, as one true sentence; or None."""
    name = acting.describe(now)
    if now.is_cancelled:
        if verb == "cancel":
            return f"{name} is already cancelled, so I did nothing."
        return f"{name} was cancelled by the organizer, so there is nothing to {cards.noun(verb)}."
    if verb in ANSWERED and now.response == ANSWERED[verb]:
        return f"You already {cards.done_word(verb).lower()} {name}."
    if (shown.start, shown.end) != (now.start, now.end):
        return (
            f"{acting.quoted(now)} moved to {cards.when_text(now)} since that card was shown, so I did nothing. "
            f"Ask me again if you still want to {cards.noun(verb)} it."
        )
    if verb in ANSWERED and now.response != shown.response and now.response in ANSWERED.values():
        answered = {v: k for k, v in ANSWERED.items()}[now.response]
        return (
            f"You have {cards.done_word(answered).lower()} {name} since that card was shown, so I left it. "
            f"Ask me again if you want to {cards.noun(verb)} it."
        )
    return None


Verb = Callable[[Clicker, CardAction], Awaitable[ClickReply]]


class Clicks:
    def __init__(self, services: Services) -> None:
        self._services = services
        # The verb table: one entry per kind of button a card can carry.
        self.verbs: dict[str, Verb] = {
            "decline": self.respond,
            "accept": self.respond,
            "tentativelyAccept": self.respond,
            "cancelMeeting": self.respond,
            "respondAll": self.respond_all,
            "dismiss": self.dismiss,
            "say": self.say,
        }

    async def handle(self, clicker: Clicker, raw: object) -> ClickReply:
        try:
            action = read_action(raw)
        except Malformed as exc:
            log.info("malformed card data (%s) from user %s", exc, clicker.user_key)
            return ClickReply(text=texts.BAD_CLICK)
        verb = self.verbs.get(action.verb)
        if verb is None:
            return ClickReply(text=texts.STALE_CARD)
        return await verb(clicker, action)

    # ----- checks before anything is claimed ---------------------------------------------

    async def record_for(self, clicker: Clicker, action: CardAction) -> PendingAction | ClickReply:
        """The card's record if it is live and this clicker's, or the reply that ends the click."""
        pending = self._services.pending
        # As this instance wrote it, if it did: whose card it is never changes, and the claim that
        # follows is conditional on this copy's version, so an out-of-date copy only costs a re-read.
        record = await pending.get(action.request_id, recent=True)
        if record is None or record.expired(pending.now()):
            return ClickReply(text=texts.STALE_CARD)
        if clicker.user_key != record.user_key or (action.user and action.user != record.user_key):
            log.info("card %s clicked by someone it was not made for", record.request_id)
            return ClickReply(text=texts.NOT_YOURS)
        if not same_conversation(clicker.conversation_id, record.conversation_id) or (
            action.conversation and not same_conversation(action.conversation, record.conversation_id)
        ):
            log.info("card %s clicked from another conversation", record.request_id)
            return ClickReply(text=texts.OTHER_CONVERSATION)
        return record

    def _tampered(self, record: PendingAction, action: CardAction) -> bool:
        """Data that disagrees with what the card was made with: a verb or meeting it never offered."""
        if action.verb in RESPONSE_VERBS and action.verb != record.verb:
            return True
        if action.verb == "cancelMeeting" and record.verb != "cancel":
            return True
        if action.verb == "respondAll" and not set(action.event_ids) <= set(record.events):
            return True
        if action.scope == "series" and record.series is False:
            return True  # a whole series from a card that only offered single meetings
        if action.event_id or action.verb in RESPONSE_VERBS + ("cancelMeeting",):
            snap = record.events.get(action.event_id)
            if snap is None:
                return True
            if action.shown and action.shown != stamp(snap):
                return True
        return False

    async def _claim(self, record: PendingAction) -> PendingAction | ClickReply:
        if record.state == DONE:
            return self._result_of(record)
        try:
            return await self._services.pending.claim(record)
        except AlreadyClaimed as taken:
            return await self._winner(taken.record)

    async def _winner(self, record: PendingAction | None) -> ClickReply:
        """Another click holds the claim: answer with its result once it has one."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_FOR_WINNER
        while record is not None and record.state == CLAIMED and loop.time() < deadline:
            await asyncio.sleep(0.05)
            record = await self._services.pending.get(record.request_id)
        if record is not None and record.state == DONE:
            return self._result_of(record)
        if record is not None and record.state == OPEN:
            # The other click failed and gave the card back: nothing was changed, and it can be clicked again.
            return ClickReply(text=texts.FAILED)
        return ClickReply(text=texts.ON_IT)

    @staticmethod
    def _result_of(record: PendingAction) -> ClickReply:
        card = record.outcome.get("card")
        if isinstance(card, dict):
            return ClickReply(card=card)
        return ClickReply(text=str(record.outcome.get("message") or texts.STALE_CARD))

    async def _checked(self, clicker: Clicker, action: CardAction) -> PendingAction | ClickReply:
        """The card's record, claimed for this click, or the reply that ends the click."""
        record = await self._vetted(clicker, action)
        if isinstance(record, ClickReply):
            return record
        return await self._claim(record)

    async def _vetted(self, clicker: Clicker, action: CardAction) -> PendingAction | ClickReply:
        """The card's record, checked for this click (not yet claimed), or the reply that ends the click."""
        record = await self.record_for(clicker, action)
        if isinstance(record, ClickReply):
            return record
        if record.state == DONE:
            # Used already: whatever this click says, the answer is the first click's result.
            return self._result_of(record)
        if self._tampered(record, action):
            log.info("card %s clicked with data it was never given", record.request_id)
            return ClickReply(text=texts.BAD_CLICK)
        return record

    async def _zone(self, user_key: str) -> tuple[Any, str]:
        token = self._services.tokens.source(user_key)
        zone_name = await self._services.graph.mailbox_timezone(token, cache_key=user_key)
        return token, zone_name

    async def _reread(
        self, user_key: str, token: Any, zone_name: str, shown: Event, verb: str
    ) -> tuple[Event | None, str | None]:
        """The meeting as Graph has it now, and why not to act on it (None: go ahead)."""
        try:
            now = await self._services.graph.get_event(token, shown.id, tz_name=zone_name)
        except errors.NotFound:
            if verb in ANSWERED and await self._services.pending.answered(user_key, shown.id) == verb:
                # Outlook removes a declined meeting from the calendar; Regrets remembers declining it.
                return None, f"You already {cards.done_word(verb).lower()} {acting.describe(shown)}."
            return None, f"{acting.describe(shown)} is no longer on your calendar, so I did nothing."
        return now, change_since(shown, now, verb)

    # ----- the verbs -------------------------------------------------------------------

    async def respond(self, clicker: Clicker, action: CardAction) -> ClickReply:
        record = await self._vetted(clicker, action)
        if isinstance(record, ClickReply):
            return record
        verb = "cancel" if action.verb == "cancelMeeting" else action.verb
        return await self.answer_once(clicker, action, record, verb, scope=action.scope)

    async def answer_once(
        self, clicker: Clicker, action: CardAction, record: PendingAction, verb: str, *, scope: str = "occurrence"
    ) -> ClickReply:
        """Claim the card, read the clicked meeting again, answer it, record the outcome: once.

        The one path of every button that answers one meeting (this table's and the invitation
        card's): `record` is the card's vetted record; a click that loses the claim gets the
        winner's answer, a meeting changed since the card was shown gets a card saying so, and
        a failure gives the card back (released) so it can be clicked again.
        """
        claimed = await self._claim(record)
        if isinstance(claimed, ClickReply):
            return claimed
        pending = self._services.pending
        try:
            shown = restore(claimed.events[action.event_id])
            token, zone_name = await self._zone(clicker.user_key)
            event, changed = await self._reread(clicker.user_key, token, zone_name, shown, verb)
            if changed is not None or event is None:
                card = cards.notice_card(changed or texts.STALE_CARD, style="default")
                await pending.finish(claimed, card=card, message=changed or texts.STALE_CARD)
                return ClickReply(card=card)
            proposal = proposal_of(action, event) if verb in ("decline", "tentativelyAccept") else None
            outcome = await acting.act(
                self._services.graph,
                token,
                event,
                verb=verb,
                comment=action.comment,
                # Graph refuses a proposal that is not sent to the organizer.
                notify=True if proposal else (action.notify if action.notify is not None else True),
                scope=scope,
                proposed_new_time=proposal,
            )
        except (identity.TokenError, errors.GraphError) as exc:
            await pending.release(claimed)
            return ClickReply(text=_sentence(exc))
        except BaseException:
            await pending.release(claimed)
            raise
        if not outcome.ok:
            await pending.release(claimed)
            return ClickReply(text=outcome.message)
        await _recorded(
            claimed.request_id,
            pending.finish(claimed, card=outcome.card, message=outcome.message),
            pending.remember_answer(clicker.user_key, event.id, verb),
        )
        return ClickReply(card=outcome.card)

    async def respond_all(self, clicker: Clicker, action: CardAction) -> ClickReply:
        claimed = await self._checked(clicker, action)
        if isinstance(claimed, ClickReply):
            return claimed
        verb = claimed.verb
        pending = self._services.pending
        try:
            token, zone_name = await self._zone(clicker.user_key)
            shown = [restore(snap) for snap in claimed.events.values()]
            reread = await asyncio.gather(*(self._reread(clicker.user_key, token, zone_name, e, verb) for e in shown))
            ready = [now for now, changed in reread if now is not None and changed is None]
            left = [
                acting.BulkResult(now or was, ok=False, reason=changed, skipped=True)
                for was, (now, changed) in zip(shown, reread, strict=True)
                if changed is not None
            ]
            notify = action.notify if action.notify is not None else True
            results = await acting.act_many(
                self._services.graph, token, ready, verb=verb, comment=action.comment, notify=notify, scope=action.scope
            )
        except (identity.TokenError, errors.GraphError) as exc:
            await pending.release(claimed)
            return ClickReply(text=_sentence(exc))
        except BaseException:
            await pending.release(claimed)
            raise
        everything = results + left
        card = cards.summary_card(everything, verb=verb, scope=action.scope)
        await _recorded(
            claimed.request_id,
            pending.finish(claimed, card=card, message=acting.bulk_sentence(verb, everything, action.scope)),
            *(pending.remember_answer(clicker.user_key, r.event.id, verb) for r in results if r.ok),
        )
        return ClickReply(card=card)

    async def dismiss(self, clicker: Clicker, action: CardAction) -> ClickReply:
        claimed = await self._checked(clicker, action)
        if isinstance(claimed, ClickReply):
            return claimed
        events = [restore(snap) for snap in claimed.events.values()]
        message = acting.kept_sentence(events)
        card = cards.notice_card(message, style="default")
        await self._services.pending.finish(claimed, card=card, message=message)
        return ClickReply(card=card)

    async def say(self, clicker: Clicker, action: CardAction) -> ClickReply:
        text = " ".join(action.text.split())
        return ClickReply(run_text=text) if text else ClickReply(text=texts.STALE_CARD)


async def _recorded(request_id: str, *writes: Awaitable[None]) -> None:
    """Record what a click did, all at once; a store failure now must not hide what was done.

    The meetings were answered already, so the click is still answered with its card. If
    the card's record could not be settled, its claim expires and a later click re-reads
    the meeting from Graph before acting, so nothing is applied twice.
    """
    for failure in await asyncio.gather(*writes, return_exceptions=True):
        if isinstance(failure, Exception):
            log.warning("card %s: its result could not be recorded (%s)", request_id, type(failure).__name__)
        elif isinstance(failure, BaseException):
            raise failure


def _sentence(exc: BaseException) -> str:
    if isinstance(exc, identity.IdentityUnavailable):
        return texts.IDENTITY_DOWN
    if isinstance(exc, identity.TokenError):
        return texts.SIGN_IN_AGAIN
    return sentence_for(exc)
