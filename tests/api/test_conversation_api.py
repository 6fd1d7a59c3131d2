"""The public conversation API, as a client sees it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_lists_all_342_municipalities(api):
    response = api.get("/api/v1/municipalities")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == 342
    tilburg = next(row for row in rows if row["code"] == "GM0855")
    assert tilburg == {
        "code": "GM0855",
        "slug": "tilburg",
        "name": "Tilburg",
        "province": "Noord-Brabant",
    }


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("GM0855", "Tilburg"),
        ("gm0855", "Tilburg"),
        ("tilburg", "Tilburg"),
        ("s-hertogenbosch", "'s-Hertogenbosch"),
        ("den-haag", "Den Haag"),
        ("Súdwest-Fryslân", "Súdwest-Fryslân"),
        ("bergen-nh", "Bergen (NH)"),
    ],
)
def test_start_conversation_by_code_or_slug_greets_with_municipality_name(api, reference, name):
    response = api.post("/api/v1/conversations", {"municipality": reference}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert set(body) >= {"id", "token", "messages"}
    assert len(body["token"]) >= 32
    greeting = body["messages"][0]
    assert greeting["sender"] == "bot"
    assert name in greeting["text"]


def test_conversation_ids_and_tokens_are_unique(make_resident):
    first, second = make_resident(), make_resident()
    assert first.id != second.id
    assert first.token != second.token


def test_message_round_trip_returns_bot_messages_and_state(resident):
    body = resident.say("Hoe vraag ik een paspoort aan?")
    assert body["state"] == "with_gem"
    assert body["messages"], "Gem always answers"
    for message in body["messages"]:
        assert message["sender"] == "bot"
        assert set(message) >= {"text", "topic", "confidence", "buttons"}
        for button in message["buttons"]:
            assert set(button) == {"title", "payload"}


def test_transcript_holds_greeting_question_and_answer(resident):
    resident.say("Wanneer wordt het grofvuil opgehaald?")
    transcript = resident.transcript()
    senders = [m["sender"] for m in transcript["messages"]]
    assert senders[:3] == ["bot", "resident", "bot"]
    assert transcript["messages"][1]["text"] == "Wanneer wordt het grofvuil opgehaald?"
    assert transcript["municipality"] == "GM0855"


def test_transcript_is_scrubbed_of_personal_data(resident):
    resident.say("Mijn BSN is 111222333 en mijn mail is piet@example.nl, bel 06-12345678")
    stored = resident.transcript()["messages"][1]["text"]
    assert "111222333" not in stored and "piet@example.nl" not in stored
    assert "06-12345678" not in stored
    assert "[BSN]" in stored and "[E-MAIL]" in stored and "[TELEFOON]" in stored


def test_polling_returns_only_newer_messages(resident, api):
    first = resident.say("hallo")
    last_id = first["messages"][-1]["id"]
    resident.say("paspoort aanvragen")
    response = api.get(
        f"/api/v1/conversations/{resident.id}/messages?since={last_id}", **resident.auth
    )
    assert response.status_code == 200
    messages = response.json()["messages"]
    assert messages[0]["text"] == "paspoort aanvragen"
    assert all(m["id"] > last_id for m in messages)


def test_resident_erases_conversation(resident, api):
    response = api.delete(f"/api/v1/conversations/{resident.id}", **resident.auth)
    assert response.status_code == 204
    gone = api.get(f"/api/v1/conversations/{resident.id}", **resident.auth)
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "conversation_not_found"


def test_openapi_schema_and_docs_are_served(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/conversations" in paths
    assert "/api/v1/conversations/{conversation_id}/messages" in paths
    assert "/webhooks/rest/webhook" in paths
    docs = api.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"redoc" in docs.content.lower()
