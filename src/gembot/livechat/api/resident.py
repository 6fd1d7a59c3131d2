"""Resident side of the live chat (Bearer token of the conversation, like the rest of v1)."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gembot.conversations.access import access_conversation_by_token, parse_bearer
from gembot.conversations.api.serializers import ErrorResponse
from gembot.conversations.events import message_payload
from gembot.conversations.models import Conversation
from gembot.core.throttling import ConversationRateThrottle, IpRateThrottle
from gembot.livechat.actions import contact, handover, rating
from gembot.livechat.actions.common import agent_name, open_handover, queue_position
from gembot.livechat.api import serializers as s
from gembot.livechat.availability import live_chat_status
from gembot.livechat.models import HandoverState

ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 429), ErrorResponse)


def _conversation(request: Request, conversation_id: str) -> Conversation:
    token = parse_bearer(request.headers.get("Authorization"))
    return access_conversation_by_token(conversation_id, token)


def _data(request: Request) -> dict:
    return request.data if isinstance(request.data, dict) else {}


def _status(conversation: Conversation) -> dict:
    current = open_handover(conversation)
    waiting = current is not None and current.state == HandoverState.WAITING
    return {
        "state": conversation.status,
        "queue_position": queue_position(current) if waiting else None,
        "agent_name": (agent_name(current.agent) or None) if current else None,
        "live_chat": live_chat_status(conversation.municipality).reason,
    }


class ResidentView(APIView):
    throttle_classes = [IpRateThrottle, ConversationRateThrottle]


class HandoverView(ResidentView):
    @extend_schema(
        tags=["Live chat (resident)"],
        responses={200: s.HandoverStatusResponse, **ERRORS},
        summary="Waiting position and agent (polling for clients without websockets)",
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = _conversation(request, conversation_id)
        handover.expire_overdue({conversation.municipality_id})  # lazy waiting-time check
        conversation.refresh_from_db(fields=["status"])
        return Response(_status(conversation))

    @extend_schema(
        tags=["Live chat (resident)"],
        request=None,
        responses={200: s.JoinQueueResponse, **ERRORS},
        summary="Ask for an employee (this request is the resident's consent)",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        with transaction.atomic():
            conversation = _conversation(request, conversation_id)
            messages = handover.join_queue(conversation)
        return Response(
            {**_status(conversation), "messages": [message_payload(m) for m in messages]}
        )


class CancelView(ResidentView):
    @extend_schema(
        tags=["Live chat (resident)"],
        request=None,
        responses={200: s.StateResponse, **ERRORS},
        summary="Stop waiting for an employee",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = _conversation(request, conversation_id)
        messages = handover.cancel_handover(conversation)
        return Response(
            {"state": conversation.status, "messages": [message_payload(m) for m in messages]}
        )


class RatingView(ResidentView):
    @extend_schema(
        tags=["Live chat (resident)"],
        request=s.RatingRequest,
        responses={200: s.RatingRequest, **ERRORS},
        summary="Rate the closed conversation from 1 to 5",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = _conversation(request, conversation_id)
        given = rating.rate_conversation(conversation, _data(request).get("rating"))
        return Response({"rating": given})


class ContactRequestView(ResidentView):
    @extend_schema(
        tags=["Live chat (resident)"],
        responses={200: s.ContactRequestInfo, **ERRORS},
        summary="What the contact-request form needs (the question pre-filled)",
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = _conversation(request, conversation_id)
        return Response(contact.contact_request_info(conversation))

    @extend_schema(
        tags=["Live chat (resident)"],
        request=contact.ContactRequestInput,
        responses={201: s.ContactRequestCreated, **ERRORS},
        summary="Send a contact request (name, and e-mail address or phone number)",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = _conversation(request, conversation_id)
        created = contact.submit_contact_request(conversation, _data(request))
        messages = list(conversation.messages.order_by("-id")[:1])
        return Response(
            {
                "id": created.id,
                "message": messages[0].text if messages else "",
                "messages": [message_payload(m) for m in messages],
            },
            status=201,
        )
