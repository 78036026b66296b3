"""`make run` (`python -m demo`): the stand-ins, Regrets and the Microsoft 365 Agents Playground, until Ctrl-C.

Starts `Sandbox` with the Playground's default users (so Alex Wilber has the demo
calendar, laid out around now in this machine's zone: sandbox.demo_calendar), runs
`python app.py` in local mode against it, waits for `/healthz`, starts the Playground
pointed at the bot and prints the one URL to open. SIGINT or SIGTERM stops the
Playground, the bot and the stand-ins, in that order, within a few seconds. With a
`MicrosoftAppId` (environment or `.env`) it starts no stand-ins and runs the bot against
Microsoft's cloud instead. It lives outside sandbox/ because it reads the product's
settings and starts the product; the stand-ins import no product code.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from clock import REAL
from demo.processes import (
    DEFAULT_BOT_PORT,
    DEFAULT_PLAYGROUND_PORT,
    ROOT,
    Playground,
    StartupError,
    port_is_free,
    start_bot,
    stop_process,
    wait_healthy,
)
from sandbox.demo_calendar import demo_day, demo_time_zone


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
            # The demo runs on the machine's clock (the bot process reads the same one).
            sandbox = Sandbox(Path(workdir), clock=REAL).start()
            time_zone = demo_time_zone()
            now = REAL()
            day = demo_day(now, time_zone)
            sandbox.add_playground_users(time_zone=time_zone, now=now)
            with open(bot_log, "wb") as log:
                bot = start_bot(sandbox.bot_env(authenticated=False, port=bot_port), log=log, cwd=Path.cwd())
            # The Playground needs no bot to start: start both, then wait for both.
            playground = Playground(
                f"http://127.0.0.1:{bot_port}/api/messages", port=playground_port, workdir=build / "playground"
            ).start()
            wait_healthy(bot_port, bot, log_path=bot_log)
            healthy = time.monotonic() - started
            playground.wait_listening()
            _say(
                f"Stand-ins up (demo calendar in {time_zone}, 3pm meeting on {day:%a %d %b}); Regrets healthy on port "
                f"{bot_port} after {healthy:.1f} s (log: {bot_log.relative_to(ROOT)})."
            )
            _say(f"What Microsoft Graph receives, as it arrives: {sandbox.graph_requests_url}")
            _say(f"Regrets is ready: open {playground.url} and type “decline my 3pm”  (Ctrl-C stops everything)")
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
