from __future__ import annotations

import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from gembot.core.setup import prepare_database


class Command(BaseCommand):
    help = "Prepare the database and serve Gem (HTTP + websockets) with uvicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Worker processes (use PostgreSQL + Redis for more than one).",
        )
        parser.add_argument(
            "--no-prepare",
            action="store_true",
            help="Skip migrations and loading (another process prepared it).",
        )

    def handle(
        self, *args, host: str, port: int, workers: int, no_prepare: bool, **options
    ) -> None:
        if not no_prepare:
            prepare_database(self.stdout.write)
        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        layer = "Redis" if settings.REDIS_URL else "in-memory"
        self.stdout.write(
            f"Gem luistert op http://{host}:{port}/ (database: {database}, kanaal: {layer}, "
            f"workers: {workers})"
        )
        uvicorn.run(
            "gembot.config.asgi:application",
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            access_log=False,
            lifespan="off",
        )
