"""Round-4 QA, black box: what a user and the stand-ins see when Teams drives Regrets.

Each test plays Teams against Regrets served in-process (tests.fixtures.stack), its clock
pinned at the instants that break the most (`regrets_at_core`) or at the plain Tuesday
morning (`regrets`), and asserts only on what comes back to Teams, what the connector
stand-in received and what the Graph stand-in applied. Outlook changes (moved, cancelled,
answered) are made in the Graph stand-in as Outlook would make them, between the card and
the click, and the click follows at once.
"""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import quote

import pytest

from dialogs import texts
from graph.timezones import parse_graph_datetime
from sandbox.graph_state import Fault
from sandbox.stack import BOT_APP_ID
from tests.cards.walk import inputs
from tests.fixtures.stack import ADAPTIVE, OAUTH, ask, attachments_of, buttons, card_text, click


def decisions(sandbox, user):
    return [d for d in sandbox.graph.decisions if d.user == user.oid]


def accepted_declines(sandbox, user):
    return [r for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid and r.status < 300]


def only_card(messages):
    cards = [card for message in messages for card in attachments_of(message)]
    assert len(cards) == 1, [m.get("text") for m in messages]
    return cards[0]


def button(card, verb):
    [found] = [b for b in buttons(card) if b["verb"] == verb]
    return found


def filled(card, **changes):
    return {**{k: str(i.get("value", "")) for k, i in inputs(card).items()}, **changes}


def graph_time(value) -> dict[str, str]:
    return {"dateTime": value.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"}


async def three_pm_card(teams, chat):
    card = only_card(await ask(teams, chat, "decline my 3pm"))
    assert "Quarterly budget review" in card_text(card)
    return card


# ---- stale cards: changed in Outlook after the card was shown, clicked at once ---------------------------


async def click_after_outlook_changed(teams, sandbox, change):
    """Show the 3pm card, apply `change(shown event)` in Outlook, click Decline at once: (user, what the card says)."""
    user = teams.user()
    chat = teams.conversation(user)
    card = await three_pm_card(teams, chat)
    event_id = button(card, "decline")["data"]["eventId"]
    sandbox.graph.update_event(user.oid, event_id, change(sandbox.graph.event(user.oid, event_id)))

    status, body = await click(teams, chat, button(card, "decline"), filled(card))

    assert status == 200 and body["type"] == ADAPTIVE
    return user, card_text(body["value"])


def two_hours_later(shown):
    start = parse_graph_datetime(shown["start"]["dateTime"], shown["start"]["timeZone"]) + timedelta(hours=2)
    return {"start": graph_time(start), "end": graph_time(start + timedelta(hours=1))}


def answered(response):
    return lambda shown: {"responseStatus": {"response": response, "time": "2026-11-24T17:05:00Z"}}


async def test_a_card_for_a_meeting_moved_in_outlook_declines_nothing_and_says_it_moved(regrets_at_core, sandbox):
    user, said = await click_after_outlook_changed(regrets_at_core, sandbox, two_hours_later)
    assert "moved to" in said and "5:00 PM" in said, said
    assert accepted_declines(sandbox, user) == [] and decisions(sandbox, user) == []


async def test_a_card_for_a_meeting_cancelled_in_outlook_declines_nothing_and_says_it_was_cancelled(
    regrets_at_core, sandbox
):
    user, said = await click_after_outlook_changed(regrets_at_core, sandbox, lambda shown: {"isCancelled": True})
    assert "cancel" in said.lower() and "Quarterly budget review" in said, said
    assert accepted_declines(sandbox, user) == [] and decisions(sandbox, user) == []


async def test_a_card_for_a_meeting_removed_in_outlook_declines_nothing_and_says_it_is_gone(regrets, sandbox):
    user, said = await click_after_outlook_changed(regrets, sandbox, lambda shown: {"_removed": True})
    assert "no longer on your calendar" in said, said
    assert accepted_declines(sandbox, user) == []


async def test_a_card_for_a_meeting_declined_in_outlook_meanwhile_declines_nothing_twice(regrets_at_core, sandbox):
    user, said = await click_after_outlook_changed(regrets_at_core, sandbox, answered("declined"))
    assert said.startswith("You already declined “Quarterly budget review”"), said
    assert accepted_declines(sandbox, user) == []


async def test_a_card_for_a_meeting_accepted_in_outlook_meanwhile_acts_on_nothing_and_says_so(regrets_at_core, sandbox):
    user, said = await click_after_outlook_changed(regrets_at_core, sandbox, answered("accepted"))
    assert "accepted" in said and "Quarterly budget review" in said, said
    assert accepted_declines(sandbox, user) == []


# ---- series -------------------------------------------------------------------------------------------------


async def test_just_this_one_on_a_series_card_declines_that_occurrence_only(regrets_at_core, sandbox):
    teams = regrets_at_core
    user = teams.user()
    chat = teams.conversation(user)
    card = only_card(await ask(teams, chat, "decline the standup tomorrow"))
    assert inputs(card)["scope"]["value"] == "occurrence"
    occurrence_id = button(card, "decline")["data"]["eventId"]
    occurrence = sandbox.graph.event(user.oid, occurrence_id)
    assert occurrence["type"] == "occurrence"

    status, body = await click(teams, chat, button(card, "decline"), filled(card, scope="occurrence"))

    assert status == 200 and "Declined" in card_text(body["value"])
    assert "series" not in card_text(body["value"]).lower()
    [decision] = decisions(sandbox, user)
    assert decision.event_id == occurrence_id
    [posted] = accepted_declines(sandbox, user)
    assert quote(occurrence_id, safe="") in posted.path
    assert sandbox.graph.event(user.oid, occurrence["seriesMasterId"])["responseStatus"]["response"] != "declined"


# ---- Graph throttling -----------------------------------------------------------------------------------------


async def test_a_429_with_retry_after_on_the_decline_is_honoured_and_declines_once(regrets_at_core, sandbox):
    teams = regrets_at_core
    user = teams.user()
    chat = teams.conversation(user)
    card = await three_pm_card(teams, chat)
    event_id = button(card, "decline")["data"]["eventId"]
    sandbox.graph.inject(
        Fault(status=429, retry_after=1, method="POST", path_contains=quote(event_id, safe="") + "/decline")
    )

    status, body = await click(teams, chat, button(card, "decline"), filled(card))

    assert status == 200 and "Declined" in card_text(body["value"])
    tries = [r.status for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid]
    assert tries == [429, 200] or tries == [429, 202], tries
    assert len(decisions(sandbox, user)) == 1


# ---- the connector down during the click -----------------------------------------------------------------------


async def test_with_the_connector_down_the_click_answer_carries_the_card_and_a_retry_applies_nothing_twice(
    regrets_at_core, sandbox
):
    teams = regrets_at_core
    user = teams.user()
    chat = teams.conversation(user)
    card = await three_pm_card(teams, chat)
    sandbox.channel.fail_next(503, times=50)
    try:
        status, body = await click(teams, chat, button(card, "decline"), filled(card))
    finally:
        sandbox.channel.reset()
    assert status == 200 and body["type"] == ADAPTIVE
    assert "Declined" in card_text(body["value"]) and buttons(body["value"]) == []

    status, again = await click(teams, chat, button(card, "decline"), filled(card))
    assert status == 200 and again == body
    assert len(decisions(sandbox, user)) == 1
    # And the conversation carries on once the connector is back.
    replies = await ask(teams, chat, "what's on today", sign_in=False)
    assert replies and not [c for m in replies for c in attachments_of(m, OAUTH)]


# ---- "never mind" ---------------------------------------------------------------------------------------------


async def test_never_mind_after_a_card_replaces_it_in_place_and_its_button_then_declines_nothing(
    regrets_at_core, sandbox
):
    teams = regrets_at_core
    user = teams.user()
    chat = teams.conversation(user)
    card = await three_pm_card(teams, chat)
    [card_post] = [c for c in teams.calls(chat, "POST") if c.activity and attachments_of(c.activity)][-1:]

    replies = await ask(teams, chat, "never mind", sign_in=False)

    [update] = teams.calls(chat, "PUT")
    assert update.activity_id == card_post.response_id
    kept = card_text(attachments_of(update.activity)[0])
    assert kept.startswith("Okay, I left “Quarterly budget review”"), kept
    assert replies == []  # the card itself says it; nothing else was posted
    status, body = await click(teams, chat, button(card, "decline"), filled(card))
    assert status == 200 and card_text(body["value"]) == kept
    assert accepted_declines(sandbox, user) == [] and decisions(sandbox, user) == []


async def test_never_mind_with_no_card_says_there_was_nothing_to_stop(regrets):
    user = regrets.user()
    chat = regrets.conversation(user)
    [reply] = await ask(regrets, chat, "never mind", sign_in=False)
    assert reply["text"] == "Okay. There was nothing to stop."


# ---- help and welcome ---------------------------------------------------------------------------------------


async def test_help_shows_the_examples_each_with_a_try_it_button_and_sign_out(regrets):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "help", sign_in=False))
    said = card_text(card)
    for example in texts.HELP_EXAMPLES:
        assert example in said
    says = [b["data"].get("text") for b in buttons(card) if b["verb"] == "say"]
    assert set(texts.HELP_EXAMPLES) <= set(says) and "sign out" in says
    assert sandbox_free_of_graph(regrets, user)


def sandbox_free_of_graph(teams, user) -> bool:
    return [r for r in teams.sandbox.graph.log if r.user == user.oid] == []


async def test_a_user_adding_regrets_in_a_personal_chat_gets_the_welcome_once(regrets):
    user = regrets.user()
    chat = regrets.conversation(user)
    added = regrets.activity(chat, type="conversationUpdate")
    added["membersAdded"] = [{"id": f"28:{BOT_APP_ID}", "name": "Regrets"}, {"id": f"29:{user.oid}"}]
    status, _ = await regrets.post(added)
    assert 200 <= status < 300
    texts_said = [m.get("text") for m in regrets.messages(chat)]
    assert texts_said.count(texts.WELCOME) == 1, texts_said


async def test_regrets_added_to_a_group_chat_posts_no_welcome(regrets):
    user = regrets.user()
    chat = regrets.conversation(user, "groupChat")
    added = regrets.activity(chat, type="conversationUpdate")
    added["membersAdded"] = [{"id": f"28:{BOT_APP_ID}", "name": "Regrets"}]
    status, _ = await regrets.post(added)
    assert 200 <= status < 300
    assert regrets.messages(chat) == []


async def test_hello_gets_the_welcome_text(regrets):
    user = regrets.user()
    chat = regrets.conversation(user)
    [reply] = await ask(regrets, chat, "hello", sign_in=False)
    assert reply["text"] == texts.WELCOME


# ---- malformed activities and forged tokens ----------------------------------------------------------------


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda a: {k: v for k, v in a.items() if k != "type"}, id="no-type"),
        pytest.param(lambda a: {**a, "conversation": "a:not-an-object"}, id="conversation-a-string"),
        pytest.param(lambda a: {**a, "from": None, "conversation": None}, id="no-from-no-conversation"),
        pytest.param(lambda a: [a], id="a-list-of-activities"),
        pytest.param(lambda a: {**a, "serviceUrl": None}, id="no-service-url"),
        pytest.param(lambda a: {**a, "type": "invoke"}, id="an-invoke-with-no-name"),
        pytest.param(lambda a: {**a, "type": "invoke", "name": ""}, id="an-invoke-with-an-empty-name"),
    ],
)
async def test_a_malformed_activity_gets_400_and_nothing_reaches_the_connector_or_graph(regrets, sandbox, mangle):
    user = regrets.user(demo_calendar=False)
    chat = regrets.conversation(user)
    graph_before = len(sandbox.graph.log)
    raw = json.dumps(mangle(regrets.activity(chat, text="decline my 3pm"))).encode()
    status, body = await regrets.post({}, raw=raw)
    assert status == 400, (status, body)
    assert regrets.calls(chat) == [] and len(sandbox.graph.log) == graph_before


async def test_a_token_signed_for_another_bot_gets_401_and_runs_no_turn(regrets, sandbox):
    user = regrets.user(demo_calendar=False)
    chat = regrets.conversation(user)
    graph_before, entra_before = len(sandbox.graph.log), sandbox.entra.count(user=user.entra)
    token = sandbox.channel.sign_activity_token("00000000-0000-0000-0000-000000000bad")
    status, _ = await regrets.post(regrets.activity(chat, text="decline my 3pm"), authorization=f"Bearer {token}")
    assert status == 401
    assert regrets.calls(chat) == []
    assert len(sandbox.graph.log) == graph_before and sandbox.entra.count(user=user.entra) == entra_before


async def test_a_forged_token_on_a_card_click_gets_401_and_declines_nothing(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = await three_pm_card(regrets, chat)
    forged = sandbox.channel.forge_activity_token("bad_signature", BOT_APP_ID, sandbox.channel.service_url)
    value = {
        "action": {"type": "Action.Execute", "verb": "decline", "data": {**button(card, "decline")["data"]}},
        "trigger": "manual",
    }
    status, _ = await regrets.post(
        regrets.activity(chat, type="invoke", name="adaptiveCard/action", value=value),
        authorization=f"Bearer {forged}",
    )
    assert status == 401
    assert accepted_declines(sandbox, user) == []
    # The real click afterwards still works, once.
    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and "Declined" in card_text(body["value"])
    assert len(accepted_declines(sandbox, user)) == 1


# ---- probes: retries after a failure the user was told about ------------------------------------------------


async def test_a_retry_after_of_ten_minutes_is_not_cut_short_the_user_is_told_and_a_later_click_declines_once(
    regrets, sandbox
):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = await three_pm_card(regrets, chat)
    event_id = button(card, "decline")["data"]["eventId"]
    sandbox.graph.inject(
        Fault(status=429, retry_after=600, method="POST", path_contains=quote(event_id, safe="") + "/decline", times=5)
    )
    try:
        status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    finally:
        sandbox.graph.faults.clear()
    assert status == 200
    first = body["value"] if isinstance(body["value"], str) else card_text(body["value"])
    assert first == texts.GRAPH_THROTTLED, first
    # Graph said "not for ten minutes": Regrets sent the decline once and did not try again sooner.
    assert [r.status for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid] == [429]
    assert decisions(sandbox, user) == []

    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and "Declined" in card_text(body["value"]), body
    assert len(decisions(sandbox, user)) == 1


async def test_a_decline_done_but_unanswered_by_graph_is_never_sent_twice(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = await three_pm_card(regrets, chat)
    event_id = button(card, "decline")["data"]["eventId"]
    sandbox.graph.inject(
        Fault(kind="reset", after=True, method="POST", path_contains=quote(event_id, safe="") + "/decline")
    )
    try:
        status, first = await click(regrets, chat, button(card, "decline"), filled(card))
    finally:
        sandbox.graph.faults.clear()
    assert status == 200
    status, second = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200
    assert len(decisions(sandbox, user)) == 1
    shown = second["value"] if isinstance(second["value"], str) else card_text(second["value"])
    assert "eclined" in shown, shown


async def test_a_submit_click_while_the_connector_is_down_is_applied_once_and_shown_when_it_returns(regrets, sandbox):
    from tests.fixtures.stack import submit

    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "decline my 3pm")
    card_call = [c for c in regrets.calls(chat, "POST") if c.activity and attachments_of(c.activity)][-1]
    card = attachments_of(card_call.activity)[0]
    sandbox.channel.fail_next(503, times=50)
    try:
        status, _ = await submit(regrets, chat, button(card, "decline"), card_call.response_id, filled(card))
    finally:
        sandbox.channel.reset()
    assert 200 <= status < 300
    assert len(decisions(sandbox, user)) == 1
    before = len(regrets.calls(chat))
    status, _ = await submit(regrets, chat, button(card, "decline"), card_call.response_id, filled(card))
    assert 200 <= status < 300
    assert len(decisions(sandbox, user)) == 1
    shown = [c for c in regrets.calls(chat)[before:] if c.activity]
    texts_seen = [
        card_text(attachments_of(c.activity)[0]) if attachments_of(c.activity) else c.activity.get("text") or ""
        for c in shown
    ]
    assert any("Declined" in t for t in texts_seen), texts_seen


async def test_a_whole_series_card_declines_the_series_once_even_when_clicked_twice_at_once(regrets_at_core, sandbox):
    import asyncio

    teams = regrets_at_core
    user = teams.user()
    chat = teams.conversation(user)
    card = only_card(await ask(teams, chat, "decline the standup tomorrow"))
    answers = await asyncio.gather(
        *(click(teams, chat, button(card, "decline"), filled(card, scope="series")) for _ in range(2))
    )
    assert [s for s, _ in answers] == [200, 200]
    assert answers[0][1] == answers[1][1]
    assert "series" in card_text(answers[0][1]["value"])
    [decision] = decisions(sandbox, user)
    assert sandbox.graph.event(user.oid, decision.event_id)["type"] == "seriesMaster"


async def test_a_retry_after_longer_than_a_click_can_wait_is_told_to_the_user_at_once_and_not_waited_out(
    regrets, sandbox
):
    # Bot Framework gives a turn 15 s to answer; a 20 s Retry-After cannot be waited out inside the click.
    user = regrets.user()
    chat = regrets.conversation(user)
    card = await three_pm_card(regrets, chat)
    event_id = button(card, "decline")["data"]["eventId"]
    sandbox.graph.inject(
        Fault(status=429, retry_after=20, method="POST", path_contains=quote(event_id, safe="") + "/decline")
    )
    try:
        status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    finally:
        sandbox.graph.faults.clear()
    assert status == 200 and body["value"] == texts.GRAPH_THROTTLED, body
    assert [r.status for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid] == [429]
    assert decisions(sandbox, user) == []

    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and "Declined" in card_text(body["value"])
    assert len(decisions(sandbox, user)) == 1


MENTION = [
    {
        "type": "mention",
        "text": "<at>Regrets</at>",
        "mentioned": {"id": f"28:{BOT_APP_ID}", "name": "Regrets"},
    }
]


async def test_never_mind_from_someone_else_in_a_group_chat_leaves_the_owners_card_working(regrets, sandbox):
    from tests.fixtures.stack import Conversation, exchange

    owner = regrets.user("Dana Reyes")
    chat = regrets.conversation(owner, "groupChat")
    await regrets.say(chat, "<at>Regrets</at> decline my 3pm", entities=MENTION)
    [oauth] = [c for m in regrets.messages(chat) for c in attachments_of(m, OAUTH)]
    await exchange(regrets, chat, oauth["tokenExchangeResource"]["id"])
    card = only_card(regrets.messages(chat)[-1:])

    other = Conversation(chat.id, regrets.user("Kim Lee"), "groupChat")
    before = len(regrets.messages(chat))
    status, _ = await regrets.say(other, "<at>Regrets</at> never mind", entities=MENTION)
    assert status == 201
    assert [m.get("text") for m in regrets.messages(chat)[before:]] == ["Okay. There was nothing to stop."]
    assert regrets.calls(chat, "PUT") == []

    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and "Declined" in card_text(body["value"])
    assert len(decisions(sandbox, owner)) == 1


async def test_a_slow_answer_whose_typing_indicator_the_connector_refuses_still_arrives(regrets, sandbox, monkeypatch):
    from bot import regrets_bot

    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "decline my 3pm")  # signs in
    monkeypatch.setattr(regrets_bot, "TYPING_AFTER", 0.1)
    sandbox.graph.latency = 1.0  # far longer than TYPING_AFTER: the typing indicator goes out first
    sandbox.channel.fail_next(503, times=1)  # and the connector refuses it
    try:
        replies = await ask(regrets, chat, "decline my 3pm", sign_in=False)
    finally:
        sandbox.graph.latency = 0.0
        sandbox.channel.reset()
    assert "Quarterly budget review" in card_text(only_card(replies))


async def test_a_card_clicked_after_sign_out_declines_nothing_and_asks_for_sign_in_without_a_token_request(
    regrets, sandbox
):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = await three_pm_card(regrets, chat)
    [said] = await ask(regrets, chat, "sign out", sign_in=False)
    assert said["text"] == texts.SIGNED_OUT
    entra_before = sandbox.entra.count(user=user.entra)

    status, body = await click(regrets, chat, button(card, "decline"), filled(card))

    assert status == 200 and isinstance(body["value"], str)
    assert "sign in" in body["value"], body["value"]
    assert decisions(sandbox, user) == [] and accepted_declines(sandbox, user) == []
    assert sandbox.entra.count(user=user.entra) == entra_before  # the forgotten sign-in stays forgotten
