"""Dates in resident messages, resolved against today's date (Europe/Amsterdam).

Understood: "morgen", "overmorgen", "vandaag", "1 maart" (the next 1 March that is not in
the past), "1 maart 2027", "15-03-2027", "15/3", "2027-03-15", "vrijdag" (the next one),
"volgende week vrijdag", "over twee maanden", "over 3 weken", "volgende maand", and the
English "tomorrow", "next friday", "on 1 March", "March 1", "in 3 weeks".
"""

from __future__ import annotations

import calendar
import datetime
import re

from .schema import DateMention

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "maandag": 0, "monday": 0,
    "dinsdag": 1, "tuesday": 1,
    "woensdag": 2, "wednesday": 2,
    "donderdag": 3, "thursday": 3,
    "vrijdag": 4, "friday": 4,
    "zaterdag": 5, "saturday": 5,
    "zondag": 6, "sunday": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "een": 1, "één": 1, "a": 1, "an": 1, "one": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
    "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7,
    "acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10,
    "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
}  # fmt: skip
UNITS = {
    "dag": "days", "dagen": "days", "day": "days", "days": "days",
    "week": "weeks", "weken": "weeks", "weeks": "weeks",
    "maand": "months", "maanden": "months", "month": "months", "months": "months",
    "jaar": "years", "jaren": "years", "year": "years", "years": "years",
}  # fmt: skip
RELATIVE_DAYS = {
    "vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2,
    "gisteren": -1, "yesterday": -1, "eergisteren": -2,
}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_AMOUNT = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))

_NUMERIC = re.compile(
    r"\b(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?\b"
    r"(?!\s*(?:weken|dagen|maanden|jaar|jaren|uur|keer|euro|minuten|personen|kinderen))"
)
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?\b"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_NEXT_WEEK_DAY = re.compile(
    rf"\b(?:volgende|komende)\s+week\s+({_WEEKDAY})\b"
    rf"|\b({_WEEKDAY})\s+(?:volgende|komende)\s+week\b"
)
_WEEKDAY_ONLY = re.compile(
    rf"\b(?:(?:aanstaande|komende|volgende|deze|next|this|on)\s+)?({_WEEKDAY})\b"
)
_IN_AMOUNT = re.compile(rf"\b(?:over|in|binnen)\s+(?:(een half|half a)|({_AMOUNT}))\s+({_UNIT})\b")
_NEXT_UNIT = re.compile(r"\b(?:volgende|komende|next)\s+(week|maand|jaar|month|year)\b")
_RELATIVE = re.compile(r"\b(" + "|".join(RELATIVE_DAYS) + r")\b")


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _make(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _upcoming(today: datetime.date, month: int, day: int) -> datetime.date | None:
    """The first date on or after today with this day and month."""
    for year in (today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4):
        found = _make(year, month, day)
        if found is not None and found >= today:
            return found
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _shift(today: datetime.date, amount: int, unit: str) -> datetime.date:
    if unit == "days":
        return today + datetime.timedelta(days=amount)
    if unit == "weeks":
        return today + datetime.timedelta(weeks=amount)
    if unit == "months":
        return add_months(today, amount)
    return add_months(today, 12 * amount)


def find_dates(text: str, today: datetime.date) -> list[DateMention]:
    """All dates in `text`, in order of appearance."""
    lower = text.lower()
    found: list[tuple[int, int, datetime.date]] = []

    def add(match: re.Match[str], value: datetime.date | None) -> None:
        if value is None:
            return
        start, end = match.span()
        if any(s < end and start < e for s, e, _ in found):
            return  # overlaps a longer mention found earlier
        found.append((start, end, value))

    for m in _ISO.finditer(lower):
        add(m, _make(int(m[1]), int(m[2]), int(m[3])))
    for m in _NUMERIC.finditer(lower):
        day, month, year = int(m[1]), int(m[2]), _year(m[3])
        if 1 <= month <= 12 and 1 <= day <= 31 and (m[3] or "/" in m[0] or "-" in m[0]):
            add(m, _make(year, month, day) if year else _upcoming(today, month, day))
    for m in _DAY_MONTH.finditer(lower):
        year = _year(m[3])
        month = MONTHS[m[2]]
        add(m, _make(year, month, int(m[1])) if year else _upcoming(today, month, int(m[1])))
    for m in _MONTH_DAY.finditer(lower):
        year = _year(m[3])
        month = MONTHS[m[1]]
        add(m, _make(year, month, int(m[2])) if year else _upcoming(today, month, int(m[2])))
    for m in _NEXT_WEEK_DAY.finditer(lower):
        weekday = WEEKDAYS[m[1] or m[2]]
        monday = today - datetime.timedelta(days=today.weekday())
        add(m, monday + datetime.timedelta(days=7 + weekday))
    for m in _IN_AMOUNT.finditer(lower):
        unit = UNITS[m[3]]
        if m[1]:  # "over een half jaar"
            if unit == "years":
                add(m, add_months(today, 6))
            continue
        amount = int(m[2]) if m[2].isdigit() else NUMBER_WORDS[m[2]]
        add(m, _shift(today, amount, unit))
    for m in _NEXT_UNIT.finditer(lower):
        add(m, _shift(today, 1, UNITS[m[1]]))
    for m in _WEEKDAY_ONLY.finditer(lower):
        ahead = (WEEKDAYS[m[1]] - today.weekday()) % 7 or 7
        add(m, today + datetime.timedelta(days=ahead))
    for m in _RELATIVE.finditer(lower):
        add(m, today + datetime.timedelta(days=RELATIVE_DAYS[m[1]]))
    found.sort()
    return [DateMention(value, text[start:end]) for start, end, value in found]
