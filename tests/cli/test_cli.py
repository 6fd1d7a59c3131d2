"""The `gembot` command as a new user runs it, on a fresh SQLite database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GEMBOT = str(Path(sys.executable).with_name("gembot"))


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("gem-cli")
    env = dict(os.environ)
    env["GEM_DATA_DIR"] = str(data)
    env["DATABASE_URL"] = f"sqlite:///{data / 'cli.sqlite3'}"
    env.pop("REDIS_URL", None)
    return env


def gembot(env, *args, stdin: str | None = None, timeout: int = 300):
    return subprocess.run(
        [GEMBOT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=timeout
    )


def test_help_lists_commands():
    result = subprocess.run([GEMBOT, "--help"], capture_output=True, text=True, check=True)
    for command in ("serve", "chat", "classify", "migrate", "manage"):
        assert f"  {command}" in result.stdout


@pytest.mark.parametrize("command", ["serve", "chat", "migrate"])
def test_every_command_has_help(command):
    result = subprocess.run([GEMBOT, command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert f"usage: gembot {command}" in result.stdout


def test_unknown_command_exits_2():
    result = subprocess.run([GEMBOT, "fly"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "onbekend commando" in result.stderr


def test_migrate_prepares_a_fresh_database(fresh_env):
    result = gembot(fresh_env, "migrate")
    assert result.returncode == 0, result.stderr
    assert "342" in result.stdout
    again = gembot(fresh_env, "migrate")
    assert again.returncode == 0
    assert "342 nieuw" not in again.stdout  # idempotent: nothing loaded twice


def test_migrate_retrains_the_model_only_when_the_examples_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", content)
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update(
        GEM_DATA_DIR=str(tmp_path / "data"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'retrain.sqlite3'}",
        GEM_CONTENT_DIR=str(content),
    )
    first = gembot(env, "migrate")
    assert first.returncode == 0, first.stderr
    assert "Taalmodel klaar" in first.stdout
    unchanged = gembot(env, "migrate")
    assert unchanged.returncode == 0, unchanged.stderr
    assert "Database klaar" in unchanged.stdout
    assert "Taalmodel" not in unchanged.stdout

    # A new release of the answer library brings a new example question; the
    # administrator imports it (migrate never overwrites what editors changed).
    topic_file = content / "base" / "paspoort.yml"
    text = topic_file.read_text(encoding="utf-8")
    topic_file.write_text(
        text.replace("examples:\n", "examples:\n  - reispas voor de vakantie regelen\n", 1),
        encoding="utf-8",
    )
    imported = gembot(env, "content", "import")
    assert imported.returncode == 0, imported.stderr
    changed = gembot(env, "migrate")
    assert changed.returncode == 0, changed.stderr
    assert "Taalmodel klaar" in changed.stdout


def test_chat_in_the_terminal(fresh_env):
    result = gembot(fresh_env, "chat", "--municipality", "tilburg", stdin="hallo\nstop\n")
    assert result.returncode == 0, result.stderr
    assert "gem> Hallo, ik ben Gem, de digitale assistent van de gemeente Tilburg" in result.stdout
    assert "u> hallo" in result.stdout


def test_chat_with_unknown_municipality_fails_clearly(fresh_env):
    result = gembot(fresh_env, "chat", "--municipality", "atlantis", stdin="")
    assert result.returncode != 0
    assert "Onbekende gemeente" in result.stderr


def test_manage_reaches_django_commands(fresh_env):
    result = gembot(fresh_env, "manage", "showmigrations", "tenants")
    assert result.returncode == 0
    assert "[X] 0001_initial" in result.stdout
