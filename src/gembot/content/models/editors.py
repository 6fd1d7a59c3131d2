"""Local editors: which municipality a member of the group "Redactie" edits."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Editor(models.Model):
    """Links a user of the group "Redactie" to the one municipality whose content they edit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="content_editor",
    )
    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="content_editors",
    )

    class Meta:
        verbose_name = _("redacteur")
        verbose_name_plural = _("redacteuren")
        ordering = ["municipality_id", "user_id"]

    def __str__(self) -> str:
        return f"{self.user} ({self.municipality.name})"
