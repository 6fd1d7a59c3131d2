"""CORS for the public API: only the websites a municipality allowed may call it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from gembot.core.api_errors import error_response
from gembot.widget import origins

API_PREFIX = "/api/v1/"
ALLOW_HEADERS = "Authorization, Content-Type, X-Gem-Client"
ALLOW_METHODS = "GET, POST, DELETE, OPTIONS"
PREFLIGHT_MAX_AGE = "600"


class WidgetOriginMiddleware:
    """Answers CORS preflights, refuses other websites with 403 and adds CORS headers.

    Requests without an ``Origin`` header and from Gem's own host pass untouched, with no
    extra database query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = request.headers.get("Origin")
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if origin is None or origins.is_own_origin(origin, request.get_host()):
            response = self.get_response(request)
            patch_vary_headers(response, ["Origin"])
            return response

        preflight = request.method == "OPTIONS" and "Access-Control-Request-Method" in (
            request.headers
        )
        body = None if preflight or request.method != "POST" else request.body
        municipality = origins.municipality_of_request(
            request.path, request.META.get("QUERY_STRING", ""), body
        )
        if not origins.origin_allowed(origin, request.get_host(), municipality):
            response = error_response(
                403,
                "origin_not_allowed",
                "Deze website mag de chat van Gem niet gebruiken. De gemeente kan de website "
                "toevoegen aan de toegestane websites.",
                "This website may not use Gem's chat. The municipality can add it to its "
                "allowed websites.",
            )
        elif preflight:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOW_METHODS
            response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        else:
            response = self.get_response(request)
        # Also on the 403, so the widget can read why and say so in the browser console.
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "Retry-After"
        patch_vary_headers(response, ["Origin"])
        return response
