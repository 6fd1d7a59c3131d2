"""Every YAML conversation test in this folder runs through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from gembot.dialogue.stories import load_stories, run_story

HERE = Path(__file__).resolve().parent
STORIES = [story for path in sorted(HERE.glob("*.yml")) for story in load_stories(path)]


def test_there_are_at_least_60_conversation_tests():
    assert len(STORIES) >= 60


@pytest.mark.django_db
@pytest.mark.parametrize(
    "story", STORIES, ids=[f"{Path(s['_source']).stem}:{s['name']}" for s in STORIES]
)
def test_story(story):
    result = run_story(story)
    assert result.passed, result.report()
