"""Rate limits for the public API, configured with GEM_RATE_* settings."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class _GemRateThrottle(SimpleRateThrottle):
    rate_name = ""

    def get_rate(self) -> str:
        return settings.GEM_RATES[self.rate_name]


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


class ConversationRateThrottle(_GemRateThrottle):
    """Resident messages, per conversation (the id in the URL)."""

    scope = rate_name = "conversation"

    def get_cache_key(self, request, view) -> str | None:
        conversation_id = view.kwargs.get("conversation_id")
        if request.method != "POST" or not conversation_id:
            return None
        return self.cache_format % {"scope": self.scope, "ident": str(conversation_id)}
