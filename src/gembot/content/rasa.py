"""Move topics and example questions to and from Rasa's training data format.

Teams that run Rasa (the most common open-source base of government assistants) can take
Gem's national examples to Rasa (`gembot export rasa DIR`), and bring their own Rasa NLU
data into Gem (`gembot import rasa DIR`): examples of intents whose name is a Gem topic are
added as national example questions; other intents are reported, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from gembot.content.actions.topics import save_example
from gembot.content.answers import get_answer
from gembot.content.models import ExampleQuestion, Topic

RASA_VERSION = "3.1"
OUT_OF_SCOPE_INTENT = "out_of_scope"
RASA_CONFIG = {
    "recipe": "default.v1",
    "language": "nl",
    "assistant_id": "gem",
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "CountVectorsFeaturizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4},
        {"name": "DIETClassifier", "epochs": 100},
        {"name": "FallbackClassifier", "threshold": 0.3},
    ],
    "policies": [{"name": "RulePolicy"}],
}


class RasaDataError(ValueError):
    """The folder does not hold Rasa NLU data Gem can read."""


def _literal_block(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, _literal_block)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def export_rasa(directory: Path, out_of_scope: list[str] | None = None) -> dict[str, int]:
    """Write ``nlu.yml``, ``domain.yml`` and ``config.yml`` for Rasa 3 into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    topics = list(Topic.objects.filter(is_national=True).order_by("key"))
    examples: dict[str, list[str]] = {topic.key: [] for topic in topics}
    for text, key in (
        ExampleQuestion.objects.filter(municipality=None, topic__in=topics)
        .order_by("topic__key", "position", "id")
        .values_list("text", "topic__key")
    ):
        examples[key].append(" ".join(text.split()))
    nlu = [
        {"intent": key, "examples": "".join(f"- {text}\n" for text in texts)}
        for key, texts in examples.items()
        if texts
    ]
    if out_of_scope:
        nlu.append(
            {
                "intent": OUT_OF_SCOPE_INTENT,
                "examples": "".join(f"- {' '.join(s.split())}\n" for s in out_of_scope),
            }
        )
    (directory / "nlu.yml").write_text(
        _dump({"version": RASA_VERSION, "nlu": nlu}), encoding="utf-8"
    )
    responses = {
        f"utter_{topic.key}": [{"text": get_answer(topic.key, None).text}] for topic in topics
    }
    intents = [item["intent"] for item in nlu]
    domain = {"version": RASA_VERSION, "intents": intents, "responses": responses}
    (directory / "domain.yml").write_text(_dump(domain), encoding="utf-8")
    (directory / "config.yml").write_text(_dump(RASA_CONFIG), encoding="utf-8")
    return {
        "intents": len(intents),
        "examples": sum(len(t) for t in examples.values()),
        "out_of_scope": len(out_of_scope or []),
    }


@dataclass
class RasaImport:
    added: int = 0
    already_known: int = 0
    unknown_intents: dict[str, int] = field(default_factory=dict)
    files: int = 0


def _nlu_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    candidates = sorted(directory.glob("*.yml")) + sorted(directory.glob("data/**/*.yml"))
    return [
        path
        for path in candidates
        if path.name not in {"domain.yml", "config.yml", "endpoints.yml", "credentials.yml"}
    ]


def _examples_of(item: dict) -> list[str]:
    raw = item.get("examples") or ""
    if isinstance(raw, list):  # some exports write a list instead of a block
        return [str(line).strip() for line in raw if str(line).strip()]
    lines = [line.strip() for line in str(raw).splitlines()]
    return [line[2:].strip() for line in lines if line.startswith("- ") and line[2:].strip()]


def read_rasa(directory: Path) -> tuple[dict[str, list[str]], int]:
    """Intent -> examples from every Rasa NLU file in ``directory``."""
    if not directory.exists():
        raise RasaDataError(f"Map of bestand niet gevonden: {directory}")
    intents: dict[str, list[str]] = {}
    files = 0
    for path in _nlu_files(directory):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise RasaDataError(f"{path}: geen geldige YAML ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("nlu"), list):
            continue
        files += 1
        for item in data["nlu"]:
            if isinstance(item, dict) and "intent" in item:
                intents.setdefault(str(item["intent"]), []).extend(_examples_of(item))
    if not files:
        raise RasaDataError(f"Geen Rasa NLU-gegevens (een 'nlu:'-lijst) gevonden in {directory}")
    return intents, files


@transaction.atomic
def import_rasa(directory: Path, *, actor: object = None) -> RasaImport:
    """Add the examples of intents that are Gem topics as national example questions."""
    intents, files = read_rasa(directory)
    result = RasaImport(files=files)
    topics = {topic.key: topic for topic in Topic.objects.filter(is_national=True)}
    known = set(ExampleQuestion.objects.filter(municipality=None).values_list("topic__key", "text"))
    for intent, texts in intents.items():
        topic = topics.get(intent)
        if topic is None:
            result.unknown_intents[intent] = len(texts)
            continue
        for text in texts:
            if (intent, text) in known:
                result.already_known += 1
                continue
            save_example(ExampleQuestion(topic=topic, text=text), actor=actor, via="rasa-import")
            known.add((intent, text))
            result.added += 1
    return result
