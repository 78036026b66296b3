"""Virtual Teams users driving a bot over loopback, and what each turn cost in time.

A `TeamsChannel` posts activities the way the Teams channel does (JSON, signed with the
channel stand-in's key; like Teams, one token is reused until it expires). Each virtual
user has its own Entra user, mailbox and personal conversation, and runs a closed loop:
the next turn starts when the previous answer came back, so N users keep N turns in
flight. A turn's latency is the HTTP round trip of its activity: the bot answers only
after the turn ran, replies to the connector included.

Every turn is checked, not just timed: an echo turn must have put its echo on the
connector; "decline my 3pm" must have produced a confirm card; the click must have
answered with the "Declined" card and declined the meeting in the Graph stand-in.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as dtime
from typing import Any

import aiohttp

from clock import REAL
from graph.timezones import zone
from sandbox.demo_calendar import demo_events
from sandbox.stack import BOT_APP_ID, Sandbox, SandboxUser

ASK = "decline my 3pm"
CARD_CONTENT = "application/vnd.microsoft.card.adaptive"
OAUTH_CONTENT = "application/vnd.microsoft.card.oauth"

# Windows zone names (what mailboxes report) one hour apart; `morning_zone` picks one where it
# is morning now, so "my 3pm" is later today whenever the benchmark runs.
ZONES = (
    "Dateline Standard Time",
    "UTC-11",
    "Hawaiian Standard Time",
    "Alaskan Standard Time",
    "Pacific Standard Time",
    "US Mountain Standard Time",
    "Central America Standard Time",
    "SA Pacific Standard Time",
    "SA Western Standard Time",
    "SA Eastern Standard Time",
    "UTC-02",
    "Cape Verde Standard Time",
    "UTC",
    "W. Central Africa Standard Time",
    "South Africa Standard Time",
    "E. Africa Standard Time",
    "Arabian Standard Time",
    "Pakistan Standard Time",
    "Central Asia Standard Time",
    "SE Asia Standard Time",
    "China Standard Time",
    "Tokyo Standard Time",
    "West Pacific Standard Time",
    "Central Pacific Standard Time",
    "UTC+12",
)


def morning_zone() -> str:
    for name in ZONES:
        if 5 <= REAL().astimezone(zone(name)).hour <= 10:
            return name
    raise RuntimeError("no zone where it is morning now")  # cannot happen: the zones cover every hour


@dataclass
class Turn:
    kind: str  # echo | ask | click | signin
    started: float
    latency: float
    ok: bool


@dataclass
class VirtualUser:
    user: SandboxUser
    conversation_id: str
    meeting_id: str = ""
    card_data: dict[str, Any] | None = None
    declines: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def oid(self) -> str:
        return self.user.oid


class ReplyIndex:
    """What the bot sent to the connector, by conversation (the stand-in's log read incrementally)."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._calls = sandbox.channel.calls  # append-only while the benchmark runs
        self._seen = 0
        self._by_conversation: dict[str, list[Any]] = defaultdict(list)

    def calls(self, conversation_id: str) -> list[Any]:
        end = len(self._calls)
        for call in self._calls[self._seen : end]:
            self._by_conversation[call.conversation_id].append(call)
        self._seen = end
        return self._by_conversation[conversation_id]

    def total(self) -> int:
        return len(self._calls)


class TeamsChannel:
    def __init__(self, sandbox: Sandbox, bot_url: str, session: aiohttp.ClientSession) -> None:
        self.sandbox = sandbox
        self.url = f"{bot_url}/api/messages"
        self.session = session
        self.replies = ReplyIndex(sandbox)
        self._headers = {"Authorization": f"Bearer {sandbox.channel.sign_activity_token(BOT_APP_ID)}"}

    def activity(self, vu: VirtualUser, **fields: Any) -> dict[str, Any]:
        entra = vu.user.entra
        activity = {
            "type": "message",
            "id": f"1:{uuid.uuid4().hex}",
            "timestamp": REAL().isoformat(),
            "serviceUrl": self.sandbox.channel.service_url,
            "channelId": "msteams",
            "from": {"id": f"29:{entra.oid}", "name": entra.name, "aadObjectId": entra.oid},
            "conversation": {"id": vu.conversation_id, "conversationType": "personal", "tenantId": entra.tenant},
            "recipient": {"id": f"28:{BOT_APP_ID}", "name": "Regrets"},
            "channelData": {"tenant": {"id": entra.tenant}},
            "locale": "en-US",
        }
        activity.update(fields)
        return activity

    async def post(self, activity: dict[str, Any]) -> tuple[int, Any, float, float]:
        """(status, JSON body or None, started, latency)."""
        started = time.perf_counter()
        async with self.session.post(self.url, json=activity, headers=self._headers) as response:
            raw = await response.read()
            latency = time.perf_counter() - started
            try:
                body = await response.json(content_type=None) if raw else None
            except ValueError:
                body = None
            return response.status, body, started, latency

    def new_messages(self, vu: VirtualUser, since: int) -> list[dict[str, Any]]:
        return [
            c.activity
            for c in self.replies.calls(vu.conversation_id)[since:]
            if c.method == "POST" and c.activity and c.activity.get("type") == "message"
        ]


def new_user(sandbox: Sandbox, index: int, time_zone: str, *, calendar: bool = True) -> VirtualUser:
    tag = uuid.uuid4().hex[:8]
    user = sandbox.add_user(
        f"bench.{index}.{tag}@contoso.example", f"Bench User {index}", time_zone=time_zone, demo_calendar=calendar
    )
    vu = VirtualUser(user, f"a:{uuid.uuid4().hex}")
    if calendar:
        vu.meeting_id = _meeting_at_3pm(sandbox, vu)
    return vu


def _meeting_at_3pm(sandbox: Sandbox, vu: VirtualUser) -> str:
    box = sandbox.graph.mailboxes[vu.oid]
    for event_id, event in box.events.items():
        if event.get("subject") == "Quarterly budget review":
            return event_id
    raise RuntimeError("the demo calendar has no 3pm meeting")


def reinvite(sandbox: Sandbox, vu: VirtualUser) -> None:
    """The organizer sends the declined meeting again: the old copy goes, a fresh invitation arrives.

    Removing the declined copy keeps every mailbox the same size, so the Graph stand-in's
    work per request does not grow over the run. Only this user's own (idle) loop touches
    the mailbox, so changing it from this thread is safe.
    """
    box = sandbox.graph.mailboxes[vu.oid]
    old = box.events.get(vu.meeting_id)
    if old is not None and (old.get("responseStatus") or {}).get("response") == "notResponded":
        return
    box.events.pop(vu.meeting_id, None)
    user = vu.user.entra
    today = REAL().astimezone(zone(vu.user.time_zone)).date()
    meeting = demo_events(vu.user.time_zone, today, user_name=user.name, user_address=user.upn)[0]
    vu.meeting_id = sandbox.graph.add_event(vu.oid, meeting)


def _card(messages: list[dict[str, Any]], content_type: str) -> dict[str, Any] | None:
    for message in reversed(messages):
        for attachment in message.get("attachments") or []:
            if attachment.get("contentType") == content_type:
                return attachment.get("content")
    return None


def _button_data(node: Any, verb: str) -> dict[str, Any] | None:
    """The data of the card's Action.Execute with `verb`, wherever on the card it sits."""
    if isinstance(node, dict):
        if node.get("type") == "Action.Execute" and (node.get("data") or {}).get("verb") == verb:
            return dict(node["data"])
        children: Any = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        if (found := _button_data(child, verb)) is not None:
            return found
    return None


def _decline_data(card: dict[str, Any] | None) -> dict[str, Any] | None:
    return _button_data(card, "decline")


async def ask(channel: TeamsChannel, vu: VirtualUser, turns: list[Turn], kind: str = "ask") -> dict[str, Any] | None:
    """ "decline my 3pm" → the confirm card (or the OAuth card when not signed in)."""
    before = len(channel.replies.calls(vu.conversation_id))
    status, _, started, latency = await channel.post(channel.activity(vu, text=ASK))
    messages = channel.new_messages(vu, before)
    card = _card(messages, CARD_CONTENT)
    vu.card_data = _decline_data(card)
    ok = status in (200, 201) and vu.card_data is not None and vu.card_data.get("eventId") == vu.meeting_id
    if not ok and _card(messages, OAUTH_CONTENT) is None:
        vu.problems.append(f"ask: HTTP {status}, replies {[m.get('text') for m in messages]}")
    turns.append(Turn(kind, started, latency, ok))
    return _card(messages, OAUTH_CONTENT)


async def sign_in(channel: TeamsChannel, vu: VirtualUser, turns: list[Turn]) -> bool:
    """Teams SSO: the OAuth card, then the token exchange invoke; the confirm card follows."""
    oauth = await ask(channel, vu, turns, kind="signin")
    if oauth is None:
        vu.problems.append("sign-in: no OAuth card")
        return False
    exchange_id = oauth["tokenExchangeResource"]["id"]
    token = channel.sandbox.entra.issue_sso_token(vu.user.entra)
    before = len(channel.replies.calls(vu.conversation_id))
    status, _, started, latency = await channel.post(
        channel.activity(
            vu,
            type="invoke",
            name="signin/tokenExchange",
            value={"id": exchange_id, "connectionName": "", "token": token},
        )
    )
    vu.card_data = _decline_data(_card(channel.new_messages(vu, before), CARD_CONTENT))
    ok = status == 200 and vu.card_data is not None
    turns.append(Turn("signin", started, latency, ok))
    if not ok:
        vu.problems.append(f"sign-in: exchange answered {status}")
    return ok


async def click(channel: TeamsChannel, vu: VirtualUser, turns: list[Turn], kind: str = "click") -> bool:
    """Action.Execute on the confirm card: one Graph decline, the card replaced by "Declined"."""
    data = vu.card_data or {}
    box = channel.sandbox.graph.mailboxes[vu.oid]
    value = {
        "action": {
            "type": "Action.Execute",
            "verb": "decline",
            "data": {**data, "comment": "Sorry, I have a clash.", "notify": "false"},
        }
    }
    status, body, started, latency = await channel.post(
        channel.activity(vu, type="invoke", name="adaptiveCard/action", value=value)
    )
    card = (body or {}).get("value") if isinstance(body, dict) else None
    declined = (box.events.get(vu.meeting_id) or {}).get("responseStatus", {}).get("response") == "declined"
    ok = status == 200 and isinstance(card, dict) and "Declined" in str(card.get("fallbackText")) and declined
    if not ok:
        vu.problems.append(f"click: HTTP {status}, declined in Graph: {declined}")
    vu.declines += int(declined)
    vu.card_data = None
    turns.append(Turn(kind, started, latency, ok))
    return ok


async def decline_round(channel: TeamsChannel, vu: VirtualUser, turns: list[Turn]) -> None:
    reinvite(channel.sandbox, vu)
    await ask(channel, vu, turns)
    if vu.card_data is not None:
        await click(channel, vu, turns)


async def first_round(channel: TeamsChannel, vu: VirtualUser, turns: list[Turn]) -> bool:
    """Sign in through SSO, then the first decline (warms the mailbox zone cache); not steady state."""
    reinvite(channel.sandbox, vu)
    if not await sign_in(channel, vu, turns):
        return False
    return await click(channel, vu, turns, kind="signin")


async def run_declines(channel: TeamsChannel, users: list[VirtualUser], seconds: float) -> tuple[list[Turn], float]:
    """Every user loops decline rounds until `seconds` have passed; returns turns and the wall time."""
    turns: list[Turn] = []
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()

    async def loop(vu: VirtualUser) -> None:
        while time.perf_counter() < deadline:
            await decline_round(channel, vu, turns)

    await asyncio.gather(*(loop(vu) for vu in users))
    return turns, time.perf_counter() - started


async def run_echo(channel: TeamsChannel, users: list[VirtualUser], seconds: float) -> tuple[list[Turn], float]:
    turns: list[Turn] = []
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()

    async def loop(vu: VirtualUser) -> None:
        n = 0
        while time.perf_counter() < deadline:
            n += 1
            before = len(channel.replies.calls(vu.conversation_id))
            text = f"hello {n}"
            status, _, began, latency = await channel.post(channel.activity(vu, text=text))
            echoed = [m.get("text") for m in channel.new_messages(vu, before)]
            ok = status in (200, 201) and echoed == [f"Echo: {text}"]
            if not ok:
                vu.problems.append(f"echo: HTTP {status}, replies {echoed}")
            turns.append(Turn("echo", began, latency, ok))

    await asyncio.gather(*(loop(vu) for vu in users))
    return turns, time.perf_counter() - started


async def run_many(channel: TeamsChannel, users: list[VirtualUser], concurrency: int) -> list[Turn]:
    """Each user once through sign-in and one decline, `concurrency` at a time (the 1,000-conversation run)."""
    turns: list[Turn] = []
    queue: asyncio.Queue[VirtualUser] = asyncio.Queue()
    for vu in users:
        queue.put_nowait(vu)

    async def worker() -> None:
        while not queue.empty():
            await first_round(channel, queue.get_nowait(), turns)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return turns


async def bulk_decline(channel: TeamsChannel, sandbox: Sandbox, time_zone: str, count: int) -> dict[str, Any]:
    """One user with `count` meetings tomorrow says "decline all my meetings tomorrow" and clicks "all"."""
    vu = new_user(sandbox, 0, time_zone, calendar=False)
    # The bot under test is a process on the machine's clock, so the benchmark reads that clock too.
    tomorrow = REAL().astimezone(zone(time_zone)).date() + timedelta(days=1)
    first = datetime.combine(tomorrow, dtime(7, 0))
    for i in range(count):
        begins = first + timedelta(minutes=10 * i)
        sandbox.graph.add_event(
            vu.oid,
            {
                "subject": f"Review {i + 1}",
                "start": {"dateTime": begins.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": time_zone},
                "end": {
                    "dateTime": (begins + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%S"),
                    "timeZone": time_zone,
                },
                "organizer": {"emailAddress": {"name": "Megan Bowen", "address": "meganb@contoso.example"}},
            },
        )
    before = len(channel.replies.calls(vu.conversation_id))
    await channel.post(channel.activity(vu, text="decline all my meetings tomorrow"))
    oauth = _card(channel.new_messages(vu, before), OAUTH_CONTENT)
    if oauth is None:
        return {"declines": count, "batches": 0, "declined": 0, "problems": ["bulk: no OAuth card"]}
    before = len(channel.replies.calls(vu.conversation_id))
    await channel.post(
        channel.activity(
            vu,
            type="invoke",
            name="signin/tokenExchange",
            value={
                "id": oauth["tokenExchangeResource"]["id"],
                "connectionName": "",
                "token": sandbox.entra.issue_sso_token(vu.user.entra),
            },
        )
    )
    card = _card(channel.new_messages(vu, before), CARD_CONTENT)
    data = _button_data(card, "respondAll")
    if data is None:
        return {"declines": count, "batches": 0, "declined": 0, "problems": ["bulk: no 'all' button on the card"]}
    log0 = len(sandbox.graph.log)
    status, _, _, latency = await channel.post(
        channel.activity(
            vu,
            type="invoke",
            name="adaptiveCard/action",
            value={"action": {"type": "Action.Execute", "verb": "respondAll", "data": {**data, "notify": "false"}}},
        )
    )
    batches = sum(1 for r in sandbox.graph.log[log0:] if not r.in_batch and r.path == "/$batch")
    declined = sum(
        1
        for e in sandbox.graph.mailboxes[vu.oid].events.values()
        if (e.get("responseStatus") or {}).get("response") == "declined"
    )
    return {
        "declines": count,
        "batches": batches,
        "declined": declined,
        "http_status": status,
        "latency_ms": round(latency * 1000, 1),
        "problems": [] if status == 200 else [f"bulk: click answered {status}"],
    }
