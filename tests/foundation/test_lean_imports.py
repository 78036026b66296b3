"""Regrets does not load botbuilder's Recognizers-Text prompts' models, yet a prompt that needs them still works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.process


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_building_the_bot_loads_no_recognizers_models():
    out = run(
        "import sys, app\n"
        "from settings import Settings\n"
        "app.build(Settings.from_mapping({}))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('recognizers_number.', 'recognizers_date_time.', 'emoji'))))"
    )
    assert out == "[]"


def test_a_botbuilder_number_prompt_recognizer_still_works_when_used():
    out = run(
        "import bot\n"
        "from botbuilder.dialogs.prompts.number_prompt import recognize_number\n"
        "from botbuilder.dialogs.prompts.prompt_culture_models import PromptCultureModels\n"
        "print(recognize_number('three apples', PromptCultureModels.English.locale)[0].resolution['value'])"
    )
    assert out == "3"
