"""The result of ``content check``: problems, the B1 table, and how to print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gembot.content.checks.readability import (
    MAX_AVERAGE_WORDS,
    MAX_SENTENCE_WORDS,
    Readability,
)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    file: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "message": self.message,
        }


@dataclass(frozen=True)
class AnswerReadability:
    file: str
    topic: str
    part: str
    readability: Readability

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "topic": self.topic,
            "part": self.part,
            **self.readability.as_dict(),
        }


@dataclass
class CheckReport:
    directory: str
    problems: list[Problem] = field(default_factory=list)
    readability: list[AnswerReadability] = field(default_factory=list)
    topics: int = 0
    municipalities: int = 0
    examples: int = 0

    def error(self, code: str, file: str, message: str) -> None:
        self.problems.append(Problem(ERROR, code, file, message))

    def warning(self, code: str, file: str, message: str) -> None:
        self.problems.append(Problem(WARNING, code, file, message))

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def codes(self) -> set[str]:
        return {problem.code for problem in self.problems}

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "directory": self.directory,
            "counts": {
                "topics": self.topics,
                "municipalities": self.municipalities,
                "examples": self.examples,
                "errors": len(self.errors),
                "warnings": len(self.warnings),
            },
            "problems": [problem.as_dict() for problem in self.problems],
            "readability": [item.as_dict() for item in self.readability],
        }


def _problem_lines(title: str, problems: list[Problem]) -> list[str]:
    if not problems:
        return []
    lines = ["", f"{title} ({len(problems)})"]
    for problem in sorted(problems, key=lambda p: (p.file, p.code, p.message)):
        lines.append(f"  {problem.file or '-'}  [{problem.code}]  {problem.message}")
    return lines


def format_text(report: CheckReport, *, verbose: bool = False) -> str:
    """A report for people: problems first, then the B1 table (only failing rows unless
    ``verbose``), then the verdict."""
    lines = [
        f"Inhoudscontrole / content check: {report.directory}",
        f"  {report.topics} onderwerpen/topics, {report.municipalities} gemeenten/"
        f"municipalities, {report.examples} voorbeeldvragen/examples",
    ]
    lines += _problem_lines("FOUTEN / ERRORS", report.errors)
    lines += _problem_lines("WAARSCHUWINGEN / WARNINGS", report.warnings)
    rows = [item for item in report.readability if verbose or not item.readability.ok]
    measured = report.readability
    if measured:
        average = sum(i.readability.average_words for i in measured) / len(measured)
        lines += [
            "",
            f"B1-rapport / B1 report: {len(measured)} antwoorden/answers, gemiddeld/average "
            f"{average:.1f} woorden per zin/words per sentence (max {MAX_AVERAGE_WORDS} "
            f"gemiddeld, {MAX_SENTENCE_WORDS} per zin), "
            f"{sum(1 for i in measured if not i.readability.ok)} te lang/too long",
        ]
        if rows:
            lines.append(
                f"  {'onderwerp/topic':<34}{'deel/part':<24}{'zinnen':>7}{'gem.':>7}"
                f"{'max':>5}  lange woorden/long words"
            )
        for item in rows:
            r = item.readability
            flag = "" if r.ok else "  <-- te lang/too long"
            long_words = ", ".join(r.long_words[:4]) + (" ..." if len(r.long_words) > 4 else "")
            lines.append(
                f"  {item.topic:<34}{item.part:<24}{r.sentences:>7}"
                f"{r.average_words:>7.1f}{r.longest_sentence:>5}  "
                f"{len(r.long_words)} {long_words}{flag}"
            )
    verdict = "GOED / PASSED" if report.ok else "AFGEKEURD / FAILED"
    lines += [
        "",
        f"Resultaat / result: {verdict} ({len(report.errors)} fouten/errors, "
        f"{len(report.warnings)} waarschuwingen/warnings)",
    ]
    return "\n".join(lines)
