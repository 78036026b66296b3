"""How long understanding takes: parse + resolve per request against a 50-event day.

Run from the repository root: `.venv/bin/python -m bench.understanding`. Prints the
median and the 99th percentile in milliseconds (the target is a median under 0.5 ms).
"""

from __future__ import annotations

import json
import statistics
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from graph.models import Event
from understanding import fetch_window, fuzzy, parse, resolve
from understanding.decide import decide
from understanding.resolve import name_words

UTTERANCES = [
    "decline my 3pm",
    "decline my 4pm and tell them I'm travelling",
    "decline the standup tomorrow",
    "decline everything on Friday",
    "decline lunch with Kim",
    "decline my 1:1 with Alex on thrusday",
    "decline the 3pm offsite prep and the 4pm retro",
    "decline my next meeting",
    "decline the design review series",
    "<at>Regrets</at> hi! can you please decline my 11am but don't notify anyone 🙏",
    "Decline the town hall. I'm presenting at a customer site.",
    "decline all my meetings tomorrow afternoon",
    "tentatively accept the vendor demo on Dec 3",
    "decline the rest of today, say I'm sick",
    "I'm out sick today, please decline all my meetings",
    "accept the budget sync",
    "decline my 11am Eastern",
    "decline the 2 o'clock Berlin time call",
    "decline the meeting I'm in right now",
    "decline the call before the town hall",
    "decline the retro next Friday",
    "decline the 2pm and suggest 5pm instead",
    "decline all the Tuesday budget syncs",
    "decline the 1430 tomorrow",
]
SUBJECTS = [
    "Standup",
    "Design review",
    "Lunch",
    "Alex / Dana 1:1",
    "Offsite prep",
    "Retro",
    "Budget sync",
    "Vendor demo",
    "Town hall",
    "Interview loop",
]


def day_of_events(tz: ZoneInfo, now: datetime, count: int = 50) -> list[Event]:
    out = []
    for i in range(count):
        start = now.replace(hour=8, minute=0) + timedelta(minutes=15 * (i % 40), days=i // 40)
        obj = {
            "id": f"AAMk{i:04d}",
            "subject": SUBJECTS[i % len(SUBJECTS)] + ("" if i < 10 else f" {i}"),
            "isAllDay": False,
            "isCancelled": False,
            "isOrganizer": i % 17 == 0,
            "responseStatus": {"response": "none"},
            "type": "occurrence" if i % 3 == 0 else "singleInstance",
            "seriesMasterId": f"M{i % 5}" if i % 3 == 0 else None,
            "start": {
                "dateTime": start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                "timeZone": "UTC",
            },
            "end": {
                "dateTime": (start + timedelta(minutes=30))
                .astimezone(ZoneInfo("UTC"))
                .strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                "timeZone": "UTC",
            },
            "organizer": {"emailAddress": {"name": "Adele Vance", "address": "adele@contoso.example"}},
            "attendees": [
                {"emailAddress": {"name": n, "address": n.lower() + "@contoso.example"}}
                for n in ("Kim Lee", "Alex Chen")[: i % 3]
            ],
        }
        out.append(Event.from_graph(obj, tz))
    return out


def main() -> None:
    tz = ZoneInfo("America/Los_Angeles")
    now = datetime(2026, 11, 24, 9, 0, tzinfo=tz)
    events = day_of_events(tz, now)
    cases = [(u, now, events) for u in UTTERANCES]
    shared = Path(__file__).resolve().parents[1] / "tests" / "understanding" / "cases.jsonl"
    if shared.exists():
        for line in shared.read_text(encoding="utf-8").splitlines()[:60]:
            case = json.loads(line)
            ctz = ZoneInfo(case["timezone"])
            cnow = datetime.fromisoformat(case["now"]).astimezone(ctz)
            cases.append((case["utterance"], cnow, day_of_events(ctz, cnow)))
    for utterance, when, evs in cases:  # warm-up: regex caches, first-call costs
        resolve(parse(utterance, when), evs, when)
    for label, cold in (("warm caches", False), ("cold caches", True)):
        samples = measure(cases, cold)
        p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
        print(f"understanding ({label}): {len(samples)} runs over {len(cases)} requests x 50 events")
        print(f"  median {statistics.median(samples):.3f} ms   p99 {p99:.3f} ms   max {samples[-1]:.3f} ms")


def measure(cases: list, cold: bool) -> list[float]:
    samples = []
    for _ in range(20):
        for utterance, when, evs in cases:
            if cold:
                for cached in (fuzzy.words, fuzzy.similar, fuzzy.closest, name_words):
                    cached.cache_clear()
            started = time.perf_counter()
            request = parse(utterance, when)
            fetch_window(request, when)
            decide(request, resolve(request, evs, when))
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return samples


if __name__ == "__main__":
    main()
