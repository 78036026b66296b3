"""Invitation cards end to end: signed activities in, Graph's notifications through the stand-ins.

Regrets runs in-process with `PUBLIC_BASE_URL` pointing at itself, so the Graph
stand-in validates its notification URLs and delivers notifications to it over HTTP,
exactly as Graph would. Assertions are on what a user sees (connector calls) and what
Graph saw (requests, decisions, subscriptions).
"""

from __future__ import annotations

import asyncio
import socket
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

import app as regrets_app
from bot.memory_storage import InMemoryStorage
from clock import SteppingClock
from dialogs.invitation_card import VERBS
from graph.subscriptions import LIFETIME
from sandbox.graph_state import Fault
from tests.fixtures.stack import Teams, ask, attachments_of, buttons, card_text, click, morning, settings_for

pytestmark = pytest.mark.asyncio

ORGANIZER = {"emailAddress": {"name": "Bo Chen", "address": "bo.chen@fabrikam.example"}}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Invites(Teams):
    """Teams plus the running bot's notification worker."""

    notifications: Any

    async def settle(self, within: float = 10.0) -> None:
        """Wait until Graph delivered everything and Regrets handled everything it accepted."""
        await asyncio.to_thread(self.sandbox.graph.subscriptions.wait_idle, within)
        deadline = asyncio.get_running_loop().time() + within
        while await self.notifications.queue.peek():
            assert asyncio.get_running_loop().time() < deadline, "notifications still queued"
            await asyncio.sleep(0.02)

    async def cards_in(self, conversation: Any, count: int, within: float = 5.0) -> None:
        """Wait until `count` invitation cards were posted (a card is due within 5 s)."""
        deadline = asyncio.get_running_loop().time() + within
        while len(invitation_cards(self, conversation)) < count:
            assert asyncio.get_running_loop().time() < deadline, "no invitation card within 5 s"
            await asyncio.sleep(0.01)

    def subscriptions(self, user: Any) -> list[Any]:
        return self.sandbox.graph.subscriptions.for_owner(user.oid)


class _running:
    """Regrets in-process on a known loopback port, with PUBLIC_BASE_URL pointing at itself."""

    def __init__(self, sandbox, *, signed: bool, storage: Any = None, clock: Any = None) -> None:
        self.sandbox, self.signed, self.storage = sandbox, signed, storage
        self.clock = clock or SteppingClock(morning())

    async def __aenter__(self) -> Invites:
        port = _free_port()
        settings = settings_for(
            sandbox := self.sandbox, authenticated=self.signed, PUBLIC_BASE_URL=f"http://127.0.0.1:{port}"
        )
        application = regrets_app.build(settings, clock=self.clock, storage=self.storage)
        self.server = TestServer(application, host="127.0.0.1", port=port)
        await self.server.start_server()
        # Graph's idea of "now" (subscription expiry) is the same pinned instant as Regrets'.
        self.stand_in_clock = sandbox.graph.subscriptions.clock
        sandbox.graph.subscriptions.clock = self.clock
        self.session = aiohttp.ClientSession()
        teams = Invites(sandbox, f"http://127.0.0.1:{port}", self.session, signed=self.signed)
        teams.notifications = application[regrets_app.NOTIFICATIONS]
        return teams

    async def __aexit__(self, *exc: object) -> None:
        self.sandbox.graph.subscriptions.clock = self.stand_in_clock
        await self.session.close()
        await self.server.close()


@pytest.fixture
async def invites(sandbox):
    async with _running(sandbox, signed=True) as teams:
        yield teams


def at(days: int, hour: int, minutes: int = 60) -> tuple[dict[str, str], dict[str, str]]:
    zone = morning().tzinfo  # the pinned morning's zone (US Pacific), as the test users' mailboxes
    start = datetime.combine(morning().date() + timedelta(days=days), datetime.min.time(), zone).replace(hour=hour)
    end = start + timedelta(minutes=minutes)
    fmt = "%Y-%m-%dT%H:%M:%S"
    return (
        {"dateTime": start.strftime(fmt), "timeZone": "Pacific Standard Time"},
        {"dateTime": end.strftime(fmt), "timeZone": "Pacific Standard Time"},
    )


def invitation(subject: str = "Quarterly planning", *, days: int = 1, hour: int = 10, **extra: Any) -> dict:
    start, end = at(days, hour)
    return {
        "subject": subject,
        "start": start,
        "end": end,
        "organizer": ORGANIZER,
        "location": {"displayName": "Room 4.12"},
        **extra,
    }


async def opted_in(teams: Invites):
    user = teams.user("Dana Reyes", demo_calendar=False)
    conversation = teams.conversation(user)
    replies = await ask(teams, conversation, "turn on invitation cards")
    assert [m.get("text") for m in replies][-1].startswith("Invitation cards are on")
    return user, conversation


def execute(card: dict[str, Any], verb: str) -> list[dict[str, Any]]:
    return [b for b in buttons(card) if b.get("verb") == verb]


def invitation_cards(teams: Invites, conversation: Any) -> list[dict[str, Any]]:
    return [
        card
        for message in teams.messages(conversation)
        for card in attachments_of(message)
        if any(b.get("verb") in VERBS for b in buttons(card))
    ]


async def test_turning_on_invitation_cards_creates_one_validated_subscription_on_the_users_events(invites):
    user, _ = await opted_in(invites)
    (sub,) = invites.subscriptions(user)
    assert sub.resource == "/me/events"
    assert sub.change_types == {"created", "updated"}
    assert sub.notification_url == f"{invites.url}/api/notifications"
    assert sub.lifecycle_url == f"{invites.url}/api/notifications/lifecycle"
    assert sub.notification_url in invites.sandbox.graph.subscriptions.validations
    assert sub.lifecycle_url in invites.sandbox.graph.subscriptions.validations
    assert len(sub.client_state) >= 32
    assert sub.expires - morning() == LIFETIME <= timedelta(minutes=10_080)  # Graph's maximum for events


async def test_a_new_invitation_arrives_as_one_card_with_accept_tentative_and_decline(invites):
    user, conversation = await opted_in(invites)
    invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    await invites.settle()
    (card,) = invitation_cards(invites, conversation)
    text = card_text(card)
    assert "Quarterly planning" in text and "Bo Chen" in text and "Room 4.12" in text
    assert [(b["title"], b["verb"]) for b in buttons(card)] == [
        ("Accept", "acceptInvitation"),
        ("Tentative", "tentativeInvitation"),
        ("Decline", "declineInvitation"),
    ]


async def test_decline_on_the_card_declines_that_event_once_even_when_clicked_twice(invites):
    user, conversation = await opted_in(invites)
    event_id = invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    await invites.settle()
    (card,) = invitation_cards(invites, conversation)
    (decline,) = execute(card, "declineInvitation")
    status, body = await click(invites, conversation, decline, {"comment": "Sorry, I have a clash", "notify": "true"})
    assert status == 200
    assert "Declined" in card_text(body["value"])
    status, _ = await click(invites, conversation, decline, {"notify": "true"})
    assert status == 200
    await invites.settle()
    decisions = [d for d in invites.sandbox.graph.decisions if d.user == user.oid]
    assert [(d.event_id, d.action, d.comment) for d in decisions] == [(event_id, "decline", "Sorry, I have a clash")]
    assert len(invitation_cards(invites, conversation)) == 1


async def test_the_conflicting_meeting_is_named_on_the_card(invites):
    user, conversation = await opted_in(invites)
    start, end = at(1, 10)
    invites.sandbox.graph.add_event(
        user.oid,
        {"subject": "Dentist", "start": start, "end": end, "organizer": {"emailAddress": {"address": user.entra.upn}}},
    )
    await invites.settle()
    invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    (card,) = invitation_cards(invites, conversation)
    assert "Conflicts with" in card_text(card) and "Dentist" in card_text(card)


async def test_forged_duplicate_own_answered_and_cancelled_notifications_post_nothing(invites):
    user, conversation = await opted_in(invites)
    (sub,) = invites.subscriptions(user)
    subs = invites.sandbox.graph.subscriptions
    event_id = invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    await invites.settle()
    graph_calls = len(invites.sandbox.graph.requests())
    posted = len(invites.messages(conversation))

    delivered = next(d for d in subs.deliveries if d.body["value"][0]["resourceData"]["id"] == event_id)
    forged = {"value": [{**delivered.body["value"][0], "clientState": "guess"}]}
    subs.post(sub.notification_url, forged)
    unknown = {"value": [{**delivered.body["value"][0], "subscriptionId": "not-a-subscription"}]}
    subs.post(sub.notification_url, unknown)
    await invites.settle()
    assert len(invites.sandbox.graph.requests()) == graph_calls  # forged: no Graph call at all
    assert subs.deliveries[-1].status == 202 and subs.deliveries[-2].status == 202

    subs.post(sub.notification_url, delivered.body)  # Graph delivers at least once
    subs.post(sub.notification_url, {"value": [{**delivered.body["value"][0], "changeType": "updated"}]})
    own = invitation("My own meeting", organizer={"emailAddress": {"address": user.entra.upn}})
    invites.sandbox.graph.add_event(user.oid, own)
    invites.sandbox.graph.add_event(user.oid, invitation("Answered", responseStatus={"response": "accepted"}))
    invites.sandbox.graph.add_event(user.oid, invitation("Called off", isCancelled=True))
    invites.sandbox.graph.add_event(user.oid, invitation("Yesterday's", days=-1))
    await invites.settle()
    assert len(invites.messages(conversation)) == posted
    assert len(invitation_cards(invites, conversation)) == 1


async def test_answering_in_outlook_turns_the_card_into_a_note_saying_so(invites):
    user, conversation = await opted_in(invites)
    event_id = invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    await invites.settle()
    invites.sandbox.graph.update_event(user.oid, event_id, {"responseStatus": {"response": "accepted"}})
    await invites.settle()
    (update,) = invites.calls(conversation, "PUT")
    assert "You accepted “Quarterly planning” in Outlook" in card_text(update.activity["attachments"][0]["content"])
    (card,) = invitation_cards(invites, conversation)
    (accept,) = execute(card, "acceptInvitation")
    status, _ = await click(invites, conversation, accept)
    assert status == 200
    assert [d for d in invites.sandbox.graph.decisions if d.user == user.oid] == []


async def test_a_moved_invitation_updates_its_card_instead_of_sending_another(invites):
    user, conversation = await opted_in(invites)
    event_id = invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    await invites.settle()
    start, end = at(2, 14)
    invites.sandbox.graph.update_event(user.oid, event_id, {"start": start, "end": end})
    await invites.settle()
    (update,) = invites.calls(conversation, "PUT")
    moved = update.activity["attachments"][0]["content"]
    assert "moved" in card_text(moved) and "2:00" in card_text(moved)
    assert len(invitation_cards(invites, conversation)) == 1


async def test_reauthorization_required_is_answered_with_reauthorize(invites):
    user, _ = await opted_in(invites)
    (sub,) = invites.subscriptions(user)
    invites.sandbox.graph.subscriptions.lifecycle(sub.id, "reauthorizationRequired")
    await invites.settle()
    assert invites.sandbox.graph.requests("POST", f"/subscriptions/{sub.id}/reauthorize")
    assert not sub.needs_reauthorization


async def test_a_removed_subscription_is_replaced_and_cards_keep_coming(invites):
    user, conversation = await opted_in(invites)
    (old,) = invites.subscriptions(user)
    invites.sandbox.graph.subscriptions.lifecycle(old.id, "subscriptionRemoved")
    await invites.settle()
    (new,) = invites.subscriptions(user)
    assert new.id != old.id and new.client_state != old.client_state
    invites.sandbox.graph.add_event(user.oid, invitation())
    await invites.cards_in(conversation, 1)
    await invites.settle()
    assert len(invitation_cards(invites, conversation)) == 1


async def test_missed_notifications_are_resynced_and_each_missed_invitation_gets_one_card(invites):
    user, conversation = await opted_in(invites)
    (sub,) = invites.subscriptions(user)
    invites.sandbox.graph.subscriptions.drop_next = 2
    invites.sandbox.graph.add_event(user.oid, invitation("Lost one"))
    invites.sandbox.graph.add_event(user.oid, invitation("Lost two", days=3))
    await invites.settle()
    assert invitation_cards(invites, conversation) == []
    invites.sandbox.graph.subscriptions.lifecycle(sub.id, "missed")
    invites.sandbox.graph.subscriptions.lifecycle(sub.id, "missed")
    await invites.settle()
    subjects = sorted(
        "Lost one" if "Lost one" in card_text(c) else "Lost two" for c in invitation_cards(invites, conversation)
    )
    assert subjects == ["Lost one", "Lost two"]


async def test_a_sign_in_that_cannot_be_refreshed_is_reported_once_and_cards_stop(invites):
    user, conversation = await opted_in(invites)
    invites.sandbox.entra.revoke(user.entra)
    # Graph refuses the cached access token once (it was revoked too); the refresh then fails.
    expired = Fault(status=401, path_contains="/me/mailboxSettings", times=1)
    invites.sandbox.graph.inject(expired)
    invites.sandbox.graph.add_event(user.oid, invitation("First"))
    try:
        await invites.settle()
    finally:
        if expired in invites.sandbox.graph.faults:  # never leak a fault into other tests
            invites.sandbox.graph.faults.remove(expired)
    invites.sandbox.graph.add_event(user.oid, invitation("Second"))
    await invites.settle()
    notices = [
        c for m in invites.messages(conversation) for c in attachments_of(m) if "sign-in has expired" in card_text(c)
    ]
    assert len(notices) == 1
    (button,) = execute(notices[0], "say")
    assert button["data"]["text"] == "turn on invitation cards"
    assert invitation_cards(invites, conversation) == []
    assert expired not in invites.sandbox.graph.faults


async def test_turning_off_deletes_the_subscription_and_no_more_cards_arrive(invites):
    user, conversation = await opted_in(invites)
    (sub,) = invites.subscriptions(user)
    replies = await ask(invites, conversation, "turn off invitation cards")
    assert replies[-1]["text"].startswith("Invitation cards are off")
    assert invites.subscriptions(user) == []
    assert invites.sandbox.graph.requests("DELETE", f"/subscriptions/{sub.id}")
    invites.sandbox.graph.add_event(user.oid, invitation())
    subs = invites.sandbox.graph.subscriptions
    subs.post(sub.notification_url, {"value": [{"subscriptionId": sub.id, "clientState": sub.client_state}]})
    await invites.settle()
    assert invitation_cards(invites, conversation) == []


async def test_the_validation_handshake_echoes_the_decoded_token_as_plain_text(invites):
    token = "Validation: Testing client application reachability for subscription Request-Id: 1 2+3"
    for path in ("/api/notifications", "/api/notifications/lifecycle"):
        async with invites.session.post(f"{invites.url}{path}", params={"validationToken": token}) as response:
            assert response.status == 200
            assert response.content_type == "text/plain"
            assert await response.text() == token


async def test_a_body_that_is_not_a_notification_batch_gets_400(invites):
    async with invites.session.post(f"{invites.url}/api/notifications", data=b"{not json") as response:
        assert response.status == 400
    async with invites.session.post(f"{invites.url}/api/notifications", json={"value": "x"}) as response:
        assert response.status == 400


async def test_in_local_mode_as_in_the_demo_the_card_reaches_the_playground_chat(sandbox):
    async with _running(sandbox, signed=False) as local:
        user, conversation = await opted_in(local)
        local.sandbox.graph.add_event(user.oid, invitation())
        await local.cards_in(conversation, 1)
        await local.settle()
        assert len(invitation_cards(local, conversation)) == 1


async def test_subscriptions_are_renewed_before_they_expire_by_the_instance_holding_the_lease(sandbox):
    clock = SteppingClock(morning())
    async with _running(sandbox, signed=True, clock=clock) as teams:
        user, _ = await opted_in(teams)
        (sub,) = teams.subscriptions(user)
        assert await teams.notifications.renew_if_leader() == 0  # nothing due yet
        clock.advance(LIFETIME - timedelta(hours=12))
        assert await teams.notifications.renew_if_leader() == 1
        assert teams.sandbox.graph.requests("PATCH", f"/subscriptions/{sub.id}")
        assert sub.expires == clock() + LIFETIME


async def test_two_instances_sharing_the_store_post_one_card_per_invitation(sandbox):
    shared = InMemoryStorage()
    async with (
        _running(sandbox, signed=True, storage=shared) as first,
        _running(sandbox, signed=True, storage=shared) as second,
    ):
        user, conversation = await opted_in(first)
        first.sandbox.graph.add_event(user.oid, invitation())
        await first.cards_in(conversation, 1)
        await first.settle()
        await second.settle()
        await second.notifications.drain()
        assert len(invitation_cards(first, conversation)) == 1
