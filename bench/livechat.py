"""Live-chat benchmark: agent <-> resident message latency through the websocket path.

Starts two real ``gembot serve`` processes on a fresh PostgreSQL database with the Redis
channel layer (like tests/services/servers.py), puts ``--handovers`` residents in the
queue, lets ``--agents`` agents accept them, and then every conversation chats at the same
time: the agent writes over ``/ws/console/`` on server B and the resident's websocket on
server A receives it; the resident answers over its websocket on A and the agent's console
on B receives it. Latency is measured from ``send`` to ``receive`` in this (one) client
process, so it includes the database write, Redis and both servers.

Each conversation waits a random "typing time" before each message. Two phases run on the
same servers: ``chat`` (5-15 s, the pace of people typing sentences: ~13 messages a second
for 100 chats) and ``busy`` (1-3 s, ~35 messages a second: far above what 100 people type).
One warm-up round per phase is not counted.

    .venv/bin/python bench/livechat.py                       # 100 handovers, under 3 minutes
    .venv/bin/python bench/livechat.py --handovers 20 --phase quick:1-2:3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx
import psycopg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.services.servers import (  # noqa: E402
    GEMBOT,
    fresh_postgres_database,
    prepare,
    running_server,
    service_env,
)

# redis-py 8 reads with a 5 s socket timeout by default and channels-redis blocks on BZPOPMIN
# for 5 s: a websocket with nothing to receive for 5 s then dies with a TimeoutError. Until
# gembot.config.settings sets a longer socket timeout, the benchmark's servers do.
SETTINGS_FIX = """
from gembot.config.settings import *  # noqa: F403

for _layer in CHANNEL_LAYERS.values():  # noqa: F405
    _config = _layer.get("CONFIG") or {}
    _config["hosts"] = [
        h if isinstance(h, dict) else {"address": h, "socket_timeout": 10}
        for h in _config.get("hosts", [])
    ]
"""
DEFAULT_PG = os.environ.get("GEM_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
DEFAULT_REDIS = os.environ.get("GEM_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
CREATE_AGENTS = """
from gembot.livechat.actions.people import create_agent
from gembot.tenants.models import Municipality
place = Municipality.objects.get(code="GM0855")
for n in range({count}):
    print(create_agent(place, f"bench-{{n}}", name=f"Agent {{n}}").token)
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def phase(text: str) -> tuple[str, tuple[float, float], int]:
    name, span, rounds = text.split(":")
    low, high = span.split("-")
    return name, (float(low), float(high)), int(rounds)


def setup(env: dict[str, str], agents: int) -> list[str]:
    prepare(env)

    def gembot(*args: str) -> str:
        return subprocess.run(
            [GEMBOT, *args], env=env, check=True, capture_output=True, text=True, timeout=120
        ).stdout

    gembot("manage", "livechat", "GM0855", "--on", "--max-wait", "60")
    gembot("officehours", "set", "GM0855", "ma-zo 00:00-24:00")
    output = gembot("manage", "shell", "--no-imports", "-c", CREATE_AGENTS.format(count=agents))
    return output.split()[-agents:]


class Bench:
    def __init__(self, resident_base: str, agent_base: str, tokens: list[str], args):
        self.resident_base, self.agent_base = resident_base, agent_base
        self.tokens, self.args = tokens, args
        self.pending: dict[str, tuple[float, asyncio.Future]] = {}
        self.latency: dict[tuple[str, str], list[float]] = {}
        self.elapsed: dict[str, float] = {}

    def ws(self, base: str, path: str) -> str:
        return base.replace("http://", "ws://") + path

    def arrived(self, text: str) -> None:
        waiting = self.pending.pop(text, None)
        if waiting is not None and not waiting[1].done():
            waiting[1].set_result(time.perf_counter() - waiting[0])

    async def read(self, socket, sender: str) -> None:
        async for raw in socket:
            event = json.loads(raw)
            if event.get("type") == "messages":
                for message in event["messages"]:
                    if message["sender"] == sender:
                        self.arrived(message["text"])

    async def timed(self, key: str, send) -> float:
        future = asyncio.get_running_loop().create_future()
        self.pending[key] = (time.perf_counter(), future)
        await send()
        return await asyncio.wait_for(future, timeout=10)

    async def run(self) -> None:
        args = self.args
        auth = [{"Authorization": f"Token {token}"} for token in self.tokens]
        async with httpx.AsyncClient(timeout=30) as http:
            for headers in auth:
                await http.post(
                    f"{self.agent_base}/api/v1/agent/availability",
                    json={"status": "online"},
                    headers=headers,
                )
            limit = asyncio.Semaphore(10)

            async def new_resident() -> dict:
                async with limit:
                    started = await http.post(
                        f"{self.resident_base}/api/v1/conversations",
                        json={"municipality": "GM0855"},
                    )
                    resident = started.json()
                    joined = await http.post(
                        f"{self.resident_base}/api/v1/conversations/{resident['id']}/handover",
                        headers={"Authorization": f"Bearer {resident['token']}"},
                    )
                    assert joined.status_code == 200, joined.text
                    return resident

            residents = await asyncio.gather(*(new_resident() for _ in range(args.handovers)))
            consoles = [
                await connect(self.ws(self.agent_base, "/ws/console/"), additional_headers=h)
                for h in auth
            ]
            sockets = [
                await connect(
                    self.ws(self.resident_base, f"/ws/conversations/{r['id']}/?token={r['token']}")
                )
                for r in residents
            ]
            for index, resident in enumerate(residents):
                agent = index % len(auth)
                accepted = await http.post(
                    f"{self.agent_base}/api/v1/agent/conversations/{resident['id']}/accept",
                    headers=auth[agent],
                )
                assert accepted.status_code == 200, accepted.text
                await consoles[agent].send(
                    json.dumps({"type": "watch", "conversation": resident["id"]})
                )
        readers = [asyncio.create_task(self.read(s, "agent")) for s in sockets]
        readers += [asyncio.create_task(self.read(c, "resident")) for c in consoles]
        await asyncio.sleep(1)  # watches settle

        for name, think, rounds in args.phase:
            for direction in ("agent -> resident", "resident -> agent"):
                self.latency[(name, direction)] = []

            async def chat(index: int, resident: dict, name=name, think=think, rounds=rounds):
                console, socket = consoles[index % len(consoles)], sockets[index]
                for round_ in range(-1, rounds):  # round -1 warms up and is not counted
                    await asyncio.sleep(random.uniform(*think))
                    key = f"{name} {index}.{round_} van de medewerker"
                    payload = {"type": "message", "conversation": resident["id"], "text": key}
                    took = await self.timed(key, lambda p=payload: console.send(json.dumps(p)))
                    if round_ >= 0:
                        self.latency[(name, "agent -> resident")].append(took)
                    await asyncio.sleep(random.uniform(*think))
                    key = f"{name} {index}.{round_} van de inwoner"
                    payload = {"type": "message", "text": key}
                    took = await self.timed(key, lambda p=payload: socket.send(json.dumps(p)))
                    if round_ >= 0:
                        self.latency[(name, "resident -> agent")].append(took)

            started = time.perf_counter()
            await asyncio.gather(*(chat(i, r) for i, r in enumerate(residents)))
            self.elapsed[name] = time.perf_counter() - started
        for task in readers:
            task.cancel()
        for socket in [*sockets, *consoles]:
            await socket.close()

    def table(self) -> str:
        lines = [
            "| phase | messages/s | direction | messages | p50 ms | p90 ms | p99 ms | max ms |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for (phase, direction), values in self.latency.items():
            ms = [v * 1000 for v in values]
            rate = sum(len(v) for (p, _d), v in self.latency.items() if p == phase)
            rate /= self.elapsed[phase]
            lines.append(
                f"| {phase} | {rate:.0f} | {direction} | {len(ms)} | {statistics.median(ms):.1f} | "
                f"{percentile(ms, 0.90):.1f} | {percentile(ms, 0.99):.1f} | {max(ms):.1f} |"
            )
        return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handovers", type=int, default=100)
    parser.add_argument("--agents", type=int, default=10)
    parser.add_argument(
        "--phase",
        type=phase,
        action="append",
        help="NAME:MIN-MAX:ROUNDS, typing time in seconds and messages each way per chat "
        "(default: chat:5-15:3 and busy:1-3:5).",
    )
    parser.add_argument("--postgres", default=DEFAULT_PG, help="Admin URL to create the DB.")
    parser.add_argument("--redis", default=DEFAULT_REDIS)
    parser.add_argument(
        "--shipped-settings",
        action="store_true",
        help="Do not lengthen the Redis socket timeout (websockets idle for 5 s then die).",
    )
    args = parser.parse_args()
    args.phase = args.phase or [phase("chat:5-15:3"), phase("busy:1-3:5")]

    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    database = fresh_postgres_database(args.postgres, "gem_bench_livechat")
    data = tempfile.mkdtemp(prefix="gem-bench-")
    env = service_env(database, args.redis, data)
    if not args.shipped_settings:
        Path(data, "gem_bench_settings.py").write_text(SETTINGS_FIX)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [data, env.get("PYTHONPATH")]))
        env["DJANGO_SETTINGS_MODULE"] = "gem_bench_settings"
    tokens = setup(env, args.agents)
    try:
        with running_server(env) as resident_base, running_server(env) as agent_base:
            bench = Bench(resident_base, agent_base, tokens, args)
            asyncio.run(bench.run())
    finally:
        drop_database(args.postgres, "gem_bench_livechat")
    phases = ", ".join(f"{n} {t[0]:g}-{t[1]:g} s x{r}" for n, t, r in args.phase)
    print(
        f"Live chat, {args.handovers} concurrent handovers, {args.agents} agents, typing time "
        f"per phase: {phases}; residents on server A, agents on server B (PostgreSQL + Redis). "
        f"Redis socket timeout {'5 s (shipped)' if args.shipped_settings else '10 s'}. "
        f"{date.today()}, {platform.machine()} {os.cpu_count()} cores, load average before "
        f"{load_before:.1f}, total run {time.perf_counter() - began:.0f} s."
    )
    print()
    print(bench.table())


if __name__ == "__main__":
    main()
