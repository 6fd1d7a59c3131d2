"""On which pages of a municipality's website the widget shows: path patterns with ``*``."""

from __future__ import annotations

import re

_PATTERN = re.compile(r"^/[A-Za-z0-9\-._~%/*]*$")


def parse_patterns(text: str) -> list[str]:
    """One pattern a line; empty lines are ignored."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def invalid_patterns(text: str) -> list[str]:
    return [pattern for pattern in parse_patterns(text) if not _PATTERN.match(pattern)]


def _matches(pattern: str, path: str) -> bool:
    regex = ".*".join(re.escape(part) for part in pattern.lower().split("*"))
    return re.fullmatch(regex, path.lower()) is not None


def shown_on(path: str, show_on: str, hide_on: str) -> bool:
    """Hidden when a hide pattern matches; otherwise shown when no show pattern is set or
    one matches. ``/afval/*`` matches every page under /afval/, ``/contact`` only itself."""
    path = path or "/"
    if any(_matches(pattern, path) for pattern in parse_patterns(hide_on)):
        return False
    show = parse_patterns(show_on)
    return not show or any(_matches(pattern, path) for pattern in show)
