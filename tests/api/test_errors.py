"""Bad input gets a clear JSON error with the right status, and nothing stored is lost."""

from __future__ import annotations

import uuid

import pytest
from django.test import override_settings

from gembot.conversations.models import Conversation, Message

pytestmark = pytest.mark.django_db


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body["error"]) >= {"code", "message", "message_en"}
    assert body["error"]["message"] and body["error"]["message_en"]
    if code:
        assert body["error"]["code"] == code
    return body


def test_malformed_json_is_400(api):
    response = api.post("/api/v1/conversations", "{not json", content_type="application/json")
    assert_error(response, 400, "malformed_json")


def test_missing_municipality_field_is_400(api):
    response = api.post("/api/v1/conversations", {}, format="json")
    body = assert_error(response, 400, "invalid")
    assert "municipality" in body["error"]["fields"]


def test_json_array_instead_of_object_is_400(api):
    response = api.post("/api/v1/conversations", [1, 2], format="json")
    assert_error(response, 400)


@pytest.mark.parametrize("reference", ["GM9999", "atlantis", ""])
def test_unknown_municipality_is_404(api, reference):
    response = api.post("/api/v1/conversations", {"municipality": reference}, format="json")
    assert response.status_code in (400, 404)
    assert_error(response, response.status_code)


def test_disabled_municipality_is_404(api):
    from gembot.tenants.models import Municipality

    Municipality.objects.filter(code="GM0766").update(enabled=False)
    response = api.post("/api/v1/conversations", {"municipality": "GM0766"}, format="json")
    assert_error(response, 404, "municipality_not_found")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_400_and_stores_nothing(resident, api, text):
    before = Message.objects.count()
    response = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"text": text},
        format="json",
        **resident.auth,
    )
    assert_error(response, 400, "empty_text")
    assert Message.objects.count() == before


def test_missing_text_field_is_400(resident, api):
    response = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"txt": "hoi"},
        format="json",
        **resident.auth,
    )
    assert_error(response, 400, "invalid")


def test_text_over_2000_characters_is_413(resident, api):
    response = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"text": "a" * 2001},
        format="json",
        **resident.auth,
    )
    assert_error(response, 413, "text_too_long")
    ok = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"text": "a" * 2000},
        format="json",
        **resident.auth,
    )
    assert ok.status_code == 200


def test_unknown_conversation_is_404(api):
    response = api.post(
        f"/api/v1/conversations/{uuid.uuid4()}/messages",
        {"text": "hoi"},
        format="json",
        HTTP_AUTHORIZATION="Bearer x",
    )
    assert_error(response, 404, "conversation_not_found")
    response = api.get("/api/v1/conversations/not-a-uuid", HTTP_AUTHORIZATION="Bearer x")
    assert_error(response, 404, "conversation_not_found")


def test_missing_token_is_401(resident, api):
    response = api.get(f"/api/v1/conversations/{resident.id}")
    assert_error(response, 401)
    response = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"text": "hoi"},
        format="json",
        HTTP_AUTHORIZATION="Basic abc",
    )
    assert_error(response, 401)


def test_wrong_token_is_403_and_changes_nothing(make_resident, api):
    owner, other = make_resident(), make_resident()
    before = Message.objects.filter(conversation_id=owner.id).count()
    response = api.post(
        f"/api/v1/conversations/{owner.id}/messages",
        {"text": "hoi"},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {other.token}",
    )
    assert_error(response, 403, "forbidden")
    response = api.delete(
        f"/api/v1/conversations/{owner.id}", HTTP_AUTHORIZATION=f"Bearer {other.token}"
    )
    assert_error(response, 403)
    assert Conversation.objects.filter(pk=owner.id).exists()
    assert Message.objects.filter(conversation_id=owner.id).count() == before


def test_wrong_method_is_405(api, resident):
    assert_error(api.put("/api/v1/municipalities", {}, format="json"), 405)
    assert_error(api.delete("/api/v1/conversations"), 405)
    response = api.patch(f"/api/v1/conversations/{resident.id}", {}, format="json", **resident.auth)
    assert_error(response, 405)


def test_unknown_api_path_is_json_404(api):
    assert_error(api.get("/api/v1/nothing-here"), 404, "not_found")


@override_settings(
    GEM_RATES={"ip": "1000/min", "conversation": "3/min", "new_conversation": "1000/min"}
)
def test_too_many_messages_in_one_conversation_is_429(resident, api):
    for _ in range(3):
        resident.say("hoi")
    response = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"text": "hoi"},
        format="json",
        **resident.auth,
    )
    body = assert_error(response, 429, "too_many_requests")
    assert int(response["Retry-After"]) > 0
    assert body["error"]["retry_after"] > 0


@override_settings(
    GEM_RATES={"ip": "4/min", "conversation": "100/min", "new_conversation": "100/min"}
)
def test_too_many_requests_from_one_ip_is_429(api):
    statuses = [api.get("/api/v1/municipalities").status_code for _ in range(5)]
    assert statuses[:4] == [200] * 4
    assert statuses[4] == 429


@override_settings(
    GEM_RATES={"ip": "100/min", "conversation": "100/min", "new_conversation": "2/min"}
)
def test_too_many_new_conversations_from_one_ip_is_429(api):
    statuses = [
        api.post("/api/v1/conversations", {"municipality": "GM0855"}, format="json").status_code
        for _ in range(3)
    ]
    assert statuses == [201, 201, 429]


def test_unexpected_failure_is_json_500_without_trace(resident, api, monkeypatch):
    from gembot.dialogue import engine

    def broken(conversation, text, prediction=None):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(engine, "respond", broken)
    before = Message.objects.filter(conversation_id=resident.id).count()
    api.raise_request_exception = False
    response = api.post(
        f"/api/v1/conversations/{resident.id}/messages",
        {"text": "hoi"},
        format="json",
        **resident.auth,
    )
    body = assert_error(response, 500, "server_error")
    assert "secret internal detail" not in str(body)
    assert Message.objects.filter(conversation_id=resident.id).count() == before


@pytest.mark.parametrize("since", ["abc", "²", "-1", "1.5"])
def test_since_must_be_a_plain_number(resident, api, since):
    response = api.get(
        f"/api/v1/conversations/{resident.id}/messages?since={since}", **resident.auth
    )
    assert_error(response, 400, "invalid_since")


@override_settings(
    GEM_RATES={"ip": "1000/min", "conversation": "2/min", "new_conversation": "1000/min"}
)
def test_another_spelling_of_the_id_shares_the_rate_limit(resident, api):
    spellings = [resident.id, resident.id.upper(), resident.id.replace("-", "")]
    statuses = [
        api.post(
            f"/api/v1/conversations/{spelling}/messages",
            {"text": "hoi"},
            format="json",
            **resident.auth,
        ).status_code
        for spelling in spellings
    ]
    assert statuses == [200, 200, 429]
