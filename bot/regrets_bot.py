"""The Teams-facing bot: routes each activity to the dialog, the card handlers or sign-in.

- Messages go to the request dialog (in group chats and channels only when Regrets is
  @mentioned, with the mention removed). A message whose `value` carries a card verb is
  an Action.Submit click from an older client and goes to the card handlers; the
  clicked card is then replaced in place with `update_activity`.
- `adaptiveCard/action` invokes (Action.Execute) go to the card handlers; the
  replacement card is the invoke response. botbuilder 4.17's `on_adaptive_card_invoke`
  path answers 500 under CloudAdapter, so the invoke is handled here directly.
- `signin/tokenExchange` / `signin/verifyState` go to the waiting SSO prompt.
- An optional tenant allow-list refuses other organizations politely, before any Graph call.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from botbuilder.core import ActivityHandler, ConversationState, InvokeResponse, TurnContext
from botbuilder.dialogs import DialogSet, DialogTurnStatus
from botbuilder.schema import Activity, ActivityTypes, AdaptiveCardInvokeResponse, ChannelAccount
from msrest.serialization import Model

from bot.actions import CardActions
from dialogs import texts
from dialogs.invitations import offer_card
from dialogs.replies import CARD_CONTENT_TYPE, card_activity
from dialogs.request_dialog import RequestDialog
from dialogs.services import Services
from dialogs.sso_prompt import SKIP_SAVE, TOKEN_EXCHANGE, VERIFY_STATE, send_invoke_response
from dialogs.users import user_of

log = logging.getLogger(__name__)

CARD_ACTION = "adaptiveCard/action"
MESSAGE_TYPE = "application/vnd.microsoft.activity.message"


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
        dialog: RequestDialog,
        services: Services,
        allowed_tenants: tuple[str, ...] = (),
    ) -> None:
        self._state = conversation_state
        self._dialogs_state = conversation_state.create_property("dialogs")
        self._dialog = dialog
        self._dialog_set = DialogSet(self._dialogs_state)
        self._dialog_set.add(dialog)
        self._services = services
        self._allowed = tuple(t.lower() for t in allowed_tenants)
        self.actions = CardActions(services, say=self._run_text)

    async def on_turn(self, turn_context: TurnContext) -> None:
        if self._allowed and user_of(turn_context.activity).tenant_id not in self._allowed:
            await self._refuse_tenant(turn_context)
            return
        await super().on_turn(turn_context)
        if not turn_context.turn_state.get(SKIP_SAVE):
            await self._state.save_changes(turn_context)

    async def _refuse_tenant(self, context: TurnContext) -> None:
        log.info("activity %s from a tenant outside ALLOWED_TENANTS", context.activity.id)
        if context.activity.type == ActivityTypes.invoke:
            await send_invoke_response(context, HTTPStatus.FORBIDDEN)
        if context.activity.type in (ActivityTypes.message, ActivityTypes.invoke):
            await context.send_activity(texts.TENANT_REFUSED)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if isinstance(activity.value, dict) and activity.value.get("verb"):
            card = await self.actions.handle(turn_context, dict(activity.value))
            if card is not None and activity.reply_to_id:
                replacement = card_activity(card)
                replacement.id = activity.reply_to_id
                await turn_context.update_activity(replacement)
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
        if name in (TOKEN_EXCHANGE, VERIFY_STATE):
            await self._run_dialog(turn_context)
            return None  # the prompt has sent the invoke response itself
        return InvokeResponse(status=HTTPStatus.NOT_IMPLEMENTED)

    async def _card_action(self, context: TurnContext) -> InvokeResponse:
        value = context.activity.value if isinstance(context.activity.value, dict) else {}
        action = value.get("action") or {}
        data = dict(action.get("data") or {})
        data.setdefault("verb", action.get("verb"))
        card = await self.actions.handle(context, data)
        if card is None:
            # The card stays as it is; the handler has already said why in the chat.
            body: Model = MessageInvokeResponse(status_code=200, type=MESSAGE_TYPE, value="Done.")
        else:
            body = AdaptiveCardInvokeResponse(status_code=200, type=CARD_CONTENT_TYPE, value=card)
        return InvokeResponse(status=HTTPStatus.OK, body=body)

    async def _run_text(self, context: TurnContext, text: str) -> None:
        """A card button that says something ("Try: decline my 3pm"): run it as if typed."""
        activity = context.activity
        original = activity.type
        activity.text, activity.value, activity.type = text, None, ActivityTypes.message
        try:
            await self._run_dialog(context)
        finally:
            activity.type = original

    async def _run_dialog(self, context: TurnContext) -> None:
        dc = await self._dialog_set.create_context(context)
        if context.activity.type == ActivityTypes.invoke and dc.active_dialog is None:
            await self._dialog.sso.answer_without_request(context)
            return
        result = await dc.continue_dialog()
        if result.status == DialogTurnStatus.Empty and context.activity.type == ActivityTypes.message:
            await dc.begin_dialog(self._dialog.id)

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
