"""A conversation started on one server process continues on another (PostgreSQL + Redis)."""

from __future__ import annotations

import httpx
import pytest

from tests.services.servers import fresh_postgres_database, prepare, running_server, service_env

pytestmark = [pytest.mark.services, pytest.mark.slow]


@pytest.fixture(scope="module")
def two_servers(services, tmp_path_factory):
    database = fresh_postgres_database(services["DATABASE_URL"], "gem_test_two_processes")
    env = service_env(database, services["REDIS_URL"], str(tmp_path_factory.mktemp("gem")))
    prepare(env)
    with running_server(env) as first, running_server(env) as second:
        yield first, second


def test_conversation_continues_on_the_other_process(two_servers):
    first, second = two_servers
    started = httpx.post(f"{first}/api/v1/conversations", json={"municipality": "GM0855"})
    assert started.status_code == 201
    conversation = started.json()
    auth = {"Authorization": f"Bearer {conversation['token']}"}
    sent = []
    for index, base in enumerate([first, second, first, second]):
        text = f"vraag nummer {index}: hoe vraag ik een paspoort aan"
        response = httpx.post(
            f"{base}/api/v1/conversations/{conversation['id']}/messages",
            json={"text": text},
            headers=auth,
        )
        assert response.status_code == 200, response.text
        sent.append(text)
    for base in (first, second):
        transcript = httpx.get(
            f"{base}/api/v1/conversations/{conversation['id']}", headers=auth
        ).json()
        resident_texts = [m["text"] for m in transcript["messages"] if m["sender"] == "resident"]
        assert resident_texts == sent
