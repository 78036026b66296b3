"""`python -m bench --profile`: where Regrets' CPU per turn goes, under the decline-flow load.

Regrets runs in its own process as in the benchmark; once its users are signed in,
py-spy (a sampling profiler, dev-only: `pip install py-spy`) attaches to it for the
measured window and writes collapsed stacks (`build/bench/profile.txt`). The summary
charges every sample to the first frame of a known kind found walking up from the leaf
(inclusive time per area: inbound auth, msrest serialization, dialogs, storage, ...) and
also lists the functions with the most samples of their own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import aiohttp

from bench.bots import BotProcess, free_port
from bench.load import TeamsChannel, first_round, morning_zone, new_user, run_declines
from sandbox.azurite import Azurite
from sandbox.stack import Sandbox

# (area, substring of a frame "function (file:line)"), first match from the leaf upwards wins.
AREAS = (
    ("msrest ClientRetryPolicy", "msrest/universal_http/requests.py"),
    ("msrest serialization (Activity, cards)", "msrest/serialization.py"),
    ("msrest pipeline/config", "msrest/"),
    ("JWT / RSA (inbound token)", "jwt/"),
    ("cryptography", "cryptography/"),
    ("jsonpickle / deepcopy (state)", "jsonpickle/"),
    ("deepcopy", "copy.py"),
    ("logging", "logging/"),
    ("httpx/httpcore (Graph client)", "httpx/"),
    ("httpx/httpcore (Graph client)", "httpcore/"),
    ("ssl", "ssl.py"),
    ("json", "json/"),
    ("time expressions (understanding)", "understanding/"),
    ("cards", "dialogs/cards/"),
    ("botbuilder dialogs", "botbuilder/dialogs/"),
    ("botbuilder core", "botbuilder/core/"),
    ("botframework connector", "botframework/connector/"),
    ("Regrets graph/", "/graph/"),
    ("Regrets bot/ dialogs/", "/bot/"),
    ("Regrets bot/ dialogs/", "/dialogs/"),
    ("aiohttp", "aiohttp/"),
    ("multidict/yarl", "yarl/"),
    ("multidict/yarl", "multidict/"),
    ("asyncio event loop", "asyncio/"),
    ("threads (to_thread workers)", "threading.py"),
    ("threads (to_thread workers)", "concurrent/futures/"),
)


def summarize(collapsed: Path, top: int = 25) -> str:
    areas: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in collapsed.read_text("utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = stack.split(";")
        total += n
        own[frames[-1]] += n
        area = "other"
        for frame in reversed(frames):
            area = next((name for name, needle in AREAS if needle in frame), "")
            if area:
                break
        areas[area or "other"] += n
    lines = [f"{total} samples (active CPU only)", "", "by area (first known frame from the leaf):"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in areas.most_common()]
    lines += ["", f"top {top} functions by own samples:"]
    lines += [f"  {100 * n / total:5.1f}%  {frame[:150]}" for frame, n in own.most_common(top)]
    return "\n".join(lines)


def _py_spy() -> str:
    beside = Path(sys.executable).parent / "py-spy"  # installed into the venv
    found = str(beside) if beside.exists() else shutil.which("py-spy")
    if not found:
        raise SystemExit("python -m bench --profile needs py-spy: .venv/bin/pip install py-spy")
    return found


async def _drive(sandbox: Sandbox, bot: BotProcess, args: argparse.Namespace, out: Path) -> Path:
    zone = morning_zone()
    async with aiohttp.ClientSession() as session:
        channel = TeamsChannel(sandbox, bot.url, session)
        users = [new_user(sandbox, i, zone) for i in range(args.users)]
        await asyncio.gather(*(first_round(channel, vu, []) for vu in users))
        target = out / "profile.txt"
        spy = await asyncio.create_subprocess_exec(
            _py_spy(),
            "record",
            "--pid",
            str(bot.pid),
            "--duration",
            str(int(args.seconds)),
            "--rate",
            "250",
            "--format",
            "raw",
            "--nonblocking",
            "--threads",
            "-o",
            str(target),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        await asyncio.sleep(0.5)
        turns, wall = await run_declines(channel, [vu for vu in users if vu.declines], args.seconds)
        _, err = await spy.communicate()
        if spy.returncode:
            raise RuntimeError(f"py-spy failed: {err.decode(errors='replace')[-500:]}")
        print(
            f"{len(turns)} decline-flow turns in {wall:.1f} s while profiling "
            f"({sum(1 for t in turns if not t.ok)} failed)"
        )
        return target


def profile(args: argparse.Namespace, out: Path) -> int:
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="regrets-profile-"))
        sandbox = stack.enter_context(Sandbox(Path(tmp)))
        env = {
            **sandbox.bot_env(authenticated=True, port=free_port()),
            "REQUESTS_CA_BUNDLE": str(sandbox.ca.ca_file),
            "SSL_CERT_FILE": str(sandbox.ca.ca_file),
        }
        # --profile-store: the same flow on the file store or on Azurite (the store runs' stores).
        if args.profile_store == "file":
            env["STORAGE_DIR"] = str(Path(tmp) / "store")
        elif args.profile_store == "blob":
            azurite = stack.enter_context(Azurite())
            env["AZURE_STORAGE_CONNECTION_STRING"] = azurite.connection_string
            env["STORAGE_CONTAINER"] = "profile"
        with BotProcess("regrets-profile", ["app.py"], env, log_dir=out) as bot:
            target = asyncio.run(_drive(sandbox, bot, args, out))
    summary = summarize(target)
    (out / "profile-summary.txt").write_text(summary + "\n", "utf-8")
    print(summary)
    return 0
