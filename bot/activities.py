"""Teams activities → the typed values the conversation works with (who, where, what)."""

from __future__ import annotations

from botbuilder.schema import Activity

from dialogs.conversation import Message
from dialogs.users import TeamsUser

MONTH_FIRST_LOCALES = ("en-us", "en-ph", "en-ca", "en-um", "en-as", "en-gu", "en-mp", "en-pr", "en-vi", "fil")


def user_of(activity: Activity) -> TeamsUser:
    sender = activity.from_property
    aad = getattr(sender, "aad_object_id", None) or ""
    channel_data = activity.channel_data or {}
    tenant = ""
    if isinstance(channel_data, dict):
        tenant = ((channel_data.get("tenant") or {}).get("id")) or ""
    if not tenant and activity.conversation is not None:
        tenant = getattr(activity.conversation, "tenant_id", None) or ""
    return TeamsUser(
        key=aad or (sender.id if sender else "anonymous"),
        name=(sender.name if sender else "") or "",
        tenant_id=str(tenant).lower(),
    )


def day_first(activity: Activity) -> bool:
    """Whether "3/12" is the 3rd of December for this user (from the Teams client's locale)."""
    locale = str(activity.locale or "en-US").lower().replace("_", "-")
    return not locale.startswith(MONTH_FIRST_LOCALES)


def client_time_zone(activity: Activity) -> str | None:
    """The Teams client's IANA zone (its clientInfo entity), or None when the client sent none."""
    for entity in activity.entities or []:
        if str(getattr(entity, "type", "")).lower() != "clientinfo":
            continue
        props = getattr(entity, "additional_properties", None) or {}
        value = props.get("timezone") or getattr(entity, "timezone", None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def conversation_id_of(activity: Activity) -> str:
    return str(activity.conversation.id or "") if activity.conversation is not None else ""


def message_of(activity: Activity, text: str | None = None) -> Message:
    """The message the conversation answers: the activity's text, or `text` (a help button's words)."""
    return Message(
        id=str(activity.id or ""),
        user=user_of(activity),
        conversation_id=conversation_id_of(activity),
        text=text if text is not None else str(activity.text or ""),
        day_first=day_first(activity),
        client_zone=client_time_zone(activity),
    )
