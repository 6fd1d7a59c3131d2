"""A handover: one request of a resident to talk to a person, from waiting to closed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.conversations.models import Conversation
from gembot.tenants.models import Municipality


class HandoverState(models.TextChoices):
    WAITING = "waiting", _("wacht")
    ACTIVE = "active", _("in gesprek")
    CLOSED = "closed", _("afgesloten")
    HANDED_BACK = "handed_back", _("teruggegeven aan Gem")
    CANCELLED = "cancelled", _("inwoner stopte met wachten")
    EXPIRED = "expired", _("niemand beschikbaar")


OPEN_STATES = (HandoverState.WAITING, HandoverState.ACTIVE)


class Outcome(models.TextChoices):
    """How an agent closes a live chat (for reports)."""

    ANSWERED = "answered", _("vraag beantwoord")
    REFERRED = "referred", _("doorverwezen")
    CALLBACK = "callback", _("terugbelafspraak gemaakt")
    NO_RESPONSE = "no_response", _("inwoner reageerde niet meer")
    OTHER = "other", _("anders")


class Handover(models.Model):
    """At most one open (waiting or active) handover per conversation, one agent per handover.

    The agent is set once with a conditional UPDATE after locking the conversation row, so
    two agents accepting at the same moment cannot both win (see docs/adr/0004-livechat.md).
    """

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="handovers"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(
        _("status"), max_length=12, choices=HandoverState.choices, default=HandoverState.WAITING
    )
    topic = models.CharField(_("onderwerp volgens Gem"), max_length=80, blank=True)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handovers",
        verbose_name=_("medewerker"),
    )
    requested_at = models.DateTimeField(_("wacht sinds"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("aangenomen"), null=True, blank=True)
    ended_at = models.DateTimeField(_("beëindigd"), null=True, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=12, choices=Outcome.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("doorverbinding")
        verbose_name_plural = _("doorverbindingen")
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["municipality", "state", "requested_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation"],
                condition=models.Q(state__in=["waiting", "active"]),
                name="livechat_one_open_handover_per_conversation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} ({self.state})"


class HandoverNote(models.Model):
    """An internal note of an agent: never shown to the resident."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("notitie"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:40]
