"""The 342 municipalities (tenants) that Gem serves from one installation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A Dutch municipality, identified by its CBS code (``GM0855``)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    slug = models.SlugField(_("korte naam in URL's"), max_length=80, unique=True)
    name = models.CharField(
        _("naam"), max_length=120, help_text=_("Naam zoals inwoners die kennen.")
    )
    official_name = models.CharField(_("officiële naam (CBS)"), max_length=120)
    province = models.CharField(_("provincie"), max_length=40)
    seat = models.CharField(_("bestuurscentrum"), max_length=120, blank=True)
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    enabled = models.BooleanField(
        _("Gem actief"),
        default=True,
        help_text=_("Uit: Gem praat niet met inwoners van deze gemeente."),
    )
    allowed_origins = models.JSONField(
        _("toegestane websites"),
        default=list,
        blank=True,
        help_text=_("Websites (https://www.gemeente.nl) waarop de chat mag staan."),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
