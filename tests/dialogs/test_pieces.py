"""The conversation's small pure pieces: event snapshots, proposed times, failure sentences."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from dialogs import texts
from dialogs.clicks import proposal_of, read_action
from dialogs.failures import NO_PROPOSALS, NOT_ORGANIZER, OWN_MEETING, sentence_for
from dialogs.snapshots import restore, snapshot
from graph import errors
from graph.models import Event, Person
from graph.tokens import ConsentRequired

PACIFIC = ZoneInfo("America/Los_Angeles")


def timed(**fields) -> Event:
    values = dict(
        id="AAMkAD+/x==",
        subject="Budget review",
        start=datetime(2026, 1, 13, 15, 0, tzinfo=PACIFIC),
        end=datetime(2026, 1, 13, 15, 30, tzinfo=PACIFIC),
        type="occurrence",
        series_master_id="AAMkSM==",
        allow_new_time_proposals=False,
        response="tentativelyAccepted",
        organizer=Person(name="Bob Organizer", address="bob@contoso.example"),
    )
    values.update(fields)
    return Event(**values)


def proposed_time(data: dict, event: Event):
    """The proposal a confirm-card click carries (its inputs as Teams sends them)."""
    return proposal_of(read_action({"verb": "decline", **data}), event)


# ---- snapshots ---------------------------------------------------------------------------------


def test_a_snapshot_restores_the_same_meeting_at_the_same_instant_in_the_same_zone():
    event = timed()
    back = restore(snapshot(event))
    assert (back.id, back.subject, back.start, back.end) == (event.id, event.subject, event.start, event.end)
    assert back.start.utcoffset() == event.start.utcoffset()
    assert back.start.hour == 15
    assert (back.type, back.series_master_id, back.allow_new_time_proposals, back.response) == (
        "occurrence",
        "AAMkSM==",
        False,
        "tentativelyAccepted",
    )
    assert back.organizer == event.organizer


def test_a_snapshot_keeps_whether_the_user_organizes_the_meeting():
    assert restore(snapshot(timed(is_organizer=True, response="organizer"))).is_organizer


def test_an_all_day_snapshot_restores_its_dates():
    event = Event(id="d", subject="Offsite", start=date(2026, 1, 13), end=date(2026, 1, 14), is_all_day=True)
    back = restore(snapshot(event))
    assert (back.is_all_day, back.start, back.end) == (True, date(2026, 1, 13), date(2026, 1, 14))


def test_a_snapshot_survives_a_json_round_trip_through_storage():
    import json

    data = json.loads(json.dumps(snapshot(timed())))
    assert restore(data).start == timed().start


def test_a_snapshot_clips_a_huge_subject():
    assert len(snapshot(timed(subject="x" * 5000))["subject"]) == 200


def test_a_meeting_without_organizer_snapshots_without_one():
    data = snapshot(timed(organizer=None))
    assert "organizer" not in data
    assert restore(data).organizer is None


# ---- proposed_time (the confirm card's "propose a new time" inputs) -----------------------------------


def test_a_proposed_time_is_read_in_the_meetings_zone():
    proposal = proposed_time(
        {"propose": "true", "proposeDate": "2026-01-14", "proposeStart": "16:00", "proposeEnd": "16:30"}, timed()
    )
    assert proposal == (datetime(2026, 1, 14, 16, 0, tzinfo=PACIFIC), datetime(2026, 1, 14, 16, 30, tzinfo=PACIFIC))


@pytest.mark.parametrize(
    "data",
    [
        {"proposeDate": "2026-01-14", "proposeStart": "16:00", "proposeEnd": "16:30"},  # toggle off
        {"propose": "false", "proposeDate": "2026-01-14", "proposeStart": "16:00", "proposeEnd": "16:30"},
        {"propose": "true", "proposeDate": "2026-01-14", "proposeStart": "16:30", "proposeEnd": "16:00"},
        {"propose": "true", "proposeDate": "2026-01-14", "proposeStart": "16:00", "proposeEnd": "16:00"},
        {"propose": "true", "proposeDate": "tomorrow", "proposeStart": "16:00", "proposeEnd": "16:30"},
        {"propose": "true", "proposeDate": "2026-01-14", "proposeStart": "4pm", "proposeEnd": "16:30"},
        {"propose": "true", "proposeStart": "16:00", "proposeEnd": "16:30"},
    ],
)
def test_no_proposal_unless_the_toggle_is_on_and_the_times_make_sense(data):
    assert proposed_time(data, timed()) is None


def test_an_all_day_meeting_gets_no_proposed_time():
    all_day = Event(id="d", subject="Offsite", start=date(2026, 1, 13), end=date(2026, 1, 14), is_all_day=True)
    data = {"propose": "true", "proposeDate": "2026-01-14", "proposeStart": "16:00", "proposeEnd": "16:30"}
    assert proposed_time(data, all_day) is None


# ---- failure sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (errors.CommentTooLong(2500), texts.COMMENT_TOO_LONG),
        (errors.OwnMeeting(), OWN_MEETING),
        (errors.ProposalNotAllowed(), NO_PROPOSALS),
        (errors.NotAllowed(reason="own_meeting"), OWN_MEETING),
        (errors.NotAllowed(reason="proposals_not_allowed"), NO_PROPOSALS),
        (errors.NotAllowed(reason="not_organizer"), NOT_ORGANIZER),
        (errors.NotAllowed(), "Outlook wouldn't allow that for this meeting. Nothing was changed."),
        (errors.NotFound(), texts.NOT_FOUND),
        (errors.Throttled(retry_after=30), texts.GRAPH_THROTTLED),
        (errors.Unavailable(), texts.GRAPH_DOWN),
        (errors.Forbidden(), texts.GRAPH_FORBIDDEN),
        (errors.BadResponse(), texts.FAILED),
        (errors.InvalidRequest(), texts.FAILED),
        (RuntimeError("boom: secret detail"), texts.FAILED),
        (ConsentRequired("consent"), texts.FAILED),
        (None, texts.FAILED),
    ],
)
def test_each_graph_failure_becomes_a_sentence_a_user_can_act_on(error, sentence):
    assert sentence_for(error) == sentence


def test_no_failure_sentence_repeats_graphs_own_message():
    error = errors.NotFound("ErrorItemNotFound", graph_message="The specified object was not found in the store.")
    assert "store" not in sentence_for(error)


# ---- a series' span (from its master's recurrence range) -----------------------------------------------


@pytest.mark.parametrize(
    ("range_", "span"),
    [
        (
            {"type": "endDate", "startDate": "2026-01-06", "endDate": "2026-03-31"},
            (date(2026, 1, 6), date(2026, 3, 31)),
        ),
        ({"type": "noEnd", "startDate": "2026-01-06"}, (date(2026, 1, 6), None)),
        ({"type": "numbered", "startDate": "2026-01-06", "numberOfOccurrences": 10}, None),
        ({"type": "endDate", "startDate": "not a date", "endDate": "2026-03-31"}, None),
    ],
)
def test_a_series_span_is_read_from_its_range_and_never_guessed(range_, span):
    master = {
        "id": "m",
        "start": {"dateTime": "2026-01-06T15:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-01-06T15:30:00", "timeZone": "UTC"},
    }
    assert Event.from_graph({**master, "recurrence": {"range": range_}}).recurrence_span == span


def test_a_series_text_names_the_series_and_says_only_what_its_span_says():
    from dialogs.cards import series_text

    assert (
        series_text("Standup", (date(2026, 1, 6), date(2026, 3, 31))) == "every “Standup” from Tue 6 Jan to Tue 31 Mar"
    )
    assert series_text("Standup", (date(2026, 1, 6), None)) == "every “Standup” from Tue 6 Jan, with no end date"
    assert series_text("Standup", None) == "every “Standup”"
