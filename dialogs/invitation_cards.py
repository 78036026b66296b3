""" "turn on / turn off invitation cards" in the conversation (the request dialog calls these).

Turning on needs the user's delegated token (Graph subscribes only the signed-in user to
their own events), so the request dialog signs the user in first, as for any calendar
request, and then calls `turn_on`. Cards go to the personal chat only: its
ConversationReference is what later proactive posts use. Turning off needs no sign-in.
"""

from __future__ import annotations

from botbuilder.core import TurnContext

from dialogs import invitations as invites
from dialogs.services import Services
from dialogs.users import user_of

GROUP_TYPES = ("groupChat", "channel")


async def may_turn_on(context: TurnContext, services: Services) -> bool:
    """Whether to go on to sign-in and subscribe; if not, the user has been told why."""
    if (context.activity.conversation.conversation_type or "personal") in GROUP_TYPES:
        await context.send_activity(invites.PERSONAL_ONLY)
        return False
    if services.invitations is None or not services.invitations.available:
        await context.send_activity(invites.NOT_AVAILABLE)
        return False
    return True


async def turn_on(context: TurnContext, services: Services) -> None:
    if services.invitations is None:
        return
    reference = TurnContext.get_conversation_reference(context.activity).serialize()
    await context.send_activity(await services.invitations.turn_on(user_of(context.activity).key, reference))


async def turn_off(context: TurnContext, services: Services) -> None:
    if services.invitations is not None:
        await context.send_activity(await services.invitations.turn_off(user_of(context.activity).key))
