"""Keep API clients on JSON: unexpected errors and unknown URLs under the API prefixes."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.utils.deprecation import MiddlewareMixin

from gembot.core.api_errors import error_response

logger = logging.getLogger("gembot.errors")

API_PREFIXES = ("/api/", "/webhooks/")


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIXES)


class ApiErrorMiddleware(MiddlewareMixin):
    """Sync and async capable, so it adds no thread hop under ASGI."""

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_api_request(request):
            return None
        # Log the type and where it happened; never the request body (resident text).
        logger.error(
            "unhandled %s on %s %s",
            type(exception).__name__,
            request.method,
            request.path,
            exc_info=exception,
        )
        return error_response(
            500,
            "server_error",
            "Er ging iets mis bij Gem. Probeer het later opnieuw.",
            "Something went wrong at Gem. Please try again later.",
        )
