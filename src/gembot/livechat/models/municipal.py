"""A municipality's live-chat settings: on/off, office hours, closing days, canned replies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.livechat.officehours import OfficeHoursError, parse_schedule
from gembot.tenants.models import Municipality

DEFAULT_OFFICE_HOURS = "ma-vr 09:00-17:00"


def validate_office_hours(value: str) -> None:
    try:
        parse_schedule(value)
    except OfficeHoursError as error:
        raise ValidationError(str(error)) from None


class LiveChatSettings(models.Model):
    """Live chat of one municipality. Without a row, live chat is off (the defaults below)."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="livechat_settings",
        verbose_name=_("gemeente"),
    )
    enabled = models.BooleanField(
        _("live chat aan"),
        default=False,
        help_text=_("Uit: Gem verbindt inwoners niet door, maar noemt het telefoonnummer."),
    )
    direct_handover = models.BooleanField(
        _("direct doorverbinden"),
        default=False,
        help_text=_(
            "Aan: een nieuw gesprek begint met de vraag of de inwoner wil chatten met "
            "een medewerker, zonder eerst met Gem te praten."
        ),
    )
    office_hours = models.CharField(
        _("openingstijden chat"),
        max_length=200,
        default=DEFAULT_OFFICE_HOURS,
        validators=[validate_office_hours],
        help_text=_(
            'Bijvoorbeeld "ma-vr 08:30-17:00" of "ma,wo 09:00-12:00; do 13:00-20:00". '
            '"ma-zo 00:00-24:00" is altijd open.'
        ),
    )
    closed_on_public_holidays = models.BooleanField(
        _("dicht op feestdagen"),
        default=True,
        help_text=_("Officiële Nederlandse feestdagen, zoals Koningsdag en Eerste Kerstdag."),
    )
    max_wait_minutes = models.PositiveSmallIntegerField(
        _("maximale wachttijd (minuten)"),
        default=10,
        help_text=_(
            "Neemt niemand het gesprek aan binnen deze tijd? Dan biedt Gem een contactverzoek aan."
        ),
    )
    welcome_text = models.CharField(
        _("welkomsttekst"),
        max_length=300,
        blank=True,
        help_text=_("Gem zegt dit als de inwoner gaat wachten op een medewerker."),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor contactverzoeken"),
        blank=True,
        help_text=_("Leeg: contactverzoeken staan alleen in de console."),
    )
    answer_within_workdays = models.PositiveSmallIntegerField(
        _("antwoord op contactverzoek binnen (werkdagen)"), default=2
    )
    contact_retention_days = models.PositiveSmallIntegerField(
        _("contactverzoeken bewaren (dagen)"),
        default=30,
        help_text=_("Daarna worden naam, e-mailadres, telefoonnummer en vraag verwijderd."),
    )

    class Meta:
        verbose_name = _("live-chatinstellingen")
        verbose_name_plural = _("live-chatinstellingen")
        ordering = ["municipality__name"]

    def __str__(self) -> str:
        return str(self.municipality)


class ClosingDay(models.Model):
    """A day the live chat is closed besides the public holidays (such as 24 December)."""

    settings = models.ForeignKey(
        LiveChatSettings, on_delete=models.CASCADE, related_name="closing_days"
    )
    date = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["settings", "date"], name="livechat_unique_closing")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.reason}".strip()


class CannedReply(models.Model):
    """A ready-made answer agents of one municipality insert with one click."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="canned_replies",
        verbose_name=_("gemeente"),
    )
    title = models.CharField(_("titel"), max_length=80)
    text = models.TextField(_("tekst"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("standaardantwoord")
        verbose_name_plural = _("standaardantwoorden")
        ordering = ["municipality__name", "position", "title"]

    def __str__(self) -> str:
        return self.title
