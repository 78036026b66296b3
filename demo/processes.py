"""Processes the demo and the process tests start, and the promise that none outlives its starter.

`start_bot` runs `python app.py`, `Playground` the Microsoft 365 Agents Playground, each
through `spawn`: in its own process group (so stopping it stops its children too), with
SIGTERM from the kernel when the process that started it dies, even by SIGKILL (Linux's
PR_SET_PDEATHSIG; the parent must outlive the thread that spawned, so spawn from the main
thread), and remembered until stopped, so an `atexit` hook stops whatever is still running
when the starter exits normally. `stop_process` is SIGTERM to the group, then SIGKILL.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
PLAYGROUND = ROOT / "node_modules" / ".bin" / "agentsplayground"
DEFAULT_BOT_PORT = 3978
DEFAULT_PLAYGROUND_PORT = 56150
LISTENING = re.compile(r"Listening on (\d+)")


class StartupError(RuntimeError):
    """A process did not come up; the message says which and why, in one line."""


def _load_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


# Resolved in the parent: the child between fork and exec must not import anything.
_PRCTL = _load_prctl()
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child: own process group, and SIGTERM when the parent dies (even by SIGKILL), so no orphans."""
    os.setsid()
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM)


_running: dict[int, subprocess.Popen] = {}


def spawn(argv: list[str], **popen_args) -> subprocess.Popen:  # noqa: ANN003
    """Start `argv` in its own process group, tied to this process's life (see the module docstring)."""
    process = subprocess.Popen(argv, preexec_fn=_die_with_parent, **popen_args)
    _running[process.pid] = process
    return process


def running() -> list[subprocess.Popen]:
    """What `spawn` started that has not exited yet."""
    return [p for p in _running.values() if p.poll() is None]


@atexit.register
def _stop_all() -> None:
    for process in running():
        stop_process(process, grace=2.0)


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR: a TIME_WAIT left by the previous run is not "busy"; a listener still is.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_bot(
    env: Mapping[str, str], *, log: IO[bytes] | None = None, cwd: Path = ROOT, python: str = sys.executable
) -> subprocess.Popen:
    """`python app.py` with `env` layered over this process's environment (it reads `.env` from `cwd`)."""
    full_env = {**os.environ, **env, "PYTHONUNBUFFERED": "1"}
    return spawn(
        [python, str(ROOT / "app.py")],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=log if log is not None else None,
        stderr=subprocess.STDOUT if log is not None else None,
    )


def wait_healthy(port: int, process: subprocess.Popen, *, timeout: float = 30.0, log_path: Path | None = None) -> None:
    """Poll `GET /healthz` until it answers 200; fail early when the bot process exits."""
    url = f"http://127.0.0.1:{port}/healthz"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            raise StartupError(f"the bot exited with code {code} before it was healthy{_tail(log_path)}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise StartupError(f"the bot did not answer 200 on {url} within {timeout:.0f} s{_tail(log_path)}")


def _tail(log_path: Path | None, lines: int = 15) -> str:
    if not log_path or not log_path.is_file():
        return ""
    text = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    return "; its last output:\n  " + "\n  ".join(text) if text else ""


class Playground:
    """The Agents Playground process, pointed at a bot.

    `start()` returns at once; `wait_listening()` waits for its `Listening on N` line, since
    it may silently take another port than the one asked for. `.port` is where it listens.
    It runs in `workdir` because it writes `devTools/` (its log) into the working directory.
    """

    def __init__(self, bot_endpoint: str, *, port: int, workdir: Path, log_path: Path | None = None) -> None:
        self.bot_endpoint = bot_endpoint
        self.port = port
        self.workdir = workdir
        self.log_path = log_path or workdir / "playground.out"
        self.process: subprocess.Popen | None = None
        self._found = threading.Event()
        self._listening: int | None = None

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def start(self) -> Playground:
        if not PLAYGROUND.exists():
            raise StartupError(f"the Agents Playground is not installed ({PLAYGROUND}); run `npm ci`")
        self.workdir.mkdir(parents=True, exist_ok=True)
        # --disable-telemetry leaves Application Insights' "statsbeat" on: it asks Azure's instance
        # metadata address (169.254.169.254) and an applicationinsights.azure.com host. This turns it off.
        env = {
            **os.environ,
            "TEAMSAPPTESTER_BROWSER": "none",
            "BOT_ENDPOINT": self.bot_endpoint,
            "APPLICATION_INSIGHTS_NO_STATSBEAT": "true",
        }
        self.process = spawn(
            [str(PLAYGROUND), "-e", self.bot_endpoint, "-p", str(self.port), "--disable-telemetry"],
            cwd=self.workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self._pump, name="playground-output", daemon=True).start()
        return self

    def _pump(self) -> None:
        # Keep draining its output (a full pipe would stall it) into the log file.
        assert self.process is not None and self.process.stdout is not None
        with open(self.log_path, "ab") as log:
            for raw in self.process.stdout:
                log.write(raw)
                log.flush()
                match = LISTENING.search(raw.decode("utf-8", "replace"))
                if match and self._listening is None:
                    self._listening = int(match.group(1))
                    self._found.set()
        self._found.set()

    def wait_listening(self, timeout: float = 30.0) -> Playground:
        assert self.process is not None
        if not self._found.wait(timeout) or self._listening is None:
            exited = self.process.poll() is not None
            self.stop()
            reason = "exited" if exited else f"did not say where it listens within {timeout:.0f} s"
            raise StartupError(f"the Agents Playground {reason} (see {self.log_path} and {self.workdir / 'devTools'})")
        self.port = self._listening
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


def start_playground(bot_endpoint: str, *, port: int, workdir: Path, timeout: float = 30.0) -> Playground:
    """Start the Playground and wait until it listens."""
    return Playground(bot_endpoint, port=port, workdir=workdir).start().wait_listening(timeout)


def stop_process(process: subprocess.Popen, *, grace: float = 5.0) -> None:
    """SIGTERM the process's group, SIGKILL it after `grace` seconds."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(2)
