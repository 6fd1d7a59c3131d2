"""Dutch text handling: normalisation, SMS spelling, compounds, typos, concepts."""

from __future__ import annotations

import pytest

from gembot.nlu.concepts import THESAURUS
from gembot.nlu.language import detect_language
from gembot.nlu.lexicon import Lexicon, edit_distance
from gembot.nlu.text import normalise, stem, tokenise


@pytest.mark.parametrize(
    "text",
    [
        "id-kaart",
        "ID kaart",
        "identiteitsbewijs",
        "idkaart",
        "Identiteitskaart",
        "I.D.-kaart",
        "ID-kaarten",
        "identity card",
    ],
)
def test_id_card_spellings_become_one_token(text: str) -> None:
    assert normalise(text) == "idkaart"


def test_normalise_accents_punctuation_and_sms() -> None:
    assert normalise("Café, één paspoort!!") == "cafe een paspoort"
    assert normalise("kan k ff n afspraak maken?") == "kan ik even een afspraak maken"
    assert normalise("wnr wordt m'n kliko geleegd") == "wanneer wordt mijn kliko geleegd"
    assert normalise("Wat kost 't?") == "wat kost het"
    assert normalise("DigiD / Digi-D") == "digid digid"
    assert normalise("I'm lost, can't find it") == "i am lost can not find it"


def test_numbers_become_classes() -> None:
    assert tokenise(normalise("ik ben 16 en woon op 5038 AB 123")) == [
        "ik",
        "ben",
        "<n2>",
        "en",
        "woon",
        "op",
        "<n4>",
        "ab",
        "<n>",
    ]


def test_dutch_stems() -> None:
    assert stem("aanvragen") == stem("aanvraag") == "aanvraag"
    assert stem("paspoorten") == "paspoort"


def test_compound_split_against_the_training_vocabulary() -> None:
    lexicon = Lexicon(
        {"paspoort": 5, "aanvraag": 3, "afval": 4, "kalender": 2, "hond": 2, "belasting": 3}
    )
    assert lexicon.split("paspoortaanvraag") == ["paspoort", "aanvraag"]
    assert lexicon.split("afvalkalender") == ["afval", "kalender"]
    assert lexicon.split("hondenbelasting") == ["hond", "belasting"]  # linking -en-
    assert lexicon.split("olifantenpaadje") == []
    assert lexicon.expand("paspoortaanvraag") == ("paspoort", "aanvraag")


def test_typos_are_corrected_to_known_words_only() -> None:
    lexicon = Lexicon({"paspoort": 5, "rijbewijs": 3, "verlengen": 2})
    assert lexicon.correct("paspoot") == "paspoort"
    assert lexicon.correct("rijbewys") == "rijbewijs"
    assert lexicon.correct("verlegnen") == "verlengen"  # swapped letters
    assert lexicon.correct("banaan") is None
    assert lexicon.correct("paspoort") is None  # already known
    assert edit_distance("kliko", "kilko") == 1


def test_concepts_join_synonyms_and_english() -> None:
    assert "kwijt" in THESAURUS.of_word("verloren")
    assert "kwijt" in THESAURUS.of_word("stolen")
    assert "paspoort" in THESAURUS.of_word("passport")
    assert "grofvuil" in THESAURUS.of_word("grofvuilafspraak")  # prefix entry
    assert "duur" in set(THESAURUS.concepts(["hoe", "lang", "duurt", "het"]))  # phrase


def test_language_detection() -> None:
    assert detect_language("Hoe vraag ik een paspoort aan?") == "nl"
    assert detect_language("How do I apply for a passport?") == "en"
    assert detect_language("paspoort") == "nl"
    assert detect_language("I lost my ID card, what should I do?") == "en"


def test_words_set_aside_with_niet_maar_are_dropped() -> None:
    assert tokenise(normalise("Mijn paspoort is niet kwijt, maar verlopen")) == [
        "mijn",
        "paspoort",
        "is",
        "niet",
        "maar",
        "verlopen",
    ]
    assert tokenise(normalise("not lost but expired")) == ["not", "but", "expired"]
    # Without a "maar" close behind it, a negation keeps its words.
    assert tokenise(normalise("ik heb geen paspoort")) == ["ik", "heb", "geen", "paspoort"]
    assert "paspoort" in tokenise(
        normalise("ik heb geen paspoort en ook geen rijbewijs of andere papieren maar wel een pas")
    )
    # Too far from the negator to be what is set aside.
    assert "verhuizing" in tokenise(
        normalise("ik kan niet via de website mijn verhuizing doorgeven maar wel aan de balie")
    )
    assert "paspoort" in tokenise(normalise("niet alleen een paspoort maar ook een id-kaart"))
    assert "passport" in tokenise(normalise("not only a passport but also an ID card"))
    assert "paspoort" in tokenise(normalise("niet mijn paspoort maar"))


def test_months_and_weekdays_become_classes() -> None:
    assert tokenise(normalise("Wij verhuizen op 15 December")) == [
        "wij",
        "verhuizen",
        "op",
        "<n2>",
        "<maand>",
    ]
    assert tokenise(normalise("open op zaterdag of Sunday?")) == [
        "open",
        "op",
        "<dag>",
        "of",
        "<dag>",
    ]
    # Words that are more often something else stay words.
    assert tokenise(normalise("may I ask Jan")) == ["may", "i", "ask", "jan"]
