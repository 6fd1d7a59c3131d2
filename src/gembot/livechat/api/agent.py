"""Agent API: ``Authorization: Token <token>`` (or the console's session with CSRF)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gembot.conversations.api.serializers import ErrorResponse, MessageSerializer
from gembot.conversations.events import message_payload
from gembot.livechat import queue as reads
from gembot.livechat.access import (
    access_contact_request,
    access_conversation_for_agent,
    require_agent,
)
from gembot.livechat.actions import agent as agent_actions
from gembot.livechat.actions import contact as contact_actions
from gembot.livechat.actions import presence
from gembot.livechat.actions.handover import accept_handover, expire_overdue
from gembot.livechat.api import serializers as s

ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 413), ErrorResponse)


class IsAgent(permissions.BasePermission):
    """Signed in and an agent of at least one municipality (else 401/403 in Gem's shape)."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        require_agent(request.user)
        presence.touch(request.user)
        return True


class AgentView(APIView):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAgent]

    def municipality_ids(self) -> frozenset[int]:
        return require_agent(self.request.user)


def _data(request: Request) -> dict:
    return request.data if isinstance(request.data, dict) else {}


class QueueView(AgentView):
    @extend_schema(
        tags=["Agent"],
        responses={200: s.QueueResponse, **ERRORS},
        summary="Waiting residents and accepted conversations of my municipalities",
    )
    def get(self, request: Request) -> Response:
        ids = self.municipality_ids()
        expire_overdue(ids)  # the lazy check of the maximum waiting time
        body = reads.queue(request.user.pk, ids)
        body["availability"] = presence.current_availability(request.user)
        body["open_contact_requests"] = reads.open_contact_request_count(ids)
        return Response(body)


class AvailabilityView(AgentView):
    @extend_schema(tags=["Agent"], responses={200: s.AvailabilitySerializer, **ERRORS})
    def get(self, request: Request) -> Response:
        return Response({"status": presence.current_availability(request.user)})

    @extend_schema(
        tags=["Agent"],
        request=s.AvailabilitySerializer,
        responses={200: s.AvailabilitySerializer, **ERRORS},
        summary="Set my availability: online, pauze or offline",
    )
    def post(self, request: Request) -> Response:
        result = presence.set_availability(request.user, _data(request).get("status"))
        return Response({"status": result.status})


class CannedReplyView(AgentView):
    @extend_schema(tags=["Agent"], responses={200: s.CannedReplySerializer(many=True), **ERRORS})
    def get(self, request: Request) -> Response:
        return Response(reads.canned_replies(self.municipality_ids()))


class ConversationView(AgentView):
    @extend_schema(
        tags=["Agent"],
        responses={200: s.AgentTranscript, **ERRORS},
        summary="Transcript (as stored, without personal data) and internal notes",
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = access_conversation_for_agent(request.user, conversation_id)
        return Response(reads.transcript(conversation, request.user.pk))


class AcceptView(AgentView):
    @extend_schema(
        tags=["Agent"],
        request=None,
        responses={200: s.AgentTranscript, **ERRORS},
        summary="Accept a waiting resident (409 when a colleague was first)",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        handover = accept_handover(request.user, conversation_id)
        conversation = access_conversation_for_agent(request.user, handover.conversation_id)
        return Response(reads.transcript(conversation, request.user.pk))


class AgentMessageView(AgentView):
    @extend_schema(
        tags=["Agent"],
        request=s.TextRequest,
        responses={201: MessageSerializer, **ERRORS},
        summary="Send a message to the resident",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        message = agent_actions.send_agent_message(
            request.user, conversation_id, _data(request).get("text")
        )
        return Response(message_payload(message), status=201)


class NoteView(AgentView):
    @extend_schema(
        tags=["Agent"],
        request=s.TextRequest,
        responses={201: s.NoteSerializer, **ERRORS},
        summary="Add an internal note (never shown to the resident)",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        note = agent_actions.add_note(request.user, conversation_id, _data(request).get("text"))
        return Response(agent_actions.note_payload(note), status=201)


class HandbackView(AgentView):
    @extend_schema(
        tags=["Agent"],
        request=None,
        responses={200: s.StateResponse, **ERRORS},
        summary="Hand the conversation back to Gem",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        messages = agent_actions.hand_back(request.user, conversation_id)
        return Response({"state": "with_gem", "messages": [message_payload(m) for m in messages]})


class CloseView(AgentView):
    @extend_schema(
        tags=["Agent"],
        request=s.CloseRequest,
        responses={200: s.StateResponse, **ERRORS},
        summary="Close the conversation with an outcome",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        agent_actions.close_handover(request.user, conversation_id, _data(request).get("outcome"))
        conversation = access_conversation_for_agent(request.user, conversation_id)
        return Response({"state": conversation.status, "messages": []})


class ContactRequestListView(AgentView):
    @extend_schema(
        tags=["Agent"],
        parameters=[OpenApiParameter("all", bool, description="Also handled requests.")],
        responses={200: s.ContactRequestSerializer(many=True), **ERRORS},
        summary="Contact requests of my municipalities (open ones unless all=true)",
    )
    def get(self, request: Request) -> Response:
        include_handled = request.query_params.get("all") in {"1", "true", "ja"}
        return Response(
            reads.contact_requests(self.municipality_ids(), include_handled=include_handled)
        )


class ContactRequestDetailView(AgentView):
    @extend_schema(tags=["Agent"], responses={200: s.ContactRequestSerializer, **ERRORS})
    def get(self, request: Request, contact_request_id: str) -> Response:
        found = access_contact_request(request.user, contact_request_id)
        return Response(reads.contact_request_payload(found))


class ContactRequestHandledView(AgentView):
    @extend_schema(
        tags=["Agent"],
        request=None,
        responses={200: s.ContactRequestSerializer, **ERRORS},
        summary="Mark a contact request as handled",
    )
    def post(self, request: Request, contact_request_id: str) -> Response:
        found = contact_actions.mark_handled(request.user, contact_request_id)
        return Response(reads.contact_request_payload(found))
