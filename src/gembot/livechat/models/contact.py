"""A contact request: the resident asks the municipality to call or e-mail back."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.conversations.models import Conversation
from gembot.tenants.models import Municipality


class ContactRequest(models.Model):
    """Holds personal data on purpose; deleted after the municipality's retention period."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("gemeente"),
    )
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_requests",
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    question = models.TextField(_("vraag"))
    topic = models.CharField(_("onderwerp volgens Gem"), max_length=80, blank=True)
    created_at = models.DateTimeField(_("ontvangen"), auto_now_add=True, db_index=True)
    emailed_to = models.EmailField(_("gemaild naar"), blank=True)
    handled_at = models.DateTimeField(_("afgehandeld"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afgehandeld door"),
    )

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["municipality", "handled_at"])]

    def __str__(self) -> str:
        return f"{self.municipality.code} {self.created_at:%Y-%m-%d %H:%M}"
