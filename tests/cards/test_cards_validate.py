"""Every card variant, parsed and validated by the real `adaptivecards` package (one node run)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cards.samples import variants

pytestmark = pytest.mark.process  # starts other processes

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("validate.js")
VARIANTS = variants()
# A card with the mistakes the validator must catch, sent in the same run.
BROKEN = {
    "type": "AdaptiveCard",
    "version": "1.5",
    "body": [
        {"type": "TextBlock", "text": "x", "colour": "good"},
        {"type": "TextBlock", "text": "y", "color": "#FF0000"},
    ],
    "actions": [
        {"type": "Action.Execute", "title": "Go", "verb": "go", "fallback": {"type": "Action.Submitt", "title": "Go"}},
    ],
}


@pytest.fixture(scope="module")
def validation(tmp_path_factory) -> dict[str, list[dict]]:
    node = shutil.which("node")
    assert node, "node is needed to validate cards with the adaptivecards package"
    names = [*VARIANTS, "broken"]
    path = tmp_path_factory.mktemp("cards") / "cards.json"
    path.write_text(json.dumps([*VARIANTS.values(), BROKEN]), encoding="utf-8")
    run = subprocess.run([node, str(SCRIPT), str(path)], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    return {names[r["index"]]: r["errors"] for r in results}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_card_variant_parses_and_validates_with_the_adaptivecards_package(validation, name):
    errors = validation[name]
    assert errors == [], "\n".join(f"{e['phase']}/{e['event']}: {e['message']}" for e in errors)


def test_the_validator_reports_a_misspelled_property_a_hex_colour_and_a_bad_fallback(validation):
    messages = "\n".join(e["message"] for e in validation["broken"])
    assert "colour" in messages
    assert "#FF0000" in messages
    assert "Action.Submitt" in messages
