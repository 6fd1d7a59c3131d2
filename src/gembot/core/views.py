"""Plain pages of the service itself: home, health and error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from gembot import __version__
from gembot.core.api_errors import error_response
from gembot.core.middleware import is_api_request


def home(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {
            "name": "Gem",
            "version": __version__,
            "api": "/api/v1/",
            "docs": "/api/v1/docs/",
            "schema": "/api/v1/schema/",
        }
    )


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        return error_response(
            404,
            "not_found",
            "Dit adres bestaat niet in de API van Gem.",
            "This address does not exist in Gem's API.",
        )
    return HttpResponse("<h1>Pagina niet gevonden</h1>", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api_request(request):
        return error_response(
            500,
            "server_error",
            "Er ging iets mis bij Gem. Probeer het later opnieuw.",
            "Something went wrong at Gem. Please try again later.",
        )
    return HttpResponse("<h1>Er ging iets mis</h1>", status=500)
