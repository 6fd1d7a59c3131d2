"""Live chat in real time: the resident's websocket and the console's websocket."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from rest_framework.test import APIClient

from tests.conftest import Resident
from tests.livechat.conftest import join_queue
from tests.livechat.realtime import (
    console_socket,
    nothing_more,
    realtime,  # noqa: F401 - fixture
    receive_until,
    resident_socket,
    sync,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("realtime")]


def session_of(client, user) -> str:
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_console_sees_a_new_resident_and_chats_in_real_time(client, api, anna):
    session = session_of(client, anna.user)
    resident = Resident(api, "GM0855")

    async def scenario():
        console = console_socket(session=session)
        connected, _ = await console.connect()
        assert connected
        assert (await console.receive_json_from())["type"] == "connected"
        await sync(join_queue)(resident)
        queued = await receive_until(console, "queue", event="waiting")
        assert queued["conversation"] == resident.id

        to_resident = resident_socket(resident)
        assert (await to_resident.connect())[0]
        await to_resident.receive_json_from()  # connected

        await console.send_json_to({"type": "watch", "conversation": resident.id})
        await receive_until(console, "watching")
        await sync(anna.accept)(resident)
        joined = await receive_until(to_resident, "messages")
        assert joined["messages"][0]["text"] == "Anna van de gemeente is er nu."
        assert joined["state"] == "with_agent"

        # agent -> resident, over the console websocket
        await console.send_json_to(
            {"type": "message", "conversation": resident.id, "text": "Hallo!", "ref": 7}
        )
        sent = await receive_until(console, "sent")
        assert sent["ref"] == 7 and sent["message"]["sender_name"] == "Anna"
        got = await receive_until(to_resident, "messages")
        assert got["messages"][0]["text"] == "Hallo!"
        assert got["messages"][0]["sender"] == "agent"

        # resident -> agent, over the resident websocket; Gem says nothing
        await to_resident.send_json_to({"type": "message", "text": "Dank u, mijn vraag is..."})
        heard = await receive_until(console, "messages", conversation=resident.id)
        assert [m["sender"] for m in heard["messages"]] == ["resident"]
        assert heard["state"] == "with_agent"

        # typing both ways, with the conversation id for the console
        await to_resident.send_json_to({"type": "typing"})
        typing = await receive_until(console, "typing")
        assert typing == {"type": "typing", "conversation": resident.id, "sender": "resident"}
        await console.send_json_to({"type": "typing", "conversation": resident.id})
        assert (await receive_until(to_resident, "typing"))["sender"] == "agent"

        await console.disconnect()
        await to_resident.disconnect()

    async_to_sync(scenario)()


def test_waiting_resident_hears_the_queue_position_change(api, anna, bert):
    first, second = Resident(api, "GM0855"), Resident(api, "GM0855")

    async def scenario():
        await sync(join_queue)(first)
        await sync(join_queue)(second)
        socket = resident_socket(second)
        await socket.connect()
        await socket.receive_json_from()
        await sync(anna.accept)(first)
        state = await receive_until(socket, "state")
        assert state["state"] == "waiting_for_agent" and state["queue_position"] == 1
        await socket.disconnect()

    async_to_sync(scenario)()


def test_internal_notes_reach_consoles_not_the_resident(api, anna, bert):
    resident = Resident(api, "GM0855")

    async def scenario():
        await sync(join_queue)(resident)
        await sync(anna.accept)(resident)
        console = console_socket(token=bert.token)
        await console.connect()
        await console.receive_json_from()
        to_resident = resident_socket(resident)
        await to_resident.connect()
        await to_resident.receive_json_from()
        await sync(anna.post)(f"conversations/{resident.id}/note", {"text": "geheim"}, 201)
        note = await receive_until(console, "note")
        assert note["note"]["text"] == "geheim" and note["conversation"] == resident.id
        await nothing_more(to_resident, "note")
        await console.disconnect()
        await to_resident.disconnect()

    async_to_sync(scenario)()


def test_console_websocket_accepts_a_token_for_api_clients(anna):
    async def scenario():
        console = console_socket(token=anna.token, origin=None)
        connected, _ = await console.connect()
        assert connected
        assert (await console.receive_json_from())["agent"] == "Anna"
        await console.send_json_to({"type": "ping"})
        assert (await receive_until(console, "pong"))["type"] == "pong"
        await console.disconnect()

    async_to_sync(scenario)()


@pytest.mark.parametrize(
    "case",
    [
        "no_credentials",
        "wrong_token",
        "other_site",
        "other_site_any_host",
        "not_an_agent",
        "no_origin",
    ],
)
def test_console_websocket_refuses(client, anna, make_agent, settings, case):
    if case == "other_site_any_host":
        settings.ALLOWED_HOSTS = ["*"]  # documented as allowed: still no cross-site sockets
    editor = make_agent("els", "GM0855", "Els", role="editor")
    kwargs = {
        "no_credentials": {},
        "wrong_token": {"token": "nope"},
        "other_site": {
            "session": session_of(client, anna.user),
            "origin": (b"origin", b"https://evil.example"),
        },
        "other_site_any_host": {
            "session": session_of(client, anna.user),
            "origin": (b"origin", b"https://evil.example"),
        },
        "not_an_agent": {"token": editor.token},
        "no_origin": {"session": session_of(client, anna.user), "origin": None},
    }[case]

    async def scenario():
        console = console_socket(**kwargs)
        connected, code = await console.connect()
        assert not connected
        assert code == 4403

    async_to_sync(scenario)()


def test_agent_cannot_watch_or_write_to_another_municipality(api, anna, amir):
    resident = Resident(api, "GM0855")

    async def scenario():
        await sync(join_queue)(resident)
        await sync(anna.accept)(resident)
        console = console_socket(token=amir.token)
        await console.connect()
        await console.receive_json_from()
        await nothing_more(console, "queue")  # Tilburg's queue events never reach Amsterdam
        for message in (
            {"type": "watch", "conversation": resident.id},
            {"type": "typing", "conversation": resident.id},
            {"type": "message", "conversation": resident.id, "text": "hoi"},
        ):
            await console.send_json_to(message)
            error = await receive_until(console, "error")
            assert error["status"] == 404, message
        await console.disconnect()

    async_to_sync(scenario)()


def test_console_page_for_an_agent(client, anna):
    client.force_login(anna.user)
    page = client.get("/console/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Wachtrij" in html and "Geluid bij nieuwe inwoner" in html
    assert "livechat/console.js" in html and 'id="console-texts"' in html


def test_console_login_page(client):
    page = client.get("/console/login/")
    assert page.status_code == 200
    assert "Inloggen" in page.content.decode()


def test_console_uses_the_agent_api_with_its_session_and_csrf(anna):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(anna.user)
    assert browser.get("/api/v1/agent/queue").status_code == 200
    assert (
        browser.post("/api/v1/agent/availability", {"status": "pauze"}, format="json").status_code
        == 403
    )
