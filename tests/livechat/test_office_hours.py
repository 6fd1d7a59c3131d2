"""Office hours: weekly schedule, public holidays, closing days, summer time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gembot.livechat.availability import calendar_for, settings_for
from gembot.livechat.officehours import (
    AMSTERDAM,
    OfficeCalendar,
    OfficeHoursError,
    parse_schedule,
)
from gembot.tenants.models import Municipality


def local(*args) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def calendar(text: str, holidays: bool = True, closing=None) -> OfficeCalendar:
    return OfficeCalendar(parse_schedule(text), closing or {}, holidays)


# --- reading the schedule -------------------------------------------------------------------


def test_weekdays():
    schedule = parse_schedule("ma-vr 08:30-17:00")
    assert schedule.days[:5] == (((510, 1020),),) * 5
    assert schedule.days[5:] == ((), ())
    assert schedule.format() == "ma-vr 08:30-17:00"


def test_several_groups_and_ranges():
    schedule = parse_schedule("ma,wo 09:00-12:00; do 13:00-20:00")
    assert schedule.days[0] == schedule.days[2] == ((540, 720),)
    assert schedule.days[3] == ((780, 1200),)
    assert schedule.days[1] == ()
    split = parse_schedule("ma - vr 09:00-12:00 13:00-17:00")
    assert split.days[4] == ((540, 720), (780, 1020))
    assert parse_schedule(split.format()) == split


def test_always_and_never():
    assert parse_schedule("ma-zo 00:00-24:00").always_open
    assert parse_schedule("gesloten").never_open
    assert parse_schedule("za-ma 10:00-14:00").days == (
        ((600, 840),),
        (),
        (),
        (),
        (),
        ((600, 840),),
        ((600, 840),),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mx-vr 08:30-17:00", "Onbekende dag 'mx'"),
        ("ma-vr 8:30-25:00", "De tijd '25:00' bestaat niet"),
        ("ma-vr 17:00-08:30", "ligt het begin niet vóór het einde"),
        ("ma-vr", "ontbreken de dagen of de tijden"),
        ("ma-vr 0830-1700", "De tijd '0830' klopt niet"),
        ("ma-vr 09:00", "is geen tijdvak"),
        ("ma-vr 24:00-24:00", "De tijd '24:00' bestaat niet"),
    ],
)
def test_errors_are_clear_dutch(text, message):
    with pytest.raises(OfficeHoursError) as error:
        parse_schedule(text)
    assert message in str(error.value)


# --- open or closed ---------------------------------------------------------------------------


def test_weekday_hours_in_local_time():
    hours = calendar("ma-vr 08:30-17:00")
    assert hours.is_open(local(2026, 6, 3, 8, 30))  # Wednesday
    assert not hours.is_open(local(2026, 6, 3, 8, 29))
    assert not hours.is_open(local(2026, 6, 3, 17, 0))
    assert not hours.is_open(local(2026, 6, 6, 12, 0))  # Saturday


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 25),  # Eerste Kerstdag (Friday)
        date(2026, 4, 27),  # Koningsdag (Monday)
        date(2026, 1, 1),
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2025, 4, 26),  # Koningsdag 2025 on Saturday (27 April was a Sunday)
    ],
)
def test_public_holidays_are_closed(day):
    hours = calendar("ma-za 08:30-17:00")
    noon = local(day.year, day.month, day.day, 12, 0)
    assert not hours.is_open(noon)
    assert calendar("ma-za 08:30-17:00", holidays=False).is_open(noon)


def test_always_open_means_always_also_on_holidays():
    assert calendar("ma-zo 00:00-24:00").is_open(local(2026, 12, 25, 3, 0))


def test_closing_day():
    hours = calendar("ma-vr 08:30-17:00", closing={date(2026, 12, 24): "Kerstavond"})
    assert hours.closed_reason(date(2026, 12, 24)) == "Kerstavond"
    assert not hours.is_open(local(2026, 12, 24, 10, 0))
    # After 24 (closing) and 25, 26 (holidays) and the weekend: Monday 28 December.
    assert hours.next_opening(local(2026, 12, 23, 18, 0)) == local(2026, 12, 28, 8, 30)


def test_summer_time_starts_last_sunday_of_march():
    hours = calendar("ma-zo 08:00-17:00")
    # 29 March 2026: clocks go from 02:00 CET to 03:00 CEST. 08:00 local is 06:00 UTC.
    assert hours.is_open(utc(2026, 3, 29, 6, 0))
    assert not hours.is_open(utc(2026, 3, 29, 5, 59))
    assert hours.next_opening(utc(2026, 3, 29, 0, 30)) == utc(2026, 3, 29, 6, 0)
    # The day before (winter time) 08:00 local is 07:00 UTC.
    assert not hours.is_open(utc(2026, 3, 28, 6, 30))
    assert hours.is_open(utc(2026, 3, 28, 7, 0))


def test_summer_time_ends_last_sunday_of_october():
    hours = calendar("ma-zo 08:00-17:00")
    # 25 October 2026: back to CET; 17:00 local is 16:00 UTC (15:00 UTC the day before).
    assert hours.is_open(utc(2026, 10, 25, 15, 59))
    assert not hours.is_open(utc(2026, 10, 25, 16, 0))
    assert not hours.is_open(utc(2026, 10, 24, 15, 0))
    assert hours.next_opening(utc(2026, 10, 24, 20, 0)) == utc(2026, 10, 25, 7, 0)


def test_night_hours_across_the_summer_time_gap():
    hours = calendar("zo 01:00-04:00")
    # 02:00-03:00 does not exist on 29 March 2026: the window is 2 real hours long.
    assert hours.is_open(utc(2026, 3, 29, 0, 30))  # 01:30 CET
    assert hours.is_open(utc(2026, 3, 29, 1, 30))  # 03:30 CEST
    assert not hours.is_open(utc(2026, 3, 29, 2, 0))  # 04:00 CEST


def test_next_opening_is_none_when_never_open():
    assert calendar("gesloten").next_opening(local(2026, 6, 1, 12, 0)) is None


# --- CLI and settings -------------------------------------------------------------------------


def officehours(*args) -> str:
    out = StringIO()
    call_command("officehours", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_cli_set_and_show():
    shown = officehours("set", "GM0855", "ma,wo 09:00-12:00; do 13:00-20:00")
    assert "Openingstijden van Tilburg opgeslagen." in shown
    assert "maandag    09:00-12:00" in shown
    assert "dinsdag    gesloten" in shown
    assert "donderdag  13:00-20:00" in shown
    assert "Feestdagen: dicht" in shown
    assert officehours("show", "tilburg").startswith("Tilburg (GM0855)")
    assert settings_for(Municipality.objects.get(code="GM0855")).office_hours == (
        "ma,wo 09:00-12:00; do 13:00-20:00"
    )


@pytest.mark.django_db
def test_cli_always_open():
    shown = officehours("set", "GM0855", "ma-zo 00:00-24:00")
    assert "zondag     00:00-24:00" in shown
    assert "Nu: open" in shown


@pytest.mark.django_db
def test_cli_parse_error_is_dutch_with_exit_code_2():
    with pytest.raises(CommandError) as error:
        officehours("set", "GM0855", "mo-fr 08:30-17:00")
    assert error.value.returncode == 2
    assert "Onbekende dag 'mo'. Gebruik ma, di, wo, do, vr, za of zo" in str(error.value)
    with pytest.raises(CommandError) as words:
        officehours("set", "GM0855", "maandag tot vrijdag")
    assert "'tot' is geen tijdvak" in str(words.value)
    with pytest.raises(CommandError) as unknown:
        officehours("show", "GM9999")
    assert unknown.value.returncode == 2


@pytest.mark.django_db
def test_cli_closing_days():
    officehours("close-day", "GM0855", "2026-12-24", "--reason", "Kerstavond")
    chat = settings_for(Municipality.objects.get(code="GM0855"))
    assert calendar_for(chat, local(2026, 12, 20, 12, 0)).closing_days == {
        date(2026, 12, 24): "Kerstavond"
    }
    officehours("open-day", "GM0855", "2026-12-24")
    with pytest.raises(CommandError):
        officehours("open-day", "GM0855", "2026-12-24")
    with pytest.raises(CommandError) as bad:
        officehours("close-day", "GM0855", "24-12-2026")
    assert "Schrijf hem zo: 2026-12-24" in str(bad.value)
