"""Direct handover: a municipality that skips Gem starts with the consent question."""

from __future__ import annotations

import pytest

from gembot.livechat import routing
from gembot.tenants.models import Municipality
from tests.livechat.conftest import enable_livechat

pytestmark = pytest.mark.django_db


def tilburg() -> Municipality:
    return Municipality.objects.get(code="GM0855")


def test_direct_handover_opens_with_welcome_and_consent(anna):
    enable_livechat("GM0855", direct_handover=True, welcome_text="Welkom bij de chat.")
    replies = routing.opening(tilburg(), "nl")
    assert [r.text for r in replies] == [
        "Welkom bij de chat.",
        "Mag ik u doorverbinden met een medewerker? Die ziet dit gesprek.",
    ]
    assert [b.payload for b in replies[-1].buttons] == ["/doorverbinden_ja", "/doorverbinden_nee"]


def test_no_direct_opening_when_off_or_nobody_available(livechat, make_agent):
    enable_livechat("GM0855", direct_handover=True)
    assert routing.opening(tilburg(), "nl") == []  # nobody online: Gem greets as usual
    make_agent().online()
    assert routing.opening(tilburg(), "nl") != []
    enable_livechat("GM0855", direct_handover=False)
    assert routing.opening(tilburg(), "nl") == []


def test_new_conversation_starts_with_the_consent_question(anna, api):
    enable_livechat("GM0855", direct_handover=True)
    response = api.post("/api/v1/conversations", {"municipality": "GM0855"}, format="json")
    assert response.status_code == 201
    messages = response.json()["messages"]
    assert "Gem" in messages[0]["text"]
    assert messages[-1]["text"].startswith("Mag ik u doorverbinden met een medewerker?")
    assert [b["payload"] for b in messages[-1]["buttons"]] == [
        "/doorverbinden_ja",
        "/doorverbinden_nee",
    ]


def test_without_direct_handover_gem_only_greets(livechat, api):
    response = api.post("/api/v1/conversations", {"municipality": "GM0855"}, format="json")
    assert len(response.json()["messages"]) == 1
