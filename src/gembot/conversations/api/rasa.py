"""Rasa REST channel compatibility: clients written for Rasa's REST channel work unchanged."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gembot.conversations import actions
from gembot.conversations.api import serializers as s
from gembot.conversations.api.views import ERRORS
from gembot.conversations.models import Channel
from gembot.core.api_errors import ApiError
from gembot.core.throttling import IpRateThrottle
from gembot.tenants.access import access_municipality


class RasaWebhookView(APIView):
    throttle_classes = [IpRateThrottle]

    @extend_schema(
        request=s.RasaRequest,
        responses={200: s.RasaResponseItem(many=True), **ERRORS},
        summary="Rasa REST channel (POST /webhooks/rest/webhook)",
    )
    def post(self, request: Request) -> Response:
        serializer = s.RasaRequest(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        reference = data["metadata"].get("municipality")
        if not reference:
            raise ApiError(
                400,
                "municipality_missing",
                "Geef de gemeente mee in metadata.municipality (bijvoorbeeld GM0855).",
                "Put the municipality in metadata.municipality (for example GM0855).",
            )
        municipality = access_municipality(str(reference))
        text = actions.validate_resident_text(data["message"])
        conversation = actions.conversation_for_sender(municipality, data["sender"])
        replies = actions.handle_resident_message(conversation, text, channel=Channel.RASA)
        body = []
        for reply in replies:
            item = {"recipient_id": data["sender"], "text": reply.text}
            if reply.buttons:
                item["buttons"] = reply.buttons
            body.append(item)
        return Response(body)
