"""Municipality isolation: every agent endpoint, tried across municipalities.

An agent of Amsterdam must never see or change a conversation, contact request or setting
of Tilburg; a user without an agent role gets 403; without a token 401.
"""

from __future__ import annotations

import pytest
from django.urls import get_resolver
from rest_framework.test import APIClient

from gembot.livechat.actions.contact import submit_contact_request
from gembot.livechat.api import urls as livechat_urls
from gembot.livechat.models import CannedReply, Role
from gembot.tenants.models import Municipality

pytestmark = pytest.mark.django_db

# (url name, method, path, body): "{c}" is a Tilburg conversation, "{r}" a contact request.
AGENT_ENDPOINTS = [
    ("agent-queue", "get", "queue", None),
    ("agent-availability", "get", "availability", None),
    ("agent-availability", "post", "availability", {"status": "online"}),
    ("agent-canned-replies", "get", "canned-replies", None),
    ("agent-conversation", "get", "conversations/{c}", None),
    ("agent-accept", "post", "conversations/{c}/accept", {}),
    ("agent-messages", "post", "conversations/{c}/messages", {"text": "Hallo"}),
    ("agent-note", "post", "conversations/{c}/note", {"text": "notitie"}),
    ("agent-handback", "post", "conversations/{c}/handback", {}),
    ("agent-close", "post", "conversations/{c}/close", {"outcome": "answered"}),
    ("agent-contact-requests", "get", "contact-requests?all=true", None),
    ("agent-contact-request", "get", "contact-requests/{r}", None),
    ("agent-contact-request-handled", "post", "contact-requests/{r}/handled", {}),
]
OBJECT_ENDPOINTS = [e for e in AGENT_ENDPOINTS if "{" in e[2]]


def test_this_list_covers_every_agent_endpoint():
    names = {p.name for p in livechat_urls.urlpatterns if str(p.pattern).startswith("agent/")}
    assert names == {name for name, *_ in AGENT_ENDPOINTS}
    assert get_resolver()  # the URLs are mounted


@pytest.fixture
def tilburg(waiting, anna):
    """A Tilburg conversation accepted by Anna, with a contact request and a canned reply."""
    anna.accept(waiting)
    anna.send(waiting, "Goedemiddag")
    from gembot.conversations.models import Conversation

    request = submit_contact_request(
        Conversation.objects.get(pk=waiting.id), {"name": "Jan", "phone": "0612345678"}
    )
    CannedReply.objects.create(
        municipality=Municipality.objects.get(code="GM0855"), title="Groet", text="Hoi"
    )
    return {"c": waiting.id, "r": request.id}


def call(client: APIClient, method: str, path: str, body: dict | None, ids: dict):
    url = "/api/v1/agent/" + path.format(**ids)
    if method == "get":
        return client.get(url)
    return client.post(url, body, format="json")


@pytest.mark.parametrize(("name", "method", "path", "body"), OBJECT_ENDPOINTS)
def test_agent_of_other_municipality_gets_404(tilburg, amir, name, method, path, body):
    response = call(amir.client, method, path, body, tilburg)
    assert response.status_code == 404, (name, response.content)
    assert response.json()["error"]["code"] in {
        "conversation_not_found",
        "contact_request_not_found",
    }
    assert "Goedemiddag" not in response.content.decode()


def test_lists_of_other_municipality_stay_empty(tilburg, amir, anna):
    queue = amir.get("queue").json()
    assert queue["waiting"] == [] and queue["active"] == []
    assert queue["open_contact_requests"] == 0
    assert amir.get("contact-requests?all=true").json() == []
    assert amir.get("canned-replies").json() == []
    # ... while Tilburg's own agent sees them
    assert len(anna.get("queue").json()["active"]) == 1
    assert len(anna.get("contact-requests").json()) == 1


@pytest.mark.parametrize(("name", "method", "path", "body"), AGENT_ENDPOINTS)
def test_without_token_401(tilburg, name, method, path, body):
    response = call(APIClient(), method, path, body, tilburg)
    assert response.status_code == 401, (name, response.content)
    assert response.json()["error"]["code"] in {"not_authenticated", "authentication_failed"}


@pytest.mark.parametrize(("name", "method", "path", "body"), AGENT_ENDPOINTS)
def test_wrong_token_401(tilburg, name, method, path, body):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")
    assert call(client, method, path, body, tilburg).status_code == 401, name


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMIN])
@pytest.mark.parametrize(("name", "method", "path", "body"), AGENT_ENDPOINTS)
def test_other_roles_of_the_same_municipality_get_403(
    tilburg, make_agent, role, name, method, path, body
):
    other = make_agent(f"user-{role}", "GM0855", "Els", role=role)
    response = call(other.client, method, path, body, tilburg)
    assert response.status_code == 403, (name, response.content)
    assert response.json()["error"]["code"] == "not_an_agent"


def test_national_admin_is_not_an_agent(tilburg, make_agent):
    admin = make_agent("landelijk", "GM0855", "Lotte", role=Role.EDITOR)
    admin.user.is_superuser = True
    admin.user.save()
    assert admin.get("queue", expect=403).json()["error"]["code"] == "not_an_agent"
    assert admin.get(f"conversations/{tilburg['c']}", expect=403)


def test_conversation_that_never_asked_for_a_person_is_not_for_agents(resident, anna):
    resident.say("Hoe vraag ik een paspoort aan?")
    anna.get(f"conversations/{resident.id}", expect=404)
    anna.accept(resident, expect=404)


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_unknown_ids_are_404(anna, bad_id):
    anna.get(f"conversations/{bad_id}", expect=404)
    anna.get(f"contact-requests/{bad_id}", expect=404)


def test_console_page_needs_an_agent(client, tilburg, make_agent):
    assert client.get("/console/").status_code == 302  # to the login page
    editor = make_agent("editor", "GM0855", "Els", role=Role.EDITOR)
    client.force_login(editor.user)
    assert client.get("/console/").status_code == 403
