"""The life of a handover: request (consent), cancel, accept, expire."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from gembot.conversations.events import publish_messages
from gembot.conversations.models import Conversation, Message, Sender, Status, Turn
from gembot.core.api_errors import ApiError
from gembot.dialogue.types import BotReply
from gembot.livechat import events, replies
from gembot.livechat.access import access_conversation_for_agent
from gembot.livechat.actions.common import (
    CLOSED_CONVERSATION,
    agent_name,
    lock_conversation,
    open_handover,
    queue_position,
    store_replies,
)
from gembot.livechat.availability import (
    LiveChatStatus,
    Reason,
    agents_present,
    calendar_for,
    live_chat_status,
    settings_for,
)
from gembot.livechat.models import Availability, Handover, HandoverState, LiveChatSettings
from gembot.livechat.texts import say

NOT_TOPICS = {"", replies.TOPIC, replies.CONTACT_REQUEST_TOPIC, "begroeting", "afsluiting"}


class LiveChatUnavailable(ApiError):
    """Nobody can take the conversation now; ``status`` says why."""

    def __init__(self, status: LiveChatStatus):
        super().__init__(
            409,
            "livechat_unavailable",
            "Er is nu geen medewerker beschikbaar voor de chat. Stuur een contactverzoek.",
            "No employee is available for the chat now. Send a contact request.",
        )
        self.status = status


def detected_topic(conversation: Conversation) -> str:
    """What Gem thought the conversation was about, for the agent's queue."""
    topic = (conversation.dialogue_state or {}).get("topic") or ""
    if topic not in NOT_TOPICS:
        return topic
    recent = (
        Turn.objects.filter(conversation=conversation)
        .exclude(topic__in=NOT_TOPICS)
        .order_by("-id")
        .values_list("topic", flat=True)
        .first()
    )
    return recent or ""


@transaction.atomic
def request_handover(conversation: Conversation) -> Handover:
    """The resident agreed to talk to an agent: the conversation joins the queue.

    Idempotent (asking twice keeps the place in the queue). Updates ``conversation.status``
    in memory too, because the resident-message action saves that object afterwards.
    """
    locked = lock_conversation(conversation.pk)
    if locked.status == Status.CLOSED:
        raise CLOSED_CONVERSATION
    handover = open_handover(locked)
    if handover is None:
        status = live_chat_status(locked.municipality)
        if not status.available:
            raise LiveChatUnavailable(status)
        handover = Handover.objects.create(
            conversation=locked,
            municipality_id=locked.municipality_id,
            topic=detected_topic(locked),
        )
        locked.status = Status.WAITING_FOR_AGENT
        locked.save(update_fields=["status"])
        events.publish_queue(locked.municipality_id, "waiting", locked.id, topic=handover.topic)
        events.publish_positions(locked.municipality_id)
    conversation.status = locked.status
    return handover


def waiting_replies(conversation: Conversation, handover: Handover) -> list[BotReply]:
    chat = settings_for(conversation.municipality)
    return replies.waiting(queue_position(handover), conversation.language, chat.welcome_text)


@transaction.atomic
def join_queue(conversation: Conversation) -> list[Message]:
    """Request a handover outside the dialogue (the API's consent): stores Gem's reply."""
    handover = request_handover(conversation)
    if handover.state == HandoverState.ACTIVE:  # already with an employee: nothing to say
        return []
    return store_replies(conversation, waiting_replies(conversation, handover))


def _end_waiting(conversation: Conversation, handover: Handover, state: str) -> None:
    updated = Handover.objects.filter(pk=handover.pk, state=HandoverState.WAITING).update(
        state=state, ended_at=timezone.now()
    )
    if updated != 1:
        raise ApiError(
            409,
            "not_waiting",
            "U wacht niet (meer) op een medewerker.",
            "You are not waiting for an employee (any more).",
        )
    conversation.status = Status.WITH_GEM
    conversation.save(update_fields=["status"])
    events.publish_queue(conversation.municipality_id, state, conversation.id)
    events.publish_positions(conversation.municipality_id)


@transaction.atomic
def stop_waiting(conversation: Conversation) -> list[BotReply]:
    """The resident stops waiting ("/wachten_stoppen"); Gem takes over again."""
    locked = lock_conversation(conversation.pk)
    handover = open_handover(locked)
    if locked.status != Status.WAITING_FOR_AGENT or handover is None:
        raise ApiError(
            409,
            "not_waiting",
            "U wacht niet (meer) op een medewerker.",
            "You are not waiting for an employee (any more).",
        )
    _end_waiting(locked, handover, HandoverState.CANCELLED)
    conversation.status = locked.status
    return [BotReply(say("cancelled", locked.language), topic=replies.TOPIC)]


@transaction.atomic
def cancel_handover(conversation: Conversation) -> list[Message]:
    """``POST .../handover/cancel``: stop waiting and store Gem's reply."""
    return store_replies(conversation, stop_waiting(conversation))


@transaction.atomic
def accept_handover(user: AbstractBaseUser, conversation_id: object) -> Handover:
    """An agent takes a waiting conversation. Exactly one agent wins; the other gets 409.

    The conversation row is locked first, so a second accept waits for the first to commit
    and then finds the handover taken; the conditional UPDATE (``agent IS NULL``) is the
    second guard for databases without row locks.
    """
    conversation = access_conversation_for_agent(user, conversation_id, for_update=True)
    handover = open_handover(conversation)
    if handover is not None and handover.agent_id == user.pk:
        return handover  # accepting twice is fine
    if handover is None or handover.state != HandoverState.WAITING:
        taken = handover is not None and handover.state == HandoverState.ACTIVE
        raise ApiError(
            409,
            "already_taken" if taken else "not_waiting",
            "Een collega heeft dit gesprek al aangenomen."
            if taken
            else "Deze inwoner wacht niet (meer) op een medewerker.",
            "A colleague has already accepted this conversation."
            if taken
            else "This resident is not waiting for an employee (any more).",
        )
    now = timezone.now()
    won = Handover.objects.filter(
        pk=handover.pk, state=HandoverState.WAITING, agent__isnull=True
    ).update(state=HandoverState.ACTIVE, agent=user, accepted_at=now)
    if won != 1:
        raise ApiError(
            409,
            "already_taken",
            "Een collega heeft dit gesprek al aangenomen.",
            "A colleague has already accepted this conversation.",
        )
    handover.refresh_from_db()
    conversation.status = Status.WITH_AGENT
    conversation.last_activity_at = now
    conversation.save(update_fields=["status", "last_activity_at"])
    name = agent_name(user)
    joined = Message.objects.create(
        conversation=conversation,
        sender=Sender.SYSTEM,
        text=say("agent_joined", conversation.language, name=name),
    )
    publish_messages(conversation, [joined])
    events.publish_state(conversation, agent_name=name)
    events.publish_queue(conversation.municipality_id, "accepted", conversation.id, agent=name)
    events.publish_positions(conversation.municipality_id)
    return handover


# --- nobody takes it: checked lazily, no background worker --------------------------------


def expiry_reason(handover: Handover, chat: LiveChatSettings, now: datetime) -> str | None:
    """Why a waiting handover cannot be taken any more, or None while it still can."""
    if not chat.enabled:
        return Reason.DISABLED
    if now - handover.requested_at > timedelta(minutes=chat.max_wait_minutes):
        return Reason.NOBODY
    if not calendar_for(chat, now).is_open(now):
        return Reason.CLOSED
    present = (Availability.ONLINE, Availability.PAUSE)
    if not agents_present(handover.municipality_id, now, present):
        return Reason.NOBODY
    return None


def _expire(conversation: Conversation, handover: Handover, chat: LiveChatSettings, reason: str):
    _end_waiting(conversation, handover, HandoverState.EXPIRED)
    status = LiveChatStatus(reason, chat)
    return replies.unavailable(status, conversation.language, expired=reason == Reason.NOBODY)


def check_waiting(conversation: Conversation) -> list[BotReply]:
    """Inside the resident-message action (conversation locked): expire when overdue."""
    handover = open_handover(conversation)
    if handover is None or handover.state != HandoverState.WAITING:
        return []
    chat = settings_for(conversation.municipality)
    reason = expiry_reason(handover, chat, timezone.now())
    if reason is None:
        return []
    return _expire(conversation, handover, chat, reason)


def expire_overdue(municipality_ids: frozenset[int] | set[int], now: datetime | None = None):
    """Offer a contact request to every resident in these municipalities nobody can take.

    Called on every console refresh, queue request and resident poll; cheap when nothing
    is overdue (one query for waiting handovers, one for their settings).
    """
    now = now or timezone.now()
    waiting = list(
        Handover.objects.filter(state=HandoverState.WAITING, municipality_id__in=municipality_ids)
    )
    if not waiting:
        return 0
    chats = {
        chat.municipality_id: chat
        for chat in LiveChatSettings.objects.filter(
            municipality_id__in={h.municipality_id for h in waiting}
        ).select_related("municipality")
    }
    expired = 0
    for handover in waiting:
        chat = chats.get(handover.municipality_id)
        if chat is None or expiry_reason(handover, chat, now) is not None:
            expired += _expire_one(handover.conversation_id)
    return expired


@transaction.atomic
def _expire_one(conversation_id: object) -> int:
    conversation = lock_conversation(conversation_id)
    handover = open_handover(conversation)  # re-read under the lock: it may be taken now
    if handover is None or handover.state != HandoverState.WAITING:
        return 0
    chat = settings_for(conversation.municipality)
    reason = expiry_reason(handover, chat, timezone.now())
    if reason is None:
        return 0
    store_replies(conversation, _expire(conversation, handover, chat, reason))
    return 1
