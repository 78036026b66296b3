"""act_many answers what it is given at the scope it is given: each meeting by default, each
series once when the card or the request said series; never wider than that.

Through the Graph stand-in: a weekly "Team standup" (Mon, Wed, Thu) and a single meeting.
"""

from __future__ import annotations

from datetime import timedelta

from dialogs import acting
from tests.dialogs.test_proposals_and_notes import weekly_series
from tests.fixtures.dialogs import NOW


async def _this_week(chat):
    token = chat.tokens.source(chat.user.oid)
    events = await chat.services.graph.calendar_view(token, NOW, NOW + timedelta(days=5), tz_name="America/Los_Angeles")
    return token, events


async def test_by_default_each_meeting_is_answered_and_its_series_is_left_alone(chat):
    await chat.sign_in()
    master = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    token, events = await _this_week(chat)
    standups = [e for e in events if e.series_master_id == master]
    assert len(standups) == 2  # Wednesday and Thursday
    results = await acting.act_many(chat.services.graph, token, standups, verb="decline", comment=None, notify=True)
    assert all(r.ok for r in results)
    assert sorted(d.event_id for d in chat.decisions()) == sorted(e.id for e in standups)


async def test_at_series_scope_two_meetings_of_one_series_answer_that_series_once(chat):
    await chat.sign_in()
    master = weekly_series(chat, "Team standup", 9, ["monday", "wednesday", "thursday"])
    single = chat.meeting("Budget review", 15, day=1)
    token, events = await _this_week(chat)
    chosen = [e for e in events if e.series_master_id == master or e.id == single]
    results = await acting.act_many(
        chat.services.graph, token, chosen, verb="decline", comment="Away", notify=False, scope="series"
    )
    # One result per series (shown by its first meeting), and the single meeting as itself.
    assert [(r.event.subject, r.ok) for r in results] == [("Team standup", True), ("Budget review", True)]
    decided = sorted((d.event_id, d.comment, d.send_response) for d in chat.decisions())
    assert decided == sorted([(master, "Away", False), (single, "Away", False)])
    assert acting.bulk_sentence("decline", results, "series") == "Declined 2 series."
