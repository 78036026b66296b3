"""A conversation you can trust, end to end: stale and replayed buttons, proposals from chat,
one confirmation, true answers, hostile clicks and what Graph received.

Signed Teams activities go to /api/messages; the assertions are on what the Graph stand-in
received and applied, and on what the bot answered. The clock is 09:00 Pacific today, so
"my 3pm" is the demo's "Quarterly budget review" (15:00–16:00).
"""

from __future__ import annotations

import ssl
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from dialogs import texts
from sandbox.demo_calendar import USER_ADDRESS
from tests.cards.walk import inputs
from tests.fixtures.stack import ADAPTIVE, ask, attachments_of, buttons, card_text, click, morning

MESSAGE = "application/vnd.microsoft.activity.message"
USER_ZONE = ZoneInfo("America/Los_Angeles")  # the test users' mailbox zone (Pacific Standard Time)


def local_morning() -> datetime:
    return morning().astimezone(USER_ZONE)


def decisions(sandbox, user):
    return [d for d in sandbox.graph.decisions if d.user == user.oid]


def posts(sandbox, user, action="/decline"):
    return [r for r in sandbox.graph.requests("POST", action) if r.user == user.oid and r.status < 300]


def only_card(messages):
    found = [card for message in messages for card in attachments_of(message)]
    assert len(found) == 1, [m.get("text") for m in messages]
    return found[0]


def button(card, verb, **data):
    [found] = [b for b in buttons(card) if b["verb"] == verb and all(b["data"].get(k) == v for k, v in data.items())]
    return found


def filled(card, **changes):
    return {**{k: str(i.get("value", "")) for k, i in inputs(card).items()}, **changes}


def utc(hour: int, minute: int = 0) -> str:
    local = local_morning().replace(hour=hour, minute=minute)
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def add_meeting(sandbox, user, subject: str, hour: int, minutes: int = 30, **extra) -> str:
    start = local_morning().replace(hour=hour)
    end = start + timedelta(minutes=minutes)
    event = {
        "subject": subject,
        "start": {"dateTime": start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
        "end": {"dateTime": end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
        "organizer": {"emailAddress": {"name": "Kim Lee", "address": "kim@contoso.example"}},
        "attendees": [{"emailAddress": {"name": "Dana Reyes", "address": USER_ADDRESS}, "type": "required"}],
        **extra,
    }
    return sandbox.graph.add_event(user.oid, event)


# ---- stale buttons ------------------------------------------------------------------------------------


async def test_an_agenda_decline_clicked_after_the_meeting_was_declined_in_chat_declines_nothing(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    agenda = only_card(await ask(regrets, chat, "what's on today"))
    confirm = only_card(await ask(regrets, chat, "decline my 3pm"))
    event_id = button(confirm, "decline")["data"]["eventId"]
    stale_row = button(agenda, "decline", eventId=event_id)
    await click(regrets, chat, button(confirm, "decline"), filled(confirm))
    status, body = await click(regrets, chat, stale_row)
    assert status == 200
    assert body["type"] == ADAPTIVE
    assert card_text(body["value"]).startswith("You already declined “Quarterly budget review”")
    assert len(posts(sandbox, user)) == 1
    assert len(decisions(sandbox, user)) == 1


async def test_a_confirm_card_clicked_after_cancel_declines_nothing_and_names_the_meeting(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    status, body = await click(regrets, chat, button(card, "dismiss"))
    assert status == 200
    kept = card_text(body["value"])
    assert kept.startswith("Okay, I left “Quarterly budget review”") and kept.endswith("as it is.")
    status, late = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and card_text(late["value"]) == kept
    assert posts(sandbox, user) == [] and decisions(sandbox, user) == []


async def test_a_confirm_card_for_a_meeting_moved_since_declines_nothing(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    event = sandbox.graph.mailboxes[user.oid].events[button(card, "decline")["data"]["eventId"]]
    event["start"] = {"dateTime": utc(17) + ".0000000", "timeZone": "UTC"}
    event["end"] = {"dateTime": utc(18) + ".0000000", "timeZone": "UTC"}
    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200
    assert "moved to" in card_text(body["value"]) and "5:00 PM" in card_text(body["value"])
    assert posts(sandbox, user) == []


# ---- replayed and tampered clicks -------------------------------------------------------------------------


async def test_one_users_card_data_replayed_as_another_user_acts_on_nothing(regrets, sandbox):
    owner = regrets.user()
    chat = regrets.conversation(owner)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    thief = regrets.user("Kim Lee")
    await ask(regrets, regrets.conversation(thief), "what's on today")  # signed in, so only the card check stops it
    status, body = await click(regrets, chat, button(card, "decline"), filled(card), as_user=thief)
    assert status == 200 and body == {"statusCode": 200, "type": MESSAGE, "value": texts.NOT_YOURS}
    assert posts(sandbox, owner) == [] and posts(sandbox, thief) == []


async def test_the_same_users_click_replayed_from_a_group_chat_acts_on_nothing(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    group = regrets.conversation(user, "groupChat")
    status, body = await click(regrets, group, button(card, "decline"), filled(card))
    assert status == 200 and body["value"] == texts.OTHER_CONVERSATION
    assert posts(sandbox, user) == []
    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and "Declined" in card_text(body["value"])
    assert len(posts(sandbox, user)) == 1


@pytest.mark.parametrize(
    "tamper",
    [
        {"eventId": {"$ne": None}},
        {"requestId": ["a", "b"]},
        {"notify": {"value": True}},
        {"comment": {"text": "hi"}},
        {"eventId": "AAMkAD-an-event-the-card-never-showed"},
        {"verb": "accept"},
        {"user": "00000000-0000-0000-0000-000000000000"},
        {"conversation": "a:someone-elses-chat"},
        {"shown": "not-what-was-shown"},
    ],
)
async def test_tampered_card_data_acts_on_nothing_and_the_real_click_still_works(regrets, sandbox, tamper):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    real = button(card, "decline")
    forged = {**real, "verb": tamper.get("verb", real["verb"]), "data": {**real["data"], **tamper}}
    status, body = await click(regrets, chat, forged, {**filled(card), **tamper})
    assert status == 200 and body["type"] == MESSAGE
    assert posts(sandbox, user) == [] and posts(sandbox, user, "/accept") == []
    status, body = await click(regrets, chat, real, filled(card))
    assert status == 200 and "Declined" in card_text(body["value"])
    assert len(decisions(sandbox, user)) == 1


@pytest.mark.parametrize(
    "value",
    [
        "just a string",
        ["a", "list"],
        {"action": "not an object"},
        {"action": {"type": "Action.Execute", "verb": "decline", "data": "not an object"}},
        {"action": {"type": "Action.Execute", "verb": {"x": 1}, "data": {"verb": {"x": 1}}}},
        {"action": {"type": "Action.Execute", "verb": "decline", "data": {"comment": "x" * 100_000}}},
        {"action": {"type": "Action.Execute", "verb": "say", "data": {"verb": "say", "text": "\x00\x07\x1b[31m"}}},
    ],
)
async def test_a_malformed_click_is_answered_200_with_a_sentence_and_no_graph_call(regrets, sandbox, value):
    user = regrets.user()
    chat = regrets.conversation(user)
    before = len(sandbox.graph.log)
    status, body = await regrets.post(regrets.activity(chat, type="invoke", name="adaptiveCard/action", value=value))
    assert status == 200
    assert body["type"] == MESSAGE and "Traceback" not in body["value"] and "Error" not in body["value"]
    assert [r for r in sandbox.graph.log[before:] if r.method == "POST"] == []


async def test_a_message_with_100_kb_of_control_characters_gets_a_sentence_not_an_error(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    status, _ = await regrets.say(chat, "\x00\x01\x1b" * 34_000)
    assert status in (200, 201, 400, 413)  # 413: the bot's body limit, a clear answer
    for message in regrets.messages(chat):
        assert "Traceback" not in (message.get("text") or "") and "Exception" not in (message.get("text") or "")
    assert posts(sandbox, user) == []


# ---- exactly once, whatever the connector does -----------------------------------------------------------


async def test_a_click_while_the_connector_is_down_still_answers_200_with_the_final_card(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    sandbox.channel.fail_next(503, times=20)
    try:
        status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    finally:
        sandbox.channel.reset()
    assert status == 200 and "Declined" in card_text(body["value"])
    # The connector is back: the same click again applies nothing twice.
    status, again = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and again == body
    assert len(decisions(sandbox, user)) == 1


async def test_simultaneous_clicks_decline_once_and_all_get_the_final_card(regrets, sandbox):
    import asyncio

    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    answers = await asyncio.gather(*(click(regrets, chat, button(card, "decline"), filled(card)) for _ in range(5)))
    assert [status for status, _ in answers] == [200] * 5
    assert all("Declined" in card_text(body["value"]) for _, body in answers)
    assert len(decisions(sandbox, user)) == 1


# ---- true answers ---------------------------------------------------------------------------------------------


async def test_nothing_at_the_hour_asked_says_so_on_the_days_meetings_in_one_message(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    messages = await ask(regrets, chat, "decline my 1pm")
    assert [m["text"] for m in messages if m.get("text")] == []
    text = card_text(only_card(messages))
    assert text.startswith("Nothing at 1:00 PM today. Your meetings today")
    for subject in ("Daily stand-up", "Quarterly budget review", "Design review: onboarding flow"):
        assert subject in text
    assert posts(sandbox, user) == []


async def test_an_all_day_event_is_listed_in_the_agenda_and_marked_all_day(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    add_meeting(sandbox, user, "Team offsite", 0, isAllDay=True)
    event_id = [e for e in sandbox.graph.mailboxes[user.oid].events.values() if e["subject"] == "Team offsite"][0]
    day = local_morning().date()
    event_id.update(
        start={"dateTime": f"{day}T00:00:00.0000000", "timeZone": "Pacific Standard Time"},
        end={"dateTime": f"{day + timedelta(days=1)}T00:00:00.0000000", "timeZone": "Pacific Standard Time"},
    )
    agenda = only_card(await ask(regrets, chat, "what's on today"))
    text = card_text(agenda)
    assert "Team offsite" in text and "All day" in text
    assert text.index("Team offsite") < text.index("Quarterly budget review")


# ---- proposals from chat ----------------------------------------------------------------------------------------


async def test_decline_my_3pm_and_propose_4pm_declines_only_the_3pm_proposing_4pm_for_its_hour(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    add_meeting(sandbox, user, "Partner sync", 16)  # a 4pm meeting that must not be touched
    card = only_card(await ask(regrets, chat, "decline my 3pm and propose 4pm instead"))
    assert "Quarterly budget review" in card_text(card) and "Partner sync" not in card_text(card)
    assert inputs(card)["propose"]["value"] == "true"
    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200
    [decision] = decisions(sandbox, user)
    assert decision.action == "decline"
    assert decision.proposed_new_time == {
        "start": {"dateTime": utc(16), "timeZone": "UTC"},
        "end": {"dateTime": utc(17), "timeZone": "UTC"},  # the budget review lasts an hour
    }


# ---- the demo's page of what Graph received ----------------------------------------------------------------------


async def test_the_graph_stand_in_lists_each_request_it_received_with_its_body(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    await click(regrets, chat, button(card, "decline"), filled(card, comment="Clash <b>with</b> a customer"))
    async with httpx.AsyncClient(verify=ssl.create_default_context(cafile=str(sandbox.ca.bundle_file))) as client:
        listed = (await client.get(sandbox.graph_requests_url + ".json")).json()
        page = await client.get(sandbox.graph_requests_url)
    mine = [r for r in listed if r["method"] == "POST" and r["path"].endswith("/decline")]
    assert {"comment": "Clash <b>with</b> a customer", "sendResponse": True} in [r["body"] for r in mine]
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Clash &lt;b&gt;with&lt;/b&gt; a customer" in page.text


async def test_a_confirm_card_clicked_after_the_user_typed_cancel_declines_nothing(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline my 3pm"))
    await ask(regrets, chat, "cancel")
    [update] = regrets.calls(chat, "PUT")
    assert card_text(attachments_of(update.activity)[0]).startswith("Okay, I left “Quarterly budget review”")
    status, body = await click(regrets, chat, button(card, "decline"), filled(card))
    assert status == 200 and card_text(body["value"]).startswith("Okay, I left “Quarterly budget review”")
    assert posts(sandbox, user) == [] and decisions(sandbox, user) == []


# ---- more of what the cards offer -----------------------------------------------------------------------------


async def test_a_bulk_card_sends_its_edited_note_and_notify_toggle_with_every_decline(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    add_meeting(sandbox, user, "Partner sync", 16)
    add_meeting(sandbox, user, "Vendor call", 17)
    card = only_card(await ask(regrets, chat, "decline the partner sync and the vendor call"))
    assert "comment" in inputs(card) and "notify" in inputs(card)
    every = button(card, "respondAll")
    status, body = await click(regrets, chat, every, filled(card, comment="Out this afternoon", notify="false"))
    assert status == 200 and "Declined 2 meetings" in card_text(body["value"])
    mine = decisions(sandbox, user)
    assert sorted((d.comment, d.send_response) for d in mine) == [("Out this afternoon", False)] * 2


async def test_declining_the_whole_series_names_the_series_and_its_span(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    card = only_card(await ask(regrets, chat, "decline the daily stand-up today"))
    assert inputs(card)["scope"]["value"] == "occurrence"
    status, body = await click(regrets, chat, button(card, "decline"), filled(card, scope="series"))
    assert status == 200
    shown = card_text(body["value"])
    assert "The whole series: every “Daily stand-up” from " in shown and " to " in shown
    [decision] = decisions(sandbox, user)
    assert decision.event_id != button(card, "decline")["data"]["eventId"]  # the series master, not one day


async def test_a_meeting_that_refuses_new_times_says_so_and_offers_a_plain_decline(regrets, sandbox):
    user = regrets.user()
    chat = regrets.conversation(user)
    add_meeting(sandbox, user, "Board prep", 16, allowNewTimeProposals=False)
    messages = await ask(regrets, chat, "decline my 4pm and propose 5pm instead")
    said = [m["text"] for m in messages if m.get("text")]
    assert said == [
        "The organizer of “Board prep” doesn't accept new time proposals, so I can't suggest another time. "
        "You can still decline it:"
    ]
    card = only_card(messages)
    assert "propose" not in inputs(card)
    await click(regrets, chat, button(card, "decline"), filled(card))
    [decision] = decisions(sandbox, user)
    assert decision.proposed_new_time is None
