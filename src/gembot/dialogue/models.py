"""What the dialogue learns from residents, for content editors."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.conversations.models import Turn
from gembot.tenants.models import Municipality


class ClarificationChoice(models.Model):
    """A resident's answer to "Bedoelt u ...?": which topic a vague question was about.

    Editors use these to add example questions, so Gem recognises the question next time.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    # Erasing or purging the conversation removes its choices too (they hold resident text).
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, null=True, related_name="+"
    )
    text = models.TextField(_("vraag van de inwoner (zonder persoonsgegevens)"))
    candidates = models.JSONField(_("aangeboden onderwerpen"), default=list)
    chosen_topic = models.CharField(
        _("gekozen onderwerp"),
        max_length=80,
        blank=True,
        default="",
        help_text=_("Leeg: de inwoner koos 'iets anders'."),
    )
    created_at = models.DateTimeField(_("datum"), auto_now_add=True)

    class Meta:
        verbose_name = _("keuze bij verduidelijking")
        verbose_name_plural = _("keuzes bij verduidelijking")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.text[:40]} -> {self.chosen_topic or '?'}"


class MissedQuestion(Turn):
    """A resident message Gem did not understand or could not help with (for editors).

    A view on the turns, not a table of its own: the text is the scrubbed message, and it
    disappears with the transcript when the conversation is erased or expires.
    """

    class Meta:
        proxy = True
        verbose_name = _("niet begrepen vraag")
        verbose_name_plural = _("niet begrepen vragen")
