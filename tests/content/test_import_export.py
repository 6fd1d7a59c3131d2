"""gembot content import / export: idempotent, in place, and round-trip stable."""

from __future__ import annotations

import filecmp

import pytest
from django.core.management import CommandError, call_command

from gembot.content.answers import get_answer
from gembot.content.catalogue import catalogue
from gembot.content.loader import ensure_content_loaded, export_content, import_content
from gembot.content.models import (
    Answer,
    ContentChange,
    ExampleQuestion,
    LocalVariable,
    Topic,
)
from gembot.content.training import local_examples, training_examples

from .conftest import edit_yaml

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Topic, Answer, ExampleQuestion, LocalVariable)
    }


def test_shipped_content_is_loaded_with_every_catalogue_topic():
    keys = set(Topic.objects.filter(is_national=True).values_list("key", flat=True))
    assert set(catalogue()) <= keys


def test_reimport_changes_nothing(shipped_copy):
    import_content(shipped_copy)
    before, entries = counts(), ContentChange.objects.count()

    report = import_content(shipped_copy)

    assert report.changed == 0
    assert counts() == before
    assert ContentChange.objects.count() == entries


def test_import_updates_in_place(shipped_copy, tilburg):
    import_content(shipped_copy)
    before = counts()
    edit_yaml(
        shipped_copy / "municipalities" / "GM0855.yml",
        lambda data: data["variables"]["gemeente.telefoon"].update(value="14 999"),
    )

    report = import_content(shipped_copy)

    assert report.changes == {"localvariable:update": 1}
    assert counts() == before
    assert (
        LocalVariable.objects.get(municipality=tilburg, name="gemeente.telefoon").value == "14 999"
    )


def test_export_import_export_is_byte_identical(shipped_copy, tmp_path):
    import_content(shipped_copy)
    first, second = tmp_path / "first", tmp_path / "second"

    call_command("content", "export", str(first))
    call_command("content", "import", str(first))
    call_command("content", "export", str(second))

    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.yml"))
    assert len(files) >= 1 + len(catalogue())
    _match, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert sorted(p.relative_to(second).as_posix() for p in second.rglob("*.yml")) == files


def test_export_uses_literal_blocks_and_stable_order(shipped_copy, tmp_path):
    import_content(shipped_copy)
    export_content(tmp_path / "out")
    text = (tmp_path / "out" / "base" / "paspoort.yml").read_text("utf-8")
    assert text.startswith("id: paspoort\ntitle: ")
    assert "\n  nl: |\n" in text


def test_local_content_round_trips(shipped_copy, tmp_path, tilburg):
    edit_yaml(
        shipped_copy / "municipalities" / "GM0855.yml",
        lambda data: data.setdefault("answers", {}).update(
            paspoort={"aspects": {"kosten": {"nl": "In Tilburg betaalt u contant."}}}
        ),
    )
    edit_yaml(
        shipped_copy / "municipalities" / "GM0855.yml",
        lambda data: data.update(
            disabled={"hondenbelasting": {"nl": "{{ gemeente.naam }} heft geen hondenbelasting."}},
            topics=[
                {
                    "id": "local-gm0855-kermis",
                    "title": "Tilburgse kermis",
                    "examples": [f"kermis vraag {n}" for n in range(25)],
                    "answer": {"nl": "De kermis is in juli."},
                }
            ],
        ),
    )
    import_content(shipped_copy)
    assert get_answer("hondenbelasting", tilburg).text == "Tilburg heft geen hondenbelasting."
    assert get_answer("paspoort", tilburg, aspect="kosten").text == "In Tilburg betaalt u contant."
    assert get_answer("paspoort", tilburg).source == "national"
    assert get_answer("local-gm0855-kermis", tilburg).text == "De kermis is in juli."
    assert ("kermis vraag 3", "local-gm0855-kermis") in training_examples(tilburg)
    assert ("kermis vraag 3", "local-gm0855-kermis") not in training_examples()
    assert ("kermis vraag 3", "local-gm0855-kermis") in local_examples(tilburg)

    export_content(tmp_path / "out")
    exported = (tmp_path / "out" / "municipalities" / "GM0855.yml").read_text("utf-8")
    assert "local-gm0855-kermis" in exported and "hondenbelasting" in exported

    edit_yaml(
        shipped_copy / "municipalities" / "GM0855.yml",
        lambda data: (data.pop("disabled"), data.pop("topics")),
    )
    import_content(shipped_copy)
    assert get_answer("hondenbelasting", tilburg).source == "national"
    assert not Topic.objects.filter(key="local-gm0855-kermis").exists()


def test_broken_file_is_skipped_and_reported(shipped_copy):
    (shipped_copy / "base" / "paspoort.yml").write_text("id: paspoort\nexamples: [\n", "utf-8")

    with pytest.raises(CommandError, match="fouten"):
        call_command("content", "import", str(shipped_copy))
    assert import_content(shipped_copy).errors[0].startswith("base/paspoort.yml")


def test_ensure_content_loaded_is_a_no_op_with_content():
    assert ensure_content_loaded() is None


def test_training_examples_are_national_without_a_municipality():
    examples = training_examples()
    assert len(examples) >= 25 * len(catalogue())
    assert {topic for _text, topic in examples} >= set(catalogue())
