"""Which websites may use Gem's API and websocket from a browser.

A browser sends an ``Origin`` header with cross-site requests (and with same-site POSTs).
A request is allowed when it has no Origin (curl, server-to-server), when the Origin is Gem's
own host (the demo pages, the console), or when the Origin is in the ``allowed_origins`` of
the municipality the request is about. When the request names no municipality (a CORS
preflight of ``POST /api/v1/conversations``), the Origin must be allowed by at least one
municipality; the request that follows is checked against its own municipality.
"""

from __future__ import annotations

import json
import re
import uuid
from urllib.parse import parse_qs, urlsplit

from channels.db import database_sync_to_async
from channels.security.websocket import WebsocketDenier

from gembot.conversations.models import Conversation
from gembot.tenants.access import find_municipality
from gembot.tenants.models import Municipality

_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}
_CONVERSATION_PATH = re.compile(r"^/(?:api/v1|ws)/conversations/([^/]+)")


def normalise_origin(value: str) -> str | None:
    """``https://www.tilburg.nl/`` -> ``https://www.tilburg.nl``; None when it is no origin
    (``null`` from a sandboxed frame or a file, or no http(s) address)."""
    parts = urlsplit((value or "").strip().lower())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if port and str(port) != _DEFAULT_PORTS[parts.scheme]:
        host = f"{host}:{port}"
    return f"{parts.scheme}://{host}"


def _strip_default_port(netloc: str) -> str:
    netloc = netloc.lower()
    for port in (":80", ":443"):
        if netloc.endswith(port):
            return netloc.removesuffix(port)
    return netloc


def is_own_origin(origin: str, host: str) -> bool:
    """True when ``origin`` is Gem itself (``host`` is the request's Host header)."""
    normalised = normalise_origin(origin)
    if normalised is None or not host:
        return False
    return _strip_default_port(normalised.split("://", 1)[1]) == _strip_default_port(host)


def configured_origins(values: list[str] | None) -> set[str]:
    """The origins an editor listed; ``www.tilburg.nl`` is read as ``https://www.tilburg.nl``."""
    found = set()
    for value in values or []:
        value = str(value).strip()
        origin = normalise_origin(value if "://" in value else f"https://{value}")
        if origin:
            found.add(origin)
    return found


def allowed_by(municipality: Municipality, origin: str) -> bool:
    normalised = normalise_origin(origin)
    if normalised is None or not municipality.enabled:
        return False
    return normalised in configured_origins(municipality.allowed_origins)


def allowed_by_any(origin: str) -> bool:
    normalised = normalise_origin(origin)
    if normalised is None:
        return False
    for origins in Municipality.objects.filter(enabled=True).values_list(
        "allowed_origins", flat=True
    ):
        if normalised in configured_origins(origins):
            return True
    return False


def municipality_of_conversation(path: str) -> Municipality | None:
    """The municipality of the conversation in an API or websocket path, if there is one."""
    match = _CONVERSATION_PATH.match(path)
    if not match:
        return None
    try:
        key = uuid.UUID(match.group(1))
    except ValueError:
        return None
    conversation = Conversation.objects.select_related("municipality").filter(pk=key).first()
    return conversation.municipality if conversation else None


def municipality_of_request(path: str, query: str, body: bytes | None) -> Municipality | None:
    """The municipality an API request is about: its conversation, ``?municipality=``, or
    ``{"municipality": ...}`` in a JSON body (starting a conversation)."""
    municipality = municipality_of_conversation(path)
    if municipality is not None:
        return municipality
    reference = (parse_qs(query).get("municipality") or [""])[0]
    if not reference and body:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            data = None
        if isinstance(data, dict) and isinstance(data.get("municipality"), str):
            reference = data["municipality"]
    return find_municipality(reference) if reference else None


def origin_allowed(origin: str, host: str, municipality: Municipality | None) -> bool:
    if is_own_origin(origin, host):
        return True
    if municipality is not None:
        return allowed_by(municipality, origin)
    return allowed_by_any(origin)


class WebsocketOriginValidator:
    """ASGI wrapper: refuse a websocket handshake (HTTP 403) from a website that the
    conversation's municipality did not allow. Handshakes without Origin pass."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            headers = dict(scope.get("headers") or [])
            origin = headers.get(b"origin")
            if origin is not None:
                host = headers.get(b"host", b"").decode("latin-1")
                allowed = await database_sync_to_async(self._allowed)(
                    origin.decode("latin-1"), host, scope.get("path", "")
                )
                if not allowed:
                    return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)

    @staticmethod
    def _allowed(origin: str, host: str, path: str) -> bool:
        if is_own_origin(origin, host):
            return True
        municipality = municipality_of_conversation(path)
        # A websocket is always about one conversation; without one there is nothing to open
        # and the consumer refuses the handshake itself.
        return municipality is None or allowed_by(municipality, origin)
