"""Admin for variables (catalogue and local values), editors and the change log."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gembot.content.actions import save_editor, save_local_variable, save_variable_definition
from gembot.content.admin.base import MunicipalityFilter, ScopedAdmin
from gembot.content.admin.forms import LocalVariableForm
from gembot.content.checks import STALE_AFTER_DAYS
from gembot.content.models import ContentChange, Editor, LocalVariable, VariableDefinition
from gembot.content.permissions import can_edit, is_content_editor, is_national_editor


@admin.register(VariableDefinition)
class VariableDefinitionAdmin(ScopedAdmin):
    save_action = staticmethod(save_variable_definition)
    national_only = True
    list_display = ["name", "kind", "derived", "fallback"]
    list_filter = ["kind", "derived"]
    search_fields = ["name", "description", "fallback"]


class VerificationFilter(admin.SimpleListFilter):
    title = _("controle")
    parameter_name = "controle"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("niet", _("niet geverifieerd")),
            ("oud", _("langer dan een jaar geleden gecontroleerd")),
            ("ja", _("geverifieerd")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        stale_before = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
        if self.value() == "niet":
            return queryset.filter(verified_on__isnull=True)
        if self.value() == "oud":
            return queryset.filter(verified_on__lt=stale_before)
        if self.value() == "ja":
            return queryset.filter(verified_on__isnull=False)
        return queryset


@admin.action(description=_("Markeer als vandaag gecontroleerd"))
def mark_verified(modeladmin: Any, request: HttpRequest, queryset: QuerySet) -> None:
    today = timezone.localdate()
    count = 0
    for variable in queryset:
        if can_edit(request.user, variable.municipality_id):
            variable.verified_on = today
            save_local_variable(variable, actor=request.user, via="admin")
            count += 1
    messages.success(
        request, _("%(count)d waarden gemarkeerd als gecontroleerd.") % {"count": count}
    )


@admin.register(LocalVariable)
class LocalVariableAdmin(ScopedAdmin):
    save_action = staticmethod(save_local_variable)
    form = LocalVariableForm
    list_display = ["municipality", "name", "value", "verified", "source_link"]
    list_filter = [VerificationFilter, MunicipalityFilter, "name"]
    search_fields = ["name", "value", "municipality__name", "municipality__code"]
    list_select_related = ["municipality"]
    actions = [mark_verified]
    ordering = ["municipality__name", "name"]

    @admin.display(description=_("gecontroleerd op"), ordering="verified_on")
    def verified(self, variable: LocalVariable) -> str:
        if variable.verified_on is None:
            return format_html('<span style="color: #ba2121">{}</span>', _("niet geverifieerd"))
        return variable.verified_on.isoformat()

    @admin.display(description=_("bron"))
    def source_link(self, variable: LocalVariable) -> str:
        if variable.source.startswith("https://"):
            return format_html(
                '<a href="{}" rel="noopener" target="_blank">{}</a>',
                variable.source,
                variable.source,
            )
        return variable.source


@admin.register(Editor)
class EditorAdmin(ScopedAdmin):
    save_action = staticmethod(save_editor)
    list_display = ["user", "municipality"]
    search_fields = ["user__username", "municipality__name"]
    ordering = ["municipality__name", "user__username"]
    autocomplete_fields = []

    def _may_see(self, request: HttpRequest, obj: Any) -> bool:
        return is_national_editor(request.user) and bool(request.user.is_staff)

    def _may_change(self, request: HttpRequest, obj: Any) -> bool:
        return self._may_see(request, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_see(request, None)


@admin.register(ContentChange)
class ContentChangeAdmin(ScopedAdmin):
    list_display = ["at", "actor_label", "action", "model", "object_repr", "municipality", "via"]
    list_filter = ["action", "model", "via", MunicipalityFilter]
    search_fields = ["object_repr", "actor_label"]
    list_select_related = ["municipality"]
    date_hierarchy = "at"
    fields = [
        "at",
        "actor_label",
        "via",
        "action",
        "model",
        "object_id",
        "object_repr",
        "municipality",
        "pretty_changes",
    ]
    readonly_fields = fields

    @admin.display(description=_("wijzigingen"))
    def pretty_changes(self, change: ContentChange) -> str:
        text = json.dumps(change.changes, ensure_ascii=False, indent=2)
        return format_html('<pre style="white-space: pre-wrap">{}</pre>', text)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_content_editor(request.user) and self._may_see(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
