"""Turn what a user wrote in Teams into a `Request`: what to do, to which meetings, saying what.

`parse(text, now)` is pure and fast (hand-written regexes compiled at import). It runs the
stages in order, each one job in its own module and tested alone:

    normalise -> corrections -> (proposal) -> note -> intent -> date, time and zone -> people and subject -> scope

then `resolve` ranks the calendar against the references and `decide` says whether Regrets
acts, asks or does nothing. Parsing does not look at the calendar: which day a bare "3pm"
means is decided by `resolve`, which sees the events.

Judgement calls (where a sensible person could go either way, this is the rule):
- "not the series" / "just this one" rules the series out even though it says "series".
- "after all", "anyway", "on second thought" are talk, not part of a meeting's name.
- The note is kept even when no meeting fits (the bot may ask which meeting and still send it).
- A proposal ("and suggest 5pm instead") is for the meeting named, never a second meeting.
- Time and day words that could not be read ("25pm", "next year" for everything) are kept in
  `Request.unclear`, so the bot asks instead of looking for a meeting called "25pm".
  Agenda questions ("what's on next year", "over the holidays") are asked back the same way.
- A word that is not English and in no title on the calendar ("the standup jutro") is not
  understood (resolve: `Resolution.unknown`): the bot asks, it never says "Nothing called ...".
- A correction in the same message ("not the 3pm, the 4pm", "actually no, the retro", "no wait,
  accept it") leaves only what the user settled on (corrections.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from understanding import chat, corrections, intents, normalise, notes, proposals, references, scope, timewords
from understanding.fuzzy import normalize
from understanding.model import ACTIONS, INTENTS, MeetingRef, Request, Unclear
from understanding.normalise import clean, sentences

__all__ = ["ACTIONS", "INTENTS", "MeetingRef", "Request", "Unclear", "clean", "parse", "sentences"]


def _aware(now: datetime) -> datetime:
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)


def parse(text: str, now: datetime, *, day_first: bool = False) -> Request:
    """Understand one message; never raises on any text."""
    now = _aware(now)
    today = now.date()
    raw = chat.tidy(clean(text if isinstance(text, str) else "", quotes=False))
    s = raw.translate(normalise.QUOTES)  # same length as raw: one character for one
    if not s:
        return Request(intent="other")
    base = s

    # note (quoted), normalise, proposal, notify
    s, comment = notes.take_quoted(s)
    s = corrections.take_back(normalise.drop_asides(normalise.rewrite(s)))
    if intents.is_question(s):
        return Request(intent="other")
    s = intents.drop_negated(s)
    s, proposal = proposals.take_proposal(s, today, day_first)
    s, no_reason = notes.take_no_reason(s)
    s, notify = notes.take_notify(s)

    # note: the sentence that asks, the note around it
    parts = notes.split(s, today, day_first)
    command, comment, lead_reason = notes.take_note(parts, comment, today, day_first)
    comment = None if no_reason else notes.in_own_words(comment, raw, base)

    # scope words, then intent
    command = notes.drop_no_comment(normalise.drop_talk(command))
    command = references.mark_current(command)
    command, said = scope.take_scope(command)
    lower = normalize(timewords.fix_typos(command.lower()))
    intent = intents.classify(lower)

    # date, time, zone, people and subject
    refs: tuple[MeetingRef, ...] = ()
    excluded: tuple[MeetingRef, ...] = ()
    unclear: tuple[Unclear, ...] = ()
    series = said.series
    if intent in ACTIONS or intent in ("agenda", "other", "abort"):
        verb = intents.first_verb(lower)
        body = lower if verb is None else lower[: verb.start()] + " , " + lower[verb.end() :]
        if intent == "agenda":
            body = intents.without_agenda(body)
        clear = verb is not None and verb.group(0).startswith(("clear", "free"))
        found = references.take_refs(body, lead_reason, parts.segs[: parts.k], today, day_first, clear)
        refs, excluded, unclear = found.refs, found.excluded, found.unclear
        if intent == "agenda" and found.long and not any(u.why == "far" for u in unclear):
            # "what's on next year": more days than one agenda shows; asked like "everything next year".
            unclear += (Unclear(found.long, "far"),)
        if found.from_lead and comment == lead_reason:
            comment = None  # the clause named the meeting; it was no note
        # "every weekly review", "all the Tuesday syncs": the series, unless ruled out.
        series = series or found.every or found.series_day
        if intent == "cancel" and (not refs or intents.cancel_is_abort(lower)):
            intent, refs = "abort", ()
        elif intent == "abort" and refs and intents.says_cancel(lower):
            intent = "cancel"
    # Words that ask for the series and words that rule it out: never the series on a contradiction.
    series = series and not said.denied
    if intent in ("help", "signout", "abort"):
        refs = ()
    return Request(
        intent=intent,
        refs=refs,
        comment=comment if intent in ACTIONS else None,
        notify=notify,
        scope="series" if series else "occurrence",
        immediate=said.immediate,
        day_first=day_first,
        excluded=excluded if intent in ACTIONS and refs else (),
        proposal=proposal if intent in ("decline", "tentative") else None,
        unclear=unclear if intent in ACTIONS or intent == "agenda" else (),
    )
