"""Live-chat fixtures: a municipality with live chat on, agents with API tokens, residents
who ask for a person through the public API (as the widget does)."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from gembot.livechat import layer
from gembot.livechat.actions.municipal import update_livechat_settings
from gembot.livechat.models import Role
from gembot.tenants.models import Municipality
from tests.conftest import Resident

ALWAYS = "ma-zo 00:00-24:00"


@pytest.fixture(autouse=True)
def _fresh_layer_check():
    layer.reset()
    yield
    layer.reset()


def enable_livechat(code: str = "GM0855", **changes) -> None:
    values = {"enabled": True, "office_hours": ALWAYS, **changes}
    update_livechat_settings(Municipality.objects.get(code=code), **values)


@pytest.fixture
def livechat(db):
    """Tilburg (GM0855) and Amsterdam (GM0363) with live chat on, always open."""
    enable_livechat("GM0855")
    enable_livechat("GM0363")
    return enable_livechat


class Agent:
    """A municipal employee using the agent API with a token, as an integration would."""

    def __init__(self, username: str, municipality: str, name: str, role: str = Role.AGENT):
        out = StringIO()
        call_command(
            "agent",
            "create",
            "--municipality",
            municipality,
            "--username",
            username,
            "--name",
            name,
            "--role",
            role,
            stdout=out,
        )
        self.token = out.getvalue().strip().splitlines()[-1]
        self.client = APIClient()
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {self.token}")
        self.user = get_user_model().objects.get(username=username)

    def get(self, path: str, expect: int | None = 200):
        response = self.client.get(f"/api/v1/agent/{path}")
        if expect is not None:
            assert response.status_code == expect, response.content
        return response

    def post(self, path: str, data: dict | None = None, expect: int | None = 200):
        response = self.client.post(f"/api/v1/agent/{path}", data or {}, format="json")
        if expect is not None:
            assert response.status_code == expect, response.content
        return response

    def online(self) -> Agent:
        self.post("availability", {"status": "online"})
        return self

    def accept(self, resident: Resident, expect: int = 200):
        return self.post(f"conversations/{resident.id}/accept", expect=expect)

    def send(self, resident: Resident, text: str, expect: int = 201):
        return self.post(f"conversations/{resident.id}/messages", {"text": text}, expect=expect)


@pytest.fixture
def make_agent(db):
    def make(username="anna", municipality="GM0855", name="Anna", role=Role.AGENT) -> Agent:
        return Agent(username, municipality, name, role)

    return make


@pytest.fixture
def anna(livechat, make_agent) -> Agent:
    """An online agent of Tilburg."""
    return make_agent("anna", "GM0855", "Anna").online()


@pytest.fixture
def bert(livechat, make_agent) -> Agent:
    """A second online agent of Tilburg."""
    return make_agent("bert", "GM0855", "Bert").online()


@pytest.fixture
def amir(livechat, make_agent) -> Agent:
    """An online agent of Amsterdam: must never see anything of Tilburg."""
    return make_agent("amir", "GM0363", "Amir").online()


def ask_for_person(resident: Resident) -> dict:
    """What the widget sends when the resident clicks "Medewerker spreken"."""
    return resident.say("/medewerker")


def join_queue(resident: Resident) -> dict:
    ask_for_person(resident)
    return resident.say("/doorverbinden_ja")


@pytest.fixture
def waiting(api, anna):
    """A Tilburg resident waiting for an agent (consent given through the dialogue)."""
    resident = Resident(api, "GM0855")
    body = join_queue(resident)
    assert body["state"] == "waiting_for_agent", body
    return resident


def new_messages(resident: Resident, since: int = 0) -> list[dict]:
    response = resident.client.get(
        f"/api/v1/conversations/{resident.id}/messages?since={since}", **resident.auth
    )
    assert response.status_code == 200, response.content
    return response.json()["messages"]


def minutes_ago(minutes: int):
    return timezone.now() - timedelta(minutes=minutes)
