"""What one turn costs in requests to other services, counted on the stand-ins (no timings).

These are the counts `make bench` reports under load; here each is pinned on one user:
a warm decline is three Graph requests, a user costs one on-behalf-of exchange for the
token's lifetime, the bot's connector token is fetched once for many turns, and a bulk
decline of N meetings goes out in ceil(N/20) `$batch` requests.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import unquote

from bot.memory_storage import InMemoryStorage
from sandbox.demo_calendar import demo_events
from sandbox.stack import BOT_APP_ID
from tests.fixtures.stack import ask, attachments_of, buttons, click, regrets_on


def confirm_card(messages):
    cards = [card for message in messages for card in attachments_of(message)]
    assert len(cards) == 1, [m.get("text") for m in messages]
    return cards[0]


def verb(card, name):
    [found] = [b for b in buttons(card) if b["verb"] == name]
    return found


def reinvite_3pm(sandbox, user, today):
    """The organizer invites the user again to a 3pm meeting today (the demo's budget review)."""
    meeting = demo_events(user.time_zone, today, user_name=user.entra.name, user_address=user.entra.upn)[0]
    return sandbox.graph.add_event(user.oid, meeting)


async def decline_3pm(teams, chat):
    card = confirm_card(await ask(teams, chat, "decline my 3pm"))
    status, body = await click(teams, chat, verb(card, "decline"), {"notify": "false"})
    assert status == 200, body
    return body


def graph_calls(sandbox, user, since):
    return [(r.method, r.path) for r in sandbox.graph.log[since:] if r.user == user.oid and not r.in_batch]


async def test_a_warm_decline_makes_three_graph_requests_the_calendar_view_the_reread_and_the_decline(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await decline_3pm(regrets, chat)  # signs in and learns the mailbox's time zone
    event_id = reinvite_3pm(sandbox, user, regrets.today)
    since = len(sandbox.graph.log)

    await decline_3pm(regrets, chat)

    calls = graph_calls(sandbox, user, since)
    assert [method for method, _ in calls] == ["GET", "GET", "POST"], calls
    assert calls[0][1] == "/me/calendarView"
    # The click reads the meeting again, so a card shown before a change never acts on it.
    assert unquote(calls[1][1]) == f"/me/events/{event_id}"
    assert unquote(calls[2][1]) == f"/me/events/{event_id}/decline"
    assert sandbox.graph.event(user.oid, event_id)["responseStatus"]["response"] == "declined"


async def test_a_user_costs_one_on_behalf_of_exchange_and_no_token_request_on_later_turns(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await decline_3pm(regrets, chat)
    assert sandbox.entra.count("on_behalf_of", user=user.oid) == 1

    for _ in range(4):
        reinvite_3pm(sandbox, user, regrets.today)
        await decline_3pm(regrets, chat)

    assert sandbox.entra.count(user=user.oid) == 1  # no second OBO, no refresh: the token is good for an hour
    assert sum(1 for d in sandbox.graph.decisions if d.user == user.oid and d.action == "decline") == 5


async def test_fifty_turns_make_one_connector_token_request(regrets, sandbox):
    before = sandbox.entra.count("client_credentials", client_id=BOT_APP_ID)
    user = regrets.user(demo_calendar=False)
    chat = regrets.conversation(user)

    for _ in range(50):
        status, _ = await regrets.say(chat, "help")
        assert status == 201

    assert len(regrets.messages(chat)) >= 50  # every turn answered through the connector
    assert sandbox.entra.count("client_credentials", client_id=BOT_APP_ID) - before == 1


async def test_a_bulk_decline_of_45_meetings_goes_out_in_3_batches(regrets, sandbox):
    user = regrets.user(demo_calendar=False)
    chat = regrets.conversation(user)
    first = datetime.combine(regrets.today + timedelta(days=1), datetime.min.time()).replace(hour=7)
    for i in range(45):
        begins = first + timedelta(minutes=10 * i)
        sandbox.graph.add_event(
            user.oid,
            {
                "subject": f"Review {i + 1}",
                "start": {"dateTime": begins.isoformat(), "timeZone": user.time_zone},
                "end": {"dateTime": (begins + timedelta(minutes=10)).isoformat(), "timeZone": user.time_zone},
                "organizer": {"emailAddress": {"name": "Megan Bowen", "address": "meganb@contoso.example"}},
            },
        )
    card = confirm_card(await ask(regrets, chat, "decline all my meetings tomorrow"))
    since = len(sandbox.graph.log)

    status, body = await click(regrets, chat, verb(card, "respondAll"), {"notify": "false"})

    assert status == 200, body
    batches = [call for call in graph_calls(sandbox, user, since) if call == ("POST", "/$batch")]
    assert len(batches) == 3
    declined = [d for d in sandbox.graph.decisions if d.user == user.oid and d.action == "decline"]
    assert len(declined) == 45


class CountingStorage(InMemoryStorage):
    """The memory store, counting what each kind of item costs in reads and writes."""

    def __init__(self) -> None:
        super().__init__()
        self.ops: list[tuple[str, str]] = []

    async def read(self, keys):
        self.ops += [("read", key.split("/")[0]) for key in keys]
        return await super().read(keys)

    async def write(self, changes):
        self.ops += [("write", key.split("/")[0]) for key in changes]
        await super().write(changes)


async def test_a_warm_decline_round_reads_the_store_once_and_writes_it_five_times(sandbox):
    storage = CountingStorage()
    async with regrets_on(sandbox, storage) as teams:
        user = teams.user()
        chat = teams.conversation(user)
        await decline_3pm(teams, chat)  # signs in, first card in this conversation
        reinvite_3pm(sandbox, user, teams.today)
        storage.ops.clear()

        await decline_3pm(teams, chat)

    assert sorted(storage.ops) == sorted(
        [
            # "decline my 3pm": the conversation's state (nothing waits for a sign-in, so nothing to save),
            # the card's record, and the conversation's latest-card pointer (on the version written last time)
            ("read", "msteams"),
            ("write", "pending"),
            ("write", "pending-latest"),
            # the click on this instance's own card: its claim (on the version written here), its
            # result, and the meeting's answer
            ("write", "pending"),
            ("write", "pending"),
            ("write", "answered"),
        ]
    )
