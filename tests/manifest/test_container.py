"""The container image, read without Docker: its health check works, nothing the bot needs is
left out of the build context, no secret or dev file goes in, and it runs unprivileged."""

from __future__ import annotations

import ast
import fnmatch
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp import web

from bot.server import create_app
from manifest.package import REPO_ROOT
from sandbox.server import ServiceThread

DOCKERFILE = (REPO_ROOT / "Dockerfile").read_text(encoding="utf-8")
RUNTIME = ("app.py", "settings.py", "bot", "dialogs", "graph")


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined."""
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def healthcheck_command() -> list[str]:
    (arguments,) = [rest for keyword, rest in instructions() if keyword == "HEALTHCHECK"]
    exec_form = arguments[arguments.index("CMD") + len("CMD") :].strip()
    return json.loads(exec_form)


def run_healthcheck(port: int) -> int:
    command = healthcheck_command()
    assert command[0] == "python"
    env = {**os.environ, "PORT": str(port), "HTTP_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9"}
    result = subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True, timeout=20, check=False)
    return result.returncode


def dockerignore_patterns() -> list[str]:
    lines = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def ignored(relative: str) -> bool:
    """Docker's rule: a path is left out when it, or a folder above it, matches; the last match wins."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    verdict = False
    for pattern in dockerignore_patterns():
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        if pattern.startswith("**/"):
            matched = any(fnmatch.fnmatchcase(part, pattern[3:]) for part in parts) or any(
                fnmatch.fnmatchcase(c, pattern[3:]) for c in candidates
            )
        else:
            matched = any(fnmatch.fnmatchcase(c, pattern) and c.count("/") == pattern.count("/") for c in candidates)
        if matched:
            verdict = not negate
    return verdict


@pytest.mark.process
def test_the_health_check_passes_when_the_bot_is_up():
    app = create_app(adapter=None, bot=None, local_mode=True)  # /healthz touches neither
    service = ServiceThread(app).start()
    try:
        assert run_healthcheck(service.port) == 0
    finally:
        service.stop()


@pytest.mark.process
def test_the_health_check_fails_when_healthz_is_not_ok():
    async def starting(_: web.Request) -> web.Response:
        return web.json_response({"status": "starting"}, status=503)

    app = web.Application()
    app.router.add_get("/healthz", starting)
    service = ServiceThread(app).start()
    try:
        assert run_healthcheck(service.port) != 0
    finally:
        service.stop()


@pytest.mark.process
def test_the_health_check_fails_when_nothing_listens(unused_tcp_port):
    assert run_healthcheck(unused_tcp_port) != 0


def first_party_imports(entry: Path) -> set[str]:
    """Repository files reachable from `entry` through imports, lazy ones in functions included."""
    seen: set[str] = set()
    queue = [entry]
    while queue:
        path = queue.pop()
        relative = str(path.relative_to(REPO_ROOT))
        if relative in seen:
            continue
        seen.add(relative)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                parts = name.split(".")
                for depth in range(1, len(parts) + 1):
                    base = REPO_ROOT.joinpath(*parts[:depth])
                    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                        if candidate.is_file():
                            queue.append(candidate)
    return seen


def test_every_module_the_bot_imports_is_copied_into_the_image():
    imported = first_party_imports(REPO_ROOT / "app.py")
    assert {"app.py", "settings.py", "bot/server.py", "bot/sandbox_sso.py"} <= imported
    # Data files beside the code (card templates and the like) are needed too.
    runtime_files = {
        str(p.relative_to(REPO_ROOT))
        for name in RUNTIME[2:]
        for p in (REPO_ROOT / name).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    left_out = sorted(path for path in imported | runtime_files if ignored(path))
    assert left_out == []


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        ".env.production",
        "tests/conftest.py",
        ".venv/bin/python",
        "node_modules/adaptivecards/package.json",
        "sandbox/server.py",
        "requirements-dev.txt",
        "bot/__pycache__/server.cpython-311.pyc",
        ".git/HEAD",
    ],
)
def test_secrets_and_development_files_stay_out_of_the_image(path):
    assert ignored(path)


def test_the_image_installs_runtime_requirements_only_and_runs_unprivileged():
    steps = instructions()
    keywords = [keyword for keyword, _ in steps]
    (base,) = [rest for keyword, rest in steps if keyword == "FROM"]
    assert re.match(r"python:3\.11(\.\d+)?-slim", base)
    installs = [rest for keyword, rest in steps if keyword == "RUN" and "pip install" in rest]
    assert installs and all("-r requirements.txt" in rest and "dev" not in rest for rest in installs)
    (user,) = [rest for keyword, rest in steps if keyword == "USER"]
    assert user.split(":")[0] not in ("root", "0")
    # Everything after USER runs as that user: no RUN may come later expecting root.
    assert "RUN" not in keywords[keywords.index("USER") :]
    assert ("EXPOSE", "3978") in steps
    (cmd,) = [rest for keyword, rest in steps if keyword == "CMD"]
    assert json.loads(cmd) == ["python", "app.py"]
