from django.conf import settings
from django.core.management.base import BaseCommand

from gembot.conversations.actions import purge_expired_conversations


class Command(BaseCommand):
    help = (
        "Delete conversation transcripts older than GEM_TRANSCRIPT_RETENTION_DAYS "
        "(run it daily, e.g. from cron). Turns (analytics without text) are kept."
    )

    def handle(self, *args, **options) -> None:
        deleted = purge_expired_conversations()
        self.stdout.write(
            f"{deleted} verlopen gesprek(ken) verwijderd "
            f"(bewaartermijn {settings.GEM_TRANSCRIPT_RETENTION_DAYS} dagen)."
        )
