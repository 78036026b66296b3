"""Filling the JSON card templates in `dialogs/cards/templates/`.

A template is an Adaptive Card (or a fragment of one) with placeholders in the style of
Adaptive Card Templating, kept small on purpose:

- `"${name}"` as a whole string is replaced by the value itself (any JSON value, including
  already-built elements); inside a list, a list value is spliced in place.
- `"text ${name} text"` substitutes `str(value)` into the string.
- A value of None removes the property (or list item) that holds the placeholder.
- `"$when": "name"` (or `"!name"`) on an object keeps the object only when the value is
  truthy (falsy).

Values are inserted once and never re-read as templates, so text a user typed that happens
to contain `${...}` stays literal.
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).with_name("templates")
_WHOLE = re.compile(r"^\$\{(\w+)\}$")
_INLINE = re.compile(r"\$\{(\w+)\}")
_DROP = object()


@lru_cache(maxsize=64)
def _load(name: str) -> str:
    return (TEMPLATES / f"{name}.json").read_text(encoding="utf-8")


def render(name: str, **values: Any) -> Any:
    """The template `templates/<name>.json` filled with `values`."""
    return _fill(json.loads(_load(name)), values)


def _keep(condition: str, values: dict[str, Any]) -> bool:
    if condition.startswith("!"):
        return not values[condition[1:]]
    return bool(values[condition])


def _fill(node: Any, values: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        condition = node.get("$when")
        if condition is not None and not _keep(condition, values):
            return _DROP
        out = {}
        for key, child in node.items():
            if key == "$when":
                continue
            filled = _fill(child, values)
            if filled is not _DROP and filled is not None:
                out[key] = filled
        return out
    if isinstance(node, list):
        items: list[Any] = []
        for child in node:
            whole = _WHOLE.match(child) if isinstance(child, str) else None
            if whole and isinstance(values[whole.group(1)], list):
                items.extend(copy.deepcopy(values[whole.group(1)]))
                continue
            filled = _fill(child, values)
            if filled is not _DROP and filled is not None:
                items.append(filled)
        return items
    if isinstance(node, str):
        whole = _WHOLE.match(node)
        if whole:
            return copy.deepcopy(values[whole.group(1)])
        return _INLINE.sub(lambda m: str(values[m.group(1)]), node)
    return node
