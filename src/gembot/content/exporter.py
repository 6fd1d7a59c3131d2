"""Write the database content back as the YAML folder layout, deterministically.

Key order is fixed, lists keep their stored order, multi-line strings become literal blocks:
export -> import -> export gives byte-identical files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gembot.content.constants import ASPECTS
from gembot.content.files import (
    BASE_DIR,
    MUNICIPALITIES_DIR,
    VARIABLES_FILE,
    dump_yaml,
    write_text,
)
from gembot.content.models import (
    Answer,
    DisabledTopic,
    ExampleQuestion,
    LocalVariable,
    TailoringQuestion,
    Topic,
    VariableDefinition,
)
from gembot.tenants.models import Municipality

VARIABLES_HEADER = (
    "# Catalogue of the variables that answers may use, as {{ name }} in a template.\n"
    "# Written by `gembot content export`; see docs/content-format.md.\n"
    "#\n"
    "# kind: text | money | phone | url | email | hours | address\n"
    "\n"
)


@dataclass
class ExportReport:
    directory: str
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"directory": self.directory, "written": self.written, "unchanged": self.unchanged}


def _block(text: str) -> str:
    """Multi-line texts end with a newline, so they are written as ``|`` blocks."""
    return f"{text}\n" if "\n" in text and not text.endswith("\n") else text


def _texts(nl: str, en: str) -> dict[str, str]:
    return {"nl": _block(nl), "en": _block(en)} if en else {"nl": _block(nl)}


class _Library:
    """All content rows, loaded in a handful of queries and grouped for writing."""

    def __init__(self) -> None:
        self.examples: dict[tuple[int, int | None], list[str]] = defaultdict(list)
        for topic_id, municipality_id, text in ExampleQuestion.objects.order_by(
            "position", "id"
        ).values_list("topic_id", "municipality_id", "text"):
            self.examples[(topic_id, municipality_id)].append(text)
        self.answers: dict[tuple[int, int | None], dict[tuple[str, str], Answer]] = defaultdict(
            dict
        )
        for answer in Answer.objects.all():
            self.answers[(answer.topic_id, answer.municipality_id)][
                (answer.aspect, answer.variant)
            ] = answer
        self.tailoring = {q.topic_id: q for q in TailoringQuestion.objects.all()}

    def topic(self, topic: Topic) -> dict[str, Any]:
        data: dict[str, Any] = {"id": topic.key, "title": topic.title}
        if topic.title_en:
            data["title_en"] = topic.title_en
        if not topic.is_national:
            if topic.upl_name:
                data["upl"] = topic.upl_name
            if topic.owner and topic.owner != "gemeente":
                data["owner"] = topic.owner
            if topic.scope:
                data["scope"] = topic.scope
        data["examples"] = list(self.examples.get((topic.pk, topic.municipality_id), []))
        answers = self.answers.get((topic.pk, topic.municipality_id), {})
        main = answers.get(("", ""))
        data["answer"] = _texts(main.text_nl, main.text_en) if main else {"nl": ""}
        aspects = {
            aspect: _texts(answers[(aspect, "")].text_nl, answers[(aspect, "")].text_en)
            for aspect in ASPECTS
            if (aspect, "") in answers
        }
        if aspects:
            data["aspects"] = aspects
        question = self.tailoring.get(topic.pk)
        if question is not None:
            data["tailoring"] = self._tailoring(question, answers)
        return data

    @staticmethod
    def _tailoring(question: TailoringQuestion, answers: dict) -> dict[str, Any]:
        options = []
        for option in question.options:
            answer = answers.get(("", option.get("value", "")))
            options.append(
                {
                    "value": option.get("value", ""),
                    "title": _texts(option.get("title_nl", ""), option.get("title_en", "")),
                    "answer": _texts(answer.text_nl, answer.text_en) if answer else {"nl": ""},
                }
            )
        return {
            "slot": question.slot,
            "question": _texts(question.question_nl, question.question_en),
            "options": options,
        }

    def local_answers(self, municipality: Municipality, topics: list[Topic]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for topic in topics:
            answers = self.answers.get((topic.pk, municipality.pk))
            if not answers:
                continue
            entry: dict[str, Any] = {}
            main = answers.get(("", ""))
            if main:
                entry.update(_texts(main.text_nl, main.text_en))
            aspects = {
                aspect: _texts(answers[(aspect, "")].text_nl, answers[(aspect, "")].text_en)
                for aspect in ASPECTS
                if (aspect, "") in answers
            }
            if aspects:
                entry["aspects"] = aspects
            variants = {
                variant: _texts(answer.text_nl, answer.text_en)
                for (aspect, variant), answer in sorted(answers.items())
                if variant and not aspect
            }
            if variants:
                entry["variants"] = variants
            result[topic.key] = entry
        return result


def _variables_file() -> str:
    variables: dict[str, Any] = {}
    for definition in VariableDefinition.objects.order_by("position", "name"):
        entry: dict[str, Any] = {"kind": definition.kind}
        if definition.derived:
            entry["derived"] = True
        entry["description"] = definition.description
        entry["fallback"] = definition.fallback
        if definition.fallback_en:
            entry["fallback_en"] = definition.fallback_en
        variables[definition.name] = entry
    return dump_yaml({"version": 1, "variables": variables}, header=VARIABLES_HEADER)


def _municipality_file(
    library: _Library, municipality: Municipality, national: list[Topic]
) -> str | None:
    order = {
        name: index
        for index, name in enumerate(
            VariableDefinition.objects.order_by("position", "name").values_list("name", flat=True)
        )
    }
    values = sorted(
        LocalVariable.objects.filter(municipality=municipality),
        key=lambda v: (order.get(v.name, len(order)), v.name),
    )
    data: dict[str, Any] = {"code": municipality.code}
    if values:
        data["variables"] = {
            v.name: {"value": v.value, "source": v.source, "verified_on": v.verified_on}
            for v in values
        }
    answers = library.local_answers(municipality, national)
    if answers:
        data["answers"] = answers
    examples = {
        topic.key: library.examples[(topic.pk, municipality.pk)]
        for topic in national
        if library.examples.get((topic.pk, municipality.pk))
    }
    if examples:
        data["examples"] = examples
    disabled = {
        d.topic.key: _texts(d.explanation_nl, d.explanation_en)
        for d in DisabledTopic.objects.filter(municipality=municipality)
        .select_related("topic")
        .order_by("topic__key")
    }
    if disabled:
        data["disabled"] = disabled
    local_topics = Topic.objects.filter(municipality=municipality).order_by("key")
    if local_topics:
        data["topics"] = [library.topic(topic) for topic in local_topics]
    return dump_yaml(data) if len(data) > 1 else None


def _municipalities_with_content() -> list[Municipality]:
    ids: set[int] = set()
    for model in (LocalVariable, Answer, ExampleQuestion, DisabledTopic, Topic):
        ids.update(
            model.objects.exclude(municipality=None)
            .values_list("municipality_id", flat=True)
            .distinct()
        )
    return list(Municipality.objects.filter(pk__in=ids).order_by("code"))


def export_content(directory: Path | str) -> ExportReport:
    """Write variables.yml, base/<topic>.yml and municipalities/<code>.yml into ``directory``."""
    directory = Path(directory)
    report = ExportReport(directory=str(directory))
    library = _Library()
    files: dict[str, str] = {VARIABLES_FILE: _variables_file()}
    national = list(Topic.objects.filter(is_national=True).order_by("key"))
    for topic in national:
        files[f"{BASE_DIR}/{topic.key}.yml"] = dump_yaml(library.topic(topic))
    for municipality in _municipalities_with_content():
        text = _municipality_file(library, municipality, national)
        if text is not None:
            files[f"{MUNICIPALITIES_DIR}/{municipality.code}.yml"] = text
    for relative, text in files.items():
        written = write_text(directory / relative, text)
        (report.written if written else report.unchanged).append(relative)
    return report
