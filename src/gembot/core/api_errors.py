"""One error shape for every API response that is not a success.

``{"error": {"code": "...", "message": "<Dutch>", "message_en": "<English>"}}`` with the
right HTTP status. Residents' clients show ``message``; integrators read ``code``.
"""

from __future__ import annotations

import logging

from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response

logger = logging.getLogger(__name__)


class ApiError(exceptions.APIException):
    """An error Gem raises on purpose, with a Dutch and an English message."""

    def __init__(self, http_status: int, code: str, message: str, message_en: str):
        super().__init__(detail=message, code=code)
        self.status_code = http_status
        self.code = code
        self.message = message
        self.message_en = message_en


def error_body(code: str, message: str, message_en: str, **extra: object) -> dict:
    return {"error": {"code": code, "message": message, "message_en": message_en, **extra}}


def error_response(http_status: int, code: str, message: str, message_en: str) -> JsonResponse:
    return JsonResponse(error_body(code, message, message_en), status=http_status)


# Standard messages for the errors DRF raises itself, by exception class.
_STANDARD: dict[type, tuple[int, str, str, str]] = {
    exceptions.ParseError: (
        400,
        "malformed_json",
        "Wij konden uw bericht niet lezen. Stuur geldige JSON.",
        "We could not read the request body. Send valid JSON.",
    ),
    exceptions.UnsupportedMediaType: (
        415,
        "unsupported_media_type",
        "Stuur uw bericht als JSON (Content-Type: application/json).",
        "Send the request body as JSON (Content-Type: application/json).",
    ),
    exceptions.NotAuthenticated: (
        401,
        "not_authenticated",
        "U bent niet aangemeld. Stuur het token van dit gesprek mee.",
        "Authentication is missing. Send the token of this conversation.",
    ),
    exceptions.AuthenticationFailed: (
        401,
        "authentication_failed",
        "Het token klopt niet.",
        "The token is not valid.",
    ),
    exceptions.PermissionDenied: (
        403,
        "forbidden",
        "U mag dit niet bekijken of wijzigen.",
        "You are not allowed to see or change this.",
    ),
    exceptions.NotFound: (
        404,
        "not_found",
        "Wij hebben dit niet gevonden.",
        "This was not found.",
    ),
    exceptions.MethodNotAllowed: (
        405,
        "method_not_allowed",
        "Deze methode is hier niet toegestaan.",
        "This HTTP method is not allowed here.",
    ),
    exceptions.NotAcceptable: (
        406,
        "not_acceptable",
        "Wij kunnen alleen JSON terugsturen.",
        "Only JSON responses are available.",
    ),
}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF exception handler: every error becomes Gem's error shape."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, ApiError):
        return Response(error_body(exc.code, exc.message, exc.message_en), status=exc.status_code)
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1)
        response = Response(
            error_body(
                "too_many_requests",
                f"U stuurt te veel berichten achter elkaar. Probeer het over {wait} seconden "
                "opnieuw.",
                f"Too many requests. Try again in {wait} seconds.",
                retry_after=wait,
            ),
            status=status.HTTP_429_TOO_MANY_REQUESTS,
        )
        response["Retry-After"] = str(wait)
        return response
    if isinstance(exc, exceptions.ValidationError):
        return Response(
            error_body(
                "invalid",
                "Uw bericht is niet compleet of niet goed ingevuld.",
                "The request is incomplete or not valid.",
                fields=exc.detail,
            ),
            status=status.HTTP_400_BAD_REQUEST,
        )
    for cls, (code_status, code, message, message_en) in _STANDARD.items():
        if isinstance(exc, cls):
            response = Response(error_body(code, message, message_en), status=code_status)
            if isinstance(exc, exceptions.MethodNotAllowed):
                view = context.get("view")
                if view is not None:
                    response["Allow"] = ", ".join(view.allowed_methods)
            return response
    if isinstance(exc, exceptions.APIException):
        return Response(
            error_body(exc.default_code, str(exc.detail), str(exc.detail)),
            status=exc.status_code,
        )
    return None  # unexpected: ApiErrorMiddleware turns it into a plain 500 without a trace
