"""Sample meetings and every card variant Regrets can send, for the card tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from dialogs import cards
from graph.models import Event, Person

ZONE = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 27, 8, 0, tzinfo=ZONE)  # Friday morning
ANN = Person("Ann Lee", "ann@contoso.example")
# Markdown, HTML, quotes, emoji and a template placeholder: all must reach the user literally.
TRICKY_SUBJECT = '**Q4** _plan_ [click](https://evil.example) # "big" <b>day</b> 🚀 `x` ${requestId}'
TRICKY_NAME = "*Bob* [Admin](https://evil.example)"
COMMENT = "Sorry,\n**sick** today\n- back on Monday"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


WEEKLY = Event(
    id="ev-weekly",
    subject="Weekly sync",
    start=at(27, 15),
    end=at(27, 15, 30),
    type="occurrence",
    series_master_id="ev-weekly-master",
    organizer=ANN,
    response="accepted",
)
SINGLE = Event(
    id="ev-single",
    subject="Budget review",
    start=at(27, 10),
    end=at(27, 11),
    organizer=ANN,
    response="notResponded",
)
ALL_DAY = Event(
    id="ev-offsite",
    subject="Team offsite 🎉",
    start=date(2026, 11, 27),
    end=date(2026, 11, 29),
    is_all_day=True,
    organizer=ANN,
    response="tentativelyAccepted",
)
OWN = Event(
    id="ev-own",
    subject="My planning session",
    start=at(27, 13),
    end=at(27, 14),
    is_organizer=True,
    response="organizer",
    organizer=Person("Me", "me@contoso.example"),
    allow_new_time_proposals=False,
)
DECLINED = Event(
    id="ev-declined", subject="Vendor demo", start=at(27, 11), end=at(27, 12), organizer=ANN, response="declined"
)
CANCELLED = Event(
    id="ev-cancelled",
    subject="Lunch and learn",
    start=at(27, 12),
    end=at(27, 13),
    organizer=ANN,
    is_cancelled=True,
    response="accepted",
)
PAST = Event(
    id="ev-past", subject="Early standup", start=at(27, 7), end=at(27, 7, 15), organizer=ANN, response="accepted"
)
TRICKY = Event(
    id="ev-tricky",
    subject=TRICKY_SUBJECT,
    start=at(27, 16),
    end=at(28, 1),
    organizer=Person(TRICKY_NAME, ""),
    response="none",
)
LONG = Event(
    id="ev-long",
    subject="Very long subject " * 20,
    start=at(27, 17),
    end=at(27, 18),
    organizer=Person("", "noname@contoso.example"),
)
UNTITLED = Event(id="ev-untitled", subject="", start=at(27, 18), end=at(27, 18, 30), organizer=None)

DAY = [PAST, SINGLE, DECLINED, CANCELLED, OWN, WEEKLY, TRICKY, LONG, UNTITLED, ALL_DAY]


def many(n: int) -> list[Event]:
    """n distinct meetings with long subjects and ids as long as Graph's (~150 characters)."""
    return [
        replace(
            SINGLE,
            id=f"AAMkAGI2TG93AAA{i:04d}".ljust(152, "Q"),
            subject=f"Project {i} " + "status review " * 12,
            start=at(27, 9 + i % 9, (i * 5) % 60),
            end=at(27, 10 + i % 9),
        )
        for i in range(n)
    ]


@dataclass
class Result:
    event: Event
    ok: bool
    reason: str | None = None


RESULTS = [
    Result(WEEKLY, True),
    Result(SINGLE, True),
    Result(TRICKY, True),
    Result(ALL_DAY, True),
    Result(LONG, False, "Outlook asked me to slow down. Nothing was changed; please try again in a minute."),
]


def variants() -> dict[str, dict[str, Any]]:
    """Every card variant, by name."""
    out: dict[str, dict[str, Any]] = {}
    for verb in ("decline", "accept", "tentativelyAccept"):
        out[f"confirm-{verb}-recurring"] = cards.confirm_card(
            WEEKLY,
            verb=verb,
            comment=COMMENT,
            notify=True,
            request_id="req-1",
            allow_series=True,
            allow_propose=True,
            user_zone_label="Europe/London",
        )
    out["confirm-single-no-notify"] = cards.confirm_card(
        SINGLE,
        verb="decline",
        comment=None,
        notify=False,
        request_id="req-2",
        allow_series=False,
        allow_propose=False,
        user_zone_label="America/Port_of_Spain",
    )
    out["confirm-all-day"] = cards.confirm_card(
        ALL_DAY,
        verb="decline",
        comment=None,
        notify=True,
        request_id="req-3",
        allow_series=False,
        allow_propose=True,
        user_zone_label="",
    )
    out["confirm-tricky"] = cards.confirm_card(
        TRICKY,
        verb="decline",
        comment=COMMENT,
        notify=True,
        request_id="req-4",
        allow_series=False,
        allow_propose=True,
        user_zone_label="Europe/London",
        scope="series",
    )
    for verb in ("decline", "accept", "tentativelyAccept"):
        out[f"confirm-{verb}-series"] = cards.confirm_card(
            WEEKLY, verb=verb, comment=COMMENT, request_id="req-12", allow_series=True, scope="series"
        )
    out["confirm-left-out"] = cards.confirm_card(
        SINGLE, request_id="req-16", notice=f"You have already declined “{TRICKY_SUBJECT}”."
    )
    out["choice-bulk-series"] = cards.choice_card(
        [WEEKLY, replace(TRICKY, series_master_id="ev-tricky-master", type="occurrence")],
        verb="decline",
        comment=COMMENT,
        request_id="req-13",
        offer_all=True,
        scope="series",
        notice=f"You organize “{TRICKY_SUBJECT}”, so there is no invitation to answer (I can cancel it instead).",
    )
    out["cancel-meeting-series"] = cards.cancel_meeting_card(
        replace(OWN, type="occurrence", series_master_id="ev-own-master"),
        comment=None,
        request_id="req-14",
        asked_to_cancel=True,
        scope="series",
    )
    out["summary-series"] = cards.summary_card(RESULTS, verb="decline", scope="series")
    out["choice"] = cards.choice_card(
        [WEEKLY, SINGLE, TRICKY], verb="decline", comment=COMMENT, notify=True, request_id="req-5"
    )
    out["choice-bulk"] = cards.choice_card(
        [WEEKLY, SINGLE, ALL_DAY, LONG], verb="accept", comment=None, notify=False, request_id="req-6", offer_all=True
    )
    out["agenda"] = cards.agenda_card(
        DAY, title="Your meetings on Friday 27 Nov", request_id="req-7", note="Times in Europe/London", now=NOW
    )
    out["agenda-accept-nothing-found"] = cards.agenda_card(
        DAY,
        title="Your meetings on Friday 27 Nov",
        request_id="req-15",
        now=NOW,
        verb="accept",
        lead="Nothing called “**x** [y](https://evil.example)” today.",
    )
    out["agenda-empty"] = cards.agenda_card(
        [], title="Your meetings on Saturday 28 Nov", request_id="req-8", note=None, now=NOW
    )
    out["agenda-30"] = cards.agenda_card(many(30), title="Your meetings on Friday 27 Nov", request_id="req-9", now=NOW)
    for verb in ("decline", "accept", "tentativelyAccept", "cancel"):
        out[f"outcome-{verb}"] = cards.outcome_card(
            WEEKLY, verb=verb, notify=True, comment=COMMENT, scope="series", ok=True, message=None
        )
    out["outcome-tricky-not-notified"] = cards.outcome_card(
        TRICKY, verb="decline", notify=False, comment=None, scope="occurrence", ok=True, message=None
    )
    out["outcome-failed"] = cards.outcome_card(
        SINGLE,
        verb="decline",
        notify=True,
        comment=COMMENT,
        scope="occurrence",
        ok=False,
        message="I couldn't find that meeting any more.",
    )
    out["summary"] = cards.summary_card(RESULTS, verb="decline")
    out["summary-all-ok"] = cards.summary_card(RESULTS[:1], verb="accept")
    out["summary-30"] = cards.summary_card(
        [Result(e, i % 3 != 0, "Outlook refused.") for i, e in enumerate(many(30))], verb="decline"
    )
    out["cancel-meeting"] = cards.cancel_meeting_card(OWN, comment=COMMENT, request_id="req-10")
    out["cancel-meeting-recurring"] = cards.cancel_meeting_card(
        replace(OWN, type="occurrence", series_master_id="ev-own-master"), comment=None, request_id="req-11"
    )
    out["consent-admin"] = cards.consent_card(
        "https://login.microsoftonline.com/common/adminconsent?client_id=x", admin=True
    )
    out["consent-user"] = cards.consent_card(
        "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1", admin=False
    )
    out["help"] = cards.help_card(["decline my 3pm", "decline the standup tomorrow, say I'm sick", "what's on Friday"])
    out["notice"] = cards.notice_card("Already declined — nothing more to do.", style="default")
    out["notice-attention"] = cards.notice_card("That card is out of date.", style="attention")
    out.update(invitation_variants())
    return out


def invitation_variants() -> dict[str, dict[str, Any]]:
    from dialogs.invitation_card import answered_elsewhere_card, cancelled_card, invitation_card
    from dialogs.invitations import offer_card, sign_in_again_card
    from graph.subscriptions import Invitation

    return {
        "invitation": invitation_card(
            Invitation(SINGLE, "Room 4.12", "https://teams.example/l/meetup-join/1"),
            [WEEKLY],
            request_id="req-20",
            zone_label="Europe/London",
        ),
        "invitation-tricky-moved": invitation_card(
            Invitation(replace(TRICKY, allow_new_time_proposals=False), TRICKY_NAME, ""),
            [SINGLE, WEEKLY, TRICKY],
            request_id="req-21",
            zone_label="",
            moved=True,
        ),
        "invitation-answered-in-outlook": answered_elsewhere_card(replace(SINGLE, response="tentativelyAccepted")),
        "invitation-cancelled": cancelled_card(TRICKY),
        "invitation-offer": offer_card(),
        "invitation-sign-in-again": sign_in_again_card(),
    }
