"""What every content admin shares: per-municipality scope, and writes through actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, Q, QuerySet, URLField
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gembot.content.actions import delete_content
from gembot.content.permissions import (
    can_edit,
    editable_municipalities,
    is_content_editor,
    is_national_editor,
)
from gembot.tenants.models import Municipality


def scope_filter(user: Any, field: str = "municipality") -> Q | None:
    """Rows a user may see: national rows plus their own municipality's (None: everything)."""
    editable = editable_municipalities(user)
    if editable is None:
        return None
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__in": editable})


class ScopedAdmin(admin.ModelAdmin):
    """A content model admin limited to what the editor may see and change.

    ``save_action`` writes a row (it records the change); deletes go through
    ``delete_content``. Rows of another municipality answer 403, not "does not exist".
    """

    save_action: Callable[..., Model] | None = None
    national_only = False  # rows without a municipality that only national editors change

    def row_municipality_id(self, obj: Model) -> int | None:
        return getattr(obj, "municipality_id", None)

    def _may_see(self, request: HttpRequest, obj: Model | None) -> bool:
        if not is_content_editor(request.user):
            return False
        municipality_id = None if obj is None else self.row_municipality_id(obj)
        return municipality_id is None or can_edit(request.user, municipality_id)

    def _may_change(self, request: HttpRequest, obj: Model | None) -> bool:
        if not is_content_editor(request.user):
            return False
        if obj is None:
            return is_national_editor(request.user) or not self.national_only
        return can_edit(request.user, self.row_municipality_id(obj))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_content_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_see(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_change(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_change(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_change(request, None)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        condition = scope_filter(request.user)
        return queryset if condition is None else queryset.filter(condition)

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None):
        # Look beyond the scoped queryset: another municipality's row must be refused (403)
        # by the permission checks, not reported as missing.
        model = self.model
        field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
        try:
            return model._default_manager.get(**{field.name: field.to_python(object_id)})
        except (model.DoesNotExist, ValidationError, ValueError):
            return None

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        if isinstance(db_field, URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        if db_field.name == "municipality":
            editable = editable_municipalities(request.user)
            if editable is not None:
                kwargs["queryset"] = editable
                kwargs["required"] = True
                kwargs["empty_label"] = None
            else:
                kwargs["queryset"] = Municipality.objects.order_by("name")
        if db_field.name == "topic":
            from gembot.content.models import Topic

            condition = scope_filter(request.user)
            queryset = Topic.objects.order_by("key")
            kwargs["queryset"] = queryset if condition is None else queryset.filter(condition)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        if not can_edit(request.user, self.row_municipality_id(obj)):
            raise PermissionDenied
        self.save_action(obj, actor=request.user, via="admin")

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        if not can_edit(request.user, self.row_municipality_id(obj)):
            raise PermissionDenied
        delete_content(obj, actor=request.user, via="admin")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


class MunicipalityFilter(admin.SimpleListFilter):
    """Filter by municipality, listing only municipalities the editor may see that have rows."""

    title = _("gemeente")
    parameter_name = "gemeente"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        ids = model_admin.get_queryset(request).exclude(municipality=None)
        ids = ids.values_list("municipality_id", flat=True).distinct()
        rows = Municipality.objects.filter(pk__in=ids).order_by("name")
        return [(m.code, f"{m.name} ({m.code})") for m in rows]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(municipality__code=self.value())
        return queryset
