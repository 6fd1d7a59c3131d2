"""Fill a tailoring slot from what the resident wrote.

A tailoring question ("Bent u 18 jaar of ouder?") has a slot and a few option values. The
resident may answer with a button (payload ``/optie <slot>=<value>``), in free text ("ik ben
16", "binnen tilburg", "ik ben hem kwijt"), or may already have said it in the question
that started the topic ("ik ben 16 en wil een paspoort").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gembot.nlu import Entities

_ADULT_AGE = 18


def _age_slot(text: str, entities: Entities | None) -> str | None:
    if entities and entities.ages:
        return "volwassen" if entities.ages[0] >= _ADULT_AGE else "minderjarig"
    lowered = text.lower()
    if re.search(
        r"\b(jonger|onder de 18|minderjarig|kind|zoon|dochter|baby|under 18|child|"
        r"son|daughter|minor|younger)\b",
        lowered,
    ):
        return "minderjarig"
    if re.search(
        r"\b(18\+|ouder|volwassen|meerderjarig|18 of ouder|adult|older|over 18)\b", lowered
    ):
        return "volwassen"
    return None


_MOVE_PATTERNS: list[tuple[str, str]] = [
    (
        "buitenland-uit",
        r"\b(naar het buitenland|emigr\w*|vertrek\w* naar|(move|moving|go|going)"
        r" (to )?abroad|to another country|leav\w* the netherlands)\b",
    ),
    (
        "buitenland-in",
        r"\b(uit het buitenland|vanuit het buitenland|from abroad|terug naar "
        r"nederland|kom\w* uit (het )?(buitenland|\w+land))\b",
    ),
    (
        "naar",
        r"\b(andere gemeente|van buiten|uit een andere|from another|naar deze gemeente|"
        r"vanuit \w+|kom\w* van)\b",
    ),
    (
        "binnen",
        r"\b(binnen|zelfde gemeente|in de gemeente|within|same (city|town|municipality)|"
        r"ander(e)? (huis|adres|wijk) in|andere straat)\b",
    ),
]

_LICENCE_PATTERNS: list[tuple[str, str]] = [
    ("kwijt", r"\b(kwijt\w*|verlor\w*|gestol\w*|vermist|lost|stolen|jat\w*|gepikt|weg)\b"),
    ("verlengen", r"\b(verleng\w*|verlopen|vernieuw\w*|renew\w*|expired|75)\b"),
    ("eerste", r"\b(eerste|examen|geslaagd|rijexamen|first|passed|nieuw rijbewijs)\b"),
]

_PARKING_PATTERNS: list[tuple[str, str]] = [
    ("bezoeker", r"\b(bezoek\w*|visite|gast\w*|visitor\w*|guest\w*|oppas|familie komt)\b"),
    ("bewoner", r"\b(bewoner\w*|eigen auto|ik woon|voor mij|resident|my own car|mijn auto)\b"),
]


def _pattern_slot(
    patterns: Sequence[tuple[str, str]],
) -> Callable[[str, Entities | None], str | None]:
    compiled = [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in patterns]

    def extract(text: str, entities: Entities | None) -> str | None:
        for value, pattern in compiled:
            if pattern.search(text):
                return value
        return None

    return extract


EXTRACTORS: dict[str, Callable[[str, Entities | None], str | None]] = {
    "leeftijd": _age_slot,
    "verhuistype": _pattern_slot(_MOVE_PATTERNS),
    "rijbewijs_situatie": _pattern_slot(_LICENCE_PATTERNS),
    "parkeer_type": _pattern_slot(_PARKING_PATTERNS),
}


def fill_slot(
    slot: str, text: str, entities: Entities | None, options: Sequence[str]
) -> str | None:
    """The option value the resident's text chooses for ``slot``, if it chooses one."""
    payload = re.fullmatch(r"/optie\s+([\w-]+)=([\w-]+)", text.strip())
    if payload:
        return (
            payload.group(2) if payload.group(1) == slot and payload.group(2) in options else None
        )
    lowered = text.strip().lower()
    for value in options:  # the resident typed the option itself ("binnen", "bezoeker")
        if lowered == value.lower():
            return value
    extractor = EXTRACTORS.get(slot)
    value = extractor(text, entities) if extractor else None
    return value if value in options else None
