from django.core.management.base import BaseCommand

from gembot.livechat.actions.contact import purge_contact_requests


class Command(BaseCommand):
    help = "Delete contact requests older than each municipality's retention period."

    def handle(self, *args, **options) -> None:
        deleted = purge_contact_requests()
        self.stdout.write(f"{deleted} contactverzoek(en) verwijderd.")
