"""Round-4 QA: two Regrets instances on one store, and a restart in the middle of a conversation.

The instances are two complete Regrets apps (`app.build`), each with its own store object
over the same data: one STORAGE_DIR (the SQLite file store) or one Azurite container (the
Blob store; Azurite is a process, hence the marker). Their clocks are pinned at the
instants that break the most, so the demo calendar's "my 3pm" is the meeting clicked.
What is asserted is what Teams gets back and what the Graph stand-in applied.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest

import app as regrets_app
from clock import FixedClock
from sandbox.graph_state import Fault
from sandbox.stack import Sandbox
from tests.cards.walk import inputs
from tests.fixtures.instants import CORE, TUESDAY_MORNING, Instant
from tests.fixtures.stack import (
    ADAPTIVE,
    OAUTH,
    Conversation,
    Teams,
    ask,
    attachments_of,
    buttons,
    card_text,
    click,
    exchange,
    serve,
    settings_for,
)
from tests.storage.conftest import new_container
from tests.storage.test_two_instances import (
    bots,  # noqa: F401  (the fixture: two bot processes on one store)
    confirm_card,
    declines,
    far_user,
)

STORES = ["file", pytest.param("blob", marks=pytest.mark.process)]


def decisions(sandbox, user):
    return [d for d in sandbox.graph.decisions if d.user == user.oid]


def only_card(messages):
    cards = [card for message in messages for card in attachments_of(message)]
    assert len(cards) == 1, [m.get("text") for m in messages]
    return cards[0]


def decline_button(card):
    [found] = [b for b in buttons(card) if b["verb"] == "decline"]
    return found


def filled(card):
    return {k: str(i.get("value", "")) for k, i in inputs(card).items()}


def store_env(kind: str, tmp_path: Path, request) -> dict[str, str]:
    if kind == "file":
        return {"STORAGE_DIR": str(tmp_path / "shared-store")}
    azurite = request.getfixturevalue("azurite")
    return {"AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string, "STORAGE_CONTAINER": new_container()}


@contextlib.asynccontextmanager
async def instance(sandbox: Sandbox, env: dict[str, str], at: Instant) -> AsyncIterator[Teams]:
    """One Regrets instance on the shared store, its clock pinned at `at`, started as `app.main` starts one."""
    settings = settings_for(sandbox, **env)
    await regrets_app.check_storage(settings)  # before listening: creates the container if missing
    async with serve(settings, clock=FixedClock(at.at)) as url:
        async with aiohttp.ClientSession() as session:
            yield Teams(sandbox, url, session, signed=True, instant=at)


@pytest.mark.parametrize("kind", STORES)
@pytest.mark.parametrize("at", CORE, ids=str)
async def test_one_card_clicked_at_once_on_two_instances_declines_once_and_both_get_the_same_final_card(
    sandbox, tmp_path, request, kind, at
):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, at) as first, instance(sandbox, env, at) as second:
        user = first.user()
        chat = first.conversation(user)
        card = only_card(await ask(first, chat, "decline my 3pm"))
        assert "Quarterly budget review" in card_text(card)

        answers = await asyncio.gather(
            click(first, chat, decline_button(card), filled(card)),
            click(second, chat, decline_button(card), filled(card)),
        )

        assert [status for status, _ in answers] == [200, 200], answers
        (_, one), (_, other) = answers
        assert one["type"] == other["type"] == ADAPTIVE
        assert one == other, (card_text(one["value"]), card_text(other["value"]))
        assert "Declined" in card_text(one["value"]) and buttons(one["value"]) == []
        assert len(decisions(sandbox, user)) == 1


@pytest.mark.parametrize("kind", STORES)
async def test_a_card_shown_by_one_instance_is_declined_once_from_the_other_and_then_refuses_both(
    sandbox, tmp_path, request, kind
):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, TUESDAY_MORNING) as first, instance(sandbox, env, TUESDAY_MORNING) as second:
        user = first.user()
        chat = first.conversation(user)
        card = only_card(await ask(first, chat, "decline my 3pm"))
        status, body = await click(second, chat, decline_button(card), filled(card))
        assert status == 200 and "Declined" in card_text(body["value"])
        for teams in (first, second):
            status, again = await click(teams, chat, decline_button(card), filled(card))
            assert status == 200 and again == body
        assert len(decisions(sandbox, user)) == 1


@pytest.mark.parametrize("kind", STORES)
@pytest.mark.parametrize("at", CORE, ids=str)
async def test_after_a_restart_on_the_same_store_sign_in_and_the_pending_card_survive(
    sandbox, tmp_path, request, kind, at
):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, at) as before:
        user = before.user()
        chat = before.conversation(user)
        card = only_card(await ask(before, chat, "decline my 3pm"))
        assert [c for m in before.messages(chat) for c in attachments_of(m, OAUTH)]  # it did sign in

    async with instance(sandbox, env, at) as after:
        status, body = await click(after, chat, decline_button(card), filled(card))
        assert status == 200 and "Declined" in card_text(body["value"])
        assert len(decisions(sandbox, user)) == 1

        replies = await ask(after, chat, "what's on today", sign_in=False)
        assert replies
        assert not [c for m in replies for c in attachments_of(m, OAUTH)]  # no sign-in again

        status, again = await click(after, chat, decline_button(card), filled(card))
        assert status == 200 and again == body
        assert len(decisions(sandbox, user)) == 1


@pytest.mark.parametrize("kind", STORES)
async def test_never_mind_said_to_one_instance_stops_the_card_shown_by_another(sandbox, tmp_path, request, kind):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, TUESDAY_MORNING) as first, instance(sandbox, env, TUESDAY_MORNING) as second:
        user = first.user()
        chat = first.conversation(user)
        card = only_card(await ask(first, chat, "decline my 3pm"))
        await ask(second, chat, "never mind", sign_in=False)
        status, body = await click(first, chat, decline_button(card), filled(card))
        assert status == 200
        assert card_text(body["value"]).startswith("Okay, I left “Quarterly budget review”")
        assert decisions(sandbox, user) == []


# ---- the same, with two real bot processes (`python app.py`) ---------------------------------------------------


@pytest.mark.process
async def test_two_bot_processes_clicked_at_once_answer_2xx_with_the_same_final_card_and_decline_once(
    bots,  # noqa: F811  (the fixture imported above)
    sandbox,
):
    user = far_user(sandbox, 3)
    chat = Conversation(f"a:{uuid.uuid4().hex}", user)
    for n in range(1, 4):
        button = decline_button(await confirm_card(bots.teams[n % 2], chat, n))
        answers = await asyncio.gather(click(bots.teams[0], chat, button), click(bots.teams[1], chat, button))
        assert [status for status, _ in answers] == [200, 200], answers
        (_, one), (_, other) = answers
        assert one["type"] == ADAPTIVE and one == other, (card_text(one["value"]), card_text(other["value"]))
        assert f"Race review {n}" in card_text(one["value"]) and "Declined" in card_text(one["value"])
    assert len(declines(sandbox, user)) == 3


@pytest.mark.parametrize("kind", STORES)
async def test_a_sign_in_finished_on_a_restarted_instance_carries_on_with_the_request_made_before(
    sandbox, tmp_path, request, kind
):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, TUESDAY_MORNING) as before:
        user = before.user()
        chat = before.conversation(user)
        asked = await ask(before, chat, "decline my 3pm", sign_in=False)
        [oauth] = [c for m in asked for c in attachments_of(m, OAUTH)]

    async with instance(sandbox, env, TUESDAY_MORNING) as after:
        shown = len(after.messages(chat))
        status, _ = await exchange(after, chat, oauth["tokenExchangeResource"]["id"])
        assert status == 200
        card = only_card(after.messages(chat)[shown:])
        assert "Quarterly budget review" in card_text(card)
        status, body = await click(after, chat, decline_button(card), filled(card))
        assert status == 200 and "Declined" in card_text(body["value"])
        assert len(decisions(sandbox, user)) == 1


@pytest.mark.parametrize("kind", STORES)
async def test_a_double_click_on_two_instances_while_outlook_is_slow_still_gives_both_the_final_card(
    sandbox, tmp_path, request, kind
):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, TUESDAY_MORNING) as first, instance(sandbox, env, TUESDAY_MORNING) as second:
        user = first.user()
        chat = first.conversation(user)
        card = only_card(await ask(first, chat, "decline my 3pm"))
        event_id = decline_button(card)["data"]["eventId"]
        # Outlook takes 4 s to take the decline: longer than a quick wait, well inside Teams' 15 s.
        sandbox.graph.inject(
            Fault(kind="delay", seconds=4.0, method="POST", path_contains=quote(event_id, safe="") + "/decline")
        )
        try:
            answers = await asyncio.gather(
                click(first, chat, decline_button(card), filled(card)),
                click(second, chat, decline_button(card), filled(card)),
            )
        finally:
            sandbox.graph.faults.clear()

        assert [status for status, _ in answers] == [200, 200], answers
        (_, one), (_, other) = answers
        assert one["type"] == other["type"] == ADAPTIVE, (one, other)
        assert one == other and "Declined" in card_text(one["value"])
        assert len(decisions(sandbox, user)) == 1


@pytest.mark.parametrize("kind", STORES)
async def test_a_choice_card_shown_before_a_restart_is_answered_after_it_and_declines_the_one_picked(
    sandbox, tmp_path, request, kind
):
    env = store_env(kind, tmp_path, request)
    async with instance(sandbox, env, TUESDAY_MORNING) as before:
        user = before.user()
        chat = before.conversation(user)
        choice = only_card(await ask(before, chat, "decline my 10am"))
        picks = [b for b in buttons(choice) if b["verb"] == "decline" and b["data"].get("eventId")]
        assert len(picks) >= 2, card_text(choice)

    async with instance(sandbox, env, TUESDAY_MORNING) as after:
        status, body = await click(after, chat, picks[1], filled(choice))
        assert status == 200 and body["type"] == ADAPTIVE
        assert "Declined" in card_text(body["value"]), card_text(body["value"])
        [decision] = decisions(sandbox, user)
        assert decision.event_id == picks[1]["data"]["eventId"]
