from django.contrib import admin

from gembot.dialogue.models import ClarificationChoice


@admin.register(ClarificationChoice)
class ClarificationChoiceAdmin(admin.ModelAdmin):
    list_display = ["text", "chosen_topic", "candidates", "municipality", "created_at"]
    list_filter = ["chosen_topic", "municipality"]
    search_fields = ["text"]
    readonly_fields = ["municipality", "text", "candidates", "chosen_topic", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
