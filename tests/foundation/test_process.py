"""Regrets as a process: it serves /healthz, SIGTERM or Ctrl-C ends it promptly, and it never outlives its starter.

Processes are started through demo.processes (own process group, SIGTERM when the starter
dies, stopped at exit), and tests.fixtures.processes fails the session if any process a
test started is still running at its end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from demo.processes import ROOT, free_port, start_bot, stop_process, wait_healthy
from tests.fixtures.processes import leftovers

pytestmark = pytest.mark.process  # starts other processes

LOCAL = {"HOST": "127.0.0.1", "MicrosoftAppId": "", "MicrosoftAppPassword": ""}


@pytest.fixture
def bot(tmp_path: Path):
    """`python app.py` in local mode on an ephemeral port, in an empty directory (no .env), always stopped."""
    port = free_port()
    log_path = tmp_path / "bot.log"
    with open(log_path, "wb") as log:
        process = start_bot({**LOCAL, "PORT": str(port)}, log=log, cwd=tmp_path)
    try:
        wait_healthy(port, process, timeout=20, log_path=log_path)
        yield process, port, log_path
    finally:
        stop_process(process)


def gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_regrets_serves_healthz_and_exits_within_five_seconds_of_a_stop_signal(bot, sig):
    process, port, log_path = bot
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
        assert response.headers["Content-Type"].startswith("application/json")
    process.send_signal(sig)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        raise AssertionError("Regrets was still running 5 s after the signal") from None
    out = log_path.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in out
    assert "listening" in out


def test_the_bot_stops_when_whatever_started_it_is_killed_outright(tmp_path):
    """SIGKILL gives the starter no chance to clean up; the kernel's parent-death signal still stops the bot."""
    port = free_port()
    starter_code = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from demo.processes import start_bot, wait_healthy
        bot = start_bot({{**{LOCAL!r}, "PORT": "{port}"}}, log=open(os.devnull, "wb"), cwd={str(tmp_path)!r})
        wait_healthy({port}, bot, timeout=20)
        print(bot.pid, flush=True)
        time.sleep(60)
        """
    )
    starter = subprocess.Popen([sys.executable, "-c", starter_code], stdout=subprocess.PIPE, text=True)
    bot_pid = None
    try:
        line = starter.stdout.readline().strip()
        assert line.isdigit(), f"the starter did not start the bot (exit {starter.poll()})"
        bot_pid = int(line)
        assert psutil.pid_exists(bot_pid)
        starter.kill()
        starter.wait(5)
        assert gone(bot_pid, within=8), "the bot outlived the process that started it"
    finally:
        if starter.poll() is None:
            starter.kill()
            starter.wait(5)
        if bot_pid is not None and not gone(bot_pid, within=0):
            os.killpg(bot_pid, signal.SIGKILL)
        starter.stdout.close()


def test_a_process_a_test_leaves_running_is_found_with_its_group():
    stray = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        assert stray.pid in [p.pid for p in leftovers()]
    finally:
        stray.kill()
        stray.wait(5)
    assert stray.pid not in [p.pid for p in leftovers()]
