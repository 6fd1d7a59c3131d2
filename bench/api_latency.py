"""API latency benchmark of Gem's conversation API.

Measures round-trip latency (p50/p95/p99, ms) and throughput (requests/s) of the public
conversation API over loopback HTTP:

* ``start``  ``POST /api/v1/conversations``                     (no NLU)
* ``turn``   ``POST /api/v1/conversations/{id}/messages``        (full turn, includes the NLU)
* ``poll``   ``GET  /api/v1/conversations/{id}/messages?since=N`` (no NLU)

each sequentially (one client, one request at a time) and with ``--concurrency``
concurrent conversations (asyncio + one ``httpx.AsyncClient``; every conversation sends
its requests in turn, back to back unless ``--think-ms`` is given). The first ``--warmup``
requests are discarded. With its own server the script also reports the server's CPU time
(user + system of the ``gembot serve`` processes) per request.

By default the script starts its own ``gembot serve`` in a temporary data folder (SQLite),
after ``gembot migrate`` in the same environment (that trains the NLU model: up to a
minute). ``--postgres`` uses a fresh PostgreSQL database, ``--redis`` the Redis channel
layer and cache, ``--workers`` the number of uvicorn worker processes. ``--url`` measures a
server that is already running instead (its rate limits must allow the load).

Examples::

    .venv/bin/python bench/api_latency.py
    .venv/bin/python bench/api_latency.py --postgres --redis --workers 2
    .venv/bin/python bench/api_latency.py --url http://127.0.0.1:8000 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

_VENV_GEMBOT = Path(sys.executable).with_name("gembot")
GEMBOT = str(_VENV_GEMBOT) if _VENV_GEMBOT.exists() else (shutil.which("gembot") or "gembot")
RAISED_RATE = "1000000/min"
DEFAULT_PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"

# Varied resident questions, written for this benchmark (not taken from the training data).
MESSAGES = [
    "Hoe vraag ik een nieuw paspoort aan?",
    "Wat kost een identiteitskaart voor mijn dochter van 12?",
    "Ik ga volgende maand verhuizen naar de Stationsstraat, hoe geef ik dat door?",
    "wanneer wordt het oud papier bij ons opgehaald",
    "Mijn rijbewijs verloopt over twee weken, wat moet ik doen?",
    "Kan ik een bankstel laten ophalen als grofvuil?",
    "Hoe laat is het gemeentehuis open op zaterdag?",
    "Ik heb een parkeerboete gekregen maar ik stond er maar vijf minuten. Kan ik bezwaar maken?",
    "Hoeveel hondenbelasting betaal ik voor twee honden?",
    "Onze zoon is gisteren geboren, waar moeten we hem aangeven?",
    "Ik wil met mijn vriendin trouwen, hoe plannen we dat bij de gemeente?",
    "Er ligt al een week een kapotte fiets op de stoep bij de speeltuin",
    "Kan ik kwijtschelding krijgen van de afvalstoffenheffing? Ik heb een laag inkomen.",
    "Hoe kom ik aan een uittreksel uit de BRP voor mijn nieuwe werkgever?",
    "mijn buren maken elke nacht herrie wat kan ik doen",
    "Ik heb een vog nodig voor vrijwilligerswerk bij de voetbalclub",
    "Waar kan ik met een oude koelkast naartoe?",
    "Ik wil een dakkapel bouwen, heb ik daar een vergunning voor nodig?",
    "Mijn moeder heeft hulp nodig in het huishouden, kan de gemeente helpen?",
    "Ik ben mijn portemonnee met mijn id-kaart kwijtgeraakt in de stad",
    "Hoe lang duurt het voordat mijn paspoort klaar is?",
    "Bedankt voor de hulp, fijne dag!",
]


# --- statistics --------------------------------------------------------------------------
def percentile(sorted_values: list[float], p: float) -> float:
    """Linear-interpolated percentile (the same as numpy's default) of sorted values."""
    if not sorted_values:
        return math.nan
    rank = (len(sorted_values) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


@dataclass
class Phase:
    name: str
    endpoint: str
    mode: str  # "sequential" or "concurrent"
    concurrency: int
    nlu: bool
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    elapsed_s: float = 0.0
    server_cpu_s: float | None = None  # CPU time of the server processes during the phase
    client_cpu_s: float = 0.0  # CPU time of this script during the phase
    truncated: bool = False  # stopped early by the time budget

    def record_error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def summary(self) -> dict:
        values = sorted(self.latencies_ms)
        count = len(values)
        return {
            "name": self.name,
            "endpoint": self.endpoint,
            "mode": self.mode,
            "concurrency": self.concurrency,
            "includes_nlu": self.nlu,
            "requests": count,
            "errors": self.errors,
            "elapsed_s": round(self.elapsed_s, 3),
            "throughput_rps": round(count / self.elapsed_s, 1) if count else None,
            "mean_ms": round(sum(values) / count, 2) if count else None,
            "p50_ms": round(percentile(values, 50), 2) if count else None,
            "p95_ms": round(percentile(values, 95), 2) if count else None,
            "p99_ms": round(percentile(values, 99), 2) if count else None,
            "max_ms": round(values[-1], 2) if count else None,
            "server_cpu_ms_per_request": (
                round(self.server_cpu_s * 1000 / count, 2)
                if count and self.server_cpu_s is not None
                else None
            ),
            "client_cpu_ms_per_request": (
                round(self.client_cpu_s * 1000 / count, 2) if count else None
            ),
            "truncated": self.truncated,
        }


# --- the API client ----------------------------------------------------------------------
@dataclass
class Conversation:
    id: str
    token: str
    since: int  # poll for messages after this id (the latest bot messages stay "new")

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class Api:
    """The three measured calls; each returns its own latency in milliseconds."""

    def __init__(self, client: httpx.AsyncClient, municipality: str):
        self.client = client
        self.municipality = municipality

    @staticmethod
    def _check(response: httpx.Response, expected: int) -> None:
        if response.status_code != expected:
            raise ApiFailure(f"HTTP {response.status_code}")

    async def start(self) -> tuple[Conversation, float]:
        began = time.perf_counter()
        response = await self.client.post(
            "/api/v1/conversations", json={"municipality": self.municipality}
        )
        elapsed = (time.perf_counter() - began) * 1000
        self._check(response, 201)
        body = response.json()
        first = body["messages"][0]["id"]
        return Conversation(body["id"], body["token"], first - 1), elapsed

    async def turn(self, conversation: Conversation, text: str) -> float:
        began = time.perf_counter()
        response = await self.client.post(
            f"/api/v1/conversations/{conversation.id}/messages",
            json={"text": text},
            headers=conversation.headers,
        )
        elapsed = (time.perf_counter() - began) * 1000
        self._check(response, 200)
        replies = response.json()["messages"]
        if replies:  # a later poll returns the replies of this turn
            conversation.since = replies[0]["id"] - 1
        return elapsed

    async def poll(self, conversation: Conversation) -> float:
        began = time.perf_counter()
        response = await self.client.get(
            f"/api/v1/conversations/{conversation.id}/messages",
            params={"since": conversation.since},
            headers=conversation.headers,
        )
        elapsed = (time.perf_counter() - began) * 1000
        self._check(response, 200)
        return elapsed


class ApiFailure(Exception):
    pass


def new_client(base_url: str, connections: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(30.0),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        headers={"Content-Type": "application/json"},
        trust_env=False,  # loopback only: never a proxy
    )


async def measured(phase: Phase, call: Awaitable[float | tuple[object, float]]):
    """Await ``call``, record its latency (or error) in ``phase``; returns its result."""
    try:
        result = await call
    except (ApiFailure, httpx.HTTPError, KeyError, ValueError) as error:
        phase.record_error(str(error) if isinstance(error, ApiFailure) else type(error).__name__)
        return None
    latency = result[1] if isinstance(result, tuple) else result
    phase.latencies_ms.append(latency)
    return result


# --- the benchmark -----------------------------------------------------------------------
@asynccontextmanager
async def timed(phase: Phase, plan: Plan) -> AsyncIterator[None]:
    """Wall time, server CPU and client CPU of one phase."""
    server_before = plan.server_cpu()
    client_before = time.process_time()
    began = time.perf_counter()
    yield
    phase.elapsed_s = time.perf_counter() - began
    phase.client_cpu_s = time.process_time() - client_before
    server_after = plan.server_cpu()
    if server_before is not None and server_after is not None:
        phase.server_cpu_s = server_after - server_before


async def think(plan: Plan, rng: random.Random) -> None:
    if plan.think_s > 0:
        await asyncio.sleep(plan.think_s * rng.uniform(0.5, 1.5))


@dataclass
class Plan:
    sequential: int
    concurrency: int
    messages: int
    starts: int
    polls: int
    warmup: int
    phase_seconds: float
    municipality: str
    think_s: float = 0.0  # pause between two requests of one concurrent conversation
    server_cpu: Callable[[], float | None] = lambda: None


class Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() >= self.end


async def warm_up(base_url: str, plan: Plan) -> int:
    """``plan.warmup`` requests over several connections (so every worker process loads the
    NLU model and opens its caches); nothing is recorded."""
    lanes = max(1, min(10, plan.warmup // 2))
    done = 0
    async with new_client(base_url, lanes) as client:
        api = Api(client, plan.municipality)

        async def lane(index: int) -> None:
            nonlocal done
            conversation = None
            step = 0
            while done < plan.warmup:
                done += 1
                try:
                    if conversation is None:
                        conversation, _ = await api.start()
                    elif step % 3 == 2:
                        await api.poll(conversation)
                    else:
                        await api.turn(conversation, MESSAGES[(index + step) % len(MESSAGES)])
                except (ApiFailure, httpx.HTTPError) as error:
                    raise SystemExit(f"warm-up request failed: {error}") from error
                step += 1

        await asyncio.gather(*(lane(i) for i in range(lanes)))
    return done


async def run_sequential(base_url: str, plan: Plan) -> list[Phase]:
    starts = Phase("sequential start", "POST /conversations", "sequential", 1, nlu=False)
    turns = Phase("sequential turn", "POST /conversations/{id}/messages", "sequential", 1, True)
    polls = Phase(
        "sequential poll", "GET /conversations/{id}/messages?since=N", "sequential", 1, nlu=False
    )
    async with new_client(base_url, 1) as client:
        api = Api(client, plan.municipality)

        async def loop(phase: Phase, count: int, one: Callable[[int], Awaitable]) -> None:
            deadline = Deadline(plan.phase_seconds)
            async with timed(phase, plan):
                for index in range(count):
                    if deadline.passed():
                        phase.truncated = True
                        break
                    await measured(phase, one(index))

        await loop(starts, plan.sequential, lambda _i: api.start())
        conversation, _ = await api.start()
        await loop(
            turns, plan.sequential, lambda i: api.turn(conversation, MESSAGES[i % len(MESSAGES)])
        )
        await loop(polls, plan.sequential, lambda _i: api.poll(conversation))
    return [starts, turns, polls]


async def run_concurrent(base_url: str, plan: Plan) -> list[Phase]:
    n = plan.concurrency
    starts = Phase(f"{n} concurrent start", "POST /conversations", "concurrent", n, nlu=False)
    turns = Phase(
        f"{n} concurrent turn", "POST /conversations/{id}/messages", "concurrent", n, nlu=True
    )
    polls = Phase(
        f"{n} concurrent poll",
        "GET /conversations/{id}/messages?since=N",
        "concurrent",
        n,
        nlu=False,
    )
    async with new_client(base_url, n) as client:
        api = Api(client, plan.municipality)

        async def together(phase: Phase, lane: Callable[[int, Deadline], Awaitable]) -> None:
            deadline = Deadline(plan.phase_seconds)
            async with timed(phase, plan):
                await asyncio.gather(*(lane(i, deadline) for i in range(n)))

        conversations: list[Conversation | None] = [None] * n

        async def start_lane(index: int, deadline: Deadline) -> None:
            rng = random.Random(index)
            for _ in range(plan.starts):
                await think(plan, rng)
                if deadline.passed():
                    starts.truncated = True
                    return
                result = await measured(starts, api.start())
                if result is not None:
                    conversations[index] = result[0]

        def conversation_lane(stats, count: int, call):
            """Each conversation does `count` calls with think time, until the deadline."""

            async def lane(index: int, deadline: Deadline) -> None:
                conversation = conversations[index]
                if conversation is None:
                    return
                rng = random.Random(index)
                for step in range(count):
                    await think(plan, rng)
                    if deadline.passed():
                        stats.truncated = True
                        return
                    await measured(stats, call(conversation, index, step))

            return lane

        turn_lane = conversation_lane(
            turns,
            plan.messages,
            lambda conversation, index, step: api.turn(
                conversation, MESSAGES[(index * 7 + step) % len(MESSAGES)]
            ),
        )
        poll_lane = conversation_lane(
            polls, plan.polls, lambda conversation, index, step: api.poll(conversation)
        )

        await together(starts, start_lane)
        await together(turns, turn_lane)
        await together(polls, poll_lane)
    return [starts, turns, polls]


async def benchmark(base_url: str, plan: Plan) -> tuple[int, list[Phase]]:
    warmed = await warm_up(base_url, plan)
    phases = await run_sequential(base_url, plan)
    phases += await run_concurrent(base_url, plan)
    return warmed, phases


# --- a server of our own -----------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_postgres_database(admin_url: str, name: str) -> str:
    import psycopg  # only needed with --postgres

    with psycopg.connect(
        admin_url.replace("postgres://", "postgresql://", 1), autocommit=True
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    base, _, _old = admin_url.rpartition("/")
    return f"{base}/{name}"


def drop_postgres_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(
        admin_url.replace("postgres://", "postgresql://", 1), autocommit=True
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def own_server(args: argparse.Namespace, log: Callable[[str], None]) -> Iterator[tuple[str, int]]:
    """Prepare a database and start ``gembot serve``; yields its base URL and process id."""
    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp("-gem-bench"))
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        {
            "GEM_DATA_DIR": str(data_dir),
            "GEM_RATE_IP": args.rate,
            "GEM_RATE_CONVERSATION": args.rate,
            "GEM_RATE_NEW_CONVERSATION": args.rate,
            "GEM_LOG_LEVEL": "WARNING",
        }
    )
    if args.postgres:
        env["DATABASE_URL"] = fresh_postgres_database(args.pg_admin_url, args.pg_database)
    if args.redis:
        env["REDIS_URL"] = args.redis_url
    server_log = data_dir / "serve.log"
    process = None
    try:
        began = time.monotonic()
        log(f"gembot migrate (data folder {data_dir}) ...")
        prepared = subprocess.run(
            [GEMBOT, "migrate"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if prepared.returncode != 0:
            raise SystemExit(f"gembot migrate failed:\n{prepared.stdout}\n{prepared.stderr}")
        log(f"  prepared in {time.monotonic() - began:.0f} s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with server_log.open("w") as out:
            process = subprocess.Popen(
                [
                    GEMBOT,
                    "serve",
                    "--no-prepare",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--workers",
                    str(args.workers),
                ],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit("gembot serve stopped:\n" + server_log.read_text())
            try:
                if httpx.get(f"{base}/healthz", timeout=1, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("gembot serve did not start:\n" + server_log.read_text())
            time.sleep(0.2)
        log(f"gembot serve --workers {args.workers} on {base}")
        yield base, process.pid
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if args.postgres and not args.keep:
            drop_postgres_database(args.pg_admin_url, args.pg_database)
        if not args.data_dir and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


def process_tree_cpu(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` and its (worker) descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}  # pid -> (parent pid, cpu seconds)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()  # after "pid (comm) "
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
    if pid not in stats:
        return None
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += stats[current][1]
        todo += [child for child, (parent, _cpu) in stats.items() if parent == current]
    return total


# --- output ------------------------------------------------------------------------------
def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "ram_gib": ram_gib,
        "python": platform.python_version(),
    }


def markdown(results: dict) -> str:
    lines = [
        f"Configuration: {results['configuration']}",
        "",
        "| phase | endpoint | NLU | requests | errors | req/s | p50 ms | p95 ms | p99 ms "
        "| max ms | server CPU ms/req |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results["phases"]:
        errors = sum(row["errors"].values())
        name = row["name"] + (" (time-capped)" if row["truncated"] else "")
        cells = [
            row[key] if row[key] is not None else "-"
            for key in (
                "throughput_rps",
                "p50_ms",
                "p95_ms",
                "p99_ms",
                "max_ms",
                "server_cpu_ms_per_request",
            )
        ]
        lines.append(
            f"| {name} | `{row['endpoint']}` | {'yes' if row['includes_nlu'] else 'no'} "
            f"| {row['requests']} | {errors} | " + " | ".join(str(cell) for cell in cells) + " |"
        )
    target = results["target"]
    lines += [
        "",
        f"Target: p99 < {target['p99_ms']} ms at {target['concurrency']} concurrent "
        f"conversations, without NLU work (start and poll): worst p99 "
        f"{target['worst_p99_ms']} ms -> {'met' if target['met'] else 'NOT met'}.",
        f"Think time between requests of a concurrent conversation: "
        f"{results['settings']['think_ms']} ms. Load average (1 min) before/after: "
        f"{results['load_average']['before'][0]} / {results['load_average']['after'][0]} "
        f"on {results['machine']['nproc']} CPUs. Server CPU: user+system time of the "
        f"`gembot serve` processes per request (own server only).",
    ]
    return "\n".join(lines)


def configuration(args: argparse.Namespace) -> str:
    if args.url:
        return f"running server {args.url}"
    database = "PostgreSQL" if args.postgres else "SQLite"
    layer = "Redis" if args.redis else "in-memory layer/locmem cache"
    return f"{database} + {layer}, {args.workers} worker(s)"


# --- command line ------------------------------------------------------------------------
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Latency and throughput of Gem's conversation API (loopback HTTP).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--url",
        help="measure this running server instead of starting one "
        "(its rate limits must allow the load)",
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="own server: a fresh PostgreSQL database (--pg-database)",
    )
    parser.add_argument(
        "--redis",
        action="store_true",
        help="own server: Redis channel layer and cache (--redis-url)",
    )
    parser.add_argument("--workers", type=int, default=1, help="own server: uvicorn workers")
    parser.add_argument(
        "--pg-admin-url",
        default=DEFAULT_PG_ADMIN,
        help="PostgreSQL URL used to (re)create the benchmark database",
    )
    parser.add_argument(
        "--pg-database",
        default="gem_bench",
        help="name of the benchmark database (dropped and created)",
    )
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument(
        "--rate",
        default=RAISED_RATE,
        help="own server: GEM_RATE_IP, GEM_RATE_CONVERSATION and GEM_RATE_NEW_CONVERSATION",
    )
    parser.add_argument(
        "--data-dir",
        help="own server: data folder (default: a fresh temporary folder, removed afterwards)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary data folder and PostgreSQL database"
    )
    parser.add_argument("--municipality", default="GM0855", help="CBS code or slug")
    parser.add_argument(
        "--sequential",
        type=int,
        default=200,
        help="requests per sequential phase (start, turn, poll)",
    )
    parser.add_argument("--concurrency", type=int, default=50, help="concurrent conversations")
    parser.add_argument(
        "--messages",
        type=int,
        default=10,
        help="messages each concurrent conversation sends (full turns)",
    )
    parser.add_argument(
        "--starts", type=int, default=10, help="conversations each concurrent client starts"
    )
    parser.add_argument(
        "--polls", type=int, default=20, help="polls each concurrent conversation makes"
    )
    parser.add_argument("--warmup", type=int, default=20, help="requests sent first and discarded")
    parser.add_argument(
        "--phase-seconds",
        type=float,
        default=15.0,
        help="time cap of each of the six measured phases",
    )
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause (uniform 0.5-1.5x) before each request of a concurrent "
        "conversation; 0 sends back to back",
    )
    parser.add_argument("--target-p99-ms", type=float, default=50.0)
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    if args.url and (args.postgres or args.redis or args.workers != 1 or args.data_dir):
        parser.error("--url measures a running server: no --postgres/--redis/--workers")
    if args.url and not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("--url must be a loopback address")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started = time.monotonic()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    plan = Plan(
        sequential=args.sequential,
        concurrency=args.concurrency,
        messages=args.messages,
        starts=args.starts,
        polls=args.polls,
        warmup=args.warmup,
        phase_seconds=args.phase_seconds,
        municipality=args.municipality,
        think_s=args.think_ms / 1000,
    )
    load_before = os.getloadavg()

    def measure(base_url: str) -> tuple[int, list[Phase]]:
        log("measuring ...")
        return asyncio.run(benchmark(base_url, plan))

    if args.url:
        warmed, phases = measure(args.url.rstrip("/"))
    else:
        with own_server(args, log) as (base_url, pid):
            plan.server_cpu = lambda: process_tree_cpu(pid)
            warmed, phases = measure(base_url)
    load_after = os.getloadavg()

    rows = [phase.summary() for phase in phases]
    judged = [
        row
        for row in rows
        if row["mode"] == "concurrent" and not row["includes_nlu"] and row["requests"]
    ]
    worst = max((row["p99_ms"] for row in judged), default=None)
    results = {
        "benchmark": "bench/api_latency.py",
        "configuration": configuration(args),
        "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "settings": {
            "url": args.url,
            "postgres": args.postgres,
            "redis": args.redis,
            "workers": args.workers,
            "rate": args.rate,
            "municipality": args.municipality,
            "sequential": args.sequential,
            "concurrency": args.concurrency,
            "messages": args.messages,
            "starts": args.starts,
            "polls": args.polls,
            "warmup": warmed,
            "phase_seconds": args.phase_seconds,
            "think_ms": args.think_ms,
        },
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in load_after],
        },
        "phases": rows,
        "target": {
            "p99_ms": args.target_p99_ms,
            "concurrency": args.concurrency,
            "worst_p99_ms": worst,
            "met": worst is not None
            and worst < args.target_p99_ms
            and all(not row["errors"] for row in judged),
        },
        "total_s": round(time.monotonic() - started, 1),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(markdown(results))
        print(f"\n(total run {results['total_s']} s)")


if __name__ == "__main__":
    main()
