"""Cost of the dialogue layer per message, without the NLU.

Prepares a fresh SQLite database in a temporary folder (migrations, municipalities, content,
NLU model), recognises a fixed set of resident messages once, then times
``gembot.dialogue.engine.respond`` with those predictions handed in: what is measured is the
dialogue's own work (state, tailoring, follow-ups, content lookup and rendering). It also
counts the database queries of a whole turn through ``handle_resident_message``.

    .venv/bin/python bench/dialogue.py [--rounds 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Conversations of a few turns, written for this benchmark (not from the training data).
CONVERSATIONS = [
    ["ik wil een paspoort", "/optie leeftijd=volwassen", "en wat kost dat?", "/feedback ja"],
    ["ik verhuis over twee maanden binnen de stad", "hoe lang duurt het?"],
    ["wanneer wordt mijn groene bak geleegd", "/feedback nee"],
    ["mijn rijbewijs is gestolen", "wat moet ik meenemen?"],
    ["asdf qwer", "ik snap het niet"],
    ["een kaart aanvragen", "/kies identiteitskaart", "/optie leeftijd=minderjarig"],
    ["hallo", "ben jij een robot?", "bedankt, doei"],
    ["How do I register my new address?", "how much does it cost?"],
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="Times every turn is timed.")
    parser.add_argument("--json", action="store_true", help="Machine-readable output.")
    args = parser.parse_args()

    os.environ.setdefault("GEM_DATA_DIR", tempfile.mkdtemp(prefix="gem-bench-dialogue-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "gembot.config.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from gembot.conversations import actions
    from gembot.core.setup import prepare_database
    from gembot.dialogue import engine
    from gembot.tenants.models import Municipality

    prepare_database(lambda message: print(message, file=sys.stderr))
    municipality = Municipality.objects.get(code="GM0855")

    dialogue_ms: list[float] = []
    nlu_ms: list[float] = []
    queries: list[int] = []
    for conversation_texts in CONVERSATIONS:
        with transaction.atomic():
            conversation = actions.start_conversation(municipality).conversation
            for text in conversation_texts:
                started = time.perf_counter()
                prediction = engine.understand(municipality, text)
                nlu_ms.append((time.perf_counter() - started) * 1000)
                for _ in range(args.rounds):  # the dialogue alone, same state every round
                    started = time.perf_counter()
                    engine.respond(conversation, text, prediction)
                    dialogue_ms.append((time.perf_counter() - started) * 1000)
                with CaptureQueriesContext(connection) as captured:
                    actions.handle_resident_message(conversation, text)
                queries.append(len(captured.captured_queries))
            transaction.set_rollback(True)

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "turns": len(queries),
        "dialogue_ms": {
            "p50": round(statistics.median(dialogue_ms), 3),
            "p95": round(percentile(dialogue_ms, 95), 3),
            "p99": round(percentile(dialogue_ms, 99), 3),
        },
        "nlu_ms_p50": round(statistics.median(nlu_ms), 3),
        "queries_per_turn": {"max": max(queries), "median": statistics.median(queries)},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"Dialogue layer per message ({result['turns']} turns x {args.rounds} rounds, "
        f"{result['machine']})\n"
    )
    print("| measure | value |")
    print("| --- | --- |")
    for name, value in result["dialogue_ms"].items():
        print(f"| dialogue {name} (no NLU) | {value} ms |")
    print(f"| NLU p50 (for comparison) | {result['nlu_ms_p50']} ms |")
    print(
        f"| queries per whole turn (max / median) | {result['queries_per_turn']['max']} / "
        f"{result['queries_per_turn']['median']} |"
    )


if __name__ == "__main__":
    main()
