"""Realtime events about a conversation, sent through the Channels layer.

Every websocket that follows a conversation joins :func:`conversation_group`. Events are
sent after the transaction that wrote the messages has committed, so a listener never
sees a message that is not in the database.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from gembot.conversations.models import Conversation, Message

logger = logging.getLogger(__name__)


def conversation_group(conversation_id: object) -> str:
    return f"conversation.{conversation_id}"


def message_payload(message: Message) -> dict:
    return {
        "id": message.id,
        "sender": message.sender,
        "sender_name": message.sender_name,
        "text": message.text,
        "topic": message.topic or None,
        "confidence": message.confidence,
        "buttons": message.buttons,
        "created_at": message.created_at.isoformat(),
    }


def send_event(group: str, event: dict) -> None:
    """Send ``event`` to ``group``; a broken channel layer is logged, never raised."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception as error:
        logger.warning("channel layer unavailable: %s", type(error).__name__)


def publish_messages(conversation: Conversation, messages: Iterable[Message]) -> None:
    payload = {
        "type": "conversation.messages",
        "conversation": str(conversation.id),
        "status": conversation.status,
        "messages": [message_payload(m) for m in messages],
    }
    transaction.on_commit(lambda: send_event(conversation_group(conversation.id), payload))
