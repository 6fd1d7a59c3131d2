from django.apps import AppConfig


class WidgetConfig(AppConfig):
    name = "gembot.widget"
    label = "widget"
    verbose_name = "Chatvenster"
