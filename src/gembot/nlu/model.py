"""The trained national model: predict, overlays for municipalities, save."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .classifier import LinearModel, decide, softmax
from .concepts import THESAURUS
from .entities import MunicipalityRegister, extract_entities
from .features import Doc, FeatureSpace, analyse
from .guard import is_manipulation
from .lexicon import Lexicon
from .schema import OUT_OF_SCOPE, Entities, Example, Prediction
from .text import is_content_word
from .training import Calibration, Settings, train_parts

if TYPE_CHECKING:
    from .overlay import Overlay

UNKNOWN_CONFIDENCE = 0.2  # confidence of `buiten-bereik` for a message with no known word
MANIPULATION_CONFIDENCE = 0.99  # `buiten-bereik` for an attempt to change the instructions
RANKING_SIZE = 5


class NluModel:
    """One national model; municipalities add their phrases through an `Overlay`.

    `register` holds the municipality names that entity extraction looks for: the CBS
    register in `gembot/tenants/data/gemeenten.csv` when present; assign
    `MunicipalityRegister.from_names([...])` to use another list.
    """

    def __init__(
        self,
        classes: list[str],
        lexicon: Lexicon,
        space: FeatureSpace,
        linear: LinearModel,
        calibration: Calibration,
        settings: Settings,
        metadata: dict[str, object],
    ) -> None:
        self.classes = classes
        self.lexicon = lexicon
        self.space = space
        self.linear = linear
        self.calibration = calibration
        self.settings = settings
        self.metadata = metadata
        self.register: MunicipalityRegister = MunicipalityRegister.default()
        self._oos = classes.index(OUT_OF_SCOPE)

    @property
    def topics(self) -> list[str]:
        """The in-scope topics this model knows."""
        return [c for c in self.classes if c != OUT_OF_SCOPE]

    # --- scoring ---------------------------------------------------------------
    def analyse(self, text: str) -> Doc:
        return analyse(text, self.lexicon)

    def vector(self, doc: Doc) -> tuple[np.ndarray, np.ndarray]:
        return self.space.vector(doc)

    def probabilities(self, doc: Doc) -> np.ndarray:
        indices, values = self.vector(doc)
        scores = self.linear.scores(indices, values)
        return softmax(scores.astype(np.float64), self.calibration.temperature)

    def has_known_words(self, doc: Doc) -> bool:
        """False for keyboard mash: no word, repair or concept the model knows."""
        words = [t for t in doc.tokens if not t.startswith("<")]
        return (
            any(w in self.lexicon for w in words)
            or bool(doc.extra)
            or any(THESAURUS.of_word(w) for w in words)
        )

    # --- prediction ------------------------------------------------------------
    def predict(
        self,
        text: str,
        *,
        extra: Overlay | None = None,
        today: datetime.date | None = None,
    ) -> Prediction:
        """Recognise the topic of one resident message."""
        doc = self.analyse(text)
        classes = self.classes
        p = self.probabilities(doc)
        known = self.has_known_words(doc)
        threshold = self.calibration.threshold
        if extra is not None:
            adjusted = extra.adjust(self, doc, p)
            classes, p = adjusted.classes, adjusted.p
            known = known or adjusted.local_hit
            if adjusted.decisive:
                threshold = 1.0
        oos = classes.index(OUT_OF_SCOPE)
        order = np.argsort(-p)
        ranking = [(classes[i], round(float(p[i]), 4)) for i in order[:RANKING_SIZE]]
        entities = extract_entities(text, today=today, register=self.register)
        language = entities.language
        if is_manipulation(doc.normalised):
            return self._manipulation(ranking, entities)
        if not known:
            return Prediction(
                OUT_OF_SCOPE,
                UNKNOWN_CONFIDENCE,
                ranking,
                False,
                [],
                entities,
                language,
                known_words=False,
            )
        decision = decide(p, oos, threshold, self.calibration.confident)
        if decision.best < 0:
            confidence = 1.0 - decision.probability  # no topic is the right one
            return Prediction(OUT_OF_SCOPE, confidence, ranking, False, [], entities, language)
        short = sum(is_content_word(t) for t in doc.tokens) <= self.settings.short_max_words
        candidates = self._candidates(p, order, oos, classes, short=short)
        return Prediction(
            classes[decision.best],
            decision.probability,
            ranking,
            len(candidates) >= 2,
            candidates if len(candidates) >= 2 else [],
            entities,
            language,
        )

    def _manipulation(self, ranking: list[tuple[str, float]], entities: Entities) -> Prediction:
        """Out of scope, whatever topic the words point to: the ranking says so too."""
        rest = 1.0 - MANIPULATION_CONFIDENCE
        others = [(topic, round(p * rest, 4)) for topic, p in ranking if topic != OUT_OF_SCOPE]
        ranking = [(OUT_OF_SCOPE, MANIPULATION_CONFIDENCE), *others[: RANKING_SIZE - 1]]
        return Prediction(
            OUT_OF_SCOPE,
            MANIPULATION_CONFIDENCE,
            ranking,
            False,
            [],
            entities,
            entities.language,
        )

    def _candidates(
        self, p: np.ndarray, order: np.ndarray, oos: int, classes: list[str], *, short: bool
    ) -> list[str]:
        """Topics close enough to the best one to ask the resident which is meant."""
        in_scope = [int(i) for i in order if i != oos][:3]
        top = p[in_scope[0]]
        settings = self.settings
        if short and top < settings.short_sure:
            return [classes[i] for i in in_scope if p[i] >= settings.short_share * top]
        margin = settings.ambiguity_margin
        floor = settings.ambiguity_floor
        return [classes[i] for i in in_scope if p[i] >= floor and top - p[i] <= margin]

    # --- municipalities ----------------------------------------------------------
    def overlay(self, examples: Iterable[Example | tuple[str, str]]) -> Overlay:
        """A municipality's own phrases and topics on top of this national model."""
        from .overlay import Overlay

        return Overlay.build(self, examples)

    # --- persistence ---------------------------------------------------------------
    def save(self, path: str | Path, *, key: bytes | None = None) -> Path:
        """Write the artefact (.npz with JSON metadata, no pickle); sign it when `key`."""
        from .artefact import save_model

        return save_model(self, Path(path), key=key)


def train(
    examples: Iterable[Example],
    *,
    out_of_scope: Iterable[str] = (),
    seed: int = 0,
    progress: Callable[[str, float], None] | None = None,
    settings: Settings | None = None,
) -> NluModel:
    """Train the national model on topic examples and out-of-scope sentences."""
    from .artefact import new_metadata

    settings = settings or Settings()
    classes, fitted, calibration, facts = train_parts(
        examples, out_of_scope, seed=seed, settings=settings, progress=progress
    )
    metadata = new_metadata(classes, facts, calibration)
    return NluModel(
        classes,
        fitted.lexicon,
        fitted.space,
        fitted.linear,
        calibration,
        settings,
        metadata,
    )
