"""One national model, many municipalities: an overlay changes only its own predictions."""

from __future__ import annotations

from gembot.nlu import OUT_OF_SCOPE, Example, NluModel


def test_overlay_example_changes_the_prediction_for_that_municipality_only(
    model: NluModel,
) -> None:
    tilburg = model.overlay([Example("stadspas aanvragen", "local-gm0855-stadspas")])
    dongen = model.overlay([("wanneer komt de kliko in de Hoge Ham", "afvalkalender")])
    text = "stadspas aanvragen"

    national = model.predict(text)
    assert national.topic != "local-gm0855-stadspas"
    assert model.predict(text, extra=tilburg).topic == "local-gm0855-stadspas"
    assert model.predict(text, extra=dongen).topic == national.topic
    assert model.predict(text).topic == national.topic  # the national model is unchanged


def test_overlay_phrase_moves_a_near_message_to_its_topic(model: NluModel) -> None:
    text = "ik wil mijn oude bank kwijt bij de kringloop route"
    overlay = model.overlay([("oude bank kwijt via de kringloop route", "afvalkalender")])

    assert model.predict(text).topic != "afvalkalender"
    with_overlay = model.predict(text, extra=overlay)
    assert with_overlay.topic == "afvalkalender"
    assert with_overlay.ranking[0][0] == "afvalkalender"


def test_overlay_leaves_unrelated_messages_alone(model: NluModel) -> None:
    overlay = model.overlay([("stadspas aanvragen", "local-gm0855-stadspas")])

    assert model.predict("paspoort verlengen", extra=overlay).topic == "paspoort"
    assert model.predict("asdfasdf qwzx", extra=overlay).topic == OUT_OF_SCOPE
    assert overlay.topics == ["local-gm0855-stadspas"]
    assert len(overlay) == 1


def test_local_words_unknown_to_the_national_model_count(model: NluModel) -> None:
    overlay = model.overlay([("reeshof ophaaldag", "afvalkalender")])

    assert model.predict("reeshof", extra=overlay).topic == "afvalkalender"
    assert model.predict("reeshof").topic == OUT_OF_SCOPE
