from __future__ import annotations

import pytest

from gembot.tenants.models import Municipality

TILBURG_SITE = "https://www.tilburg.nl"
BREDA_SITE = "https://www.breda.nl"


@pytest.fixture
def tilburg(db) -> Municipality:
    municipality = Municipality.objects.get(code="GM0855")
    municipality.allowed_origins = [TILBURG_SITE + "/"]
    municipality.save(update_fields=["allowed_origins"])
    return municipality


@pytest.fixture
def breda(db) -> Municipality:
    municipality = Municipality.objects.get(slug="breda")
    municipality.allowed_origins = [BREDA_SITE]
    municipality.save(update_fields=["allowed_origins"])
    return municipality
