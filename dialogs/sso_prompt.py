"""Teams single sign-on: ask Teams for the user's token and exchange it on their behalf.

    begin ──► OAuth card (tokenExchangeResource.uri = SSO_RESOURCE) ──► waiting
    waiting ── signin/tokenExchange ──► OBO works? ── yes ─► 200, end(True)
                                            │ consent needed ─► 412 + consent card, end(False)
                                            │ token unusable ─► 412 (Teams shows Sign in), waiting
                                            └ Entra down ────► 412 + a sentence, end(False)
    waiting ── the same exchange again (another Teams client) ──► 200, nothing else
    waiting ── a new message ──► end({"text": ...}) so the caller starts over with it

The same exchange arriving from several Teams clients is deduplicated on `value.id`
through the bot's storage, so it holds across instances.
"""

from __future__ import annotations

import logging
import uuid
from http import HTTPStatus

from botbuilder.core import InvokeResponse, Storage, TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    OAuthCard,
    TokenExchangeInvokeResponse,
)

from dialogs import cards, texts
from dialogs.replies import card_activity
from dialogs.services import Services
from dialogs.users import user_of
from graph import tokens as identity

log = logging.getLogger(__name__)

TOKEN_EXCHANGE = "signin/tokenExchange"
VERIFY_STATE = "signin/verifyState"
SKIP_SAVE = "regrets.skip_state_save"


async def send_invoke_response(context: TurnContext, status: int, body: object = None) -> None:
    await context.send_activity(
        Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=status, body=body))
    )


class SsoPrompt(Dialog):
    def __init__(self, dialog_id: str, services: Services, storage: Storage, connection_name: str = "") -> None:
        super().__init__(dialog_id)
        self._services = services
        self._storage = storage
        self._connection = connection_name

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        exchange_id = str(uuid.uuid4())
        dc.active_dialog.state["exchange_id"] = exchange_id
        await dc.context.send_activity(self._oauth_card(dc.context, exchange_id))
        return Dialog.end_of_turn

    async def continue_dialog(self, dc: DialogContext) -> DialogTurnResult:
        activity = dc.context.activity
        if activity.type == ActivityTypes.message:
            return await dc.end_dialog({"text": activity.text or ""})
        if activity.type != ActivityTypes.invoke:
            return Dialog.end_of_turn
        if activity.name == VERIFY_STATE:
            # The fallback sign-in (magic code) needs an OAuth connection; Regrets signs in with SSO only.
            await send_invoke_response(dc.context, HTTPStatus.OK)
            await dc.context.send_activity(texts.SIGN_IN_FAILED)
            return Dialog.end_of_turn
        if activity.name != TOKEN_EXCHANGE:
            return Dialog.end_of_turn
        return await self._exchange(dc)

    async def _exchange(self, dc: DialogContext) -> DialogTurnResult:
        context = dc.context
        value = context.activity.value or {}
        exchange_id = str(value.get("id") or "")
        sso_token = value.get("token") or ""
        if not await self._first_time(exchange_id):
            # Another Teams client already delivered this exchange: acknowledge, change nothing.
            context.turn_state[SKIP_SAVE] = True
            await send_invoke_response(context, HTTPStatus.OK, self._response(exchange_id))
            return Dialog.end_of_turn
        user = user_of(context.activity)
        try:
            await self._services.tokens.sign_in(user.key, sso_token)
        except identity.ConsentRequired as exc:
            await send_invoke_response(context, HTTPStatus.PRECONDITION_FAILED,
                                       self._response(exchange_id, "consent required"))
            await context.send_activity(card_activity(cards.consent_card(exc.consent_url, admin=True)))
            return await dc.end_dialog(False)
        except identity.IdentityUnavailable:
            await send_invoke_response(context, HTTPStatus.PRECONDITION_FAILED,
                                       self._response(exchange_id, "identity provider unavailable"))
            await context.send_activity(texts.IDENTITY_DOWN)
            return await dc.end_dialog(False)
        except identity.TokenError:
            log.info("token exchange %s refused for user %s", exchange_id, user.key)
            await send_invoke_response(context, HTTPStatus.PRECONDITION_FAILED,
                                       self._response(exchange_id, "token could not be exchanged"))
            return Dialog.end_of_turn
        await send_invoke_response(context, HTTPStatus.OK, self._response(exchange_id))
        return await dc.end_dialog(True)

    async def _first_time(self, exchange_id: str) -> bool:
        if not exchange_id:
            return True
        key = f"sso-exchange/{exchange_id}"
        if (await self._storage.read([key])).get(key):
            return False
        try:
            # e_tag "*" on a new key: a racing instance that wrote first makes this a duplicate.
            await self._storage.write({key: {"seen": True, "e_tag": "1"}})
        except KeyError:
            return False
        return True

    def _response(self, exchange_id: str, failure: str | None = None) -> TokenExchangeInvokeResponse:
        return TokenExchangeInvokeResponse(id=exchange_id, connection_name=self._connection, failure_detail=failure)

    def _oauth_card(self, context: TurnContext, exchange_id: str) -> Activity:
        card = OAuthCard(
            text=texts.SIGN_IN,
            connection_name=self._connection,
            buttons=[CardAction(type="signin", title="Sign in", value=self._services.sso_resource)],
            token_exchange_resource={"id": exchange_id, "uri": self._services.sso_resource,
                                     "providerId": "AAD"},
        )
        return Activity(
            type=ActivityTypes.message,
            attachments=[Attachment(content_type="application/vnd.microsoft.card.oauth", content=card)],
        )
