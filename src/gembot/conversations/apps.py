from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "gembot.conversations"
    label = "conversations"
    verbose_name = "Gesprekken"
