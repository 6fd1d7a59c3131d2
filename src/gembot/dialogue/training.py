"""Train the national NLU model from the content in the database."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from django import db
from django.conf import settings

from gembot import nlu
from gembot.content import training as content_training
from gembot.dialogue.recognition import model_path, recogniser, signing_key


@dataclass(frozen=True)
class TrainReport:
    topics: int
    examples: int
    out_of_scope: int
    seconds: float
    path: Path


def out_of_scope_sentences() -> list[str]:
    """Shipped general sentences no topic covers (content/nlu/out-of-scope.yml)."""
    path = Path(settings.GEM_CONTENT_DIR) / "nlu" / "out-of-scope.yml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(sentence) for sentence in data.get("sentences", [])]


def national_examples() -> list[nlu.Example]:
    return [nlu.Example(text, topic) for text, topic in content_training.training_examples()]


def current_data_hash() -> str:
    """The training data hash of the content in the database right now."""
    return nlu.training_data_hash(national_examples(), out_of_scope_sentences())


def train_model(progress: Callable[[str, float], None] | None = None) -> TrainReport:
    started = time.perf_counter()
    examples = national_examples()
    out_of_scope = out_of_scope_sentences()
    # Training forks worker processes: they must not share this process's open database
    # connections. Django opens a new one when it is next needed.
    db.connections.close_all()
    model = nlu.train(examples, out_of_scope=out_of_scope, progress=progress)
    path = model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.new.npz")
    written = model.save(temporary, key=signing_key())
    written.replace(path)  # atomic: running servers never read a half-written file
    recogniser.reset()
    return TrainReport(
        topics=len({e.topic for e in examples}),
        examples=len(examples),
        out_of_scope=len(out_of_scope),
        seconds=round(time.perf_counter() - started, 2),
        path=path,
    )
