"""Who works for which municipality, in which role, and whether they take chats now."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.tenants.models import Municipality

# Members of this Django group (and superusers) manage every municipality's settings and
# content. They are deliberately NOT agents of every municipality: reading live chats and
# contact requests needs an agent membership of that municipality.
NATIONAL_ADMIN_GROUP = "Landelijk beheer"


class Role(models.TextChoices):
    AGENT = "agent", _("medewerker live chat")
    EDITOR = "editor", _("redacteur")
    ADMIN = "admin", _("beheerder gemeente")


class Membership(models.Model):
    """A user works for a municipality in one role (a user may hold several)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gebruiker"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gemeente"),
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rol bij gemeente")
        verbose_name_plural = _("rollen bij gemeenten")
        ordering = ["municipality__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "role"], name="livechat_unique_membership"
            )
        ]
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self) -> str:
        return f"{self.user} - {self.get_role_display()} ({self.municipality.code})"


class Availability(models.TextChoices):
    ONLINE = "online", _("online")
    PAUSE = "pauze", _("pauze")
    OFFLINE = "offline", _("offline")


class AgentPresence(models.Model):
    """Whether an agent takes new chats. Stale "online" (no sign of life) counts as away."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agent_presence",
        primary_key=True,
    )
    status = models.CharField(
        _("beschikbaarheid"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.OFFLINE,
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("beschikbaarheid medewerker")
        verbose_name_plural = _("beschikbaarheid medewerkers")

    def __str__(self) -> str:
        return f"{self.user} ({self.status})"
