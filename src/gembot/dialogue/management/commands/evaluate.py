from __future__ import annotations

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gembot.core.setup import prepare_database
from gembot.dialogue.engine import recognise
from gembot.dialogue.training import national_examples, out_of_scope_sentences
from gembot.nlu.evaluate import cross_validate, report
from gembot.tenants.access import find_municipality


class Command(BaseCommand):
    help = (
        "Evaluate the topic recogniser. With FILE.jsonl (lines with 'text' and "
        "'expected_topic'): accuracy, out-of-scope precision/recall, per-topic scores, "
        "confusions and latency as JSON. With --cv K: K-fold cross-validation on the "
        "training examples."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="JSON-lines file to evaluate on.")
        parser.add_argument(
            "--municipality",
            "-m",
            default="GM0855",
            help="Evaluate with this municipality's own examples (overlay).",
        )
        parser.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation.")

    def handle(self, *args, file: str | None, municipality: str, cv: int | None, **options) -> None:
        if bool(file) == bool(cv):
            raise CommandError("Geef een bestand of --cv K (niet allebei).")
        prepare_database(self.stderr.write, with_model=cv is None)
        if cv:
            if cv < 2:
                raise CommandError("--cv moet 2 of meer zijn.")
            result = cross_validate(national_examples(), out_of_scope_sentences(), k=cv)
        else:
            result = self.evaluate_file(Path(file), municipality)
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))

    def evaluate_file(self, path: Path, reference: str) -> dict:
        found = find_municipality(reference)
        if found is None:
            raise CommandError(f"Onbekende gemeente: {reference}")
        if not path.exists():
            raise CommandError(f"Bestand niet gevonden: {path}")
        expected, predicted, latencies, candidates = [], [], [], []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, topic = str(row["text"]), str(row["expected_topic"])
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise CommandError(f"{path}:{number}: geen geldige regel ({error})") from None
            started = time.perf_counter()
            prediction = recognise(found, text)
            latencies.append((time.perf_counter() - started) * 1000)
            expected.append(topic)
            predicted.append(prediction.topic)
            candidates.append(prediction.candidates)
        result = report(expected, predicted, latencies, candidates)
        result["file"] = str(path)
        result["municipality"] = found.code
        return result
