"""Defer the Recognizers-Text suite that `import botbuilder.dialogs` loads and Regrets never uses.

botbuilder.dialogs' package `__init__` imports its prompts (number, date-time, confirm,
choice), which import Microsoft's Recognizers-Text packages and babel at module level:
about 18 MB of compiled patterns per process, most of what an idle Regrets holds beyond
the SDK it runs on. Regrets' dialogs use none of those prompts (understanding/ is its
own parser), so `defer_recognizers()`, called by the composition root before anything
imports botbuilder.dialogs, puts placeholders for those modules in `sys.modules`.

Nothing is removed: a placeholder attribute is a proxy that imports the real module the
first time it is called or looked into (a prompt actually used), and from then on
delegates to the real object. `Culture` (plain locale strings that botbuilder keys a
dict by while defining its prompts) is loaded for real from its own small file.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
import types
from pathlib import Path
from typing import Any

DEFERRED = ("recognizers_text", "recognizers_number", "recognizers_choice", "recognizers_date_time", "babel.numbers")
_lock = threading.Lock()


def _real(module: str) -> types.ModuleType:
    """The real module; on first use every placeholder goes, since the packages import each other."""
    with _lock:
        for name in DEFERRED:
            if isinstance(sys.modules.get(name), _DeferredModule):
                del sys.modules[name]
        return importlib.import_module(module)


class _Proxy:
    """`module.a.b` as written at import time, resolved on first real use."""

    __slots__ = ("_module", "_path")

    def __init__(self, module: str, path: tuple[str, ...]) -> None:
        object.__setattr__(self, "_module", module)
        object.__setattr__(self, "_path", path)

    def _resolve(self) -> Any:
        target: Any = _real(self._module)
        for name in self._path:
            target = getattr(target, name)
        return target

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if isinstance(sys.modules.get(self._module), _DeferredModule):
            return _Proxy(self._module, (*self._path, name))
        return getattr(self._resolve(), name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._resolve()(*args, **kwargs)

    def __str__(self) -> str:
        return str(self._resolve())

    def __eq__(self, other: object) -> bool:
        return self._resolve() == other

    def __hash__(self) -> int:
        return hash(self._resolve())


def _culture() -> type:
    """recognizers_text's `Culture` (locale constants botbuilder keys dicts by at import), alone.

    Loaded from its own file, which imports nothing, so the package's models stay unloaded.
    """
    spec = importlib.machinery.PathFinder.find_spec("recognizers_text")  # not sys.modules: that is us
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "culture.py"
    culture_spec = importlib.util.spec_from_file_location("_regrets_recognizers_culture", path)
    assert culture_spec is not None and culture_spec.loader is not None
    module = importlib.util.module_from_spec(culture_spec)
    culture_spec.loader.exec_module(module)
    return module.Culture


class _DeferredModule(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if (self.__name__, name) == ("recognizers_text", "Culture"):
            value = _culture()
            setattr(self, name, value)
            return value
        return _Proxy(self.__name__, (name,))


def defer_recognizers() -> None:
    """Install the placeholders, unless the real modules are already loaded."""
    for name in DEFERRED:
        if name not in sys.modules:
            sys.modules[name] = _DeferredModule(name)
