"""Recognise "turn on invitation cards" / "turn off invitation cards" and their variants.

Checked before the understanding parser, so these never reach it. Deliberately narrow:
the text must be about invitation cards (or new invitations in general) as a feature, and
say on or off; "decline the invitation from Bo" or "accept Dana's invite" are requests
about a meeting and are left alone.
"""

from __future__ import annotations

import re

_THING = r"(?:(?:new\s+)?(?:meeting\s+)?(?:invitation|invite)s?(?:\s+cards?)?|(?:invitation|invite)\s+(?:cards?|alerts?|notifications?))"
_ON = re.compile(
    rf"^\W*(?:please\s+)?(?:(?:turn|switch|toggle)\s+on|enable|activate|start|subscribe\s+(?:me\s+)?to|"
    rf"opt\s+in\s+to|(?:i\s+)?want|send\s+me|show\s+me|post)\s+(?:the\s+|my\s+|all\s+)?{_THING}"
    rf"(?:\s+(?:here|in\s+(?:teams|chat)|please|as\s+they\s+arrive|when\s+they\s+arrive))*\W*$"
    rf"|^\W*(?:please\s+)?(?:turn|switch)\s+(?:the\s+|my\s+)?{_THING}\s+on(?:\s+please)?\W*$",
    re.IGNORECASE,
)
_OFF = re.compile(
    rf"^\W*(?:please\s+)?(?:(?:turn|switch|toggle)\s+off|disable|deactivate|stop(?:\s+(?:sending|posting|showing))?|"
    rf"unsubscribe\s+(?:me\s+)?from|opt\s+out\s+of|no\s+more|mute)\s+(?:the\s+|my\s+|all\s+)?{_THING}"
    rf"(?:\s+(?:please|here))*\W*$"
    rf"|^\W*(?:please\s+)?(?:turn|switch)\s+(?:the\s+|my\s+)?{_THING}\s+off(?:\s+please)?\W*$",
    re.IGNORECASE,
)


def invitation_command(text: str | None) -> str | None:
    """ "on", "off" or None."""
    clean = " ".join((text or "").split())
    if not clean or len(clean) > 80:
        return None
    if _OFF.match(clean):
        return "off"
    if _ON.match(clean):
        return "on"
    return None
