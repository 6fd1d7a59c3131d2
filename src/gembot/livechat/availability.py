"""Can a municipality's live chat take a resident now? Settings, office hours, agents, layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from gembot.livechat import conf
from gembot.livechat.layer import layer_reachable
from gembot.livechat.models import AgentPresence, Availability, LiveChatSettings, Role
from gembot.livechat.officehours import AMSTERDAM, OfficeCalendar, parse_schedule
from gembot.tenants.models import Municipality


class Reason:
    AVAILABLE = "available"
    DISABLED = "disabled"  # the municipality has no live chat
    CLOSED = "closed"  # outside office hours, a public holiday or a closing day
    NOBODY = "nobody"  # no agent online
    LAYER_DOWN = "layer_down"  # realtime messaging (Redis) is unreachable


@dataclass(frozen=True)
class LiveChatStatus:
    reason: str
    settings: LiveChatSettings
    next_opening: datetime | None = None

    @property
    def available(self) -> bool:
        return self.reason == Reason.AVAILABLE

    @property
    def takes_contact_requests(self) -> bool:
        return self.settings.enabled or bool(self.settings.contact_email)


def settings_for(municipality: Municipality) -> LiveChatSettings:
    """The municipality's settings; the (unsaved) defaults when it has none: live chat off."""
    found = LiveChatSettings.objects.filter(municipality=municipality).first()
    return found or LiveChatSettings(municipality=municipality)


def calendar_for(chat: LiveChatSettings, around: datetime) -> OfficeCalendar:
    closing: dict = {}
    if chat.pk:
        today = around.astimezone(AMSTERDAM).date()
        rows = chat.closing_days.filter(
            date__gte=today - timedelta(days=1), date__lte=today + timedelta(days=62)
        ).values_list("date", "reason")
        closing = dict(rows)
    return OfficeCalendar(
        parse_schedule(chat.office_hours), closing, chat.closed_on_public_holidays
    )


def agents_present(municipality_id: int, now: datetime, states: tuple[str, ...]) -> bool:
    """Is an agent of the municipality in one of ``states``, with a recent sign of life?"""
    return AgentPresence.objects.filter(
        status__in=states,
        last_seen_at__gte=now - conf.agent_away_after(),
        user__is_active=True,
        user__memberships__municipality_id=municipality_id,
        user__memberships__role=Role.AGENT,
    ).exists()


def live_chat_status(municipality: Municipality, now: datetime | None = None) -> LiveChatStatus:
    now = now or timezone.now()
    chat = settings_for(municipality)
    if not chat.enabled:
        return LiveChatStatus(Reason.DISABLED, chat)
    calendar = calendar_for(chat, now)
    if not calendar.is_open(now):
        return LiveChatStatus(Reason.CLOSED, chat, calendar.next_opening(now))
    if not agents_present(municipality.id, now, (Availability.ONLINE,)):
        return LiveChatStatus(Reason.NOBODY, chat)
    if not layer_reachable():
        return LiveChatStatus(Reason.LAYER_DOWN, chat)
    return LiveChatStatus(Reason.AVAILABLE, chat)
