from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gembot.core"
    label = "core"
    verbose_name = "Gem"
