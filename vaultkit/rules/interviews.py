"""One action per interview: prepare, confirm, record-outcome, record-notes, thank-you."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..actions import Action
from ..dates import add_days
from ..model import Contact, Interview, Vault
from ..zones import zone_words
from .history import History

UPCOMING = ("requested", "scheduled", "confirmed")


def upcoming(interview: Interview, today) -> bool:
    """Still to happen: requested, scheduled or confirmed, dated today or later."""
    return interview.status_on(today) in UPCOMING and interview.date >= today


@dataclass(frozen=True, slots=True)
class Upcoming:
    """An interview still to happen, with what the calendar needs to place it."""

    interview: Interview
    contact: Contact | None  # None when the person has no note
    status: str  # requested / scheduled / confirmed
    zone: str  # IANA name its time is in: its own `timezone`, else `[me] timezone`; "" floating


def upcoming_interviews(vault: Vault, today: date) -> tuple[Upcoming, ...]:
    """Every interview still to happen, by date. An unknown `timezone` is floating, not `[me]`'s:
    a zone written and misspelt means the user's default is probably wrong for it."""
    found = []
    for interview in vault.interviews:
        if upcoming(interview, today):
            zone = vault.config.me.timezone if interview.timezone is None else interview.timezone
            contact = vault.contacts.get(interview.contact.path) if interview.contact.path else None
            found.append(Upcoming(interview, contact, interview.status_on(today), zone))
    return tuple(found)


def _when(interview: Interview, home: str) -> str:
    """`2026-11-26 at 12:00`, with its zone when it is not yours (`home`): ` New York time (09:00 your time)`."""
    if interview.time is None:
        return interview.date.isoformat()
    zone = zone_words(interview.date, interview.time, interview.timezone, home)
    return f"{interview.date.isoformat()} at {interview.time.strftime('%H:%M')}{' ' if zone else ''}{zone}"


def _action(kind: str, interview: Interview, due, reason: str) -> Action:
    return Action(kind, interview.contact.name, due, reason, interview.path,
                  contact_path=interview.contact.path, interview=interview.path, since=interview.date)


def interview_actions(history: History) -> list[Action]:
    rules, today = history.rules, history.today
    home = history.vault.config.me.timezone
    actions = []
    for interview in history.vault.interviews:
        status = interview.status_on(today)
        name = interview.contact.name
        if upcoming(interview, today):
            if not interview.has_questions:
                actions.append(_action(
                    "prepare", interview, add_days(interview.date, -rules.prepare_days_before),
                    f"Your interview with {name} on {_when(interview, home)} has no questions prepared yet."))
            if status == "scheduled":
                actions.append(_action(
                    "confirm", interview, add_days(interview.date, -rules.confirm_days_before),
                    f"Confirm the interview with {name} on {_when(interview, home)}."))
        elif interview.status in UPCOMING and interview.date < today:
            actions.append(_action(
                "record-outcome", interview, add_days(interview.date, 1),
                f"The interview with {name} on {interview.date.isoformat()} is still marked "
                f"{interview.status}; record whether it happened: set `status: done` (or `no-show`), "
                "or a new `date` if it moved."))
        if status != "done":
            continue
        if not interview.has_takeaways and not interview.has_reflection:
            actions.append(_action(
                "record-notes", interview, interview.date,
                f"You met {name} on {interview.date.isoformat()}; write down the takeaways while you remember them."))
        if interview.thank_you_sent is None and not _thanked(history, interview):
            due = after_hours(interview, rules.thank_you_hours)
            actions.append(_action(
                "thank-you", interview, due,
                f"You met {name} on {interview.date.isoformat()} and have not sent a thank-you yet."))
    return actions


def after_hours(interview: Interview, hours: int) -> date:
    """The day `hours` after the interview began, or the last day there is."""
    start = datetime.combine(interview.date, interview.time or time(0))
    try:
        return (start + timedelta(hours=hours)).date()
    except OverflowError:
        return add_days(interview.date, hours // 24)


def _thanked(history: History, interview: Interview) -> bool:
    """A #thanks touch with the contact on or after the interview's day."""
    if interview.contact.path is None:
        return False
    return any(t.kind == "thanks" and t.date >= interview.date for t in history.touches(interview.contact.path))
