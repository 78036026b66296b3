"""The contract command as a process: output lines, scoring, and a missing file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.process  # starts other processes

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).with_name("cases.jsonl")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "understanding.eval", *args], cwd=ROOT, capture_output=True, text=True, timeout=30
    )


def test_it_prints_one_json_answer_per_case_with_the_six_fields_and_the_id(tmp_path):
    lines = CASES.read_text(encoding="utf-8").splitlines()[:5]
    source = tmp_path / "few.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _run(str(source))
    assert done.returncode == 0
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["id"] for a in answers] == [json.loads(line)["id"] for line in lines]
    for answer in answers:
        assert set(answer) == {"id", "intent", "status", "event_ids", "comment", "send_response", "scope"}


def test_score_reports_accuracy_and_names_the_failures_on_stderr(tmp_path):
    case = json.loads(CASES.read_text(encoding="utf-8").splitlines()[0])
    case["expect"]["status"] = "ambiguous"
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(case) + "\n", encoding="utf-8")
    done = _run(str(source), "--score")
    assert done.returncode == 0
    assert "accuracy: 0/1" in done.stderr
    assert case["id"] in done.stderr


def test_a_missing_file_gives_one_clear_line_and_exit_code_2(tmp_path):
    done = _run(str(tmp_path / "nope.jsonl"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "nope.jsonl" in done.stderr
