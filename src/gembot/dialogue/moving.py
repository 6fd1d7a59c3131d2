"""Whether a resident can report a move now: from 4 weeks before until 5 days after."""

from __future__ import annotations

import datetime
import re

from gembot.core.calendar import format_date
from gembot.dialogue.texts import text as say

REPORT_FROM = datetime.timedelta(weeks=4)
REPORT_UNTIL = datetime.timedelta(days=5)
APPLIES_TO = {"", "binnen", "naar"}  # within the Netherlands (Wet BRP art. 2.39)
_PAST = re.compile(
    r"\b(verhuisd|verhuist? (zijn|ben)|zijn .{0,30}verhuisd|ben .{0,30}verhuisd|"
    r"afgelopen|vorige|jongstleden|moved|have moved)\b",
    re.IGNORECASE,
)


def in_the_past_if_told(date: datetime.date, text: str, today: datetime.date) -> datetime.date:
    """ "Ik ben op 1 november verhuisd" means last 1 November, not next year's."""
    if date > today and _PAST.search(text):
        try:
            earlier = date.replace(year=date.year - 1)
        except ValueError:  # 29 February
            earlier = date.replace(year=date.year - 1, day=28)
        if earlier <= today:
            return earlier
    return date


def moving_date_sentence(
    topic: str, variant: str, slots: dict, language: str, today: datetime.date
) -> str:
    if topic != "verhuizing-doorgeven" or variant not in APPLIES_TO or "verhuisdatum" not in slots:
        return ""
    moving = datetime.date.fromisoformat(slots["verhuisdatum"])
    first, last = moving - REPORT_FROM, moving + REPORT_UNTIL
    shown = format_date(moving, language)
    if today < first:
        return say("move_date_later", language, date=shown, first=format_date(first, language))
    if today > last:
        return say("move_date_late", language, date=shown)
    now = say("move_date_now", language, date=shown)
    return f"{now} {say('move_date_deadline', language, last=format_date(last, language))}"
