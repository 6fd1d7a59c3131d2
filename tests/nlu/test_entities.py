"""Entities with a fixed today: dates, ages, postcodes, municipalities, language."""

from __future__ import annotations

import datetime

import pytest

from gembot.nlu import Address, MunicipalityRegister, NluModel, extract_entities
from gembot.nlu.entities import REGISTER_CSV

from .conftest import TODAY  # Saturday 28 November 2026


def dates(text: str, today: datetime.date = TODAY) -> list[str]:
    return [d.value.isoformat() for d in extract_entities(text, today=today).dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik wil op 1 maart trouwen", "2027-03-01"),  # next 1 March, not in the past
        ("kan het op 28 november", "2026-11-28"),  # today is not in the past
        ("op 27 november", "2027-11-27"),
        ("afspraak op 15-03-2027", "2027-03-15"),
        ("15/3 graag", "2027-03-15"),
        ("op 2027-01-05", "2027-01-05"),
        ("volgende week vrijdag", "2026-12-04"),
        ("vrijdag volgende week", "2026-12-04"),
        ("aanstaande maandag", "2026-11-30"),
        ("kan het morgen?", "2026-11-29"),
        ("overmorgen", "2026-11-30"),
        ("over twee maanden ga ik verhuizen", "2027-01-28"),
        ("over 3 weken", "2026-12-19"),
        ("over een half jaar", "2027-05-28"),
        ("volgende maand", "2026-12-28"),
        ("next friday", "2026-12-04"),
        ("on 1 March", "2027-03-01"),
        ("tomorrow", "2026-11-29"),
    ],
)
def test_dates_relative_to_today(text: str, expected: str) -> None:
    assert dates(text) == [expected]


def test_no_dates_in_times_amounts_or_impossible_days() -> None:
    assert dates("om 10.30 uur") == []
    assert dates("het duurt 3-4 weken") == []
    assert dates("30 februari") == []
    assert dates("paspoort verlengen") == []


def test_month_end_is_clamped() -> None:
    assert dates("over een maand", today=datetime.date(2027, 1, 31)) == ["2027-02-28"]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("ik ben 16", [16]),
        ("mijn dochter van 8 wil een paspoort", [8]),
        ("hij is 16 jaar", [16]),
        ("I am 17", [17]),
        ("I'm 17 years old", [17]),
        ("een 12-jarige", [12]),
        ("ik ben 16 jaar oud en mijn zoon is 3", [16, 3]),
        ("mijn paspoort is 10 jaar geldig", []),
        ("over 2 jaar verloopt hij", []),
        ("ik ben 5 minuten te laat", []),
    ],
)
def test_ages(text: str, ages: list[int]) -> None:
    assert extract_entities(text, today=TODAY).ages == ages


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("5038 AB 12", Address("5038 AB", "12")),
        ("postcode 5038AB nr 12a", Address("5038 AB", "12A")),
        ("ik woon op 1011 ab", Address("1011 AB", None)),
        ("5038 ab 12-2", Address("5038 AB", "12-2")),
    ],
)
def test_postcode_and_house_number(text: str, address: Address) -> None:
    assert extract_entities(text, today=TODAY).addresses == [address]


def test_numbers_followed_by_words_are_not_postcodes() -> None:
    assert extract_entities("in 2027 en 2028", today=TODAY).addresses == []
    assert extract_entities("vanaf 2027 om 10 uur", today=TODAY).addresses == []


def test_municipalities_from_a_list() -> None:
    register = MunicipalityRegister.from_rows(
        [
            {"gm_code": "GM0796", "naam": "'s-Hertogenbosch", "naam_kort": "'s-Hertogenbosch"},
            {"gm_code": "GM0855", "naam": "Tilburg", "naam_kort": "Tilburg"},
            {"gm_code": "GM0748", "naam": "Bergen op Zoom", "naam_kort": "Bergen op Zoom"},
            {"gm_code": "GM0373", "naam": "Bergen (NH.)", "naam_kort": "Bergen (NH)"},
            {"gm_code": "GM0893", "naam": "Bergen (L.)", "naam_kort": "Bergen (L)"},
            {"gm_code": "GM0214", "naam": "Buren", "naam_kort": "Buren"},
        ]
    )

    def found(text: str) -> list[tuple[str, str | None]]:
        entities = extract_entities(text, today=TODAY, register=register)
        return [(m.name, m.code) for m in entities.municipalities]

    assert found("ik woon in Den Bosch") == [("'s-Hertogenbosch", "GM0796")]
    assert found("ik woon in 's-Hertogenbosch") == [("'s-Hertogenbosch", "GM0796")]
    assert found("verhuizen van TILBURG naar den bosch") == [
        ("Tilburg", "GM0855"),
        ("'s-Hertogenbosch", "GM0796"),
    ]
    assert found("Bergen op Zoom") == [("Bergen op Zoom", "GM0748")]  # longest name wins
    assert found("ik woon in Bergen") == [("Bergen", None)]  # two municipalities
    assert found("ik woon in Buren") == [("Buren", "GM0214")]
    assert found("overlast van de buren") == []  # an everyday word in lower case


def test_plain_names_register() -> None:
    register = MunicipalityRegister.from_names(["Dongen", "Hendrik-Ido-Ambacht"])
    mentions = register.find("ik woon in hendrik ido ambacht, niet in Dongen")
    assert [m.name for m in mentions] == ["Hendrik-Ido-Ambacht", "Dongen"]


@pytest.mark.skipif(not REGISTER_CSV.is_file(), reason="municipality register not present")
def test_the_shipped_register_is_used_by_predict(model: NluModel) -> None:
    prediction = model.predict("wat kost een paspoort in Den Haag", today=TODAY)
    assert [(m.name, m.code) for m in prediction.entities.municipalities] == [
        ("Den Haag", "GM0518"),
    ]


def test_prediction_carries_every_entity(model: NluModel) -> None:
    prediction = model.predict(
        "Ik ben 17 en wil op 1 maart een paspoort, postcode 5038 AB 12", today=TODAY
    )
    assert prediction.topic == "paspoort"
    entities = prediction.entities
    assert [d.value for d in entities.dates] == [datetime.date(2027, 3, 1)]
    assert entities.ages == [17]
    assert entities.addresses == [Address("5038 AB", "12")]
    assert entities.language == "nl" == prediction.language
