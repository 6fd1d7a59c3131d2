"""Realtime events of the live chat, sent after commit through the Channels layer.

Two kinds of groups:

* ``conversation.<id>`` (from :mod:`gembot.conversations.events`): the resident's socket and
  the consoles that watch the conversation. Only event types the resident consumer knows
  (``conversation.messages``, ``conversation.typing``, ``conversation.state``) go here.
* ``livechat.municipality.<id>``: every console of the municipality's agents: queue
  changes (``livechat.queue``) and internal notes (``livechat.note``). Never the resident.
"""

from __future__ import annotations

from django.db import transaction

from gembot.conversations.events import conversation_group, send_event
from gembot.conversations.models import Conversation, Status
from gembot.livechat.models import Handover, HandoverState


def municipality_group(municipality_id: int) -> str:
    return f"livechat.municipality.{municipality_id}"


def publish_queue(municipality_id: int, event: str, conversation_id: object = None, **extra):
    """Tell the municipality's consoles the queue changed (they reload it)."""
    payload = {"type": "livechat.queue", "event": event, **extra}
    if conversation_id is not None:
        payload["conversation"] = str(conversation_id)
    group = municipality_group(municipality_id)
    transaction.on_commit(lambda: send_event(group, payload))


def publish_note(municipality_id: int, conversation_id: object, note: dict) -> None:
    payload = {"type": "livechat.note", "conversation": str(conversation_id), "note": note}
    group = municipality_group(municipality_id)
    transaction.on_commit(lambda: send_event(group, payload))


def publish_state(conversation: Conversation, **extra: object) -> None:
    payload = {
        "type": "conversation.state",
        "conversation": str(conversation.id),
        "state": conversation.status,
        **extra,
    }
    group = conversation_group(conversation.id)
    transaction.on_commit(lambda: send_event(group, payload))


def publish_positions(municipality_id: int) -> None:
    """After commit: tell every waiting resident of the municipality their queue position."""

    def send() -> None:
        waiting = Handover.objects.filter(
            municipality_id=municipality_id, state=HandoverState.WAITING
        ).values_list("conversation_id", flat=True)
        for position, conversation_id in enumerate(waiting, start=1):
            send_event(
                conversation_group(conversation_id),
                {
                    "type": "conversation.state",
                    "conversation": str(conversation_id),
                    "state": Status.WAITING_FOR_AGENT,
                    "queue_position": position,
                },
            )

    transaction.on_commit(send)
