"""Entities in resident messages: dates, ages, postcodes, municipalities, language."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .dates import find_dates
from .language import detect_language
from .schema import Address, Entities, MunicipalityMention
from .text import strip_accents, words

REGISTER_CSV = Path(__file__).resolve().parent.parent / "tenants" / "data" / "gemeenten.csv"

# --- ages ---------------------------------------------------------------------------
_PERSON = (
    r"(?:dochter|zoon|kind|kindje|baby|broer|zus|zusje|broertje|moeder|vader|opa|oma|"
    r"man|vrouw|partner|vriend|vriendin|neef|nicht|kleinkind|kleinzoon|kleindochter|"
    r"daughter|son|child|kid|brother|sister|mother|father|wife|husband)"
)
_AGE_PATTERNS = [
    re.compile(r"\bik\s+ben\s+(\d{1,3})\b(?!\s*(?:euro|minuten|uur|weken|dagen|maanden|keer|%))"),
    re.compile(rf"\b{_PERSON}\s+(?:is|van|wordt|of|is\s+nu)\s+(\d{{1,3}})\b(?!\s*(?:euro|uur|%))"),
    re.compile(rf"\b{_PERSON}\s*\((\d{{1,3}})\)"),
    re.compile(
        r"(?<![\w-])(?<!over )(?<!na )(?<!binnen )(?<!sinds )(?<!al )(?<!elke )"
        r"(\d{1,3})[\s-]*(?:jaar|jr)(?:\s+oud)?\b"
        r"(?!\s*(?:geldig|geleden|lang|getrouwd|samen|gewoond|in\s+nederland|terug))"
    ),
    re.compile(r"\b(\d{1,3})[\s-]*jarige?\b"),
    re.compile(r"\bi\s*(?:am|'m)\s+(\d{1,3})\b(?!\s*(?:euro|minutes|hours|%))"),
    re.compile(r"\b(\d{1,3})\s+years?\s+old\b"),
    re.compile(r"\baged\s+(\d{1,3})\b"),
]
MAX_AGE = 120


def find_ages(text: str) -> list[int]:
    lower = strip_accents(text.lower())
    hits: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(lower):
            start, end = m.span(1)
            if any(s <= start < e for s, e in spans):
                continue
            age = int(m[1])
            if 0 <= age <= MAX_AGE:
                spans.append((start, end))
                hits.append((start, age))
    return [age for _, age in sorted(hits)]


# --- postcodes -------------------------------------------------------------------------
_POSTCODE = re.compile(
    r"\b([1-9]\d{3})\s?([A-Za-z]{2})\b"
    r"(?:\s*,?\s*(?:nr\.?|nummer|huisnummer|no\.?)?\s*(\d{1,5})(?:\s*-?\s*([A-Za-z]\b|\d{1,4}\b))?)?"
)
# Two-letter words that follow a number in a sentence more often than a postcode does.
_NOT_POSTCODE_LETTERS = words(
    """en om in op is te de je ik me we ze na of al er nu zo ja uw la an at to on am it or so
    be by do go he if my no up us ss sa sd jr"""
)


def find_addresses(text: str) -> list[Address]:
    found = []
    for m in _POSTCODE.finditer(text):
        letters = m[2]
        if letters.lower() in _NOT_POSTCODE_LETTERS and not letters.isupper():
            continue
        if letters.upper() in {"SS", "SA", "SD"}:
            continue
        number = m[3]
        if number and m[4]:
            number = f"{number}{m[4].upper()}" if m[4].isalpha() else f"{number}-{m[4]}"
        found.append(Address(f"{m[1]} {letters.upper()}", number))
    return found


# --- municipalities ---------------------------------------------------------------------
# Names that are also everyday Dutch words: only recognised when written with a capital.
COMMON_WORD_NAMES = words(
    "best buren leiden putten bergen goes beek sluis hoorn huizen duiven stein borne "
    "echt laren epe ede son mill horst"
)
ALIASES = {
    "den bosch": "GM0796",
    "s hertogenbosch": "GM0796",
    "hertogenbosch": "GM0796",
    "s gravenhage": "GM0518",
    "den haag": "GM0518",
    "the hague": "GM0518",
}


def _key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", strip_accents(name.lower())))


@dataclass
class MunicipalityRegister:
    """Names of municipalities to look for: from the CBS register or a list passed in."""

    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # key -> name, code
    _longest: int = 1

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]]) -> MunicipalityRegister:
        register = cls()
        codes_by_name: dict[str, set[str | None]] = {}
        display: dict[str, str] = {}
        written: dict[str, str] = {}
        official: dict[str, str] = {}
        for row in rows:
            code = row.get("gm_code") or None
            naam = row.get("naam", "").strip()
            short = (row.get("naam_kort") or naam).strip()
            if code:
                official[code] = short or naam
            for variant in {naam, short, re.sub(r"\s*\(.*?\)", "", naam)} - {""}:
                key = _key(variant)
                codes_by_name.setdefault(key, set()).add(code)
                display.setdefault(key, short or naam)
                written.setdefault(key, variant)
        for key, codes in codes_by_name.items():
            if len(codes) == 1:
                register.names[key] = (display[key], next(iter(codes)))
            else:  # "Bergen": two municipalities, the message does not say which
                register.names[key] = (written[key], None)
        for alias, code in ALIASES.items():
            if code in official and alias not in register.names:
                register.names[alias] = (official[code], code)
        register._longest = max((len(k.split()) for k in register.names), default=1)
        return register

    @classmethod
    def from_names(cls, names: Iterable[str]) -> MunicipalityRegister:
        return cls.from_rows({"naam": n, "naam_kort": n} for n in names)

    @classmethod
    def from_csv(cls, path: Path) -> MunicipalityRegister:
        with path.open(encoding="utf-8", newline="") as handle:
            return cls.from_rows(csv.DictReader(handle))

    @classmethod
    def default(cls) -> MunicipalityRegister:
        """The CBS register shipped with the tenants app, or an empty register."""
        if REGISTER_CSV.is_file():
            return _default_register()
        return cls()

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of every municipality name ("tilburg", "haag", "hertogenbosch")."""
        return frozenset(w for key in self.names for w in key.split() if len(w) >= 3)

    def find(self, text: str) -> list[MunicipalityMention]:
        if not self.names:
            return []
        words = [(m.group(), m.start()) for m in re.finditer(r"[0-9A-Za-z\u00c0-\u024f]+", text)]
        keys = [_key(w) for w, _ in words]
        found: list[MunicipalityMention] = []
        i = 0
        while i < len(words):
            for n in range(min(self._longest, len(words) - i), 0, -1):
                key = " ".join(keys[i : i + n])
                entry = self.names.get(key)
                if entry is None:
                    continue
                original = words[i][0]
                if n == 1 and key in COMMON_WORD_NAMES and not original[:1].isupper():
                    continue
                end = words[i + n - 1][1] + len(words[i + n - 1][0])
                found.append(MunicipalityMention(entry[0], entry[1], text[words[i][1] : end]))
                i += n - 1
                break
            i += 1
        return found


_DEFAULT: list[MunicipalityRegister] = []


def amsterdam_today() -> datetime.date:
    """Today's date in the Netherlands."""
    try:
        zone: datetime.tzinfo = ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # no time zone database: close enough
        zone = datetime.UTC
    return datetime.datetime.now(zone).date()


def _default_register() -> MunicipalityRegister:
    if not _DEFAULT:
        _DEFAULT.append(MunicipalityRegister.from_csv(REGISTER_CSV))
    return _DEFAULT[0]


def extract_entities(
    text: str,
    *,
    today: datetime.date | None = None,
    register: MunicipalityRegister | None = None,
) -> Entities:
    """Every entity in one message; relative dates count from `today` (Europe/Amsterdam)."""
    register = register if register is not None else MunicipalityRegister.default()
    return Entities(
        dates=find_dates(text, today or amsterdam_today()),
        ages=find_ages(text),
        addresses=find_addresses(text),
        municipalities=register.find(text),
        language=detect_language(text),
    )
