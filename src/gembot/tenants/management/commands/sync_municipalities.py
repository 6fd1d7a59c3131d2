from django.core.management.base import BaseCommand

from gembot.tenants.actions import sync_municipalities


class Command(BaseCommand):
    help = "Load or update all municipalities from the CBS register (idempotent)."

    def handle(self, *args, **options) -> None:
        report = sync_municipalities()
        self.stdout.write(
            f"{report.total} gemeenten: {report.created} nieuw, {report.updated} bijgewerkt."
        )
