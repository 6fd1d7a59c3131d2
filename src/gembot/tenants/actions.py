"""Writes to the municipality register."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from gembot.tenants.models import Municipality

REGISTER_FILE = Path(__file__).resolve().parent / "data" / "gemeenten.csv"


@dataclass(frozen=True)
class SyncReport:
    created: int
    updated: int
    total: int


def municipality_slug(short_name: str) -> str:
    """``'s-Hertogenbosch`` -> ``s-hertogenbosch``, ``Bergen (NH)`` -> ``bergen-nh``."""
    return slugify(short_name.replace("'", ""))


def read_register(path: Path = REGISTER_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def sync_municipalities(path: Path = REGISTER_FILE) -> SyncReport:
    """Create or update every municipality in the CBS register; idempotent.

    Only register fields are touched: settings that administrators changed (enabled flag,
    allowed origins) are kept.
    """
    existing = {m.code: m for m in Municipality.objects.all()}
    created = updated = 0
    rows = read_register(path)
    for row in rows:
        values = {
            "slug": municipality_slug(row["naam_kort"]),
            "name": row["naam_kort"],
            "official_name": row["naam"],
            "province": row["provincie"],
            "seat": row["bestuurscentrum"],
            "inhabitants": int(row["inwoners"]) if row["inwoners"] else None,
        }
        current = existing.get(row["gm_code"])
        if current is None:
            Municipality.objects.create(code=row["gm_code"], **values)
            created += 1
        elif any(getattr(current, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save(update_fields=list(values))
            updated += 1
    return SyncReport(created=created, updated=updated, total=len(rows))
