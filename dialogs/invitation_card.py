"""The invitation card: a new meeting invitation, answered from Teams in one click.

Pure code: builds the Adaptive Card (templates `invitation.json` and
`invitation_conflict.json`) from the invitation, the user's other meetings at that time
and the pending request behind its buttons. The buttons' verbs are `acceptInvitation`,
`tentativeInvitation` and `declineInvitation`, with `requestId`, `eventId` and `shown` (the
meeting's state stamp when the card was shown); the card's inputs add
`comment`, `notify` and, where the organizer allows it, `propose`, `proposeDate`,
`proposeStart`, `proposeEnd`. Subjects, names and places go into `TextRun`s only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from dialogs.cards.build import action, done_word, header, subject_of
from dialogs.cards.template import render
from dialogs.cards.timefmt import time_text
from dialogs.snapshots import snapshot, stamp
from graph.models import Event
from graph.subscriptions import Invitation

# The pending request's verb, and one button verb per answer (→ the Graph action).
INVITATION = "invitation"
VERBS = {"acceptInvitation": "accept", "tentativeInvitation": "tentativelyAccept", "declineInvitation": "decline"}
BUTTONS = (
    ("acceptInvitation", "Accept", "positive"),
    ("tentativeInvitation", "Tentative", "default"),
    ("declineInvitation", "Decline", "destructive"),
)
MAX_CONFLICTS = 5
ANSWERED = {"accepted": "accept", "tentativelyAccepted": "tentativelyAccept", "declined": "decline"}


def conflicts_with(event: Event, others: Sequence[Event]) -> list[Event]:
    """The user's other meetings overlapping the invitation that they have not declined or left free."""
    if not isinstance(event.start, datetime):
        return []
    found = []
    for other in others:
        if other.id == event.id or other.is_cancelled or other.is_declined or other.show_as == "free":
            continue
        if other.is_all_day or not isinstance(other.start, datetime):
            continue
        if other.start < event.end and other.end > event.start:
            found.append(other)
    return sorted(found, key=lambda e: e.start)


def invitation_card(
    invitation: Invitation, conflicts: Sequence[Event], *, request_id: str, zone_label: str, moved: bool = False
) -> dict:
    event = invitation.event
    timed = isinstance(event.start, datetime)
    base = {"requestId": request_id, "eventId": event.id, "shown": stamp(snapshot(event))}
    buttons = {
        name: action(title, {"verb": verb, **base}, style=None if style == "default" else style)
        for (verb, title, style), name in zip(BUTTONS, ("accept", "tentative", "decline"), strict=True)
    }
    rows = [
        render("invitation_conflict", time=time_text(c), subject=subject_of(c, 120)) for c in conflicts[:MAX_CONFLICTS]
    ]
    heading = "This invitation has moved" if moved else "New invitation"
    return render(
        "invitation",
        fallback_text=f"Regrets: {heading.lower()}: {subject_of(event)}",
        heading=heading,
        header=header(event, organizer_lead="From "),
        where=invitation.location or None,
        online_url=invitation.online_url or None,
        conflicts=rows,
        conflict_heading=f"Conflicts with {len(conflicts)} of your meetings"
        if len(conflicts) > 1
        else "Conflicts with",
        allow_propose=event.allow_new_time_proposals and timed,
        propose_date=(event.start.date() if isinstance(event.start, datetime) else event.start).isoformat(),
        propose_start=event.start.strftime("%H:%M") if timed else None,
        propose_end=event.end.strftime("%H:%M") if timed else None,
        zone_label=zone_label or None,
        **buttons,
    )


def answered_elsewhere_card(event: Event) -> dict:
    """In place of the invitation card once the user answered in Outlook (or another client)."""
    verb = ANSWERED.get(event.response)
    text = (
        f"You {done_word(verb).lower()} “{subject_of(event)}” in Outlook." if verb else "You answered this in Outlook."
    )
    return render("notice", text=text, style="default")


def cancelled_card(event: Event) -> dict:
    return render("notice", text=f"“{subject_of(event)}” was cancelled by the organizer.", style="attention")
