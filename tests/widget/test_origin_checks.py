"""Only the websites a municipality allowed may use Gem from a browser (CORS + websocket)."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from channels.routing import URLRouter
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from gembot.config.routing import websocket_urlpatterns
from gembot.widget.origins import (
    WebsocketOriginValidator,
    configured_origins,
    normalise_origin,
)
from tests.conftest import Resident
from tests.widget.conftest import BREDA_SITE, TILBURG_SITE

START = "/api/v1/conversations"


def start(api, origin=None, municipality="GM0855"):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return api.post(START, {"municipality": municipality}, format="json", **headers)


def test_allowed_site_gets_cors_headers(api, tilburg):
    response = start(api, TILBURG_SITE)
    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == TILBURG_SITE
    assert "Origin" in response["Vary"]


def test_site_of_another_municipality_gets_403(api, tilburg, breda):
    response = start(api, BREDA_SITE)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin_not_allowed"
    assert "mag de chat van Gem niet gebruiken" in response.json()["error"]["message"]


def test_unknown_site_gets_403_on_every_api_path(api, tilburg):
    resident = Resident(api)
    evil = {"HTTP_ORIGIN": "https://evil.example"}
    for response in (
        start(api, "https://evil.example"),
        api.get(f"/api/v1/conversations/{resident.id}", **resident.auth, **evil),
        api.post(
            f"/api/v1/conversations/{resident.id}/messages",
            {"text": "paspoort"},
            format="json",
            **resident.auth,
            **evil,
        ),
        api.get("/api/v1/widget/config", {"municipality": "GM0855"}, **evil),
        api.get("/api/v1/municipalities", **evil),
    ):
        assert response.status_code == 403, response.content
        assert response.json()["error"]["code"] == "origin_not_allowed"


def test_conversation_is_checked_against_its_own_municipality(api, tilburg, breda):
    resident = Resident(api)  # a Tilburg conversation
    response = api.get(
        f"/api/v1/conversations/{resident.id}", HTTP_ORIGIN=BREDA_SITE, **resident.auth
    )
    assert response.status_code == 403
    response = api.get(
        f"/api/v1/conversations/{resident.id}", HTTP_ORIGIN=TILBURG_SITE, **resident.auth
    )
    assert response.status_code == 200


def test_requests_without_origin_keep_working_without_extra_queries(api, tilburg, settings):
    assert start(api).status_code == 201

    def queries(client, **headers) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/municipalities", **headers).status_code == 200
        return len(captured)

    with_check = queries(api)
    assert queries(api, HTTP_ORIGIN="http://testserver") == with_check
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "WidgetOrigin" not in m]
    assert queries(APIClient()) == with_check  # a new client loads the shorter middleware


def test_gem_itself_is_always_allowed(api, tilburg):
    response = start(api, "http://testserver")
    assert response.status_code == 201
    assert "Access-Control-Allow-Origin" not in response


def test_preflight_for_an_allowed_site(api, tilburg):
    response = api.options(
        START,
        HTTP_ORIGIN=TILBURG_SITE,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type,x-gem-client",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == TILBURG_SITE
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "X-Gem-Client" in response["Access-Control-Allow-Headers"]
    assert "Authorization" in response["Access-Control-Allow-Headers"]


def test_preflight_for_an_unknown_site_is_refused(api, tilburg):
    response = api.options(
        START, HTTP_ORIGIN="https://evil.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert response.status_code == 403


def test_origin_spelling_is_normalised():
    assert normalise_origin("https://WWW.Tilburg.nl/") == "https://www.tilburg.nl"
    assert normalise_origin("https://www.tilburg.nl:443") == "https://www.tilburg.nl"
    assert normalise_origin("http://localhost:8000") == "http://localhost:8000"
    assert normalise_origin("null") is None
    assert normalise_origin("javascript:alert(1)") is None
    assert configured_origins(["www.tilburg.nl", "https://Tilburg.nl/", "null"]) == {
        "https://www.tilburg.nl",
        "https://tilburg.nl",
        "https://null",  # harmless: a browser never sends this origin
    }


# --- websocket ----------------------------------------------------------------------------


@pytest.fixture
def same_thread_db(monkeypatch):
    """Let the consumer's database calls run inside the test's transaction.

    ``async_to_sync`` runs the websocket in a loop whose thread-sensitive database calls come
    back to the test's thread; channels would close that connection around each call.
    """
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


def websocket_accepted(resident: Resident, origin: str | None) -> bool:
    headers = [(b"host", b"gem.example.nl")]
    if origin:
        headers.append((b"origin", origin.encode()))

    async def attempt() -> bool:
        # channels.testing imports daphne, which Gem does not install: speak ASGI directly.
        communicator = ApplicationCommunicator(
            WebsocketOriginValidator(URLRouter(websocket_urlpatterns)),
            {
                "type": "websocket",
                "path": f"/ws/conversations/{resident.id}/",
                "query_string": f"token={resident.token}".encode(),
                "headers": headers,
                "subprotocols": [],
            },
        )
        await communicator.send_input({"type": "websocket.connect"})
        answer = await communicator.receive_output(timeout=5)
        if answer["type"] != "websocket.accept":
            assert answer["type"] == "websocket.close"
            return False
        assert '"connected"' in (await communicator.receive_output(timeout=5))["text"]
        await communicator.send_input({"type": "websocket.disconnect", "code": 1000})
        await communicator.wait(timeout=5)
        return True

    return async_to_sync(attempt)()


@pytest.mark.parametrize(
    ("origin", "accepted"),
    [
        (TILBURG_SITE, True),
        (None, True),
        ("https://gem.example.nl", True),
        (BREDA_SITE, False),
        ("https://evil.example", False),
    ],
)
def test_websocket_origin_check(api, tilburg, breda, same_thread_db, origin, accepted):
    assert websocket_accepted(Resident(api), origin) is accepted
