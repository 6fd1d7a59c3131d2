from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gembot.core.setup import prepare_database
from gembot.dialogue.stories import StoryError, load_stories, run_story, story_files

DEFAULT_PATH = "tests/conversations"


class Command(BaseCommand):
    help = (
        "Run YAML conversation tests (multi-turn stories) through the real pipeline and "
        "report failures with the transcript. Nothing is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="*",
            default=[DEFAULT_PATH],
            help=f"Story files or folders (default: {DEFAULT_PATH}).",
        )

    def handle(self, *args, paths: list[str], **options) -> None:
        prepare_database(self.stderr.write)
        files = story_files(paths)
        if not files:
            raise CommandError(f"Geen gesprekstesten gevonden in {', '.join(paths)}")
        passed = failed = 0
        for path in files:
            try:
                stories = load_stories(path)
            except StoryError as error:
                raise CommandError(str(error)) from None
            for story in stories:
                result = run_story(story)
                if result.passed:
                    passed += 1
                else:
                    failed += 1
                    self.stdout.write(result.report())
        self.stdout.write(f"{passed} passed, {failed} failed")
        if failed:
            raise CommandError(f"{failed} gesprekstest(en) mislukt", returncode=1)
