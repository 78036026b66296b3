""" "turn on / turn off invitation cards" in the conversation (dialogs/conversation.py calls these).

Turning on needs the user's delegated token (Graph subscribes only the signed-in user to
their own events), so the conversation signs the user in first, as for any calendar
request, and then calls `turn_on`. Cards go to the personal chat only: its
ConversationReference (`Message.reference`) is where later posts go. Turning off needs
no sign-in (the subscription is deleted with the cached token when there is one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from dialogs import invitations as invites
from dialogs.services import Services

if TYPE_CHECKING:
    from dialogs.conversation import Message


class Speaker(Protocol):
    async def say(self, text: str) -> None: ...


async def may_run(services: Services, message: Message, out: Speaker, command: str) -> bool:
    """Whether to go on to sign-in (turning on); otherwise the user has been answered."""
    invitations = services.invitations
    if invitations is None:
        return False
    if command == "off":
        await out.say(await invitations.turn_off(message.user.key))
        return False
    if message.reference is None:
        await out.say(invites.PERSONAL_ONLY)
        return False
    if not invitations.available:
        await out.say(invites.NOT_AVAILABLE)
        return False
    return True


async def turn_on(services: Services, message: Message, out: Speaker) -> None:
    if services.invitations is None or message.reference is None:
        await out.say(invites.PERSONAL_ONLY)
        return
    await out.say(await services.invitations.turn_on(message.user.key, message.reference))
