"""Nobody takes it in time: checked lazily on each poll, message and console refresh."""

from __future__ import annotations

import pytest

from gembot.livechat.models import Handover
from tests.livechat.conftest import minutes_ago, new_messages

pytestmark = pytest.mark.django_db

OFFER = "Het lukt nu niet om u door te verbinden. Er is geen medewerker vrij."


def overdue(resident, minutes: int = 11) -> None:
    Handover.objects.filter(conversation_id=resident.id).update(requested_at=minutes_ago(minutes))


def test_expires_on_the_agents_queue_refresh(waiting, anna):
    overdue(waiting, 9)
    assert len(anna.get("queue").json()["waiting"]) == 1  # 10 minutes is the default
    overdue(waiting, 11)
    assert anna.get("queue").json()["waiting"] == []
    last = new_messages(waiting)[-1]
    assert last["text"].startswith(OFFER)
    assert {"title": "Contactverzoek sturen", "payload": "/contactverzoek"} in last["buttons"]
    assert waiting.transcript()["state"] == "with_gem"
    anna.accept(waiting, expect=409)


def test_expires_on_the_residents_next_message(waiting, anna):
    overdue(waiting)
    body = waiting.say("Is er al iemand?")
    assert body["state"] == "with_gem"
    assert body["messages"][0]["text"].startswith(OFFER)


def test_expires_on_the_residents_status_poll(waiting, anna):
    overdue(waiting)
    url = f"/api/v1/conversations/{waiting.id}/handover"
    status = waiting.client.get(url, **waiting.auth).json()
    assert status["state"] == "with_gem" and status["queue_position"] is None


def test_expires_at_once_when_the_last_agent_goes_offline(
    waiting, anna, bert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # checked after commit
        anna.post("availability", {"status": "offline"})
    assert waiting.transcript()["state"] == "waiting_for_agent"  # Bert is still there
    with django_capture_on_commit_callbacks(execute=True):
        bert.post("availability", {"status": "pauze"})
    assert waiting.transcript()["state"] == "waiting_for_agent"  # pauze may come back
    with django_capture_on_commit_callbacks(execute=True):
        bert.post("availability", {"status": "offline"})
    assert waiting.transcript()["state"] == "with_gem"
    assert new_messages(waiting)[-1]["text"].startswith(OFFER)


def test_max_wait_is_per_municipality(waiting, anna, livechat):
    livechat("GM0855", max_wait_minutes=2)
    overdue(waiting, 3)
    assert anna.get("queue").json()["waiting"] == []


def test_accepted_conversations_do_not_expire(waiting, anna):
    anna.accept(waiting)
    overdue(waiting, 120)
    assert len(anna.get("queue").json()["active"]) == 1
    assert waiting.transcript()["state"] == "with_agent"


def test_expires_on_the_residents_message_poll(waiting, anna):
    overdue(waiting)
    url = f"/api/v1/conversations/{waiting.id}/messages?since=0"
    body = waiting.client.get(url, **waiting.auth).json()
    assert body["state"] == "with_gem"
    assert body["messages"][-1]["text"].startswith(OFFER)
