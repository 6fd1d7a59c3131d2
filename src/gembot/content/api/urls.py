from django.urls import path

from gembot.content.api.views import MunicipalityTopicsView

urlpatterns = [
    path(
        "municipalities/<str:reference>/topics",
        MunicipalityTopicsView.as_view(),
        name="content-municipality-topics",
    ),
]
