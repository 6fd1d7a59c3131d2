"""What Gem does with an unsure recogniser: the prediction is set, the reply is real."""

from __future__ import annotations

import pytest

from gembot.dialogue import engine
from gembot.nlu import OUT_OF_SCOPE, Entities, Prediction

pytestmark = pytest.mark.django_db


@pytest.fixture
def recogniser_says(monkeypatch):
    """Make the recogniser return `prediction` for `text`; other texts go to the model."""
    planned: dict[str, Prediction] = {}
    recognise = engine.recognise

    def planned_or_real(municipality, text, library=None):
        if text in planned:
            return planned[text]
        return recognise(municipality, text, library)

    monkeypatch.setattr(engine, "recognise", planned_or_real)

    def plan(text: str, topic: str, ranking: list[tuple[str, float]], candidates=()):
        confidence = ranking[0][1] if topic != OUT_OF_SCOPE else 1 - ranking[0][1]
        planned[text] = Prediction(
            topic, confidence, ranking, bool(candidates), list(candidates), Entities(), "nl"
        )

    return plan


def bot_text(reply: dict) -> str:
    return " ".join(m["text"] for m in reply["messages"] if m["sender"] == "bot")


def button_titles(reply: dict) -> list[str]:
    return [b["title"] for m in reply["messages"] for b in m["buttons"]]


LEANS_TO_APPOINTMENTS = [("afspraak-maken", 0.7), ("reisdocument-kwijt", 0.2)]


@pytest.mark.parametrize(
    "question", ["en waar moet ik daarvoor naartoe?", "en waar moet ik daar voor naartoe?"]
)
def test_a_follow_up_with_daarvoor_stays_on_the_topic(resident, recogniser_says, question):
    recogniser_says(question, "afspraak-maken", LEANS_TO_APPOINTMENTS)
    resident.say("mijn paspoort is gestolen")
    text = bot_text(resident.say(question))
    assert "U meldt de vermissing bij de gemeente waar u woont" in text
    assert "maakt u eerst een afspraak" not in text


def test_without_it_a_likely_new_topic_takes_over(resident, recogniser_says):
    question = "en waar moet ik naartoe voor een afspraak?"
    recogniser_says(question, "afspraak-maken", LEANS_TO_APPOINTMENTS)
    resident.say("mijn paspoort is gestolen")
    assert "maakt u eerst een afspraak" in bot_text(resident.say(question))


def test_small_talk_is_not_offered_as_a_choice(resident, recogniser_says):
    ranking = [("reisdocument-kwijt", 0.3), ("over-gem", 0.25), ("gevonden-voorwerpen", 0.2)]
    candidates = ["reisdocument-kwijt", "over-gem", "gevonden-voorwerpen"]
    recogniser_says("ik ben iets kwijt", "reisdocument-kwijt", ranking, candidates)

    reply = resident.say("ik ben iets kwijt")

    assert "Bedoelt u" in bot_text(reply)
    titles = button_titles(reply)
    assert "Paspoort of ID-kaart kwijt of gestolen" in titles
    assert "Over Gem" not in titles


def test_small_talk_does_not_hide_an_off_topic_question(resident, recogniser_says):
    text = "kun je een verjaardagsgedicht voor mijn oma schrijven"
    ranking = [("over-gem", 0.34), (OUT_OF_SCOPE, 0.17), ("subsidie", 0.04)]
    recogniser_says(text, OUT_OF_SCOPE, ranking)

    assert "Daar kan ik u niet mee helpen" in bot_text(resident.say(text))
