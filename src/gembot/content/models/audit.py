"""Who changed what in the content, and the version counter that invalidates caches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CHANGE_ACTIONS = [
    ("create", _("toegevoegd")),
    ("update", _("gewijzigd")),
    ("delete", _("verwijderd")),
]


class ContentChange(models.Model):
    """One write to the content, recorded by the action that made it."""

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="content_changes",
    )
    actor_label = models.CharField(
        _("door (naam)"),
        max_length=150,
        blank=True,
        help_text=_("Gebruikersnaam, of 'import' bij een import uit de repository."),
    )
    via = models.CharField(_("via"), max_length=20, default="admin")
    action = models.CharField(_("actie"), max_length=10, choices=CHANGE_ACTIONS)
    model = models.CharField(_("soort"), max_length=60)
    object_id = models.CharField(_("object-id"), max_length=40, blank=True)
    object_repr = models.CharField(_("object"), max_length=300)
    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="content_changes",
        help_text=_("Leeg: landelijke inhoud."),
    )
    changes = models.JSONField(
        _("wijzigingen"),
        default=dict,
        blank=True,
        help_text=_("Per veld [oud, nieuw]."),
    )

    class Meta:
        verbose_name = _("inhoudswijziging")
        verbose_name_plural = _("inhoudswijzigingen")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.model} {self.object_repr}"


class ContentVersion(models.Model):
    """A single row whose token changes on every content write (see answers.snapshot_for)."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inhoudsversie")
        verbose_name_plural = _("inhoudsversies")

    def __str__(self) -> str:
        return self.token
