"""How the widget looks and where it shows, per municipality."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gembot.tenants.models import Municipality
from gembot.widget import contrast, pages

# Gem's defaults; widget.css uses the same values when a token is not set.
DEFAULT_PRIMARY = "#154273"
DEFAULT_PRIMARY_TEXT = "#ffffff"
DEFAULT_FOCUS = "#1a1a1a"
# Backgrounds the primary colour is used on as text colour (links, quick-reply buttons).
PANEL_BACKGROUND = "#ffffff"
BOT_MESSAGE_BACKGROUND = "#f3f4f6"

_colour = RegexValidator(
    contrast.HEX_COLOUR,
    _("Gebruik een kleurcode met # en zes tekens, bijvoorbeeld #154273."),
)
_font_family = RegexValidator(
    r"^[A-Za-z0-9 ,'\"\-]+$",
    _("Gebruik alleen letterfamilies, gescheiden door komma's, bijvoorbeeld: Fira Sans, Arial."),
)
_radius = RegexValidator(
    r"^(0|\d{1,2}(\.\d{1,2})?(px|rem|em))$",
    _("Gebruik een maat in px, rem of em, bijvoorbeeld 4px. 0 geeft rechte hoeken."),
)


class WidgetTheme(models.Model):
    """Design tokens and page rules of one municipality's chat window."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="widget_theme",
        verbose_name=_("gemeente"),
    )
    title = models.CharField(
        _("titel"),
        max_length=80,
        blank=True,
        help_text=_("Boven in het chatvenster. Leeg: 'Gem, digitale assistent'."),
    )
    logo_url = models.URLField(
        _("adres van het logo"),
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text=_("Een afbeelding op https, ongeveer 32 pixels hoog."),
    )
    primary_color = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        blank=True,
        validators=[_colour],
        help_text=_("Knoppen, kop en berichten van de inwoner. Leeg: #154273 (donkerblauw)."),
    )
    primary_text_color = models.CharField(
        _("tekstkleur op de hoofdkleur"),
        max_length=7,
        blank=True,
        validators=[_colour],
        help_text=_("Leeg: #ffffff (wit)."),
    )
    focus_color = models.CharField(
        _("focuskleur"),
        max_length=7,
        blank=True,
        validators=[_colour],
        help_text=_(
            "Rand om de knop of het veld dat de toetsenbordfocus heeft. Leeg: #1a1a1a (zwart)."
        ),
    )
    font_family = models.CharField(
        _("lettertype"),
        max_length=200,
        blank=True,
        validators=[_font_family],
        help_text=_("Bijvoorbeeld: Fira Sans, Arial, sans-serif. Leeg: het systeemlettertype."),
    )
    border_radius = models.CharField(
        _("afronding van hoeken"),
        max_length=8,
        blank=True,
        validators=[_radius],
        help_text=_("Bijvoorbeeld 4px of 0. Leeg: 6px."),
    )
    privacy_url = models.URLField(
        _("adres van de privacyverklaring"),
        blank=True,
        help_text=_("Leeg: de privacyverklaring van Gem."),
    )
    show_on_pages = models.TextField(
        _("alleen tonen op deze pagina's"),
        blank=True,
        help_text=_("Eén pad per regel, * voor alles wat volgt (/afval/*). Leeg: op elke pagina."),
    )
    hide_on_pages = models.TextField(
        _("nooit tonen op deze pagina's"),
        blank=True,
        help_text=_("Eén pad per regel, * voor alles wat volgt (/bestuur/*)."),
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("uiterlijk van het chatvenster")
        verbose_name_plural = _("uiterlijk van de chatvensters")
        ordering = ["municipality__name"]

    def __str__(self) -> str:
        return str(self.municipality)

    # --- what the widget gets ------------------------------------------------------------

    def tokens(self) -> dict[str, str]:
        """The design tokens this municipality set, as CSS custom properties.

        Tokens left empty are not sent, so a token the embedding page declares itself (for
        example ``--gem-color-primary: var(--utrecht-color-blue-40)``) or Gem's default
        applies.
        """
        values = {
            "--gem-color-primary": self.primary_color,
            "--gem-color-primary-text": self.primary_text_color,
            "--gem-focus-color": self.focus_color,
            "--gem-font-family": self.font_family,
            "--gem-border-radius": self.border_radius,
        }
        return {name: value for name, value in values.items() if value}

    def shown_on(self, path: str) -> bool:
        return pages.shown_on(path, self.show_on_pages, self.hide_on_pages)

    # --- validation ----------------------------------------------------------------------

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        for field in ("show_on_pages", "hide_on_pages"):
            wrong = pages.invalid_patterns(getattr(self, field))
            if wrong:
                errors.setdefault(field, []).append(
                    gettext("Elk pad begint met een / en bevat geen spaties: %(wrong)s")
                    % {"wrong": ", ".join(wrong)}
                )
        for field, message in self._contrast_problems():
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    def _contrast_problems(self) -> list[tuple[str, str]]:
        colours = [self.primary_color, self.primary_text_color, self.focus_color]
        if any(value and not contrast.HEX_COLOUR.match(value) for value in colours):
            return []  # the field validators already explain the format
        primary = self.primary_color or DEFAULT_PRIMARY
        primary_text = self.primary_text_color or DEFAULT_PRIMARY_TEXT
        focus = self.focus_color or DEFAULT_FOCUS
        checks = [  # (field to blame, foreground, background, minimum, message)
            (
                "primary_text_color" if self.primary_text_color else "primary_color",
                primary_text,
                primary,
                contrast.AA_TEXT,
                gettext(
                    "De tekst op de hoofdkleur is niet goed te lezen. Het contrast is "
                    "%(ratio)s, het moet minstens 4,5:1 zijn (WCAG AA). Kies een lichtere "
                    "of donkerdere kleur."
                ),
            ),
            (
                "primary_color",
                primary,
                BOT_MESSAGE_BACKGROUND,
                contrast.AA_TEXT,
                gettext(
                    "De hoofdkleur is als tekstkleur van links en knoppen op een lichte "
                    "achtergrond niet goed te lezen. Het contrast is %(ratio)s, het moet "
                    "minstens 4,5:1 zijn (WCAG AA). Kies een donkerdere kleur."
                ),
            ),
            (
                "focus_color",
                focus,
                PANEL_BACKGROUND,
                contrast.AA_NON_TEXT,
                gettext(
                    "De focuskleur is op een witte achtergrond niet goed te zien. Het "
                    "contrast is %(ratio)s, het moet minstens 3:1 zijn (WCAG AA). Kies een "
                    "donkerdere kleur."
                ),
            ),
        ]
        problems = []
        for field, foreground, background, minimum, message in checks:
            ratio = contrast.contrast_ratio(foreground, background)
            if ratio < minimum:
                problems.append((field, message % {"ratio": contrast.format_ratio(ratio)}))
        return problems
