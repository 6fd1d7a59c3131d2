"""The URLs the content tests need, independent of the rest of the project's URLconf."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("gembot.content.api.urls")),
]
