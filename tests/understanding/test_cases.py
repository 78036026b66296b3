"""Every hand-written case (and the shared worked examples) goes through the eval command's code path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from understanding.eval import FIELDS, decide, same

HERE = Path(__file__).parent
# The shared worked examples sit in `shared/` beside the repository (CI, the main checkout) or
# beside a folder holding it (a worktree); found relative to this file, not at a fixed path.
EXAMPLES = next(
    (up / "shared" / "eval" / "examples.jsonl" for up in HERE.parents if (up / "shared/eval/examples.jsonl").is_file()),
    HERE.parents[2].parent / "shared" / "eval" / "examples.jsonl",
)
# Case files measured with `python -m understanding.eval FILE --score` but not yet required to pass.
# kinds.jsonl (issue 13's eleven kinds) passes and is required like the others.
NOT_YET: set[str] = set()


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _wrong(cases: list[dict]) -> list[str]:
    out = []
    for case in cases:
        got = decide(case)
        bad = {f: (got[f], case["expect"][f]) for f in FIELDS if not same(f, got[f], case["expect"][f])}
        if bad:
            out.append(
                f"{case['id']} {case['utterance']!r}: "
                + "; ".join(f"{f} got {g!r} want {w!r}" for f, (g, w) in bad.items())
            )
    return out


def test_the_hand_written_set_has_at_least_150_cases_in_several_zones():
    cases = [c for p in sorted(HERE.glob("*.jsonl")) if p.name not in NOT_YET for c in _load(p)]
    assert len(cases) >= 150
    assert len({c["timezone"] for c in cases}) >= 6


def test_every_hand_written_case_is_understood_as_a_person_expects():
    cases = [c for p in sorted(HERE.glob("*.jsonl")) if p.name not in NOT_YET for c in _load(p)]
    wrong = _wrong(cases)
    assert not wrong, f"{len(wrong)} of {len(cases)} wrong:\n" + "\n".join(wrong)


@pytest.mark.skipif(not EXAMPLES.exists(), reason="the shared worked examples are not on this machine")
def test_all_twenty_worked_examples_are_right():
    cases = _load(EXAMPLES)
    wrong = _wrong(cases)
    assert not wrong, "\n".join(wrong)


def test_every_case_typed_the_way_people_write_in_teams_is_understood():
    # Written apart from the parser's vocabulary (build_heldout.py): noisy, terse and polite
    # requests against calendars with DST weeks, foreign zones, clashes and answered meetings.
    cases = _load(HERE / "heldout_style.jsonl")
    assert len(cases) >= 120
    wrong = _wrong(cases)
    assert not wrong, f"{len(wrong)} of {len(cases)} wrong:\n" + "\n".join(wrong)


def test_every_case_in_styles_the_other_sets_lack_is_understood():
    # Written by a second pair of eyes (build_fresh_eyes.py): British/Indian/Australian and
    # non-native English, 24-hour dots and "16h", Teams rich text and emoji, organizers by
    # full name or email, punctuated subjects, and notes that carry time words of their own.
    cases = _load(HERE / "fresh_eyes.jsonl")
    assert len(cases) >= 80
    wrong = _wrong(cases)
    assert not wrong, f"{len(wrong)} of {len(cases)} wrong:\n" + "\n".join(wrong)


def test_every_case_on_a_busy_week_is_understood():
    # build_busy_weeks.py: packed days with titles sharing words, moved and cancelled
    # occurrences, organizers who also attend, clashes and meetings crossing midnight.
    cases = _load(HERE / "busy_weeks.jsonl")
    assert len(cases) >= 60
    wrong = _wrong(cases)
    assert not wrong, f"{len(wrong)} of {len(cases)} wrong:\n" + "\n".join(wrong)
