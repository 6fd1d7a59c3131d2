"""Live-chat settings read from the environment (declared in gembot.config.env)."""

from __future__ import annotations

from datetime import timedelta

from gembot.config import env


def agent_away_after() -> timedelta:
    return timedelta(minutes=env.get("GEM_LIVECHAT_AGENT_AWAY_MINUTES"))


def layer_check_timeout() -> float:
    return env.get("GEM_LIVECHAT_LAYER_CHECK_MS") / 1000
