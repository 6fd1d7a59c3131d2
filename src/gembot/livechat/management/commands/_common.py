"""Helpers of the live-chat management commands."""

from __future__ import annotations

from django.core.management.base import CommandError

from gembot.tenants.access import find_municipality
from gembot.tenants.models import Municipality


def municipality(reference: str) -> Municipality:
    found = find_municipality(reference)
    if found is None:
        raise CommandError(
            f"Gemeente '{reference}' bestaat niet. Gebruik de CBS-code (GM0855) of de naam.",
            returncode=2,
        )
    return found
