"""Rate limits for the public API, configured with GEM_RATE_* settings."""

from __future__ import annotations

import logging
import uuid
from types import SimpleNamespace

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

logger = logging.getLogger(__name__)


class _GemRateThrottle(SimpleRateThrottle):
    rate_name = ""

    def get_rate(self) -> str:
        return settings.GEM_RATES[self.rate_name]

    def allow_request(self, request, view) -> bool:
        # The counters live in the cache (Redis in production). When it is down, residents
        # still get answers: rate limiting fails open and says so in the log.
        try:
            return super().allow_request(request, view)
        except Exception as error:
            logger.warning("rate limit skipped, cache unavailable: %s", type(error).__name__)
            return True


class IpRateThrottle(_GemRateThrottle):
    """Every public API request, per client IP address."""

    scope = rate_name = "ip"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class NewConversationRateThrottle(IpRateThrottle):
    """Starting conversations, per client IP address."""

    scope = rate_name = "new_conversation"

    def allow_request(self, request, view) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)


def conversation_ident(conversation_id: object) -> str:
    """One bucket per conversation, however its id is written in the URL."""
    try:
        return str(uuid.UUID(str(conversation_id)))
    except ValueError:
        return str(conversation_id)


class ConversationRateThrottle(_GemRateThrottle):
    """Resident messages, per conversation (the id in the URL)."""

    scope = rate_name = "conversation"

    def get_cache_key(self, request, view) -> str | None:
        conversation_id = view.kwargs.get("conversation_id")
        if request.method != "POST" or not conversation_id:
            return None
        return self.cache_format % {
            "scope": self.scope,
            "ident": conversation_ident(conversation_id),
        }


def resident_message_allowed(conversation_id: object) -> bool:
    """The same per-conversation limit for messages that arrive over the websocket."""
    return ConversationRateThrottle().allow_request(
        SimpleNamespace(method="POST"), SimpleNamespace(kwargs={"conversation_id": conversation_id})
    )
