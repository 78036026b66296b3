"""Interruptions that work anywhere in a conversation: cancel, help and sign out.

Every dialog that waits for the user derives from `InterruptibleDialog`, so "never
mind" ends whatever is going on, "help" answers without losing the place, and "sign
out" forgets the user's tokens wherever they are.
"""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.dialogs import ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus
from botbuilder.schema import ActivityTypes

from dialogs import cards, texts
from dialogs.replies import card_activity
from dialogs.services import Services
from dialogs.sso_prompt import sign_out_of_connection
from dialogs.users import user_of
from understanding import parse


async def send_help(context: TurnContext) -> None:
    await context.send_activity(card_activity(cards.help_card(list(texts.HELP_EXAMPLES))))


async def sign_out(context: TurnContext, services: Services) -> None:
    await services.tokens.sign_out(user_of(context.activity).key)
    if services.oauth_connection:
        await sign_out_of_connection(context, services.oauth_connection)
    await context.send_activity(texts.SIGNED_OUT)


class InterruptibleDialog(ComponentDialog):
    def __init__(self, dialog_id: str, services: Services) -> None:
        super().__init__(dialog_id)
        self.services = services

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        result = await self._interrupt(inner_dc)
        if result is not None:
            return result
        return await super().on_continue_dialog(inner_dc)

    async def _interrupt(self, inner_dc: DialogContext) -> DialogTurnResult | None:
        activity = inner_dc.context.activity
        if activity.type != ActivityTypes.message or not (activity.text or "").strip():
            return None
        intent = parse(activity.text, self.services.clock()).intent
        if intent == "abort":
            await inner_dc.context.send_activity(texts.STOPPED)
            return await inner_dc.cancel_all_dialogs()
        if intent == "help":
            await send_help(inner_dc.context)
            return DialogTurnResult(DialogTurnStatus.Waiting)
        if intent == "signout":
            await sign_out(inner_dc.context, self.services)
            return await inner_dc.cancel_all_dialogs()
        return None
