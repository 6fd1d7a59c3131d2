"""A chat turn stays cheap: a handful of queries, whatever the topic."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

MAX_QUERIES_PER_TURN = 11  # including the transaction savepoints


@pytest.mark.parametrize(
    "text", ["ik wil een paspoort", "wanneer word me kliko geleegd", "asdfgh", "hallo"]
)
def test_a_turn_takes_a_handful_of_queries(resident, text):
    resident.say("hallo")  # warm the per-process caches (model, content snapshot)
    with CaptureQueriesContext(connection) as queries:
        resident.say(text)
    real = [q for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(queries.captured_queries) <= MAX_QUERIES_PER_TURN, [
        q["sql"][:120] for q in queries.captured_queries
    ]
    assert len(real) <= 8
