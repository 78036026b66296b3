"""The bot acts on exactly what the contract decides: for every case in
tests/understanding/kinds.jsonl, the plan's meetings, answer, note, notify choice and scope
are the `Decision`'s (the plan only adds sentences and cards around it).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dialogs.acting import target_id
from dialogs.plan import VERBS, make_plan
from graph.models import Event
from understanding import day_first_for, fetch_window, parse, resolve
from understanding.decide import decide
from understanding.eval import _overlaps

KINDS = Path(__file__).parents[1] / "understanding" / "kinds.jsonl"
CASES = [json.loads(line) for line in KINDS.read_text().splitlines() if line.strip()]
ACTING = ("act", "confirm", "bulk", "act_all")


def plan_and_decision(case: dict):
    tz = ZoneInfo(case.get("timezone") or "UTC")
    now = datetime.fromisoformat(case["now"]).astimezone(tz)
    request = parse(case["utterance"], now, day_first=day_first_for(case.get("timezone"), case.get("locale")))
    start, end = fetch_window(request, now)
    events = [Event.from_graph(obj, tz) for obj in case.get("calendar") or []]
    events = [e for e in events if _overlaps(e, start, end, tz)]
    resolution = resolve(request, events, now)
    decision = decide(request, resolution)
    return make_plan(request, resolution, now, decision), decision


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_what_the_plan_would_act_on_is_exactly_the_decision(case):
    plan, decision = plan_and_decision(case)
    if plan.kind in ACTING:
        assert decision.status == "matched"
        assert [target_id(e, plan.scope) for e in plan.events] == list(decision.event_ids)
        assert plan.verb == VERBS[decision.intent]
        assert (plan.comment, plan.notify, plan.scope) == (
            decision.comment,
            decision.send_response,
            decision.scope,
        )
    if decision.status == "matched" and decision.intent != "cancel":
        assert plan.kind in ACTING
