from django.apps import AppConfig


class TenantsConfig(AppConfig):
    name = "gembot.tenants"
    label = "tenants"
    verbose_name = "Gemeenten"
