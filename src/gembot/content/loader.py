"""Load the YAML content folder into the database (idempotent), and write it back.

``import_content`` updates rows in place: importing the same folder twice changes nothing
and writes no audit entries the second time. A file with schema errors is skipped as a whole
and reported; the rest is still imported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from gembot.content.actions import (
    delete_content,
    save_answer,
    save_disabled_topic,
    save_local_variable,
    save_tailoring_question,
    save_topic,
    save_variable_definition,
    set_examples,
)
from gembot.content.catalogue import catalogue, upl_uri
from gembot.content.exporter import ExportReport, export_content
from gembot.content.files import SourceFile, read_tree
from gembot.content.models import (
    Answer,
    ContentChange,
    DisabledTopic,
    ExampleQuestion,
    LocalVariable,
    TailoringQuestion,
    Topic,
    VariableDefinition,
)
from gembot.content.schema import (
    MunicipalitySpec,
    Texts,
    TopicSpec,
    parse_municipality,
    parse_topic,
    parse_variables,
)
from gembot.tenants.models import Municipality

__all__ = [
    "ExportReport",
    "ImportReport",
    "ensure_content_loaded",
    "export_content",
    "import_content",
]

VIA = "import"


class ImportProblem(Exception):
    """Content that cannot be imported; reported for its file, the import goes on."""


@dataclass
class ImportReport:
    directory: str
    files: int = 0
    topics: int = 0
    municipalities: int = 0
    changes: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed(self) -> int:
        return sum(self.changes.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "directory": self.directory,
            "ok": self.ok,
            "files": self.files,
            "topics": self.topics,
            "municipalities": self.municipalities,
            "changes": self.changes,
            "errors": self.errors,
        }


def import_content(directory: Path | str | None = None, *, actor: Any = None) -> ImportReport:
    """Load ``directory`` (default ``settings.GEM_CONTENT_DIR``) into the database."""
    directory = Path(directory or settings.GEM_CONTENT_DIR)
    tree = read_tree(directory)
    report = ImportReport(directory=str(directory))
    if tree.variables is None and not tree.topics and not tree.municipalities:
        report.errors.append(
            f"{directory}: geen inhoud gevonden (variables.yml, base/, municipalities/)."
        )
        return report
    start = ContentChange.objects.aggregate(last=Max("id"))["last"] or 0
    with transaction.atomic():
        if tree.variables is not None:
            _import_file(tree.variables, report, lambda data: _variables(data, actor))
        for source in tree.topics:
            _import_file(source, report, lambda data, s=source: _topic_file(s, data, actor))
        if tree.municipalities and not Municipality.objects.exists():
            from gembot.tenants.actions import sync_municipalities

            sync_municipalities()
        for source in tree.municipalities:
            _import_file(source, report, lambda data, s=source: _municipality_file(s, data, actor))
    report.topics = sum(1 for source in tree.topics if source.error is None)
    report.municipalities = len(tree.municipalities)
    counts = Counter(
        f"{model.split('.')[-1]}:{action}"
        for model, action in ContentChange.objects.filter(id__gt=start).values_list(
            "model", "action"
        )
    )
    report.changes = dict(sorted(counts.items()))
    return report


def ensure_content_loaded(directory: Path | str | None = None) -> ImportReport | None:
    """Import the shipped content when the database has no topics yet; else do nothing."""
    if Topic.objects.exists():
        return None
    return import_content(directory)


def _import_file(source: SourceFile, report: ImportReport, load: Any) -> None:
    report.files += 1
    if source.error:
        report.errors.append(f"{source.path}: {source.error}")
        return
    try:
        with transaction.atomic():
            problems = load(source.data) or []
    except (ImportProblem, ValidationError, IntegrityError) as error:
        message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        report.errors.append(f"{source.path}: {message} (bestand overgeslagen)")
        return
    report.errors.extend(f"{source.path}: {problem}" for problem in problems)


def _schema_errors(problems: list[str]) -> None:
    if problems:
        raise ImportProblem("; ".join(problems))


# --- variables.yml --------------------------------------------------------------------------


def _variables(data: Any, actor: Any) -> list[str]:
    specs, problems = parse_variables(data)
    _schema_errors(problems)
    existing = {definition.name: definition for definition in VariableDefinition.objects.all()}
    for position, spec in enumerate(specs or []):
        definition = existing.pop(spec.name, None) or VariableDefinition(name=spec.name)
        definition.kind = spec.kind
        definition.description = spec.description
        definition.fallback = spec.fallback
        definition.fallback_en = spec.fallback_en
        definition.derived = spec.derived
        definition.position = position
        save_variable_definition(definition, actor=actor, via=VIA)
    for definition in existing.values():
        delete_content(definition, actor=actor, via=VIA)
    return []


# --- base/<topic>.yml -----------------------------------------------------------------------


def _topic_file(source: SourceFile, data: Any, actor: Any) -> list[str]:
    spec, problems = parse_topic(data)
    _schema_errors(problems)
    if spec.id != source.stem:
        raise ImportProblem(f"id '{spec.id}' moet gelijk zijn aan de bestandsnaam.")
    sync_topic(spec, None, actor)
    return []


def sync_topic(spec: TopicSpec, municipality: Municipality | None, actor: Any) -> Topic:
    """Create or update one topic with its examples, tailoring question and answers."""
    topic = Topic.objects.filter(key=spec.id).first()
    owner_id = municipality.pk if municipality else None
    if topic is not None and topic.municipality_id != owner_id:
        raise ImportProblem(
            f"onderwerp '{spec.id}' bestaat al elders (landelijk of bij een andere gemeente)."
        )
    topic = topic or Topic(key=spec.id)
    entry = catalogue().get(spec.id) if municipality is None else None
    upl = entry.upl if entry else (spec.upl or "")
    topic.title = spec.title
    topic.title_en = spec.title_en
    topic.upl_name = upl
    topic.upl_uri = upl_uri(upl)
    topic.owner = entry.owner if entry else (spec.owner or "gemeente")
    topic.scope = entry.scope if entry else (spec.scope or "")
    topic.is_national = municipality is None
    topic.municipality = municipality
    save_topic(topic, actor=actor, via=VIA)
    set_examples(topic, spec.examples, municipality=municipality, actor=actor, via=VIA)
    _sync_tailoring(topic, spec, actor)
    wanted = {("", ""): spec.answer}
    wanted.update({(aspect, ""): texts for aspect, texts in spec.aspects.items()})
    if spec.tailoring:
        wanted.update({("", option.value): option.answer for option in spec.tailoring.options})
    _sync_answers(topic, municipality, wanted, actor)
    return topic


def _sync_tailoring(topic: Topic, spec: TopicSpec, actor: Any) -> None:
    current = TailoringQuestion.objects.filter(topic=topic).first()
    if spec.tailoring is None:
        if current is not None:
            delete_content(current, actor=actor, via=VIA)
        return
    question = current or TailoringQuestion(topic=topic)
    question.slot = spec.tailoring.slot
    question.question_nl = spec.tailoring.question.nl
    question.question_en = spec.tailoring.question.en
    question.options = [
        {"value": option.value, "title_nl": option.title.nl, "title_en": option.title.en}
        for option in spec.tailoring.options
    ]
    save_tailoring_question(question, actor=actor, via=VIA)


def _sync_answers(
    topic: Topic,
    municipality: Municipality | None,
    wanted: dict[tuple[str, str], Texts],
    actor: Any,
) -> None:
    existing = {
        (answer.aspect, answer.variant): answer
        for answer in Answer.objects.filter(topic=topic, municipality=municipality)
    }
    for (aspect, variant), texts in wanted.items():
        answer = existing.pop((aspect, variant), None) or Answer(
            topic=topic, municipality=municipality, aspect=aspect, variant=variant
        )
        answer.text_nl = texts.nl
        answer.text_en = texts.en
        save_answer(answer, actor=actor, via=VIA)
    for answer in existing.values():
        delete_content(answer, actor=actor, via=VIA)


# --- municipalities/GMxxxx.yml --------------------------------------------------------------


def _municipality_file(source: SourceFile, data: Any, actor: Any) -> list[str]:
    spec, problems = parse_municipality(data)
    _schema_errors(problems)
    if spec.code != source.stem:
        raise ImportProblem(f"code '{spec.code}' moet gelijk zijn aan de bestandsnaam.")
    municipality = Municipality.objects.filter(code=spec.code).first()
    if municipality is None:
        raise ImportProblem(f"gemeente {spec.code} staat niet in het gemeenteregister.")
    problems = _local_variables(spec, municipality, actor)
    local_keys = set()
    for topic_spec in spec.topics:
        sync_topic(topic_spec, municipality, actor)
        local_keys.add(topic_spec.id)
    for topic in Topic.objects.filter(municipality=municipality).exclude(key__in=local_keys):
        delete_content(topic, actor=actor, via=VIA)
    national = {topic.key: topic for topic in Topic.objects.filter(is_national=True)}
    problems += _local_answers(spec, municipality, national, actor)
    problems += _local_examples(spec, municipality, national, actor)
    problems += _disabled(spec, municipality, national, actor)
    return problems


def _local_variables(spec: MunicipalitySpec, municipality: Municipality, actor: Any) -> list[str]:
    problems = []
    existing = {v.name: v for v in LocalVariable.objects.filter(municipality=municipality)}
    for name, value in spec.variables.items():
        variable = existing.pop(name, None) or LocalVariable(municipality=municipality, name=name)
        variable.value = value.value
        variable.source = value.source
        variable.verified_on = value.verified_on
        try:
            save_local_variable(variable, actor=actor, via=VIA)
        except ValidationError as error:
            problems.append(f"variables.{name}: {'; '.join(error.messages)}")
    for variable in existing.values():
        delete_content(variable, actor=actor, via=VIA)
    return problems


def _unknown(section: str, key: str) -> str:
    return f"{section}.{key}: onbekend landelijk onderwerp (overgeslagen)."


def _local_answers(
    spec: MunicipalitySpec, municipality: Municipality, national: dict[str, Topic], actor: Any
) -> list[str]:
    problems = []
    for key, local in spec.answers.items():
        if key not in national:
            problems.append(_unknown("answers", key))
            continue
        wanted = {("", ""): local.main} if local.main else {}
        wanted.update({(aspect, ""): texts for aspect, texts in local.aspects.items()})
        wanted.update({("", variant): texts for variant, texts in local.variants.items()})
        try:
            _sync_answers(national[key], municipality, wanted, actor)
        except ValidationError as error:
            problems.append(f"answers.{key}: {'; '.join(error.messages)}")
    stale = (
        Answer.objects.filter(municipality=municipality, topic__is_national=True)
        .exclude(topic__key__in=list(spec.answers))
        .select_related("topic")
    )
    for answer in stale:
        delete_content(answer, actor=actor, via=VIA)
    return problems


def _local_examples(
    spec: MunicipalitySpec, municipality: Municipality, national: dict[str, Topic], actor: Any
) -> list[str]:
    problems = []
    for key, texts in spec.examples.items():
        if key not in national:
            problems.append(_unknown("examples", key))
            continue
        set_examples(national[key], texts, municipality=municipality, actor=actor, via=VIA)
    stale_keys = set(
        ExampleQuestion.objects.filter(municipality=municipality, topic__is_national=True)
        .exclude(topic__key__in=list(spec.examples))
        .values_list("topic__key", flat=True)
    )
    for key in sorted(stale_keys):
        set_examples(national[key], [], municipality=municipality, actor=actor, via=VIA)
    return problems


def _disabled(
    spec: MunicipalitySpec, municipality: Municipality, national: dict[str, Topic], actor: Any
) -> list[str]:
    problems = []
    existing = {
        d.topic.key: d
        for d in DisabledTopic.objects.filter(municipality=municipality).select_related("topic")
    }
    for key, texts in spec.disabled.items():
        if key not in national:
            problems.append(_unknown("disabled", key))
            continue
        disabled = existing.pop(key, None) or DisabledTopic(
            municipality=municipality, topic=national[key]
        )
        disabled.explanation_nl = texts.nl
        disabled.explanation_en = texts.en
        save_disabled_topic(disabled, actor=actor, via=VIA)
    for disabled in existing.values():
        delete_content(disabled, actor=actor, via=VIA)
    return problems
