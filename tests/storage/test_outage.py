"""The store failing mid-run: the user gets a sentence, Graph gets nothing, no other store is used."""

from __future__ import annotations

import socket

import pytest

from bot.blob_storage import BlobStorage
from bot.memory_storage import InMemoryStorage
from bot.storage_contract import StorageUnavailable
from dialogs import texts
from sandbox.azurite import connection_string
from tests.fixtures.stack import ask, attachments_of, buttons, click, regrets_on

pytestmark = pytest.mark.process


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
async def regrets_without_its_store(sandbox):
    storage = BlobStorage.from_connection_string(connection_string(closed_port()), "regrets")
    async with regrets_on(sandbox, storage) as teams:
        yield teams


async def test_a_message_while_the_store_is_unreachable_gets_a_sentence_and_no_graph_call(
    regrets_without_its_store, sandbox
):
    teams = regrets_without_its_store
    user = teams.user()
    chat = teams.conversation(user)
    graph_before = len(sandbox.graph.log)

    status, _ = await teams.say(chat, "decline my 3pm")

    assert status in (200, 201)
    [message] = teams.messages(chat)
    assert message["text"] == texts.STORE_UNAVAILABLE
    assert [r for r in sandbox.graph.log[graph_before:] if r.user == user.oid] == []


async def test_a_click_while_the_store_is_unreachable_declines_nothing_and_is_told_why(
    regrets_without_its_store, sandbox
):
    teams = regrets_without_its_store
    user = teams.user()
    chat = teams.conversation(user)
    value = {"action": {"type": "Action.Execute", "verb": "decline", "data": {"requestId": "r1", "eventId": "e1"}}}

    status, body = await teams.post(teams.activity(chat, type="invoke", name="adaptiveCard/action", value=value))

    # The click's own answer says why (Teams shows it to the clicker); nothing else is posted.
    assert body["value"] == texts.STORE_UNAVAILABLE
    assert teams.messages(chat) == []
    assert [r for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid] == []
    assert 200 <= status < 300


class StoreLostAfterClaims(InMemoryStorage):
    """A store that goes away right after a card was claimed (once `lost` is set)."""

    def __init__(self) -> None:
        super().__init__()
        self.lost = False

    async def write(self, changes):
        if self.lost:
            raise StorageUnavailable("gone")
        await super().write(changes)
        if any(key.startswith("pending/") and item.get("state") == "claimed" for key, item in changes.items()):
            self.lost = True


async def test_a_click_whose_result_cannot_be_recorded_still_answers_with_the_declined_card(sandbox):
    storage = StoreLostAfterClaims()
    async with regrets_on(sandbox, storage) as teams:
        user = teams.user()
        chat = teams.conversation(user)
        [card] = [c for m in await ask(teams, chat, "decline my 3pm") for c in attachments_of(m)]
        [decline] = [b for b in buttons(card) if b["verb"] == "decline"]

        status, body = await click(teams, chat, decline, {"notify": "false"})

    # The meeting was declined before the store went away: the click's answer says so, once.
    assert status == 200
    assert "Declined" in body["value"]["fallbackText"]
    assert len([r for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid]) == 1
