"""gembot content check: fails on broken content, passes on good content."""

from __future__ import annotations

import json
from io import StringIO

import yaml
from django.core.management import CommandError, call_command

from .conftest import edit_yaml


def check(directory) -> tuple[bool, dict]:
    out = StringIO()
    try:
        call_command("content", "check", str(directory), "--json", stdout=out)
        passed = True
    except CommandError:
        passed = False
    return passed, json.loads(out.getvalue())


def codes(report: dict, severity: str = "error") -> set[str]:
    return {p["code"] for p in report["problems"] if p["severity"] == severity}


def test_good_content_passes(good_content):
    passed, report = check(good_content)
    assert passed, report["problems"]
    assert report["ok"] is True
    # The unverified phone number is reported, but does not fail the check.
    assert codes(report, "warning") == {"unverified"}


def test_readable_report(good_content):
    out = StringIO()
    call_command("content", "check", str(good_content), stdout=out)
    text = out.getvalue()
    assert "GOED / PASSED" in text
    assert "B1-rapport" in text
    assert "niet geverifieerd" in text


def test_duplicate_example_across_topics_fails(good_content):
    edit_yaml(
        good_content / "base" / "paspoort.yml",
        lambda data: data["examples"].append("Vraag 3 over identiteitskaart?"),
    )
    passed, report = check(good_content)
    assert not passed
    assert "duplicate-example" in codes(report)


def test_unknown_variable_fails(good_content):
    edit_yaml(
        good_content / "base" / "grofvuil.yml",
        lambda data: data["answer"].update(nl="Het kost {{ tarief.onbekend }}."),
    )
    passed, report = check(good_content)
    assert not passed
    assert "unknown-variable" in codes(report)


def test_missing_topic_fails(good_content):
    (good_content / "base" / "digid.yml").unlink()
    passed, report = check(good_content)
    assert not passed
    assert any(p["code"] == "missing-topic" and "digid" in p["message"] for p in report["problems"])


def test_unknown_topic_fails(good_content):
    (good_content / "base" / "ufo.yml").write_text(
        yaml.safe_dump(
            {"id": "ufo", "title": "Ufo", "examples": ["ufo"], "answer": {"nl": "Nee."}}
        ),
        "utf-8",
    )
    passed, report = check(good_content)
    assert not passed
    assert "unknown-topic" in codes(report)


def test_too_long_sentence_fails(good_content):
    long_sentence = " ".join(["woord"] * 30) + "."
    edit_yaml(
        good_content / "base" / "bijstand.yml", lambda data: data["answer"].update(nl=long_sentence)
    )
    passed, report = check(good_content)
    assert not passed
    assert "b1" in codes(report)
    row = next(r for r in report["readability"] if r["topic"] == "bijstand")
    assert row["longest_sentence"] == 30 and row["ok"] is False


def test_schema_problems_fail(good_content):
    edit_yaml(good_content / "base" / "wmo.yml", lambda data: data["answer"].pop("nl"))
    passed, report = check(good_content)
    assert not passed
    assert "schema" in codes(report)  # missing answer.nl
    (good_content / "base" / "wmo.yml").write_text("id: wmo\nexamples: [", "utf-8")
    assert "yaml" in codes(check(good_content)[1])


def test_too_few_examples_fails(good_content):
    edit_yaml(
        good_content / "base" / "wmo.yml", lambda data: data.update(examples=data["examples"][:24])
    )
    passed, report = check(good_content)
    assert not passed
    assert "too-few-examples" in codes(report)


def test_stale_value_warns_only(good_content):
    edit_yaml(
        good_content / "municipalities" / "GM0855.yml",
        lambda data: data["variables"]["gemeente.telefoon"].update(verified_on="2020-01-01"),
    )
    passed, report = check(good_content)
    assert passed
    assert "stale" in codes(report, "warning")


def test_the_nlu_folder_is_not_content(good_content):
    (good_content / "nlu").mkdir()
    (good_content / "nlu" / "out-of-scope.yml").write_text("examples: [weer]\n", "utf-8")
    assert check(good_content)[0]
