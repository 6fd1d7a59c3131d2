"""Template variables: the national catalogue and each municipality's own values."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.content.constants import KINDS  # noqa: F401 - re-exported

KIND_CHOICES = [
    ("text", _("tekst")),
    ("money", _("bedrag")),
    ("phone", _("telefoonnummer")),
    ("url", _("webadres")),
    ("email", _("e-mail")),
    ("hours", _("tijden")),
    ("address", _("adres")),
]


class VariableDefinition(models.Model):
    """A name templates may use, with the text shown when a municipality has no value."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=KIND_CHOICES, default="text")
    description = models.TextField(_("omschrijving"), blank=True)
    fallback = models.CharField(
        _("tekst als waarde ontbreekt"),
        max_length=300,
        help_text=_("Moet goed lezen midden in een zin."),
    )
    fallback_en = models.CharField(
        _("tekst als waarde ontbreekt (Engels)"),
        max_length=300,
        blank=True,
    )
    derived = models.BooleanField(
        _("afgeleid"),
        default=False,
        help_text=_(
            "Komt uit het gemeenteregister (zoals gemeente.naam), niet uit een lokale waarde."
        ),
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("variabele")
        verbose_name_plural = _("variabelen")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class LocalVariable(models.Model):
    """A municipality's value for a variable, with where it comes from and when checked."""

    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="content_variables",
    )
    name = models.CharField(_("variabele"), max_length=80)
    value = models.CharField(_("waarde"), max_length=500)
    source = models.CharField(
        _("bron"),
        max_length=500,
        blank=True,
        help_text=_("Webpagina of document waar de waarde staat."),
    )
    verified_on = models.DateField(
        _("gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Leeg: niet geverifieerd."),
    )

    class Meta:
        verbose_name = _("lokale waarde")
        verbose_name_plural = _("lokale waarden")
        ordering = ["municipality_id", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="content_localvariable_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} = {self.value}"

    def clean(self) -> None:
        definition = VariableDefinition.objects.filter(name=self.name).first()
        if definition is None:
            raise ValidationError({"name": _("Deze variabele staat niet in de catalogus.")})
        if definition.derived:
            raise ValidationError(
                {
                    "name": _(
                        "Deze variabele komt uit het gemeenteregister en heeft geen lokale waarde."
                    )
                }
            )

    @property
    def is_verified(self) -> bool:
        return self.verified_on is not None

    @property
    def verification_label(self) -> str:
        if self.verified_on is None:
            return str(_("niet geverifieerd"))
        return self.verified_on.isoformat()
