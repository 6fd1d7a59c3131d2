"""A municipality without its own content still gets a sensible answer for every topic."""

from __future__ import annotations

import pytest

from gembot.content.answers import get_answer
from gembot.content.catalogue import catalogue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["nl", "en"])
def test_non_pilot_municipality_gets_an_answer_for_every_topic(groningen, language):
    for key in catalogue():
        answer = get_answer(key, groningen, language)
        assert answer.source == "national", key
        assert len(answer.text.split()) >= 5, key
        assert "{{" not in answer.text and "}}" not in answer.text, key
        assert answer.language in {language, "nl"}, key


def test_non_pilot_answers_use_fallbacks_not_pilot_values(groningen):
    answer = get_answer("paspoort", groningen, aspect="kosten")
    assert answer.used_fallback_vars
    assert "€" not in answer.text
