from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from gembot.core.setup import prepare_database
from gembot.dialogue.training import train_model


class Command(BaseCommand):
    help = (
        "Train the topic recogniser from the content in the database and store the model. "
        "Running servers pick up the new model without a restart."
    )

    def handle(self, *args, **options) -> None:
        prepare_database(self.stderr.write, with_model=False)
        interactive = sys.stderr.isatty()

        def progress(step: str, fraction: float) -> None:
            bar = "#" * int(fraction * 30)
            line = f"[{bar:<30}] {int(fraction * 100):3d}% {step}"
            if interactive:
                self.stderr.write(f"\r{line}", ending="")
            else:
                self.stderr.write(line)

        report = train_model(progress)
        if interactive:
            self.stderr.write("")
        self.stdout.write(
            f"Model getraind: {report.topics} onderwerpen, {report.examples} voorbeelden, "
            f"{report.out_of_scope} zinnen buiten bereik, {report.seconds} s -> {report.path}"
        )
