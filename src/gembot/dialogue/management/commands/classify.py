from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gembot.core.setup import prepare_database
from gembot.dialogue.engine import recognise
from gembot.dialogue.library import Library
from gembot.nlu import OUT_OF_SCOPE
from gembot.tenants.access import find_municipality


class Command(BaseCommand):
    help = (
        "Read JSON lines with a 'text' field from stdin; write each object back with "
        "'topic', 'confidence' and 'answer' added (other fields pass through), one line out "
        "per line in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--municipality", "-m", required=True, help="CBS code (GM0855) or name (tilburg)."
        )

    def handle(self, *args, municipality: str, **options) -> None:
        prepare_database(self.stderr.write)
        found = find_municipality(municipality)
        if found is None or not found.enabled:
            raise CommandError(f"Onbekende gemeente: {municipality}")
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            self.stdout.write(json.dumps(self.classify(found, line, number), ensure_ascii=False))
            self.stdout.flush()

    def classify(self, municipality, line: str, number: int) -> dict:
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            return {"error": f"regel {number}: geen geldige JSON"}
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("text"), str)
            or not row["text"].strip()
        ):
            return {
                "error": f"regel {number}: veld 'text' ontbreekt of is leeg",
                **(row if isinstance(row, dict) else {}),
            }
        library = Library(municipality)
        prediction = recognise(municipality, row["text"], library)
        answer = None
        if prediction.topic != OUT_OF_SCOPE:
            answer = library.answer(prediction.topic, prediction.language).text
        return {
            **row,
            "topic": prediction.topic,
            "confidence": round(prediction.confidence, 4),
            "answer": answer,
        }
