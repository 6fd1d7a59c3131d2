"""A follow-up that points back ("waar moet ik daarvoor naartoe?") stays on its topic."""

from __future__ import annotations

import pytest

from gembot.dialogue import engine
from gembot.nlu import Entities, Prediction

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsure_about_appointments(monkeypatch):
    """The recogniser leans towards `afspraak-maken` (0.7) for the follow-up questions."""
    recognise = engine.recognise

    def leaning(municipality, text, library=None):
        if text.startswith("en waar"):
            ranking = [("afspraak-maken", 0.7), ("reisdocument-kwijt", 0.2)]
            return Prediction("afspraak-maken", 0.7, ranking, False, [], Entities(), "nl")
        return recognise(municipality, text, library)

    monkeypatch.setattr(engine, "recognise", leaning)


def bot_text(reply: dict) -> str:
    return " ".join(m["text"] for m in reply["messages"] if m["sender"] == "bot")


@pytest.mark.parametrize(
    "question", ["en waar moet ik daarvoor naartoe?", "en waar moet ik daar voor naartoe?"]
)
def test_a_follow_up_with_daarvoor_stays_on_the_topic(
    resident, unsure_about_appointments, question
):
    resident.say("mijn paspoort is gestolen")
    text = bot_text(resident.say(question))
    assert "U meldt de vermissing bij de gemeente waar u woont" in text
    assert "maakt u eerst een afspraak" not in text


def test_without_it_a_likely_new_topic_takes_over(resident, unsure_about_appointments):
    resident.say("mijn paspoort is gestolen")
    text = bot_text(resident.say("en waar moet ik naartoe voor een afspraak?"))
    assert "maakt u eerst een afspraak" in text
