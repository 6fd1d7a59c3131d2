"""``gembot content import [DIR] | export DIR | check [DIR] [--json]``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Importeer, exporteer of controleer de antwoordbibliotheek (content/)."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(
            dest="subcommand", required=True, parser_class=CommandParser
        )
        load = subcommands.add_parser("import", help="YAML-map in de database laden.")
        load.add_argument("directory", nargs="?", help="Standaard: GEM_CONTENT_DIR.")
        load.add_argument("--json", action="store_true", help="Rapport als JSON.")
        dump = subcommands.add_parser("export", help="Database naar een YAML-map schrijven.")
        dump.add_argument("directory")
        dump.add_argument("--json", action="store_true", help="Rapport als JSON.")
        check = subcommands.add_parser("check", help="YAML-map controleren (geen database).")
        check.add_argument("directory", nargs="?", help="Standaard: GEM_CONTENT_DIR.")
        check.add_argument("--json", action="store_true", help="Rapport als JSON.")
        check.add_argument(
            "--verbose",
            action="store_true",
            help="Alle antwoorden in het B1-rapport, niet alleen te lange.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory = Path(options.get("directory") or settings.GEM_CONTENT_DIR)
        handler = getattr(self, f"_{options['subcommand']}")
        handler(directory, options)

    def _print_json(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))

    def _import(self, directory: Path, options: dict) -> None:
        from gembot.content.loader import import_content

        report = import_content(directory)
        if options["json"]:
            self._print_json(report.as_dict())
        else:
            self.stdout.write(f"Geïmporteerd / imported: {directory}")
            self.stdout.write(
                f"  {report.files} bestanden/files, {report.topics} onderwerpen/"
                f"topics, {report.municipalities} gemeenten/municipalities"
            )
            if report.changes:
                for key, count in report.changes.items():
                    self.stdout.write(f"  {key:<30}{count:>6}")
            else:
                self.stdout.write("  Geen wijzigingen / no changes.")
            for error in report.errors:
                self.stderr.write(f"  FOUT/ERROR {error}")
        if not report.ok:
            raise CommandError(f"{len(report.errors)} bestand(en) met fouten / files with errors.")

    def _export(self, directory: Path, options: dict) -> None:
        from gembot.content.loader import export_content

        report = export_content(directory)
        if options["json"]:
            self._print_json(report.as_dict())
            return
        self.stdout.write(f"Geëxporteerd / exported: {directory}")
        self.stdout.write(
            f"  {len(report.written)} geschreven/written, "
            f"{len(report.unchanged)} ongewijzigd/unchanged"
        )

    def _check(self, directory: Path, options: dict) -> None:
        from gembot.content.checks import check_content, format_text

        report = check_content(directory)
        if options["json"]:
            self._print_json(report.as_dict())
        else:
            self.stdout.write(format_text(report, verbose=options["verbose"]))
        if not report.ok:
            raise CommandError(
                f"De inhoud heeft {len(report.errors)} fout(en) / "
                f"content has {len(report.errors)} error(s)."
            )
