"""The Teams-facing bot: turns each activity into a typed message or click for dialogs/.

- Messages go to the request dialog (in group chats and channels only when Regrets is
  @mentioned, with the mention removed). A message whose `value` carries a card verb is
  an Action.Submit click from an older client: it goes to `dialogs.clicks`, and the
  clicked card is replaced in place with `update_activity` (a sentence only when there
  is no card to replace).
- `adaptiveCard/action` invokes (Action.Execute) go to `dialogs.clicks`; the answer is
  always 200, carrying the final card (which replaces the clicked one, even when the
  connector is unreachable) or a message for the clicker. botbuilder 4.17's
  `on_adaptive_card_invoke` path answers 500 under CloudAdapter, so the invoke is
  handled here directly.
- `signin/tokenExchange` / `signin/verifyState` go to the waiting SSO prompt.
- An optional tenant allow-list refuses other organizations politely, before any Graph call.
"""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus
from typing import Any

from botbuilder.core import ActivityHandler, ConversationState, InvokeResponse, Storage, TurnContext
from botbuilder.schema import Activity, ActivityTypes, AdaptiveCardInvokeResponse, ChannelAccount
from msrest.serialization import Model

from bot.activities import message_of, user_of
from bot.replies import CARD_CONTENT_TYPE, card_activity, typing
from bot.sign_in import Exchanges, acknowledge_duplicate, exchange_id_of, exchange_without_request
from bot.sso import (
    SIGNED_IN,
    TOKEN_EXCHANGE,
    VERIFY_STATE,
    WAITING,
    SsoSignIn,
    send_invoke_response,
    sign_out_of_connection,
)
from bot.storage_contract import StorageConflict, StorageUnavailable
from dialogs import texts
from dialogs.clicks import Clicker, ClickReply, Clicks
from dialogs.conversation import Conversation, Waiting
from dialogs.invitations import offer_card
from dialogs.services import Services

log = logging.getLogger(__name__)

CARD_ACTION = "adaptiveCard/action"
MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
# How long a turn may take before Teams shows that Regrets is typing.
TYPING_AFTER = 0.5


class MessageInvokeResponse(Model):
    """An `adaptiveCard/action` answer that shows a message instead of a new card.

    botbuilder's `AdaptiveCardInvokeResponse` types `value` as an object, so a text value
    cannot be serialized through it.
    """

    _attribute_map = {
        "status_code": {"key": "statusCode", "type": "int"},
        "type": {"key": "type", "type": "str"},
        "value": {"key": "value", "type": "str"},
    }

    def __init__(self, *, status_code: int, type: str, value: str) -> None:
        super().__init__()
        self.status_code = status_code
        self.type = type
        self.value = value


GROUP_TYPES = ("groupChat", "channel")


class RegretsBot(ActivityHandler):
    def __init__(
        self,
        *,
        conversation_state: ConversationState,
        storage: Storage,
        services: Services,
        allowed_tenants: tuple[str, ...] = (),
    ) -> None:
        self._state = conversation_state
        # The one thing kept between turns for the conversation: a request waiting for sign-in.
        self._waiting = conversation_state.create_property("waiting")
        self.conversation = Conversation(services)
        self._sso = SsoSignIn(services, services.oauth_connection)
        self._services = services
        self._allowed = tuple(t.lower() for t in allowed_tenants)
        self.clicks = Clicks(services)
        self._exchanges = Exchanges(storage)

    async def on_turn(self, turn_context: TurnContext) -> None:
        if self._allowed and user_of(turn_context.activity).tenant_id not in self._allowed:
            await self._refuse_tenant(turn_context)
            return
        await super().on_turn(turn_context)
        try:
            await self._state.save_changes(turn_context)
        except StorageConflict:
            # Another turn of this conversation (here or on another instance) saved first. Its
            # state is kept, not overwritten; this turn's replies and records already stand.
            log.info(
                "activity %s: conversation state saved by a concurrent turn; keeping that", turn_context.activity.id
            )

    async def _refuse_tenant(self, context: TurnContext) -> None:
        log.info("activity %s from a tenant outside ALLOWED_TENANTS", context.activity.id)
        if context.activity.type == ActivityTypes.invoke:
            await send_invoke_response(context, HTTPStatus.FORBIDDEN)
        if context.activity.type in (ActivityTypes.message, ActivityTypes.invoke):
            await context.send_activity(texts.TENANT_REFUSED)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if isinstance(activity.value, dict) and activity.value.get("verb"):
            await self._submit(turn_context, await self._click(turn_context, activity.value))
            return
        if activity.value is not None and not (activity.text or "").strip():
            # A Submit click whose data is not a card's (tampered, or from some other card).
            await turn_context.send_activity(texts.BAD_CLICK)
            return
        if (activity.conversation.conversation_type or "personal") in GROUP_TYPES:
            if not self._mentions_me(activity):
                return
            TurnContext.remove_recipient_mention(activity)
        await self._run_dialog(turn_context)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        name = turn_context.activity.name
        if name == CARD_ACTION:
            return await self._card_action(turn_context)
        if name == TOKEN_EXCHANGE and not await self._exchanges.first_time(exchange_id_of(turn_context)):
            # Another Teams client (or instance) already delivered this exchange: acknowledge only.
            await acknowledge_duplicate(turn_context, self._services.oauth_connection)
            return None
        if name in (TOKEN_EXCHANGE, VERIFY_STATE):
            await self._sign_in_invoke(turn_context)
            return None  # the invoke response has been sent already
        return InvokeResponse(status=HTTPStatus.NOT_IMPLEMENTED)

    async def _card_action(self, context: TurnContext) -> InvokeResponse:
        value = context.activity.value
        action = value.get("action") if isinstance(value, dict) else None
        data = action.get("data") if isinstance(action, dict) else None
        if isinstance(data, dict) and isinstance(action, dict):
            data = {**data, "verb": data.get("verb") or action.get("verb")}
        reply = await self._click(context, data)
        if reply.run_text is not None:
            await self._run_dialog(context, reply.run_text)
            body: Model = MessageInvokeResponse(status_code=200, type=MESSAGE_TYPE, value="Done.")
        elif reply.card is not None:
            body = AdaptiveCardInvokeResponse(status_code=200, type=CARD_CONTENT_TYPE, value=reply.card)
        else:
            # The card stays as it is; the clicker sees why.
            body = MessageInvokeResponse(status_code=200, type=MESSAGE_TYPE, value=reply.text or texts.STALE_CARD)
        return InvokeResponse(status=HTTPStatus.OK, body=body)

    async def _click(self, context: TurnContext, data: object) -> ClickReply:
        activity = context.activity
        conversation = activity.conversation.id if activity.conversation else ""
        clicker = Clicker(user_key=user_of(activity).key, conversation_id=conversation or "")
        try:
            return await self.clicks.handle(clicker, data)
        except StorageUnavailable:
            # Nothing was claimed, so nothing was done: the clicker is told why, and can click again later.
            log.warning("click %s: the store is unreachable", activity.id)
            return ClickReply(text=texts.STORE_UNAVAILABLE)
        except Exception as exc:  # a click is always answered; never with exception text
            log.error("click %s failed: %s", activity.id, type(exc).__name__, exc_info=exc)
            return ClickReply(text=texts.FAILED)

    async def _submit(self, context: TurnContext, reply: ClickReply) -> None:
        """An Action.Submit click's answer: the card replaced in place, or one sentence."""
        activity = context.activity
        if reply.run_text is not None:
            await self._run_dialog(context, reply.run_text)
            return
        if reply.card is None:
            await context.send_activity(reply.text or texts.STALE_CARD)
            return
        replacement = card_activity(reply.card)
        if activity.reply_to_id:
            replacement.id = activity.reply_to_id
            await context.update_activity(replacement)
        else:
            await context.send_activity(replacement)

    async def _run_dialog(self, context: TurnContext, text: str | None = None) -> None:
        """A message (or a help button's words, `text`) for the conversation; sign-in when it asks."""
        waiting = _waiting_from(await self._waiting.get(context))
        out = TurnOut(context, self._services.oauth_connection)
        try:
            left = await self.conversation.on_message(message_of(context.activity, text), out, waiting)
        finally:
            out.close()
        # A new Waiting (not the one passed in) is a request that needs a sign-in now.
        await self._keep(context, left, sign_in=left is not None and left is not waiting)

    async def _sign_in_invoke(self, context: TurnContext) -> None:
        waiting = _waiting_from(await self._waiting.get(context))
        if waiting is None:
            await exchange_without_request(context, self._services.tokens, self._services.oauth_connection)
            return
        if context.activity.name == VERIFY_STATE:
            result = await self._sso.on_verify_state(context)
        else:
            result = await self._sso.on_exchange(context)
        if result == WAITING:
            return
        await self._keep(context, None, sign_in=False)
        if result == SIGNED_IN:
            out = TurnOut(context, self._services.oauth_connection)
            try:
                left = await self.conversation.signed_in(message_of(context.activity), out, waiting)
            finally:
                out.close()
            await self._keep(context, left, sign_in=left is not None)

    async def _keep(self, context: TurnContext, waiting: Waiting | None, *, sign_in: bool) -> None:
        """Remember what waits for a sign-in (and start the sign-in when it is new)."""
        if waiting is None:
            if await self._waiting.get(context) is not None:
                await self._waiting.set(context, None)
            return
        await self._waiting.set(context, {"text": waiting.text, "retried": waiting.retried})
        if sign_in:
            await self._sso.begin(context)

    def _mentions_me(self, activity: Activity) -> bool:
        me = activity.recipient.id if activity.recipient else None
        for entity in activity.entities or []:
            if str(getattr(entity, "type", "")).lower() != "mention":
                continue
            mentioned = getattr(entity, "mentioned", None) or (entity.additional_properties or {}).get("mentioned")
            if isinstance(mentioned, ChannelAccount) and mentioned.id == me:
                return True
            if isinstance(mentioned, dict) and mentioned.get("id") == me:
                return True
        return False

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        if (turn_context.activity.conversation.conversation_type or "personal") in GROUP_TYPES:
            return
        for member in members_added:
            if member.id != turn_context.activity.recipient.id:
                await turn_context.send_activity(texts.WELCOME)
                if self._services.invitations is not None and self._services.invitations.available:
                    await turn_context.send_activity(card_activity(offer_card()))
                return


def _waiting_from(stored: object) -> Waiting | None:
    if isinstance(stored, dict) and isinstance(stored.get("text"), str):
        return Waiting(text=stored["text"], retried=bool(stored.get("retried")))
    return None


class TurnOut:
    """`dialogs.conversation.Out` over one turn: say, show, replace, typing, signed out.

    The typing indicator goes out only when the answer takes longer than TYPING_AFTER:
    most answers come sooner, and a typing bubble that flashes before them is noise (and
    a connector request per turn). `close()` at the end of the turn stops a pending one.
    """

    def __init__(self, context: TurnContext, connection_name: str = "") -> None:
        self._context = context
        self._connection = connection_name
        self._typing: asyncio.Task[None] | None = None

    async def say(self, text: str) -> None:
        self.close()
        await self._context.send_activity(text)

    async def show(self, card: dict[str, Any]) -> str | None:
        self.close()
        sent = await self._context.send_activity(card_activity(card))
        return getattr(sent, "id", None)

    async def replace(self, message_id: str, card: dict[str, Any]) -> bool:
        self.close()
        replacement = card_activity(card)
        replacement.id = message_id
        try:
            await self._context.update_activity(replacement)
        except Exception as exc:  # the connector refused or is away: the caller says it instead
            log.info("could not update message %s: %s", message_id, type(exc).__name__)
            return False
        return True

    async def typing(self) -> None:
        if self._typing is None:
            self._typing = asyncio.create_task(self._type_later())

    async def _type_later(self) -> None:
        await asyncio.sleep(TYPING_AFTER)
        try:
            await self._context.send_activity(typing())
        except Exception as exc:  # only a courtesy: the answer itself still goes out
            log.info("typing indicator not sent: %s", type(exc).__name__)

    async def signed_out(self) -> None:
        self.close()
        await sign_out_of_connection(self._context, self._connection)

    def close(self) -> None:
        if self._typing is not None and not self._typing.done():
            self._typing.cancel()
