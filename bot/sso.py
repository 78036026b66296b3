"""Teams single sign-on, with the Azure Bot's OAuth connection as the fallback sign-in.

The conversation (dialogs/conversation.py) says when a request needs the user's sign-in;
this module does the Bot Framework part: the OAuth card, the `signin/tokenExchange` and
`signin/verifyState` invokes and their answers. The bot keeps the waiting request in the
conversation's state and hands it back to the conversation once `SIGNED_IN`.

    begin ──► OAuth card (tokenExchangeResource.uri = SSO_RESOURCE) ──► waiting
              with a connection: the card comes from the token service's sign-in resource,
              and its Sign in button opens the service's sign-in link
    waiting ── signin/tokenExchange ──► OBO works? ── yes ─► 200, SIGNED_IN
                                            │ consent needed ─► 412 + consent card, ENDED
                                            │ token unusable ─► 412 (Teams shows Sign in), WAITING
                                            └ Entra down ────► 412 + a sentence, ENDED
    (the same exchange again, from another Teams client: answered 200 by the bot, bot/sign_in.py)
    waiting ── signin/verifyState {state: magic code} (the user used Sign in) ──► 200, then:
                  no connection ───────────────────► "use SSO" sentence, waiting
                  token service has no token for the code (wrong code, service down)
                                    ───────────────► "sign-in did not complete", waiting
                  its token → the same OBO ── yes ─► SIGNED_IN
                                 │ consent needed / Entra down ─► consent card / sentence, ENDED
                                 └ token unusable ─► "sign-in did not complete", WAITING
    waiting ── a new message ──► the conversation decides (start over, help, stop)
    (no prompt waiting: bot/sign_in.py) ── signin/tokenExchange ──► OBO works? 200 (token kept) : 412

The connection (Azure AD v2) is scoped to the bot's own `api://botid-{appId}/access_as_user`,
so its token is the same kind of assertion as the Teams SSO token and goes through the
same on-behalf-of exchange and token cache. The same exchange arriving from several
Teams clients is deduplicated on `value.id` by the bot before it gets here
(bot/sign_in.py), so it holds across instances.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    OAuthCard,
    TokenExchangeInvokeResponse,
)
from botframework.connector.auth import UserTokenClient
from botframework.connector.token_api.models import SignInUrlResponse, TokenExchangeResource
from msrest.exceptions import ClientException

from bot.activities import user_of
from bot.replies import card_activity
from dialogs import cards, texts
from dialogs.services import Services
from graph import tokens as identity

log = logging.getLogger(__name__)

TOKEN_EXCHANGE = "signin/tokenExchange"
VERIFY_STATE = "signin/verifyState"
# What a token service call can fail with: HTTP errors and transport errors (msrest), and the
# bot's own token not being available (bot.credentials raises ConnectionError / PermissionError).
TOKEN_SERVICE_ERRORS = (ClientException, ConnectionError, PermissionError, OSError)


async def send_invoke_response(context: TurnContext, status: int, body: object = None) -> None:
    await context.send_activity(
        Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=status, body=body))
    )


def user_token_client(context: TurnContext) -> UserTokenClient | None:
    """The turn's client for the Bot Framework token service (CloudAdapter puts it in turn state)."""
    return context.turn_state.get(getattr(context.adapter, "USER_TOKEN_CLIENT_KEY", UserTokenClient.__name__))


async def sign_out_of_connection(context: TurnContext, connection_name: str) -> None:
    """Best effort: also forget the user's token for the OAuth connection at the token service."""
    client = user_token_client(context) if connection_name else None
    if client is None:
        return
    activity = context.activity
    try:
        await client.sign_out_user(activity.from_property.id, connection_name, activity.channel_id)
    except TOKEN_SERVICE_ERRORS as exc:
        log.warning("token service sign-out failed for user %s: %s", user_of(activity).key, type(exc).__name__)


SIGNED_IN, WAITING, ENDED = "signed in", "waiting", "ended"


class SsoSignIn:
    def __init__(self, services: Services, connection_name: str = "") -> None:
        self._services = services
        self._connection = connection_name

    async def begin(self, context: TurnContext) -> None:
        """Send the OAuth card: Teams answers with a token exchange (silent SSO) or the user signs in."""
        resource = await self._sign_in_resource(context)
        exchange = resource.token_exchange_resource if resource is not None else None
        exchange_id = (exchange.id if exchange is not None else None) or str(uuid.uuid4())
        link = resource.sign_in_link if resource is not None else None
        await context.send_activity(self._oauth_card(exchange_id, link, exchange))

    async def on_exchange(self, context: TurnContext) -> str:
        """`signin/tokenExchange` while a request waits: answered here; SIGNED_IN, WAITING or ENDED."""
        value = context.activity.value if isinstance(context.activity.value, dict) else {}
        exchange_id = str(value.get("id") or "")
        token = value.get("token")

        async def answer(failure: str | None) -> None:
            status = HTTPStatus.OK if failure is None else HTTPStatus.PRECONDITION_FAILED
            await send_invoke_response(context, status, self._response(exchange_id, failure))

        result = await self._sign_in(context, token if isinstance(token, str) else "", answer)
        if result == WAITING:
            log.info("token exchange %s refused for user %s", exchange_id, user_of(context.activity).key)
        return result

    async def on_verify_state(self, context: TurnContext) -> str:
        """The user signed in through the card's button; Teams hands over the magic code."""
        if not self._connection:
            # No OAuth connection configured: there is no fallback sign-in, only SSO.
            await send_invoke_response(context, HTTPStatus.OK)
            await context.send_activity(texts.SIGN_IN_FAILED)
            return WAITING
        value = context.activity.value if isinstance(context.activity.value, dict) else {}
        token = await self._connection_token(context, str(value.get("state") or ""))

        async def answer(failure: str | None) -> None:
            # Teams only needs to know the code arrived; what happened next is said in the chat.
            await send_invoke_response(context, HTTPStatus.OK)

        if not token:
            await answer(None)
            await context.send_activity(texts.SIGN_IN_INCOMPLETE)
            return WAITING
        result = await self._sign_in(context, token, answer)
        if result == WAITING:
            await context.send_activity(texts.SIGN_IN_INCOMPLETE)
        return result

    async def _sign_in(
        self, context: TurnContext, assertion: str, answer: Callable[[str | None], Awaitable[None]]
    ) -> str:
        """On-behalf-of with `assertion`; WAITING when it was unusable (the request keeps waiting)."""
        user = user_of(context.activity)
        try:
            await self._services.tokens.sign_in(user.key, assertion)
        except identity.ConsentRequired as exc:
            await answer("consent required")
            await context.send_activity(card_activity(cards.consent_card(exc.consent_url, admin=True)))
            return ENDED
        except identity.IdentityUnavailable:
            await answer("identity provider unavailable")
            await context.send_activity(texts.IDENTITY_DOWN)
            return ENDED
        except identity.TokenError:
            await answer("token could not be exchanged")
            return WAITING
        await answer(None)
        return SIGNED_IN

    async def _sign_in_resource(self, context: TurnContext) -> SignInUrlResponse | None:
        """The token service's sign-in link and exchange resource, when a connection is configured."""
        client = user_token_client(context) if self._connection else None
        if client is None:
            return None
        try:
            return await client.get_sign_in_resource(self._connection, context.activity, None)
        except TOKEN_SERVICE_ERRORS as exc:
            # Silent SSO still works without it; only the button's fallback is lost this time.
            log.warning("sign-in resource unavailable for activity %s: %s", context.activity.id, type(exc).__name__)
            return None

    async def _connection_token(self, context: TurnContext, magic_code: str) -> str | None:
        client = user_token_client(context)
        activity = context.activity
        if client is None:
            return None
        try:
            response = await client.get_user_token(
                activity.from_property.id, self._connection, activity.channel_id, magic_code or None
            )
        except TOKEN_SERVICE_ERRORS as exc:
            log.warning("token service unavailable for user %s: %s", user_of(activity).key, type(exc).__name__)
            return None
        if response is None or not response.token:
            log.info("no connection token for user %s (magic code not accepted)", user_of(activity).key)
            return None
        return response.token

    def _response(self, exchange_id: str, failure: str | None = None) -> TokenExchangeInvokeResponse:
        return TokenExchangeInvokeResponse(id=exchange_id, connection_name=self._connection, failure_detail=failure)

    def _oauth_card(
        self, exchange_id: str, sign_in_link: str | None, exchange: TokenExchangeResource | None
    ) -> Activity:
        # The bot's own SSO resource whenever it is known: the token Teams fetches for this URI
        # must be an assertion this app can exchange on-behalf-of the user.
        uri = self._services.sso_resource or (exchange.uri if exchange is not None else "")
        provider = (exchange.provider_id if exchange is not None else None) or "AAD"
        card = OAuthCard(
            text=texts.SIGN_IN,
            connection_name=self._connection,
            # Without a sign-in link the button has nowhere to go: Teams then relies on SSO alone.
            buttons=[CardAction(type="signin", title="Sign in", value=sign_in_link or uri)],
            token_exchange_resource={"id": exchange_id, "uri": uri, "providerId": provider},
        )
        return Activity(
            type=ActivityTypes.message,
            attachments=[Attachment(content_type="application/vnd.microsoft.card.oauth", content=card)],
        )
