"""Settings through the admin and the CLI, agents from the CLI, the API schema."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gembot.livechat.availability import settings_for
from gembot.livechat.models import LiveChatSettings, Membership, Role
from gembot.tenants.models import Municipality

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_live_chat_is_off_by_default_for_every_municipality():
    assert LiveChatSettings.objects.filter(enabled=True).count() == 0
    chat = settings_for(Municipality.objects.get(code="GM0855"))
    assert chat.enabled is False and chat.pk is None
    assert chat.max_wait_minutes == 10 and chat.contact_retention_days == 30


def test_agent_create_prints_the_token_last_and_is_idempotent():
    out = run("agent", "create", "--municipality", "GM0855", "--username", "anna", "--name", "Anna")
    token = out.strip().splitlines()[-1]
    assert len(token) == 40
    again = run("agent", "create", "--municipality", "GM0363", "--username", "anna")
    assert again.strip().splitlines()[-1] == token
    assert set(Membership.objects.values_list("municipality__code", "role")) == {
        ("GM0855", "agent"),
        ("GM0363", "agent"),
    }
    assert "anna\tagent\tAnna" in run("agent", "list", "--municipality", "GM0855")


def test_agent_create_for_an_unknown_municipality_exits_2():
    with pytest.raises(CommandError) as error:
        run("agent", "create", "--municipality", "GM9999", "--username", "x")
    assert error.value.returncode == 2


def test_livechat_command_switches_on_and_validates():
    out = run("livechat", "GM0855", "--on", "--max-wait", "5", "--email", "kcc@tilburg.example")
    assert "enabled: True" in out and "max_wait_minutes: 5" in out
    with pytest.raises(CommandError) as error:
        run("livechat", "GM0855", "--email", "geen-adres")
    assert error.value.returncode == 2


@pytest.fixture
def municipal_admin(client, make_agent):
    admin = make_agent("beheer", "GM0855", "Bea", role=Role.ADMIN)
    run("livechat", "GM0855", "--on")
    run("livechat", "GM0363", "--on")
    client.force_login(admin.user)
    return client


def test_municipal_admin_sees_only_own_settings(municipal_admin):
    tilburg = LiveChatSettings.objects.get(municipality__code="GM0855")
    amsterdam = LiveChatSettings.objects.get(municipality__code="GM0363")
    listing = municipal_admin.get("/admin/livechat/livechatsettings/")
    assert listing.status_code == 200
    assert "Tilburg" in listing.content.decode() and "Amsterdam" not in listing.content.decode()
    own = municipal_admin.get(f"/admin/livechat/livechatsettings/{tilburg.pk}/change/")
    assert own.status_code == 200
    other = municipal_admin.get(f"/admin/livechat/livechatsettings/{amsterdam.pk}/change/")
    assert other.status_code in {302, 403, 404}


def test_admin_rejects_wrong_office_hours_in_dutch(municipal_admin):
    tilburg = LiveChatSettings.objects.get(municipality__code="GM0855")
    url = f"/admin/livechat/livechatsettings/{tilburg.pk}/change/"
    response = municipal_admin.post(
        url,
        {
            "municipality": tilburg.municipality_id,
            "enabled": "on",
            "office_hours": "ma-vr 17:00-09:00",
            "closed_on_public_holidays": "on",
            "max_wait_minutes": 10,
            "answer_within_workdays": 2,
            "contact_retention_days": 30,
            "closing_days-TOTAL_FORMS": 0,
            "closing_days-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "ligt het begin niet vóór het einde" in response.content.decode()


def test_schema_documents_every_live_chat_endpoint(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    for path in (
        "/api/v1/agent/queue",
        "/api/v1/agent/availability",
        "/api/v1/agent/canned-replies",
        "/api/v1/agent/conversations/{conversation_id}",
        "/api/v1/agent/conversations/{conversation_id}/accept",
        "/api/v1/agent/conversations/{conversation_id}/messages",
        "/api/v1/agent/conversations/{conversation_id}/close",
        "/api/v1/agent/conversations/{conversation_id}/handback",
        "/api/v1/agent/conversations/{conversation_id}/note",
        "/api/v1/agent/contact-requests",
        "/api/v1/conversations/{conversation_id}/handover",
        "/api/v1/conversations/{conversation_id}/handover/cancel",
        "/api/v1/conversations/{conversation_id}/rating",
        "/api/v1/conversations/{conversation_id}/contact-request",
    ):
        assert path in schema, path
    assert "tokenAuth" in schema


def test_admin_adds_a_closing_day_and_a_canned_reply(municipal_admin):
    from gembot.livechat.models import CannedReply, ClosingDay

    tilburg = LiveChatSettings.objects.get(municipality__code="GM0855")
    response = municipal_admin.post(
        f"/admin/livechat/livechatsettings/{tilburg.pk}/change/",
        {
            "municipality": tilburg.municipality_id,
            "enabled": "on",
            "office_hours": "ma-vr 09:00-17:00",
            "closed_on_public_holidays": "on",
            "max_wait_minutes": 10,
            "answer_within_workdays": 2,
            "contact_retention_days": 30,
            "closing_days-TOTAL_FORMS": 1,
            "closing_days-INITIAL_FORMS": 0,
            "closing_days-0-date": "2026-12-24",
            "closing_days-0-reason": "Kerstavond",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert ClosingDay.objects.filter(settings=tilburg, date="2026-12-24").exists()
    response = municipal_admin.post(
        "/admin/livechat/cannedreply/add/",
        {
            "municipality": tilburg.municipality_id,
            "title": "Groet",
            "text": "Goedemiddag, waarmee kan ik u helpen?",
            "position": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    reply = CannedReply.objects.get(title="Groet")
    assert reply.municipality_id == tilburg.municipality_id
