"""A municipality's own example phrases and topics, on top of the national model.

An overlay is a small nearest-neighbour index in the national model's feature space, plus
a tiny word list for local words the national model never saw (a neighbourhood name such
as "reeshof"). It is built in milliseconds from (text, topic) pairs, so one national model
serves every municipality: the caller keeps one overlay per municipality and passes it to
`NluModel.predict(..., extra=overlay)`.

When a message is close to one of the overlay's phrases, the probability of that phrase's
topic is mixed in: the closer the match, the more it counts (an exact phrase decides).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from .features import Doc
from .schema import Example
from .text import is_content_word, stem

if TYPE_CHECKING:
    from .model import NluModel

SIMILARITY_FLOOR = 0.35  # below this an overlay phrase does not count at all
SIMILARITY_FULL = 0.85  # from this similarity on, the overlay decides
MAX_WEIGHT = 0.95
LOCAL_WEIGHT = 2.0  # weight of the block of words unknown to the national model
DECISIVE_WEIGHT = 0.5  # a match this strong overrides the out-of-scope threshold


def _local_words(model: NluModel, doc: Doc) -> list[str]:
    """Words the national model does not know, except place names: a municipality's own
    name appears in many of its phrases and says nothing about the topic."""
    places = model.register.words
    words = [
        t for t in doc.tokens if is_content_word(t) and t not in model.lexicon and t not in places
    ]
    return [stem(w) for w in words if not model.lexicon.expand(w)]


@dataclass
class Overlay:
    """Extra phrases and topics of one municipality."""

    classes: list[str]  # national classes followed by the overlay's own new topics
    row_class: np.ndarray  # class index of each phrase
    national: sparse.csr_matrix  # phrases in the national feature space
    local_vocabulary: dict[str, int]
    local: sparse.csr_matrix  # phrases over the local words
    norms: np.ndarray
    model_id: str

    @classmethod
    def build(cls, model: NluModel, examples: Iterable[Example | tuple[str, str]]) -> Overlay:
        pairs = [(e.text, e.topic) if isinstance(e, Example) else e for e in examples]
        classes = list(model.classes)
        for _, topic in pairs:
            if topic not in classes:
                classes.append(topic)
        local_vocabulary: dict[str, int] = {}
        nat_rows, loc_rows, row_class = [], [], []
        for text, topic in pairs:
            doc = model.analyse(text)
            nat_rows.append(model.vector(doc))
            local = [
                local_vocabulary.setdefault(w, len(local_vocabulary))
                for w in _local_words(model, doc)
            ]
            loc_rows.append(sorted(set(local)))
            row_class.append(classes.index(topic))
        national = _csr(nat_rows, model.space.size)
        local_matrix = _csr(
            [
                (
                    np.array(r, dtype=np.int32),
                    np.full(len(r), LOCAL_WEIGHT / max(len(r), 1) ** 0.5, dtype=np.float32),
                )
                for r in loc_rows
            ],
            max(len(local_vocabulary), 1),
        )
        norms = np.sqrt(
            np.asarray(national.multiply(national).sum(axis=1)).ravel()
            + np.asarray(local_matrix.multiply(local_matrix).sum(axis=1)).ravel()
        )
        return cls(
            classes,
            np.array(row_class, dtype=np.int32),
            national,
            local_vocabulary,
            local_matrix,
            np.maximum(norms, 1e-9),
            str(model.metadata.get("model_id", "")),
        )

    def __len__(self) -> int:
        return len(self.row_class)

    @property
    def topics(self) -> list[str]:
        return sorted({self.classes[i] for i in self.row_class})

    def similarities(self, model: NluModel, doc: Doc) -> tuple[np.ndarray, bool]:
        """Cosine similarity of a message to every overlay phrase; and any local word seen."""
        indices, values = model.vector(doc)
        dense = np.zeros(model.space.size, dtype=np.float32)
        dense[indices] = values
        dots = self.national @ dense
        words = _local_words(model, doc)
        hits = [self.local_vocabulary[w] for w in words if w in self.local_vocabulary]
        local_norm = LOCAL_WEIGHT if words else 0.0
        if hits:
            q = np.zeros(self.local.shape[1], dtype=np.float32)
            q[hits] = LOCAL_WEIGHT / len(words) ** 0.5
            dots = dots + self.local @ q
        query_norm = float(np.sqrt(values @ values + local_norm**2)) or 1e-9
        return np.asarray(dots).ravel() / (self.norms * query_norm), bool(hits)

    def adjust(self, model: NluModel, doc: Doc, p: np.ndarray) -> Adjusted:
        """Mix the closest overlay phrase's topic into the national probabilities."""
        if len(self) == 0:
            return Adjusted(model.classes, p, False, False)
        extended = np.zeros(len(self.classes), dtype=np.float64)
        extended[: len(p)] = p
        sims, local_hit = self.similarities(model, doc)
        best = int(np.argmax(sims))
        similarity = float(sims[best])
        span = SIMILARITY_FULL - SIMILARITY_FLOOR
        weight = MAX_WEIGHT * min(max((similarity - SIMILARITY_FLOOR) / span, 0.0), 1.0)
        if weight > 0:
            extended *= 1.0 - weight
            extended[self.row_class[best]] += weight
        return Adjusted(self.classes, extended, local_hit, weight >= DECISIVE_WEIGHT)


@dataclass(frozen=True)
class Adjusted:
    """Probabilities over the overlay's classes after mixing in its closest phrase."""

    classes: list[str]
    p: np.ndarray
    local_hit: bool  # the message has a word only this municipality uses
    decisive: bool  # the match is strong enough to ignore the out-of-scope threshold


def _csr(rows: list[tuple[np.ndarray, np.ndarray]], width: int) -> sparse.csr_matrix:
    indptr = np.cumsum([0] + [len(i) for i, _ in rows])
    indices = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, np.int32)
    data = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), width), dtype=np.float32)
