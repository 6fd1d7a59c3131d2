"""Example questions as training data for the recogniser (gembot.nlu knows no Django)."""

from __future__ import annotations

from django.db.models import Q

from gembot.content.models import ExampleQuestion
from gembot.tenants.models import Municipality


def training_examples(municipality: Municipality | None = None) -> list[tuple[str, str]]:
    """``(text, topic key)`` pairs: every national example of a national topic, plus, given a
    municipality, its own extra examples and its local topics' examples."""
    condition = Q(municipality=None, topic__is_national=True)
    if municipality is not None:
        condition |= Q(municipality=municipality)
    rows = (
        ExampleQuestion.objects.filter(condition)
        .order_by("topic__key", "municipality_id", "position", "id")
        .values_list("text", "topic__key")
    )
    return [(text, key) for text, key in rows]


def local_examples(municipality: Municipality) -> list[tuple[str, str]]:
    """Only ``municipality``'s own examples: extra examples for national topics and the
    examples of its local topics (the recogniser's per-municipality overlay)."""
    rows = (
        ExampleQuestion.objects.filter(municipality=municipality)
        .order_by("topic__key", "position", "id")
        .values_list("text", "topic__key")
    )
    return [(text, key) for text, key in rows]
