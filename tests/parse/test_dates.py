"""Dates, times, durations and cadences as written in notes."""
import datetime as dt

import pytest

from vaultkit.dates import Cadence, DailyFormat, parse_cadence, parse_date_time, parse_duration, parse_time

D = dt.date(2026, 11, 12)


@pytest.mark.parametrize("value, expected", [
    (D, (D, None)),
    (dt.datetime(2026, 11, 12, 10, 0), (D, dt.time(10, 0))),
    ("2026-11-12", (D, None)),
    ("2026-11-12T20:35", (D, dt.time(20, 35))),
    ("2026-11-12 20:35:10", (D, dt.time(20, 35, 10))),
    ("[[2026-11-12]]", (D, None)),
    ([["2026-11-12"]], (D, None)),  # unquoted [[2026-11-12]]
    (" 2026-11-12 ", (D, None)),
    ("2026-02-30", None),
    ("next week", None),
    (20261112, None),
    (None, None),
])
def test_parse_date_time(value, expected):
    assert parse_date_time(value) == expected


@pytest.mark.parametrize("value, expected", [
    (600, dt.time(10, 0)), ("10:00", dt.time(10, 0)), ("9:05", dt.time(9, 5)), ("2pm", dt.time(14, 0)),
    ("2:30 PM", dt.time(14, 30)), ("12am", dt.time(0, 0)), ("25:00", None), ("soon", None), (True, None), ("14", None),
])
def test_parse_time(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize("value, expected", [
    (45, 45), ("45", 45), ("45m", 45), ("45 min", 45), ("1h", 60), ("1h30m", 90), (90, 90), (0, None), ("long", None),
])
def test_parse_duration(value, expected):
    assert parse_duration(value) == expected


@pytest.mark.parametrize("value, expected", [
    (30, Cadence(30, "d")), ("30d", Cadence(30, "d")), ("6w", Cadence(6, "w")), ("3m", Cadence(3, "m")),
    ("2 weeks", Cadence(2, "w")), ("1y", Cadence(1, "y")), ("0d", None), ("often", None), (-3, None), (True, None),
])
def test_parse_cadence(value, expected):
    assert parse_cadence(value) == expected


def test_cadence_adds_calendar_months():
    assert Cadence(3, "m").after(dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)
    assert Cadence(6, "w").after(dt.date(2026, 11, 1)) == dt.date(2026, 12, 13)
    assert Cadence(60, "d").after(dt.date(2026, 9, 20)) == dt.date(2026, 11, 19)


@pytest.mark.parametrize("pattern, name, expected", [
    ("YYYY-MM-DD", "2026-11-02", dt.date(2026, 11, 2)),
    ("DD-MM-YYYY", "02-11-2026", dt.date(2026, 11, 2)),
    ("YYYY.MM.DD", "2026.11.02", dt.date(2026, 11, 2)),
    ("dddd, MMMM Do YYYY", "Monday, November 2nd 2026", dt.date(2026, 11, 2)),
    ("YYYY-MM-DD [Daily]", "2026-11-02 Daily", dt.date(2026, 11, 2)),
    ("YYYY/MM/YYYY-MM-DD", "Journal/2026/11/2026-11-02", dt.date(2026, 11, 2)),
    ("YYYY-MM-DD", "2026-11-31", None),
    ("YYYY-MM-DD", "Meeting 2026-11-02", None),
])
def test_daily_format(pattern, name, expected):
    assert DailyFormat.compile(pattern).parse(name) == expected
