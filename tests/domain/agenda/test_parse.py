"""What people type for dates, times and durations in spreadsheets and schedules."""

from datetime import date, datetime, time, timedelta

from seminar_desk.domain.agenda.parse import parse_clock, parse_date, parse_duration


def test_dates():
    assert parse_date("2026-12-19") == date(2026, 12, 19)
    assert parse_date("19/12/2026") == parse_date("19.12.2026") == date(2026, 12, 19)
    assert parse_date("19 Dec 2026") == date(2026, 12, 19)
    assert parse_date(datetime(2026, 12, 19, 9)) == date(2026, 12, 19)
    assert parse_date("12/19/2026") is None and parse_date("") is None


def test_times_of_day():
    assert parse_clock("09:30") == parse_clock("9.30") == parse_clock("9h30") == 570
    assert parse_clock("12:00 pm") == 720 and parse_clock("12:00 am") == 0
    assert parse_clock(0.5) == 720  # a spreadsheet day fraction
    assert parse_clock(time(8, 15)) == 495
    assert parse_clock("13:00 pm") is None and parse_clock("24:00") is None


def test_durations():
    assert parse_duration(45) == 45 and parse_duration("45") == 45
    assert parse_duration("2h") == 120 and parse_duration("1 h 15") == 75
    assert parse_duration(timedelta(minutes=90)) == 90 and parse_duration(time(1, 30)) == 90
    assert parse_duration(True) is None and parse_duration("-5") is None
    assert parse_duration(1.5) is None
