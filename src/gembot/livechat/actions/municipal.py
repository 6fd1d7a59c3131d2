"""Changing a municipality's live-chat settings (admin, CLI)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gembot.livechat.models import CannedReply, ClosingDay, LiveChatSettings
from gembot.livechat.officehours import parse_schedule
from gembot.tenants.models import Municipality

EDITABLE = {
    "enabled",
    "direct_handover",
    "office_hours",
    "closed_on_public_holidays",
    "max_wait_minutes",
    "welcome_text",
    "contact_email",
    "answer_within_workdays",
    "contact_retention_days",
}


@transaction.atomic
def update_livechat_settings(municipality: Municipality, **changes: object) -> LiveChatSettings:
    """Change settings; raises Django's ``ValidationError`` (Dutch) for wrong values."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"unknown live-chat settings: {sorted(unknown)}")
    chat, _created = LiveChatSettings.objects.select_for_update().get_or_create(
        municipality=municipality
    )
    for name, value in changes.items():
        setattr(chat, name, value)
    save_livechat_settings(chat)
    return chat


@transaction.atomic
def save_livechat_settings(chat: LiveChatSettings) -> LiveChatSettings:
    """Validate and save a settings object (the admin form builds it)."""
    chat.full_clean()
    chat.save()
    return chat


def set_office_hours(municipality: Municipality, text: str) -> LiveChatSettings:
    """``gembot officehours set``; raises ``OfficeHoursError`` with a Dutch message."""
    parse_schedule(text)  # the clear parser message, before the generic validation
    return update_livechat_settings(municipality, office_hours=text)


@transaction.atomic
def add_closing_day(municipality: Municipality, day: date, reason: str = "") -> ClosingDay:
    chat, _created = LiveChatSettings.objects.get_or_create(municipality=municipality)
    closing, _created = ClosingDay.objects.update_or_create(
        settings=chat, date=day, defaults={"reason": reason[:120]}
    )
    return closing


@transaction.atomic
def remove_closing_day(municipality: Municipality, day: date) -> bool:
    deleted, _ = ClosingDay.objects.filter(settings__municipality=municipality, date=day).delete()
    return bool(deleted)


@transaction.atomic
def save_closing_day(closing: ClosingDay) -> ClosingDay:
    """Validate and save a closing day (the admin's inline builds it)."""
    closing.full_clean()
    closing.save()
    return closing


@transaction.atomic
def delete_closing_day(closing: ClosingDay) -> None:
    closing.delete()


@transaction.atomic
def save_canned_reply(reply: CannedReply) -> CannedReply:
    """Validate and save a canned reply agents can pick in the console."""
    reply.full_clean()
    reply.save()
    return reply


@transaction.atomic
def delete_canned_reply(reply: CannedReply) -> None:
    reply.delete()
