from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from gembot.content.rasa import export_rasa
from gembot.core.setup import prepare_database
from gembot.dialogue.training import out_of_scope_sentences


class Command(BaseCommand):
    help = "Export data to another format. 'rasa DIR': topics and examples as Rasa 3 NLU data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=["rasa"], help="Export format.")
        parser.add_argument("directory", help="Folder to write nlu.yml, domain.yml, config.yml.")

    def handle(self, *args, format: str, directory: str, **options) -> None:
        prepare_database(self.stderr.write, with_model=False)
        counts = export_rasa(Path(directory), out_of_scope_sentences())
        self.stdout.write(
            f"Rasa-gegevens geschreven naar {directory}: {counts['intents']} intents, "
            f"{counts['examples']} voorbeelden, {counts['out_of_scope']} zinnen buiten bereik."
        )
