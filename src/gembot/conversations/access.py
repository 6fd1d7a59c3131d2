"""The one place that decides who may read or change a conversation."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

from gembot.conversations.models import Conversation
from gembot.core.api_errors import ApiError

NOT_FOUND = ApiError(
    404,
    "conversation_not_found",
    "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek.",
    "This conversation does not exist (any more). Start a new conversation.",
)


def new_token() -> tuple[str, str]:
    """A fresh resident token and the hash Gem stores of it."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def parse_bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def access_conversation_by_token(
    conversation_id: str | uuid.UUID, token: str | None, *, for_update: bool = False
) -> Conversation:
    """The conversation, if ``token`` is its resident token; otherwise a 404/401/403 error."""
    try:
        key = uuid.UUID(str(conversation_id))
    except ValueError:
        raise NOT_FOUND from None
    queryset = Conversation.objects.select_related("municipality")
    if for_update:
        queryset = queryset.select_for_update()
    conversation = queryset.filter(pk=key).first()
    if conversation is None or not conversation.municipality.enabled:
        raise NOT_FOUND
    if not token:
        raise ApiError(
            401,
            "not_authenticated",
            "Stuur het token van dit gesprek mee (Authorization: Bearer ...).",
            "Send the token of this conversation (Authorization: Bearer ...).",
        )
    if not hmac.compare_digest(conversation.token_hash, hash_token(token)):
        raise ApiError(
            403,
            "forbidden",
            "Dit token hoort niet bij dit gesprek.",
            "This token does not belong to this conversation.",
        )
    return conversation
