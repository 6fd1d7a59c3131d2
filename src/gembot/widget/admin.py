"""Editors set each municipality's widget theme and page rules here."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gembot.content.permissions import editable_municipalities
from gembot.widget import actions
from gembot.widget.models import WidgetTheme


@admin.register(WidgetTheme)
class WidgetThemeAdmin(admin.ModelAdmin):
    list_display = ("municipality", "title", "colour", "updated_at")
    list_select_related = ("municipality",)
    search_fields = ("municipality__name", "municipality__code")
    readonly_fields = ("demo_link", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("municipality", "demo_link")}),
        (_("Uiterlijk"), {"fields": ("title", "logo_url")}),
        (
            _("Kleuren en letters (design tokens)"),
            {
                "description": _(
                    "Gem controleert het contrast (WCAG AA): tekst minstens 4,5:1, "
                    "focusrand minstens 3:1. Een leeg veld gebruikt de standaardwaarde, of "
                    "de waarde die de website van de gemeente zelf zet."
                ),
                "fields": (
                    "primary_color",
                    "primary_text_color",
                    "focus_color",
                    "font_family",
                    "border_radius",
                ),
            },
        ),
        (_("Pagina's"), {"fields": ("show_on_pages", "hide_on_pages")}),
        (_("Privacy"), {"fields": ("privacy_url", "updated_at")}),
    )

    @admin.display(description=_("hoofdkleur"))
    def colour(self, theme: WidgetTheme) -> str:
        return theme.primary_color or "-"

    @admin.display(description=_("voorbeeld"))
    def demo_link(self, theme: WidgetTheme) -> str:
        if not theme.pk:
            return "-"
        url = reverse("widget-demo", args=[theme.municipality.slug])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)

    def save_model(self, request, obj: WidgetTheme, form, change: bool) -> None:
        actions.save_widget_theme(obj)

    # A municipality's editors change only its own theme; national editors change all.
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = editable_municipalities(request.user)
        return queryset if allowed is None else queryset.filter(municipality__in=allowed)

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = editable_municipalities(request.user)
        if (
            obj is not None
            and allowed is not None
            and obj.municipality_id not in {m.pk for m in allowed}
        ):
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = editable_municipalities(request.user)
        if db_field.name == "municipality" and allowed is not None:
            kwargs["queryset"] = allowed
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
