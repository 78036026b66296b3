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

from dialogs import texts
from dialogs.clicks import CardAction, Clicker, ClickReply, Clicks
from dialogs.invitation_card import INVITATION, VERBS
from dialogs.snapshots import stamp


class InvitationClicks:
    def __init__(self, clicks: Clicks) -> None:
        self._clicks = clicks

    def register(self) -> None:
        for verb in VERBS:
            self._clicks.verbs[verb] = self.respond

    async def respond(self, clicker: Clicker, action: CardAction) -> ClickReply:
        clicks = self._clicks
        verb = VERBS[action.verb]
        record = await clicks.record_for(clicker, action)
        if isinstance(record, ClickReply):
            return record
        snap = record.events.get(action.event_id)
        if record.verb != INVITATION or snap is None or (action.shown and action.shown != stamp(snap)):
            return ClickReply(text=texts.BAD_CLICK)
        return await clicks.answer_once(clicker, action, record, verb)
