"""Contact requests: when nobody can chat, the municipality calls or mails back."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from gembot.livechat.actions.contact import purge_contact_requests
from gembot.livechat.models import ContactRequest
from tests.livechat.conftest import enable_livechat

pytestmark = pytest.mark.django_db


def send(resident, data: dict, expect: int):
    response = resident.client.post(
        f"/api/v1/conversations/{resident.id}/contact-request", data, format="json", **resident.auth
    )
    assert response.status_code == expect, response.content
    return response.json()


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"name": "Jan"}, {"email", "phone"}),
        ({"name": "Jan", "email": "", "phone": ""}, {"email", "phone"}),
        ({"name": "Jan", "email": "jan@"}, {"email"}),
        ({"name": "Jan", "phone": "12345"}, {"phone"}),
        ({"email": "jan@example.nl"}, {"name"}),
        ({"name": "Jan", "email": "jan@example.nl", "question": "x" * 2001}, {"question"}),
    ],
)
def test_validation_gives_dutch_field_errors(resident, livechat, data, fields):
    body = send(resident, data, 400)
    assert body["error"]["code"] == "invalid"
    assert set(body["error"]["fields"]) == fields
    messages = " ".join(m for field in fields for m in body["error"]["fields"][field])
    assert any(word in messages for word in ("Vul", "klopt niet", "te lang")), messages
    assert ContactRequest.objects.count() == 0


def test_both_missing_says_what_to_do(resident, livechat):
    body = send(resident, {"name": "Jan"}, 400)
    assert body["error"]["fields"]["email"] == [
        "Vul uw e-mailadres of uw telefoonnummer in. Dan kan de gemeente u bereiken."
    ]


@pytest.mark.parametrize(
    "phone", ["06 12345678", "013-5423456", "+31 6 1234 5678", "(013) 542 34 56"]
)
def test_phone_numbers_residents_write(resident, livechat, phone):
    send(resident, {"name": "Jan", "phone": phone}, 201)


def test_question_is_prefilled_from_scrubbed_messages(resident, livechat):
    resident.say("Mijn BSN is 111222333 en ik wil mijn paspoort verlengen")
    resident.say("/contactverzoek")
    info = resident.client.get(
        f"/api/v1/conversations/{resident.id}/contact-request", **resident.auth
    ).json()
    assert info["available"] is True and info["answer_within"] == "2 werkdagen"
    assert "paspoort verlengen" in info["question"]
    assert "111222333" not in info["question"] and "/contactverzoek" not in info["question"]
    created = send(resident, {"name": "Jan", "email": "jan@example.nl"}, 201)
    stored = ContactRequest.objects.get(pk=created["id"])
    assert stored.question == info["question"]


def test_resident_is_told_when_to_expect_an_answer(resident, livechat):
    enable_livechat("GM0855", answer_within_workdays=3)
    body = send(resident, {"name": "Jan", "email": "jan@example.nl"}, 201)
    assert "binnen 3 werkdagen" in body["message"]
    assert body["messages"][0]["sender"] == "bot"
    assert resident.transcript()["messages"][-1]["text"] == body["message"]


def test_mailed_to_the_municipality(
    resident, livechat, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    enable_livechat("GM0855", contact_email="klantcontact@tilburg.example")
    with django_capture_on_commit_callbacks(execute=True):  # mail goes out after commit
        send(resident, {"name": "Jan Jansen", "phone": "0612345678", "question": "Bel mij"}, 201)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["klantcontact@tilburg.example"]
    assert "Tilburg" in sent.subject
    assert "Jan Jansen" in sent.body and "0612345678" in sent.body and "Bel mij" in sent.body


def test_not_mailed_without_an_address(
    resident, livechat, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send(resident, {"name": "Jan", "phone": "0612345678"}, 201)
    assert mail.outbox == []


def test_visible_to_the_municipality_agents_and_handled(resident, anna, amir):
    created = send(resident, {"name": "Jan", "email": "jan@example.nl"}, 201)
    rows = anna.get("contact-requests").json()
    assert [(r["id"], r["name"], r["email"]) for r in rows] == [
        (created["id"], "Jan", "jan@example.nl")
    ]
    assert anna.get("queue").json()["open_contact_requests"] == 1
    assert amir.get("contact-requests").json() == []
    anna.post(f"contact-requests/{created['id']}/handled")
    assert anna.get("contact-requests").json() == []
    assert len(anna.get("contact-requests?all=true").json()) == 1


def test_one_open_request_per_conversation(resident, livechat):
    send(resident, {"name": "Jan", "email": "jan@example.nl"}, 201)
    assert send(resident, {"name": "Jan", "email": "jan@example.nl"}, 409)["error"]["code"] == (
        "contact_request_exists"
    )


def test_not_taken_when_the_municipality_has_no_live_chat_and_no_address(resident):
    body = send(resident, {"name": "Jan", "email": "jan@example.nl"}, 409)
    assert body["error"]["code"] == "contact_request_unavailable"


def test_needs_the_conversation_token(resident, livechat):
    response = resident.client.post(
        f"/api/v1/conversations/{resident.id}/contact-request",
        {"name": "Jan", "email": "jan@example.nl"},
        format="json",
    )
    assert response.status_code == 401


def test_purged_after_the_retention_period(make_resident, livechat):
    tilburg, amsterdam = make_resident("GM0855"), make_resident("GM0363")
    enable_livechat("GM0855", contact_retention_days=7)
    enable_livechat("GM0363", contact_retention_days=60)
    send(tilburg, {"name": "Jan", "email": "jan@example.nl"}, 201)
    send(amsterdam, {"name": "Ans", "email": "ans@example.nl"}, 201)
    assert purge_contact_requests(timezone.now() + timedelta(days=6)) == 0
    assert purge_contact_requests(timezone.now() + timedelta(days=8)) == 1
    assert list(ContactRequest.objects.values_list("name", flat=True)) == ["Ans"]
    assert purge_contact_requests(timezone.now() + timedelta(days=61)) == 1


def test_purge_command_uses_the_default_of_30_days(resident, livechat):
    send(resident, {"name": "Jan", "email": "jan@example.nl"}, 201)
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=29))
    out = StringIO()
    call_command("purge_contact_requests", stdout=out)
    assert "0 contactverzoek(en) verwijderd." in out.getvalue()
    enable_livechat("GM0855", contact_retention_days=30)
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=31))
    call_command("purge_contact_requests", stdout=out)
    assert "1 contactverzoek(en) verwijderd." in out.getvalue()
    assert ContactRequest.objects.count() == 0


def test_a_typed_question_is_stored_scrubbed(resident, livechat):
    created = send(
        resident,
        {"name": "Jan", "email": "jan@example.nl", "question": "Mijn IBAN is NL91ABNA0417164300"},
        201,
    )
    stored = ContactRequest.objects.get(pk=created["id"])
    assert stored.question == "Mijn IBAN is [IBAN]"
    assert stored.email == "jan@example.nl"  # asked for on purpose, kept as given
