"""Start real `gembot serve` processes for the service tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

GEMBOT = str(Path(sys.executable).with_name("gembot"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_postgres_database(admin_url: str, name: str) -> str:
    """Drop and create database ``name``; return its URL."""
    with psycopg.connect(
        admin_url.replace("postgres://", "postgresql://"), autocommit=True
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    base, _, _old = admin_url.rpartition("/")
    return f"{base}/{name}"


def service_env(database_url: str, redis_url: str, data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "GEM_DATA_DIR": data_dir,
            "GEM_RATE_IP": "100000/min",
            "GEM_RATE_CONVERSATION": "100000/min",
            "GEM_RATE_NEW_CONVERSATION": "100000/min",
        }
    )
    return env


def prepare(env: dict[str, str]) -> None:
    subprocess.run([GEMBOT, "migrate"], env=env, check=True, capture_output=True, timeout=300)


@contextmanager
def running_server(env: dict[str, str], *, workers: int = 1):
    """A `gembot serve` process; yields its base URL and stops it afterwards."""
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="gem-serve-", suffix=".log")[1])
    process = subprocess.Popen(
        [GEMBOT, "serve", "--no-prepare", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(log.read_text())
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start:\n" + log.read_text())
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
