"""Topic recogniser benchmark: Gem's NLU against a plain scikit-learn baseline.

Trains both on the same data (content/base/*.yml examples plus
content/nlu/out-of-scope.yml) and measures them on every evaluation set present:

* ``eval/heldout.jsonl``                     the project's own held-out set
* ``eval/fresh.jsonl``                       a second one, written blind in session 2
* ``eval/final.jsonl``                       a third, written blind later in session 2
* ``../shared/eval/sample.jsonl``            120 resident messages
* ``../shared/eval/policyqa_labelled.jsonl`` national FAQ questions ("sure" lines only)

The evaluation sets are only measured on, never trained on. Reported per set: in-scope
top-1 accuracy, in-scope messages wrongly rejected, out-of-scope recall; per model:
training time, predict latency p50/p95 (one call at a time), artefact size and the
memory the loaded model takes (tracemalloc). The baseline is TF-IDF word 1-2 + char_wb
2-5 with logistic regression and a 0.3 probability threshold for out of scope.

Examples::

    .venv/bin/python bench/nlu.py
    .venv/bin/python bench/nlu.py --json
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gembot.nlu import OUT_OF_SCOPE, Example, load, train  # noqa: E402

BASELINE_THRESHOLD = 0.3


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it waited for (training folds)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def load_training(root: Path) -> tuple[list[Example], list[str]]:
    examples: list[Example] = []
    for path in sorted((root / "content" / "base").glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:  # a file still being written
            print(f"skipped {path.name}: {error}", file=sys.stderr)
            continue
        if isinstance(data, dict) and data.get("id") and data.get("examples"):
            examples += [Example(str(text), str(data["id"])) for text in data["examples"]]
    oos_path = root / "content" / "nlu" / "out-of-scope.yml"
    oos = yaml.safe_load(oos_path.read_text(encoding="utf-8")) if oos_path.exists() else {}
    return examples, [str(s) for s in (oos or {}).get("sentences", [])]


def load_rows(path: Path, *, sure_only: bool = False) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if sure_only:
        rows = [r for r in rows if r.get("confidence") == "sure"]
    return rows


def eval_sets(root: Path, shared: Path) -> dict[str, list[dict[str, Any]]]:
    sets = {}
    candidates = [
        ("heldout", root / "eval" / "heldout.jsonl", False),
        ("fresh", root / "eval" / "fresh.jsonl", False),
        ("final", root / "eval" / "final.jsonl", False),
        ("sample", shared / "eval" / "sample.jsonl", False),
        ("policyqa-sure", shared / "eval" / "policyqa_labelled.jsonl", True),
    ]
    for name, path, sure in candidates:
        if path.exists():
            sets[name] = load_rows(path, sure_only=sure)
    return sets


class Baseline:
    """TF-IDF word 1-2 + char_wb 2-5, logistic regression, threshold 0.3."""

    def __init__(self, examples: Sequence[Example], oos: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        texts = [e.text for e in examples] + list(oos)
        labels = [e.topic for e in examples] + [OUT_OF_SCOPE] * len(oos)
        self.pipeline = make_pipeline(
            make_union(
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            ),
            LogisticRegression(C=10, max_iter=1000),
        )
        self.pipeline.fit(texts, labels)
        self.classes = list(self.pipeline.classes_)

    def predict(self, text: str) -> str:
        p = self.pipeline.predict_proba([text])[0]
        best = int(np.argmax(p))
        if self.classes[best] == OUT_OF_SCOPE or p[best] < BASELINE_THRESHOLD:
            return OUT_OF_SCOPE
        return self.classes[best]


def measure(predict: Callable[[str], str], rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    latencies, by_kind = [], defaultdict(lambda: [0, 0])
    in_total = in_right = in_rejected = oos_total = oos_right = 0
    for row in rows:
        started = time.perf_counter()
        topic = predict(str(row["text"]))
        latencies.append((time.perf_counter() - started) * 1000)
        expected = row["expected_topic"]
        if expected == OUT_OF_SCOPE:
            oos_total += 1
            oos_right += topic == OUT_OF_SCOPE
        else:
            in_total += 1
            in_right += topic == expected
            in_rejected += topic == OUT_OF_SCOPE
        kind = by_kind[str(row.get("kind", "-"))]
        kind[0] += 1
        kind[1] += topic == expected
    return {
        "n": len(rows),
        "in_scope_accuracy": round(in_right / in_total, 4) if in_total else None,
        "in_scope_rejected": round(in_rejected / in_total, 4) if in_total else None,
        "out_of_scope_recall": round(oos_right / oos_total, 4) if oos_total else None,
        "latency_ms": {
            "p50": round(float(np.percentile(latencies, 50)), 3),
            "p95": round(float(np.percentile(latencies, 95)), 3),
        },
        "accuracy_by_kind": {k: round(v[1] / v[0], 3) for k, v in sorted(by_kind.items())},
    }


def traced(func: Callable[[], Any]) -> tuple[Any, float, float]:
    """Run func under tracemalloc: (result, MB still held after, peak MB)."""
    gc.collect()
    tracemalloc.start()
    result = func()
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, current / 2**20, peak / 2**20


def run(root: Path, shared: Path) -> dict[str, Any]:
    examples, oos = load_training(root)
    sets = eval_sets(root, shared)
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "training": {
            "examples": len(examples),
            "topics": len({e.topic for e in examples}),
            "out_of_scope": len(oos),
        },
        "models": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        started, cpu = time.perf_counter(), cpu_seconds()
        model = train(examples, out_of_scope=oos, seed=0)
        train_s, train_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        path = model.save(Path(tmp) / "nlu.npz")
        loaded, held, _ = traced(lambda: load(path))
        loaded.predict("warming up: paspoort verlengen")

        def gem_topic(text: str) -> str:
            return loaded.predict(text).topic

        results["models"]["gem"] = {
            "train_s": round(train_s, 2),
            "train_cpu_s": round(train_cpu, 2),
            "artefact_mb": round(path.stat().st_size / 2**20, 2),
            "loaded_mb": round(held, 1),
            "threshold": model.calibration.threshold,
            "cross_validation": model.calibration.cv,
            "sets": {name: measure(gem_topic, rows) for name, rows in sets.items()},
        }
        del model
        started, cpu = time.perf_counter(), cpu_seconds()
        baseline = Baseline(examples, oos)
        train_s, train_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        size = len(pickle.dumps(baseline.pipeline))  # size only; never loaded back
        baseline.predict("warming up: paspoort verlengen")
        results["models"]["baseline"] = {
            "train_s": round(train_s, 2),
            "train_cpu_s": round(train_cpu, 2),
            "artefact_mb": round(size / 2**20, 2),
            "loaded_mb": None,
            "threshold": BASELINE_THRESHOLD,
            "sets": {name: measure(baseline.predict, rows) for name, rows in sets.items()},
        }
        _, held, _ = traced(lambda: pickle.loads(pickle.dumps(baseline.pipeline)))  # noqa: S301
        results["models"]["baseline"]["loaded_mb"] = round(held, 1)
    return results


def markdown(results: dict[str, Any]) -> str:
    t = results["training"]
    lines = [
        f"Training data: {t['examples']} examples of {t['topics']} topics, "
        f"{t['out_of_scope']} out-of-scope sentences. Machine: {results['machine']}.",
        "",
        "| model | eval set | n | in-scope top-1 | in-scope rejected | out-of-scope recall "
        "| p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    for name, model in results["models"].items():
        for set_name, m in model["sets"].items():
            lines.append(
                f"| {name} | {set_name} | {m['n']} | {fmt(m['in_scope_accuracy'])} "
                f"| {fmt(m['in_scope_rejected'])} | {fmt(m['out_of_scope_recall'])} "
                f"| {m['latency_ms']['p50']} | {m['latency_ms']['p95']} |"
            )
    lines += [
        "",
        "| model | train s (wall) | train s (CPU) | artefact MB | loaded model MB "
        "| out-of-scope threshold |",
        "|---|---|---|---|---|---|",
    ]
    for name, model in results["models"].items():
        lines.append(
            f"| {name} | {model['train_s']} | {model['train_cpu_s']} | {model['artefact_mb']} "
            f"| {model['loaded_mb']} | {model['threshold']} |"
        )
    kinds = {
        (set_name, kind)
        for model in results["models"].values()
        for set_name, m in model["sets"].items()
        for kind in m["accuracy_by_kind"]
        if kind != "-"
    }
    if kinds:
        lines += [
            "",
            "| eval set | kind | " + " | ".join(results["models"]) + " |",
            "|---|---|" + "---|" * len(results["models"]),
        ]
        for set_name, kind in sorted(kinds):
            cells = [
                fmt(model["sets"][set_name]["accuracy_by_kind"].get(kind))
                for model in results["models"].values()
            ]
            lines.append(f"| {set_name} | {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder"
    )
    args = parser.parse_args(argv)
    results = run(args.root, args.shared)
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
