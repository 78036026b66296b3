"""Teams SSO inside the conversation: the OAuth card, the token exchange, and what can go wrong.

No token cache at the start: the first calendar request makes Regrets ask Teams for an
SSO token; the `signin/tokenExchange` invoke carries a token the Entra stand-in signed,
which Regrets exchanges on-behalf-of the user at Entra. Sign-in is per user, so each
failure injected at Entra applies to this test's user only.
"""

from __future__ import annotations

import pytest

from dialogs import texts
from tests.fixtures.dialogs import SSO_RESOURCE, serialized
from tests.fixtures.stack import buttons, card_text


async def ask_without_token(chat, text: str = "decline my 3pm") -> str:
    """Say something that needs the calendar; returns the OAuth card's exchange id."""
    turn = await chat.say(text)
    [oauth] = turn.oauth_cards
    assert turn.cards == []
    return oauth.token_exchange_resource["id"]


async def test_without_a_token_regrets_sends_an_oauth_card_for_the_sso_resource(chat):
    chat.meeting("Budget review", 15)
    turn = await chat.say("decline my 3pm")
    [oauth] = turn.oauth_cards
    resource = oauth.token_exchange_resource
    assert resource["uri"] == SSO_RESOURCE
    assert resource["id"]
    assert oauth.text == texts.SIGN_IN
    assert [b.type for b in oauth.buttons] == ["signin"]
    assert chat.graph_requests() == []
    assert chat.obo_exchanges() == 0


async def test_the_token_exchange_answers_200_and_the_original_request_completes_by_itself(chat):
    event_id = chat.meeting("Budget review", 15)
    exchange_id = await ask_without_token(chat)
    turn = await chat.exchange(exchange_id)
    assert turn.status == 200
    assert serialized(turn.body)["id"] == exchange_id
    card = turn.card
    assert "Decline this meeting?" in card_text(card) and "Budget review" in card_text(card)
    assert next(b for b in buttons(card) if b["verb"] == "decline")["data"]["eventId"] == event_id
    assert chat.obo_exchanges() == 1


async def test_after_signing_in_the_next_request_needs_no_sign_in_and_no_new_exchange(chat):
    chat.meeting("Budget review", 15)
    chat.meeting("Friday retro", 14, day=3)
    await chat.exchange(await ask_without_token(chat))
    turn = await chat.say("what's on Friday")
    assert turn.oauth_cards == []
    assert "Friday retro" in card_text(turn.card)
    assert chat.obo_exchanges() == 1


async def test_the_same_exchange_delivered_again_is_acknowledged_and_exchanged_only_once(chat):
    chat.meeting("Budget review", 15)
    exchange_id = await ask_without_token(chat)
    first = await chat.exchange(exchange_id)
    again = await chat.exchange(exchange_id)
    assert (first.status, again.status) == (200, 200)
    assert len(first.cards) == 1
    assert again.silent
    assert chat.obo_exchanges() == 1


async def test_the_same_exchange_from_two_teams_clients_at_once_makes_one_obo_and_one_answer(chat):
    chat.meeting("Budget review", 15)
    exchange_id = await ask_without_token(chat)
    turn = await chat.send(chat.exchange_activity(exchange_id), chat.exchange_activity(exchange_id))
    assert [r.status for r in turn.invoke_responses] == [200, 200]
    assert len(turn.cards) == 1
    assert chat.obo_exchanges() == 1
    # The conversation is not left waiting: the next request is answered normally.
    follow_up = await chat.say("decline my 3pm")
    assert follow_up.oauth_cards == [] and len(follow_up.cards) == 1


@pytest.mark.parametrize("token_kind", ["expired", "garbage"])
async def test_an_unusable_sso_token_gets_412_and_regrets_keeps_waiting(chat, token_kind):
    chat.meeting("Budget review", 15)
    exchange_id = await ask_without_token(chat)
    entra = chat.sandbox.entra
    token = entra.issue_sso_token(chat.user.entra, expires_in=-600) if token_kind == "expired" else "not-a-token"
    turn = await chat.exchange(exchange_id, token=token)
    assert turn.status == 412
    assert serialized(turn.body)["failureDetail"]
    assert turn.silent
    assert chat.graph_requests() == []
    # Still waiting for the sign-in: "never mind" stops something (at the start there is nothing to stop).
    stopped = await chat.say("never mind")
    assert stopped.texts == [texts.STOPPED]


async def test_consent_required_at_entra_gets_412_and_the_consent_card(chat):
    chat.meeting("Budget review", 15)
    chat.fail_entra("consent_required", grant="on_behalf_of")
    exchange_id = await ask_without_token(chat)
    turn = await chat.exchange(exchange_id)
    assert turn.status == 412
    card = turn.card
    assert "administrator" in card_text(card)
    [link] = card["actions"]
    assert link["type"] == "Action.OpenUrl"
    assert "/adminconsent?" in link["url"] and "client_id=" in link["url"]
    assert chat.graph_requests() == []
    # The request is over: a new message starts a new one.
    assert (await chat.say("never mind")).texts == ["Okay. There was nothing to stop."]


async def test_entra_down_during_the_exchange_gets_412_and_a_sentence(chat):
    chat.meeting("Budget review", 15)
    chat.fail_entra("down", grant="on_behalf_of")
    exchange_id = await ask_without_token(chat)
    turn = await chat.exchange(exchange_id)
    assert turn.status == 412
    assert turn.texts == [texts.IDENTITY_DOWN]
    assert turn.cards == []
    assert chat.graph_requests() == []


async def test_a_message_typed_while_waiting_for_sso_starts_over_with_that_message(chat):
    chat.meeting("Budget review", 15)
    chat.meeting("Friday retro", 14, day=3)
    first_id = await ask_without_token(chat, "decline my 3pm")
    turn = await chat.say("what's on Friday")
    [oauth] = turn.oauth_cards  # still not signed in: asked again, for the new request
    second_id = oauth.token_exchange_resource["id"]
    assert second_id != first_id
    answered = await chat.exchange(second_id)
    assert answered.status == 200
    shown = card_text(answered.card)
    assert "Your meetings Friday 16 Jan" in shown and "Friday retro" in shown
    assert "Decline this meeting?" not in shown


async def test_help_while_waiting_for_sso_answers_and_the_request_still_completes_after_sign_in(chat):
    chat.meeting("Budget review", 15)
    exchange_id = await ask_without_token(chat)
    helped = await chat.say("help")
    assert "decline my 3pm" in card_text(helped.card)
    assert helped.oauth_cards == []
    turn = await chat.exchange(exchange_id)
    assert turn.status == 200
    assert "Decline this meeting?" in card_text(turn.card)


async def test_never_mind_while_waiting_for_sso_stops_and_a_late_exchange_changes_nothing(chat):
    chat.meeting("Budget review", 15)
    exchange_id = await ask_without_token(chat)
    stopped = await chat.say("never mind")
    assert stopped.texts == [texts.STOPPED]
    late = await chat.exchange(exchange_id)
    assert late.status == 200
    assert late.silent
    assert chat.graph_requests() == []


async def test_sign_out_while_waiting_for_sso_signs_out_and_ends_the_request(chat):
    chat.meeting("Budget review", 15)
    await ask_without_token(chat)
    turn = await chat.say("sign out")
    assert turn.texts == [texts.SIGNED_OUT]
    assert (await chat.say("never mind")).texts == ["Okay. There was nothing to stop."]


async def test_a_revoked_sign_in_runs_sso_again_instead_of_failing(chat, monkeypatch):
    # Short-lived access tokens, so the next request renews through the (revoked) refresh token.
    monkeypatch.setattr(chat.sandbox.entra, "token_lifetime", 60)
    chat.meeting("Budget review", 15)
    await chat.sign_in()
    chat.sandbox.entra.revoke(chat.user.entra)
    turn = await chat.say("decline my 3pm")
    assert turn.cards == []
    [oauth] = turn.oauth_cards
    answered = await chat.exchange(oauth.token_exchange_resource["id"])
    assert answered.status == 200
    assert "Decline this meeting?" in card_text(answered.card)
