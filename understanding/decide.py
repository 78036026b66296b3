"""The last stage: from what was understood and what it matched, what Regrets may do and how sure it is.

`decide(request, resolution)` turns a `Resolution` into a `Decision`: act (`matched`), ask
(`ambiguous`: a choice among `event_ids`) or do nothing (`none`), with the reasons. The rule
is the issue's: `matched` means certain. A meeting that is over, cancelled, already answered
the way asked, or the user's own (responding to it is impossible; the bot offers cancel) is
explained, never acted on as if new, so it is no `matched` target (nor a choice, when every
candidate is such a meeting). The same holds for the whole series: a series is a target only
when at least one of its meetings found may be answered, and `reasons` names each target left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from graph.models import Event
from understanding.parse import ACTIONS, Request
from understanding.resolve import Resolution

# Problems that make a meeting no target for the answer asked (see Resolution.problems).
BLOCKING = frozenset(("past", "cancelled", "already_declined", "already_accepted", "already_tentative", "organizer"))


@dataclass(frozen=True, slots=True)
class Decision:
    intent: str  # decline accept tentative cancel other
    status: str  # matched | ambiguous | none
    event_ids: tuple[str, ...]  # what to POST to (series master ids when scope is series)
    comment: str | None
    send_response: bool
    scope: str  # occurrence | series
    # Why the decision is what it is, in words for logs and tests ("no meeting fits", "not understood: 25pm",
    # "not certain which meeting is meant", "already_declined", "readings differ"); empty when plainly matched.
    reasons: tuple[str, ...] = ()
    # The request with `proposed_time` filled in once the meeting (and its length) is known.
    request: Request | None = None

    @property
    def certain(self) -> bool:
        return self.status == "matched"


def target_of(event: Event, scope: str) -> str:
    """What answering this meeting POSTs to: its series master for a series answer."""
    return (event.series_master_id or event.id) if scope == "series" else event.id


def decide(request: Request, resolution: Resolution) -> Decision:
    intent = resolution.intent if resolution.intent in ACTIONS else "other"
    status = resolution.status
    ids = tuple(resolution.event_ids)
    reasons: list[str] = []
    if status in ("matched", "ambiguous") and resolution.events:
        blocked = [sorted(set(resolution.problems.get(e.id, ())) & BLOCKING) for e in resolution.events]
        if all(blocked):
            reasons.extend(sorted({p for b in blocked for p in b}))
            status, ids = "none", ()
        elif any(blocked):
            # "my 10 and my 2" when the 2 was cancelled: act on the 10, explain the 2. For a series
            # a target is left out only when none of its meetings here may be answered ("the standup
            # and the retro from now on" when the retro is already declined: the standup series only).
            targets = [target_of(e, resolution.scope) for e in resolution.events]
            usable = {t for t, b in zip(targets, blocked, strict=True) if not b}
            left = [t for t in dict.fromkeys(targets) if t not in usable]
            reasons.extend(sorted({p for t, b in zip(targets, blocked, strict=True) if t not in usable for p in b}))
            reasons.extend(f"left out {t}" for t in left)
            ids = tuple(i for i in ids if i in usable)
    if status == "ambiguous":
        reasons.append("not certain which meeting is meant")
    if intent == "other":
        reasons.append("no action asked")
    if request.unclear and intent != "other":
        # "decline my 25pm": say what was not understood, not that no meeting fits.
        reasons.extend(f"not understood: {u.words}" for u in request.unclear)
    if resolution.unknown and intent != "other":
        reasons.extend(f"not understood: {w}" for w in resolution.unknown)
    if intent == "other" or status == "none":
        if not reasons:
            reasons.append("no meeting fits")
        status, ids = "none", ()
    proposed: tuple[datetime, datetime] | None = resolution.proposed_time if status == "matched" else None
    return Decision(
        intent=intent,
        status=status,
        event_ids=ids,
        comment=request.comment if intent != "other" else None,
        send_response=request.notify,
        scope=resolution.scope if intent != "other" else "occurrence",
        reasons=tuple(reasons),
        request=replace(request, proposed_time=proposed),
    )
