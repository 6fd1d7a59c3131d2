"""Training: features, classifier, and calibration on cross-validated predictions."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field

import numpy as np
from sklearn.model_selection import StratifiedKFold

from .classifier import (
    LinearModel,
    choose_threshold,
    fit_linear,
    fit_temperature,
    softmax,
)
from .features import Doc, FeatureSpace, make_doc, warm_token_cache
from .lexicon import Lexicon
from .schema import OUT_OF_SCOPE, Example
from .text import normalise, tokenise

Progress = Callable[[str, float], None]
logger = logging.getLogger(__name__)


@dataclass
class Settings:
    """Everything that shapes a model; stored in the artefact."""

    blocks: dict[str, float] = field(
        default_factory=lambda: {"w": 1.0, "b": 1.0, "s": 1.0, "k": 0.5, "u": 0.5, "c": 1.0}
    )
    min_df: dict[str, int] = field(default_factory=lambda: {"b": 1, "c": 2})
    c: float = 1.0
    kind: str = "svm"  # "svm" (LinearSVC) or "lr" (LogisticRegression)
    folds: int = 4
    default_threshold: float = 0.5
    out_of_scope_recall_target: float = 0.9
    ambiguity_margin: float = 0.25
    ambiguity_floor: float = 0.15
    # A message of one or two content words ("ik wil een vergunning") leaves more open:
    # below `short_sure` its runners-up are offered too when they have at least
    # `short_share` of the best topic's probability.
    short_max_words: int = 2
    short_sure: float = 0.8
    short_share: float = 0.15

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Settings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]


@dataclass
class Fitted:
    """The parts a model is made of."""

    lexicon: Lexicon
    space: FeatureSpace
    linear: LinearModel


@dataclass
class Calibration:
    temperature: float = 1.0
    threshold: float = 0.3
    confident: float = 1.01  # a topic this probable is never turned away by the threshold
    cv: dict[str, float] = field(default_factory=dict)


def split_training_data(
    examples: Iterable[Example], out_of_scope: Iterable[str]
) -> tuple[list[Example], list[str]]:
    """Topic examples and out-of-scope sentences as training uses them (no blanks)."""
    examples = [e for e in examples if e.text.strip()]
    oos = [s for s in out_of_scope if s.strip()]
    oos += [e.text for e in examples if e.topic == OUT_OF_SCOPE]
    return [e for e in examples if e.topic != OUT_OF_SCOPE], oos


def labelled_corpus(
    examples: Sequence[Example], out_of_scope: Sequence[str]
) -> tuple[list[str], Corpus]:
    """The classes (topics, then `buiten-bereik`) and the corpus of split training data."""
    topics = sorted({e.topic for e in examples})
    if len(topics) < 2:
        raise ValueError("training needs examples of at least two topics")
    classes = [*topics, OUT_OF_SCOPE]
    index = {c: i for i, c in enumerate(classes)}
    texts = [e.text for e in examples] + list(out_of_scope)
    y = np.array([index[e.topic] for e in examples] + [index[OUT_OF_SCOPE]] * len(out_of_scope))
    return classes, Corpus.of(texts, y, len(classes))


def training_data_hash(examples: Iterable[Example], out_of_scope: Iterable[str]) -> str:
    """The `training_data_hash` a model trained on this data carries in its metadata."""
    return data_hash(*split_training_data(examples, out_of_scope))


def data_hash(examples: Sequence[Example], out_of_scope: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for example in sorted(examples, key=lambda e: (e.topic, e.text)):
        digest.update(f"{example.topic}\t{example.text}\n".encode())
    for sentence in sorted(out_of_scope):
        digest.update(f"{OUT_OF_SCOPE}\t{sentence}\n".encode())
    return digest.hexdigest()


def make_docs(
    tokens: Sequence[list[str]],
    normalised: Sequence[str],
    lexicon: Lexicon,
    own: Sequence[bool] | None = None,
) -> list[Doc]:
    own = own if own is not None else [False] * len(tokens)
    return [
        make_doc(norm, toks, lexicon, own=flag)
        for toks, norm, flag in zip(tokens, normalised, own, strict=True)
    ]


@dataclass(frozen=True)
class Corpus:
    """Training rows after text handling: normalised text, tokens and class index."""

    normalised: list[str]
    tokens: list[list[str]]
    y: np.ndarray
    n_classes: int  # the out-of-scope class is always the last one

    @classmethod
    def of(cls, texts: Sequence[str], y: np.ndarray, n_classes: int) -> Corpus:
        normalised = [normalise(t) for t in texts]
        return cls(normalised, [tokenise(n) for n in normalised], y, n_classes)

    def subset(self, rows: np.ndarray) -> Corpus:
        return Corpus(
            [self.normalised[j] for j in rows],
            [self.tokens[j] for j in rows],
            self.y[rows],
            self.n_classes,
        )


def fit_parts(corpus: Corpus, settings: Settings, seed: int) -> Fitted:
    oos = corpus.n_classes - 1
    in_scope = [bool(label != oos) for label in corpus.y]
    lexicon = Lexicon.from_tokens(corpus.tokens, in_scope)
    docs = make_docs(corpus.tokens, corpus.normalised, lexicon, in_scope)
    space = FeatureSpace(dict(settings.blocks))
    linear = fit_linear(
        space.fit_matrix(docs, settings.min_df),
        corpus.y,
        corpus.n_classes,
        c=settings.c,
        seed=seed,
        kind=settings.kind,
    )
    return Fitted(lexicon, space, linear)


def _fold_scores(
    corpus: Corpus, settings: Settings, seed: int, train_idx: np.ndarray, test_idx: np.ndarray
) -> np.ndarray:
    """Class scores of the `test_idx` rows from a model fitted on the `train_idx` rows."""
    fitted = fit_parts(corpus.subset(train_idx), settings, seed)
    test = corpus.subset(test_idx)
    test_docs = make_docs(test.tokens, test.normalised, fitted.lexicon)
    return fitted.linear.scores_matrix(fitted.space.matrix(test_docs))


def training_workers(folds: int) -> int:
    """Processes for the cross-validation folds: one per available core, at most one per fold.

    Folds run in forked processes on Linux only (fork is unsafe on macOS and absent on
    Windows); elsewhere they run one after the other. `GEM_NLU_WORKERS` sets the number
    (1: no extra processes); a value that is not a positive number is ignored.
    """
    if not sys.platform.startswith("linux"):
        return 1
    wanted = os.environ.get("GEM_NLU_WORKERS", "").strip()
    available = len(os.sched_getaffinity(0))  # the cores this process may use
    cores = int(wanted) if wanted.isdigit() and int(wanted) > 0 else available
    return max(1, min(cores, folds))


def cross_validated_scores(
    corpus: Corpus,
    settings: Settings,
    seed: int,
    folds: int,
    progress: Progress | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> np.ndarray:
    """Out-of-fold class scores for every training row (folds in parallel where possible).

    `meanwhile` runs in this process while worker processes compute the folds (the final
    fit on all rows, which needs no fold). Without workers it runs first; when the pool
    breaks before it ran, the caller sees that nothing was done and does it itself.
    """
    y = corpus.y
    scores = np.zeros((len(y), corpus.n_classes), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    splits = list(splitter.split(np.zeros(len(y)), y))
    workers = training_workers(folds)
    done: set[int] = set()
    if workers > 1:
        try:
            _folds_in_processes(
                corpus, settings, seed, splits, scores, done, workers, progress, meanwhile
            )
        except BrokenProcessPool:  # a worker died (out of memory, killed): go on here
            logger.warning("a training worker process stopped; the other folds run here")
    elif meanwhile:
        meanwhile()
    for i, (train_idx, test_idx) in enumerate(splits):
        if i in done:
            continue
        scores[test_idx] = _fold_scores(corpus, settings, seed, train_idx, test_idx)
        done.add(i)
        if progress:
            progress("cross-validation", len(done) / (folds + 1))
    return scores


def _folds_in_processes(
    corpus: Corpus,
    settings: Settings,
    seed: int,
    splits: list[tuple[np.ndarray, np.ndarray]],
    scores: np.ndarray,
    done: set[int],
    workers: int,
    progress: Progress | None,
    meanwhile: Callable[[], None] | None,
) -> None:
    warm_token_cache(corpus.tokens, settings.blocks)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        jobs = {
            pool.submit(_fold_scores, corpus, settings, seed, train_idx, test_idx): i
            for i, (train_idx, test_idx) in enumerate(splits)
        }
        if meanwhile:
            meanwhile()
        for job in as_completed(jobs):
            i = jobs[job]
            scores[splits[i][1]] = job.result()
            done.add(i)
            if progress:
                progress("cross-validation", len(done) / (len(splits) + 1))


def usable_folds(y: np.ndarray, wanted: int) -> int:
    smallest = int(np.bincount(y)[np.bincount(y) > 0].min())
    return max(0, min(wanted, smallest))


def train_parts(
    examples: Iterable[Example],
    out_of_scope: Iterable[str],
    *,
    seed: int,
    settings: Settings,
    progress: Progress | None,
) -> tuple[list[str], Fitted, Calibration, dict[str, object]]:
    """Fit a model and calibrate it; returns classes, parts, calibration and facts."""
    started = time.perf_counter()
    examples, oos = split_training_data(examples, out_of_scope)
    classes, corpus = labelled_corpus(examples, oos)
    y = corpus.y
    index = {c: i for i, c in enumerate(classes)}
    if progress:
        progress("prepared", 0.05)

    calibration = Calibration(threshold=settings.default_threshold)
    folds = usable_folds(y, settings.folds)
    final: list[Fitted] = []

    def fit_final() -> None:
        final.append(fit_parts(corpus, settings, seed))

    if folds >= 2:
        scores = cross_validated_scores(corpus, settings, seed, folds, progress, fit_final)
        calibration.temperature = fit_temperature(scores, y)
        p = softmax(scores, calibration.temperature)
        if oos:
            calibration.threshold, calibration.confident, calibration.cv = choose_threshold(
                p, y, index[OUT_OF_SCOPE], settings.out_of_scope_recall_target
            )
        else:
            calibration.cv = {"in_scope_accuracy": float((p.argmax(1) == y).mean())}
    if not final:
        fit_final()
    fitted = final[0]
    if progress:
        progress("trained", 1.0)
    facts: dict[str, object] = {
        "training_data_hash": data_hash(examples, oos),
        "n_examples": len(examples),
        "n_out_of_scope": len(oos),
        "n_features": fitted.space.size,
        "folds": folds,
        "training_seconds": round(time.perf_counter() - started, 3),
        "seed": seed,
    }
    return classes, fitted, calibration, facts
