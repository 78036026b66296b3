"""`make run`: the stand-ins, Regrets and the Microsoft 365 Agents Playground, until Ctrl-C.

Starts `Sandbox` with the Playground's default users (so Alex Wilber has the demo
calendar), runs `python app.py` in local mode against it, waits for `/healthz`, starts
the Playground pointed at the bot and prints the one URL to open. SIGINT or SIGTERM
stops the Playground, the bot and the stand-ins, in that order, within a few seconds.
With a `MicrosoftAppId` (environment or `.env`) it starts no stand-ins and runs the bot
against Microsoft's cloud instead.

The process helpers (`start_bot`, `wait_healthy`, `start_playground`, `stop_process`)
are shared with the browser end-to-end tests.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO

from graph.timezones import zone

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
    return subprocess.Popen(
        [python, str(ROOT / "app.py")],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=log if log is not None else None,
        stderr=subprocess.STDOUT if log is not None else None,
        preexec_fn=_die_with_parent,
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
        self.process = subprocess.Popen(
            [str(PLAYGROUND), "-e", self.bot_endpoint, "-p", str(self.port), "--disable-telemetry"],
            cwd=self.workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
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


def demo_time_zone() -> str:
    """This machine's zone as a Windows name (what Graph usually reports), so “3pm” means 3pm here."""
    try:
        from tzlocal import get_localzone_name
        from tzlocal.windows_tz import tz_win

        local = get_localzone_name() or ""
    except Exception:  # no zone configured: the demo still runs, in the Playground's usual zone
        return "Pacific Standard Time"
    return tz_win.get(local) or local or "Pacific Standard Time"


def demo_day(time_zone: str, now: datetime | None = None) -> date:
    """The day the demo calendar is built around: today, or tomorrow once today's 3pm is past.

    The demo's headline is "decline my 3pm"; late in the day there would be no 3pm left to decline.
    """
    local = (now or datetime.now(UTC)).astimezone(zone(time_zone))
    return local.date() if local.hour < 15 else local.date() + timedelta(days=1)


def bot_config(environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> dict[str, str]:
    """The settings the bot would see: the environment over `.env` (only MicrosoftAppId and PORT are used here)."""
    from settings import read_dotenv

    values = dict(read_dotenv(dotenv or Path.cwd() / ".env"))
    values.update(os.environ if environ is None else environ)
    return values


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop


def _say(line: str) -> None:
    print(line, flush=True)


def run_cloud(bot_port: int) -> int:
    _say("MicrosoftAppId is set: running Regrets against Microsoft's cloud (no stand-ins, no Playground).")
    if not port_is_free(bot_port, "0.0.0.0"):
        _say(f"Port {bot_port} is busy (another bot or `make run`?). Stop it, or set PORT to a free port.")
        return 1
    bot = start_bot({}, cwd=Path.cwd())  # the bot reads the same .env this process found
    try:
        return bot.wait()
    except _Stop:
        stop_process(bot)
        return 0


def run_local(bot_port: int, playground_port: int) -> int:
    from sandbox.stack import Sandbox

    if not port_is_free(bot_port):
        _say(f"Port {bot_port} is busy (another bot or `make run`?). Stop it, or set PORT to a free port.")
        return 1
    started = time.monotonic()
    build = ROOT / "build" / "demo"
    build.mkdir(parents=True, exist_ok=True)
    bot_log = build / "bot.log"
    sandbox = bot = playground = None
    with tempfile.TemporaryDirectory(prefix="regrets-sandbox-") as workdir:
        try:
            sandbox = Sandbox(Path(workdir)).start()
            time_zone = demo_time_zone()
            day = demo_day(time_zone)
            sandbox.add_playground_users(time_zone=time_zone, today=day)
            # Invitation cards: Graph's notifications come to the bot; a page sends the demo user an invitation.
            invite_page = _invitation_page(sandbox)
            env = {
                **sandbox.bot_env(authenticated=False, port=bot_port),
                "PUBLIC_BASE_URL": f"http://127.0.0.1:{bot_port}",
            }
            with open(bot_log, "wb") as log:
                bot = start_bot(env, log=log, cwd=Path.cwd())
            # The Playground needs no bot to start: start both, then wait for both.
            playground = Playground(
                f"http://127.0.0.1:{bot_port}/api/messages", port=playground_port, workdir=build / "playground"
            ).start()
            wait_healthy(bot_port, bot, log_path=bot_log)
            healthy = time.monotonic() - started
            playground.wait_listening()
            _say(
                f"Stand-ins up (demo calendar in {time_zone}, starting {day:%a %d %b}); Regrets healthy on port "
                f"{bot_port} after {healthy:.1f} s (log: {bot_log.relative_to(ROOT)})."
            )
            _say(f"What Microsoft Graph receives, as it arrives: {sandbox.graph_requests_url}")
            _say(f"Regrets is ready: open {playground.url} and type “decline my 3pm”  (Ctrl-C stops everything)")
            _say(f"Invitation cards: say “turn on invitation cards”, then open {invite_page.url} to send one.")
            while True:
                if bot.poll() is not None:
                    _say(f"Regrets stopped unexpectedly (exit code {bot.returncode}); see {bot_log.relative_to(ROOT)}.")
                    return 1
                if playground.process is None or playground.process.poll() is not None:
                    _say(f"The Agents Playground stopped unexpectedly; see {playground.log_path}.")
                    return 1
                time.sleep(0.5)
        except StartupError as exc:
            _say(f"make run: {exc}")
            return 1
        except _Stop:
            _say("Stopping…")
            return 0
        finally:
            # Ignore a second Ctrl-C while cleaning up, so the cleanup itself finishes.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            if playground:
                playground.stop()
            if bot:
                stop_process(bot)
            if sandbox:
                sandbox.stop()


def _invitation_page(sandbox: object) -> object:
    from sandbox.graph_subscriptions import create_demo_app
    from sandbox.server import ServiceThread

    return ServiceThread(create_demo_app(sandbox.graph)).start()


def main() -> int:
    signal.signal(signal.SIGINT, _raise_stop)
    signal.signal(signal.SIGTERM, _raise_stop)
    config = bot_config()
    port_text = (config.get("PORT") or "").strip() or str(DEFAULT_BOT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        _say(f"PORT is not a port number: {port_text!r}")
        return 2
    if (config.get("MicrosoftAppId") or "").strip():
        return run_cloud(int(port_text))
    return run_local(int(port_text), DEFAULT_PLAYGROUND_PORT)


if __name__ == "__main__":
    sys.exit(main())
