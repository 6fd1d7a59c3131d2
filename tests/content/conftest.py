"""Fixtures for the content tests: municipalities, editors, and content folders on disk.

The session database already holds what `gembot migrate` loads (tests/conftest.py): the
municipality register and the shipped content of content/.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.contrib.auth.models import Group, User

from gembot.content import actions
from gembot.content.answers import clear_cache
from gembot.content.catalogue import catalogue
from gembot.content.models import Editor
from gembot.content.permissions import LOCAL_GROUP, NATIONAL_GROUP
from gembot.tenants.models import Municipality


@pytest.fixture(autouse=True)
def _fresh_answer_cache():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def tilburg(db) -> Municipality:
    return Municipality.objects.get(code="GM0855")


@pytest.fixture
def utrecht(db) -> Municipality:
    return Municipality.objects.get(code="GM0344")


@pytest.fixture
def groningen(db) -> Municipality:
    """A municipality without a content file of its own."""
    return Municipality.objects.get(code="GM0014")


@pytest.fixture
def make_editor(db) -> Callable[..., User]:
    def make(username: str, municipality: Municipality | None = None, national: bool = False):
        user = User.objects.create_user(username, password="geheim-wachtwoord", is_staff=True)
        group, _ = Group.objects.get_or_create(name=NATIONAL_GROUP if national else LOCAL_GROUP)
        user.groups.add(group)
        if municipality is not None:
            actions.save_editor(Editor(user=user, municipality=municipality))
        return user

    return make


@pytest.fixture
def shipped_copy(tmp_path) -> Path:
    """A private copy of the shipped content folder (content/)."""
    target = tmp_path / "content"
    shutil.copytree(settings.GEM_CONTENT_DIR, target)
    return target


def _topic(topic_id: str, title: str) -> dict:
    return {
        "id": topic_id,
        "title": title,
        "title_en": f"{title} (en)",
        "examples": [f"vraag {n} over {topic_id}" for n in range(1, 26)],
        "answer": {
            "nl": f"Dit is het antwoord over {title}.\nBel {{{{ gemeente.telefoon }}}}.\n",
            "en": f"This is the answer about {title}.\nCall {{{{ gemeente.telefoon }}}}.\n",
        },
    }


def write_yaml(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture
def good_content(tmp_path) -> Path:
    """A small content folder that passes `content check`: every catalogue topic, 25
    different examples each, short sentences, one municipality file."""
    root = tmp_path / "good"
    (root / "variables.yml").parent.mkdir(parents=True)
    (root / "variables.yml").write_text(
        textwrap.dedent("""\
            version: 1
            variables:
              gemeente.naam: {kind: text, derived: true, fallback: "uw gemeente"}
              gemeente.telefoon: {kind: phone, fallback: "14 en dan het netnummer"}
              tarief.paspoort_18plus: {kind: money, fallback: "het bedrag op de website"}
        """),
        "utf-8",
    )
    for topic_id, entry in catalogue().items():
        write_yaml(root / "base" / f"{topic_id}.yml", _topic(topic_id, entry.title))
    write_yaml(
        root / "municipalities" / "GM0855.yml",
        {
            "code": "GM0855",
            "variables": {
                "gemeente.telefoon": {
                    "value": "14 013",
                    "source": "https://www.tilburg.nl",
                    "verified_on": None,
                },
            },
            "examples": {"afvalkalender": ["wanneer komt de kliko in de reeshof"]},
        },
    )
    return root


def edit_yaml(path: Path, change: Callable[[dict], None]) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    write_yaml(path, data)
