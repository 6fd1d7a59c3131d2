"""What an agent does in an accepted conversation: write, note, hand back, close."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from gembot.conversations.events import publish_messages
from gembot.conversations.models import Conversation, Message, Sender, Status
from gembot.core.api_errors import ApiError
from gembot.dialogue.types import BotReply
from gembot.livechat import events, replies
from gembot.livechat.access import access_conversation_for_agent
from gembot.livechat.actions.common import (
    agent_name,
    latest_handover,
    open_handover,
    store_replies,
    validate_agent_text,
)
from gembot.livechat.models import Handover, HandoverNote, HandoverState, Outcome
from gembot.livechat.texts import say


def _own_active_handover(user: AbstractBaseUser, conversation: Conversation) -> Handover:
    handover = open_handover(conversation)
    if handover is None or handover.state != HandoverState.ACTIVE:
        raise ApiError(
            409,
            "not_accepted",
            "Neem het gesprek eerst aan.",
            "Accept the conversation first.",
        )
    if handover.agent_id != user.pk:
        raise ApiError(
            409,
            "already_taken",
            "Een collega voert dit gesprek.",
            "A colleague is handling this conversation.",
        )
    return handover


@transaction.atomic
def send_agent_message(user: AbstractBaseUser, conversation_id: object, text: object) -> Message:
    """The agent's message, stored as typed (agents are employees, nothing is scrubbed)."""
    text = validate_agent_text(text)
    conversation = access_conversation_for_agent(user, conversation_id, for_update=True)
    _own_active_handover(user, conversation)
    message = Message.objects.create(
        conversation=conversation, sender=Sender.AGENT, sender_name=agent_name(user), text=text
    )
    conversation.last_activity_at = timezone.now()
    conversation.save(update_fields=["last_activity_at"])
    publish_messages(conversation, [message])
    return message


def note_payload(note: HandoverNote) -> dict:
    return {
        "id": note.id,
        "author": agent_name(note.author),
        "text": note.text,
        "created_at": note.created_at.isoformat(),
    }


@transaction.atomic
def add_note(user: AbstractBaseUser, conversation_id: object, text: object) -> HandoverNote:
    """An internal note for colleagues; the resident never sees it."""
    text = validate_agent_text(text)
    conversation = access_conversation_for_agent(user, conversation_id, for_update=True)
    handover = open_handover(conversation) or latest_handover(conversation)
    note = HandoverNote.objects.create(handover=handover, author=user, text=text)
    events.publish_note(conversation.municipality_id, conversation.id, note_payload(note))
    return note


def _finish(
    user: AbstractBaseUser, conversation_id: object, state: str, status: str, outcome: str = ""
) -> tuple[Conversation, Handover]:
    conversation = access_conversation_for_agent(user, conversation_id, for_update=True)
    handover = _own_active_handover(user, conversation)
    Handover.objects.filter(pk=handover.pk).update(
        state=state, ended_at=timezone.now(), outcome=outcome
    )
    conversation.status = status
    conversation.last_activity_at = timezone.now()
    conversation.save(update_fields=["status", "last_activity_at"])
    events.publish_queue(conversation.municipality_id, state, conversation.id)
    return conversation, handover


@transaction.atomic
def hand_back(user: AbstractBaseUser, conversation_id: object) -> list[Message]:
    """The agent gives the conversation back to Gem, which answers the next message."""
    conversation, _handover = _finish(
        user, conversation_id, HandoverState.HANDED_BACK, Status.WITH_GEM
    )
    reply = BotReply(say("handed_back", conversation.language), topic=replies.TOPIC)
    return store_replies(conversation, [reply])


def validate_outcome(outcome: object) -> str:
    if outcome not in Outcome.values:
        choices = ", ".join(Outcome.values)
        raise ApiError(
            400,
            "invalid_outcome",
            f"Kies een uitkomst: {choices}.",
            f"Choose an outcome: {choices}.",
        )
    return str(outcome)


@transaction.atomic
def close_handover(user: AbstractBaseUser, conversation_id: object, outcome: object) -> None:
    """The agent closes the conversation with an outcome; the resident may rate it."""
    outcome = validate_outcome(outcome)
    conversation, _handover = _finish(
        user, conversation_id, HandoverState.CLOSED, Status.CLOSED, outcome
    )
    reply = BotReply(say("closed", conversation.language), topic=replies.TOPIC)
    store_replies(conversation, [reply], sender=Sender.SYSTEM)
