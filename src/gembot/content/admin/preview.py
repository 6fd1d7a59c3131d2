"""The "Voorbeeld bekijken" page: a topic's answers as a resident of a municipality sees them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from gembot.content.answers import snapshot_for
from gembot.content.constants import ASPECTS
from gembot.content.markup import to_html
from gembot.content.models import Answer, TailoringQuestion, Topic
from gembot.content.permissions import editable_municipalities
from gembot.tenants.models import Municipality


def _municipality_choices(request: HttpRequest, topic: Topic) -> Any:
    if topic.municipality_id:
        return Municipality.objects.filter(pk=topic.municipality_id)
    editable = editable_municipalities(request.user)
    return Municipality.objects.order_by("name") if editable is None else editable


def preview_response(request: HttpRequest, topic: Topic, context: dict) -> HttpResponse:
    choices = _municipality_choices(request, topic)
    code = request.GET.get("gemeente", "")
    municipality = choices.filter(code=code.upper()).first() if code else None
    if municipality is None and (
        topic.municipality_id or editable_municipalities(request.user) is not None
    ):
        municipality = choices.first()
    language = "en" if request.GET.get("taal") == "en" else "nl"
    snapshot = snapshot_for(municipality)
    parts = [("", "", "Hoofdantwoord")]
    stored = set(Answer.objects.filter(topic=topic).values_list("aspect", "variant"))
    parts += [(aspect, "", f"Deelvraag: {aspect}") for aspect in ASPECTS if (aspect, "") in stored]
    tailoring = TailoringQuestion.objects.filter(topic=topic).first()
    if tailoring is not None:
        parts += [
            ("", option.get("value", ""), f"Variant: {option.get('title_nl', '')}")
            for option in tailoring.options
        ]
    answers = []
    for aspect, variant, label in parts:
        answer = snapshot.answer(topic.key, language, aspect, variant)
        answers.append({"label": label, "answer": answer, "html": to_html(answer.text)})
    context.update(
        {
            "title": f"Voorbeeld: {topic.title}",
            "topic": topic,
            "municipality": municipality,
            "municipalities": choices,
            "language": language,
            "tailoring": tailoring,
            "answers": answers,
        }
    )
    return TemplateResponse(request, "admin/content/topic/preview.html", context)
