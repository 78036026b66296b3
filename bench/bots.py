"""The bots under test, each in its own process, and what they cost the machine.

`BotProcess` starts a bot (`python app.py`, `python -m bench.echo_bot`, ...) with the
stand-ins' environment on a free loopback port, waits for `/healthz`, and reads the
process's CPU time (user + system, all threads) and memory (RSS now, and the kernel's
peak `VmHWM`) through psutil and /proc.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BotProcess:
    def __init__(
        self, name: str, argv: list[str], env: dict[str, str], *, log_dir: Path, wrapper: list[str] | None = None
    ) -> None:
        self.name = name
        self.port = int(env["PORT"])
        self.url = f"http://127.0.0.1:{self.port}"
        self._argv = [*(wrapper or []), sys.executable, *argv]
        self._env = {**os.environ, **env, "PYTHONUNBUFFERED": "1"}
        self._log = log_dir / f"{name}.log"
        self.proc: subprocess.Popen | None = None
        self.started_in = 0.0

    def start(self, timeout: float = 20.0) -> BotProcess:
        began = time.perf_counter()
        with self._log.open("ab") as log:
            self.proc = subprocess.Popen(self._argv, cwd=ROOT, env=self._env, stdout=log, stderr=subprocess.STDOUT)
        with requests.Session() as http:
            http.trust_env = False  # no proxy for loopback
            while time.perf_counter() - began < timeout:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self._log}")
                try:
                    if http.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                        self.started_in = time.perf_counter() - began
                        return self
                except requests.RequestException:
                    pass
                time.sleep(0.01)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer /healthz within {timeout} s; see {self._log}")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def cpu_seconds(self) -> float:
        times = psutil.Process(self.pid).cpu_times()
        return times.user + times.system

    def rss_mb(self) -> float:
        return psutil.Process(self.pid).memory_info().rss / 2**20

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return self.rss_mb()

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
