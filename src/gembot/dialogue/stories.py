"""Conversation tests: multi-turn stories in YAML, run through the real pipeline.

A story file holds a list of stories::

    - name: jongere krijgt het paspoorttarief voor minderjarigen
      municipality: GM0855        # CBS code or name
      language: nl                # optional, the language the conversation starts in
      today: 2026-11-28           # optional, the date Gem believes it is (Europe/Amsterdam)
      turns:
        - user: ik wil een paspoort
          bot:
            topic: paspoort                  # topic of Gem's answer
            outcome: asked_tailoring         # how the turn was handled (Turn.outcome)
            contains: ["18 jaar"]            # fragments that must appear (case-insensitive)
            not_contains: ["{{"]             # fragments that must not appear
            buttons: ["Jonger dan 18"]       # button titles that must be offered
            state: with_gem                  # conversation status afterwards
        - button: Jonger dan 18              # press a button of Gem's previous turn

Every story runs in a transaction that is rolled back, so nothing is left behind.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import yaml
from django.db import transaction

from gembot.conversations import actions
from gembot.conversations.models import Conversation, Message, Turn
from gembot.tenants.access import find_municipality

CHECKS = ("topic", "outcome", "contains", "not_contains", "buttons", "state")


@dataclass
class StoryResult:
    name: str
    source: str
    failures: list[str] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def report(self) -> str:
        lines = [f"FAIL {self.source}: {self.name}"]
        lines += [f"  - {failure}" for failure in self.failures]
        lines.append("  transcript:")
        lines += [f"    {line}" for line in self.transcript]
        return "\n".join(lines)


class StoryError(ValueError):
    """A story file that cannot be read."""


def load_stories(path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise StoryError(f"{path}: geen geldige YAML ({error})") from None
    if not isinstance(data, list):
        raise StoryError(f"{path}: verwacht een lijst met gesprekken")
    for index, story in enumerate(data):
        if not isinstance(story, dict) or "turns" not in story or "municipality" not in story:
            raise StoryError(f"{path}: gesprek {index + 1} mist 'municipality' of 'turns'")
        story.setdefault("name", f"gesprek {index + 1}")
        story["_source"] = str(path)
    return data


def story_files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found += sorted(path.glob("**/*.yml")) if path.is_dir() else [path]
    return found


class _Rollback(Exception):
    pass


def run_story(story: dict) -> StoryResult:
    result = StoryResult(story["name"], story.get("_source", ""))
    today = story.get("today")
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    patcher = (
        mock.patch("django.utils.timezone.localdate", return_value=today)
        if today
        else contextlib.nullcontext()
    )
    try:
        with patcher, transaction.atomic():
            _play(story, result)
            raise _Rollback
    except _Rollback:
        pass
    return result


def _play(story: dict, result: StoryResult) -> None:
    municipality = find_municipality(str(story["municipality"]))
    if municipality is None:
        result.failures.append(f"onbekende gemeente {story['municipality']!r}")
        return
    started = actions.start_conversation(municipality, language=story.get("language", "nl"))
    conversation = started.conversation
    previous: list[Message] = started.messages
    for message in started.messages:
        result.transcript.append(f"gem> {message.text}")
    for number, turn in enumerate(story["turns"], start=1):
        text = _turn_text(turn, previous, result, number)
        if text is None:
            return
        result.transcript.append(f"u>   {text}")
        replies = actions.handle_resident_message(conversation, text)
        for reply in replies:
            shown = f"gem> {reply.text}"
            if reply.buttons:
                shown += "  [" + " | ".join(b["title"] for b in reply.buttons) + "]"
            result.transcript.append(shown)
        _check(turn.get("bot") or {}, replies, conversation, result, number)
        previous = replies or previous


def _turn_text(turn: dict, previous: list[Message], result: StoryResult, number: int) -> str | None:
    if "user" in turn:
        return str(turn["user"])
    if "button" in turn:
        wanted = str(turn["button"]).lower()
        for message in previous:
            for button in message.buttons:
                if button["title"].lower() == wanted:
                    return button["payload"]
        offered = [b["title"] for m in previous for b in m.buttons]
        result.failures.append(
            f"beurt {number}: knop {turn['button']!r} niet aangeboden; wel: {offered}"
        )
        return None
    result.failures.append(f"beurt {number}: 'user' of 'button' ontbreekt")
    return None


def _check(
    expected: dict,
    replies: list[Message],
    conversation: Conversation,
    result: StoryResult,
    number: int,
) -> None:
    unknown = set(expected) - set(CHECKS)
    if unknown:
        result.failures.append(f"beurt {number}: onbekende controle(s) {sorted(unknown)}")
    text = "\n".join(reply.text for reply in replies)
    lowered = text.lower()
    topics = [reply.topic for reply in replies if reply.topic]
    if "topic" in expected and expected["topic"] not in topics:
        result.failures.append(
            f"beurt {number}: onderwerp verwacht {expected['topic']!r}, kreeg {topics or 'geen'}"
        )
    for fragment in _as_list(expected.get("contains")):
        if str(fragment).lower() not in lowered:
            result.failures.append(f"beurt {number}: tekst mist {fragment!r}")
    for fragment in _as_list(expected.get("not_contains")):
        if str(fragment).lower() in lowered:
            result.failures.append(f"beurt {number}: tekst bevat {fragment!r}")
    titles = [b["title"].lower() for reply in replies for b in reply.buttons]
    for title in _as_list(expected.get("buttons")):
        if str(title).lower() not in titles:
            result.failures.append(
                f"beurt {number}: knop {title!r} verwacht, kreeg {titles or 'geen'}"
            )
    if "state" in expected:
        conversation.refresh_from_db(fields=["status"])
        if conversation.status != expected["state"]:
            result.failures.append(
                f"beurt {number}: status verwacht {expected['state']!r}, "
                f"kreeg {conversation.status!r}"
            )
    if "outcome" in expected:
        turn = Turn.objects.filter(conversation=conversation).order_by("-id").first()
        actual = turn.outcome if turn else None
        if actual != expected["outcome"]:
            result.failures.append(
                f"beurt {number}: uitkomst verwacht {expected['outcome']!r}, kreeg {actual!r}"
            )


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
