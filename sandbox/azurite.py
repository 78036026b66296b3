"""Azurite, Microsoft's Azure Storage emulator (npm `azurite`), as a local Blob service.

Used by the storage tests and `make bench` to run the Blob store without a cloud
account: blob service only, in memory, on an ephemeral loopback port, with
`--skipApiVersionCheck` (the Python SDK may speak a newer API version than the
emulator knows). The account is Azurite's published development account; its key is
public and only works against the emulator.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from demo.processes import ROOT, _die_with_parent

ACCOUNT = "devstoreaccount1"
# Azurite's well-known development key (documented by Microsoft; not a secret).
DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
LISTENING = re.compile(r"listens on http://127\.0\.0\.1:(\d+)")


def connection_string(port: int, *, key: str = DEV_KEY) -> str:
    return (
        f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={key};"
        f"BlobEndpoint=http://127.0.0.1:{port}/{ACCOUNT};"
    )


class Azurite:
    """`with Azurite() as azurite:` starts the emulator; `azurite.connection_string` reaches it."""

    def __init__(self, *, timeout: float = 30.0, check_api_version: bool = False) -> None:
        self.timeout = timeout
        # Azurite refuses API versions newer than its own unless told not to; the real service is
        # always at least as new as the SDK. `check_api_version=True` runs it as installed.
        self.check_api_version = check_api_version
        self.port = 0
        self.process: subprocess.Popen[str] | None = None
        self._pump: threading.Thread | None = None
        self._workdir = tempfile.TemporaryDirectory(prefix="azurite-")

    @property
    def connection_string(self) -> str:
        return connection_string(self.port)

    def start(self) -> Azurite:
        binary = ROOT / "node_modules" / ".bin" / "azurite-blob"
        if not binary.exists():
            raise RuntimeError("Azurite is not installed: run `npm ci` (make test does)")
        self.process = subprocess.Popen(
            [
                str(binary),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                "0",
                "--inMemoryPersistence",
                *([] if self.check_api_version else ["--skipApiVersionCheck"]),
                "--silent",
            ],
            cwd=Path(self._workdir.name),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=_die_with_parent,
        )
        found = threading.Event()

        output = self.process.stdout
        assert output is not None

        def pump() -> None:
            with contextlib.suppress(ValueError, OSError):  # the pipe closed under us by stop()
                for line in output:  # read to the end so Azurite never blocks on a full pipe
                    match = LISTENING.search(line)
                    if match and not found.is_set():
                        self.port = int(match.group(1))
                        found.set()

        self._pump = threading.Thread(target=pump, name="azurite-output", daemon=True)
        self._pump.start()
        deadline = time.monotonic() + self.timeout
        while not found.wait(0.05):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("Azurite did not start listening")
        return self

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(2)
        if process is not None and process.stdout is not None:
            process.stdout.close()  # the reader thread ends at EOF; the pipe is ours to close
        self._workdir.cleanup()

    def __enter__(self) -> Azurite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
