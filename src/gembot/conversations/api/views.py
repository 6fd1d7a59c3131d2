"""Public conversation API (v1)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gembot.conversations import actions
from gembot.conversations.access import access_conversation_by_token, parse_bearer
from gembot.conversations.api import serializers as s
from gembot.conversations.events import message_payload
from gembot.conversations.models import Conversation, Message, Status
from gembot.core.api_errors import ApiError
from gembot.core.throttling import (
    ConversationRateThrottle,
    IpRateThrottle,
    NewConversationRateThrottle,
)
from gembot.livechat.actions.handover import expire_overdue
from gembot.tenants.access import access_municipality
from gembot.tenants.models import Municipality

ERRORS = dict.fromkeys((400, 401, 403, 404, 405, 413, 429), s.ErrorResponse)


def _valid(serializer_class, request: Request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _conversation(request: Request, conversation_id) -> Conversation:
    token = parse_bearer(request.headers.get("Authorization"))
    return access_conversation_by_token(conversation_id, token)


def transcript(conversation: Conversation, since: int | None = None) -> list[dict]:
    messages = Message.objects.filter(conversation=conversation)
    if since is not None:
        messages = messages.filter(id__gt=since)
    return [message_payload(m) for m in messages]


class MunicipalityListView(APIView):
    throttle_classes = [IpRateThrottle]

    @extend_schema(
        responses={200: s.MunicipalitySerializer(many=True)},
        summary="All municipalities Gem serves",
    )
    def get(self, request: Request) -> Response:
        rows = Municipality.objects.filter(enabled=True).values("code", "slug", "name", "province")
        return Response(list(rows))


class ConversationListView(APIView):
    throttle_classes = [IpRateThrottle, NewConversationRateThrottle]

    @extend_schema(
        request=s.StartConversationRequest,
        responses={201: s.StartConversationResponse, **ERRORS},
        summary="Start a conversation with Gem",
    )
    def post(self, request: Request) -> Response:
        data = _valid(s.StartConversationRequest, request)
        municipality = access_municipality(data["municipality"])
        started = actions.start_conversation(
            municipality, channel=_channel(request), language=data["language"]
        )
        return Response(
            {
                "id": str(started.conversation.id),
                "token": started.token,
                "municipality": municipality.code,
                "state": started.conversation.status,
                "messages": [message_payload(m) for m in started.messages],
            },
            status=status.HTTP_201_CREATED,
        )


def _channel(request: Request) -> str:
    return "widget" if request.headers.get("X-Gem-Client") == "widget" else "api"


class ConversationDetailView(APIView):
    throttle_classes = [IpRateThrottle]

    @extend_schema(
        responses={200: s.TranscriptResponse, **ERRORS},
        summary="The transcript (without personal data)",
    )
    def get(self, request: Request, conversation_id) -> Response:
        conversation = _conversation(request, conversation_id)
        return Response(
            {
                "id": str(conversation.id),
                "municipality": conversation.municipality.code,
                "state": conversation.status,
                "language": conversation.language,
                "created_at": conversation.created_at.isoformat(),
                "messages": transcript(conversation),
            }
        )

    @extend_schema(responses={204: None, **ERRORS}, summary="Erase the conversation")
    def delete(self, request: Request, conversation_id) -> Response:
        conversation = _conversation(request, conversation_id)
        actions.erase_conversation(conversation)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MessageListView(APIView):
    throttle_classes = [IpRateThrottle, ConversationRateThrottle]

    @extend_schema(
        parameters=[OpenApiParameter("since", int, description="Only messages after this id.")],
        responses={200: s.SendMessageResponse, **ERRORS},
        summary="Messages of the conversation (polling for clients without websockets)",
    )
    def get(self, request: Request, conversation_id) -> Response:
        conversation = _conversation(request, conversation_id)
        if conversation.status == Status.WAITING_FOR_AGENT:
            # Polling clients learn that nobody came in time just like websocket clients.
            expire_overdue({conversation.municipality_id})
            conversation.refresh_from_db(fields=["status"])
        since = request.query_params.get("since")
        if since is not None and not (since.isascii() and since.isdigit()):
            raise ApiError(
                400, "invalid_since", "'since' moet een getal zijn.", "'since' must be a number."
            )
        return Response(
            {
                "messages": transcript(conversation, int(since) if since else None),
                "state": conversation.status,
            }
        )

    @extend_schema(
        request=s.SendMessageRequest,
        responses={200: s.SendMessageResponse, **ERRORS},
        summary="Send a resident message; returns Gem's replies",
    )
    def post(self, request: Request, conversation_id) -> Response:
        data = _valid(s.SendMessageRequest, request)
        text = actions.validate_resident_text(data["text"])
        conversation = _conversation(request, conversation_id)
        replies = actions.handle_resident_message(conversation, text)
        return Response(
            {"messages": [message_payload(m) for m in replies], "state": conversation.status}
        )
