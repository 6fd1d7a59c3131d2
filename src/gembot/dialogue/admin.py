from django.contrib import admin

from gembot.content.permissions import editable_municipalities
from gembot.conversations.models import Outcome
from gembot.dialogue.models import ClarificationChoice, MissedQuestion


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


@admin.register(MissedQuestion)
class MissedQuestionAdmin(admin.ModelAdmin):
    """What Gem did not understand: the questions to write new example questions from."""

    list_display = ["question", "outcome", "topic", "confidence", "municipality", "created_at"]
    list_filter = ["outcome", "municipality"]
    search_fields = ["resident_message__text"]
    date_hierarchy = "created_at"

    @admin.display(description="vraag van de inwoner (zonder persoonsgegevens)")
    def question(self, turn: MissedQuestion) -> str:
        return turn.resident_message.text if turn.resident_message else ""

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .filter(
                outcome__in=[Outcome.NOT_UNDERSTOOD, Outcome.OUT_OF_SCOPE],
                resident_message__isnull=False,
            )
            .select_related("resident_message", "municipality")
        )
        allowed = editable_municipalities(request.user)
        return queryset if allowed is None else queryset.filter(municipality__in=allowed)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
