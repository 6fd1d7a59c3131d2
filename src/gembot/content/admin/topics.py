"""Admin for topics, with answers and example questions inline, and the answer preview."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import F, Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gembot.content.actions import (
    delete_content,
    save_answer,
    save_disabled_topic,
    save_example,
    save_tailoring_question,
    save_topic,
)
from gembot.content.admin.base import MunicipalityFilter, ScopedAdmin
from gembot.content.admin.forms import AnswerForm, DisabledTopicForm
from gembot.content.admin.preview import preview_response
from gembot.content.models import Answer, DisabledTopic, ExampleQuestion, TailoringQuestion, Topic
from gembot.content.permissions import can_edit, is_content_editor

INLINE_ACTIONS = {
    Answer: save_answer,
    ExampleQuestion: save_example,
    TailoringQuestion: save_tailoring_question,
}


class _TopicInline:
    """Inline rows follow their topic: national rows for a national topic, the municipality's
    rows for a local topic. Only who may change the topic may change them."""

    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if self.model is TailoringQuestion:
            return queryset
        return queryset.filter(
            Q(municipality__isnull=True, topic__is_national=True)
            | Q(municipality=F("topic__municipality"))
        )

    def _may_change(self, request: HttpRequest, obj: Model | None) -> bool:
        municipality_id = obj.municipality_id if obj is not None else None
        return is_content_editor(request.user) and can_edit(request.user, municipality_id)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_content_editor(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_change(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_change(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_change(request, obj)


class AnswerInline(_TopicInline, admin.StackedInline):
    model = Answer
    form = AnswerForm
    fields = [("aspect", "variant"), "text_nl", "text_en"]
    verbose_name_plural = _("antwoorden (hoofdantwoord, deelvragen en varianten)")


class ExampleInline(_TopicInline, admin.TabularInline):
    model = ExampleQuestion
    fields = ["text", "language", "position"]
    verbose_name_plural = _("voorbeeldvragen (minimaal 25, allemaal verschillend)")


class TailoringInline(_TopicInline, admin.StackedInline):
    model = TailoringQuestion
    fields = ["slot", "question_nl", "question_en", "options"]
    max_num = 1


class NationalFilter(admin.SimpleListFilter):
    title = _("landelijk of lokaal")
    parameter_name = "soort"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("landelijk", _("landelijk")), ("lokaal", _("lokaal (extra onderwerp)"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "landelijk":
            return queryset.filter(is_national=True)
        if self.value() == "lokaal":
            return queryset.filter(is_national=False)
        return queryset


@admin.action(description=_("Voorbeeld bekijken"))
def preview_topics(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
    topic = queryset.order_by("key").first()
    return HttpResponseRedirect(reverse("admin:content_topic_preview", args=[topic.pk]))


@admin.register(Topic)
class TopicAdmin(ScopedAdmin):
    save_action = staticmethod(save_topic)
    national_only = True
    list_display = ["key", "title", "owner", "is_national", "municipality", "example_count"]
    list_filter = ["owner", NationalFilter, MunicipalityFilter]
    search_fields = ["key", "title", "title_en", "upl_name", "scope", "examples__text"]
    readonly_fields = ["preview_link"]
    fields = [
        "preview_link",
        "key",
        "title",
        "title_en",
        ("upl_name", "upl_uri"),
        "owner",
        "scope",
        ("is_national", "municipality"),
    ]
    inlines = [TailoringInline, AnswerInline, ExampleInline]
    actions = [preview_topics]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).distinct()

    @admin.display(description=_("voorbeeldvragen"))
    def example_count(self, topic: Topic) -> int:
        return topic.examples.filter(municipality=topic.municipality).count()

    @admin.display(description=_("voorbeeld"))
    def preview_link(self, topic: Topic) -> str:
        if topic.pk is None:
            return "-"
        url = reverse("admin:content_topic_preview", args=[topic.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Voorbeeld bekijken"))

    def get_urls(self) -> list:
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<path:object_id>/voorbeeld/", preview, name="content_topic_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        topic = self.get_object(request, object_id)
        if topic is None:
            messages.warning(request, _("Dit onderwerp bestaat niet."))
            return HttpResponseRedirect(reverse("admin:content_topic_changelist"))
        if not self.has_view_permission(request, topic):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta}
        return preview_response(request, topic, context)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        topic = form.instance
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            delete_content(obj, actor=request.user, via="admin")
        for obj in instances:
            if hasattr(obj, "municipality_id"):
                obj.municipality_id = topic.municipality_id
            INLINE_ACTIONS[type(obj)](obj, actor=request.user, via="admin")
        formset.save_m2m()


@admin.register(Answer)
class AnswerAdmin(ScopedAdmin):
    save_action = staticmethod(save_answer)
    form = AnswerForm
    list_display = ["topic", "aspect", "variant", "municipality", "short_text", "preview"]
    list_filter = ["aspect", MunicipalityFilter, "topic__owner"]
    search_fields = ["topic__key", "topic__title", "text_nl", "text_en"]
    list_select_related = ["topic", "municipality"]
    ordering = ["topic__key", "municipality__name", "variant", "aspect"]

    @admin.display(description=_("tekst"))
    def short_text(self, answer: Answer) -> str:
        text = answer.text_nl.replace("\n", " ")
        return text if len(text) <= 80 else f"{text[:77]}..."

    @admin.display(description=_("voorbeeld"))
    def preview(self, answer: Answer) -> str:
        url = reverse("admin:content_topic_preview", args=[answer.topic_id])
        if answer.municipality_id:
            url += f"?gemeente={answer.municipality.code}"
        return format_html('<a href="{}">{}</a>', url, _("bekijken"))


@admin.register(ExampleQuestion)
class ExampleQuestionAdmin(ScopedAdmin):
    save_action = staticmethod(save_example)
    list_display = ["text", "topic", "language", "municipality"]
    list_filter = ["language", MunicipalityFilter]
    search_fields = ["text", "topic__key"]
    list_select_related = ["topic", "municipality"]
    fields = ["topic", "municipality", "text", "language", "position"]
    ordering = ["topic__key", "municipality__name", "position"]


@admin.register(DisabledTopic)
class DisabledTopicAdmin(ScopedAdmin):
    save_action = staticmethod(save_disabled_topic)
    form = DisabledTopicForm
    list_display = ["topic", "municipality", "explanation_nl"]
    list_filter = [MunicipalityFilter]
    search_fields = ["topic__key", "explanation_nl"]
    ordering = ["municipality__name", "topic__key"]
    list_select_related = ["topic", "municipality"]
