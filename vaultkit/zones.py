"""An interview's time as its reader in `[me] timezone` must read it.

A time is written in the interview's own `timezone`, else in yours. When the
two differ (at that moment: New York and Detroit keep the same hours), every
line that carries the time names its zone, and the hour at yours if it is known:
`12:00 New York time (09:00 your time)`. Pure: zone names in, words out.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@lru_cache(maxsize=64)
def _zone(name: str):
    from zoneinfo import ZoneInfo  # here: a run with no time in another zone need not load it

    try:
        return ZoneInfo(name) if name else None
    except (ValueError, OSError):  # checked when read; a time zone database gone since says nothing
        return None


def zone_label(name: str) -> str:
    """`America/New_York` -> `New York time`; a name that is not a place (`UTC`, `Etc/GMT+5`) as it is."""
    if "/" in name and not name.startswith("Etc/"):
        return f"{name.rsplit('/', 1)[-1].replace('_', ' ')} time"
    return name


def other_zone(day: date, start: time, zone: str | None, home: str, minutes: int | None = None) -> tuple[str, str]:
    """(the zone's label, the hours at `home`) for a time on `day` written in `zone` (None: not
    written, so `home`'s own). ("", ""): it reads the same at home, or its zone is unknown (it
    floats). (label, ""): `home` is not known. With `minutes`, the hours are from start to end:
    `09:00 to 09:30`; on another day at home, with its weekday: `Wed 15:00`."""
    there = _zone(zone or "")
    if there is None or zone == home:
        return "", ""
    here = _zone(home)
    if here is None:
        return zone_label(zone), ""
    try:
        begin = datetime.combine(day, start, tzinfo=there).astimezone(timezone.utc)
        local = begin.astimezone(here)
        end = (begin + timedelta(minutes=minutes)).astimezone(here) if minutes is not None else None
    except (OverflowError, ValueError):  # at the very end of the calendar: say the zone alone
        return zone_label(zone), ""
    if (local.date(), local.time()) == (day, start):
        return "", ""
    hours = local.strftime("%H:%M") + (f" to {end:%H:%M}" if end is not None else "")
    return zone_label(zone), hours if local.date() == day else f"{_DAYS[local.weekday()]} {hours}"


def zone_words(day: date, start: time, zone: str | None, home: str) -> str:
    """What follows the time in a sentence: `New York time (09:00 your time)`, `New York time`, or ""."""
    label, hours = other_zone(day, start, zone, home)
    return f"{label} ({hours} your time)" if hours else label
