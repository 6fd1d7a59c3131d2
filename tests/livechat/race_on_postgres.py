"""Run by test_two_processes.py in a subprocess against PostgreSQL (DATABASE_URL):
two agents in two threads accept the same waiting conversation at the same moment, many
times over. Prints one JSON line: how many accepts each conversation had succeed.

    python -m tests.livechat.race_on_postgres ROUNDS
"""

from __future__ import annotations

import json
import os
import sys
import threading

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gembot.config.settings")
django.setup()

from django.db import connection  # noqa: E402

from gembot.conversations.actions import start_conversation  # noqa: E402
from gembot.core.api_errors import ApiError  # noqa: E402
from gembot.livechat.actions.handover import accept_handover, request_handover  # noqa: E402
from gembot.livechat.actions.municipal import update_livechat_settings  # noqa: E402
from gembot.livechat.actions.people import create_agent  # noqa: E402
from gembot.livechat.actions.presence import set_availability  # noqa: E402
from gembot.livechat.models import Handover  # noqa: E402
from gembot.tenants.models import Municipality  # noqa: E402


def main(rounds: int) -> None:
    assert connection.vendor == "postgresql", connection.vendor
    place = Municipality.objects.get(code="GM0855")
    update_livechat_settings(place, enabled=True, office_hours="ma-zo 00:00-24:00")
    agents = [create_agent(place, f"race-{n}", name=f"Race {n}").user for n in (1, 2)]
    for agent in agents:
        set_availability(agent, "online")
    results = []
    for _ in range(rounds):
        conversation = start_conversation(place).conversation
        request_handover(conversation)
        barrier = threading.Barrier(len(agents))
        outcomes: list[int] = []

        def accept(agent, conversation_id=conversation.id, barrier=barrier, outcomes=outcomes):
            barrier.wait()
            try:
                accept_handover(agent, conversation_id)
                outcomes.append(200)
            except ApiError as error:
                outcomes.append(error.status_code)
            finally:
                connection.close()

        threads = [threading.Thread(target=accept, args=(agent,)) for agent in agents]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        handover = Handover.objects.get(conversation=conversation)
        results.append({"outcomes": sorted(outcomes), "agent_set": handover.agent_id is not None})
    print(json.dumps(results))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
