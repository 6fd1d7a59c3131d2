"""How the rest of Gem finds a municipality from what a client sends."""

from __future__ import annotations

import re

from django.db.models import Q
from django.utils.text import slugify

from gembot.core.api_errors import ApiError
from gembot.tenants.models import Municipality

_CODE = re.compile(r"^gm\d{4}$", re.IGNORECASE)


def find_municipality(reference: str) -> Municipality | None:
    """Look a municipality up by CBS code (``GM0855``), slug (``tilburg``) or name."""
    reference = (reference or "").strip()
    if not reference:
        return None
    if _CODE.match(reference):
        return Municipality.objects.filter(code=reference.upper()).first()
    slug = slugify(reference.replace("'", ""))
    return (
        Municipality.objects.filter(
            Q(slug=slug) | Q(name__iexact=reference) | Q(official_name__iexact=reference)
        )
        .order_by("code")
        .first()
    )


def access_municipality(reference: str) -> Municipality:
    """The enabled municipality named by ``reference``, or a 404 ``ApiError``."""
    municipality = find_municipality(reference)
    if municipality is None or not municipality.enabled:
        raise ApiError(
            404,
            "municipality_not_found",
            "Deze gemeente kennen wij niet, of Gem is daar niet actief. "
            "Gebruik de CBS-code (bijvoorbeeld GM0855) of de naam (bijvoorbeeld tilburg).",
            "Unknown municipality, or Gem is not active there. Use the CBS code "
            "(for example GM0855) or the name (for example tilburg).",
        )
    return municipality
