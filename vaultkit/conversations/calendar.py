"""A calendar export (.ics) -> Events: who, when, how long, where; never a description.

Parsed with icalendar; a repeating event is expanded by recurring-ical-events, one UID at a
time, so one broken event is skipped and counted instead of stopping the rest. A file
that is not iCalendar, or does not parse at all, is an error.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ..dates import in_range, range_problem, zone_name
from ..errors import VaultkitError
from .mail import open_regular
from .records import Attendee, Event, Party, Unreadable

MAX_CALENDAR = 512 * 1024 * 1024  # bytes: a calendar export is a few MB; this is no calendar
_TIMING = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
_LINKS = ("LOCATION", "URL", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL")


def _text(component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return " ".join(str(value).split()) if value is not None else ""


def _party(value) -> Party | None:
    address = str(value).strip()
    if address.casefold().startswith("mailto:"):
        address = address[7:]
    if "@" not in address:
        return None
    name = str(getattr(value, "params", {}).get("CN", "")).strip().strip('"')
    return Party(address.strip().casefold(), " ".join(name.split()))


def _attendees(component) -> tuple[Attendee, ...]:
    values = component.get("ATTENDEE")
    values = values if isinstance(values, list) else [values] if values is not None else []
    found = []
    for value in values:
        party = _party(value)
        if party is not None:
            declined = str(getattr(value, "params", {}).get("PARTSTAT", "")).upper() == "DECLINED"
            found.append(Attendee(party, declined))
    return tuple(found)


def _zone(start) -> str:
    tz = getattr(start, "tzinfo", None)
    if tz is None or tz.utcoffset(start) == dt.timedelta(0) and getattr(tz, "key", "UTC") in ("UTC", "Etc/UTC"):
        return ""
    return zone_name(getattr(tz, "key", "")) or ""


def _minutes(component, start) -> int | None:
    """How long a timed event lasts; None for an all-day one, or one that does not say."""
    if not isinstance(start, dt.datetime):
        return None
    try:
        if component.get("DURATION") is not None:
            length = component.decoded("DURATION")
        elif component.get("DTEND") is not None:
            length = component.decoded("DTEND") - start
        else:
            return None
        minutes = int(length.total_seconds() // 60)
    except (TypeError, ValueError, AttributeError, OverflowError):
        return None
    return minutes if 0 < minutes <= 7 * 24 * 60 else None


def _event(component, position: str, recurring: bool) -> Event | Unreadable:
    broken = [name for name, _ in getattr(component, "errors", []) if name in _TIMING or name == "UID"]
    if broken:
        return Unreadable(position, f"event {_text(component, 'UID')[:60]!r}: {broken[0]} does not parse")
    try:
        start = component.decoded("DTSTART")
    except Exception:  # missing, or a value icalendar could not decode
        return Unreadable(position, f"event {_text(component, 'UID')[:60]!r} has no start (DTSTART)")
    if not isinstance(start, dt.date):
        return Unreadable(position, f"event {_text(component, 'UID')[:60]!r}: DTSTART is not a date")
    day = start.date() if isinstance(start, dt.datetime) else start
    if not in_range(day):
        return Unreadable(position, f"event {_text(component, 'UID')[:60]!r}: {range_problem(day)}")
    organizer = _party(component.get("ORGANIZER")) if component.get("ORGANIZER") is not None else None
    location = next((t for t in (_text(component, name) for name in _LINKS) if t), "")
    return Event(position, _text(component, "UID"), start, _minutes(component, start), _text(component, "SUMMARY"),
                 location, _zone(start), organizer, _attendees(component), recurring,
                 cancelled=_text(component, "STATUS").upper() == "CANCELLED")


def parse_calendar(path: Path, shown: str):
    """The calendars in the file, and the line of each VEVENT in order; VaultkitError if it is none."""
    import icalendar  # here: only a calendar import loads it

    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_CALENDAR + 1)
    except OSError as exc:
        raise VaultkitError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if len(data) > MAX_CALENDAR:
        raise VaultkitError(f"{shown} is over {MAX_CALENDAR >> 20} MB: not a calendar export")
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        raise VaultkitError(f"{shown} is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR")
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # icalendar raises several kinds for a file it cannot read
        raise VaultkitError(f"{shown} does not parse as iCalendar: {str(exc)[:200]}") from None
    if not calendars:  # icalendar drops a calendar whose BEGIN and END lines do not pair up
        raise VaultkitError(f"{shown} does not parse as iCalendar: no complete calendar in it (each BEGIN: line "
                            "needs its END: line; was the file cut short?)")
    lines = [data.count(b"\n", 0, m.start()) + 1 for m in re.finditer(rb"(?im)^BEGIN:VEVENT\s*$", data)]
    return calendars, lines


def read_calendar(path: Path, shown: str, window: tuple[dt.date, dt.date]) -> Iterator[Event | Unreadable]:
    """Every event of the file; a repeating one as its occurrences within `window` (first day, last day)."""
    calendars, lines = parse_calendar(path, shown)
    n = 0
    for calendar in calendars:
        zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
        by_uid: dict[str, list[tuple[object, str]]] = {}
        for component in calendar.subcomponents:
            if component.name != "VEVENT":
                continue
            position = f"{shown}:{lines[n] if n < len(lines) else 1}"
            n += 1
            by_uid.setdefault(_text(component, "UID") or position, []).append((component, position))
        for uid, group in by_uid.items():
            master = next(((c, p) for c, p in group if c.get("RECURRENCE-ID") is None), group[0])
            if master[0].get("RRULE") is None and master[0].get("RDATE") is None:
                for component, position in group:
                    yield _event(component, position, False)
                continue
            yield from _occurrences(calendar, zones, group, master[1], window)


def _occurrences(calendar, zones, group, position: str, window) -> Iterator[Event | Unreadable]:
    import recurring_ical_events  # here: 170 ms at start-up, only a calendar with repeating events needs it

    broken = [_event(c, p, True) for c, p in group]
    bad = [b for b in broken if isinstance(b, Unreadable)]
    if bad:
        yield bad[0]
        return
    single = type(calendar)()
    for zone in zones:
        single.add_component(zone)
    for component, _ in group:
        single.add_component(component)
    first, last = window
    try:
        found = recurring_ical_events.of(single).between(first, last + dt.timedelta(days=1))
    except Exception as exc:  # an RRULE the library cannot expand
        yield Unreadable(position, f"repeating event {_text(group[0][0], 'UID')[:60]!r} cannot be expanded: "
                                   f"{str(exc)[:120]}")
        return
    for occurrence in found:
        yield _event(occurrence, position, True)
