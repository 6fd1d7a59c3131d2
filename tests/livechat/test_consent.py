"""Consent first: Gem asks before it hands over, and says honestly when nobody can chat."""

from __future__ import annotations

import pytest

from gembot.conversations.models import Turn
from tests.conftest import Resident
from tests.livechat.conftest import ask_for_person, enable_livechat, join_queue, new_messages

pytestmark = pytest.mark.django_db


def buttons(body: dict) -> list[tuple[str, str]]:
    return [(b["title"], b["payload"]) for m in body["messages"] for b in m["buttons"]]


def texts(body: dict) -> str:
    return " ".join(m["text"] for m in body["messages"])


def test_without_live_chat_gem_behaves_as_before_and_gives_the_phone_number(resident):
    body = ask_for_person(resident)
    assert body["state"] == "with_gem"
    assert "doorverbinden" not in texts(body).lower()
    assert ("Ja, graag", "/doorverbinden_ja") not in buttons(body)


def test_asks_consent_when_an_agent_is_online(resident, anna):
    body = ask_for_person(resident)
    assert "Mag ik u doorverbinden met een medewerker? Die ziet dit gesprek." in texts(body)
    assert buttons(body) == [
        ("Ja, graag", "/doorverbinden_ja"),
        ("Nee, dank u", "/doorverbinden_nee"),
    ]
    assert body["state"] == "with_gem"


def test_consent_in_english(api, anna):
    response = api.post(
        "/api/v1/conversations", {"municipality": "GM0855", "language": "en"}, format="json"
    )
    resident = Resident.__new__(Resident)
    resident.client, resident.start = api, response.json()
    resident.id, resident.token = resident.start["id"], resident.start["token"]
    body = ask_for_person(resident)
    assert buttons(body) == [
        ("Yes, please", "/doorverbinden_ja"),
        ("No, thank you", "/doorverbinden_nee"),
    ]


def test_yes_puts_the_resident_in_the_queue_with_a_position(make_resident, anna):
    first, second = make_resident(), make_resident()
    body = join_queue(first)
    assert body["state"] == "waiting_for_agent"
    assert "U bent nummer 1 in de wachtrij." in texts(body)
    assert ("Stoppen met wachten", "/wachten_stoppen") in buttons(body)
    assert "U bent nummer 2 in de wachtrij." in texts(join_queue(second))


def test_saying_yes_twice_keeps_the_place_in_the_queue(make_resident, anna):
    first, second = make_resident(), make_resident()
    join_queue(first)
    join_queue(second)
    status = second.client.get(f"/api/v1/conversations/{second.id}/handover", **second.auth)
    assert status.json()["queue_position"] == 2


def test_no_goes_on_with_gem(resident, anna):
    ask_for_person(resident)
    body = resident.say("/doorverbinden_nee")
    assert body["state"] == "with_gem"
    assert "Wat is uw vraag?" in texts(body)


def test_welcome_text_is_shown_when_waiting_starts(resident, anna):
    enable_livechat("GM0855", welcome_text="Welkom bij de chat van Tilburg.")
    assert "Welkom bij de chat van Tilburg." in texts(join_queue(resident))


def test_nobody_online_offers_a_contact_request(resident, livechat, make_agent):
    make_agent("anna", "GM0855", "Anna")  # exists, but offline
    body = ask_for_person(resident)
    assert "Er is nu geen medewerker beschikbaar voor de chat." in texts(body)
    assert ("Contactverzoek sturen", "/contactverzoek") in buttons(body)
    assert "binnen 2 werkdagen" in texts(body)


def test_outside_office_hours_says_when_the_chat_opens_again(resident, anna):
    enable_livechat("GM0855", office_hours="gesloten")
    body = ask_for_person(resident)
    assert "De chat met een medewerker is nu gesloten." in texts(body)
    assert ("Contactverzoek sturen", "/contactverzoek") in buttons(body)
    enable_livechat("GM0855", office_hours="ma-vr 08:30-17:00", closed_on_public_holidays=False)
    resident.say("/doorverbinden_nee")
    body = ask_for_person(resident)
    if "gesloten" in texts(body):  # depends on when the test runs
        assert "De chat is weer open" in texts(body)
        assert "om 08:30" in texts(body)


def test_yes_after_the_chat_closed_meanwhile_is_answered_honestly(resident, anna):
    ask_for_person(resident)
    anna.post("availability", {"status": "offline"})
    body = resident.say("/doorverbinden_ja")
    assert body["state"] == "with_gem"
    assert "Er is nu geen medewerker beschikbaar voor de chat." in texts(body)


def test_contact_request_button_explains_the_form(resident, livechat):
    body = resident.say("/contactverzoek")
    assert body["messages"][0]["topic"] == "contactverzoek"
    assert "Vul uw naam in en uw e-mailadres of telefoonnummer." in texts(body)


def test_while_waiting_gem_is_silent_and_the_message_is_stored_scrubbed(waiting):
    before = new_messages(waiting)[-1]["id"]
    body = waiting.say("Mijn mail is jan@example.nl, hoe lang duurt het nog?")
    assert body == {"messages": [], "state": "waiting_for_agent"}
    stored = new_messages(waiting, before)
    assert [m["sender"] for m in stored] == ["resident"]
    assert "[E-MAIL]" in stored[0]["text"] and "jan@example.nl" not in stored[0]["text"]
    assert Turn.objects.filter(conversation_id=waiting.id).latest("id").outcome == "with_agent"
