"""get_answer: local > national with local values > national with fallbacks; never raw {{."""

from __future__ import annotations

import pytest

from gembot.content import actions
from gembot.content.answers import get_answer, variable_values
from gembot.content.models import Answer, TailoringQuestion, Topic, VariableDefinition

pytestmark = pytest.mark.django_db

TEMPLATE_NL = (
    "Een testpas kost {{ tarief.paspoort_18plus }}.\n"
    "Bel {{ gemeente.telefoon }} of kijk op [de website]({{ url.paspoort }})."
)
TEMPLATE_EN = "A test pass costs {{ tarief.paspoort_18plus }}. Call {{ gemeente.telefoon }}."


@pytest.fixture
def topic(db) -> Topic:
    topic = actions.save_topic(Topic(key="testpas", title="Testpas aanvragen"))
    actions.save_answer(Answer(topic=topic, text_nl=TEMPLATE_NL, text_en=TEMPLATE_EN))
    return topic


def fallback(name: str) -> str:
    return VariableDefinition.objects.get(name=name).fallback


def test_national_answer_uses_the_municipality_values(topic, tilburg):
    actions.set_local_variable(tilburg, "tarief.paspoort_18plus", "€ 84,40")
    actions.set_local_variable(tilburg, "gemeente.telefoon", "14 013")
    actions.set_local_variable(tilburg, "url.paspoort", "https://www.tilburg.nl/paspoort")

    answer = get_answer("testpas", tilburg)

    assert answer.source == "national"
    assert answer.language == "nl"
    assert answer.text == (
        "Een testpas kost € 84,40.\n"
        "Bel 14 013 of kijk op [de website](https://www.tilburg.nl/paspoort)."
    )
    assert answer.used_fallback_vars == []


def test_national_answer_without_values_reads_the_fallbacks(topic, groningen):
    answer = get_answer("testpas", groningen)

    assert answer.source == "national"
    assert f"kost {fallback('tarief.paspoort_18plus')}." in answer.text
    assert f"Bel {fallback('gemeente.telefoon')}" in answer.text
    # A fallback is no address: the link becomes words instead of a broken link.
    assert f"de website ({fallback('url.paspoort')})" in answer.text
    assert answer.used_fallback_vars == [
        "tarief.paspoort_18plus",
        "gemeente.telefoon",
        "url.paspoort",
    ]
    assert "{{" not in answer.text and "}}" not in answer.text


def test_local_answer_wins_over_the_national_answer(topic, tilburg, utrecht):
    actions.save_answer(
        Answer(topic=topic, municipality=tilburg, text_nl="In {{ gemeente.naam }} gaat het anders.")
    )

    assert get_answer("testpas", tilburg).text == "In Tilburg gaat het anders."
    assert get_answer("testpas", tilburg).source == "local"
    assert get_answer("testpas", utrecht).source == "national"


def test_disabled_topic_gives_the_explanation(topic, tilburg, utrecht):
    actions.disable_topic(
        tilburg,
        topic,
        "{{ gemeente.naam }} geeft geen testpassen uit.",
        "{{ gemeente.naam }} does not issue test passes.",
    )

    answer = get_answer("testpas", tilburg, aspect="kosten")
    assert answer.source == "disabled"
    assert answer.text == "Tilburg geeft geen testpassen uit."
    assert get_answer("testpas", tilburg, "en").text == "Tilburg does not issue test passes."
    assert get_answer("testpas", utrecht).source == "national"

    actions.enable_topic(tilburg, topic)
    assert get_answer("testpas", tilburg).source == "national"


def test_english_missing_falls_back_to_dutch_and_says_so(topic, groningen):
    actions.save_answer(Answer(topic=topic, aspect="kosten", text_nl="Het kost geld."))

    english = get_answer("testpas", groningen, "en")
    assert english.language == "en"
    assert english.text.startswith("A test pass costs")
    assert "website" in english.text  # English fallback for a money variable

    dutch_only = get_answer("testpas", groningen, "en", aspect="kosten")
    assert dutch_only.language == "nl"
    assert dutch_only.text == "Het kost geld."


def test_aspect_and_variant_fall_back_to_the_main_answer(topic, groningen):
    actions.save_tailoring_question(
        TailoringQuestion(
            topic=topic,
            slot="leeftijd",
            question_nl="Bent u 18 jaar of ouder?",
            options=[
                {"value": "volwassen", "title_nl": "18 of ouder"},
                {"value": "minderjarig", "title_nl": "jonger dan 18"},
            ],
        )
    )
    actions.save_answer(Answer(topic=topic, variant="minderjarig", text_nl="Voor kinderen."))

    assert get_answer("testpas", groningen, variant="minderjarig").text == "Voor kinderen."
    main = get_answer("testpas", groningen, aspect="waar", variant="volwassen")
    assert (main.aspect, main.variant) == ("", "")
    assert main.text.startswith("Een testpas kost")


@pytest.mark.parametrize(
    "template",
    [
        "Bel {{ onbekend.ding }}.",
        "Bel {{gemeente.telefoon}} of {{ Gemeente.Telefoon }}.",
        "Half {{ gemeente.telefoon open",
        "Code {{ __import__('os').system('ls') }} en {% if x %}",
        "Dubbel {{{{ gemeente.telefoon }}}}",
    ],
)
def test_no_template_syntax_ever_reaches_a_resident(template, groningen):
    topic = actions.save_topic(Topic(key="vreemd", title="Vreemde tekst"))
    actions.save_answer(Answer(topic=topic, text_nl=template))

    answer = get_answer("vreemd", groningen)

    assert "{{" not in answer.text and "}}" not in answer.text
    assert answer.text.strip()


def test_a_value_cannot_smuggle_in_a_template(topic, tilburg):
    actions.set_local_variable(tilburg, "gemeente.telefoon", "{{ gemeente.naam }} 14 013")

    assert "{{" not in get_answer("testpas", tilburg).text


def test_unknown_topic_gets_a_referral_to_the_municipality(tilburg):
    actions.set_local_variable(tilburg, "gemeente.website", "https://www.tilburg.nl")

    answer = get_answer("bestaat-niet", tilburg)

    assert answer.source == "fallback"
    assert "https://www.tilburg.nl" in answer.text


def test_local_topic_of_another_municipality_is_invisible(tilburg, utrecht):
    topic = actions.save_topic(
        Topic(key="local-gm0855-kermis", title="Kermis", is_national=False, municipality=tilburg)
    )
    actions.save_answer(Answer(topic=topic, municipality=tilburg, text_nl="De kermis is in juli."))

    assert get_answer("local-gm0855-kermis", tilburg).text == "De kermis is in juli."
    assert get_answer("local-gm0855-kermis", utrecht).source == "fallback"


def test_gemeente_naam_comes_from_the_register(topic, groningen):
    assert variable_values(groningen, ["gemeente.naam"]) == {"gemeente.naam": "Groningen"}


def test_warm_lookup_costs_one_query(topic, tilburg, django_assert_num_queries):
    get_answer("testpas", tilburg)  # fills the cache
    with django_assert_num_queries(1):
        get_answer("testpas", tilburg, aspect="kosten")
    with django_assert_num_queries(1):
        get_answer("testpas", tilburg, "en")


def test_cold_lookup_stays_small(topic, tilburg, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        get_answer("testpas", tilburg)


def test_edit_is_seen_at_once(topic, tilburg):
    actions.set_local_variable(tilburg, "gemeente.telefoon", "14 013")
    assert "14 013" in get_answer("testpas", tilburg).text
    actions.set_local_variable(tilburg, "gemeente.telefoon", "013 123 45 67")
    assert "013 123 45 67" in get_answer("testpas", tilburg).text
