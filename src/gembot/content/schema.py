"""The YAML content format (docs/content-format.md) as typed specs, with schema problems.

``parse_*`` never raise on bad content: they return a spec (None when the file is unusable)
and a list of problems in Dutch, each prefixed with where in the file it is.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from gembot.content.constants import ASPECTS, KINDS

TOPIC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VARIABLE_NAME = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")
MUNICIPALITY_CODE = re.compile(r"^GM\d{4}$")
TOPIC_KEYS = {
    "id",
    "title",
    "title_en",
    "upl",
    "owner",
    "scope",
    "examples",
    "answer",
    "aspects",
    "tailoring",
}
MUNICIPALITY_KEYS = {"code", "variables", "answers", "examples", "disabled", "topics"}
LOCAL_ANSWER_KEYS = {"nl", "en", "aspects", "variants"}


@dataclass
class Texts:
    nl: str
    en: str = ""


@dataclass
class OptionSpec:
    value: str
    title: Texts
    answer: Texts


@dataclass
class TailoringSpec:
    slot: str
    question: Texts
    options: list[OptionSpec]


@dataclass
class TopicSpec:
    id: str
    title: str
    examples: list[str]
    answer: Texts
    title_en: str = ""
    upl: str | None = None
    owner: str | None = None
    scope: str | None = None
    aspects: dict[str, Texts] = field(default_factory=dict)
    tailoring: TailoringSpec | None = None


@dataclass
class VariableSpec:
    name: str
    kind: str
    fallback: str
    description: str = ""
    fallback_en: str = ""
    derived: bool = False


@dataclass
class LocalValueSpec:
    value: str
    source: str = ""
    verified_on: datetime.date | None = None


@dataclass
class LocalAnswerSpec:
    main: Texts | None
    aspects: dict[str, Texts] = field(default_factory=dict)
    variants: dict[str, Texts] = field(default_factory=dict)


@dataclass
class MunicipalitySpec:
    code: str
    variables: dict[str, LocalValueSpec] = field(default_factory=dict)
    answers: dict[str, LocalAnswerSpec] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    disabled: dict[str, Texts] = field(default_factory=dict)
    topics: list[TopicSpec] = field(default_factory=list)


class _Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}" if where else message)


def _text(value: Any, where: str, problems: _Problems, *, required: bool = True) -> str:
    if value is None or value == "":
        if required:
            problems.add(where, "ontbreekt.")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.add(where, "moet tekst zijn.")
        return ""
    return str(value).strip()


def _texts(value: Any, where: str, problems: _Problems, *, nl_required: bool = True) -> Texts:
    """``{nl: ..., en: ...}``; a plain string counts as Dutch."""
    if isinstance(value, str):
        value = {"nl": value}
    if not isinstance(value, dict):
        problems.add(where, "verwacht {nl: ..., en: ...}.")
        return Texts(nl="")
    for key in set(value) - {"nl", "en"}:
        problems.add(f"{where}.{key}", "onbekende taal (alleen nl en en).")
    return Texts(
        nl=_text(value.get("nl"), f"{where}.nl", problems, required=nl_required),
        en=_text(value.get("en"), f"{where}.en", problems, required=False),
    )


def _examples(value: Any, where: str, problems: _Problems) -> list[str]:
    if not isinstance(value, list):
        problems.add(where, "verwacht een lijst met voorbeeldvragen.")
        return []
    texts = []
    for index, item in enumerate(value):
        usable = isinstance(item, str | int | float) and not isinstance(item, bool)
        if not usable or not str(item).strip():
            problems.add(f"{where}[{index}]", "moet een niet-lege tekst zijn.")
            continue
        texts.append(str(item).strip())
    return texts


def _aspects(value: Any, where: str, problems: _Problems) -> dict[str, Texts]:
    if not isinstance(value, dict):
        problems.add(where, "verwacht per deelvraag {nl: ..., en: ...}.")
        return {}
    aspects = {}
    for name, texts in value.items():
        if name not in ASPECTS:
            problems.add(f"{where}.{name}", f"onbekende deelvraag (kies uit {', '.join(ASPECTS)}).")
            continue
        aspects[name] = _texts(texts, f"{where}.{name}", problems)
    return aspects


def _tailoring(value: Any, where: str, problems: _Problems) -> TailoringSpec | None:
    if not isinstance(value, dict):
        problems.add(where, "verwacht slot, question en options.")
        return None
    slot = _text(value.get("slot"), f"{where}.slot", problems)
    if slot and not VARIABLE_NAME.match(slot):
        problems.add(f"{where}.slot", "gebruik kleine letters, cijfers en _.")
    question = _texts(value.get("question"), f"{where}.question", problems)
    options: list[OptionSpec] = []
    raw_options = value.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        problems.add(f"{where}.options", "geef minstens twee keuzes.")
        raw_options = raw_options if isinstance(raw_options, list) else []
    for index, option in enumerate(raw_options):
        at = f"{where}.options[{index}]"
        if not isinstance(option, dict):
            problems.add(at, "verwacht value, title en answer.")
            continue
        option_value = _text(option.get("value"), f"{at}.value", problems)
        if option_value and not TOPIC_ID.match(option_value.replace("_", "-")):
            problems.add(f"{at}.value", "gebruik kleine letters, cijfers, - en _.")
        if option_value in {o.value for o in options}:
            problems.add(f"{at}.value", f"'{option_value}' staat er twee keer in.")
        options.append(
            OptionSpec(
                value=option_value,
                title=_texts(option.get("title"), f"{at}.title", problems),
                answer=_texts(option.get("answer"), f"{at}.answer", problems),
            )
        )
    return TailoringSpec(slot=slot, question=question, options=options)


def parse_topic(data: Any, where: str = "") -> tuple[TopicSpec | None, list[str]]:
    """A topic file (or an entry of a municipality's ``topics:``)."""
    problems = _Problems()
    if not isinstance(data, dict):
        problems.add(where, "een onderwerp is een mapping met id, title, examples en answer.")
        return None, problems
    prefix = f"{where}." if where else ""
    for key in sorted(set(data) - TOPIC_KEYS):
        problems.add(f"{prefix}{key}", "onbekend veld.")
    topic_id = _text(data.get("id"), f"{prefix}id", problems)
    if topic_id and not TOPIC_ID.match(topic_id):
        problems.add(f"{prefix}id", "gebruik kleine letters, cijfers en streepjes.")
    spec = TopicSpec(
        id=topic_id,
        title=_text(data.get("title"), f"{prefix}title", problems),
        title_en=_text(data.get("title_en"), f"{prefix}title_en", problems, required=False),
        examples=_examples(data.get("examples"), f"{prefix}examples", problems),
        answer=_texts(data.get("answer"), f"{prefix}answer", problems),
    )
    for key in ("upl", "owner", "scope"):
        if data.get(key) is not None:
            setattr(spec, key, _text(data[key], f"{prefix}{key}", problems, required=False))
    if data.get("aspects") is not None:
        spec.aspects = _aspects(data["aspects"], f"{prefix}aspects", problems)
    if data.get("tailoring") is not None:
        spec.tailoring = _tailoring(data["tailoring"], f"{prefix}tailoring", problems)
    return (None if problems else spec), list(problems)


def parse_variables(data: Any) -> tuple[list[VariableSpec] | None, list[str]]:
    """``variables.yml``."""
    problems = _Problems()
    if not isinstance(data, dict) or not isinstance(data.get("variables"), dict):
        problems.add("", "verwacht 'variables:' met per naam kind, description en fallback.")
        return None, problems
    specs = []
    for name, item in data["variables"].items():
        at = f"variables.{name}"
        if not isinstance(name, str) or not VARIABLE_NAME.match(name):
            problems.add(at, "ongeldige naam (kleine letters, cijfers, _ en punten).")
            continue
        if not isinstance(item, dict):
            problems.add(at, "verwacht kind, description en fallback.")
            continue
        for key in sorted(
            set(item) - {"kind", "description", "fallback", "fallback_en", "derived"}
        ):
            problems.add(f"{at}.{key}", "onbekend veld.")
        kind = _text(item.get("kind"), f"{at}.kind", problems)
        if kind and kind not in KINDS:
            problems.add(f"{at}.kind", f"onbekende soort (kies uit {', '.join(KINDS)}).")
        derived = item.get("derived", False)
        if not isinstance(derived, bool):
            problems.add(f"{at}.derived", "moet true of false zijn.")
        specs.append(
            VariableSpec(
                name=name,
                kind=kind,
                fallback=_text(item.get("fallback"), f"{at}.fallback", problems),
                description=_text(
                    item.get("description"), f"{at}.description", problems, required=False
                ),
                fallback_en=_text(
                    item.get("fallback_en"), f"{at}.fallback_en", problems, required=False
                ),
                derived=derived is True,
            )
        )
    return (None if problems else specs), list(problems)


def _verified_on(value: Any, where: str, problems: _Problems) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        problems.add(where, "verwacht een datum als 2026-11-20, of null.")
        return None


def _local_values(value: Any, problems: _Problems) -> dict[str, LocalValueSpec]:
    if not isinstance(value, dict):
        problems.add("variables", "verwacht per naam {value, source, verified_on}.")
        return {}
    values = {}
    for name, item in value.items():
        at = f"variables.{name}"
        if not isinstance(item, dict):
            item = {"value": item}
        for key in sorted(set(item) - {"value", "source", "verified_on"}):
            problems.add(f"{at}.{key}", "onbekend veld.")
        values[str(name)] = LocalValueSpec(
            value=_text(item.get("value"), f"{at}.value", problems),
            source=_text(item.get("source"), f"{at}.source", problems, required=False),
            verified_on=_verified_on(item.get("verified_on"), f"{at}.verified_on", problems),
        )
    return values


def _local_answer(value: Any, where: str, problems: _Problems) -> LocalAnswerSpec:
    if isinstance(value, str):
        value = {"nl": value}
    if not isinstance(value, dict):
        problems.add(where, "verwacht {nl: ..., en: ...}.")
        return LocalAnswerSpec(main=None)
    for key in sorted(set(value) - LOCAL_ANSWER_KEYS):
        problems.add(f"{where}.{key}", "onbekend veld.")
    main_texts = {key: value[key] for key in ("nl", "en") if key in value}
    spec = LocalAnswerSpec(main=_texts(main_texts, where, problems) if main_texts else None)
    if value.get("aspects") is not None:
        spec.aspects = _aspects(value["aspects"], f"{where}.aspects", problems)
    variants = value.get("variants")
    if isinstance(variants, dict):
        spec.variants = {
            str(name): _texts(texts, f"{where}.variants.{name}", problems)
            for name, texts in variants.items()
        }
    elif variants is not None:
        problems.add(f"{where}.variants", "verwacht per keuze {nl: ..., en: ...}.")
    if spec.main is None and not spec.aspects and not spec.variants:
        problems.add(where, "leeg lokaal antwoord.")
    return spec


def _mapping(data: dict, key: str, problems: _Problems) -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(key, "verwacht een mapping per onderwerp.")
        return {}
    return value


def parse_municipality(data: Any) -> tuple[MunicipalitySpec | None, list[str]]:
    """``municipalities/GMxxxx.yml``."""
    problems = _Problems()
    if not isinstance(data, dict):
        problems.add("", "verwacht een mapping met code, variables, answers, ...")
        return None, problems
    for key in sorted(set(data) - MUNICIPALITY_KEYS):
        problems.add(key, "onbekend veld.")
    code = _text(data.get("code"), "code", problems)
    if code and not MUNICIPALITY_CODE.match(code):
        problems.add("code", "verwacht een CBS-code als GM0855.")
    spec = MunicipalitySpec(code=code)
    if data.get("variables") is not None:
        spec.variables = _local_values(data["variables"], problems)
    spec.answers = {
        str(key): _local_answer(value, f"answers.{key}", problems)
        for key, value in _mapping(data, "answers", problems).items()
    }
    spec.examples = {
        str(key): _examples(value, f"examples.{key}", problems)
        for key, value in _mapping(data, "examples", problems).items()
    }
    spec.disabled = {
        str(key): _texts(value, f"disabled.{key}", problems)
        for key, value in _mapping(data, "disabled", problems).items()
    }
    topics = data.get("topics")
    if topics is not None and not isinstance(topics, list):
        problems.add("topics", "verwacht een lijst met onderwerpen.")
    for index, item in enumerate(topics if isinstance(topics, list) else []):
        topic, topic_problems = parse_topic(item, f"topics[{index}]")
        problems.extend(topic_problems)
        if topic is not None:
            spec.topics.append(topic)
    return (None if problems else spec), list(problems)
