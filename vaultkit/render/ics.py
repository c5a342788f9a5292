"""Follow-ups.ics: a calendar a phone or desktop app can subscribe to.

An event per upcoming interview (at its time, for its duration, with an alarm
`alarm_minutes` before, and the path of its brief), an all-day event per open
action due from today to `horizon_days` ahead, and one all-day event on today
that lists every overdue action, so a bad week is one reminder, not a pile.
Summaries and descriptions are the dashboard's own sentences, in plain text,
with the vault-relative path of the dashboard (an `obsidian://` link would name
the vault's folder, and a copy of the vault must give the same bytes).

UIDs are derived from what an event is about, so a re-import updates events
instead of duplicating them. A timed interview is in its time zone (the plan
says which), with a VTIMEZONE that the icalendar library derives from the time
zone database over the years the events span; with no zone it floats. DTSTAMP
is the report's day, never the clock: the same vault and day give the same bytes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..kinds.action import Action, urgency_key
from ..dates import add_days
from ..model import Vault
from ..rules import Plan, Upcoming
from .sentences import due_words, headline
from .text import plural

PRODID = "-//vaultkit//Follow-ups//EN"
DASHBOARD = "Follow-ups.md"
ZONE_YEARS = 10  # a VTIMEZONE spells out this many years of changes at most; calendars carry the last one on
_STATES = {"requested": "requested, not agreed yet", "scheduled": "scheduled, not confirmed yet",
           "confirmed": "confirmed"}
_MODES = {"in-person": "In person", "video": "Video call", "phone": "Phone call"}


def uid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@vaultkit"


def _zone(name: str):
    try:
        return ZoneInfo(name) if name else None
    except (ValueError, OSError):  # checked when read; a time zone database gone since is floating time
        return None


def _start(item: Upcoming) -> datetime | date:
    i = item.interview
    if i.time is None:
        return i.date
    return datetime.combine(i.date, i.time, tzinfo=_zone(item.zone))


@lru_cache(maxsize=8192)
def _interview_bytes(item: Upcoming, stamp: datetime, alarm_minutes: int, brief: str) -> bytes:
    """One VEVENT, remembered: `watch` renders the same events refresh after refresh."""
    from icalendar import Alarm, Event  # here: a calendar known to be as it was loads no icalendar

    interview, contact = item.interview, item.contact
    name = interview.contact.name
    event = Event()
    event.add("uid", uid("interview", interview.path))
    event.add("dtstamp", stamp)
    event.add("summary", f"Informational interview with {name}")
    start = _start(item)
    event.add("dtstart", start)
    if isinstance(start, datetime):
        try:
            event.add("dtend", start + timedelta(minutes=interview.duration))
        except OverflowError:  # past the last day there is: the event ends when it starts
            event.add("dtend", start)
    else:
        event.add("dtend", add_days(start, 1))
    if interview.location:
        event.add("location", interview.location)
    details = [f"Informational interview with {name}, {_STATES[item.status]}."]
    if contact:
        job = " at ".join(part for part in (contact.role, contact.company) if part)
        details += [line for line in (job, contact.email, contact.phone) if line]
    if interview.mode:
        details.append(f"{_MODES.get(interview.mode, interview.mode.capitalize())}.")
    details += [f"Brief: {brief}", f"Note: {interview.path}"]
    event.add("description", "\n".join(details))
    event.add("status", "CONFIRMED" if item.status == "confirmed" else "TENTATIVE")
    if interview.time:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Interview with {name} in {alarm_minutes} minutes")
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    return event.to_ical()


def _sentence(action: Action, vault: Vault, today: date) -> str:
    """The dashboard's line for an action, in plain text: what to do, then when it is due."""
    sentence = f"{headline(action, today, home=vault.config.me.timezone)}, {due_words(action.due, today)}."
    return sentence if action.contact is not None else f"{sentence} {action.reason}"


@lru_cache(maxsize=8192)
def _action_bytes(action: Action, sentence: str, summary: str, stamp: datetime, dashboard: str) -> bytes:
    from icalendar import Event  # here: as in _interview_bytes

    event = Event()
    # an action about no one (an application's follow-up) is told apart by the note behind it
    by_note = (action.source,) if action.contact is None and action.source else ()
    event.add("uid", uid("action", action.kind, action.contact_path or action.contact or "",
                         action.interview or "", action.field or "", *by_note))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", action.due)
    event.add("dtend", add_days(action.due, 1))
    lines = [sentence] + ([f"From: {action.source}"] if action.source else [])
    event.add("description", "\n".join(lines + [f"Dashboard: {dashboard}"]))
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: leaves the day free
    return event.to_ical()


def _overdue_bytes(sentences: list[str], today: date, stamp: datetime, dashboard: str) -> bytes:
    """One all-day event on today for everything overdue; its UID never changes, so it moves day to day."""
    from icalendar import Event  # here: as in _interview_bytes

    event = Event()
    event.add("uid", uid("overdue"))
    event.add("dtstamp", stamp)
    event.add("summary", f"{plural(len(sentences), 'overdue follow-up')}: see {dashboard.rsplit('/', 1)[-1]}")
    event.add("dtstart", today)
    event.add("dtend", add_days(today, 1))
    intro = "Overdue, the most urgent first:" if len(sentences) > 1 else "Overdue:"
    event.add("description", "\n".join([intro, *(f"- {s}" for s in sentences), f"Dashboard: {dashboard}"]))
    event.add("transp", "TRANSPARENT")
    return event.to_ical()


@lru_cache(maxsize=64)
def _timezone_bytes(name: str, first_year: int, last_year: int) -> bytes:
    """The zone's offsets and changes from 1 January of `first_year` to the end of `last_year`."""
    from icalendar import Timezone  # here: as in _interview_bytes

    end = date(last_year + 1, 1, 1) if last_year < date.max.year else date.max
    return Timezone.from_tzinfo(ZoneInfo(name), name, date(first_year, 1, 1), end).to_ical()


def _timezones(upcoming: tuple[Upcoming, ...], events: list[bytes], today: date) -> list[bytes]:
    """A VTIMEZONE for every zone an event names (a UTC time names none: it ends in Z)."""
    years: dict[str, int] = {}
    for item in upcoming:
        if item.zone and item.interview.time is not None:
            years[item.zone] = max(years.get(item.zone, today.year), item.interview.date.year)
    written = b"".join(events)
    return [_timezone_bytes(name, today.year, min(last, today.year + ZONE_YEARS))
            for name, last in sorted(years.items()) if f";TZID={name}:".encode() in written]


@dataclass(frozen=True)
class CalendarParts:
    """Everything the calendar's bytes are made from, as plain values (calendar_bytes writes them)."""

    today: date
    alarm_minutes: int
    dashboard: str
    interviews: tuple[tuple[Upcoming, str], ...]  # each with its brief's vault-relative path
    overdue: tuple[str, ...]  # the overdue actions' sentences, the most urgent first
    actions: tuple[tuple[Action, str, str], ...]  # due today or upcoming: (action, sentence, summary)


def calendar_parts(vault: Vault, plan: Plan, briefs: dict[str, str]) -> CalendarParts:
    """`briefs`: interview note path -> its brief's path inside the output folder."""
    today, folder = plan.today, vault.config.folders.output
    groups = plan.groups()
    actions = []
    for action in groups["today"] + groups["upcoming"]:
        summary = headline(action, today, home=vault.config.me.timezone)
        actions.append((action, _sentence(action, vault, today), summary))
    return CalendarParts(
        today, vault.config.rules.alarm_minutes, f"{folder}/{DASHBOARD}",
        tuple((item, f"{folder}/{briefs[item.interview.path]}") for item in plan.upcoming),
        tuple(_sentence(a, vault, today) for a in sorted(groups["overdue"], key=urgency_key)),
        tuple(actions))


def render_ics(vault: Vault, plan: Plan, briefs: dict[str, str]) -> bytes:
    """`briefs`: interview note path -> its brief's path inside the output folder."""
    return calendar_bytes(calendar_parts(vault, plan, briefs))


def calendar_bytes(parts: CalendarParts) -> bytes:
    from icalendar import Calendar  # here: as in _interview_bytes

    today, dashboard = parts.today, parts.dashboard
    stamp = datetime.combine(today, time(0), tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "vaultkit follow-ups")
    events = [_interview_bytes(item, stamp, parts.alarm_minutes, brief) for item, brief in parts.interviews]
    if parts.overdue:
        events.append(_overdue_bytes(list(parts.overdue), today, stamp, dashboard))
    events += [_action_bytes(action, sentence, summary, stamp, dashboard) for action, sentence, summary in parts.actions]
    zones = _timezones(tuple(item for item, _ in parts.interviews), events, today)
    head, end = calendar.to_ical().split(b"END:VCALENDAR\r\n")  # what icalendar would write, events inside
    return head + b"".join(zones) + b"".join(events) + b"END:VCALENDAR\r\n" + end
