"""Rules every Regrets card keeps: Teams' schema limit, the action contract, theme-safe colours,
labelled inputs, literal user text and a size Teams accepts."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from dialogs import cards
from tests.cards import samples
from tests.cards.walk import actions, markdown_texts, objects, of_type, runs

VARIANTS = samples.variants()
NAMES = list(VARIANTS)
KNOWN_VERBS = {
    "decline",
    "accept",
    "tentativelyAccept",
    "respondAll",
    "cancelMeeting",
    "dismiss",
    "say",
    "acceptInvitation",
    "tentativeInvitation",
    "declineInvitation",
}
SEMANTIC_COLOURS = {"default", "good", "attention", "accent", "warning"}
CONTAINER_STYLES = {"default", "emphasis", "good", "attention", "warning", "accent"}
# Keys whose values are text for people; everything else is structure and must not carry a hex colour.
TEXT_KEYS = {"text", "title", "placeholder", "value", "fallbackText", "label", "url"}
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
NO_ACTIONS = [n for n in NAMES if n.startswith(("outcome", "summary", "notice"))]


def _version(card):
    major, minor = card["version"].split(".")
    return int(major), int(minor)


@pytest.mark.parametrize("name", NAMES)
def test_every_card_declares_a_schema_version_teams_renders(name):
    card = VARIANTS[name]
    assert card["type"] == "AdaptiveCard"
    assert (1, 0) <= _version(card) <= (1, 5)


@pytest.mark.parametrize("name", NAMES)
def test_every_execute_button_has_a_verb_and_an_equivalent_submit_fallback(name):
    for act in actions(VARIANTS[name]):
        if act["type"] != "Action.Execute":
            assert act["type"] in ("Action.OpenUrl", "Action.ToggleVisibility"), act["type"]
            continue
        assert act["verb"] in KNOWN_VERBS
        assert act["data"]["verb"] == act["verb"]
        fallback = act["fallback"]
        assert fallback["type"] == "Action.Submit"
        assert fallback["data"] == act["data"]
        assert fallback["title"] == act["title"]
        assert fallback.get("associatedInputs") == act.get("associatedInputs")


@pytest.mark.parametrize("name", NAMES)
def test_every_button_carries_the_request_and_the_meetings_it_acts_on(name):
    for act in actions(VARIANTS[name]):
        data = act.get("data")
        if data is None:
            continue
        verb = data["verb"]
        if verb == "say":
            assert data["text"].strip()
            continue
        assert data["requestId"].startswith("req-")
        if verb in ("decline", "accept", "tentativelyAccept", "cancelMeeting"):
            assert data["eventId"].startswith(("ev-", "AAMk"))
        if verb == "respondAll":
            assert len(data["eventIds"]) > 1 and data["response"] in ("decline", "accept", "tentativelyAccept")
        if "notify" in data:
            assert data["notify"] in ("true", "false")


@pytest.mark.parametrize("name", NAMES)
def test_colours_are_semantic_so_light_and_dark_themes_both_read(name):
    card = VARIANTS[name]
    for obj in objects(card):
        assert "backgroundImage" not in obj
        if "color" in obj:
            assert obj["color"] in SEMANTIC_COLOURS, obj["color"]
        if obj.get("type") in ("Container", "Column", "ColumnSet") and "style" in obj:
            assert obj["style"] in CONTAINER_STYLES
        for key, value in obj.items():
            if isinstance(value, str) and key not in TEXT_KEYS:
                assert not HEX.search(value), f"{key}={value}"


@pytest.mark.parametrize("name", NAMES)
def test_every_input_has_an_id_and_a_label_and_ids_are_unique(name):
    inputs = of_type(VARIANTS[name], "Input.")
    for field in inputs:
        assert field["id"]
        # A toggle's title is the label written beside its box.
        assert field.get("label") or (field["type"] == "Input.Toggle" and field.get("title"))
    ids = [o["id"] for o in objects(VARIANTS[name]) if "id" in o]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", NO_ACTIONS)
def test_outcome_summary_and_notice_cards_offer_nothing_to_click(name):
    card = VARIANTS[name]
    assert actions(card) == []
    assert of_type(card, "Input.") == []
    assert of_type(card, "Action.") == []


@pytest.mark.parametrize("name", NAMES)
def test_people_typed_text_never_reaches_markdown_rendering(name):
    card = VARIANTS[name]
    for text in markdown_texts(card):
        assert "evil.example" not in text
        assert "**" not in text and "`" not in text
        assert "Bob" not in text
        assert "Port_of_Spain" not in text


def test_a_subject_with_markdown_html_emoji_and_placeholders_is_shown_exactly_as_written():
    card = VARIANTS["confirm-tricky"]
    assert samples.TRICKY_SUBJECT in runs(card)
    assert any(samples.TRICKY_NAME in text for text in runs(card))
    assert "${requestId}" in json.dumps(card, ensure_ascii=False)


@pytest.mark.parametrize("name", ["agenda-30", "summary-30", "choice-bulk"])
def test_large_cards_stay_under_teams_message_size(name):
    size = len(json.dumps(VARIANTS[name]).encode("utf-8"))
    assert size < 24_000, size  # Teams' limit is ~28 KB for the whole activity


def test_an_agenda_of_30_long_meetings_shows_what_fits_and_says_how_many_more():
    card = VARIANTS["agenda-30"]
    shown = [a["data"]["eventId"] for a in actions(card) if a["verb"] == "decline"]
    assert 10 <= len(shown) <= cards.MAX_ROWS
    assert shown == [e.id for e in samples.many(30)[: len(shown)]]
    more = [o["text"] for o in of_type(card, "TextBlock") if o["text"].startswith("and ")]
    assert more == [f"and {30 - len(shown)} more"]


def test_an_agenda_of_30_short_meetings_stops_at_the_row_limit():
    events = [replace(samples.SINGLE, id=f"ev-{i}", subject=f"Chat {i}") for i in range(30)]
    card = cards.agenda_card(events, title="Your meetings", request_id="req-x", now=samples.NOW)
    assert len([a for a in actions(card) if a["verb"] == "decline"]) == cards.MAX_ROWS
    assert [o["text"] for o in of_type(card, "TextBlock") if o["text"].startswith("and ")] == [
        f"and {30 - cards.MAX_ROWS} more"
    ]
