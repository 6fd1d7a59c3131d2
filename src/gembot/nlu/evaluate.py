"""Evaluation reports: accuracy, out-of-scope precision/recall, confusions, latency."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from .model import NluModel, train
from .schema import OUT_OF_SCOPE, Example


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def report(
    expected: Sequence[str],
    predicted: Sequence[str],
    latencies_ms: Sequence[float],
    candidates: Sequence[Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The evaluation report for paired expected and predicted topics."""
    pairs = list(zip(expected, predicted, strict=True))
    in_scope = [(e, p) for e, p in pairs if e != OUT_OF_SCOPE]
    oos_expected = sum(e == OUT_OF_SCOPE for e, _ in pairs)
    oos_predicted = sum(p == OUT_OF_SCOPE for _, p in pairs)
    oos_hits = sum(e == p == OUT_OF_SCOPE for e, p in pairs)
    topics = sorted({e for e, _ in pairs} | {p for _, p in pairs})
    per_topic: dict[str, dict[str, float | int | None]] = {}
    for topic in topics:
        tp = sum(e == p == topic for e, p in pairs)
        support = sum(e == topic for e, _ in pairs)
        claimed = sum(p == topic for _, p in pairs)
        precision, recall = _ratio(tp, claimed), _ratio(tp, support)
        f1 = (
            round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
        )
        per_topic[topic] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": support,
        }
    confused = Counter((e, p) for e, p in pairs if e != p)
    result: dict[str, Any] = {
        "n": len(pairs),
        "n_in_scope": len(in_scope),
        "n_out_of_scope": oos_expected,
        "in_scope_accuracy": _ratio(sum(e == p for e, p in in_scope), len(in_scope)),
        "in_scope_rejected": _ratio(sum(p == OUT_OF_SCOPE for _, p in in_scope), len(in_scope)),
        "out_of_scope_precision": _ratio(oos_hits, oos_predicted),
        "out_of_scope_recall": _ratio(oos_hits, oos_expected),
        "per_topic": per_topic,
        "most_confused": [
            {"expected": e, "predicted": p, "count": n} for (e, p), n in confused.most_common(10)
        ],
    }
    if candidates is not None:
        hits = sum(
            e == p or e in c
            for (e, p), c in zip(pairs, candidates, strict=True)
            if e != OUT_OF_SCOPE
        )
        result["in_scope_accuracy_with_candidates"] = _ratio(hits, len(in_scope))
    if latencies_ms:
        result["latency_ms"] = {
            "p50": round(float(np.percentile(latencies_ms, 50)), 3),
            "p95": round(float(np.percentile(latencies_ms, 95)), 3),
        }
    return result


def evaluate(model: NluModel, rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Run the model on rows of {"text", "expected_topic"} and report how it did."""
    expected, predicted, latencies, candidates = [], [], [], []
    for row in rows:
        started = time.perf_counter()
        prediction = model.predict(str(row["text"]))
        latencies.append((time.perf_counter() - started) * 1000)
        expected.append(str(row["expected_topic"]))
        predicted.append(prediction.topic)
        candidates.append(prediction.candidates)
    return report(expected, predicted, latencies, candidates)


def cross_validate(
    examples: Iterable[Example],
    out_of_scope: Iterable[str],
    k: int = 5,
    *,
    seed: int = 0,
) -> dict[str, Any]:
    """k-fold cross-validation of the whole training procedure on the training data."""
    rows = [(e.text, e.topic) for e in examples] + [(s, OUT_OF_SCOPE) for s in out_of_scope]
    labels = np.array([topic for _, topic in rows])
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    expected, predicted, latencies, candidates = [], [], [], []
    started = time.perf_counter()
    for train_idx, test_idx in splitter.split(np.zeros(len(rows)), labels):
        model = train(
            [Example(*rows[i]) for i in train_idx if rows[i][1] != OUT_OF_SCOPE],
            out_of_scope=[rows[i][0] for i in train_idx if rows[i][1] == OUT_OF_SCOPE],
            seed=seed,
        )
        for i in test_idx:
            text, topic = rows[i]
            t0 = time.perf_counter()
            prediction = model.predict(text)
            latencies.append((time.perf_counter() - t0) * 1000)
            expected.append(topic)
            predicted.append(prediction.topic)
            candidates.append(prediction.candidates)
    result = report(expected, predicted, latencies, candidates)
    result["folds"] = k
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
