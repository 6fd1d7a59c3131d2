"""Topics and what Gem says about them: answers, example questions, tailoring, switch-offs."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gembot.content.constants import ASPECTS  # noqa: F401 - re-exported

ASPECT_CHOICES = [
    ("", _("hoofdantwoord")),
    ("kosten", _("kosten")),
    ("doorlooptijd", _("doorlooptijd")),
    ("meenemen", _("meenemen")),
    ("aanvragen", _("aanvragen")),
    ("waar", _("waar")),
]
LANGUAGE_CHOICES = [("nl", _("Nederlands")), ("en", _("Engels"))]


class Topic(models.Model):
    """Something residents ask about: a catalogue topic, or a local extra topic."""

    key = models.SlugField(
        _("sleutel"),
        max_length=80,
        unique=True,
        help_text=_("Vaste id uit de catalogus (bijvoorbeeld paspoort). Nooit hernoemen."),
    )
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    upl_name = models.CharField(_("UPL-naam"), max_length=200, blank=True)
    upl_uri = models.URLField(_("UPL-URI"), max_length=300, blank=True)
    owner = models.CharField(
        _("eigenaar"),
        max_length=80,
        default="gemeente",
        help_text=_("gemeente, of de organisatie waarnaar Gem doorverwijst."),
    )
    scope = models.TextField(_("afbakening"), blank=True)
    is_national = models.BooleanField(_("landelijk onderwerp"), default=True)
    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_topics",
        help_text=_("Alleen voor een extra lokaal onderwerp van één gemeente."),
    )

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_national=True, municipality__isnull=True)
                | Q(is_national=False, municipality__isnull=False),
                name="content_topic_national_xor_local",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.key})"

    def clean(self) -> None:
        if self.is_national and self.municipality_id:
            raise ValidationError(
                {"municipality": _("Een landelijk onderwerp hoort niet bij één gemeente.")}
            )
        if not self.is_national and not self.municipality_id:
            raise ValidationError({"municipality": _("Kies de gemeente van dit lokale onderwerp.")})

    def belongs_elsewhere(self, municipality_id: int | None) -> bool:
        """True for a local topic of another municipality than ``municipality_id``."""
        return not self.is_national and self.municipality_id != municipality_id


def refuse_other_municipality(content: models.Model, field: str) -> None:
    """Local content may only hang under a national topic or a topic of its own municipality."""
    if content.topic_id and content.topic.belongs_elsewhere(content.municipality_id):
        raise ValidationError({field: _("Dit lokale onderwerp hoort bij een andere gemeente.")})


class ExampleQuestion(models.Model):
    """A sentence a resident could type for a topic; training data for the recogniser."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("onderwerp"),
        on_delete=models.CASCADE,
        related_name="examples",
    )
    text = models.TextField(_("voorbeeldvraag"))
    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="example_questions",
        help_text=_("Leeg: landelijke voorbeeldvraag."),
    )
    language = models.CharField(_("taal"), max_length=2, choices=LANGUAGE_CHOICES, default="nl")
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("voorbeeldvraag")
        verbose_name_plural = _("voorbeeldvragen")
        ordering = ["topic_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "text"],
                condition=Q(municipality__isnull=True),
                name="content_example_unique_national",
            ),
            models.UniqueConstraint(
                fields=["topic", "municipality", "text"],
                name="content_example_unique_local",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        refuse_other_municipality(self, "municipality")


class Answer(models.Model):
    """What Gem says about a topic: the main answer, an aspect of it, or a tailored variant."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("onderwerp"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="answers",
        help_text=_(
            "Leeg: landelijk antwoord. Gevuld: lokaal antwoord dat het landelijke "
            "vervangt voor deze gemeente."
        ),
    )
    aspect = models.CharField(
        _("deelvraag"),
        max_length=20,
        blank=True,
        choices=ASPECT_CHOICES,
        help_text=_("Leeg voor het hoofdantwoord."),
    )
    variant = models.CharField(
        _("variant"),
        max_length=60,
        blank=True,
        help_text=_(
            "Leeg, of de waarde van een keuze bij de doorvraag (bijvoorbeeld minderjarig)."
        ),
    )
    text_nl = models.TextField(
        _("tekst (Nederlands)"),
        help_text=_("B1-Nederlands. Variabelen als {{ gemeente.naam }}."),
    )
    text_en = models.TextField(_("tekst (Engels)"), blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["topic_id", "municipality_id", "variant", "aspect"]
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "aspect", "variant"],
                condition=Q(municipality__isnull=True),
                name="content_answer_unique_national",
            ),
            models.UniqueConstraint(
                fields=["topic", "municipality", "aspect", "variant"],
                name="content_answer_unique_local",
            ),
        ]

    def __str__(self) -> str:
        parts = [self.topic.key]
        if self.aspect:
            parts.append(self.aspect)
        if self.variant:
            parts.append(self.variant)
        where = self.municipality.name if self.municipality else _("landelijk")
        return f"{' / '.join(parts)} ({where})"

    def clean(self) -> None:
        if not self.topic_id:
            return
        refuse_other_municipality(self, "municipality")
        if self.variant:
            tailoring = TailoringQuestion.objects.filter(topic_id=self.topic_id).first()
            if tailoring is None or self.variant not in tailoring.option_values():
                raise ValidationError(
                    {"variant": _("Deze variant is geen keuze van de doorvraag van dit onderwerp.")}
                )


class TailoringQuestion(models.Model):
    """One question whose answer picks a variant of the topic's answer."""

    topic = models.OneToOneField(
        Topic,
        verbose_name=_("onderwerp"),
        on_delete=models.CASCADE,
        related_name="tailoring",
    )
    slot = models.SlugField(_("slot"), max_length=60, help_text=_("Bijvoorbeeld leeftijd."))
    question_nl = models.CharField(_("vraag (Nederlands)"), max_length=300)
    question_en = models.CharField(_("vraag (Engels)"), max_length=300, blank=True)
    options = models.JSONField(
        _("keuzes"),
        default=list,
        help_text=_('Lijst van {"value": ..., "title_nl": ..., "title_en": ...}.'),
    )

    class Meta:
        verbose_name = _("doorvraag")
        verbose_name_plural = _("doorvragen")

    def __str__(self) -> str:
        return self.question_nl

    def clean(self) -> None:
        options = self.options
        if not isinstance(options, list) or not options:
            raise ValidationError({"options": _("Geef minstens één keuze.")})
        seen: set[str] = set()
        for option in options:
            value = option.get("value") if isinstance(option, dict) else None
            if not isinstance(value, str) or not value or value in seen:
                raise ValidationError(
                    {"options": _("Elke keuze heeft een eigen, unieke waarde (value).")}
                )
            if not option.get("title_nl"):
                raise ValidationError({"options": _("Elke keuze heeft een titel (title_nl).")})
            seen.add(value)

    def option_values(self) -> list[str]:
        return [option.get("value", "") for option in self.options or []]


class DisabledTopic(models.Model):
    """A topic a municipality switches off, with the explanation Gem gives instead."""

    municipality = models.ForeignKey(
        "tenants.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="disabled_topics",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("onderwerp"),
        on_delete=models.CASCADE,
        related_name="disabled_in",
    )
    explanation_nl = models.TextField(_("uitleg (Nederlands)"))
    explanation_en = models.TextField(_("uitleg (Engels)"), blank=True)

    class Meta:
        verbose_name = _("uitgezet onderwerp")
        verbose_name_plural = _("uitgezette onderwerpen")
        ordering = ["municipality_id", "topic_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "topic"],
                name="content_disabled_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic.key} ({self.municipality.name})"

    def clean(self) -> None:
        refuse_other_municipality(self, "topic")
