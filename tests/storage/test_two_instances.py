"""Two Regrets processes on one store: simultaneous clicks decline once, and a killed instance loses nothing.

Each test starts real bot processes (`python app.py`, wired to the stand-ins like a
deployment) sharing one STORAGE_DIR or one Azurite container, posts Teams-shaped
activities to them, and asserts on what the Graph stand-in received. The meetings are on
fixed dates far ahead, so nothing depends on today's date.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from demo.processes import free_port, start_bot, stop_process, wait_healthy
from sandbox.graph_state import Fault
from sandbox.stack import Sandbox, SandboxUser
from tests.fixtures.stack import ADAPTIVE, OAUTH, Conversation, Teams, ask, attachments_of, buttons, click
from tests.storage.conftest import new_container

pytestmark = pytest.mark.process

ROUNDS = 12
CLICKS_PER_ROUND = 4  # alternating between the two instances


class Bots:
    """Regrets processes sharing one store; `teams[i]` posts to instance i."""

    def __init__(self, sandbox: Sandbox, store_env: dict[str, str], workdir: Path, count: int = 2) -> None:
        self.sandbox = sandbox
        self.store_env = store_env
        self.workdir = workdir
        self.ports = [free_port() for _ in range(count)]
        self.processes: list[subprocess.Popen | None] = [None] * count
        self.teams: list[Teams] = []

    def start(self, index: int) -> None:
        """Start instance `index` (again, after a kill) on its port and wait until it is healthy."""
        port = self.ports[index]
        log_path = self.workdir / f"bot-{index}.log"
        env = {**self.sandbox.bot_env(port=port), **self.store_env, "LOG_LEVEL": "WARNING"}
        with open(log_path, "ab") as log:
            process = start_bot(env, log=log, cwd=self.workdir)
        self.processes[index] = process
        wait_healthy(port, process, log_path=log_path)

    def kill(self, index: int) -> None:
        """SIGKILL: no shutdown hooks, no flushing, as a crashed machine."""
        process = self.processes[index]
        assert process is not None
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
        self.processes[index] = None

    def stop_all(self) -> None:
        for process in self.processes:
            if process is not None:
                stop_process(process)


@contextlib.contextmanager
def _store_env(kind: str, tmp_path: Path, request) -> Iterator[dict[str, str]]:
    if kind == "file":
        yield {"STORAGE_DIR": str(tmp_path / "shared-store")}
    else:
        azurite = request.getfixturevalue("azurite")
        yield {"AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string, "STORAGE_CONTAINER": new_container()}


@pytest.fixture(params=["file", "blob"])
async def bots(request, sandbox, tmp_path) -> AsyncIterator[Bots]:
    with _store_env(request.param, tmp_path, request) as store_env:
        running = Bots(sandbox, store_env, tmp_path)
        try:
            async with aiohttp.ClientSession() as session:
                await asyncio.gather(*(asyncio.to_thread(running.start, i) for i in range(2)))
                running.teams = [
                    Teams(sandbox, f"http://127.0.0.1:{port}", session, signed=True) for port in running.ports
                ]
                yield running
        finally:
            running.stop_all()


def far_user(sandbox: Sandbox, days: int) -> SandboxUser:
    """A user whose calendar holds one "Race review N" on each of `days` dates in March 2099."""
    tag = uuid.uuid4().hex[:8]
    user = sandbox.add_user(f"race.{tag}@contoso.example", "Riley Race", demo_calendar=False)
    for n in range(1, days + 1):
        sandbox.graph.add_event(
            user.oid,
            {
                "subject": f"Race review {n}",
                "start": {"dateTime": f"2099-03-{n:02d}T16:00:00.0000000", "timeZone": "Pacific Standard Time"},
                "end": {"dateTime": f"2099-03-{n:02d}T17:00:00.0000000", "timeZone": "Pacific Standard Time"},
                "organizer": {"emailAddress": {"name": "Adele Vance", "address": "adele.vance@contoso.example"}},
            },
        )
    return user


def declines(sandbox: Sandbox, user: SandboxUser) -> list[str]:
    """The event paths of every decline Graph accepted for this user."""
    return [r.path for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid and r.status < 300]


async def confirm_card(teams: Teams, chat: Conversation, n: int) -> dict:
    replies = await ask(teams, chat, f"decline race review {n} on 2099-03-{n:02d}")
    cards = [card for message in replies for card in attachments_of(message)]
    assert len(cards) == 1, [m.get("text") for m in replies]
    return cards[0]


def decline_button(card: dict) -> dict:
    [found] = [b for b in buttons(card) if b["verb"] == "decline"]
    return found


async def test_simultaneous_clicks_on_two_instances_decline_each_meeting_exactly_once(bots, sandbox):
    user = far_user(sandbox, ROUNDS)
    chat = Conversation(f"a:{uuid.uuid4().hex}", user)
    for n in range(1, ROUNDS + 1):
        button = decline_button(await confirm_card(bots.teams[n % 2], chat, n))
        answers = await asyncio.gather(*(click(bots.teams[i % 2], chat, button) for i in range(CLICKS_PER_ROUND)))
        assert all(200 <= status < 300 for status, _ in answers), answers
        assert sum(1 for _, body in answers if body and body.get("type") == ADAPTIVE) >= 1

    made = declines(sandbox, user)
    assert len(made) == ROUNDS, made  # one per meeting: none twice, none lost
    assert len(set(made)) == ROUNDS


async def test_a_card_from_an_instance_killed_with_sigkill_is_declined_once_after_it_comes_back(bots, sandbox):
    user = far_user(sandbox, 2)
    chat = Conversation(f"a:{uuid.uuid4().hex}", user)
    card = await confirm_card(bots.teams[0], chat, 1)

    bots.kill(0)
    await asyncio.to_thread(bots.start, 0)

    status, body = await click(bots.teams[0], chat, decline_button(card))
    assert status == 200 and body["type"] == ADAPTIVE
    assert len(declines(sandbox, user)) == 1
    # The conversation goes on with the user's stored token: no sign-in card again, on either instance.
    for teams in bots.teams:
        replies = await ask(teams, chat, "decline race review 2 on 2099-03-02", sign_in=False)
        assert not [c for m in replies for c in attachments_of(m, OAUTH)]
        assert [c for m in replies for c in attachments_of(m)]
    status, _ = await click(bots.teams[1], chat, decline_button(card))  # the old card, clicked again
    assert status == 200
    assert len(declines(sandbox, user)) == 1


async def test_simultaneous_clicks_while_graph_throttles_still_decline_once_and_answer_every_click(bots, sandbox):
    user = far_user(sandbox, 3)
    chat = Conversation(f"a:{uuid.uuid4().hex}", user)
    for n in range(1, 4):
        button = decline_button(await confirm_card(bots.teams[0], chat, n))
        sandbox.graph.inject(Fault(method="POST", path_contains="/decline", status=429, retry_after=0.3, times=2))
        try:
            answers = await asyncio.gather(*(click(bots.teams[i % 2], chat, button) for i in range(CLICKS_PER_ROUND)))
        finally:
            sandbox.graph.faults.clear()
        assert all(200 <= status < 300 for status, _ in answers), answers
    made = declines(sandbox, user)
    assert len(made) == 3 and len(set(made)) == 3, made


async def test_an_instance_killed_in_the_middle_of_a_click_never_leads_to_a_second_decline(bots, sandbox):
    user = far_user(sandbox, 1)
    chat = Conversation(f"a:{uuid.uuid4().hex}", user)
    button = decline_button(await confirm_card(bots.teams[0], chat, 1))
    sandbox.graph.inject(Fault(kind="delay", method="POST", path_contains="/decline", seconds=1.0))
    try:
        in_flight = asyncio.create_task(click(bots.teams[0], chat, button))
        await asyncio.sleep(0.5)  # claimed, Graph called, no answer yet
        bots.kill(0)
        with contextlib.suppress(aiohttp.ClientError):
            await in_flight
    finally:
        sandbox.graph.faults.clear()
    await asyncio.to_thread(bots.start, 0)

    answers = await asyncio.gather(*(click(bots.teams[i % 2], chat, button) for i in range(CLICKS_PER_ROUND)))

    assert all(200 <= status < 300 for status, _ in answers), answers
    assert len(declines(sandbox, user)) <= 1
