"""Clients written for Rasa's REST channel work unchanged."""

from __future__ import annotations

import pytest

from gembot.conversations.models import Conversation

pytestmark = pytest.mark.django_db


def post(api, body):
    return api.post("/webhooks/rest/webhook", body, format="json")


def test_rasa_webhook_answers_in_rasa_shape(api):
    response = post(
        api, {"sender": "user-1", "message": "hallo", "metadata": {"municipality": "GM0855"}}
    )
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body, list) and body
    for item in body:
        assert item["recipient_id"] == "user-1"
        assert item["text"]
        for button in item.get("buttons", []):
            assert set(button) == {"title", "payload"}


def test_same_sender_continues_one_conversation(api):
    for text in ("hallo", "paspoort aanvragen"):
        post(api, {"sender": "user-2", "message": text, "metadata": {"municipality": "tilburg"}})
    conversations = Conversation.objects.filter(external_sender="user-2")
    assert conversations.count() == 1
    assert conversations.get().messages.filter(sender="resident").count() == 2


def test_rasa_errors(api):
    missing = post(api, {"sender": "u", "message": "hoi"})
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == "municipality_missing"
    unknown = post(api, {"sender": "u", "message": "hoi", "metadata": {"municipality": "GM9999"}})
    assert unknown.status_code == 404
    empty = post(api, {"sender": "u", "message": " ", "metadata": {"municipality": "GM0855"}})
    assert empty.status_code == 400
    no_sender = post(api, {"message": "hoi", "metadata": {"municipality": "GM0855"}})
    assert no_sender.status_code == 400
