from django.contrib import admin

from gembot.content.permissions import editable_municipalities
from gembot.dialogue.models import ClarificationChoice


@admin.register(ClarificationChoice)
class ClarificationChoiceAdmin(admin.ModelAdmin):
    list_display = ["text", "chosen_topic", "candidates", "municipality", "created_at"]
    list_filter = ["chosen_topic", "municipality"]
    search_fields = ["text"]
    readonly_fields = ["municipality", "text", "candidates", "chosen_topic", "created_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = editable_municipalities(request.user)
        return queryset if allowed is None else queryset.filter(municipality__in=allowed)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a record of what residents chose: read only
