"""``gembot officehours show|set|close-day|open-day``: office hours of the live chat."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gembot.livechat import texts
from gembot.livechat.actions.municipal import add_closing_day, remove_closing_day, set_office_hours
from gembot.livechat.availability import calendar_for, settings_for
from gembot.livechat.management.commands._common import municipality
from gembot.livechat.officehours import (
    FULL_DAY_NAMES,
    OfficeHoursError,
    format_range,
    parse_schedule,
)


class Command(BaseCommand):
    help = "Show or set a municipality's live-chat office hours and closing days."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        show = sub.add_parser("show", help="Show the office hours.")
        show.add_argument("municipality", help="CBS code (GM0855) or name.")
        change = sub.add_parser(
            "set",
            help='Set the weekly hours, e.g. "ma-vr 08:30-17:00" or '
            '"ma,wo 09:00-12:00; do 13:00-20:00" ("ma-zo 00:00-24:00" is always open).',
        )
        change.add_argument("municipality")
        change.add_argument("hours")
        close = sub.add_parser("close-day", help="Close the chat on a date (YYYY-MM-DD).")
        close.add_argument("municipality")
        close.add_argument("date")
        close.add_argument("--reason", default="")
        reopen = sub.add_parser("open-day", help="Remove a closing day.")
        reopen.add_argument("municipality")
        reopen.add_argument("date")

    def handle(self, *args, action: str, **options) -> None:
        place = municipality(options["municipality"])
        if action == "set":
            try:
                set_office_hours(place, options["hours"])
            except OfficeHoursError as error:
                raise CommandError(str(error), returncode=2) from None
            self.stdout.write(f"Openingstijden van {place.name} opgeslagen.")
        elif action == "close-day":
            add_closing_day(place, _date(options["date"]), options["reason"])
            self.stdout.write(f"De chat van {place.name} is dicht op {options['date']}.")
        elif action == "open-day":
            if not remove_closing_day(place, _date(options["date"])):
                raise CommandError(f"{options['date']} is geen sluitingsdag.", returncode=2)
            self.stdout.write(f"{options['date']} is geen sluitingsdag meer.")
        self._show(place)

    def _show(self, place) -> None:
        chat = settings_for(place)
        schedule = parse_schedule(chat.office_hours)
        now = timezone.now()
        calendar = calendar_for(chat, now)
        write = self.stdout.write
        write(f"{place.name} ({place.code})")
        write(f"Live chat: {'aan' if chat.enabled else 'uit'}")
        write(f"Openingstijden: {chat.office_hours}")
        for index, name in enumerate(FULL_DAY_NAMES):
            ranges = schedule.days[index]
            write(f"  {name:<10} {', '.join(map(format_range, ranges)) or 'gesloten'}")
        holidays = "dicht" if chat.closed_on_public_holidays else "open"
        write(f"Feestdagen: {holidays}" + (" (altijd open)" if schedule.always_open else ""))
        for day, reason in sorted(calendar.closing_days.items()):
            write(f"Sluitingsdag: {day.isoformat()} {reason}".rstrip())
        if calendar.is_open(now):
            write("Nu: open")
        else:
            opening = calendar.next_opening(now)
            when = texts.moment(opening, now) if opening else "niet binnen 60 dagen"
            write(f"Nu: gesloten (weer open {when})")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"De datum '{text}' klopt niet. Schrijf hem zo: 2026-12-24.", returncode=2
        ) from None
