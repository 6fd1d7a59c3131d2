from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "gembot.content"
    label = "content"
    verbose_name = _("Inhoud")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gembot.content import signals

        signals.connect()
