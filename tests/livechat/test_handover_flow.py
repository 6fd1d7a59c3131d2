"""From waiting to closed, as the resident and the agents see it through the API."""

from __future__ import annotations

import pytest

from gembot.conversations.models import Conversation
from tests.livechat.conftest import join_queue, new_messages

pytestmark = pytest.mark.django_db


def test_queue_lists_waiting_residents_oldest_first_with_topic_and_preview(make_resident, anna):
    first, second = make_resident(), make_resident()
    first.say("Hoe vraag ik een paspoort aan?")
    join_queue(first)
    join_queue(second)
    queue = anna.get("queue").json()
    assert [(e["conversation"], e["position"]) for e in queue["waiting"]] == [
        (first.id, 1),
        (second.id, 2),
    ]
    entry = queue["waiting"][0]
    assert entry["municipality"] == "GM0855"
    assert entry["topic"] == "paspoort"
    assert entry["preview"] == "Hoe vraag ik een paspoort aan?"
    assert queue["waiting"][1]["preview"] == ""
    assert entry["waiting_seconds"] >= 0 and entry["agent"] is None
    assert queue["availability"] == "online"


def test_agent_sees_the_transcript_so_far(waiting, anna):
    waiting.say("Ik heb nog een vraag over mijn paspoort")
    transcript = anna.get(f"conversations/{waiting.id}").json()
    assert transcript["state"] == "waiting_for_agent"
    assert transcript["messages"][0]["sender"] == "bot"  # Gem's greeting
    assert transcript["messages"][-1]["text"] == "Ik heb nog een vraag over mijn paspoort"
    assert transcript["handover"]["position"] == 1


def test_accept_tells_the_resident_who_is_there(waiting, anna):
    anna.accept(waiting)
    latest = new_messages(waiting)[-1]
    assert latest["sender"] == "system"
    assert latest["text"] == "Anna van de gemeente is er nu."
    assert waiting.transcript()["state"] == "with_agent"


def test_accepting_moves_the_others_up(make_resident, anna):
    first, second = make_resident(), make_resident()
    join_queue(first)
    join_queue(second)
    anna.accept(first)
    status = second.client.get(f"/api/v1/conversations/{second.id}/handover", **second.auth)
    assert status.json()["queue_position"] == 1


def test_messages_flow_both_ways_and_gem_stays_silent(waiting, anna):
    anna.accept(waiting)
    sent = anna.send(waiting, "Goedemiddag, waarmee kan ik u helpen?").json()
    assert sent["sender"] == "agent" and sent["sender_name"] == "Anna"
    assert new_messages(waiting, sent["id"] - 1)[0]["text"] == sent["text"]
    body = waiting.say("Mijn paspoort is verlopen, bel me op 06 12345678")
    assert body == {"messages": [], "state": "with_agent"}
    last = anna.get(f"conversations/{waiting.id}").json()["messages"][-1]
    assert last["sender"] == "resident"
    assert "[TELEFOON]" in last["text"] and "12345678" not in last["text"]


def test_agent_text_is_stored_as_typed_but_validated(waiting, anna):
    anna.accept(waiting)
    typed = "Mail ons op burgerzaken@tilburg.nl of bel 013 5423456."
    assert anna.send(waiting, typed).json()["text"] == typed
    assert anna.send(waiting, "   ", expect=400).json()["error"]["code"] == "empty_text"
    too_long = anna.send(waiting, "x" * 2001, expect=413).json()
    assert too_long["error"]["code"] == "text_too_long"


def test_only_the_accepting_agent_writes(waiting, anna, bert):
    anna.send(waiting, "te vroeg", expect=409)
    anna.accept(waiting)
    assert bert.send(waiting, "ik ook", expect=409).json()["error"]["code"] == "already_taken"


def test_second_accept_gets_409(waiting, anna, bert):
    anna.accept(waiting)
    response = bert.accept(waiting, expect=409).json()
    assert response["error"]["code"] == "already_taken"
    assert "collega" in response["error"]["message"]
    anna.accept(waiting)  # the same agent again is fine


def test_internal_note_is_never_shown_to_the_resident(waiting, anna, bert):
    anna.accept(waiting)
    note = anna.post(
        f"conversations/{waiting.id}/note", {"text": "Klant belt morgen terug"}, expect=201
    )
    assert note.json()["author"] == "Anna"
    assert bert.get(f"conversations/{waiting.id}").json()["notes"][0]["text"] == (
        "Klant belt morgen terug"
    )
    assert all("Klant belt" not in m["text"] for m in waiting.transcript()["messages"])


def test_hand_back_lets_gem_answer_again(waiting, anna):
    anna.accept(waiting)
    body = anna.post(f"conversations/{waiting.id}/handback").json()
    assert body["state"] == "with_gem"
    assert "teruggegeven aan mij" in body["messages"][0]["text"]
    answer = waiting.say("Hoe vraag ik een paspoort aan?")
    assert answer["state"] == "with_gem" and answer["messages"]
    assert anna.get("queue").json()["active"] == []


def test_close_with_outcome_then_the_resident_rates(waiting, anna):
    anna.accept(waiting)
    rating = f"/api/v1/conversations/{waiting.id}/rating"
    early = waiting.client.post(rating, {"rating": 4}, format="json", **waiting.auth)
    assert early.status_code == 409
    bad = anna.post(f"conversations/{waiting.id}/close", {"outcome": "weg"}, expect=400)
    assert bad.json()["error"]["code"] == "invalid_outcome"
    closed = anna.post(f"conversations/{waiting.id}/close", {"outcome": "answered"}).json()
    assert closed["state"] == "closed"
    assert "Geef een cijfer van 1 tot 5." in new_messages(waiting)[-1]["text"]
    for wrong in (0, 6, "vier", None, True):
        response = waiting.client.post(rating, {"rating": wrong}, format="json", **waiting.auth)
        assert response.status_code == 400, wrong
    response = waiting.client.post(rating, {"rating": 4}, format="json", **waiting.auth)
    assert response.status_code == 200 and response.json() == {"rating": 4}
    assert Conversation.objects.get(pk=waiting.id).rating == 4
    waiting.say("nog iets", expect=409)


def test_resident_cancels_waiting_through_the_api(waiting, anna):
    cancel = f"/api/v1/conversations/{waiting.id}/handover/cancel"
    response = waiting.client.post(cancel, **waiting.auth)
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "with_gem"
    assert "U wacht niet meer op een medewerker." in response.json()["messages"][0]["text"]
    assert anna.get("queue").json()["waiting"] == []
    assert waiting.client.post(cancel, **waiting.auth).status_code == 409
    anna.accept(waiting, expect=409)


def test_resident_cancels_waiting_with_the_button(waiting, anna):
    body = waiting.say("/wachten_stoppen")
    assert body["state"] == "with_gem"
    assert "U wacht niet meer op een medewerker." in body["messages"][0]["text"]
    assert anna.get("queue").json()["waiting"] == []


def test_cancel_needs_the_conversation_token(waiting):
    cancel = f"/api/v1/conversations/{waiting.id}/handover/cancel"
    assert waiting.client.post(cancel).status_code == 401
    wrong = {"HTTP_AUTHORIZATION": "Bearer not-the-token"}
    assert waiting.client.post(cancel, **wrong).status_code == 403


def test_api_client_can_ask_for_an_employee_without_the_dialogue(resident, anna):
    url = f"/api/v1/conversations/{resident.id}/handover"
    response = resident.client.post(url, **resident.auth)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "waiting_for_agent" and body["queue_position"] == 1
    assert "U bent nummer 1 in de wachtrij." in body["messages"][0]["text"]


def test_api_request_is_refused_honestly_when_nobody_can_chat(resident, livechat):
    url = f"/api/v1/conversations/{resident.id}/handover"
    response = resident.client.post(url, **resident.auth)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "livechat_unavailable"


def test_availability_is_validated(anna):
    assert anna.post("availability", {"status": "weg"}, expect=400).json()["error"]["code"] == (
        "invalid_status"
    )
    assert anna.post("availability", {"status": "pauze"}).json() == {"status": "pauze"}
    assert anna.get("availability").json() == {"status": "pauze"}


def test_canned_replies_per_municipality(anna, amir):
    from gembot.livechat.models import CannedReply
    from gembot.tenants.models import Municipality

    CannedReply.objects.create(
        municipality=Municipality.objects.get(code="GM0855"), title="Groet", text="Goedemiddag!"
    )
    assert [r["title"] for r in anna.get("canned-replies").json()] == ["Groet"]
    assert amir.get("canned-replies").json() == []


def test_an_old_stop_waiting_button_gets_a_plain_answer(resident):
    body = resident.say("/wachten_stoppen")
    assert body["state"] == "with_gem"
    assert "U wacht nu niet op een medewerker" in body["messages"][0]["text"]
