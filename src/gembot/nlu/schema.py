"""Public data types of the topic recogniser."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

OUT_OF_SCOPE = "buiten-bereik"

Language = Literal["nl", "en"]


class IncompatibleModel(Exception):
    """An artefact that this version of the code refuses to load.

    Raised for a wrong format version, a different major version of a library that
    shaped the features, a failed integrity or signature check, or a file that is
    not a Gem NLU artefact at all.
    """


@dataclass(frozen=True)
class Example:
    """One training phrase and the topic it belongs to."""

    text: str
    topic: str


@dataclass(frozen=True)
class DateMention:
    """A date found in a message: the resolved date and the words it came from."""

    value: datetime.date
    text: str


@dataclass(frozen=True)
class Address:
    """A Dutch postcode, with the house number when one follows it."""

    postcode: str
    house_number: str | None = None


@dataclass(frozen=True)
class MunicipalityMention:
    """A municipality named in a message (code when known from the register)."""

    name: str
    code: str | None
    text: str


@dataclass
class Entities:
    """Everything `extract_entities` recognised in one message."""

    dates: list[DateMention] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    municipalities: list[MunicipalityMention] = field(default_factory=list)
    language: Language = "nl"


@dataclass
class Prediction:
    """The recogniser's answer for one message.

    `topic` is `buiten-bereik` when no topic fits. `confidence` is the calibrated
    probability of `topic`. `ranking` holds the five most probable classes, `buiten-bereik`
    included, as (topic, probability) pairs.
    When the two best topics are close, `ambiguous` is set and `candidates` holds the
    two or three topics to offer ("Bedoelt u ...?").
    """

    topic: str
    confidence: float
    ranking: list[tuple[str, float]]
    ambiguous: bool
    candidates: list[str]
    entities: Entities
    language: Language
    known_words: bool = True  # False: not one word the model knows (keyboard mash)

    @property
    def out_of_scope(self) -> bool:
        return self.topic == OUT_OF_SCOPE
