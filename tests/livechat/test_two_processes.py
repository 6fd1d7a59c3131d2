"""Live chat on PostgreSQL + Redis with two real server processes.

* two agents on two processes accept the same resident at the same moment: one wins;
* the same race with threads straight on PostgreSQL;
* the resident's websocket on one process and the agent's on the other: messages flow both
  ways within a second, through Redis.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.services.servers import (
    GEMBOT,
    fresh_postgres_database,
    prepare,
    running_server,
    service_env,
)

pytestmark = [pytest.mark.services, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def gembot(env: dict, *args: str) -> str:
    result = subprocess.run(
        [GEMBOT, *args], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout


@pytest.fixture(scope="module")
def stack(services, tmp_path_factory):
    database = fresh_postgres_database(services["DATABASE_URL"], "gem_test_livechat")
    env = service_env(database, services["REDIS_URL"], str(tmp_path_factory.mktemp("gem")))
    prepare(env)
    gembot(env, "manage", "livechat", "GM0855", "--on")
    gembot(env, "officehours", "set", "GM0855", "ma-zo 00:00-24:00")
    tokens = [
        gembot(
            env,
            "agent",
            "create",
            "--municipality",
            "GM0855",
            "--username",
            name,
            "--name",
            name.title(),
        )
        .strip()
        .splitlines()[-1]
        for name in ("anna", "bert")
    ]
    with running_server(env) as first, running_server(env) as second:
        yield {"env": env, "servers": (first, second), "tokens": tokens}


def agent_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Token {token}"}


def waiting_resident(base: str) -> dict:
    started = httpx.post(f"{base}/api/v1/conversations", json={"municipality": "GM0855"})
    assert started.status_code == 201, started.text
    resident = started.json()
    resident["headers"] = {"Authorization": f"Bearer {resident['token']}"}
    joined = httpx.post(
        f"{base}/api/v1/conversations/{resident['id']}/handover", headers=resident["headers"]
    )
    assert joined.status_code == 200, joined.text
    return resident


def go_online(base: str, token: str) -> None:
    response = httpx.post(
        f"{base}/api/v1/agent/availability", json={"status": "online"}, headers=agent_headers(token)
    )
    assert response.status_code == 200, response.text


def test_command_prints_the_token_as_last_line(stack):
    token = stack["tokens"][0]
    assert len(token) == 40 and token.isalnum()


def test_two_agents_on_two_processes_accept_at_the_same_moment(stack):
    first, second = stack["servers"]
    anna, bert = stack["tokens"]
    go_online(first, anna)
    go_online(second, bert)
    for _round in range(10):
        resident = waiting_resident(first)
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def accept(
            base: str, token: str, conversation=resident["id"], barrier=barrier, statuses=statuses
        ):
            barrier.wait()
            response = httpx.post(
                f"{base}/api/v1/agent/conversations/{conversation}/accept",
                headers=agent_headers(token),
            )
            statuses.append(response.status_code)

        threads = [
            threading.Thread(target=accept, args=(first, anna)),
            threading.Thread(target=accept, args=(second, bert)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [200, 409]


def test_the_same_race_with_threads_on_postgresql(stack):
    result = subprocess.run(
        [sys.executable, "-m", "tests.livechat.race_on_postgres", "25"],
        env=stack["env"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rounds = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(rounds) == 25
    for round_ in rounds:
        assert round_["outcomes"] == [200, 409]
        assert round_["agent_set"]


def ws_url(base: str, path: str) -> str:
    return base.replace("http://", "ws://") + path


async def next_of(socket, kind: str, timeout: float = 1.0, **match) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        raw = await asyncio.wait_for(socket.recv(), timeout=max(deadline - time.monotonic(), 0))
        event = json.loads(raw)
        if event.get("type") == kind and all(event.get(k) == v for k, v in match.items()):
            return event


async def message_with(socket, text: str, timeout: float = 1.0) -> dict:
    """The message with ``text`` (earlier events, such as echoes, are skipped)."""
    deadline = time.monotonic() + timeout
    while True:
        event = await next_of(socket, "messages", timeout=max(deadline - time.monotonic(), 0))
        for message in event["messages"]:
            if message["text"] == text:
                return {**message, "conversation": event.get("conversation")}


def test_messages_flow_both_ways_across_processes_within_a_second(stack):
    first, second = stack["servers"]
    anna, _bert = stack["tokens"]
    go_online(second, anna)
    resident = waiting_resident(first)

    async def scenario():
        resident_ws = await connect(
            ws_url(first, f"/ws/conversations/{resident['id']}/?token={resident['token']}")
        )
        console_ws = await connect(
            ws_url(second, "/ws/console/"), additional_headers=agent_headers(anna)
        )
        try:
            await next_of(resident_ws, "connected")
            await next_of(console_ws, "connected")
            await console_ws.send(json.dumps({"type": "watch", "conversation": resident["id"]}))
            await next_of(console_ws, "watching")

            accepted = await asyncio.to_thread(
                httpx.post,
                f"{second}/api/v1/agent/conversations/{resident['id']}/accept",
                headers=agent_headers(anna),
            )
            assert accepted.status_code == 200, accepted.text
            joined = await next_of(resident_ws, "messages")
            assert joined["messages"][0]["text"] == "Anna van de gemeente is er nu."

            for n in range(5):
                started = time.monotonic()
                text = f"Bericht {n} van Anna"
                await console_ws.send(
                    json.dumps({"type": "message", "conversation": resident["id"], "text": text})
                )
                got = await message_with(resident_ws, text)
                assert got["sender"] == "agent" and got["sender_name"] == "Anna"
                assert time.monotonic() - started < 1.0

                started = time.monotonic()
                text = f"Antwoord {n} van de inwoner"
                await resident_ws.send(json.dumps({"type": "message", "text": text}))
                heard = await message_with(console_ws, text)
                assert heard["sender"] == "resident" and heard["conversation"] == resident["id"]
                assert time.monotonic() - started < 1.0

            await resident_ws.send(json.dumps({"type": "typing"}))
            typing = await next_of(console_ws, "typing")
            assert typing["conversation"] == resident["id"]
        finally:
            await resident_ws.close()
            await console_ws.close()

    asyncio.run(scenario())
