"""``gembot manage livechat CODE [--on|--off] ...``: show or change live-chat settings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gembot.livechat.actions.municipal import update_livechat_settings
from gembot.livechat.availability import live_chat_status, settings_for
from gembot.livechat.management.commands._common import municipality


class Command(BaseCommand):
    help = "Show or change a municipality's live-chat settings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("municipality", help="CBS code (GM0855) or name.")
        parser.add_argument("--on", dest="enabled", action="store_true", default=None)
        parser.add_argument("--off", dest="enabled", action="store_false")
        parser.add_argument("--direct", dest="direct_handover", action="store_true", default=None)
        parser.add_argument("--no-direct", dest="direct_handover", action="store_false")
        parser.add_argument("--max-wait", dest="max_wait_minutes", type=int)
        parser.add_argument("--email", dest="contact_email")
        parser.add_argument("--welcome", dest="welcome_text")
        parser.add_argument("--retention-days", dest="contact_retention_days", type=int)
        parser.add_argument("--answer-within", dest="answer_within_workdays", type=int)

    def handle(self, *args, **options) -> None:
        place = municipality(options["municipality"])
        names = [
            "enabled",
            "direct_handover",
            "max_wait_minutes",
            "contact_email",
            "welcome_text",
            "contact_retention_days",
            "answer_within_workdays",
        ]
        changes = {name: options[name] for name in names if options.get(name) is not None}
        if changes:
            try:
                update_livechat_settings(place, **changes)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages), returncode=2) from None
        chat = settings_for(place)
        self.stdout.write(f"{place.name} ({place.code})")
        for name in ["enabled", *names[1:], "office_hours"]:
            self.stdout.write(f"  {name}: {getattr(chat, name)}")
        self.stdout.write(f"  now: {live_chat_status(place).reason}")
