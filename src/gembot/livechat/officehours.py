"""Office hours of the live chat: a weekly schedule, closing days and Dutch public holidays.

Plain Python (no Django): ``parse_schedule("ma-vr 08:30-17:00")`` gives a
:class:`WeeklySchedule`; an :class:`OfficeCalendar` answers "open now?" and "when open
again?" in Europe/Amsterdam wall-clock time, so the switch to and from summer time (the
last Sunday of March and of October) needs no special care by callers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")
FULL_DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
FULL_DAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MINUTES_PER_DAY = 24 * 60
CLOSED_WORDS = {"", "gesloten", "dicht", "nooit"}

Range = tuple[int, int]  # minutes after midnight, end exclusive; 1440 is 24:00

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


class OfficeHoursError(ValueError):
    """The schedule text cannot be read; the message is Dutch, for the person who typed it."""


@dataclass(frozen=True)
class WeeklySchedule:
    days: tuple[tuple[Range, ...], ...]  # index 0 = Monday

    @property
    def always_open(self) -> bool:
        return all(ranges == ((0, MINUTES_PER_DAY),) for ranges in self.days)

    @property
    def never_open(self) -> bool:
        return not any(self.days)

    def format(self) -> str:
        """The canonical text (``ma-vr 08:30-17:00``) that parses back to this schedule."""
        if self.never_open:
            return "gesloten"
        groups: list[tuple[list[int], tuple[Range, ...]]] = []
        for index, ranges in enumerate(self.days):
            if not ranges:
                continue
            if groups and groups[-1][1] == ranges and groups[-1][0][-1] == index - 1:
                groups[-1][0].append(index)
            else:
                groups.append(([index], ranges))
        parts = []
        for indexes, ranges in groups:
            first, last = DAY_NAMES[indexes[0]], DAY_NAMES[indexes[-1]]
            days = first if first == last else f"{first}-{last}"
            if len(indexes) == 2:
                days = f"{first},{last}"
            parts.append(f"{days} {' '.join(format_range(r) for r in ranges)}")
        return "; ".join(parts)


def format_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_range(span: Range) -> str:
    return f"{format_minutes(span[0])}-{format_minutes(span[1])}"


def _day(token: str) -> int:
    word = token.lower()
    if word in DAY_NAMES:
        return DAY_NAMES.index(word)
    if word in FULL_DAY_NAMES:
        return FULL_DAY_NAMES.index(word)
    raise OfficeHoursError(
        f"Onbekende dag '{token}'. Gebruik ma, di, wo, do, vr, za of zo (bijvoorbeeld ma-vr)."
    )


def _days(spec: str) -> list[int]:
    result: list[int] = []
    for part in spec.split(","):
        if not part:
            raise OfficeHoursError(f"Er mist een dag in '{spec}'. Schrijf bijvoorbeeld ma,wo.")
        first, dash, last = part.partition("-")
        if not dash:
            result.append(_day(first))
            continue
        start, end = _day(first), _day(last)
        index = start
        while True:  # "za-ma" wraps around the weekend
            result.append(index)
            if index == end:
                break
            index = (index + 1) % 7
    return result


def _minutes(token: str, *, is_end: bool) -> int:
    match = _TIME.match(token)
    if not match:
        raise OfficeHoursError(f"De tijd '{token}' klopt niet. Schrijf tijden als 08:30.")
    hours, minutes = int(match.group(1)), int(match.group(2))
    total = hours * 60 + minutes
    if minutes > 59 or total > MINUTES_PER_DAY or (total == MINUTES_PER_DAY and not is_end):
        raise OfficeHoursError(f"De tijd '{token}' bestaat niet. Gebruik 00:00 tot en met 24:00.")
    return total


def _range(token: str) -> Range:
    start_text, dash, end_text = token.partition("-")
    if not dash or not start_text or not end_text:
        raise OfficeHoursError(
            f"'{token}' is geen tijdvak. Schrijf een begin- en eindtijd, zoals 09:00-17:00."
        )
    start, end = _minutes(start_text, is_end=False), _minutes(end_text, is_end=True)
    if start >= end:
        raise OfficeHoursError(
            f"In '{token}' ligt het begin niet vóór het einde. Een tijdvak over middernacht "
            "kan niet: splits het over twee dagen."
        )
    return start, end


def _merge(ranges: list[Range]) -> tuple[Range, ...]:
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


@lru_cache(maxsize=512)
def parse_schedule(text: str) -> WeeklySchedule:
    """Read ``"ma-vr 08:30-17:00"``, ``"ma,wo 09:00-12:00 13:00-17:00; do 13:00-20:00"``.

    ``"gesloten"`` (or nothing) is never open; ``"ma-zo 00:00-24:00"`` is always open.
    """
    text = (text or "").strip()
    per_day: list[list[Range]] = [[] for _ in DAY_NAMES]
    if text.lower() in CLOSED_WORDS:
        return WeeklySchedule(tuple(() for _ in DAY_NAMES))
    for group in text.split(";"):
        group = re.sub(r"\s*([-,])\s*", r"\1", group.strip())
        if not group:
            continue
        tokens = group.split()
        if len(tokens) < 2:
            raise OfficeHoursError(
                f"Bij '{group}' ontbreken de dagen of de tijden. "
                "Schrijf bijvoorbeeld: ma-vr 08:30-17:00."
            )
        days = _days(tokens[0])
        ranges = [_range(part) for token in tokens[1:] for part in token.split(",") if part]
        for day in days:
            per_day[day].extend(ranges)
    return WeeklySchedule(tuple(_merge(ranges) for ranges in per_day))


@lru_cache(maxsize=16)
def public_holidays(year: int) -> dict[date, str]:
    """Dutch public holidays of ``year`` with their Dutch names (Koningsdag, ...)."""
    return dict(holidays.country_holidays("NL", years=year, language="nl").items())


@dataclass(frozen=True)
class OfficeCalendar:
    schedule: WeeklySchedule
    closing_days: dict[date, str] = field(default_factory=dict)
    closed_on_public_holidays: bool = True

    def closed_reason(self, day: date) -> str | None:
        """Why the live chat is closed all of ``day``, or None when it follows the schedule."""
        if day in self.closing_days:
            return self.closing_days[day] or "sluitingsdag"
        # "Always open" means always: a 24/7 schedule does not close for public holidays.
        if self.closed_on_public_holidays and not self.schedule.always_open:
            return public_holidays(day.year).get(day)
        return None

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(AMSTERDAM)
        if self.closed_reason(local.date()) is not None:
            return False
        minute = local.hour * 60 + local.minute
        return any(start <= minute < end for start, end in self.schedule.days[local.weekday()])

    def next_opening(self, at: datetime, horizon_days: int = 60) -> datetime | None:
        """When the chat opens next (``at`` itself when open now); None when not in sight."""
        if self.is_open(at):
            return at
        local_day = at.astimezone(AMSTERDAM).date()
        for offset in range(horizon_days + 1):
            day = local_day + timedelta(days=offset)
            if self.closed_reason(day) is not None:
                continue
            for start, _end in self.schedule.days[day.weekday()]:
                moment = datetime.combine(day, _time(start), tzinfo=AMSTERDAM)
                if moment > at:
                    return moment
        return None


def _time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)
