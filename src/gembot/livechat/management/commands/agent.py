"""``gembot agent create|list``: municipal employees for live chat."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from gembot.livechat.actions.people import create_agent
from gembot.livechat.management.commands._common import municipality
from gembot.livechat.models import Membership, Role


class Command(BaseCommand):
    help = "Manage municipal employees for live chat."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser(
            "create", help="Create an agent; prints the API token as the last line."
        )
        create.add_argument("--municipality", required=True, help="CBS code or name.")
        create.add_argument("--username", required=True)
        create.add_argument("--name", default="", help="First name residents see.")
        create.add_argument("--email", default="")
        create.add_argument("--role", choices=Role.values, default=Role.AGENT)
        create.add_argument(
            "--password",
            default=None,
            help="Console password (or set it later with `gembot manage changepassword`).",
        )
        listing = sub.add_parser("list", help="List the employees of a municipality.")
        listing.add_argument("--municipality", required=True)

    def handle(self, *args, action: str, **options) -> None:
        place = municipality(options["municipality"])
        if action == "list":
            rows = Membership.objects.filter(municipality=place).select_related("user")
            for row in rows.order_by("user__username"):
                self.stdout.write(f"{row.user.get_username()}\t{row.role}\t{row.user.first_name}")
            return
        created = create_agent(
            place,
            options["username"],
            name=options["name"],
            email=options["email"],
            role=options["role"],
            password=options["password"],
        )
        verb = "aangemaakt" if created.created else "bestond al; rol toegevoegd"
        self.stdout.write(f"Medewerker {options['username']} ({place.name}) {verb}.")
        if not options["password"] and created.created:
            self.stdout.write(
                f"Wachtwoord voor de console: gembot manage changepassword {options['username']}"
            )
        self.stdout.write("API-token:")
        self.stdout.write(created.token)
