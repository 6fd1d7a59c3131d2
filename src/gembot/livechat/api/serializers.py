"""Request and response shapes of the live-chat API (for the OpenAPI schema)."""

from __future__ import annotations

from rest_framework import serializers

from gembot.conversations.api.serializers import MessageSerializer
from gembot.livechat.models import Availability, Outcome


class TextRequest(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, allow_blank=True)


class AvailabilitySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Availability.choices)


class CloseRequest(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)


class QueueEntry(serializers.Serializer):
    conversation = serializers.UUIDField()
    municipality = serializers.CharField()
    state = serializers.ChoiceField(choices=["waiting", "active"])
    topic = serializers.CharField()
    requested_at = serializers.DateTimeField()
    waiting_seconds = serializers.IntegerField()
    position = serializers.IntegerField(help_text="Place in the queue; 0 when accepted.")
    agent = serializers.CharField(allow_null=True)
    mine = serializers.BooleanField()
    preview = serializers.CharField(help_text="The resident's last message (scrubbed).")


class ContactRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    municipality = serializers.CharField()
    conversation = serializers.UUIDField(allow_null=True)
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    question = serializers.CharField()
    topic = serializers.CharField()
    created_at = serializers.DateTimeField()
    handled_at = serializers.DateTimeField(allow_null=True)


class QueueResponse(serializers.Serializer):
    availability = serializers.CharField(help_text="My availability: online, pauze or offline.")
    waiting = QueueEntry(many=True)
    active = QueueEntry(many=True)
    open_contact_requests = serializers.IntegerField()


class NoteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = serializers.CharField()
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class AgentTranscript(serializers.Serializer):
    id = serializers.UUIDField()
    municipality = serializers.CharField()
    state = serializers.CharField()
    language = serializers.CharField()
    handover = QueueEntry(allow_null=True)
    messages = MessageSerializer(many=True)
    notes = NoteSerializer(many=True)


class CannedReplySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    municipality = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()


class StateResponse(serializers.Serializer):
    state = serializers.CharField()
    messages = MessageSerializer(many=True)


class HandoverStatusResponse(serializers.Serializer):
    state = serializers.CharField()
    queue_position = serializers.IntegerField(allow_null=True)
    agent_name = serializers.CharField(allow_null=True)
    live_chat = serializers.CharField(help_text="available, disabled, closed, nobody, layer_down")


class JoinQueueResponse(HandoverStatusResponse):
    messages = MessageSerializer(many=True)


class RatingRequest(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)


class ContactRequestInfo(serializers.Serializer):
    available = serializers.BooleanField()
    question = serializers.CharField(help_text="Pre-filled: the resident's messages, scrubbed.")
    answer_within = serializers.CharField()
    live_chat = serializers.CharField()


class ContactRequestCreated(serializers.Serializer):
    id = serializers.IntegerField()
    message = serializers.CharField()
    messages = MessageSerializer(many=True)
