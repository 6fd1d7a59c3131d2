from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gembot.content.rasa import RasaDataError, import_rasa
from gembot.core.setup import prepare_database


class Command(BaseCommand):
    help = (
        "Import data from another format. 'rasa DIR': Rasa NLU data; examples of intents "
        "named like a Gem topic become national example questions. Run 'gembot train' after."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=["rasa"], help="Import format.")
        parser.add_argument("directory", help="Rasa project folder or nlu.yml file.")

    def handle(self, *args, format: str, directory: str, **options) -> None:
        prepare_database(self.stderr.write, with_model=False)
        try:
            result = import_rasa(Path(directory), actor=None)
        except RasaDataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{result.files} bestand(en) gelezen: {result.added} voorbeelden toegevoegd, "
            f"{result.already_known} waren er al."
        )
        for intent, count in sorted(result.unknown_intents.items()):
            self.stdout.write(
                f"  overgeslagen: intent '{intent}' ({count} voorbeelden) is geen onderwerp van Gem"
            )
        if result.added:
            self.stdout.write("Train het model opnieuw met: gembot train")
