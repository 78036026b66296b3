"""Regrets as a process: it serves /healthz, and SIGTERM or Ctrl-C ends it promptly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.process  # starts other processes

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_regrets(tmp_path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PORT": str(port), "HOST": "127.0.0.1"}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return process, port
        except OSError:
            if process.poll() is not None:
                raise AssertionError(f"Regrets exited: {process.stderr.read()}") from None
            time.sleep(0.05)
    process.kill()
    raise AssertionError("Regrets did not answer /healthz within 20 s")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_regrets_serves_healthz_and_exits_within_five_seconds_of_a_stop_signal(tmp_path, sig):
    process, port = start_regrets(tmp_path)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
        assert response.headers["Content-Type"].startswith("application/json")
    process.send_signal(sig)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("Regrets was still running 5 s after the signal") from None
    out, err = process.communicate()
    assert "Traceback" not in err
    assert "listening" in out
