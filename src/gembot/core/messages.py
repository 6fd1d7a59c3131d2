"""What every typed message must be, whoever types it (resident or employee)."""

from __future__ import annotations

from django.conf import settings

from gembot.core.api_errors import ApiError


def validate_message_text(text: object, *, empty_nl: str, empty_en: str) -> str:
    """The text, stripped; a 400 ``ApiError`` when empty, 413 when too long."""
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "empty_text", empty_nl, empty_en)
    limit = settings.GEM_MAX_MESSAGE_CHARS
    if len(text) > limit:
        raise ApiError(
            413,
            "text_too_long",
            f"Uw bericht is te lang. Gebruik hoogstens {limit} tekens.",
            f"Your message is too long. Use at most {limit} characters.",
        )
    return text.strip()
