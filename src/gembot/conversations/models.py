"""Conversations between a resident and Gem (and later a municipal employee).

Resident text is stored only after :func:`gembot.conversations.privacy.scrub`.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from gembot.tenants.models import Municipality


class Channel(models.TextChoices):
    API = "api", "API"
    WIDGET = "widget", _("chatvenster")
    WEBSOCKET = "websocket", "websocket"
    RASA = "rasa", _("Rasa REST-kanaal")
    CLI = "cli", _("terminal")


class Status(models.TextChoices):
    WITH_GEM = "with_gem", _("in gesprek met Gem")
    WAITING_FOR_AGENT = "waiting_for_agent", _("wacht op medewerker")
    WITH_AGENT = "with_agent", _("in gesprek met medewerker")
    CLOSED = "closed", _("afgesloten")


class Conversation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="conversations",
        verbose_name=_("gemeente"),
    )
    token_hash = models.CharField(max_length=64, editable=False)
    channel = models.CharField(_("kanaal"), max_length=12, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WITH_GEM
    )
    language = models.CharField(_("taal"), max_length=2, default="nl")
    dialogue_state = models.JSONField(
        default=dict,
        blank=True,
        help_text="State of the dialogue layer (current topic, pending question, slots).",
    )
    external_sender = models.CharField(
        max_length=128,
        blank=True,
        default="",
        help_text="Sender id of a Rasa REST channel client.",
    )
    rating = models.PositiveSmallIntegerField(_("waardering (1-5)"), null=True, blank=True)
    created_at = models.DateTimeField(_("begonnen"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("laatste bericht"), auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["last_activity_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "external_sender"],
                condition=~models.Q(external_sender=""),
                name="unique_external_sender_per_municipality",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality.code} {self.id}"


class Sender(models.TextChoices):
    RESIDENT = "resident", _("inwoner")
    BOT = "bot", "Gem"
    AGENT = "agent", _("medewerker")
    SYSTEM = "system", _("systeem")


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.CharField(_("afzender"), max_length=10, choices=Sender.choices)
    sender_name = models.CharField(_("naam afzender"), max_length=80, blank=True, default="")
    text = models.TextField(_("tekst (zonder persoonsgegevens)"))
    buttons = models.JSONField(default=list, blank=True)
    topic = models.CharField(_("onderwerp"), max_length=80, blank=True, default="")
    confidence = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.sender}: {self.text[:40]}"


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("beantwoord")
    ASKED_TAILORING = "asked_tailoring", _("vraag gesteld om antwoord op maat te geven")
    CLARIFICATION = "clarification", _("gevraagd wat de inwoner bedoelt")
    NOT_UNDERSTOOD = "not_understood", _("niet begrepen")
    OUT_OF_SCOPE = "out_of_scope", _("buiten bereik")
    SMALL_TALK = "small_talk", _("begroeting of bedankje")
    HANDOVER = "handover", _("doorverbinden")
    FEEDBACK = "feedback", _("feedback")
    WITH_AGENT = "with_agent", _("bij medewerker")


class Turn(models.Model):
    """Structured record of one resident message and how Gem handled it (for analytics)."""

    # Turns hold no resident text, so they outlive an erased or expired transcript.
    conversation = models.ForeignKey(
        Conversation, on_delete=models.SET_NULL, null=True, related_name="turns"
    )
    resident_message = models.OneToOneField(
        Message, on_delete=models.SET_NULL, null=True, related_name="turn"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=80, blank=True, default="")
    confidence = models.FloatField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    response_ms = models.FloatField()
    channel = models.CharField(max_length=12, choices=Channel.choices)
    helpful = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beurt")
        verbose_name_plural = _("beurten")
        indexes = [models.Index(fields=["municipality", "created_at"])]

    def __str__(self) -> str:
        return f"{self.topic or '-'} ({self.outcome})"
