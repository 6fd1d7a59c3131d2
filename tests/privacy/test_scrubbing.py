"""Personal data is replaced by typed placeholders; ordinary numbers are left alone."""

from __future__ import annotations

import pytest

from gembot.conversations.privacy import is_valid_bsn, is_valid_iban, scrub


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "123.456.782", "1234 56 782"])
def test_valid_bsn_is_scrubbed(bsn):
    result = scrub(f"mijn bsn is {bsn} graag")
    assert result.text == "mijn bsn is [BSN] graag"
    assert result.found == ["bsn"]


@pytest.mark.parametrize("number", ["123456789", "111222334", "000000000"])
def test_number_failing_elfproef_is_kept(number):
    assert scrub(f"nummer {number}").text == f"nummer {number}"


def test_bsn_checksum():
    assert is_valid_bsn("111222333")
    assert not is_valid_bsn("111222332")
    assert not is_valid_bsn("12345678")


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "DE89370400440532013000",
        "BE68539007547034",
    ],
)
def test_valid_iban_is_scrubbed(iban):
    assert scrub(f"rekening {iban}.").text == "rekening [IBAN]."


@pytest.mark.parametrize("iban", ["NL91ABNA0417164301", "NL00ABNA0417164300"])
def test_iban_failing_mod97_is_kept(iban):
    assert "[IBAN]" not in scrub(f"rekening {iban}").text
    assert not is_valid_iban(iban)


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "0612345678",
        "06 1234 5678",
        "06 12 34 56 78",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 1234 5678",
        "0031612345678",
        "0031 6 1234 5678",
        "013-4567890",
        "013 456 7890",
        "(010) 123 45 67",
        "0162-123456",
        "14 013",
        "14013",
        "14 0162",
    ],
)
def test_dutch_phone_numbers_are_scrubbed(phone):
    assert scrub(f"bel mij op {phone} aub").text == "bel mij op [TELEFOON] aub"


@pytest.mark.parametrize("email", ["jan@example.nl", "j.de.vries+gem@mail.gemeente.nl"])
def test_email_is_scrubbed(email):
    assert scrub(f"mail {email} graag").text == "mail [E-MAIL] graag"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik woon op 5038 AB 12", "ik woon op [ADRES]"),
        ("postcode 5038ab nr 12", "postcode [ADRES]"),
        ("Hoofdstraat 12a in Tilburg", "[ADRES] in Tilburg"),
        ("mijn postcode is 5038 AB", "mijn postcode is [POSTCODE]"),
    ],
)
def test_address_is_scrubbed(text, expected):
    assert scrub(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik ben geboren op 12-03-1985", "ik ben geboren op [GEBOORTEDATUM]"),
        ("geb. 12 maart 1985", "geb. [GEBOORTEDATUM]"),
        ("geboortedatum: 1985-03-12", "geboortedatum: [GEBOORTEDATUM]"),
        ("I was born on March 3, 1990", "I was born on [GEBOORTEDATUM]"),
    ],
)
def test_date_of_birth_is_scrubbed(text, expected):
    assert scrub(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik verhuis op 01-03-2027",
        "een paspoort kost € 84,40",
        "het kost EUR 77.87",
        "huisnummer 12",
        "ik ben 16 jaar",
        "ik heb 2000 en 300 euro",
        "om 10.30 uur",
        "ordernummer 123456789",
        "1234567890 stuks",
        "op 12-12-2026 om 14:00",
        "in 2026 en 2027",
        "bel 112 bij nood",
        "mijn dochter van 8",
        "artikel 2.39 lid 1",
    ],
)
def test_ordinary_numbers_are_kept(text):
    assert scrub(text).text == text


def test_logs_never_contain_unscrubbed_text(capsys):
    """Through the configured logging: the handler's filter scrubs every record."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    logger = logging.getLogger("gembot.test")
    logger.warning("resident said %s", "bsn 111222333, mail piet@example.nl")
    try:
        raise ValueError("06-12345678")
    except ValueError:
        logger.exception("failed")
    written = capsys.readouterr().err
    assert "resident said bsn [BSN], mail [E-MAIL]" in written
    assert "111222333" not in written and "piet@example.nl" not in written
    assert "06-12345678" not in written and "[TELEFOON]" in written


@pytest.mark.parametrize("text", ["bsn 111222333, graag", "bsn 111222333.", "(111222333)"])
def test_bsn_before_punctuation_is_scrubbed(text):
    assert "111222333" not in scrub(text).text
