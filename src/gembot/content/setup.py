"""The content step of `gembot migrate` (see gembot.core.setup)."""

from __future__ import annotations

from collections.abc import Callable

from gembot.content.loader import ensure_content_loaded


def ensure_content(report: Callable[[str], None]) -> None:
    result = ensure_content_loaded()
    if result is None:
        return
    report(
        f"Inhoud geladen: {result.topics} onderwerpen, {result.municipalities} gemeenten, "
        f"{result.changed} wijzigingen."
    )
    for error in result.errors:
        report(f"  Let op: {error}")
