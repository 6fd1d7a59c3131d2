"""What agents see: the queue, a transcript with notes, contact requests (read only)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from gembot.conversations.events import message_payload
from gembot.conversations.models import Conversation, Message, Sender
from gembot.livechat.actions.agent import note_payload
from gembot.livechat.actions.common import agent_name, queue_position
from gembot.livechat.models import (
    OPEN_STATES,
    CannedReply,
    ContactRequest,
    Handover,
    HandoverNote,
    HandoverState,
)


def _entry(handover: Handover, user_id: int, position: int, now: datetime) -> dict:
    return {
        "conversation": str(handover.conversation_id),
        "municipality": handover.municipality.code,
        "state": handover.state,
        "topic": handover.topic,
        "requested_at": handover.requested_at.isoformat(),
        "waiting_seconds": int((now - handover.requested_at).total_seconds()),
        "position": position,
        "agent": agent_name(handover.agent) or None,
        "mine": handover.agent_id == user_id,
        "preview": getattr(handover, "preview", None) or "",
    }


def queue(user_id: int, municipality_ids: frozenset[int]) -> dict:
    """Waiting residents (oldest first, with position) and the conversations agents have."""
    now = timezone.now()
    last_resident_text = (
        Message.objects.filter(conversation=OuterRef("conversation_id"), sender=Sender.RESIDENT)
        .exclude(text__startswith="/")  # button payloads say nothing to an agent
        .order_by("-id")
        .values("text")[:1]
    )
    handovers = (
        Handover.objects.filter(municipality_id__in=municipality_ids, state__in=OPEN_STATES)
        .select_related("municipality", "agent")
        .annotate(preview=Subquery(last_resident_text))
        .order_by("requested_at", "id")
    )
    waiting, active, positions = [], [], {}
    for handover in handovers:
        if handover.state == HandoverState.WAITING:
            position = positions[handover.municipality_id] = (
                positions.get(handover.municipality_id, 0) + 1
            )
            waiting.append(_entry(handover, user_id, position, now))
        else:
            active.append(_entry(handover, user_id, 0, now))
    return {"waiting": waiting, "active": active}


def transcript(conversation: Conversation, user_id: int) -> dict:
    handovers = list(
        Handover.objects.filter(conversation=conversation)
        .select_related("municipality", "agent")
        .order_by("id")
    )
    current = next((h for h in reversed(handovers) if h.state in OPEN_STATES), None)
    position = queue_position(current) if current is not None else 0
    notes = HandoverNote.objects.filter(handover__in=handovers).select_related("author")
    entry = _entry(current or handovers[-1], user_id, position, timezone.now())
    return {
        "id": str(conversation.id),
        "municipality": conversation.municipality.code,
        "state": conversation.status,
        "language": conversation.language,
        "handover": entry,
        "messages": [message_payload(m) for m in conversation.messages.all()],
        "notes": [note_payload(note) for note in notes],
    }


def contact_request_payload(request: ContactRequest) -> dict:
    return {
        "id": request.id,
        "municipality": request.municipality.code,
        "conversation": str(request.conversation_id) if request.conversation_id else None,
        "name": request.name,
        "email": request.email,
        "phone": request.phone,
        "question": request.question,
        "topic": request.topic,
        "created_at": request.created_at.isoformat(),
        "handled_at": request.handled_at.isoformat() if request.handled_at else None,
    }


def contact_requests(municipality_ids: frozenset[int], *, include_handled: bool) -> list[dict]:
    requests = ContactRequest.objects.filter(municipality_id__in=municipality_ids).select_related(
        "municipality"
    )
    if not include_handled:
        requests = requests.filter(handled_at__isnull=True)
    return [contact_request_payload(r) for r in requests[:200]]


def open_contact_request_count(municipality_ids: frozenset[int]) -> int:
    return ContactRequest.objects.filter(
        municipality_id__in=municipality_ids, handled_at__isnull=True
    ).count()


def canned_replies(municipality_ids: frozenset[int]) -> list[dict]:
    rows = CannedReply.objects.filter(municipality_id__in=municipality_ids).select_related(
        "municipality"
    )
    return [
        {"id": r.id, "municipality": r.municipality.code, "title": r.title, "text": r.text}
        for r in rows
    ]
