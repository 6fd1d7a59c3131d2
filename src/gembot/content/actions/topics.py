"""Writes to topics, answers, example questions, tailoring questions and switched-off topics."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gembot.content.actions.audit import record_change
from gembot.content.actions.base import delete_instance, save_instance
from gembot.content.language import guess_language
from gembot.content.models import (
    Answer,
    DisabledTopic,
    ExampleQuestion,
    TailoringQuestion,
    Topic,
)
from gembot.tenants.models import Municipality


def save_topic(topic: Topic, *, actor: Any = None, via: str = "admin") -> Topic:
    return save_instance(topic, actor=actor, via=via)


def save_answer(answer: Answer, *, actor: Any = None, via: str = "admin") -> Answer:
    return save_instance(answer, actor=actor, via=via)


def save_example(
    example: ExampleQuestion, *, actor: Any = None, via: str = "admin"
) -> ExampleQuestion:
    example.text = (example.text or "").strip()
    if example.pk is None and example.language in ("", "nl"):
        example.language = guess_language(example.text)  # the form's default is Dutch
    return save_instance(example, actor=actor, via=via)


def save_tailoring_question(
    question: TailoringQuestion, *, actor: Any = None, via: str = "admin"
) -> TailoringQuestion:
    return save_instance(question, actor=actor, via=via)


def save_disabled_topic(
    disabled: DisabledTopic, *, actor: Any = None, via: str = "admin"
) -> DisabledTopic:
    return save_instance(disabled, actor=actor, via=via)


def delete_content(instance: Any, *, actor: Any = None, via: str = "admin") -> None:
    """Delete any content row (a topic takes its answers and examples with it)."""
    delete_instance(instance, actor=actor, via=via)


def disable_topic(
    municipality: Municipality,
    topic: Topic,
    explanation_nl: str,
    explanation_en: str = "",
    *,
    actor: Any = None,
    via: str = "admin",
) -> DisabledTopic:
    """Switch ``topic`` off for ``municipality``; Gem then gives the explanation instead."""
    disabled = DisabledTopic.objects.filter(municipality=municipality, topic=topic).first()
    disabled = disabled or DisabledTopic(municipality=municipality, topic=topic)
    disabled.explanation_nl = explanation_nl
    disabled.explanation_en = explanation_en
    return save_disabled_topic(disabled, actor=actor, via=via)


def enable_topic(
    municipality: Municipality, topic: Topic, *, actor: Any = None, via: str = "admin"
) -> bool:
    """Switch ``topic`` back on; False when it was not switched off."""
    disabled = DisabledTopic.objects.filter(municipality=municipality, topic=topic).first()
    if disabled is None:
        return False
    delete_content(disabled, actor=actor, via=via)
    return True


def set_examples(
    topic: Topic,
    texts: list[str],
    *,
    municipality: Municipality | None = None,
    actor: Any = None,
    via: str = "import",
) -> dict[str, list[str]]:
    """Make ``texts`` the example questions of ``topic`` (national, or of ``municipality``).

    Keeps the order given, drops duplicates, and records one audit entry listing what was
    added and removed. Returns that list.
    """
    wanted: dict[str, int] = {}
    for text in texts:
        text = (text or "").strip()
        if text and text not in wanted:
            wanted[text] = len(wanted)
    with transaction.atomic():
        existing = {
            example.text: example
            for example in ExampleQuestion.objects.filter(topic=topic, municipality=municipality)
        }
        removed = [text for text in existing if text not in wanted]
        added = [text for text in wanted if text not in existing]
        moved = [
            example
            for text, example in existing.items()
            if text in wanted and example.position != wanted[text]
        ]
        if removed:
            ExampleQuestion.objects.filter(
                topic=topic, municipality=municipality, text__in=removed
            ).delete()
        ExampleQuestion.objects.bulk_create(
            [
                ExampleQuestion(
                    topic=topic,
                    municipality=municipality,
                    text=text,
                    language=guess_language(text),
                    position=wanted[text],
                )
                for text in added
            ]
        )
        for example in moved:
            example.position = wanted[example.text]
        ExampleQuestion.objects.bulk_update(moved, ["position"])
        changes = {"added": added, "removed": removed}
        if added or removed or moved:
            record_change(
                action="update",
                instance=topic,
                model=ExampleQuestion._meta.label_lower,
                changes={**changes, "reordered": bool(moved)},
                actor=actor,
                via=via,
                municipality_id=municipality.pk if municipality else None,
                object_repr=f"voorbeeldvragen {topic.key}"
                + (f" ({municipality.name})" if municipality else ""),
            )
    return changes
