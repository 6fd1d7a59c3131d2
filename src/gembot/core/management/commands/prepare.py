from django.core.management.base import BaseCommand

from gembot.core.setup import prepare_database


class Command(BaseCommand):
    help = (
        "Prepare the database without serving: apply migrations, load the 342 municipalities "
        "and the shipped content, and train the NLU model when there is none."
    )

    def handle(self, *args, **options) -> None:
        prepare_database(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Database klaar."))
