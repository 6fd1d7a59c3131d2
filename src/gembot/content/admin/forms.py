"""Admin forms that refuse templates Gem cannot render cleanly."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from gembot.content.models import (
    Answer,
    DisabledTopic,
    LocalVariable,
    VariableDefinition,
)
from gembot.content.rendering import template_problems, variable_names


def template_errors(template: str) -> list[str]:
    """Syntax problems and names that are not in the variable catalogue."""
    problems = template_problems(template)
    known = set(VariableDefinition.objects.values_list("name", flat=True))
    problems += [
        f"{{{{ {name} }}}} staat niet in de lijst met variabelen."
        for name in variable_names(template)
        if name not in known
    ]
    return problems


class TemplateForm(forms.ModelForm):
    template_fields: ClassVar[tuple[str, ...]] = ()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in self.template_fields:
            for problem in template_errors(cleaned.get(name) or ""):
                self.add_error(name, problem)
        return cleaned


class AnswerForm(TemplateForm):
    template_fields = ("text_nl", "text_en")

    class Meta:
        model = Answer
        fields = ["topic", "municipality", "aspect", "variant", "text_nl", "text_en"]
        widgets = {
            "text_nl": forms.Textarea(attrs={"rows": 10, "cols": 90}),
            "text_en": forms.Textarea(attrs={"rows": 10, "cols": 90}),
        }


class DisabledTopicForm(TemplateForm):
    template_fields = ("explanation_nl", "explanation_en")

    class Meta:
        model = DisabledTopic
        fields = ["municipality", "topic", "explanation_nl", "explanation_en"]


def _variable_choices() -> list[tuple[str, str]]:
    return [
        (name, f"{name} ({description[:60]})" if description else name)
        for name, description in VariableDefinition.objects.filter(derived=False)
        .order_by("position", "name")
        .values_list("name", "description")
    ]


class LocalVariableForm(forms.ModelForm):
    name = forms.ChoiceField(label=_("variabele"), choices=_variable_choices)

    class Meta:
        model = LocalVariable
        fields = ["municipality", "name", "value", "source", "verified_on"]
