"""Is the channel layer reachable? Asked before Gem offers live chat, so it must be cheap.

A Redis-backed layer is pinged with a short timeout and the answer is kept for a few
seconds per process. When Redis is down Gem offers a contact request instead of a chat
nobody could see (docs/adr/0004-livechat.md).
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from gembot.livechat import conf

logger = logging.getLogger(__name__)

KEEP_UP_SECONDS = 10.0
KEEP_DOWN_SECONDS = 3.0

_lock = threading.Lock()
_state = {"until": 0.0, "up": True}


def layer_reachable() -> bool:
    now = time.monotonic()
    if now < _state["until"]:
        return bool(_state["up"])
    with _lock:
        if now < _state["until"]:
            return bool(_state["up"])
        up = _probe()
        if not up:
            logger.warning("channel layer unreachable: offering contact requests instead")
        _state.update(
            up=up, until=time.monotonic() + (KEEP_UP_SECONDS if up else KEEP_DOWN_SECONDS)
        )
        return up


def reset() -> None:
    _state.update(until=0.0, up=True)


@receiver(setting_changed)
def _settings_changed(setting: str, **kwargs) -> None:
    if setting == "CHANNEL_LAYERS":
        reset()


def _probe() -> bool:
    config = settings.CHANNEL_LAYERS.get("default") or {}
    if "channels_redis" not in config.get("BACKEND", ""):
        return bool(config)  # in-memory: always there within this process
    timeout = conf.layer_check_timeout()
    for host in (config.get("CONFIG") or {}).get("hosts") or []:
        client = _client(host, timeout)
        try:
            client.ping()
        except (redis.RedisError, OSError):
            return False
        finally:
            client.close()
    return True


def _client(host: object, timeout: float) -> redis.Redis:
    options = {"socket_connect_timeout": timeout, "socket_timeout": timeout}
    if isinstance(host, dict):
        host = host.get("address", "")
    if isinstance(host, list | tuple):
        return redis.Redis(host=host[0], port=int(host[1]), **options)
    return redis.Redis.from_url(str(host), **options)
