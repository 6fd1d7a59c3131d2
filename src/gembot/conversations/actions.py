"""Every write to a conversation goes through one of these actions."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from gembot.conversations.access import new_token
from gembot.conversations.events import publish_messages
from gembot.conversations.models import (
    Channel,
    Conversation,
    Message,
    Outcome,
    Sender,
    Status,
    Turn,
)
from gembot.conversations.privacy import scrub
from gembot.core.api_errors import ApiError
from gembot.core.messages import validate_message_text
from gembot.dialogue import engine
from gembot.dialogue.models import ClarificationChoice
from gembot.dialogue.types import BotReply
from gembot.livechat.routing import during_handover
from gembot.livechat.routing import opening as livechat_opening
from gembot.tenants.models import Municipality

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartedConversation:
    conversation: Conversation
    token: str
    messages: list[Message]


def _bot_message(conversation: Conversation, reply: BotReply) -> Message:
    return Message(
        conversation=conversation,
        sender=Sender.BOT,
        text=reply.text,
        buttons=[button.as_dict() for button in reply.buttons],
        topic=reply.topic,
        confidence=reply.confidence,
    )


def validate_resident_text(text: object) -> str:
    """The resident's text, stripped; a 400/413 ``ApiError`` when it cannot be used."""
    return validate_message_text(
        text,
        empty_nl="Uw bericht is leeg. Typ uw vraag.",
        empty_en="Your message is empty. Type your question.",
    )


@transaction.atomic
def start_conversation(
    municipality: Municipality,
    *,
    channel: str = Channel.API,
    language: str = "nl",
    external_sender: str = "",
) -> StartedConversation:
    """Open a conversation with Gem's greeting as its first message."""
    token, token_hash = new_token()
    conversation = Conversation.objects.create(
        municipality=municipality,
        token_hash=token_hash,
        channel=channel,
        language=language if language in ("nl", "en") else "nl",
        external_sender=external_sender,
    )
    replies = [engine.greeting(municipality, conversation.language)]
    # With direct handover on (and someone available) the consent question follows at once.
    replies += livechat_opening(municipality, conversation.language)
    messages = Message.objects.bulk_create([_bot_message(conversation, r) for r in replies])
    return StartedConversation(conversation, token, messages)


def handle_resident_message(
    conversation: Conversation, text: str, *, channel: str | None = None
) -> list[Message]:
    """Store the resident's (scrubbed) message, let the dialogue answer, store the answer.

    ``text`` is used unscrubbed only in memory, to understand the question; what is stored,
    logged and sent to agents is the scrubbed text. The recogniser runs before the
    conversation is locked, so a slow model never holds a database lock.
    """
    started = time.perf_counter()
    text = validate_resident_text(text)
    prediction = None
    if conversation.status == Status.WITH_GEM:
        prediction = engine.understand(conversation.municipality, text)
    return _answer_and_store(conversation, text, prediction, channel, started)


@transaction.atomic
def _answer_and_store(
    given: Conversation, text: str, prediction, channel: str | None, started: float
) -> list[Message]:
    conversation = (
        Conversation.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .get(pk=given.pk)
    )
    if conversation.status == Status.CLOSED:
        raise ApiError(
            409,
            "conversation_closed",
            "Dit gesprek is afgesloten. Begin een nieuw gesprek.",
            "This conversation is closed. Start a new conversation.",
        )
    resident = Message.objects.create(
        conversation=conversation, sender=Sender.RESIDENT, text=scrub(text).text
    )
    if conversation.status in (Status.WAITING_FOR_AGENT, Status.WITH_AGENT):
        # A person has (or will get) this conversation: no bot reply, the dialogue is skipped.
        result = during_handover(conversation, text)
    else:
        result = engine.respond(conversation, text, prediction)
    replies = [_bot_message(conversation, reply) for reply in result.replies]
    Message.objects.bulk_create(replies)
    conversation.dialogue_state = result.state
    conversation.language = result.language
    conversation.last_activity_at = timezone.now()
    changed = ["dialogue_state", "language", "last_activity_at"]
    if result.status:  # otherwise the status stays as stored (a handover action may set it)
        conversation.status = result.status
        changed.append("status")
    conversation.save(update_fields=changed)
    _record_learning(conversation, result)
    Turn.objects.create(
        conversation=conversation,
        resident_message=resident,
        municipality_id=conversation.municipality_id,
        topic=result.topic,
        confidence=result.confidence,
        outcome=result.outcome,
        response_ms=(time.perf_counter() - started) * 1000,
        channel=channel or conversation.channel,
    )
    publish_messages(conversation, [resident, *replies])
    given.status = conversation.status  # the caller's copy shows the new status
    logger.info(
        "turn municipality=%s topic=%s outcome=%s",
        conversation.municipality.code,
        result.topic or "-",
        result.outcome,
    )
    return replies


@transaction.atomic
def conversation_for_sender(municipality: Municipality, sender: str) -> Conversation:
    """The open conversation of a Rasa REST channel client's sender id, or a new one.

    A closed conversation gives its sender id up, so the client starts afresh.
    """
    open_one = (
        Conversation.objects.select_for_update(of=("self",))
        .filter(municipality=municipality, external_sender=sender)
        .exclude(status=Status.CLOSED)
        .first()
    )
    if open_one is not None:
        return open_one
    Conversation.objects.filter(
        municipality=municipality, external_sender=sender, status=Status.CLOSED
    ).update(external_sender="")
    try:
        with transaction.atomic():
            return start_conversation(
                municipality, channel=Channel.RASA, external_sender=sender
            ).conversation
    except IntegrityError:  # the same sender's first message arrived twice at once
        return Conversation.objects.get(municipality=municipality, external_sender=sender)


def _record_learning(conversation: Conversation, result) -> None:
    """Feedback on the last answer, and a clarification choice as a training signal."""
    if result.feedback is not None:
        last_answer = (
            Turn.objects.filter(conversation=conversation, outcome=Outcome.ANSWERED)
            .order_by("-id")
            .first()
        )
        if last_answer is not None:
            last_answer.helpful = result.feedback
            last_answer.save(update_fields=["helpful"])
    if result.signal is not None:
        ClarificationChoice.objects.create(
            municipality_id=conversation.municipality_id,
            conversation=conversation,
            text=result.signal.get("text", ""),
            candidates=result.signal.get("candidates", []),
            chosen_topic=result.signal.get("chosen", ""),
        )


@transaction.atomic
def erase_conversation(conversation: Conversation) -> None:
    """The resident's right to erasure: the conversation and everything in it are deleted."""
    Conversation.objects.filter(pk=conversation.pk).delete()


@transaction.atomic
def purge_expired_conversations(now=None) -> int:
    """Delete transcripts older than the retention period; returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.GEM_TRANSCRIPT_RETENTION_DAYS)
    _total, per_model = Conversation.objects.filter(last_activity_at__lt=cutoff).delete()
    return per_model.get(Conversation._meta.label, 0)
