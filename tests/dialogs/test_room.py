"""dialogs/ is the conversation and nothing else: no Bot Framework, nothing from the rooms above it."""

from __future__ import annotations

from tests.structure.imports import modules, offenders, top

BOT_SDK = ("botbuilder", "botframework", "msrest", "aiohttp")


def test_dialogs_imports_no_bot_framework_and_nothing_from_bot_or_app():
    assert offenders(modules("dialogs"), lambda name: top(name) in (*BOT_SDK, "bot", "app")) == {}


def test_a_planted_botbuilder_import_would_be_caught(tmp_path):
    from tests.structure.imports import imported

    (tmp_path / "dialogs").mkdir()
    probe = tmp_path / "dialogs" / "probe.py"
    probe.write_text("def later():\n    from botbuilder.core import TurnContext\n")
    assert "botbuilder.core" in imported(probe, root=tmp_path)
