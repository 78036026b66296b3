"""The card builders: Regrets' Adaptive Cards as plain dicts, filled from `templates/`.

Every button is an `Action.Execute` (verb + data) whose `fallback` is an `Action.Submit`
with the same title and data, so older clients send the same payload as a message
`value`. The data contract the bot's verb table relies on:

- `decline` / `accept` / `tentativelyAccept`: `requestId`, `eventId`, `shown` (the
  meeting's state when the card was shown, `dialogs.snapshots.stamp`); agenda rows
  notify the organizer (no inputs); the choice card's inputs add `comment` and `notify`
  ("true"/"false"); the confirm card's inputs add `comment`, `notify`, `scope`
  (recurring), `propose`, `proposeDate`, `proposeStart`, `proposeEnd` (when proposing
  is allowed). A card preset to the whole series has no `scope` input: each of its two buttons
  carries `scope` ("series" / "occurrence") in its data; so do the rows of a choice card over series.
- `respondAll`: `requestId`, `eventIds`, `response` (the Graph verb), and `scope: "series"` when the
  card offers whole series (absent: each meeting); inputs `notify`, `comment`.
- `cancelMeeting`: `requestId`, `eventId`, `shown`; inputs add `comment`, `scope` (recurring; in the
  data instead when the card is preset to the series).
- `dismiss`: `requestId`.
- `say`: `text` (help examples and "sign out"; no request behind them).

Every button of a card with a pending action also carries `user` and `conversation`
(`owner=`): whom and where the card was made for, checked again on the click.

Anything a person typed or an organizer named (subjects, names, notes, zone names) goes
into a `TextRun`, which Adaptive Cards never reads as Markdown; `TextBlock`s hold only
Regrets' own wording. Colours are semantic (good/attention/accent/warning/default) so
the cards follow Teams' light, dark and high-contrast themes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from dialogs.cards.template import render
from dialogs.cards.timefmt import series_text, short_when, time_text, when_text
from dialogs.snapshots import snapshot, stamp

Owner = dict[str, str]

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA_VERSION = "1.5"
# Teams refuses messages above ~28 KB. Lists stop at MAX_ROWS rows for reading, and earlier
# when their rows (measured as json.dumps writes them) would pass ROWS_BUDGET bytes.
MAX_ROWS = 20
ROWS_BUDGET = 22_000
SUBJECT_LIMIT = 160
COMMENT_LIMIT = 2000
UNTITLED = "Untitled meeting"
NOTICE_STYLES = ("default", "emphasis", "good", "attention", "warning", "accent")
RESPONSE_VERBS = ("decline", "accept", "tentativelyAccept")
SERIES_NOTE = "This answers every meeting in the series, not only the one shown."


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    return json.loads(Path(__file__).with_name("words.json").read_text(encoding="utf-8"))


def _verb(verb: str) -> dict[str, str]:
    try:
        return _words()["verbs"][verb]
    except KeyError:
        raise ValueError(f"unknown card verb {verb!r}") from None


def noun(verb: str) -> str:
    """The verb as the user would say it ("decline", "tentatively accept")."""
    return _verb(verb)["noun"]


def done_word(verb: str) -> str:
    """How Regrets says a verb is done ("Declined", "Tentatively accepted"), cards and chat alike."""
    return _verb(verb)["done"]


def invoke_response(card: dict[str, Any]) -> dict[str, Any]:
    """The body that answers an `adaptiveCard/action` invoke by replacing the card."""
    return {"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": card}


# --- small pieces -----------------------------------------------------------------------


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def subject_of(event: Any, limit: int = SUBJECT_LIMIT) -> str:
    return _clip(event.subject or "", limit) or UNTITLED


def quoted(event: Any) -> str:
    return f"“{subject_of(event)}”"


def _organizer_line(event: Any, lead: str = "Organizer: ") -> str | None:
    if event.is_organizer:
        return "You organize this meeting"
    person = event.organizer
    if person is None or not (person.name or person.address):
        return None
    return f"{lead}{person.name or person.address}"


def _flag(value: bool) -> str:
    # Input.Toggle submits "true"/"false"; buttons carry the same strings so both paths look alike.
    return "true" if value else "false"


def _comment(comment: str | None) -> str | None:
    text = (comment or "").strip()
    return text[:COMMENT_LIMIT] or None


def action(title: str, data: dict[str, Any], *, style: str | None = None, inputs: str | None = None) -> dict:
    """An Action.Execute with an equivalent Action.Submit fallback (same title, same data)."""
    return render("action", title=title, verb=data["verb"], data=data, style=style, inputs=inputs)


def _dismiss(request_id: str, title: str = "Cancel", owner: Owner | None = None) -> dict:
    return action(title, {"verb": "dismiss", "requestId": request_id, **(owner or {})}, inputs="none")


def _for(event: Any, request_id: str, verb: str, owner: Owner | None) -> dict[str, Any]:
    """A button's data for one meeting: what it acts on and the state it was shown for."""
    return {
        "verb": verb,
        "requestId": request_id,
        "eventId": event.id,
        "shown": stamp(snapshot(event)),
        **(owner or {}),
    }


def header(event: Any, organizer_lead: str = "Organizer: ") -> dict:
    """The block every card opens with: subject, when, who organizes it, recurring or cancelled."""
    return render(
        "event_header",
        subject=subject_of(event),
        cancelled=True if event.is_cancelled else None,
        when=when_text(event),
        organizer=_organizer_line(event, organizer_lead),
        recurring=event.is_recurring,
    )


def _fit(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The leading rows that fit the row and byte budgets (rows are built lazily)."""
    kept: list[dict[str, Any]] = []
    used = 0
    for row in rows:
        size = len(json.dumps(row).encode("utf-8"))
        if len(kept) >= MAX_ROWS or used + size > ROWS_BUDGET:
            break
        kept.append(row)
        used += size
    return kept


def _more(hidden: int) -> str | None:
    return f"and {hidden} more" if hidden > 0 else None


def _date_value(value: datetime | date) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _time_value(value: datetime | date) -> str | None:
    return value.strftime("%H:%M") if isinstance(value, datetime) else None


# --- the cards --------------------------------------------------------------------------


def confirm_card(
    event: Any,
    *,
    verb: str = "decline",
    comment: str | None = None,
    notify: bool = True,
    request_id: str,
    allow_series: bool = False,
    allow_propose: bool = False,
    user_zone_label: str = "",
    scope: str = "occurrence",
    owner: Owner | None = None,
    proposal: tuple[datetime, datetime] | None = None,
    notice: str | None = None,
) -> dict[str, Any]:
    """Ask before responding to one meeting: note, notify, series and proposal inputs.

    `notice` says what else the request named and why it is left alone ("You have already declined …").

    `proposal` (a new time the user asked for in chat) prefills the proposal inputs and turns
    them on; the card then says it will propose it.
    """
    if verb not in RESPONSE_VERBS:
        raise ValueError(f"confirm_card answers meetings; {verb!r} is not a response verb")
    words = _verb(verb)
    # Graph accepts proposedNewTime only on decline/tentativelyAccept; all-day events have no times to move.
    propose = allow_propose and verb != "accept" and not event.is_all_day and isinstance(event.start, datetime)
    data = _for(event, request_id, verb, owner)
    start, end = proposal if proposal and propose else (event.start, event.end)
    series = allow_series and scope == "series"
    heading, primary, just_one = _scoped(words, event, data, series)
    return render(
        "confirm",
        fallback_text=f"Regrets: {heading}",
        heading=heading,
        series_note=SERIES_NOTE if series else None,
        notice=notice,
        header=header(event),
        # Preset to the series, the buttons say which (a choice set could contradict the heading).
        allow_series=allow_series and not series,
        scope="occurrence",
        comment_label="Message to the organizer (optional)",
        placeholder=words["placeholder"],
        comment=_comment(comment),
        notify=_flag(notify),
        allow_propose=propose,
        proposing=_flag(bool(proposal and propose)),
        proposing_visible=bool(proposal and propose),
        proposal_text=f"I'll propose {when_text(_Span(start, end))} instead." if proposal and propose else None,
        propose_date=_date_value(start),
        propose_start=_time_value(start),
        propose_end=_time_value(end),
        zone_label=user_zone_label or None,
        primary=primary,
        just_one=just_one,
        cancel=_dismiss(request_id, owner=owner),
    )


def _scoped(words: dict[str, str], event: Any, data: dict[str, Any], series: bool) -> tuple[str, dict, dict | None]:
    """The heading and buttons of a card about one meeting: for it, or for its whole series.

    A card preset to the series says so in its heading and on its button, and offers the one
    meeting as a second button; each button's data carries the scope it acts on.
    """
    if not series:
        return words["question"], action(words["button"], data, style=words["style"]), None
    return (
        words["series_question"].format(name=quoted(event)),
        action(words["series_button"], {**data, "scope": "series"}, style=words["style"]),
        action(words["occurrence_button"], {**data, "scope": "occurrence"}),
    )


def choice_card(
    events: Sequence[Any],
    *,
    verb: str = "decline",
    comment: str | None = None,
    notify: bool = True,
    request_id: str,
    offer_all: bool = False,
    owner: Owner | None = None,
    scope: str = "occurrence",
    notice: str | None = None,
) -> dict[str, Any]:
    """Several meetings matched: one row and one button per meeting (and optionally "all").

    The note and the notify toggle are inputs every button sends, prefilled from the request.
    With `scope="series"` each row stands for its whole series (shown by its next meeting): the
    heading, the rows and the buttons say so, and every button's data carries the scope.
    """
    if verb not in RESPONSE_VERBS:
        raise ValueError(f"choice_card answers meetings; {verb!r} is not a response verb")
    words = _verb(verb)
    note = _comment(comment)
    series = scope == "series"
    scoped = {"scope": "series"} if series else {}

    def row(event: Any) -> dict[str, Any]:
        # A meeting the user organizes cannot be answered, only cancelled: no button, and the row says so.
        button = (
            None
            if event.is_organizer
            else action(
                words["series_row" if series else "button"],
                {**_for(event, request_id, verb, owner), **scoped},
                style=words["style"],
            )
        )
        return render(
            "choice_row",
            subject=subject_of(event, 120),
            when=f"The whole series; next {when_text(event)}" if series else when_text(event),
            organizer="You organize this one: ask me to cancel it" if event.is_organizer else _organizer_line(event),
            button=button,
        )

    rows = _fit(row(e) for e in events)
    every = None
    if offer_all and len(events) > 1:
        all_data: dict[str, Any] = {
            "verb": "respondAll",
            "requestId": request_id,
            "eventIds": [e.id for e in events],
            "response": verb,
            **scoped,
            **(owner or {}),
        }
        every = action(words["series_all" if series else "all"].format(n=len(events)), all_data, style=words["style"])
    # The user asked for all of them ("decline everything tomorrow"): ask about all, not "which one".
    if series:
        heading = words["series_these"].format(n=len(events)) if every else words["series_which"]
    else:
        heading = words["these"].format(n=len(events)) if every else words["which"]
    return render(
        "choice",
        fallback_text=f"Regrets: {heading}",
        heading=heading,
        series_note=SERIES_NOTE if series else None,
        notice=notice,
        comment_label="Message to the organizer (optional)",
        placeholder=words["placeholder"],
        comment=note,
        notify=_flag(notify),
        rows=rows,
        more=_more(len(events) - len(rows)),
        all=every,
        cancel=_dismiss(request_id, owner=owner),
    )


def _status(event: Any) -> dict[str, Any]:
    table = _words()["status"]
    if event.is_cancelled:
        return table["cancelled"]
    if event.is_organizer:
        return table["organizer"]
    return table.get(event.response) or table["none"]


# The answer a meeting already has, per response verb: no button offers to give it again.
_GIVEN = {"decline": "declined", "accept": "accepted", "tentativelyAccept": "tentativelyAccepted"}


def can_answer(event: Any, now: datetime, verb: str = "decline") -> bool:
    """Whether an agenda row gets a button for `verb`: not cancelled, not the user's own, not over, not answered so."""
    if event.is_cancelled or event.is_organizer or event.is_over(now):
        return False
    return event.response != _GIVEN[verb]


def can_decline(event: Any, now: datetime) -> bool:
    """Whether an agenda row gets a Decline button."""
    return can_answer(event, now, "decline")


def agenda_card(
    events: Sequence[Any],
    *,
    title: str,
    request_id: str,
    now: datetime,
    note: str | None = None,
    owner: Owner | None = None,
    verb: str = "decline",
    lead: str | None = None,
) -> dict[str, Any]:
    """A day's meetings (all-day ones marked) with their status and a `verb` button where it makes sense.

    `lead` opens the card when it answers a request ("Nothing at 4:30 PM today."), so the sentence
    and the meetings to pick from arrive as one message. `now` comes from the injected clock:
    whether a meeting is over is never read off the machine.
    """
    if verb not in RESPONSE_VERBS:
        raise ValueError(f"agenda_card answers meetings; {verb!r} is not a response verb")
    words = _verb(verb)
    several_days = len({e.start.date() if isinstance(e.start, datetime) else e.start for e in events}) > 1

    def row(event: Any) -> dict[str, Any]:
        moment = now
        past = event.is_over(moment)
        status = _status(event)
        button = None
        if can_answer(event, moment, verb):
            data = _for(event, request_id, verb, owner)  # notifies the organizer (the default)
            button = action(words["button"], data, style=words["style"])
        return render(
            "agenda_row",
            # A list over several days names each row's day; one day's list needs only times.
            time=when_text(event) if several_days else time_text(event),
            subject=subject_of(event, 120),
            past=True if past else None,
            cancelled=True if event.is_cancelled else None,
            organizer=None if event.is_organizer else _organizer_line(event),
            status=status["text"],
            status_color=None if status["color"] == "default" else status["color"],
            status_subtle=True if status.get("subtle") or past else None,
            button=button,
        )

    rows = _fit(row(e) for e in events)
    return render(
        "agenda",
        fallback_text=f"Regrets: {lead}" if lead else "Regrets: your meetings",
        lead=lead,
        title=title,
        note=note or None,
        empty=not events,
        rows=rows,
        more=_more(len(events) - len(rows)),
    )


class _Span:
    """Just enough of an event for `when_text`: a proposed start and end."""

    is_all_day = False

    def __init__(self, start: datetime | date, end: datetime | date) -> None:
        self.start, self.end = start, end


def outcome_card(
    event: Any,
    *,
    verb: str,
    notify: bool = True,
    comment: str | None = None,
    scope: str = "occurrence",
    ok: bool = True,
    message: str | None = None,
    series_span: tuple[date, date | None] | None = None,
    proposed: tuple[Any, Any] | None = None,
) -> dict[str, Any]:
    """What happened, in place of the clicked card. No actions, so it cannot be clicked twice.

    `proposed` is the new time sent with the answer, so the final card says what the organizer got.

    For a whole series the card names the series and its span (`series_span`, from the series
    master), not just the occurrence that was shown.
    """
    words = _verb(verb)
    when = when_text(event)
    if scope == "series" and event.is_recurring:
        when = "The whole series: " + series_text(subject_of(event), series_span)
    if ok:
        if verb == "cancel":
            detail = "Attendees were sent a cancellation."
        else:
            detail = "Organizer notified" if notify else "Organizer not notified"
        return render(
            "outcome",
            fallback_text=f"Regrets: {words['done']}",
            style="good",
            headline=f"✓ {words['done']} ",
            subject=quoted(event),
            when=when,
            detail=detail,
            comment=_comment(comment),
            message=message or (f"You proposed {when_text(_Span(*proposed))} instead." if proposed else None),
        )
    return render(
        "outcome",
        fallback_text=f"Regrets: {words['failed']}",
        style="attention",
        headline=f"{words['failed']} ",
        subject=quoted(event),
        when=when,
        detail="Nothing was changed.",
        comment=None,
        message=message or "Something went wrong on my side. Please try again.",
    )


def summary_card(results: Iterable[Any], *, verb: str, scope: str = "occurrence") -> dict[str, Any]:
    """A bulk response: the count, then one line per meeting (or series) with the reason for failures."""
    words = _verb(verb)
    results = list(results)
    done = sum(1 for r in results if r.ok)
    skipped = sum(1 for r in results if getattr(r, "skipped", False))
    failed = len(results) - done - skipped
    series = scope == "series"
    heading = f"{words['done']} {done} " + ("series" if series else f"meeting{'' if done == 1 else 's'}")
    if skipped:
        heading += f", {skipped} left as {'it was' if skipped == 1 else 'they were'}"
    if failed:
        heading += f", {failed} failed"
    # Failures first: they are what the user has to read.
    ordered = sorted(results, key=lambda r: (r.ok, not getattr(r, "skipped", False)))
    rows = _fit(
        render(
            "summary_row",
            mark="✓ " if r.ok else ("– " if getattr(r, "skipped", False) else "✗ "),
            mark_color="good" if r.ok else ("default" if getattr(r, "skipped", False) else "attention"),
            subject=subject_of(r.event, 120),
            when=f" · the whole series, next {short_when(r.event)}" if series else f" · {short_when(r.event)}",
            reason=None if r.ok else (getattr(r, "reason", None) or "It could not be changed."),
        )
        for r in ordered
    )
    return render(
        "summary",
        fallback_text=f"Regrets: {heading}",
        style="attention" if failed else "good",
        heading=heading,
        rows=rows,
        more=_more(len(results) - len(rows)),
    )


def cancel_meeting_card(
    event: Any,
    *,
    comment: str | None = None,
    request_id: str,
    allow_series: bool | None = None,
    owner: Owner | None = None,
    asked_to_cancel: bool = False,
    scope: str = "occurrence",
) -> dict[str, Any]:
    """The user's own meeting: offer to cancel it (with a message to attendees) or keep it.

    Asked to cancel, the card just confirms; asked to decline, it first says why cancel is offered.
    Asked about the whole series (`scope`), it names the series and offers the one meeting as well.
    """
    recurring = bool(event.series_master_id) if allow_series is None else allow_series
    series = recurring and scope == "series"
    words = _verb("cancel")
    data = _for(event, request_id, "cancelMeeting", owner)
    if series:
        cancellation = "every attendee gets a cancellation of every meeting in the series, with your message."
        primary = action(words["series_button"], {**data, "scope": "series"}, style="destructive")
        just_one: dict | None = action(words["occurrence_button"], {**data, "scope": "occurrence"})
    else:
        cancellation = "every attendee gets a cancellation with your message."
        primary, just_one = action(words["button"], data, style="destructive"), None
    if asked_to_cancel:
        heading = words["series_question"].format(name=quoted(event)) if series else "Cancel this meeting?"
        explanation = cancellation[0].upper() + cancellation[1:]
    else:
        heading = "You organize this series" if series else "You organize this meeting"
        explanation = "You can't decline a meeting you organize. You can cancel it instead: " + cancellation
    return render(
        "cancel_meeting",
        fallback_text=f"Regrets: {heading[0].lower()}{heading[1:]}",
        heading=heading,
        explanation=explanation,
        header=header(event),
        allow_series=recurring and not series,
        comment=_comment(comment),
        primary=primary,
        just_one=just_one,
        keep=_dismiss(request_id, "Keep it", owner=owner),
    )


def consent_card(consent_url: str, *, admin: bool) -> dict[str, Any]:
    """Regrets lacks permission: what to do, with a link to the consent page."""
    if admin:
        heading = "Regrets needs an administrator's approval"
        explanation = (
            "Your organization lets only administrators approve apps that read and answer calendars, "
            "so Regrets can't work for you yet."
        )
        next_step = (
            "If you are an administrator, open the approval page and accept. Otherwise, send this card's "
            "link to your IT administrator and ask again once they have approved Regrets."
        )
        button = "Open the approval page"
    else:
        heading = "Regrets needs your permission"
        explanation = (
            "To decline or accept meetings for you, Regrets must be allowed to read your calendar and "
            "answer invitations as you. It never reads your mail."
        )
        next_step = "Open the permission page, accept, then ask me again."
        button = "Give permission"
    return render(
        "consent",
        fallback_text=f"Regrets: {heading}",
        heading=heading,
        explanation=explanation,
        next_step=next_step,
        button=button,
        url=consent_url,
    )


def help_card(examples: Iterable[str]) -> dict[str, Any]:
    """What Regrets understands: examples that send themselves when clicked, and "sign out"."""
    rows = [
        render("help_row", text=text, button=action("Try it", {"verb": "say", "text": text}))
        for text in list(examples)[:3]
    ]
    return render(
        "help",
        fallback_text="Regrets: what I can do",
        rows=rows,
        sign_out=action("Sign out", {"verb": "say", "text": "sign out"}),
        invitations=action("Turn on invitation cards", {"verb": "say", "text": "turn on invitation cards"}),
    )


def notice_card(text: str, *, style: str = "default") -> dict[str, Any]:
    """A one-line card, e.g. in place of a card whose button was already used."""
    if style not in NOTICE_STYLES:
        raise ValueError(f"unknown container style {style!r}")
    return render("notice", text=text, style=style)
