"""When the channel layer (Redis) is down, Gem still answers and offers a contact request."""

from __future__ import annotations

import socket
import time

import pytest
from django.db import transaction

from gembot.livechat import layer
from tests.livechat.conftest import ask_for_person, new_messages

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture
def redis_down(settings, monkeypatch):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [f"redis://127.0.0.1:{closed_port()}/0"]},
        }
    }
    # Run after-commit events at once, so every publish really meets the dead layer.
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def test_offers_a_contact_request_instead_of_live_chat(redis_down, resident, anna):
    started = time.perf_counter()
    body = ask_for_person(resident)
    assert time.perf_counter() - started < 2
    text = " ".join(m["text"] for m in body["messages"])
    assert "Er is nu geen medewerker beschikbaar voor de chat." in text
    assert "Mag ik u doorverbinden" not in text
    buttons = [b["payload"] for m in body["messages"] for b in m["buttons"]]
    assert "/contactverzoek" in buttons
    contact = resident.client.post(
        f"/api/v1/conversations/{resident.id}/contact-request",
        {"name": "Jan", "email": "jan@example.nl"},
        format="json",
        **resident.auth,
    )
    assert contact.status_code == 201


def test_gem_still_answers_residents(redis_down, resident, anna):
    body = resident.say("Hoe vraag ik een paspoort aan?")
    assert body["messages"] and body["messages"][0]["sender"] == "bot"


def test_the_check_is_cached(redis_down, anna, monkeypatch):
    calls = []
    monkeypatch.setattr(layer, "_probe", lambda: calls.append(1) or False)
    assert [layer.layer_reachable() for _ in range(20)] == [False] * 20
    assert calls == [1]


def test_nothing_is_lost_in_a_running_chat(waiting, anna, request):
    anna.accept(waiting)
    request.getfixturevalue("redis_down")  # Redis goes down during the chat
    sent = anna.send(waiting, "Ik ben er nog").json()
    waiting.say("Ik ook")
    texts = [m["text"] for m in new_messages(waiting, sent["id"] - 1)]
    assert texts == ["Ik ben er nog", "Ik ook"]  # the resident's poll gets everything


@pytest.fixture
def cache_down(settings):
    """Redis as the cache too (as in production), with nothing listening."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }


def test_residents_still_get_answers_when_the_cache_is_down(redis_down, cache_down, api):
    started = api.post("/api/v1/conversations", {"municipality": "GM0855"}, format="json")
    assert started.status_code == 201
    body = started.json()
    reply = api.post(
        f"/api/v1/conversations/{body['id']}/messages",
        {"text": "hoe vraag ik een paspoort aan"},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {body['token']}",
    )
    assert reply.status_code == 200
    assert reply.json()["messages"][0]["topic"] == "paspoort"
