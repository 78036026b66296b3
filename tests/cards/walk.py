"""Looking inside built cards: every object, every action, every piece of visible text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the card except action payloads (`data`), which are never shown."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "data":
                yield from objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from objects(item)


def of_type(card: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    return [o for o in objects(card) if str(o.get("type", "")).startswith(prefix)]


def actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every clickable action, fallbacks excluded (they are checked with their Execute)."""
    found = []
    for obj in objects(card):
        for act in obj.get("actions", []) if isinstance(obj.get("actions"), list) else []:
            found.append(act)
        if isinstance(obj.get("selectAction"), dict):
            found.append(obj["selectAction"])
    return found


def markdown_texts(card: dict[str, Any]) -> list[str]:
    """Text that clients may read as Markdown: TextBlock text, FactSet values, button titles."""
    out = [o["text"] for o in objects(card) if o.get("type") == "TextBlock"]
    out += [f.get("value", "") for o in objects(card) if o.get("type") == "FactSet" for f in o.get("facts", [])]
    out += [a.get("title", "") for a in actions(card)]
    return out


def runs(card: dict[str, Any]) -> list[str]:
    return [o["text"] for o in objects(card) if o.get("type") == "TextRun"]


def visible_text(card: dict[str, Any]) -> str:
    return "\n".join(markdown_texts(card) + runs(card))


def nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object, action payloads and fallbacks included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from nodes(item)


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Action.Execute on a card, wherever it sits (actions, action sets, columns)."""
    return [o for o in nodes(card) if o.get("type") == "Action.Execute"]


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The card's inputs by id."""
    return {o["id"]: o for o in objects(card) if str(o.get("type", "")).startswith("Input.") and "id" in o}


def card_text(card: dict[str, Any]) -> str:
    """All text and titles on the card, in one string (for "does it mention X" checks)."""
    return " ".join(o[key] for o in nodes(card) for key in ("text", "title") if isinstance(o.get(key), str))
