"""ASGI entry point: HTTP through Django, websockets through Channels."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gembot.config.settings")

from channels.routing import ProtocolTypeRouter, URLRouter
from django.conf import settings
from django.core.asgi import get_asgi_application

django_application = get_asgi_application()

from gembot.config.routing import websocket_urlpatterns  # noqa: E402
from gembot.widget.origins import WebsocketOriginValidator  # noqa: E402

http_application = django_application
if settings.SERVE_STATIC:
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    http_application = ASGIStaticFilesHandler(django_application)

application = ProtocolTypeRouter(
    {
        "http": http_application,
        "websocket": WebsocketOriginValidator(URLRouter(websocket_urlpatterns)),
    }
)
