"""The invitation card's buttons: Accept, Tentative or Decline one invitation, done once.

Three verbs in the click verb table (`dialogs.clicks.Clicks.verbs`), one per answer, since
the card offers all three for one pending request (whose verb is `invitation`). The checks
and the claim are the click machinery's own: the record must exist, be this user's, in
this conversation, name the meeting clicked and be claimable (a double click, two clients
or two instances make one Graph call). Then, as for every card, the meeting is read again
from Graph: moved, cancelled or answered since the card was shown (in Outlook, say) → a
card that says so and nothing is done.
"""

from __future__ import annotations

from dialogs import acting, cards, texts
from dialogs.clicks import CardAction, Clicker, ClickReply, Clicks, _sentence, proposal_of
from dialogs.invitation_card import INVITATION, VERBS
from dialogs.snapshots import restore, stamp
from graph import errors
from graph import tokens as identity


class InvitationClicks:
    def __init__(self, clicks: Clicks) -> None:
        self._clicks = clicks

    def register(self) -> None:
        for verb in VERBS:
            self._clicks.verbs[verb] = self.respond

    async def respond(self, clicker: Clicker, action: CardAction) -> ClickReply:
        clicks = self._clicks
        verb = VERBS[action.verb]
        record = await clicks._record_for(clicker, action)
        if isinstance(record, ClickReply):
            return record
        snap = record.events.get(action.event_id)
        if record.verb != INVITATION or snap is None or (action.shown and action.shown != stamp(snap)):
            return ClickReply(text=texts.BAD_CLICK)
        claimed = await clicks._claim(record)
        if isinstance(claimed, ClickReply):
            return claimed
        pending = clicks._services.pending
        try:
            shown = restore(snap)
            token, zone_name = await clicks._zone(clicker.user_key)
            event, changed = await clicks._reread(clicker.user_key, token, zone_name, shown, verb)
            if changed is not None or event is None:
                card = cards.notice_card(changed or texts.STALE_CARD, style="default")
                await pending.finish(claimed, card=card, message=changed or texts.STALE_CARD)
                return ClickReply(card=card)
            proposal = proposal_of(action, event) if verb != "accept" else None
            outcome = await acting.act(
                clicks._services.graph,
                token,
                event,
                verb=verb,
                comment=action.comment,
                # Graph refuses a proposal that is not sent to the organizer.
                notify=True if proposal else (action.notify if action.notify is not None else True),
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
        await pending.finish(claimed, card=outcome.card, message=outcome.message)
        await pending.remember_answer(clicker.user_key, event.id, verb)
        return ClickReply(card=outcome.card)
