"""Who is speaking: the Teams user behind an activity, as the dialogs need it."""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.schema import Activity


@dataclass(frozen=True)
class TeamsUser:
    key: str  # Entra object id when Teams gives one, else the channel's user id
    name: str
    tenant_id: str


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
        tenant_id=tenant.lower(),
    )


MONTH_FIRST_LOCALES = ("en-us", "en-ph", "en-ca", "en-um", "en-as", "en-gu", "en-mp", "en-pr", "en-vi", "fil")


def day_first(activity: Activity) -> bool:
    """Whether "3/12" is the 3rd of December for this user (from the Teams client's locale)."""
    locale = (activity.locale or "en-US").lower().replace("_", "-")
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
