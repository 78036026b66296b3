"""`make bench`: Regrets and the stock echo bot under the same load, against the stand-ins.

    python -m bench [--users 20] [--seconds 10] [--graph-latency 0] [--entra-latency 0]
                    [--conversations 1000] [--out build/bench] [--profile]

The stand-ins (Entra ID, the Bot Framework channel, Graph) run in this process, in
threads; every bot runs in its own process (`python app.py`, `python -m bench.echo_bot`,
`python -m bench.floor_bot`) with the environment `Sandbox.bot_env()` gives, auth on.
Phases: cold start; the stock echo bot (and again with 100 ms on the token endpoint); the
floor echo bot; Regrets through the decline flow (then a bulk decline of 45); Regrets again
with 100 ms on the token endpoint; Regrets with 1,000 conversations and file storage (RSS,
stored bytes). Prints a table with the targets, writes result.json and latency.png.
`--profile` instead runs Regrets' decline flow under py-spy (or cProfile) and prints where
the CPU goes. See bench/README.md for how to read the numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import psutil

from bench import report
from bench import understanding as understanding_bench
from bench.bots import BotProcess, free_port
from bench.chart import latency_chart
from bench.load import (
    TeamsChannel,
    Turn,
    VirtualUser,
    bulk_decline,
    first_round,
    morning_zone,
    new_user,
    run_declines,
    run_echo,
    run_many,
)
from bench.stores import store_runs
from bench.stores import table as stores_table
from bot.file_storage import DB_NAME
from sandbox.stack import BOT_APP_ID, Sandbox

TOKEN_LATENCY = 0.1


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20, help="concurrent conversations (default 20)")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per run (default 10)")
    parser.add_argument("--graph-latency", type=float, default=0.0, help="added to every Graph request (s)")
    parser.add_argument("--entra-latency", type=float, default=0.0, help="added to every token request (s)")
    parser.add_argument("--conversations", type=int, default=1000, help="for the RSS/stored-state run (0: skip)")
    parser.add_argument("--cold-starts", type=int, default=3)
    parser.add_argument("--bulk", type=int, default=45, help="meetings in the bulk decline")
    parser.add_argument("--out", default="build/bench")
    parser.add_argument("--profile", action="store_true", help="profile Regrets under load instead")
    parser.add_argument(
        "--profile-store", choices=("memory", "file", "blob"), default="memory", help="the store --profile runs on"
    )
    parser.add_argument("--regrets", default="app.py", help="the script that runs Regrets (default app.py)")
    parser.add_argument(
        "--only", choices=("regrets", "stores"), help="run only Regrets' decline-flow load, or the store runs"
    )
    parser.add_argument("--store-users", type=int, default=200, help="users in the file/Blob store runs (0: skip)")
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean think time before each of a store-run user's turns (s)"
    )
    return parser.parse_args(argv)


class Bench:
    def __init__(self, sandbox: Sandbox, args: argparse.Namespace, workdir: Path, out: Path) -> None:
        self.sandbox = sandbox
        self.args = args
        self.workdir = workdir
        self.out = out
        self.zone = morning_zone()
        self.me = psutil.Process()
        self.problems: list[str] = []

    def env(self, port: int, **extra: str) -> dict[str, str]:
        # Trust only the test CA: with the system bundle too, every new TLS connection (the stock bot makes
        # several per turn) loads ~150 certificates, a cost a deployment using the default store does not have.
        ca = str(self.sandbox.ca.ca_file)
        return {
            **self.sandbox.bot_env(authenticated=True, port=port),
            "REQUESTS_CA_BUNDLE": ca,
            "SSL_CERT_FILE": ca,
            **extra,
        }

    def bot(self, name: str, argv: list[str], wrapper: list[str] | None = None, **extra: str) -> BotProcess:
        return BotProcess(name, argv, self.env(free_port(), **extra), log_dir=self.out, wrapper=wrapper)

    def users(self, count: int, *, calendar: bool = True) -> list[VirtualUser]:
        return [new_user(self.sandbox, i, self.zone, calendar=calendar) for i in range(count)]

    def slow_tokens(self, on: bool) -> None:
        entra = self.sandbox.entra
        entra.heal()
        if on or self.args.entra_latency:
            entra.fail("slow", delay=TOKEN_LATENCY if on else self.args.entra_latency)

    def token_requests(self, grant: str | None = None, *, users: list[VirtualUser] | None = None) -> int:
        entra = self.sandbox.entra
        if users is None:
            return entra.count(grant, client_id=BOT_APP_ID)
        return sum(entra.count(grant, user=vu.oid) for vu in users)

    def cpu(self) -> float:
        times = self.me.cpu_times()
        return times.user + times.system

    async def measured(
        self, bot: BotProcess, drive: Callable[[], Awaitable[tuple[list[Turn], float]]]
    ) -> tuple[list[Turn], float, float, float]:
        cpu0, load0 = bot.cpu_seconds(), self.cpu()
        turns, seconds = await drive()
        return turns, seconds, bot.cpu_seconds() - cpu0, self.cpu() - load0

    def note(self, users: list[VirtualUser]) -> None:
        for vu in users:
            for problem in vu.problems[:3]:
                self.problems.append(f"{vu.user.entra.upn}: {problem}")
            vu.problems.clear()

    # ---- phases -------------------------------------------------------------------------------
    async def cold_start(self) -> dict:
        samples = []
        for _ in range(self.args.cold_starts):
            bot = self.bot("regrets-cold", ["app.py"])
            await asyncio.to_thread(bot.start)
            samples.append(round(bot.started_in, 3))
            bot.stop()
        return {"samples_s": samples, "median_s": statistics.median(samples)}

    async def echo(self, session: aiohttp.ClientSession, name: str, module: str, *, slow_run: bool) -> list:
        runs = []
        bot = self.bot(name, ["-m", module])
        await asyncio.to_thread(bot.start)
        try:
            channel = TeamsChannel(self.sandbox, bot.url, session)
            users = self.users(self.args.users, calendar=False)
            await run_echo(channel, users, 0.5)  # warm-up: first connections, first token
            self.note(users)
            phases = [(name, False)] + ([(f"{name}-token-100ms", True)] if slow_run else [])
            for run_name, slow in phases:
                self.slow_tokens(slow)
                seconds = self.args.seconds if not slow else min(self.args.seconds, 5.0)
                tokens0 = self.token_requests("client_credentials")
                turns, wall, cpu, load = await self.measured(bot, lambda s=seconds: run_echo(channel, users, s))
                self.note(users)
                tokens = self.token_requests("client_credentials") - tokens0
                runs.append(
                    report.make_run(
                        run_name,
                        module,
                        turns,
                        wall,
                        cpu,
                        bot.peak_rss_mb(),
                        load,
                        token_requests_per_100_turns=100 * tokens / max(1, len(turns)),
                        connector_token_requests=tokens,
                    )
                )
                print(f"  {run_name}: {len(turns)} turns in {wall:.1f} s", flush=True)
            self.slow_tokens(False)
        finally:
            bot.stop()
        return runs

    async def regrets(self, session: aiohttp.ClientSession, name: str, *, slow: bool, bulk: bool) -> dict:
        self.slow_tokens(slow)
        connector0 = self.token_requests("client_credentials")
        bot = self.bot(name, [self.args.regrets])
        await asyncio.to_thread(bot.start)
        try:
            channel = TeamsChannel(self.sandbox, bot.url, session)
            users = self.users(self.args.users)
            signin: list[Turn] = []
            await asyncio.gather(*(first_round(channel, vu, signin) for vu in users))
            self.note(users)
            ready = [vu for vu in users if vu.declines]
            if not ready:
                raise RuntimeError(f"{name}: no user got through sign-in; see {self.out}/{name}.log")
            graph = self.sandbox.graph
            log0, decisions0 = len(graph.log), len(graph.decisions)
            user_tokens0 = self.token_requests(users=ready)
            all_tokens0 = len(self.sandbox.entra.requests)
            turns, wall, cpu, load = await self.measured(bot, lambda: run_declines(channel, ready, self.args.seconds))
            self.note(ready)
            top_level = sum(1 for r in graph.log[log0:] if not r.in_batch)
            declines = sum(1 for d in graph.decisions[decisions0:] if d.action == "decline")
            clicks = sum(1 for t in turns if t.kind == "click" and t.ok)
            if declines != clicks:
                self.problems.append(f"{name}: {clicks} successful clicks but {declines} Graph declines")
            user_tokens = self.token_requests(users=ready)  # OBO at sign-in + any refresh during the run
            run = report.make_run(
                name,
                "app.py",
                turns,
                wall,
                cpu,
                bot.peak_rss_mb(),
                load,
                graph_requests_per_decline=top_level / max(1, declines),
                graph_declines=declines,
                user_token_requests_per_user=user_tokens / len(ready),
                user_token_requests_in_steady_state=user_tokens - user_tokens0,
                token_requests_per_100_turns=100
                * (len(self.sandbox.entra.requests) - all_tokens0)
                / max(1, len(turns)),
                connector_token_requests=self.token_requests("client_credentials") - connector0,
                signin_turns=len(signin),
            )
            print(f"  {name}: {len(turns)} turns in {wall:.1f} s ({declines} declines)", flush=True)
            result = {"run": run}
            if bulk:
                result["bulk"] = await bulk_decline(channel, self.sandbox, self.zone, self.args.bulk)
                self.problems.extend(result["bulk"].pop("problems"))
        finally:
            bot.stop()
            self.slow_tokens(False)
        return result

    async def many(self, session: aiohttp.ClientSession) -> dict:
        count = self.args.conversations
        state = self.workdir / "state"
        bot = self.bot("regrets-1000", ["app.py"], STORAGE_DIR=str(state))
        await asyncio.to_thread(bot.start)
        try:
            channel = TeamsChannel(self.sandbox, bot.url, session)
            users = self.users(count)
            began = time.perf_counter()
            turns = await run_many(channel, users, self.args.users)
            wall = time.perf_counter() - began
            self.note(users)
            done = sum(1 for vu in users if vu.declines)
            rss = bot.rss_mb()
            peak = bot.peak_rss_mb()
        finally:
            bot.stop()
        sizes: dict[str, list[int]] = {}
        # The file store's rows name only the kind of item; each one's size is its stored value's.
        with contextlib.closing(sqlite3.connect(state / DB_NAME)) as db:
            for stored_kind, size in db.execute("SELECT kind, length(value) FROM items"):
                kind = "conversation state" if "conversations" in stored_kind.split("/") else stored_kind
                sizes.setdefault(kind, []).append(int(size))
        token_cache = sum(sizes.get("token-cache", []))
        per_conversation = sum(sum(v) for k, v in sizes.items() if k != "token-cache")
        print(f"  {count} conversations in {wall:.1f} s ({done} completed)", flush=True)
        return {
            "conversations": count,
            "completed": done,
            "seconds": round(wall, 1),
            "turns": len(turns),
            "failed_turns": sum(1 for t in turns if not t.ok),
            "rss_mb": round(rss, 1),
            "peak_rss_mb": round(peak, 1),
            "bytes_per_conversation": round(per_conversation / max(1, count)),
            "token_cache_bytes_per_user": round(token_cache / max(1, count)),
            "stored": {
                k: {"items": len(v), "bytes": sum(v), "mean": round(sum(v) / len(v))} for k, v in sorted(sizes.items())
            },
        }

    async def run(self) -> dict:
        started = time.perf_counter()
        result: dict = {
            "users": self.args.users,
            "seconds_per_run": self.args.seconds,
            "graph_latency_s": self.args.graph_latency,
            "entra_latency_s": self.args.entra_latency,
            "cpus": psutil.cpu_count(),
            "mailbox_zone": self.zone,
            "runs": [],
        }
        if self.args.only == "stores":
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
                result["stores"] = await store_runs(self, session)
            result["problems"] = self.problems[:50]
            return result
        if self.args.only:
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=4 * self.args.users)) as session:
                result["runs"].append((await self.regrets(session, "regrets", slow=False, bulk=False))["run"].as_dict())
            result["problems"] = self.problems[:50]
            return result
        print("cold start ...", flush=True)
        result["cold_start"] = await self.cold_start()
        connector = aiohttp.TCPConnector(limit=4 * self.args.users)
        async with aiohttp.ClientSession(connector=connector) as session:
            print("stock echo bot ...", flush=True)
            result["runs"] += [
                r.as_dict() for r in await self.echo(session, "echo-stock", "bench.echo_bot", slow_run=True)
            ]
            print("floor echo bot ...", flush=True)
            result["runs"] += [
                r.as_dict() for r in await self.echo(session, "echo-floor", "bench.floor_bot", slow_run=False)
            ]
            print("Regrets ...", flush=True)
            first = await self.regrets(session, "regrets", slow=False, bulk=True)
            result["runs"].append(first["run"].as_dict())
            result["bulk"] = first.get("bulk")
            print("Regrets with 100 ms token latency ...", flush=True)
            slow = await self.regrets(session, "regrets-token-100ms", slow=True, bulk=False)
            result["runs"].append(slow["run"].as_dict())
            if self.args.conversations:
                print(f"Regrets with {self.args.conversations} conversations ...", flush=True)
                result["conversations"] = await self.many(session)
        if self.args.store_users:
            print(f"Regrets with {self.args.store_users} users on the file store and the Blob store ...", flush=True)
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
                result["stores"] = await store_runs(self, session)
        result["problems"] = self.problems[:50]
        result["bench_seconds"] = round(time.perf_counter() - started, 1)
        return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.profile:
        from bench.profile import profile

        return profile(args, out)
    began = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="regrets-bench-") as tmp,
        Sandbox(Path(tmp), graph_latency=args.graph_latency) as sandbox,
    ):
        result = asyncio.run(Bench(sandbox, args, Path(tmp), out).run())
    result["wall_seconds"] = round(time.perf_counter() - began, 1)
    report.write(result, out / "result.json")
    if result.get("runs"):
        latency_chart(result, out / "latency.png")
    print()
    if "runs" in result and result["runs"]:
        print(report.table(result))
    if result.get("stores"):
        print()
        print(stores_table(result["stores"]))
    if result["problems"]:
        print(f"\n{len(result['problems'])} problems (first few):")
        for problem in result["problems"][:10]:
            print("  " + problem)
    if not args.only:  # invitation cards: notification endpoint at 200/s and card latency (bench/invitations.py)
        from bench.invitations import main as invitations_bench

        print()
        invitations_bench(["--out", str(out)])
    print()
    understanding_bench.main()  # in-process: parse -> resolve -> decide per request (target: median <= 0.5 ms)
    print(f"\nmake bench took {result['wall_seconds']:.0f} s; wrote {out / 'result.json'} and {out / 'latency.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
