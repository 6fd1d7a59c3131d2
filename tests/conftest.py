"""Shared fixtures: one prepared test database per session, an API client per test."""

from __future__ import annotations

import os
import socket

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database gets what `gembot migrate` gives a fresh install."""
    from gembot.core.setup import prepare_database

    with django_db_blocker.unblock():
        prepare_database()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(db) -> APIClient:
    return APIClient()


class Resident:
    """A resident talking to Gem through the public API, as a client would."""

    def __init__(self, client: APIClient, municipality: str = "GM0855"):
        self.client = client
        response = client.post(
            "/api/v1/conversations", {"municipality": municipality}, format="json"
        )
        assert response.status_code == 201, response.content
        self.start = response.json()
        self.id = self.start["id"]
        self.token = self.start["token"]

    @property
    def auth(self) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"}

    def say(self, text: str, expect: int = 200) -> dict:
        response = self.client.post(
            f"/api/v1/conversations/{self.id}/messages", {"text": text}, format="json", **self.auth
        )
        assert response.status_code == expect, response.content
        return response.json()

    def transcript(self) -> dict:
        response = self.client.get(f"/api/v1/conversations/{self.id}", **self.auth)
        assert response.status_code == 200, response.content
        return response.json()


@pytest.fixture
def resident(api) -> Resident:
    return Resident(api)


@pytest.fixture
def make_resident(api):
    return lambda municipality="GM0855": Resident(api, municipality)


# --- Services (PostgreSQL, Redis) ---------------------------------------------------------

POSTGRES_URL = os.environ.get("GEM_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("GEM_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def services() -> dict[str, str]:
    """PostgreSQL and Redis URLs; skip locally without them, fail on CI."""
    missing = [
        name
        for name, port in (("PostgreSQL", 5432), ("Redis", 6379))
        if not _reachable("127.0.0.1", port)
    ]
    if missing:
        reason = f"{' and '.join(missing)} not running on 127.0.0.1"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return {"DATABASE_URL": POSTGRES_URL, "REDIS_URL": REDIS_URL}
