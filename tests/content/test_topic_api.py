"""GET /api/v1/municipalities/{code}/topics, as an integrator sees it."""

from __future__ import annotations

import pytest

from gembot.content import actions
from gembot.content.catalogue import catalogue
from gembot.content.models import Answer, Topic

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.content.urls")]


def topics(api, reference: str, **params) -> dict[str, dict]:
    response = api.get(f"/api/v1/municipalities/{reference}/topics", params)
    assert response.status_code == 200, response.content
    return {row["id"]: row for row in response.json()}


def test_different_phone_numbers_give_different_answers(api, tilburg, utrecht):
    actions.set_local_variable(tilburg, "gemeente.telefoon", "14 013")
    actions.set_local_variable(utrecht, "gemeente.telefoon", "14 030")
    topic = actions.save_topic(Topic(key="bellen", title="Bellen"))
    actions.save_answer(Answer(topic=topic, text_nl="Bel {{ gemeente.telefoon }}."))

    in_tilburg = topics(api, "GM0855")["bellen"]["answer"]
    in_utrecht = topics(api, "utrecht")["bellen"]["answer"]

    assert "14 013" in in_tilburg and "14 030" not in in_tilburg
    assert "14 030" in in_utrecht and "14 013" not in in_utrecht


def test_every_topic_with_title_uri_and_answer(api):
    rows = topics(api, "GM0855")
    assert set(catalogue()) <= set(rows)
    paspoort = rows["paspoort"]
    assert set(paspoort) == {"id", "title", "upl_uri", "answer"}
    assert paspoort["upl_uri"].startswith("http://standaarden.overheid.nl/owms/terms/")
    assert rows["begroeting"]["upl_uri"] == ""


def test_disabled_and_local_topics(api, tilburg):
    actions.disable_topic(
        tilburg,
        Topic.objects.get(key="hondenbelasting"),
        "{{ gemeente.naam }} heft geen hondenbelasting.",
    )
    local = actions.save_topic(
        Topic(key="local-gm0855-kermis", title="Kermis", is_national=False, municipality=tilburg)
    )
    actions.save_answer(Answer(topic=local, municipality=tilburg, text_nl="Kermis in juli."))

    rows = topics(api, "GM0855")
    assert rows["hondenbelasting"]["answer"] == "Tilburg heft geen hondenbelasting."
    assert rows["local-gm0855-kermis"]["answer"] == "Kermis in juli."
    assert "local-gm0855-kermis" not in topics(api, "GM0344")


def test_english(api):
    rows = topics(api, "GM0855", lang="en")
    assert rows["paspoort"]["title"] == Topic.objects.get(key="paspoort").title_en


def test_unknown_municipality_is_a_404_in_gem_error_shape(api):
    response = api.get("/api/v1/municipalities/GM9999/topics")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "municipality_not_found"
