from django.urls import path

from gembot.conversations.consumers import ResidentConsumer

websocket_urlpatterns = [
    path("ws/conversations/<str:conversation_id>/", ResidentConsumer.as_asgi()),
]
