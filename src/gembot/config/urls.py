from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from gembot.conversations.api.rasa import RasaWebhookView
from gembot.core import views as core_views

handler404 = "gembot.core.views.not_found"
handler500 = "gembot.core.views.server_error"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.health, name="health"),
    path("admin/", admin.site.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/widget/", include("gembot.widget.api.urls")),
    path("api/v1/", include("gembot.conversations.api.urls")),
    path("api/v1/", include("gembot.content.api.urls")),
    path("api/v1/", include("gembot.livechat.api.urls")),
    path("console/", include("gembot.livechat.console.urls")),
    path("webhooks/rest/webhook", RasaWebhookView.as_view(), name="rasa-webhook"),
    path("", include("gembot.widget.urls")),
]
