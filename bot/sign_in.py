"""Sign-in invokes the bot answers itself, before any conversation state is read.

- The same `signin/tokenExchange` is delivered by every Teams client the user has open.
  `Exchanges.first_time` records each exchange id with a create-only write to the shared
  store, so exactly one delivery (on any instance) goes on; the others are acknowledged
  with 200 and touch nothing else, not even the conversation state.
- An exchange with no request waiting (its conversation state was lost, or it came late)
  still signs the user in when its token is usable (`exchange_without_request`), so the
  next request needs no sign-in.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from botbuilder.core import Storage, TurnContext
from botbuilder.schema import TokenExchangeInvokeResponse

from bot.activities import user_of
from bot.sso import TOKEN_EXCHANGE, send_invoke_response
from graph import tokens as identity

log = logging.getLogger(__name__)


def exchange_id_of(context: TurnContext) -> str:
    value = context.activity.value if isinstance(context.activity.value, dict) else {}
    return str(value.get("id") or "")[:256]


def exchange_response(exchange_id: str, connection: str, failure: str | None = None) -> TokenExchangeInvokeResponse:
    return TokenExchangeInvokeResponse(id=exchange_id, connection_name=connection, failure_detail=failure)


class Exchanges:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    async def first_time(self, exchange_id: str) -> bool:
        if not exchange_id:
            return True
        key = f"sso-exchange/{exchange_id}"
        if (await self._storage.read([key])).get(key):
            return False
        try:
            # Create-only: a racing instance that wrote first makes this delivery a duplicate.
            await self._storage.write({key: {"seen": True}})
        except KeyError:
            return False
        return True


async def acknowledge_duplicate(context: TurnContext, connection: str) -> None:
    await send_invoke_response(context, HTTPStatus.OK, exchange_response(exchange_id_of(context), connection))


async def exchange_without_request(context: TurnContext, tokens: identity.UserTokens, connection: str) -> None:
    """A sign-in invoke when no request is waiting: keep a usable token, answer Teams either way."""
    value = context.activity.value if isinstance(context.activity.value, dict) else {}
    exchange_id = exchange_id_of(context)
    token = value.get("token")
    if context.activity.name != TOKEN_EXCHANGE or not isinstance(token, str) or not token:
        await send_invoke_response(context, HTTPStatus.OK, exchange_response(exchange_id, connection))
        return
    try:
        await tokens.sign_in(user_of(context.activity).key, token)
    except identity.TokenError:
        log.info("token exchange %s with no request waiting was unusable", exchange_id)
        failure = exchange_response(exchange_id, connection, "token could not be exchanged")
        await send_invoke_response(context, HTTPStatus.PRECONDITION_FAILED, failure)
        return
    await send_invoke_response(context, HTTPStatus.OK, exchange_response(exchange_id, connection))
