from django.urls import path

from gembot.widget.api import views

urlpatterns = [
    path("config", views.WidgetConfigView.as_view(), name="widget-config"),
]
