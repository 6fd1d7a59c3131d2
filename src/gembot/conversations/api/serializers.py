"""Request and response shapes of the conversation API (also the OpenAPI schema)."""

from __future__ import annotations

from rest_framework import serializers


class ButtonSerializer(serializers.Serializer):
    title = serializers.CharField()
    payload = serializers.CharField(help_text="Post this back as the next message `text`.")


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sender = serializers.ChoiceField(choices=["resident", "bot", "agent", "system"])
    sender_name = serializers.CharField()
    text = serializers.CharField(help_text="Resident text is stored without personal data.")
    topic = serializers.CharField(allow_null=True)
    confidence = serializers.FloatField(allow_null=True)
    buttons = ButtonSerializer(many=True)
    created_at = serializers.DateTimeField()


class StartConversationRequest(serializers.Serializer):
    municipality = serializers.CharField(help_text="CBS code (GM0855) or slug (tilburg).")
    language = serializers.ChoiceField(choices=["nl", "en"], required=False, default="nl")


class StartConversationResponse(serializers.Serializer):
    id = serializers.UUIDField()
    token = serializers.CharField(help_text="Secret: send as `Authorization: Bearer <token>`.")
    municipality = serializers.CharField()
    state = serializers.CharField()
    messages = MessageSerializer(many=True)


class SendMessageRequest(serializers.Serializer):
    text = serializers.CharField(
        trim_whitespace=False,
        allow_blank=True,
        help_text="The resident's message, or a button payload. At most 2,000 characters.",
    )


class SendMessageResponse(serializers.Serializer):
    messages = MessageSerializer(many=True)
    state = serializers.CharField()


class TranscriptResponse(serializers.Serializer):
    id = serializers.UUIDField()
    municipality = serializers.CharField()
    state = serializers.CharField()
    language = serializers.CharField()
    created_at = serializers.DateTimeField()
    messages = MessageSerializer(many=True)


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    slug = serializers.CharField()
    name = serializers.CharField()
    province = serializers.CharField()


class RasaRequest(serializers.Serializer):
    sender = serializers.CharField(max_length=128)
    message = serializers.CharField(trim_whitespace=False, allow_blank=True)
    metadata = serializers.DictField(required=False, default=dict)


class RasaButton(serializers.Serializer):
    title = serializers.CharField()
    payload = serializers.CharField()


class RasaResponseItem(serializers.Serializer):
    recipient_id = serializers.CharField()
    text = serializers.CharField()
    buttons = RasaButton(many=True, required=False)


class ErrorDetail(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField(help_text="Dutch, for residents.")
    message_en = serializers.CharField()


class ErrorResponse(serializers.Serializer):
    error = ErrorDetail()
