"""``content check``: everything that can be wrong with a content folder, without a database.

Errors make the check fail (exit code 1); warnings (unverified or stale local values, long
texts once fallbacks are filled in) are reported only.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from gembot.content.catalogue import NON_TOPIC_LABELS, catalogue
from gembot.content.checks.readability import MAX_SENTENCE_WORDS, measure
from gembot.content.checks.report import AnswerReadability, CheckReport, format_text
from gembot.content.files import read_tree
from gembot.content.rendering import template_problems, variable_names
from gembot.content.schema import (
    MunicipalitySpec,
    Texts,
    TopicSpec,
    parse_municipality,
    parse_topic,
    parse_variables,
)

__all__ = ["CheckReport", "check_content", "format_text", "normalise_example"]

MIN_EXAMPLES = 25
STALE_AFTER_DAYS = 365
HARD_CODED = re.compile(r"€\s?\d|\b0\d{2,3}[- ]?\d{6,7}\b|\b14\s?0\d{2,3}\b")


def normalise_example(text: str) -> str:
    """Lower case, punctuation removed, whitespace collapsed: how duplicates are compared."""
    text = "".join(
        " " if unicodedata.category(character).startswith("P") else character
        for character in text.lower()
    )
    return " ".join(text.split())


class _Checker:
    def __init__(self, directory: Path, today: datetime.date):
        self.directory = directory
        self.today = today
        self.report = CheckReport(directory=str(directory))
        self.known: set[str] = set()
        self.derived: set[str] = set()
        self.fallbacks: dict[str, str] = {}
        # normalised example -> {(topic, municipality code or "")}
        self.national_examples: dict[str, set[str]] = defaultdict(set)
        self.topic_ids: set[str] = set()
        self.options: dict[str, set[str]] = {}

    # --- templates and texts ----------------------------------------------------------------

    def texts(self, file: str, topic: str, part: str, texts: Texts, *, base: bool) -> None:
        for language, template in (("nl", texts.nl), ("en", texts.en)):
            where = f"{part}.{language}"
            for problem in template_problems(template):
                self.report.error("template", file, f"{topic} {where}: {problem}")
            for name in variable_names(template):
                if self.known and name not in self.known and re.match(r"^[a-z]", name):
                    self.report.error(
                        "unknown-variable",
                        file,
                        f"{topic} {where}: {{{{ {name} }}}} staat niet in variables.yml.",
                    )
            if base and HARD_CODED.search(template):
                self.report.warning(
                    "hard-coded",
                    file,
                    f"{topic} {where}: een bedrag of telefoonnummer hoort in een variabele.",
                )
        if texts.nl:
            self.b1(file, topic, part, texts.nl)

    def b1(self, file: str, topic: str, part: str, template: str) -> None:
        result = measure(template)
        self.report.readability.append(AnswerReadability(file, topic, part, result))
        if not result.ok:
            self.report.error(
                "b1",
                file,
                f"{topic} {part}: gemiddeld "
                f"{result.average_words:.1f} woorden per zin, langste zin "
                f"{result.longest_sentence} woorden (max 15 gemiddeld, 25 per zin).",
            )
            return
        filled = measure(template, self.fallbacks)
        if filled.longest_sentence > MAX_SENTENCE_WORDS:
            self.report.warning(
                "b1-fallback",
                file,
                f"{topic} {part}: met de standaardteksten "
                f"ingevuld wordt een zin {filled.longest_sentence} woorden.",
            )

    # --- topics -------------------------------------------------------------------------------

    def topic(self, file: str, spec: TopicSpec, *, base: bool) -> None:
        count = len(spec.examples)
        self.report.examples += count
        if count < MIN_EXAMPLES:
            self.report.error(
                "too-few-examples",
                file,
                f"{spec.id}: {count} voorbeeldvragen; minimaal {MIN_EXAMPLES}.",
            )
        self.texts(file, spec.id, "answer", spec.answer, base=base)
        for aspect, texts in spec.aspects.items():
            self.texts(file, spec.id, f"aspects.{aspect}", texts, base=base)
        if spec.tailoring:
            self.texts(file, spec.id, "tailoring.question", spec.tailoring.question, base=base)
            for option in spec.tailoring.options:
                self.texts(file, spec.id, f"tailoring.{option.value}", option.answer, base=base)

    def catalogue_match(self, file: str, spec: TopicSpec) -> None:
        entry = catalogue().get(spec.id)
        if entry is None:
            self.report.error("unknown-topic", file, f"'{spec.id}' staat niet in de catalogus.")
            return
        if spec.title != entry.title:
            self.report.warning(
                "title", file, f"titel '{spec.title}' wijkt af van de catalogus ('{entry.title}')."
            )
        for key, expected in (("upl", entry.upl), ("owner", entry.owner)):
            value = getattr(spec, key)
            if value is not None and value != expected:
                self.report.error(
                    "catalogue", file, f"{key} '{value}' wijkt af van de catalogus ('{expected}')."
                )

    def examples_of(
        self, file: str, key: str, examples: list[str], index: dict[str, set[str]]
    ) -> None:
        seen: set[str] = set()
        for text in examples:
            norm = normalise_example(text)
            if norm in seen:
                self.report.error(
                    "duplicate-example", file, f"{key}: '{text}' staat er twee keer in."
                )
            seen.add(norm)
            index[norm].add(key)

    def duplicates(
        self,
        file: str,
        index: dict[str, set[str]],
        own: set[str] | None = None,
    ) -> None:
        for norm, keys in sorted(index.items()):
            if len(keys) > 1 and (own is None or norm in own):
                self.report.error(
                    "duplicate-example",
                    file,
                    f"'{norm}' staat bij meer dan één onderwerp: {', '.join(sorted(keys))}.",
                )

    # --- files --------------------------------------------------------------------------------

    def variables(self) -> None:
        tree_variables = self.tree.variables
        if tree_variables is None:
            self.report.error("missing-file", "variables.yml", "variables.yml ontbreekt.")
            return
        if tree_variables.error:
            self.report.error("yaml", tree_variables.path, tree_variables.error)
            return
        specs, problems = parse_variables(tree_variables.data)
        for problem in problems:
            self.report.error("schema", tree_variables.path, problem)
        for spec in specs or []:
            self.known.add(spec.name)
            self.fallbacks[spec.name] = spec.fallback
            if spec.derived:
                self.derived.add(spec.name)

    def base_topics(self) -> None:
        found: set[str] = set()
        for source in self.tree.topics:
            if source.error:
                self.report.error("yaml", source.path, source.error)
                found.add(source.stem)
                continue
            spec, problems = parse_topic(source.data)
            for problem in problems:
                self.report.error("schema", source.path, problem)
            if spec is None:
                found.add(source.stem)
                continue
            found.add(spec.id)
            self.report.topics += 1
            if spec.id != source.stem:
                self.report.error(
                    "schema", source.path, f"id '{spec.id}' moet gelijk zijn aan de bestandsnaam."
                )
            self.catalogue_match(source.path, spec)
            if spec.tailoring:
                self.options[spec.id] = {option.value for option in spec.tailoring.options}
            self.topic(source.path, spec, base=True)
            self.examples_of(source.path, spec.id, spec.examples, self.national_examples)
        self.topic_ids = found | set(catalogue())
        for topic_id in catalogue():
            if topic_id not in found and topic_id not in NON_TOPIC_LABELS:
                self.report.error(
                    "missing-topic",
                    f"base/{topic_id}.yml",
                    f"catalogusonderwerp '{topic_id}' heeft geen bestand.",
                )
        self.duplicates("base/", self.national_examples)

    def municipality(
        self, file: str, spec: MunicipalitySpec, register: set[str], local_ids: dict[str, str]
    ) -> None:
        if spec.code not in register:
            self.report.error(
                "unknown-municipality", file, f"{spec.code} staat niet in het gemeenteregister."
            )
        if Path(file).stem != spec.code:
            self.report.error(
                "schema", file, f"code '{spec.code}' moet gelijk zijn aan de bestandsnaam."
            )
        unverified: list[str] = []
        for name, value in spec.variables.items():
            if self.known and name not in self.known:
                self.report.error(
                    "unknown-variable", file, f"variables.{name} staat niet in variables.yml."
                )
            elif name in self.derived:
                self.report.warning(
                    "derived-variable",
                    file,
                    f"variables.{name} komt uit het "
                    "gemeenteregister; deze waarde wordt niet gebruikt.",
                )
            if value.verified_on is None:
                unverified.append(name)
            elif (self.today - value.verified_on).days > STALE_AFTER_DAYS:
                self.report.warning(
                    "stale",
                    file,
                    f"variables.{name} is voor het laatst "
                    f"gecontroleerd op {value.verified_on.isoformat()}.",
                )
            elif value.verified_on > self.today:
                self.report.warning(
                    "stale",
                    file,
                    f"variables.{name}: controledatum "
                    f"{value.verified_on.isoformat()} ligt in de toekomst.",
                )
        if unverified:
            self.report.warning(
                "unverified",
                file,
                f"{len(unverified)} waarden niet "
                f"geverifieerd (verified_on: null): {', '.join(unverified)}.",
            )
        own_index: dict[str, set[str]] = defaultdict(set)
        for topic in spec.topics:
            if topic.id in self.topic_ids:
                self.report.error(
                    "unknown-topic",
                    file,
                    f"lokaal onderwerp '{topic.id}' gebruikt een id uit de catalogus.",
                )
            if topic.id in local_ids:
                self.report.error(
                    "unknown-topic",
                    file,
                    f"lokaal onderwerp '{topic.id}' staat ook in {local_ids[topic.id]}.",
                )
            local_ids[topic.id] = file
            if not topic.id.startswith(f"local-{spec.code.lower()}-"):
                self.report.warning(
                    "local-id",
                    file,
                    f"noem lokaal onderwerp '{topic.id}' liever local-{spec.code.lower()}-...",
                )
            self.topic(file, topic, base=False)
            self.examples_of(file, topic.id, topic.examples, own_index)
        for section in ("answers", "examples", "disabled"):
            for key in getattr(spec, section):
                if key not in self.topic_ids:
                    self.report.error(
                        "unknown-topic", file, f"{section}.{key}: onbekend landelijk onderwerp."
                    )
        for key, local in spec.answers.items():
            if local.main:
                self.texts(file, key, f"answers.{key}", local.main, base=False)
            for aspect, texts in local.aspects.items():
                self.texts(file, key, f"answers.{key}.{aspect}", texts, base=False)
            for variant, texts in local.variants.items():
                if variant not in self.options.get(key, set()):
                    self.report.error(
                        "schema",
                        file,
                        f"answers.{key}.variants.{variant}: geen "
                        "keuze van de doorvraag van dit onderwerp.",
                    )
                self.texts(file, key, f"answers.{key}.{variant}", texts, base=False)
        for key, texts in spec.disabled.items():
            self.texts(file, key, f"disabled.{key}", texts, base=False)
        for key, examples in spec.examples.items():
            self.report.examples += len(examples)
            self.examples_of(file, key, examples, own_index)
        merged: dict[str, set[str]] = defaultdict(set)
        for index in (self.national_examples, own_index):
            for norm, keys in index.items():
                merged[norm] |= keys
        self.duplicates(file, merged, own=set(own_index))

    def municipalities(self) -> None:
        from gembot.tenants.actions import read_register

        register = {row["gm_code"] for row in read_register()}
        local_ids: dict[str, str] = {}
        for source in self.tree.municipalities:
            if source.error:
                self.report.error("yaml", source.path, source.error)
                continue
            spec, problems = parse_municipality(source.data)
            for problem in problems:
                self.report.error("schema", source.path, problem)
            if spec is not None:
                self.report.municipalities += 1
                self.municipality(source.path, spec, register, local_ids)

    def run(self) -> CheckReport:
        self.tree = read_tree(self.directory)
        if not self.directory.is_dir():
            self.report.error("missing-file", str(self.directory), "map bestaat niet.")
            return self.report
        for path in self.tree.ignored:
            self.report.warning("ignored", path, "geen .yml-bestand; wordt genegeerd.")
        self.variables()
        self.base_topics()
        self.municipalities()
        return self.report


def check_content(directory: Path | str, *, today: datetime.date | None = None) -> CheckReport:
    """Check a content folder (variables.yml, base/, municipalities/)."""
    today = today or datetime.date.today()  # noqa: DTZ011 - a calendar date is meant
    return _Checker(Path(directory), today).run()
