from __future__ import annotations

from collections.abc import Callable

from gembot.tenants.actions import read_register, sync_municipalities
from gembot.tenants.models import Municipality


def ensure_municipalities(report: Callable[[str], None]) -> None:
    if Municipality.objects.count() >= len(read_register()):
        return
    result = sync_municipalities()
    report(f"Gemeenten geladen: {result.created} nieuw, {result.total} in totaal.")
