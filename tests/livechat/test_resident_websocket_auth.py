"""The resident websocket: the token comes in the first frame, never needed in the URL."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync

from gembot.conversations import consumers
from tests.livechat.realtime import (
    WebsocketCommunicator,
    application,
    realtime,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("realtime")]


def socket_without_token(resident) -> WebsocketCommunicator:
    return WebsocketCommunicator(application(), f"/ws/conversations/{resident.id}/")


def test_token_in_the_first_frame_then_messages_flow(resident):
    async def scenario():
        socket = socket_without_token(resident)
        connected, _ = await socket.connect()
        assert connected
        await socket.send_json_to({"type": "auth", "token": resident.token})
        assert (await socket.receive_json_from(timeout=3)) == {
            "type": "connected",
            "state": "with_gem",
        }
        await socket.send_json_to({"type": "message", "text": "paspoort verlengen"})
        event = await socket.receive_json_from(timeout=5)
        assert event["type"] == "messages"
        assert event["messages"][0]["text"] == "paspoort verlengen"
        await socket.disconnect()

    async_to_sync(scenario)()


@pytest.mark.parametrize(
    ("first_frame", "code"),
    [
        ({"type": "message", "text": "hoi"}, 4401),  # no token first
        ({"type": "auth", "token": "wrong"}, 4403),
        ({"type": "auth"}, 4401),
    ],
)
def test_without_a_good_token_first_the_socket_closes(resident, first_frame, code):
    async def scenario():
        socket = socket_without_token(resident)
        await socket.connect()
        await socket.send_json_to(first_frame)
        closed = await socket.receive_output(timeout=3)
        assert closed == {"type": "websocket.close", "code": code}

    async_to_sync(scenario)()


def test_silence_after_connecting_closes_the_socket(resident, monkeypatch):
    monkeypatch.setattr(consumers, "AUTH_SECONDS", 0.1)

    async def scenario():
        socket = socket_without_token(resident)
        await socket.connect()
        closed = await socket.receive_output(timeout=3)
        assert closed == {"type": "websocket.close", "code": 4401}

    async_to_sync(scenario)()
