"""Invitation cards under load: how fast the notification endpoint answers, how soon the card is in the chat.

Regrets runs as its own process (auth on, `PUBLIC_BASE_URL` pointing at itself) against
the stand-ins. `--users` users opt in through the chat (SSO, subscription, validation).
Their mailboxes then get `--rate × --seconds` new invitations (spread over the users),
and the benchmark POSTs Graph's notification for each at `--rate` per second, as Graph
would. It reports the endpoint's answer time (p50/p99/max; Graph wants ≤ 3 s, the goal
is p99 ≤ 100 ms at 200/s) and, for each invitation, the time from its notification to
its card in the connector (goal ≤ 5 s), plus how many cards arrived (exactly one each).

    python -m bench.invitations [--rate 200] [--seconds 5] [--users 20]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from bench.bots import BotProcess, free_port
from bench.load import TeamsChannel, VirtualUser, new_user
from clock import REAL
from sandbox.stack import BOT_APP_ID, Sandbox

ZONE = "Pacific Standard Time"
ORGANIZER = {"emailAddress": {"name": "Bo Chen", "address": "bo.chen@fabrikam.example"}}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def opt_in(channel: TeamsChannel, vu: VirtualUser) -> bool:
    before = len(channel.replies.calls(vu.conversation_id))
    await channel.post(channel.activity(vu, text="turn on invitation cards"))
    oauth = [
        a["content"]
        for m in channel.new_messages(vu, before)
        for a in m.get("attachments") or []
        if a.get("contentType") == "application/vnd.microsoft.card.oauth"
    ]
    if oauth:
        token = channel.sandbox.entra.issue_sso_token(vu.user.entra)
        value = {"id": oauth[0]["tokenExchangeResource"]["id"], "connectionName": "", "token": token}
        await channel.post(channel.activity(vu, type="invoke", name="signin/tokenExchange", value=value))
    return bool(channel.sandbox.graph.subscriptions.for_owner(vu.oid))


def invitation(index: int) -> dict[str, Any]:
    start = REAL().astimezone(ZoneInfo("America/Los_Angeles")).replace(minute=0, second=0, microsecond=0)
    start += timedelta(days=1 + index % 20, hours=index % 7)
    fmt = "%Y-%m-%dT%H:%M:%S"
    return {
        "subject": f"Invitation {index}",
        "start": {"dateTime": start.strftime(fmt), "timeZone": ZONE},
        "end": {"dateTime": (start + timedelta(minutes=30)).strftime(fmt), "timeZone": ZONE},
        "organizer": ORGANIZER,
        "location": {"displayName": "Room 4.12"},
    }


def card_event_id(call: Any) -> str | None:
    for attachment in (call.activity or {}).get("attachments") or []:
        text = json.dumps(attachment.get("content") or {})
        if '"declineInvitation"' in text:
            for action in attachment["content"].get("actions") or []:
                if action.get("verb") == "declineInvitation":
                    return action["data"]["eventId"]
    return None


async def run(args: argparse.Namespace) -> dict[str, Any]:
    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="regrets-bench-inv-") as workdir, Sandbox(Path(workdir)) as sandbox:
        port = free_port()
        env = {
            **sandbox.bot_env(authenticated=True, port=port),
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
            "LOG_LEVEL": "WARNING",
        }
        with BotProcess("regrets-invitations", ["app.py"], env, log_dir=out) as bot:
            async with aiohttp.ClientSession() as session:
                channel = TeamsChannel(sandbox, bot.url, session)
                users = [new_user(sandbox, i, "America/Los_Angeles", calendar=False) for i in range(args.users)]
                opted = await asyncio.gather(*(opt_in(channel, vu) for vu in users))
                if not all(opted):
                    raise RuntimeError(f"only {sum(opted)} of {len(users)} users got a subscription")
                subs = {vu.oid: sandbox.graph.subscriptions.for_owner(vu.oid)[0] for vu in users}
                total = int(args.rate * args.seconds)
                # The invitations exist in Graph; their notifications come from the benchmark, on a schedule.
                sandbox.graph.subscriptions.drop_next = total
                planned = []
                for i in range(total):
                    vu = users[i % len(users)]
                    planned.append((vu, sandbox.graph.add_event(vu.oid, invitation(i))))
                sent_at: dict[str, float] = {}
                seen_at: dict[str, float] = {}
                cards_per_event: dict[str, int] = {}
                latencies: list[float] = []
                statuses: list[int] = []
                done, complete = asyncio.Event(), asyncio.Event()

                async def watch() -> None:
                    seen = 0
                    while not done.is_set():
                        calls = sandbox.channel.calls
                        end = len(calls)
                        now = time.perf_counter()
                        for call in calls[seen:end]:
                            event_id = card_event_id(call) if call.method == "POST" else None
                            if event_id:
                                cards_per_event[event_id] = cards_per_event.get(event_id, 0) + 1
                                seen_at.setdefault(event_id, now)
                        seen = end
                        if len(seen_at) >= total:
                            complete.set()
                        await asyncio.sleep(0.005)

                async def notify(vu: VirtualUser, event_id: str) -> None:
                    sub = subs[vu.oid]
                    resource = f"Users/{vu.oid}/Events/{event_id}"
                    item = {
                        "subscriptionId": sub.id,
                        "subscriptionExpirationDateTime": sub.render()["expirationDateTime"],
                        "changeType": "created",
                        "resource": resource,
                        "resourceData": {
                            "@odata.type": "#Microsoft.Graph.Event",
                            "@odata.id": resource,
                            "@odata.etag": f'W/"{uuid.uuid4().hex}"',
                            "id": event_id,
                        },
                        "clientState": sub.client_state,
                        "tenantId": vu.user.entra.tenant,
                    }
                    started = time.perf_counter()
                    sent_at[event_id] = started
                    async with session.post(sub.notification_url, json={"value": [item]}) as response:
                        await response.read()
                        statuses.append(response.status)
                    latencies.append(time.perf_counter() - started)

                watcher = asyncio.create_task(watch())
                cpu0 = bot.cpu_seconds()
                t0 = time.perf_counter()
                tasks = []
                for i, (vu, event_id) in enumerate(planned):
                    delay = t0 + i / args.rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    tasks.append(asyncio.create_task(notify(vu, event_id)))
                await asyncio.gather(*tasks)
                sending = time.perf_counter() - t0
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(complete.wait(), 30)
                done.set()
                await watcher
                cpu = bot.cpu_seconds() - cpu0
        card_latency = [seen_at[e] - sent_at[e] for e in seen_at if e in sent_at]
        return {
            "notifications": total,
            "rate_per_s": round(total / sending, 1),
            "answered_2xx": sum(1 for s in statuses if 200 <= s < 300),
            "endpoint_ms": {
                "p50": round(pct(latencies, 0.5) * 1000, 1),
                "p99": round(pct(latencies, 0.99) * 1000, 1),
                "max": round(max(latencies) * 1000, 1),
            },
            "cards": len(seen_at),
            "events_with_more_than_one_card": sum(1 for n in cards_per_event.values() if n > 1),
            "card_s": {
                "p50": round(pct(card_latency, 0.5), 2),
                "p99": round(pct(card_latency, 0.99), 2),
                "max": round(max(card_latency or [float("nan")]), 2),
                "mean": round(statistics.fmean(card_latency), 2) if card_latency else None,
            },
            "bot_cpu_ms_per_notification": round(cpu * 1000 / max(1, total), 2),
            "bot_app": BOT_APP_ID,
        }


def report(result: dict[str, Any]) -> str:
    e, c = result["endpoint_ms"], result["card_s"]
    return "\n".join(
        [
            f"invitation cards: {result['notifications']} notifications at {result['rate_per_s']}/s, "
            f"{result['answered_2xx']} answered 2xx",
            f"  notification endpoint: p50 {e['p50']} ms, p99 {e['p99']} ms, max {e['max']} ms (goal p99 ≤ 100 ms)",
            f"  card in the chat after its notification: p50 {c['p50']} s, p99 {c['p99']} s, max {c['max']} s "
            f"(goal ≤ 5 s); {result['cards']} cards, {result['events_with_more_than_one_card']} duplicates",
            f"  bot CPU per notification (endpoint + card): {result['bot_cpu_ms_per_notification']} ms",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.invitations", description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="notifications per second (default 200)")
    parser.add_argument("--seconds", type=float, default=5.0, help="how long they arrive (default 5)")
    parser.add_argument("--users", type=int, default=20, help="users with invitation cards on (default 20)")
    parser.add_argument("--out", default="build/bench")
    args = parser.parse_args(argv)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    result = asyncio.run(run(args))
    Path(args.out, "invitations.json").write_text(json.dumps(result, indent=2))
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
