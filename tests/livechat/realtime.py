"""Helpers for websocket tests with Channels' WebsocketCommunicator (in-memory layer).

The tests are plain (sync) pytest-django tests that run one async scenario with
``async_to_sync``: database code of the consumers then runs in the test's own thread and
transaction, so it sees the test data. Events are sent after commit, and the test
transaction never commits, so ``on_commit`` runs the callback at once here.
"""

from __future__ import annotations

import asyncio
import json
import sys
import types
from pathlib import Path

import channels
import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from django.db import transaction

try:
    from channels.testing import WebsocketCommunicator
except ModuleNotFoundError as missing:
    # channels.testing imports its live-server test case, which needs daphne (not a Gem
    # dependency). Load the communicator modules without that package __init__.
    if missing.name != "daphne":
        raise
    package = types.ModuleType("channels.testing")
    package.__path__ = [str(Path(channels.__file__).parent / "testing")]
    sys.modules["channels.testing"] = package
    from channels.testing.websocket import WebsocketCommunicator

from gembot.config.routing import websocket_urlpatterns

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
ORIGIN = (b"origin", b"http://testserver")


@pytest.fixture
def realtime(settings, monkeypatch):
    settings.CHANNEL_LAYERS = IN_MEMORY
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
    # The test transaction must survive the consumers' connection housekeeping.
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    # ... and run in the test's thread (in production the console uses a thread pool).
    monkeypatch.setattr("gembot.livechat.consumers.run_db", database_sync_to_async)


def application():
    return URLRouter(websocket_urlpatterns)


def resident_socket(resident) -> WebsocketCommunicator:
    path = f"/ws/conversations/{resident.id}/?token={resident.token}"
    return WebsocketCommunicator(application(), path)


def console_socket(*, token: str | None = None, session: str | None = None, origin=ORIGIN):
    headers = [(b"host", b"testserver")]  # browsers always send the host they talk to
    if token:
        headers.append((b"authorization", f"Token {token}".encode()))
    if session:
        headers.append((b"cookie", f"sessionid={session}".encode()))
    if origin:
        headers.append(origin)
    return WebsocketCommunicator(application(), "/ws/console/", headers=headers)


sync = database_sync_to_async  # run test-side sync code (API calls) from the scenario


async def receive_until(socket: WebsocketCommunicator, kind: str, timeout: float = 2.0, **match):
    """The next event of type ``kind`` (matching ``match``), skipping others."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        left = deadline - asyncio.get_running_loop().time()
        event = await socket.receive_json_from(timeout=max(left, 0.01))
        if event.get("type") == kind and all(event.get(k) == v for k, v in match.items()):
            return event


async def nothing_more(socket: WebsocketCommunicator, kind: str, wait: float = 0.2) -> None:
    """No event of type ``kind`` arrives within ``wait`` seconds (others are skipped)."""
    while not await socket.receive_nothing(timeout=wait):
        event = await socket.receive_json_from()
        assert event.get("type") != kind, json.dumps(event)
