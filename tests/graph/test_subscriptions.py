"""SubscriptionClient against the Graph stand-in: create (validated), renew, reauthorize, delete, read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from graph import errors
from graph.subscriptions import LIFETIME, SubscriptionClient
from sandbox.graph_state import Fault
from tests.graph.conftest import ALICE, meeting

NOW = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


@pytest.fixture
def subscriptions(graph_http, graph_sleeps, graph_state) -> SubscriptionClient:
    graph_state.subscriptions.clock = lambda: NOW
    return SubscriptionClient(graph_http, sleep=graph_sleeps)


@pytest.fixture
async def endpoint():
    """A notification URL that answers Graph's validation as documented (or wrongly, on request)."""
    behaviour = {"echo": True}

    async def receive(request: web.Request) -> web.Response:
        token = request.query.get("validationToken", "")
        return web.Response(text=token if behaviour["echo"] else "nope", content_type="text/plain")

    app = web.Application()
    app.router.add_post("/hook", receive)
    app.router.add_post("/life", receive)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    base = str(server.make_url("")).rstrip("/")
    yield base, behaviour
    await server.close()


async def _create(subscriptions, tokens, base, **extra):
    return await subscriptions.create(
        tokens,
        notification_url=f"{base}/hook",
        lifecycle_url=f"{base}/life",
        client_state="s3cret",
        expires=extra.pop("expires", NOW + LIFETIME),
    )


async def test_a_subscription_is_created_after_both_urls_answer_the_validation(
    subscriptions, graph_state, alice, alice_tokens, endpoint
):
    base, _ = endpoint
    sub = await _create(subscriptions, alice_tokens, base)
    (stored,) = graph_state.subscriptions.for_owner(ALICE)
    assert stored.id == sub.id and sub.expires == NOW + LIFETIME
    assert graph_state.subscriptions.validations == [f"{base}/hook", f"{base}/life"]
    assert (stored.resource, stored.change_types, stored.client_state) == (
        "/me/events",
        {"created", "updated"},
        "s3cret",
    )


async def test_an_endpoint_that_fails_validation_gets_no_subscription(
    subscriptions, graph_state, alice, alice_tokens, endpoint
):
    base, behaviour = endpoint
    behaviour["echo"] = False
    with pytest.raises(errors.NotAllowed):
        await _create(subscriptions, alice_tokens, base)
    assert graph_state.subscriptions.for_owner(ALICE) == []


async def test_an_expiry_beyond_grahs_maximum_for_events_is_refused(subscriptions, alice, alice_tokens, endpoint):
    base, _ = endpoint
    with pytest.raises(errors.NotAllowed):
        await _create(subscriptions, alice_tokens, base, expires=NOW + timedelta(minutes=10_081))


async def test_renew_reauthorize_and_delete_act_on_the_subscription(
    subscriptions, graph_state, alice, alice_tokens, endpoint
):
    base, _ = endpoint
    sub = await _create(subscriptions, alice_tokens, base)
    renewed = await subscriptions.renew(alice_tokens, sub.id, NOW + timedelta(days=2))
    assert renewed.expires == NOW + timedelta(days=2)
    await subscriptions.reauthorize(alice_tokens, sub.id)
    await subscriptions.delete(alice_tokens, sub.id)
    assert graph_state.subscriptions.for_owner(ALICE) == []
    await subscriptions.delete(alice_tokens, sub.id)  # already gone is what was wanted
    with pytest.raises(errors.NotFound):
        await subscriptions.renew(alice_tokens, sub.id, NOW + timedelta(days=2))


async def test_a_429_waits_for_retry_after_then_succeeds(
    subscriptions, graph_state, graph_sleeps, alice, alice_tokens, endpoint
):
    base, _ = endpoint
    graph_state.inject(Fault(status=429, retry_after=4, method="POST", path_contains="/subscriptions"))
    await _create(subscriptions, alice_tokens, base)
    assert graph_sleeps.waits == [4.0]
    assert len(graph_state.subscriptions.for_owner(ALICE)) == 1


async def test_reading_an_invitation_brings_its_place_and_online_link(subscriptions, graph_state, alice, alice_tokens):
    event_id = graph_state.add_event(
        ALICE,
        meeting(
            "Planning",
            NOW.replace(hour=17),
            location={"displayName": "Room 4.12"},
            onlineMeeting={"joinUrl": "https://teams.example/l/meetup-join/1"},
        ),
    )
    invitation = await subscriptions.read_invitation(alice_tokens, event_id, tz_name="Europe/Paris")
    assert invitation.event.subject == "Planning" and invitation.event.start.hour == 18
    assert invitation.location == "Room 4.12"
    assert invitation.online_url == "https://teams.example/l/meetup-join/1"
