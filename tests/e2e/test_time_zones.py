"""Bad time zones: a mailbox zone Regrets does not know, and a Teams client that sends none.

Neither is a crash. Times are read in the Teams client's zone (its clientInfo entity) when
the mailbox's zone is unknown, else in UTC, and the log gets one line naming the user's
ids only. The clock is pinned at Tuesday 09:00 Pacific (tests.fixtures.instants).
"""

from __future__ import annotations

import logging

from tests.fixtures.stack import ADAPTIVE, OAUTH, ask, attachments_of

MARS = "Mars Standard Time"  # what a custom or misspelt Exchange zone looks like to Regrets
CLIENT_INFO = {"type": "clientInfo", "locale": "en-US", "country": "JP", "platform": "Web", "timezone": "Asia/Tokyo"}


def zone_lines(caplog):
    return [r for r in caplog.records if "time zone is not one Regrets knows" in r.getMessage()]


def prefer_zones(sandbox, user):
    views = [r for r in sandbox.graph.requests("GET", "calendarView") if r.user == user.oid]
    return {r.headers.get("Prefer", r.headers.get("prefer", "")).split(",")[0] for r in views}


async def ask_from_a_client(teams, chat, text):
    """Say `text` from a Teams client that sends its clientInfo (on the message and the SSO exchange)."""
    before = len(teams.messages(chat))
    status, _ = await teams.say(chat, text, entities=[CLIENT_INFO])
    assert status in (200, 201)
    oauth = [c for m in teams.messages(chat)[before:] for c in attachments_of(m, OAUTH)]
    before = len(teams.messages(chat))
    sso = teams.sandbox.entra.issue_sso_token(chat.user.entra)
    value = {"id": oauth[0]["tokenExchangeResource"]["id"], "connectionName": "", "token": sso}
    invoke = teams.activity(chat, type="invoke", name="signin/tokenExchange", value=value, entities=[CLIENT_INFO])
    status, _ = await teams.post(invoke)
    assert status == 200
    return teams.messages(chat)[before:]


async def test_an_unknown_mailbox_zone_reads_times_in_the_teams_clients_zone_and_logs_one_line(
    regrets, sandbox, caplog
):
    caplog.set_level(logging.INFO)
    user = regrets.user(time_zone=MARS)
    chat = regrets.conversation(user)
    messages = await ask_from_a_client(regrets, chat, "what's on tomorrow")
    cards = [c for m in messages for c in attachments_of(m, ADAPTIVE)]
    assert len(cards) == 1  # the agenda, not an apology
    assert prefer_zones(sandbox, user) == {'outlook.timezone="Asia/Tokyo"'}
    [line] = zone_lines(caplog)
    assert user.oid in line.getMessage() and "what's on" not in line.getMessage()


async def test_an_unknown_mailbox_zone_and_no_client_zone_read_times_in_utc(regrets, sandbox, caplog):
    caplog.set_level(logging.INFO)
    user = regrets.user(time_zone=MARS)
    chat = regrets.conversation(user)
    messages = await ask(regrets, chat, "what's on tomorrow")
    cards = [c for m in messages for c in attachments_of(m, ADAPTIVE)]
    assert len(cards) == 1  # the agenda, not an apology
    assert prefer_zones(sandbox, user) == {'outlook.timezone="UTC"'}
    [line] = zone_lines(caplog)
    assert user.oid in line.getMessage() and "UTC" in line.getMessage()


async def test_a_teams_client_without_a_zone_changes_nothing_when_the_mailbox_zone_is_known(regrets, sandbox, caplog):
    caplog.set_level(logging.INFO)
    user = regrets.user()
    chat = regrets.conversation(user)
    messages = await ask(regrets, chat, "decline my 3pm")
    cards = [c for m in messages for c in attachments_of(m, ADAPTIVE)]
    assert len(cards) == 1
    assert prefer_zones(sandbox, user) == {'outlook.timezone="America/Los_Angeles"'}
    assert zone_lines(caplog) == []
