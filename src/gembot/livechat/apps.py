from django.apps import AppConfig


class LivechatConfig(AppConfig):
    name = "gembot.livechat"
    label = "livechat"
    verbose_name = "Live chat"
