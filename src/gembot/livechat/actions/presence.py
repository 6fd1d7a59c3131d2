"""Agents say whether they take chats: online, pauze or offline."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from gembot.core.api_errors import ApiError
from gembot.livechat import events
from gembot.livechat.access import require_agent
from gembot.livechat.actions.handover import expire_overdue
from gembot.livechat.models import AgentPresence, Availability

TOUCH_EVERY = timedelta(seconds=60)


def validate_availability(status: object) -> str:
    if status not in Availability.values:
        raise ApiError(
            400,
            "invalid_status",
            "Kies online, pauze of offline.",
            "Choose online, pauze or offline.",
        )
    return str(status)


@transaction.atomic
def set_availability(user: AbstractBaseUser, status: object) -> AgentPresence:
    """Change the agent's availability. When the last agent leaves, waiting residents get
    the contact-request offer at once instead of after the maximum waiting time."""
    status = validate_availability(status)
    municipality_ids = require_agent(user)
    now = timezone.now()
    presence, _created = AgentPresence.objects.update_or_create(
        user=user, defaults={"status": status, "changed_at": now, "last_seen_at": now}
    )
    for municipality_id in municipality_ids:
        events.publish_queue(municipality_id, "presence")
    if status == Availability.OFFLINE:
        transaction.on_commit(lambda: expire_overdue(municipality_ids))
    return presence


def current_availability(user: AbstractBaseUser) -> str:
    presence = AgentPresence.objects.filter(user=user).first()
    return presence.status if presence else Availability.OFFLINE


def touch(user: AbstractBaseUser) -> None:
    """A sign of life (console open, API call): keeps "online" from going stale.

    At most one small UPDATE a minute per agent.
    """
    now = timezone.now()
    AgentPresence.objects.filter(user=user, last_seen_at__lt=now - TOUCH_EVERY).update(
        last_seen_at=now
    )
