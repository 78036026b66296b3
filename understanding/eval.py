"""The understanding contract as a command: `python -m understanding.eval CASES.jsonl [--score]`.

Each input line is a case (utterance, now, timezone, calendar as Graph returns it); each
output line is what Regrets would do with it, decided by the same parse -> resolve code
the bot runs. With --score, cases that carry `expect` are compared and the accuracy and
the failures are printed on stderr. Described in /work/shared/eval/README.md.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from graph.models import Event
from graph.timezones import zone
from understanding import day_first_for, fetch_window, parse, resolve
from understanding.decide import decide as decided

FIELDS = ("intent", "status", "event_ids", "comment", "send_response", "scope")


def _zone(name: str) -> Any:
    try:
        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - an odd zone name falls back like Graph's names do
        return zone(name)


def _decide(case: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """One case's answer in the contract's shape, and the Decision's reasons (for --score)."""
    tz = _zone(str(case.get("timezone") or "UTC"))
    now = datetime.fromisoformat(str(case["now"]))
    now = now.astimezone(tz) if now.tzinfo else now.replace(tzinfo=tz)
    events = [Event.from_graph(obj, tz) for obj in case.get("calendar") or []]
    locale = case.get("locale") if isinstance(case.get("locale"), str) else None
    request = parse(str(case.get("utterance") or ""), now, day_first=day_first_for(case.get("timezone"), locale))
    # Like calendarView, the bot only sees events overlapping the window it asks Graph for.
    start, end = fetch_window(request, now)
    events = [e for e in events if _overlaps(e, start, end, tz)]
    decision = decided(request, resolve(request, events, now))
    answer = {
        "id": case.get("id"),
        "intent": decision.intent,
        "status": decision.status,
        "event_ids": list(decision.event_ids),
        "comment": decision.comment,
        "send_response": decision.send_response,
        "scope": decision.scope,
    }
    return answer, decision.reasons


def decide(case: dict[str, Any]) -> dict[str, Any]:
    """One case's answer in the contract's shape."""
    return _decide(case)[0]


def _overlaps(event: Event, start: datetime, end: datetime, tz: Any) -> bool:
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        return event.start < end and (event.end > start or event.end == event.start >= start)
    first = datetime.combine(event.start, time(0), tzinfo=tz)
    last = datetime.combine(event.end, time(0), tzinfo=tz)
    return first < end and last > start


def _plain(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    return re.sub(r"[^\w\s]", "", text.lower()).split() or None


def same(field: str, got: Any, want: Any) -> bool:
    if field == "comment":
        return _plain(got) == _plain(want)
    return got == want


def confident_wrong(got: dict[str, Any], want: dict[str, Any]) -> bool:
    """Regrets would act at once on a meeting, an intent or a scope that was not meant."""
    if got.get("status") != "matched" or got.get("intent") == "other":
        return False
    return (
        want.get("status") != "matched"
        or got.get("intent") != want.get("intent")
        or got.get("event_ids") != want.get("event_ids")
        or got.get("scope") != want.get("scope")
    )


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    score = "--score" in argv
    if len(args) != 1:
        print("usage: python -m understanding.eval CASES.jsonl [--score]", file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip()]
    except OSError as exc:
        print(f"cannot read {args[0]}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    total = right = 0
    failures = []
    kinds: dict[str, list[int]] = {}  # kind -> [cases, fully right, confident wrong acts]
    for number, line in enumerate(lines, 1):
        try:
            case = json.loads(line)
            answer, why = _decide(case)
        except (ValueError, KeyError, TypeError) as exc:
            print(f"line {number}: not a valid case ({type(exc).__name__})", file=sys.stderr)
            return 2
        print(json.dumps(answer), flush=False)
        want = case.get("expect")
        if score and isinstance(want, dict):
            total += 1
            wrong = [f for f in FIELDS if not same(f, answer.get(f), want.get(f))]
            tally = kinds.setdefault(str(case.get("kind") or "-"), [0, 0, 0])
            tally[0] += 1
            tally[1] += not wrong
            tally[2] += confident_wrong(answer, want)
            if wrong:
                failures.append(
                    (case.get("id"), case.get("utterance"), {f: (answer.get(f), want.get(f)) for f in wrong}, why)
                )
            else:
                right += 1
    sys.stdout.flush()
    if score:
        for cid, utterance, diff, why in failures:
            print(f"FAIL {cid}: {utterance!r}", file=sys.stderr)
            if why:
                print(f"    why: {'; '.join(why)}", file=sys.stderr)
            for f, (got, want) in diff.items():
                print(f"    {f}: got {got!r}, want {want!r}", file=sys.stderr)
        if len(kinds) > 1 or "-" not in kinds:
            for kind, (n, ok, bad) in sorted(kinds.items()):
                print(f"kind {kind}: {ok}/{n} right, {bad} confident wrong", file=sys.stderr)
        pct = 100.0 * right / total if total else 0.0
        print(f"accuracy: {right}/{total} ({pct:.1f}%)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
