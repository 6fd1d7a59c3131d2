from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "gembot.dialogue"
    label = "dialogue"
    verbose_name = "Dialoog"
