"""Contact requests: when nobody can chat, the municipality calls or e-mails back."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from rest_framework import serializers

from gembot.conversations.models import Conversation, Message, Sender
from gembot.conversations.privacy import scrub
from gembot.core.api_errors import ApiError
from gembot.dialogue.types import BotReply
from gembot.livechat import events, replies, texts
from gembot.livechat.access import access_contact_request
from gembot.livechat.actions.common import (
    latest_handover,
    lock_conversation,
    store_replies,
)
from gembot.livechat.actions.handover import detected_topic
from gembot.livechat.availability import live_chat_status, settings_for
from gembot.livechat.models import ContactRequest, LiveChatSettings

logger = logging.getLogger(__name__)

_PHONE_NOISE = re.compile(r"[\s().-]")
_PHONE = re.compile(r"\+\d{8,15}|00\d{8,15}|0\d{9}")
CONTACT_HINT = "Vul uw e-mailadres of uw telefoonnummer in. Dan kan de gemeente u bereiken."


def _phone(value: str) -> str:
    compact = _PHONE_NOISE.sub("", value)
    if not _PHONE.fullmatch(compact):
        raise serializers.ValidationError(
            "Dit telefoonnummer klopt niet. Schrijf het zo: 06 12345678 of 013 1234567."
        )
    return value.strip()


class ContactRequestInput(serializers.Serializer):
    """What the resident fills in. Either an e-mail address or a phone number is needed."""

    name = serializers.CharField(
        max_length=120,
        error_messages={
            "required": "Vul uw naam in.",
            "blank": "Vul uw naam in.",
            "max_length": "Uw naam is te lang. Gebruik hoogstens 120 tekens.",
        },
    )
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        default="",
        error_messages={
            "invalid": "Dit e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl."
        },
    )
    phone = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=20, validators=[_phone]
    )
    question = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Empty: the resident's messages in this conversation (without personal data).",
    )

    def validate_question(self, value: str) -> str:
        limit = settings.GEM_MAX_MESSAGE_CHARS
        if len(value) > limit:
            raise serializers.ValidationError(
                f"Uw vraag is te lang. Gebruik hoogstens {limit} tekens."
            )
        # Name, e-mail and phone are asked for on purpose; the question is free text and is
        # stored scrubbed like every other resident message.
        return scrub(value.strip()).text

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("email") and not attrs.get("phone"):
            raise serializers.ValidationError({"email": [CONTACT_HINT], "phone": [CONTACT_HINT]})
        return attrs


def prefilled_question(conversation: Conversation) -> str:
    """The resident's own messages (as stored: scrubbed), without button payloads."""
    stored = Message.objects.filter(conversation=conversation, sender=Sender.RESIDENT).values_list(
        "text", flat=True
    )
    question = "\n".join(t for t in stored if not t.startswith("/"))
    return question[: settings.GEM_MAX_MESSAGE_CHARS]


def _unavailable() -> ApiError:
    return ApiError(
        409,
        "contact_request_unavailable",
        "Deze gemeente neemt geen contactverzoeken aan via Gem. Bel of mail de gemeente.",
        "This municipality does not take contact requests through Gem. Call or e-mail the "
        "municipality.",
    )


@transaction.atomic
def submit_contact_request(conversation: Conversation, data: dict) -> ContactRequest:
    """Store the contact request, e-mail it to the municipality and thank the resident."""
    form = ContactRequestInput(data=data)
    form.is_valid(raise_exception=True)
    values = form.validated_data
    conversation = lock_conversation(conversation.pk)
    chat = settings_for(conversation.municipality)
    if not (chat.enabled or chat.contact_email):
        raise _unavailable()
    if ContactRequest.objects.filter(conversation=conversation, handled_at__isnull=True).exists():
        raise ApiError(
            409,
            "contact_request_exists",
            "U heeft in dit gesprek al een contactverzoek gestuurd. De gemeente neemt contact "
            "met u op.",
            "You already sent a contact request in this conversation.",
        )
    handover = latest_handover(conversation)
    request = ContactRequest.objects.create(
        municipality_id=conversation.municipality_id,
        conversation=conversation,
        name=values["name"].strip(),
        email=values["email"],
        phone=values["phone"],
        question=values["question"] or prefilled_question(conversation),
        topic=handover.topic if handover else detected_topic(conversation),
        emailed_to=chat.contact_email,
    )
    days = texts.workdays(chat.answer_within_workdays, conversation.language)
    thanks = BotReply(
        texts.say("contact_thanks", conversation.language, days=days),
        topic=replies.CONTACT_REQUEST_TOPIC,
    )
    store_replies(conversation, [thanks])
    events.publish_queue(conversation.municipality_id, "contact_request")
    if chat.contact_email:
        transaction.on_commit(lambda: _mail(request.pk))
    return request


def contact_request_info(conversation: Conversation) -> dict:
    chat = settings_for(conversation.municipality)
    return {
        "available": chat.enabled or bool(chat.contact_email),
        "question": prefilled_question(conversation),
        "answer_within": texts.workdays(chat.answer_within_workdays, conversation.language),
        "live_chat": live_chat_status(conversation.municipality).reason,
    }


def _mail(contact_request_id: int) -> None:
    request = ContactRequest.objects.select_related("municipality").get(pk=contact_request_id)
    lines = [
        f"Een inwoner van {request.municipality.name} vraagt om contact (via Gem).",
        "",
        f"Naam: {request.name}",
        f"E-mail: {request.email or '-'}",
        f"Telefoon: {request.phone or '-'}",
        f"Onderwerp volgens Gem: {request.topic or '-'}",
        "",
        "Vraag:",
        request.question,
        "",
        "U vindt dit verzoek ook in de console van Gem (/console/).",
    ]
    try:
        send_mail(
            f"Contactverzoek via Gem ({request.municipality.name})",
            "\n".join(lines),
            None,
            [request.emailed_to],
        )
    except Exception as error:  # the request is stored and visible in the console anyway
        logger.error("contact request %s not e-mailed: %s", request.pk, type(error).__name__)


@transaction.atomic
def mark_handled(user: AbstractBaseUser, contact_request_id: object) -> ContactRequest:
    request = access_contact_request(user, contact_request_id)
    if request.handled_at is None:
        request.handled_at = timezone.now()
        request.handled_by = user
        request.save(update_fields=["handled_at", "handled_by"])
        events.publish_queue(request.municipality_id, "contact_request")
    return request


@transaction.atomic
def purge_contact_requests(now: datetime | None = None) -> int:
    """Delete contact requests older than their municipality's retention period."""
    now = now or timezone.now()
    default_days = LiveChatSettings._meta.get_field("contact_retention_days").default
    custom = dict(LiveChatSettings.objects.values_list("municipality_id", "contact_retention_days"))
    deleted = 0
    for days in {default_days, *custom.values()}:
        municipalities = [m for m, d in custom.items() if d == days]
        queryset = ContactRequest.objects.filter(created_at__lt=now - timedelta(days=days))
        if days == default_days:
            others = [m for m, d in custom.items() if d != days]
            queryset = queryset.exclude(municipality_id__in=others)
        else:
            queryset = queryset.filter(municipality_id__in=municipalities)
        deleted += queryset.delete()[0]
    return deleted
