"""Every environment variable Gem reads, declared once.

The settings module reads its configuration only through :func:`get`, and
``gembot manage settings_table`` writes ``docs/settings.md`` from :data:`REGISTRY`, so the
documentation cannot drift from the code (a test compares the two).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    cast: Callable[[str], Any] = str

    def read(self) -> Any:
        return self.cast(os.environ.get(self.name, self.default))


REGISTRY: dict[str, Setting] = {}


def declare(name: str, default: str, help: str, cast: Callable[[str], Any] = str) -> Setting:
    setting = Setting(name, default, help, cast)
    REGISTRY[name] = setting
    return setting


def get(name: str) -> Any:
    return REGISTRY[name].read()


declare(
    "GEM_DATA_DIR",
    "",
    "Folder for the embedded SQLite database and the trained NLU "
    "model. Empty: `./gem-data` in the working directory.",
)
declare(
    "DATABASE_URL",
    "",
    "Database URL (`postgres://user@host:5432/name` or "
    "`sqlite:///path/to/file.sqlite3`). Empty: SQLite in the data folder.",
)
declare(
    "GEM_DB_POOL_SIZE",
    "10",
    "Most PostgreSQL connections one worker process keeps in its pool.",
    int,
)
declare(
    "REDIS_URL",
    "",
    "Redis URL (`redis://127.0.0.1:6379/0`) for the channel layer and the "
    "cache. Empty: in-memory channel layer and local-memory cache (one process).",
)
declare(
    "GEM_SECRET_KEY",
    "",
    "Django secret key. Empty: a key generated once and kept in the "
    "data folder (fine on a laptop; set it explicitly in production).",
)
declare("GEM_DEBUG", "false", "Django debug mode. Never on in production.", _bool)
declare(
    "GEM_ALLOWED_HOSTS",
    "127.0.0.1,localhost,[::1],testserver",
    "Comma-separated host names Gem answers to (`*` for any).",
    _list,
)
declare(
    "GEM_CSRF_TRUSTED_ORIGINS",
    "",
    "Comma-separated origins trusted for the console and "
    "admin forms behind a proxy (`https://gem.example.nl`).",
    _list,
)
declare("GEM_RATE_IP", "120/min", "Requests per IP address on the public API (`N/sec|min|hour`).")
declare("GEM_RATE_CONVERSATION", "30/min", "Resident messages per conversation.")
declare("GEM_RATE_NEW_CONVERSATION", "20/min", "New conversations per IP address.")
declare(
    "GEM_NUM_PROXIES",
    "0",
    "Reverse proxies in front of Gem that append to X-Forwarded-For (rate limits per IP use "
    "the address they saw). 0: the connecting address; a client cannot choose its own.",
    int,
)
declare("GEM_MAX_MESSAGE_CHARS", "2000", "Longest resident message accepted, in characters.", int)
declare(
    "GEM_TRANSCRIPT_RETENTION_DAYS",
    "28",
    "Days a conversation transcript is kept before `gembot manage purge_expired` removes it.",
    int,
)
declare(
    "GEM_LOG_LEVEL",
    "WARNING",
    "Log level of Gem's own loggers (`INFO` logs one line per turn: municipality, topic, outcome).",
)
declare(
    "GEM_SERVE_STATIC",
    "true",
    "Serve static files (widget, admin, console) from the ASGI "
    "app itself. Switch off when a reverse proxy serves `collectstatic` output.",
    _bool,
)
declare(
    "GEM_EMAIL_URL",
    "",
    "Where Gem sends e-mail: `smtp://host:port`. Empty: no mail is sent (contact requests "
    "stay visible in the console); with GEM_DEBUG mails are printed instead.",
)
declare(
    "GEM_CONTENT_DIR",
    "",
    "Folder with the answer library (YAML). Empty: the `content/` folder of the source checkout.",
)
declare("GEM_DEFAULT_FROM_EMAIL", "gem@localhost", "Sender address of e-mail Gem sends.")
declare(
    "GEM_LIVECHAT_AGENT_AWAY_MINUTES",
    "30",
    "Minutes after which an agent marked online, with no console open and no agent API "
    "call, no longer counts as available for live chat.",
    int,
)
declare(
    "GEM_LIVECHAT_LAYER_CHECK_MS",
    "300",
    "Timeout in milliseconds of the check that the Redis channel layer is reachable before "
    "Gem offers live chat (the result is kept a few seconds per process).",
    int,
)
declare(
    "GEM_NLU_WORKERS",
    "",
    "Processes that train the topic recogniser's cross-validation folds at the same time "
    "(Linux only). Empty: one per available core, at most one per fold; 1: no extra "
    "processes. Read by `gembot.nlu` itself, which does not import Django.",
)
