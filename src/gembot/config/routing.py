from django.urls import path

from gembot.conversations.consumers import ResidentConsumer
from gembot.livechat.consumers import console_application

websocket_urlpatterns = [
    path("ws/conversations/<str:conversation_id>/", ResidentConsumer.as_asgi()),
    path("ws/console/", console_application()),
]
