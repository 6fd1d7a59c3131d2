from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gembot.conversations import actions
from gembot.conversations.models import Channel, Message
from gembot.core.api_errors import ApiError
from gembot.core.setup import prepare_database
from gembot.tenants.access import find_municipality

QUIT = {"stop", "exit", "quit", "doei!"}


class Command(BaseCommand):
    help = (
        "Talk to Gem in the terminal. Type a number to choose a button; "
        "type 'stop' or press Ctrl-D to end."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--municipality", "-m", required=True, help="CBS code (GM0855) or name (tilburg)."
        )
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, municipality: str, language: str, **options) -> None:
        prepare_database(self.stderr.write)
        found = find_municipality(municipality)
        if found is None or not found.enabled:
            raise CommandError(f"Onbekende gemeente: {municipality}")
        started = actions.start_conversation(found, channel=Channel.CLI, language=language)
        buttons = self._show(started.messages)
        conversation = started.conversation
        while True:
            try:
                line = input("u> " if sys.stdin.isatty() else "")
            except (EOFError, KeyboardInterrupt):
                break
            if line.strip().lower() in QUIT:
                break
            if line.strip().isdigit() and 0 < int(line) <= len(buttons):
                line = buttons[int(line) - 1]["payload"]
            if not sys.stdin.isatty():
                self.stdout.write(f"u> {line}")
            try:
                replies = actions.handle_resident_message(conversation, line)
            except ApiError as error:
                self.stdout.write(f"[{error.message}]")
                continue
            buttons = self._show(replies)

    def _show(self, messages: list[Message]) -> list[dict]:
        buttons: list[dict] = []
        for message in messages:
            self.stdout.write(f"gem> {message.text}")
            buttons = message.buttons or buttons
        for number, button in enumerate(buttons, start=1):
            self.stdout.write(f"     [{number}] {button['title']}")
        return buttons
