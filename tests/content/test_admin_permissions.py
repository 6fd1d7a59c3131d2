"""The content admin: each editor changes only what belongs to them, every save is logged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gembot.content import actions
from gembot.content.models import Answer, ContentChange, LocalVariable, Topic

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.content.urls")]


def change_url(obj) -> str:
    return reverse(f"admin:content_{obj._meta.model_name}_change", args=[obj.pk])


def variable_form(variable: LocalVariable, **changes) -> dict:
    data = {
        "municipality": variable.municipality_id,
        "name": variable.name,
        "value": variable.value,
        "source": variable.source,
        "verified_on": variable.verified_on.isoformat() if variable.verified_on else "",
    }
    return {**data, **changes}


@pytest.fixture
def tilburg_editor(client, make_editor, tilburg):
    client.force_login(make_editor("redactie-tilburg", tilburg))
    return client


@pytest.fixture
def variables(tilburg, utrecht):
    return (
        actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 25,00"),
        actions.set_local_variable(utrecht, "tarief.grofvuil", "€ 40,00"),
    )


def test_tilburg_editor_cannot_open_or_change_utrecht_values(tilburg_editor, variables):
    _tilburg_value, utrecht_value = variables

    assert tilburg_editor.get(change_url(utrecht_value)).status_code == 403
    response = tilburg_editor.post(
        change_url(utrecht_value), variable_form(utrecht_value, value="€ 1,00")
    )
    assert response.status_code == 403
    utrecht_value.refresh_from_db()
    assert utrecht_value.value == "€ 40,00"


def test_tilburg_editor_changes_tilburg_values_and_it_is_logged(tilburg_editor, variables):
    tilburg_value, _utrecht_value = variables

    assert tilburg_editor.get(change_url(tilburg_value)).status_code == 200
    response = tilburg_editor.post(
        change_url(tilburg_value), variable_form(tilburg_value, value="€ 27,50")
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    tilburg_value.refresh_from_db()
    assert tilburg_value.value == "€ 27,50"
    change = ContentChange.objects.first()
    assert change.actor.username == "redactie-tilburg"
    assert change.via == "admin"
    assert change.changes["value"] == ["€ 25,00", "€ 27,50"]


def test_changelist_shows_only_own_values(tilburg_editor, variables):
    response = tilburg_editor.get(
        reverse("admin:content_localvariable_changelist"), {"controle": "niet"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tilburg" in html and "Utrecht" not in html
    assert "niet geverifieerd" in html


def test_tilburg_editor_cannot_move_a_value_to_utrecht(tilburg_editor, variables, utrecht):
    tilburg_value, _ = variables
    response = tilburg_editor.post(
        change_url(tilburg_value), variable_form(tilburg_value, municipality=utrecht.pk)
    )
    assert response.status_code == 200  # form error: Utrecht is not a choice
    tilburg_value.refresh_from_db()
    assert tilburg_value.municipality.code == "GM0855"


def test_local_editor_reads_but_does_not_change_national_topics(tilburg_editor):
    topic = Topic.objects.get(key="paspoort")
    assert tilburg_editor.get(change_url(topic)).status_code == 200
    response = tilburg_editor.post(change_url(topic), {"title": "Gekaapt"})
    assert response.status_code == 403
    topic.refresh_from_db()
    assert topic.title != "Gekaapt"


def test_local_editor_writes_a_local_answer(tilburg_editor, tilburg):
    topic = Topic.objects.get(key="grofvuil")
    response = tilburg_editor.post(
        reverse("admin:content_answer_add"),
        {
            "topic": topic.pk,
            "municipality": tilburg.pk,
            "aspect": "",
            "variant": "",
            "text_nl": "In {{ gemeente.naam }} haalt de gemeente grofvuil op.",
            "text_en": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    answer = Answer.objects.get(topic=topic, municipality=tilburg, aspect="")
    assert ContentChange.objects.filter(
        model="content.answer", object_id=str(answer.pk), actor__username="redactie-tilburg"
    ).exists()


def test_answer_with_unknown_variable_is_refused(tilburg_editor, tilburg):
    topic = Topic.objects.get(key="grofvuil")
    response = tilburg_editor.post(
        reverse("admin:content_answer_add"),
        {
            "topic": topic.pk,
            "municipality": tilburg.pk,
            "aspect": "",
            "variant": "",
            "text_nl": "Bel {{ gemeente.fax }}.",
            "text_en": "",
        },
    )
    assert response.status_code == 200
    assert "gemeente.fax" in response.content.decode()
    assert not Answer.objects.filter(topic=topic, municipality=tilburg, aspect="").exists()


def test_national_editor_changes_the_base_library(client, make_editor):
    client.force_login(make_editor("landelijk", national=True))
    topic = Topic.objects.get(key="paspoort")
    page = client.get(change_url(topic))
    assert page.status_code == 200
    assert "Voorbeeld bekijken" in page.content.decode()

    data = {
        "key": topic.key,
        "title": "Paspoort aanvragen",
        "title_en": topic.title_en,
        "upl_name": topic.upl_name,
        "upl_uri": topic.upl_uri,
        "owner": topic.owner,
        "scope": topic.scope,
        "is_national": "on",
        "municipality": "",
    }
    for prefix in ("tailoring", "answers", "examples"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(change_url(topic), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    topic.refresh_from_db()
    assert topic.title == "Paspoort aanvragen"
    change = ContentChange.objects.filter(model="content.topic").first()
    assert change.changes["title"][1] == "Paspoort aanvragen"
    assert change.actor.username == "landelijk"


def test_inline_edits_go_through_the_actions(client, make_editor):
    client.force_login(make_editor("landelijk", national=True))
    topic = actions.save_topic(Topic(key="testonderwerp", title="Test"))
    actions.set_examples(topic, ["oude bank ophalen", "matras weg"])
    example = topic.examples.get(text="oude bank ophalen")
    data = {
        "key": topic.key,
        "title": topic.title,
        "title_en": topic.title_en,
        "upl_name": topic.upl_name,
        "upl_uri": topic.upl_uri,
        "owner": topic.owner,
        "scope": topic.scope,
        "is_national": "on",
        "municipality": "",
        "tailoring-TOTAL_FORMS": "0",
        "tailoring-INITIAL_FORMS": "0",
        "answers-TOTAL_FORMS": "1",
        "answers-INITIAL_FORMS": "0",
        "answers-0-topic": topic.pk,
        "answers-0-aspect": "meenemen",
        "answers-0-variant": "",
        "answers-0-text_nl": "Neem niets mee.",
        "answers-0-text_en": "",
        "examples-TOTAL_FORMS": "1",
        "examples-INITIAL_FORMS": "1",
        "examples-0-id": example.pk,
        "examples-0-topic": topic.pk,
        "examples-0-text": "mijn oude bank moet weg",
        "examples-0-language": "nl",
        "examples-0-position": example.position,
    }
    response = client.post(change_url(topic), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    example.refresh_from_db()
    assert example.text == "mijn oude bank moet weg"
    assert (
        Answer.objects.get(topic=topic, municipality=None, aspect="meenemen").text_nl
        == "Neem niets mee."
    )
    logged = set(
        ContentChange.objects.filter(actor__username="landelijk").values_list("model", flat=True)
    )
    assert {"content.examplequestion", "content.answer"} <= logged


def test_preview_shows_the_rendered_answer_for_a_municipality(tilburg_editor, tilburg):
    actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 25,00")
    topic = Topic.objects.get(key="grofvuil")
    response = tilburg_editor.get(
        reverse("admin:content_topic_preview", args=[topic.pk]), {"gemeente": "GM0855"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoofdantwoord" in html
    assert "{{" not in html.split('id="content-main"')[1]


def test_user_without_role_sees_nothing(client, django_user_model):
    user = django_user_model.objects.create_user("buiten", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:content_localvariable_changelist")).status_code == 403


@pytest.mark.parametrize(
    "model",
    [
        "topic",
        "answer",
        "examplequestion",
        "localvariable",
        "disabledtopic",
        "variabledefinition",
        "editor",
        "contentchange",
    ],
)
def test_every_content_page_opens_for_a_national_editor(client, make_editor, model):
    client.force_login(make_editor("landelijk", national=True))
    assert client.get(reverse(f"admin:content_{model}_changelist")).status_code == 200
    if model != "contentchange":
        assert client.get(reverse(f"admin:content_{model}_add")).status_code == 200


def test_admin_index_shows_the_content_section(tilburg_editor):
    response = tilburg_editor.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Lokale waarden" in response.content.decode()
