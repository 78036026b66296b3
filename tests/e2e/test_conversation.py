"""The decline flow end to end: Teams-shaped activities in, what the stand-ins saw out.

Each test has its own user (with the demo calendar), conversation and a pinned clock:
Tuesday 09:00 Pacific (`regrets`), or, for the tests whose meaning depends on the day,
each instant in tests.fixtures.instants (`regrets_at`: weekends, late evenings,
daylight-saving nights, year and month ends, Tokyo/Auckland/Honolulu mailboxes; the
costlier flows at the few that break the most, `regrets_at_core`). "My 3pm"
is the demo's "Quarterly budget review", still ahead at every instant.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

from bot import regrets_bot
from graph.timezones import parse_graph_datetime, zone
from sandbox.graph_state import Fault
from tests.fixtures.stack import ADAPTIVE, OAUTH, ask, attachments_of, buttons, card_text, click, exchange, submit


def decisions(sandbox, user):
    return [d for d in sandbox.graph.decisions if d.user == user.oid]


def graph_posts(sandbox, user, action="/decline"):
    return [r for r in sandbox.graph.requests("POST", action) if r.user == user.oid and r.status < 300]


def days_of(sandbox, user, event_ids):
    """The days, in the user's mailbox zone, the events start on."""
    starts = [sandbox.graph.event(user.oid, i)["start"] for i in event_ids]
    return {parse_graph_datetime(s["dateTime"], s["timeZone"]).astimezone(zone(user.time_zone)).date() for s in starts}


def tomorrow_at(teams):
    """Tomorrow in the user's mailbox zone at the pinned instant."""
    return teams.instant.at.astimezone(zone(teams.instant.time_zone)).date() + timedelta(days=1)


def only_card(messages):
    cards = [card for message in messages for card in attachments_of(message)]
    assert len(cards) == 1, messages
    return cards[0]


def button(card, verb):
    [found] = [b for b in buttons(card) if b["verb"] == verb]
    return found


async def test_decline_my_3pm_with_a_note_and_no_notification_declines_it_once(regrets_at, sandbox):
    user = regrets_at.user()
    chat = regrets_at.conversation(user)
    card = only_card(await ask(regrets_at, chat, "decline my 3pm"))
    assert "Quarterly budget review" in card_text(card)
    posted = len(regrets_at.messages(chat))

    status, body = await click(
        regrets_at, chat, button(card, "decline"), {"comment": "Sorry, clash with a customer!", "notify": "false"}
    )
    assert status == 200
    assert body["type"] == ADAPTIVE
    assert "Declined" in card_text(body["value"])
    assert buttons(body["value"]) == []  # the replacement cannot be clicked again

    [decision] = decisions(sandbox, user)
    assert (decision.action, decision.comment, decision.send_response) == (
        "decline",
        "Sorry, clash with a customer!",
        False,
    )
    assert "Quarterly budget review" in card_text(body["value"])
    assert "Organizer not notified" in card_text(body["value"])
    # The card is the one confirmation: nothing else was posted to the chat.
    assert regrets_at.messages(chat)[posted:] == []


async def test_a_double_click_declines_once_and_both_clicks_get_the_final_card(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    first = await click(regrets, chat, button(card, "decline"))
    second = await click(regrets, chat, button(card, "decline"))
    assert first[0] == second[0] == 200
    assert second[1] == first[1] and "Declined" in card_text(first[1]["value"])
    assert len(graph_posts(sandbox, user)) == 1


async def test_a_stale_card_gets_a_sentence_and_no_graph_call(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    stale = {**button(card, "decline"), "data": {**button(card, "decline")["data"], "requestId": "gone-long-ago"}}
    status, body = await click(regrets, chat, stale)
    assert status == 200
    assert graph_posts(sandbox, user) == []
    assert "out of date" in body["value"]


async def test_someone_else_clicking_the_card_never_acts_for_the_requester(regrets, sandbox):
    owner = regrets.user("Dana Reyes")
    chat = regrets.conversation(owner, "groupChat")
    mention = [
        {
            "type": "mention",
            "text": "<at>Regrets</at>",
            "mentioned": {"id": "28:6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5", "name": "Regrets"},
        }
    ]
    await regrets.say(chat, "<at>Regrets</at> decline my 3pm", entities=mention)
    oauth = [c for m in regrets.messages(chat) for c in attachments_of(m, OAUTH)]
    await exchange(regrets, chat, oauth[0]["tokenExchangeResource"]["id"])
    card = only_card(regrets.messages(chat)[-1:])
    other = regrets.user("Kim Lee")
    status, body = await click(regrets, chat, button(card, "decline"), as_user=other)
    assert status == 200
    assert graph_posts(sandbox, owner) == [] and graph_posts(sandbox, other) == []
    assert "someone else" in body["value"]


async def test_in_a_group_chat_regrets_answers_only_when_mentioned(regrets):
    user = regrets.user()
    chat = regrets.conversation(user, "groupChat")
    await regrets.say(chat, "decline my 3pm")
    assert regrets.messages(chat) == []
    mention = [
        {
            "type": "mention",
            "text": "<at>Regrets</at>",
            "mentioned": {"id": "28:6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5", "name": "Regrets"},
        }
    ]
    await regrets.say(chat, "<at>Regrets</at> help", entities=mention)
    assert len(regrets.messages(chat)) == 1


async def test_graph_throttling_during_the_decline_is_waited_out_and_declines_once(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    event_id = button(card, "decline")["data"]["eventId"]
    sandbox.graph.inject(
        Fault(kind="status", status=429, retry_after=1, method="POST", path_contains=quote(event_id, safe=""))
    )
    status, body = await click(regrets, chat, button(card, "decline"))
    assert status == 200 and "Declined" in card_text(body["value"])
    throttled = [r for r in sandbox.graph.requests("POST", "/decline") if r.user == user.oid and r.status == 429]
    assert len(throttled) == 1
    assert len(decisions(sandbox, user)) == 1


async def test_consent_needed_at_sign_in_shows_the_consent_card(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    sandbox.entra.fail("consent_required", user=user.entra, times=1)
    messages = await ask(regrets, chat, "decline my 3pm", sign_in=False)
    oauth = [c for m in messages for c in attachments_of(m, OAUTH)]
    before = len(regrets.messages(chat))
    status, _ = await exchange(regrets, chat, oauth[0]["tokenExchangeResource"]["id"])
    assert status == 412
    consent = only_card(regrets.messages(chat)[before:])
    assert any(
        a.get("type") == "Action.OpenUrl" and "adminconsent" in a.get("url", "") for a in consent.get("actions", [])
    )
    assert graph_posts(sandbox, user) == []


async def test_declining_your_own_meeting_offers_to_cancel_it_with_a_message(regrets_at_core, sandbox):
    user = regrets_at_core.user()
    chat = regrets_at_core.conversation(user)
    card = only_card(await ask(regrets_at_core, chat, "decline the design review"))
    assert "organize" in card_text(card).lower()
    status, body = await click(
        regrets_at_core, chat, button(card, "cancelMeeting"), {"comment": "Moving this to next week"}
    )
    assert status == 200
    [cancel] = graph_posts(sandbox, user, "/cancel")
    assert cancel.body == {"comment": "Moving this to next week"}
    assert graph_posts(sandbox, user) == []


async def test_declining_everything_tomorrow_reports_each_meeting_and_the_one_that_failed(regrets_at, sandbox):
    user = regrets_at.user()
    chat = regrets_at.conversation(user)
    card = only_card(await ask(regrets_at, chat, "decline all my meetings tomorrow"))
    decline_all = button(card, "respondAll")
    ids = decline_all["data"]["eventIds"]
    assert len(ids) >= 2
    assert days_of(sandbox, user, ids) == {tomorrow_at(regrets_at)}
    sandbox.graph.inject(Fault(kind="status", status=404, path_contains=quote(ids[0], safe="")))
    status, body = await click(regrets_at, chat, decline_all)
    assert status == 200
    summary = card_text(body["value"])
    failed_subject = sandbox.graph.event(user.oid, ids[0])["subject"]
    assert summary.startswith(f"Declined {len(ids) - 1} meetings, 1 left as it was – ")
    assert summary.count("✓") == len(ids) - 1
    assert summary.split("–", 1)[1].strip().startswith(failed_subject)
    assert f"“{failed_subject}”" in summary and "is no longer on your calendar, so I did nothing." in summary
    batches = [r for r in sandbox.graph.requests("POST", "/$batch") if r.user == user.oid]
    assert len(batches) >= 1
    assert len(decisions(sandbox, user)) == len(ids) - 1


async def test_an_older_client_clicking_submit_gets_the_card_replaced_in_place(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "decline my 3pm")
    card_call = [
        c
        for c in regrets.calls(chat, "POST")
        if c.activity and c.activity.get("attachments") and attachments_of(c.activity)
    ][-1]
    card = attachments_of(card_call.activity)[0]
    status, _ = await submit(regrets, chat, button(card, "decline"), card_call.response_id, {"comment": "Out sick"})
    assert status == 201
    [update] = regrets.calls(chat, "PUT")
    assert update.activity_id == card_call.response_id
    assert "Declined" in card_text(attachments_of(update.activity)[0])
    [decision] = decisions(sandbox, user)
    assert decision.comment == "Out sick"


async def test_a_second_request_by_the_same_user_makes_no_token_request(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "what's on today")
    before = sandbox.entra.count(user=user.entra)
    assert before >= 1
    await ask(regrets, chat, "decline my 3pm")
    assert sandbox.entra.count(user=user.entra) == before


async def test_a_warm_single_decline_reads_the_day_then_the_meeting_again_then_declines(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "what's on tomorrow")  # signs in and caches the mailbox zone
    before = len([r for r in sandbox.graph.log if r.user == user.oid])
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    await click(regrets, chat, button(card, "decline"))
    after = [r for r in sandbox.graph.log if r.user == user.oid][before:]
    event_id = quote(button(card, "decline")["data"]["eventId"], safe="")
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in after] == [
        ("GET", "calendarView"),
        ("GET", event_id),
        ("POST", "decline"),
    ]


async def test_a_tenant_outside_the_allow_list_is_refused_politely_without_graph(sandbox):
    import aiohttp

    from tests.fixtures.stack import Teams, morning, serve, settings_for

    settings = settings_for(sandbox, ALLOWED_TENANTS="11111111-1111-1111-1111-111111111111")
    async with serve(settings, clock=morning) as url, aiohttp.ClientSession() as session:
        teams = Teams(sandbox, url, session, signed=True, today=morning().date())
        user = teams.user()
        chat = teams.conversation(user)
        await teams.say(chat, "decline my 3pm")
        [reply] = teams.messages(chat)
        assert "isn't enabled for your organization" in reply["text"]
        assert [r for r in sandbox.graph.log if r.user == user.oid] == []


async def test_declining_everything_tomorrow_right_now_batches_them_and_shows_one_summary(regrets_at_core, sandbox):
    user = regrets_at_core.user()
    chat = regrets_at_core.conversation(user)
    await ask(regrets_at_core, chat, "what's on today")
    messages = await ask(regrets_at_core, chat, "decline all my meetings tomorrow right now, I'm off sick")
    summary = only_card(messages)
    assert buttons(summary) == []
    assert [m.get("text") for m in messages if m.get("text")] == []  # the summary card is the one answer
    mine = decisions(sandbox, user)
    assert len(mine) >= 2
    assert days_of(sandbox, user, [d.event_id for d in mine]) == {tomorrow_at(regrets_at_core)}
    assert {d.comment for d in mine} == {"I'm off sick"}
    batches = [r for r in sandbox.graph.requests("POST", "/$batch") if r.user == user.oid]
    assert len(batches) == 1
    assert f"Declined {len(mine)} meetings" in card_text(summary)


def typing_then_messages(teams, chat):
    return [
        c.activity["type"]
        for c in teams.calls(chat, "POST")
        if c.activity and c.activity["type"] in ("typing", "message")
    ]


async def test_a_quick_answer_comes_without_a_typing_indicator(regrets, monkeypatch):
    monkeypatch.setattr(regrets_bot, "TYPING_AFTER", 5.0)  # far longer than any answer here, even on a busy machine
    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "decline my 3pm")  # signs in
    before = len(regrets.calls(chat, "POST"))

    await ask(regrets, chat, "decline my 3pm")

    assert typing_then_messages(regrets, chat)[before:] == ["message"]


async def test_a_slow_answer_shows_regrets_typing_before_it(regrets, sandbox, monkeypatch):
    monkeypatch.setattr(regrets_bot, "TYPING_AFTER", 0.2)
    user = regrets.user()
    chat = regrets.conversation(user)
    await ask(regrets, chat, "decline my 3pm")  # signs in
    before = len(regrets.calls(chat, "POST"))
    sandbox.graph.latency = 1.0  # far longer than TYPING_AFTER: Graph is slow today
    try:
        await ask(regrets, chat, "decline my 3pm")
    finally:
        sandbox.graph.latency = 0.0

    assert typing_then_messages(regrets, chat)[before:] == ["typing", "message"]
