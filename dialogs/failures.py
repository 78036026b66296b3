"""Failures from Graph and from sign-in, turned into the sentence a user reads."""

from __future__ import annotations

from dialogs import texts
from graph import errors


def sentence_for(exc: BaseException) -> str:
    if isinstance(exc, errors.CommentTooLong):
        return texts.COMMENT_TOO_LONG
    if isinstance(exc, errors.NotFound):
        return texts.NOT_FOUND
    if isinstance(exc, errors.Throttled):
        return texts.GRAPH_THROTTLED
    if isinstance(exc, errors.Unavailable):
        return texts.GRAPH_DOWN
    if isinstance(exc, errors.Forbidden):
        return texts.GRAPH_FORBIDDEN
    if isinstance(exc, errors.OwnMeeting):
        return "You organize that meeting, so there's nothing to respond to; you can cancel it instead."
    if isinstance(exc, errors.ProposalNotAllowed):
        return "The organizer doesn't accept new time proposals for that meeting, so I didn't propose one."
    if isinstance(exc, errors.NotAllowed):
        return "Outlook wouldn't allow that for this meeting. Nothing was changed."
    return texts.FAILED
