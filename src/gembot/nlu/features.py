"""Sparse TF-IDF features: words, word pairs, stems (with repairs) and character n-grams.

Feature extractors register by name, so a test or an experiment can add or swap one
without touching the model code. Each extractor yields feature keys for one analysed
message; every extractor's block is TF-IDF weighted and L2-normalised on its own, then
scaled by the block's weight, so no block drowns the others in a long message.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

from .concepts import THESAURUS
from .lexicon import Lexicon
from .text import is_content_word, normalise, stem, tokenise


@dataclass(frozen=True)
class Doc:
    """A message after normalisation, with its tokens and their repairs."""

    normalised: str
    tokens: tuple[str, ...]
    extra: tuple[str, ...]  # compound parts and spelling corrections
    unseen: tuple[int, int] = (0, 0)  # content words unseen in topic examples, content words


def analyse(text: str, lexicon: Lexicon | None) -> Doc:
    normalised = normalise(text)
    return make_doc(normalised, tokenise(normalised), lexicon)


def make_doc(
    normalised: str, tokens: Sequence[str], lexicon: Lexicon | None, *, own: bool = False
) -> Doc:
    """A Doc from tokens; `own` for a training example that is part of `lexicon`."""
    extra: list[str] = []
    unseen = (0, 0)
    if lexicon is not None:
        for token in tokens:
            extra.extend(lexicon.expand(token))
        unseen = lexicon.unseen(tokens, own=own)
    return Doc(normalised, tuple(tokens), tuple(extra), unseen)


Extractor = Callable[[Doc], Iterator[str]]
EXTRACTORS: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register a feature extractor under a short name (also its feature-key prefix)."""

    def decorate(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return decorate


@register("w")
def words(doc: Doc) -> Iterator[str]:
    yield from doc.tokens


@register("b")
def word_pairs(doc: Doc) -> Iterator[str]:
    for left, right in zip(doc.tokens, doc.tokens[1:], strict=False):
        yield f"{left} {right}"


@register("s")
def stems(doc: Doc) -> Iterator[str]:
    for token in (*doc.tokens, *doc.extra):
        if is_content_word(token):
            yield stem(token)


@register("k")
def concepts(doc: Doc) -> Iterator[str]:
    yield from set(THESAURUS.concepts(doc.tokens, doc.extra))


@register("u")
def unseen_words(doc: Doc) -> Iterator[str]:
    """How much of the message is vocabulary that no topic example uses."""
    unseen, total = doc.unseen
    if total == 0:
        yield "none"
        return
    ratio = unseen / total
    yield "all" if unseen == total else f"r{min(int(ratio * 4), 3)}"
    yield f"seen{min(total - unseen, 3)}"


@register("c")
def char_ngrams(doc: Doc) -> Iterator[str]:
    for token in doc.tokens:
        if token.startswith("<"):
            continue
        padded = f" {token} "
        for n in range(2, 6):
            for i in range(len(padded) - n + 1):
                yield padded[i : i + n]


@dataclass
class FeatureSpace:
    """The fitted vocabulary and IDF weights of all feature blocks."""

    blocks: dict[str, float]  # extractor name -> block weight
    vocabulary: dict[str, int] = field(default_factory=dict)
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    block_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))

    def keys(self, doc: Doc) -> list[str]:
        """Feature keys of one message ("w:paspoort", "c:spo", ...), with repeats."""
        keys = list(_token_keys(doc.tokens, tuple(n for n in self.blocks if n in TOKEN_ONLY)))
        for name in self.blocks:
            if name not in TOKEN_ONLY:
                keys.extend(f"{name}:{key}" for key in EXTRACTORS[name](doc))
        return keys

    def fit(self, docs: Sequence[Doc], min_df: dict[str, int] | None = None) -> FeatureSpace:
        self.fit_matrix(docs, min_df)
        return self

    def fit_matrix(
        self, docs: Sequence[Doc], min_df: dict[str, int] | None = None
    ) -> sparse.csr_matrix:
        """Fit the vocabulary and IDF on `docs` and return their matrix."""
        min_df = min_df or {}
        all_keys = [self.keys(doc) for doc in docs]
        df: Counter[str] = Counter()
        for keys in all_keys:
            df.update(set(keys))
        names = list(self.blocks)
        kept = sorted(k for k, n in df.items() if n >= min_df.get(k.split(":", 1)[0], 1))
        self.vocabulary = {k: i for i, k in enumerate(kept)}
        n_docs = len(docs)
        self.idf = np.array(
            [math.log((1 + n_docs) / (1 + df[k])) + 1.0 for k in kept], dtype=np.float32
        )
        self.block_of = np.array([names.index(k.split(":", 1)[0]) for k in kept], dtype=np.int8)
        return self._batch(all_keys)

    def _batch(self, all_keys: list[list[str]]) -> sparse.csr_matrix:
        """The same rows as `_row`, for many messages at once (vectorised)."""
        vocabulary = self.vocabulary
        columns: list[int] = []
        indptr = [0]
        for keys in all_keys:
            columns.extend(vocabulary[k] for k in keys if k in vocabulary)
            indptr.append(len(columns))
        n_rows = len(all_keys)
        counts = sparse.csr_matrix(
            (
                np.ones(len(columns), dtype=np.float32),
                np.array(columns, dtype=np.int32),
                np.array(indptr, dtype=np.int64),
            ),
            shape=(n_rows, self.size),
        )
        counts.sum_duplicates()  # duplicates become term frequencies, indices sorted
        values = (1.0 + np.log(counts.data)) * self.idf[counts.indices]
        n_blocks = len(self.blocks)
        row_of = np.repeat(np.arange(n_rows), np.diff(counts.indptr))
        cell = row_of * n_blocks + self.block_of[counts.indices]
        norms = np.bincount(cell, weights=values * values, minlength=n_rows * n_blocks)
        weights = np.array(list(self.blocks.values()), dtype=np.float64)
        scale = weights[self.block_of[counts.indices]] / np.sqrt(np.maximum(norms[cell], 1e-12))
        counts.data = (values * scale).astype(np.float32)
        return counts

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def vector(self, doc: Doc) -> tuple[np.ndarray, np.ndarray]:
        """Sparse row of one message: (feature indices, values)."""
        return self._row(self.keys(doc))

    def _row(self, keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
        counts: Counter[int] = Counter()
        vocabulary = self.vocabulary
        for key in keys:
            index = vocabulary.get(key)
            if index is not None:
                counts[index] += 1
        if not counts:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        indices = np.fromiter(counts.keys(), dtype=np.int32, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[indices]
        blocks = self.block_of[indices]
        norms = np.bincount(blocks, weights=values * values, minlength=len(self.blocks))
        weights = np.array(list(self.blocks.values()), dtype=np.float64)
        scale = np.where(norms > 0, weights / np.sqrt(np.maximum(norms, 1e-12)), 0.0)
        values = (values * scale[blocks]).astype(np.float32)
        order = np.argsort(indices)
        return indices[order], values[order]

    def matrix(self, docs: Sequence[Doc]) -> sparse.csr_matrix:
        return self._batch([self.keys(doc) for doc in docs])


# Extractors that read only the tokens: their keys are cached per message.
TOKEN_ONLY = frozenset({"w", "b", "c"})


@lru_cache(maxsize=16384)
def _token_keys(tokens: tuple[str, ...], names: tuple[str, ...]) -> tuple[str, ...]:
    doc = Doc("", tokens, ())
    return tuple(f"{name}:{key}" for name in names for key in EXTRACTORS[name](doc))


def warm_token_cache(tokens: Sequence[Sequence[str]], blocks: dict[str, float]) -> None:
    """Compute the token-only keys of these messages once, before worker processes fork:
    every fold then finds them in the cache it inherited."""
    names = tuple(n for n in blocks if n in TOKEN_ONLY)
    for message in tokens:
        _token_keys(tuple(message), names)
