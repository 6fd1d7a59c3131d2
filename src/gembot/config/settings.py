"""Django settings for Gem. Every value comes from :mod:`gembot.config.env`."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url

from gembot.config import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env.get("GEM_DATA_DIR") or Path.cwd() / "gem-data").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    configured = env.get("GEM_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env.get("GEM_DEBUG")
ALLOWED_HOSTS = env.get("GEM_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.get("GEM_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "channels",
    "gembot.core",
    "gembot.tenants",
    "gembot.content",
    "gembot.conversations",
    "gembot.dialogue",
    "gembot.widget",
    "gembot.livechat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gembot.widget.middleware.WidgetOriginMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gembot.core.middleware.ApiErrorMiddleware",
]

ROOT_URLCONF = "gembot.config.urls"
ASGI_APPLICATION = "gembot.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database: SQLite in the data folder unless DATABASE_URL says otherwise ---------------
DATABASE_URL = env.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'gem.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Connecting costs more than a query. Under ASGI every request runs in its own thread,
    # so persistent connections would pile up; a psycopg pool per process shares a few.
    DATABASES["default"]["OPTIONS"] = {
        "pool": {"min_size": 1, "max_size": env.get("GEM_DB_POOL_SIZE"), "timeout": 10}
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets several worker processes read while one writes; the timeout waits for a lock
    # instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Channel layer and cache: in memory unless REDIS_URL is set ---------------------------
REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # redis-py gives up reading after 5 s by default, exactly when channels-redis
            # waits 5 s for a message: idle websockets would drop. Give it more room.
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 10}], "prefix": "gem"},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "gem",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Internationalisation: residents, agents and editors read Dutch ----------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
SERVE_STATIC = env.get("GEM_SERVE_STATIC")

# --- Gem's own limits -------------------------------------------------------------------
GEM_MAX_MESSAGE_CHARS = env.get("GEM_MAX_MESSAGE_CHARS")
GEM_TRANSCRIPT_RETENTION_DAYS = env.get("GEM_TRANSCRIPT_RETENTION_DAYS")
GEM_RATES = {
    "ip": env.get("GEM_RATE_IP"),
    "conversation": env.get("GEM_RATE_CONVERSATION"),
    "new_conversation": env.get("GEM_RATE_NEW_CONVERSATION"),
}
GEM_CONTENT_DIR = Path(
    env.get("GEM_CONTENT_DIR") or Path(__file__).resolve().parents[3] / "content"
)
GEM_NLU_MODEL_PATH = DATA_DIR / "nlu-model.npz"

# --- REST API ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "gembot.core.api_errors.exception_handler",
    # Rate limits per IP: trust X-Forwarded-For only as far as our own proxies set it.
    "NUM_PROXIES": env.get("GEM_NUM_PROXIES"),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gem API",
    "DESCRIPTION": "Conversation API of Gem, the virtual assistant of Dutch municipalities.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# --- E-mail -----------------------------------------------------------------------------
_email_url = env.get("GEM_EMAIL_URL")
if _email_url.startswith("smtp://"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    _host, _, _port = _email_url.removeprefix("smtp://").partition(":")
    EMAIL_HOST, EMAIL_PORT = _host, int(_port or 25)
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    # No mail server configured: contact requests are stored and shown in the console, but
    # never printed to a log (they hold personal data).
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = env.get("GEM_DEFAULT_FROM_EMAIL")

# --- Logging: resident text never reaches a log (see gembot.core.logging) ---------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "gembot.core.log_filters.ScrubPersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub"]}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"gembot": {"level": env.get("GEM_LOG_LEVEL"), "propagate": True}},
}
