"""The store runs of `make bench`: 200 users on the file store and on the Blob store, side by side.

Each run starts `python app.py` on a store of its own (a fresh STORAGE_DIR; a fresh
container in Azurite, Microsoft's Blob emulator, started here), signs every user in
through Teams SSO, then has all of them loop through the decline flow (ask → confirm
card → click → Graph decline) at once for the measured window, each waiting a think
time before every turn as a person does: reading the card before clicking it, reading
the answer before the next request (uniform 1–3 s by default, `--think 2`; `--think 1`
is the stress variant, about 190 turns/s offered; `--think 0` makes it a closed loop
with every user always waiting on the bot). Reported per run: turns/s,
p50/p99 latency, peak RSS (VmHWM) and CPU per turn of the bot process, and whether
every click made exactly one Graph decline.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp

from bench import report
from bench.load import TeamsChannel, Turn, VirtualUser, ask, click, first_round, reinvite
from sandbox.azurite import Azurite

STORE_USERS = 200
PEAK_RSS_GOAL_MB = 100.0
P99_GOAL_MS = 1000.0


async def run_with_think_time(
    channel: TeamsChannel, users: list[VirtualUser], seconds: float, think: float, seed: int = 7
) -> tuple[list[Turn], float]:
    """Every user loops ask → read the card → click → read the answer, pausing `think` (±50%) at each read."""
    turns: list[Turn] = []
    rng = random.Random(seed)
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()

    async def pause() -> None:
        if think:
            await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))

    async def loop(vu: VirtualUser) -> None:
        await asyncio.sleep(rng.uniform(0, think))  # users do not all start on the same tick
        while time.perf_counter() < deadline:
            reinvite(channel.sandbox, vu)
            await ask(channel, vu, turns)
            if vu.card_data is not None:
                await pause()
                await click(channel, vu, turns)
            await pause()

    await asyncio.gather(*(loop(vu) for vu in users))
    return turns, time.perf_counter() - started


async def store_run(bench: Any, session: aiohttp.ClientSession, name: str, store_env: dict[str, str]) -> dict:
    users_count = bench.args.store_users
    bot = bench.bot(name, ["app.py"], **store_env)
    await asyncio.to_thread(bot.start)
    try:
        channel = TeamsChannel(bench.sandbox, bot.url, session)
        users = bench.users(users_count)
        signin: list[Turn] = []
        # Sign-ins in waves of 20: the stand-in Entra is in this process and not the thing measured.
        for i in range(0, len(users), 20):
            await asyncio.gather(*(first_round(channel, vu, signin) for vu in users[i : i + 20]))
        bench.note(users)
        ready = [vu for vu in users if vu.declines]
        peak_after_signin = bot.peak_rss_mb()
        graph = bench.sandbox.graph
        decisions0 = len(graph.decisions)
        turns, wall, cpu, load = await bench.measured(
            bot, lambda: run_with_think_time(channel, ready, bench.args.seconds, bench.args.think)
        )
        bench.note(ready)
        declines = sum(1 for d in graph.decisions[decisions0:] if d.action == "decline")
        clicks = sum(1 for t in turns if t.kind == "click" and t.ok)
        if declines != clicks:
            bench.problems.append(f"{name}: {clicks} successful clicks but {declines} Graph declines")
        run = report.make_run(
            name,
            "app.py",
            turns,
            wall,
            cpu,
            bot.peak_rss_mb(),
            load,
            users=len(ready),
            signed_in=len(ready),
            graph_declines=declines,
            successful_clicks=clicks,
            think_s=bench.args.think,
            peak_rss_after_signin_mb=round(peak_after_signin, 1),
            rss_at_end_mb=round(bot.rss_mb(), 1),
        )
        print(
            f"  {name}: {len(ready)} users, {len(turns)} turns in {wall:.1f} s, p99 {run.p99_ms:.0f} ms, "
            f"peak RSS {run.peak_rss_mb:.1f} MB",
            flush=True,
        )
        return run.as_dict()
    finally:
        bot.stop()


async def store_runs(bench: Any, session: aiohttp.ClientSession) -> list[dict]:
    runs = [await store_run(bench, session, "store-file", {"STORAGE_DIR": str(Path(bench.workdir) / "file-store")})]
    with Azurite() as azurite:
        env = {
            "AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string,
            "STORAGE_CONTAINER": "bench-" + uuid.uuid4().hex[:8],
        }
        runs.append(await store_run(bench, session, "store-blob", env))
    for run in runs:
        if run["peak_rss_mb"] > PEAK_RSS_GOAL_MB:
            bench.problems.append(f"{run['name']}: peak RSS {run['peak_rss_mb']} MB > {PEAK_RSS_GOAL_MB:.0f} MB")
        if run["p99_ms"] > P99_GOAL_MS:
            bench.problems.append(f"{run['name']}: p99 {run['p99_ms']} ms > {P99_GOAL_MS:.0f} ms")
    return runs


def table(runs: list[dict]) -> str:
    """The two stores side by side, with the goals."""
    rows = [
        "| store (200 users) | turns/s | p50 ms | p99 ms | peak RSS MB | CPU ms/turn | clicks = declines |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        turns_per_s = run["turns"] / run["seconds"] if run["seconds"] else 0
        cpu_ms = 1000 * run["cpu_seconds"] / max(1, run["turns"])
        counters = run.get("counters", {})
        same = counters.get("graph_declines") == counters.get("successful_clicks")
        rows.append(
            f"| {run['name']} | {turns_per_s:.0f} | {run['p50_ms']:.0f} | {run['p99_ms']:.0f} | "
            f"{run['peak_rss_mb']:.1f} | {cpu_ms:.1f} | {'yes' if same else 'NO'} |"
        )
    rows.append(f"goals: peak RSS ≤ {PEAK_RSS_GOAL_MB:.0f} MB, p99 ≤ {P99_GOAL_MS:.0f} ms")
    return "\n".join(rows)
