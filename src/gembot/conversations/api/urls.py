from django.urls import path

from gembot.conversations.api import views

urlpatterns = [
    path("municipalities", views.MunicipalityListView.as_view(), name="municipality-list"),
    path("conversations", views.ConversationListView.as_view(), name="conversation-list"),
    path(
        "conversations/<str:conversation_id>",
        views.ConversationDetailView.as_view(),
        name="conversation-detail",
    ),
    path(
        "conversations/<str:conversation_id>/messages",
        views.MessageListView.as_view(),
        name="conversation-messages",
    ),
]
