from pathlib import Path

from gembot.core.management.commands.settings_table import settings_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_settings_table_in_docs_matches_code():
    assert (ROOT / "docs" / "settings.md").read_text() == settings_markdown(), (
        "docs/settings.md is out of date: run `make docs`"
    )
