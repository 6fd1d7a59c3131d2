"""Small helpers the live-chat actions share."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from gembot.conversations.events import publish_messages
from gembot.conversations.models import Conversation, Message, Sender
from gembot.core.api_errors import ApiError
from gembot.core.messages import validate_message_text
from gembot.dialogue.types import BotReply
from gembot.livechat.models import OPEN_STATES, Handover, HandoverState

CLOSED_CONVERSATION = ApiError(
    409,
    "conversation_closed",
    "Dit gesprek is afgesloten. Begin een nieuw gesprek.",
    "This conversation is closed. Start a new conversation.",
)


def lock_conversation(conversation_id: object) -> Conversation:
    """The conversation row, locked until the transaction ends (SQLite: whole database)."""
    return (
        Conversation.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .get(pk=conversation_id)
    )


def open_handover(conversation: Conversation) -> Handover | None:
    return (
        Handover.objects.filter(conversation=conversation, state__in=OPEN_STATES)
        .select_related("agent")
        .first()
    )


def latest_handover(conversation: Conversation) -> Handover | None:
    return Handover.objects.filter(conversation=conversation).order_by("-id").first()


def queue_position(handover: Handover) -> int:
    if handover.state != HandoverState.WAITING:
        return 0
    earlier = Handover.objects.filter(
        municipality_id=handover.municipality_id,
        state=HandoverState.WAITING,
        requested_at__lte=handover.requested_at,
    ).exclude(requested_at=handover.requested_at, id__gt=handover.id)
    return earlier.count()


def agent_name(user: AbstractBaseUser | None) -> str:
    """How residents see an agent: the first name only. A login name (often an e-mail
    address or staff number) is never shown; without a first name the widget says
    "Medewerker"."""
    if user is None:
        return ""
    return (getattr(user, "first_name", "") or "").strip()[:80]


def validate_agent_text(text: object) -> str:
    """Same rules as resident messages (not empty, not too long); the agent's own words."""
    return validate_message_text(
        text, empty_nl="Uw bericht is leeg.", empty_en="Your message is empty."
    )


def store_replies(
    conversation: Conversation, replies: list[BotReply], sender: str = Sender.BOT
) -> list[Message]:
    """Store Gem's (or the system's) replies and publish them after commit."""
    messages = [
        Message(
            conversation=conversation,
            sender=sender,
            text=reply.text,
            buttons=[button.as_dict() for button in reply.buttons],
            topic=reply.topic,
        )
        for reply in replies
    ]
    Message.objects.bulk_create(messages)
    publish_messages(conversation, messages)
    return messages
