"""Scrub personal data from resident text before it is stored or logged.

Each kind of personal data is replaced by a typed placeholder such as ``[BSN]``. Numbers are
only treated as a BSN or an IBAN when they pass the checksum (elfproef, mod-97), so house
numbers, prices, dates and order numbers stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PLACEHOLDERS = {
    "email": "[E-MAIL]",
    "iban": "[IBAN]",
    "bsn": "[BSN]",
    "phone": "[TELEFOON]",
    "address": "[ADRES]",
    "postcode": "[POSTCODE]",
    "birth_date": "[GEBOORTEDATUM]",
}


@dataclass(frozen=True)
class ScrubResult:
    text: str
    found: list[str] = field(default_factory=list)


# --- Checksums -----------------------------------------------------------------------


def is_valid_bsn(digits: str) -> bool:
    """The elfproef for a Dutch citizen service number (9 digits)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    """ISO 13616 mod-97 check on an IBAN without spaces."""
    iban = candidate.upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    if iban.startswith("NL") and not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


# --- Patterns ------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?\b")
_BSN = re.compile(
    r"(?<![\d.,-])(?:\d{3}[ .]?\d{3}[ .]?\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?!\d|[.,]\d|-)"
)
# Phone numbers: +31/0031/0 prefixes with spaces, dashes, dots or brackets between groups.
_PHONE = re.compile(
    r"(?<![\w+])\(?(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|0)(?:\d[\s.()-]{0,2}){8,10}\d(?!\d)"
    r"|(?<![\w+])(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){7,9}(?!\d)"
)
_MUNICIPAL_PHONE = re.compile(r"(?<!\d)14[\s-]?0\d{2,3}(?!\d)")
_STREET_NUMBER = re.compile(
    r"\b[A-Za-zÀ-ÿ'-]+(?:straat|laan|weg|plein|singel|gracht|kade|dijk|hof|steeg|dreef|"
    r"pad|park|ring|markt|lei|baan|akker|erf)\s+\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z]))?"
    r"(?:[\s-]?(?:bis|hs|\d{1,3}))?\b",
    re.IGNORECASE,
)
_POSTCODE_NUMBER = re.compile(
    r"\b[1-9]\d{3}\s?(?:[A-Z]{2}|[a-z]{2})\b[\s,]*(?:nr\.?\s*|nummer\s*)?\d{1,5}(?:\s?[a-zA-Z]\b)?"
)
_POSTCODE = re.compile(r"\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b")
_COMMON_WORDS = {
    "en",
    "of",
    "in",
    "op",
    "is",
    "te",
    "ik",
    "je",
    "om",
    "al",
    "ze",
    "we",
    "er",
    "na",
    "nu",
    "at",
    "on",
    "to",
    "an",
    "as",
    "or",
    "by",
    "be",
    "so",
    "no",
    "am",
    "pm",
    "km",
    "kg",
    "eu",
    "uur",
    "jr",
    "ct",
}
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    "january|february|march|may|june|july|october"
)
_DATE = (
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}}|(?:{_MONTHS})\s+\d{{1,2}},?\s+(?:19|20)\d{{2}})"
)
_BIRTH_DATE = re.compile(
    r"(?P<lead>(?:\b(?:geboren|geboortedatum|born|date of birth|birth date|dob)\b"
    r"|\bgeb\.(?:\s*datum)?)"
    rf"[:\s]*(?:op|on|in|was)?\s*)(?P<date>{_DATE})",
    re.IGNORECASE,
)


def _sub_checked(pattern: re.Pattern[str], text: str, kind: str, found: list[str], check) -> str:
    def replace(match: re.Match[str]) -> str:
        if check(match.group(0)):
            found.append(kind)
            return PLACEHOLDERS[kind]
        return match.group(0)

    return pattern.sub(replace, text)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _is_phone(value: str) -> bool:
    digits = _digits(value)
    if digits.startswith("0031"):
        digits = "0" + digits[4:].removeprefix("0")  # "+31 (0)6..." writes the 0 twice
    elif digits.startswith("31") and value.lstrip("( ").startswith("+"):
        digits = "0" + digits[2:].removeprefix("0")
    if digits.startswith("00"):
        return False
    if digits.startswith(("0800", "0900", "0906", "0909")):
        return 8 <= len(digits) <= 11
    return len(digits) == 10 and digits.startswith("0")


def _is_postcode_word(value: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", value[:7])[:2]
    return letters.lower() not in _COMMON_WORDS and not re.match(
        r"[1-9]\d{3}\s?(SA|SD|SS)\b", value
    )


def scrub(text: str) -> ScrubResult:
    """Return ``text`` with every piece of personal data replaced by its placeholder."""
    found: list[str] = []
    text = _sub_checked(_EMAIL, text, "email", found, lambda _m: True)
    text = _sub_checked(_IBAN, text, "iban", found, lambda m: is_valid_iban(re.sub(r"\s", "", m)))
    text = _BIRTH_DATE.sub(lambda m: _found(found, "birth_date", m.group("lead")), text)
    text = _sub_checked(_BSN, text, "bsn", found, lambda m: is_valid_bsn(_digits(m)))
    text = _sub_checked(_PHONE, text, "phone", found, _is_phone)
    text = _sub_checked(_MUNICIPAL_PHONE, text, "phone", found, lambda _m: True)
    text = _sub_checked(_POSTCODE_NUMBER, text, "address", found, _is_postcode_word)
    text = _sub_checked(_STREET_NUMBER, text, "address", found, lambda _m: True)
    text = _sub_checked(_POSTCODE, text, "postcode", found, _is_postcode_word)
    return ScrubResult(text=text, found=found)


def _found(found: list[str], kind: str, lead: str) -> str:
    found.append(kind)
    return lead + PLACEHOLDERS[kind]
