"""Failures from Graph, turned into the sentence a user reads (never the exception text)."""

from __future__ import annotations

from dialogs import texts
from graph import errors

OWN_MEETING = "You organize that meeting, so there's nothing to respond to; you can cancel it instead."
NO_PROPOSALS = "The organizer doesn't accept new time proposals for that meeting, so I didn't propose one."
NOT_ORGANIZER = "Only the organizer can cancel that meeting; I can decline it for you instead."


def sentence_for(exc: BaseException | None) -> str:
    if isinstance(exc, errors.CommentTooLong):
        return texts.COMMENT_TOO_LONG
    if isinstance(exc, errors.OwnMeeting):
        return OWN_MEETING
    if isinstance(exc, errors.ProposalNotAllowed):
        return NO_PROPOSALS
    if isinstance(exc, errors.NotAllowed):
        return {
            "own_meeting": OWN_MEETING,
            "proposals_not_allowed": NO_PROPOSALS,
            "not_organizer": NOT_ORGANIZER,
        }.get(getattr(exc, "reason", "other"), "Outlook wouldn't allow that for this meeting. Nothing was changed.")
    if isinstance(exc, errors.NotFound):
        return texts.NOT_FOUND
    if isinstance(exc, errors.Throttled):
        return texts.GRAPH_THROTTLED
    if isinstance(exc, errors.Unavailable):
        return texts.GRAPH_DOWN
    if isinstance(exc, errors.Forbidden):
        return texts.GRAPH_FORBIDDEN
    return texts.FAILED
