"""Evaluation sets are only measured on: no training sentence may equal one of their lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EVAL_FILES = [
    ROOT / "eval" / "heldout.jsonl",
    ROOT / "eval" / "fresh.jsonl",
    ROOT / "eval" / "final.jsonl",
    ROOT.parent / "shared" / "eval" / "sample.jsonl",
    ROOT.parent / "shared" / "eval" / "policyqa_labelled.jsonl",
]


def normalised(text: object) -> str:
    return " ".join(re.findall(r"\w+", str(text).lower()))


def training_sentences() -> dict[str, str]:
    found = {}
    for path in sorted((ROOT / "content" / "base").glob("*.yml")):
        for example in yaml.safe_load(path.read_text(encoding="utf-8"))["examples"]:
            found[normalised(example)] = path.name
    out_of_scope = ROOT / "content" / "nlu" / "out-of-scope.yml"
    for sentence in yaml.safe_load(out_of_scope.read_text(encoding="utf-8"))["sentences"]:
        found[normalised(sentence)] = out_of_scope.name
    return found


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.name)
def test_no_training_sentence_is_an_evaluation_line(path):
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is laid beside the checkout on CI)")
    training = training_sentences()
    lines = [
        json.loads(line)["text"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    leaked = [(text, training[normalised(text)]) for text in lines if normalised(text) in training]
    assert not leaked, f"training data contains evaluation lines: {leaked[:10]}"
