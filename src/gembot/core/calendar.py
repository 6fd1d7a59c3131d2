"""Month names and dates as residents read them, in Dutch and English."""

from __future__ import annotations

import datetime

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


def month_names(language: str) -> tuple[str, ...]:
    return MONTHS_EN if language == "en" else MONTHS_NL


def format_date(value: datetime.date, language: str = "nl") -> str:
    """``1 maart 2027`` / ``1 March 2027``."""
    return f"{value.day} {month_names(language)[value.month - 1]} {value.year}"
