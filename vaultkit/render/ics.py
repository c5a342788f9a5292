"""Follow-ups.ics: a calendar a phone or desktop app can subscribe to.

An event per upcoming interview (at its time, for its duration, with an alarm
`alarm_minutes` before) and an all-day event per open action due within
`horizon_days`; an overdue action sits on today, marked overdue, so it is not
lost in the past. UIDs are derived from what the event is about, so a
re-import updates events instead of duplicating them. Times are floating
(local wall-clock time, as written in the notes), and DTSTAMP is the report's
day, never the clock: the same vault and day give the same bytes.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from icalendar import Alarm, Calendar, Event

from ..actions import Action
from ..dates import add_days
from ..model import Contact, Interview, Vault
from ..rules import Plan
from ..rules.interviews import UPCOMING

PRODID = "-//vaultkit//Follow-ups//EN"


def uid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@vaultkit"


@lru_cache(maxsize=8192)
def _interview_bytes(interview: Interview, contact: Contact | None, stamp: datetime, alarm_minutes: int) -> bytes:
    """One VEVENT, remembered: `watch` renders the same events refresh after refresh."""
    return _interview_event(interview, contact, stamp, alarm_minutes).to_ical()


@lru_cache(maxsize=8192)
def _action_bytes(action: Action, today: date, stamp: datetime) -> bytes:
    return _action_event(action, today, stamp).to_ical()


def _interview_event(interview: Interview, contact: Contact | None, stamp: datetime, alarm_minutes: int) -> Event:
    event = Event()
    event.add("uid", uid("interview", interview.path))
    event.add("dtstamp", stamp)
    status = interview.status or "scheduled"
    event.add("summary", f"Informational interview: {interview.contact.name}")
    if interview.time:
        start = datetime.combine(interview.date, interview.time)
        event.add("dtstart", start)
        try:
            event.add("dtend", start + timedelta(minutes=interview.duration))
        except OverflowError:  # past the last day there is: the event ends when it starts
            event.add("dtend", start)
    else:
        event.add("dtstart", interview.date)
        event.add("dtend", add_days(interview.date, 1))
    if interview.location:
        event.add("location", interview.location)
    details = [f"Status: {status}."]
    if contact:
        details += [line for line in (
            f"{contact.role} at {contact.company}" if contact.role and contact.company else contact.company,
            contact.email, contact.phone) if line]
    if interview.mode:
        details.append(f"Mode: {interview.mode}.")
    details.append(f"Note: {interview.path}")
    event.add("description", "\n".join(details))
    event.add("status", "CONFIRMED" if status == "confirmed" else "TENTATIVE")
    if interview.time:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Interview with {interview.contact.name} in {alarm_minutes} minutes")
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    return event


def _action_event(action: Action, today: date, stamp: datetime) -> Event:
    event = Event()
    who = action.contact or action.field or "your search"
    event.add("uid", uid("action", action.kind, action.contact_path or action.contact or "",
                         action.interview or "", action.field or ""))
    event.add("dtstamp", stamp)
    day = max(action.due, today)
    overdue = f" (overdue since {action.due.isoformat()})" if action.due < today else ""
    event.add("summary", f"{action.kind}: {who}{overdue}")
    event.add("dtstart", day)
    event.add("dtend", add_days(day, 1))
    event.add("description", action.reason + (f"\nNote: {action.source}" if action.source else ""))
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: leaves the day free
    return event


def render_ics(vault: Vault, plan: Plan) -> bytes:
    rules = vault.config.rules
    stamp = datetime.combine(plan.today, time(0), tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "vaultkit follow-ups")
    events = []
    for interview in vault.interviews:
        if interview.status_on(plan.today) in UPCOMING and interview.date >= plan.today:
            contact = vault.contacts.get(interview.contact.path) if interview.contact.path else None
            events.append(_interview_bytes(interview, contact, stamp, rules.alarm_minutes))
    horizon = add_days(plan.today, rules.horizon_days)
    for action in plan.actions:
        if action.due <= horizon:
            events.append(_action_bytes(action, plan.today, stamp))
    head, end = calendar.to_ical().split(b"END:VCALENDAR\r\n")  # what icalendar would write, events inside
    return head + b"".join(events) + b"END:VCALENDAR\r\n" + end
