"""Who imports whom, read from the source (every `import`, also inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("app", "clock", "settings", "bot", "dialogs", "understanding", "graph")
SANDBOX = ("sandbox",)


def modules(*packages: str) -> list[Path]:
    """The source files of these top-level packages or modules."""
    files: list[Path] = []
    for name in packages:
        if (ROOT / f"{name}.py").is_file():
            files.append(ROOT / f"{name}.py")
        files.extend(sorted((ROOT / name).rglob("*.py")))
    return files


def imported(path: Path, root: Path = ROOT) -> set[str]:
    """Every module name `path` imports (relative imports resolved to absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                names.add(node.module)
    return names


def top(name: str) -> str:
    return name.split(".")[0]


def offenders(files: list[Path], forbidden) -> dict[str, list[str]]:
    """{file: [forbidden imports]} for the files that import anything `forbidden(name)` says."""
    found: dict[str, list[str]] = {}
    for path in files:
        bad = sorted(name for name in imported(path) if forbidden(name))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found
