"""The one place that decides which municipal employee may see or change what.

Every agent endpoint, console page and console websocket goes through these functions, so
municipality isolation is tested here and nowhere else needs to repeat it. An object of
another municipality is "not found" (404): its existence is not revealed.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet

from gembot.conversations.models import Conversation
from gembot.core.api_errors import ApiError
from gembot.livechat.models import (
    NATIONAL_ADMIN_GROUP,
    ContactRequest,
    Handover,
    Membership,
    Role,
)
from gembot.tenants.models import Municipality

User = AbstractBaseUser | AnonymousUser | None

CONVERSATION_NOT_FOUND = ApiError(
    404,
    "conversation_not_found",
    "Dit gesprek bestaat niet, of het hoort niet bij uw gemeente.",
    "This conversation does not exist, or it does not belong to your municipality.",
)
CONTACT_REQUEST_NOT_FOUND = ApiError(
    404,
    "contact_request_not_found",
    "Dit contactverzoek bestaat niet, of het hoort niet bij uw gemeente.",
    "This contact request does not exist, or it does not belong to your municipality.",
)
_CACHE_ATTRIBUTE = "_livechat_municipality_ids"


def is_signed_in(user: User) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_national_admin(user: User) -> bool:
    if not is_signed_in(user):
        return False
    return user.is_superuser or user.groups.filter(name=NATIONAL_ADMIN_GROUP).exists()


def municipality_ids_for(user: User, role: str) -> frozenset[int]:
    """Ids of the municipalities where ``user`` holds ``role`` (cached on the user object).

    National admins count as admin and editor of every municipality, but never as agent:
    live chats and contact requests are only for the municipality's own employees.
    """
    if not is_signed_in(user):
        return frozenset()
    cache = user.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
    if role not in cache:
        if role != Role.AGENT and is_national_admin(user):
            ids = Municipality.objects.values_list("id", flat=True)
        else:
            ids = Membership.objects.filter(user=user, role=role).values_list(
                "municipality_id", flat=True
            )
        cache[role] = frozenset(ids)
    return cache[role]


def municipalities_for(user: User, role: str) -> QuerySet[Municipality]:
    return Municipality.objects.filter(id__in=municipality_ids_for(user, role))


def require_agent(user: User) -> frozenset[int]:
    """The agent's municipality ids; 401 when not signed in, 403 when not an agent."""
    if not is_signed_in(user):
        raise ApiError(
            401,
            "not_authenticated",
            "U bent niet aangemeld. Stuur uw token mee (Authorization: Token ...).",
            "You are not signed in. Send your token (Authorization: Token ...).",
        )
    ids = municipality_ids_for(user, Role.AGENT)
    if not ids:
        raise ApiError(
            403,
            "not_an_agent",
            "U bent geen medewerker live chat van een gemeente.",
            "You are not a live-chat agent of any municipality.",
        )
    return ids


def access_conversation_for_agent(
    user: User, conversation_id: object, for_update: bool = False
) -> Conversation:
    """A conversation that was handed over in one of the agent's municipalities.

    Conversations that never asked for a person are not for agents. With ``for_update`` the
    conversation row (and only that row) is locked until the transaction ends.
    """
    ids = require_agent(user)
    try:
        key = uuid.UUID(str(conversation_id))
    except ValueError:
        raise CONVERSATION_NOT_FOUND from None
    queryset = Conversation.objects.select_related("municipality").filter(
        Exists(Handover.objects.filter(conversation=OuterRef("pk"))),
        pk=key,
        municipality_id__in=ids,
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    conversation = queryset.first()
    if conversation is None:
        raise CONVERSATION_NOT_FOUND
    return conversation


def access_contact_request(user: User, contact_request_id: object) -> ContactRequest:
    ids = require_agent(user)
    try:
        key = int(str(contact_request_id))
    except ValueError:
        raise CONTACT_REQUEST_NOT_FOUND from None
    found = (
        ContactRequest.objects.select_related("municipality")
        .filter(pk=key, municipality_id__in=ids)
        .first()
    )
    if found is None:
        raise CONTACT_REQUEST_NOT_FOUND
    return found


def can_manage(user: User, municipality_id: int) -> bool:
    """May ``user`` change the live-chat settings of this municipality (admin pages)?"""
    return municipality_id in municipality_ids_for(user, Role.ADMIN)
