"""Admin pages: municipal admins see and change only their own municipality's live chat."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from gembot.livechat.access import municipality_ids_for
from gembot.livechat.actions.municipal import (
    delete_canned_reply,
    delete_closing_day,
    save_canned_reply,
    save_closing_day,
    save_livechat_settings,
)
from gembot.livechat.actions.people import delete_membership, save_membership
from gembot.livechat.models import CannedReply, ClosingDay, LiveChatSettings, Membership, Role
from gembot.tenants.models import Municipality


def _admin_of(request: HttpRequest) -> frozenset[int]:
    return municipality_ids_for(request.user, Role.ADMIN)


class MunicipalityScoped:
    """Queryset, permissions and choices limited to the municipalities the user manages."""

    municipality_field = "municipality"

    def municipality_id_of(self, obj) -> int | None:
        return getattr(obj, f"{self.municipality_field}_id", None)

    def get_queryset(self, request):
        lookup = {f"{self.municipality_field}__in": _admin_of(request)}
        return super().get_queryset(request).filter(**lookup)

    def _allowed(self, request, obj=None) -> bool:
        ids = _admin_of(request)
        return bool(ids) and (obj is None or self.municipality_id_of(obj) in ids)

    def has_module_permission(self, request) -> bool:
        return bool(_admin_of(request))

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "municipality":
            kwargs["queryset"] = Municipality.objects.filter(id__in=_admin_of(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ClosingDayInline(MunicipalityScoped, admin.TabularInline):
    model = ClosingDay
    extra = 1
    municipality_field = "settings__municipality"

    def municipality_id_of(self, obj) -> int | None:  # obj is the settings being edited
        return obj.municipality_id if isinstance(obj, LiveChatSettings) else None


@admin.register(LiveChatSettings)
class LiveChatSettingsAdmin(MunicipalityScoped, admin.ModelAdmin):
    list_display = [
        "municipality",
        "enabled",
        "direct_handover",
        "office_hours",
        "max_wait_minutes",
    ]
    list_filter = ["enabled"]
    search_fields = ["municipality__name", "municipality__code"]
    inlines = [ClosingDayInline]

    def save_model(self, request, obj, form, change) -> None:
        save_livechat_settings(obj)

    def save_formset(self, request, form, formset, change) -> None:
        """Closing days go through their actions like every other write."""
        for closing in formset.save(commit=False):
            save_closing_day(closing)
        for closing in formset.deleted_objects:
            delete_closing_day(closing)


@admin.register(CannedReply)
class CannedReplyAdmin(MunicipalityScoped, admin.ModelAdmin):
    list_display = ["title", "municipality", "position"]
    search_fields = ["title", "text"]

    def save_model(self, request, obj, form, change) -> None:
        save_canned_reply(obj)

    def delete_model(self, request, obj) -> None:
        delete_canned_reply(obj)

    def delete_queryset(self, request, queryset) -> None:
        for reply in queryset:
            delete_canned_reply(reply)


@admin.register(Membership)
class MembershipAdmin(MunicipalityScoped, admin.ModelAdmin):
    list_display = ["user", "municipality", "role"]
    list_filter = ["role"]
    raw_id_fields = ["user"]  # no list of every user of every municipality

    def save_model(self, request, obj, form, change) -> None:
        save_membership(obj)

    def delete_model(self, request, obj) -> None:
        delete_membership(obj)

    def delete_queryset(self, request, queryset) -> None:
        for membership in queryset:
            delete_membership(membership)
