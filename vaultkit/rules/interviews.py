"""One action per interview: prepare, confirm, record-outcome, record-notes, thank-you."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds.action import Action
from ..dates import add_days
from ..kinds.confirm import CONFIRM
from ..kinds.meeting import Meeting
from ..kinds.prepare import PREPARE
from ..kinds.record_notes import RECORD_NOTES
from ..kinds.record_outcome import RECORD_OUTCOME
from ..kinds.thank_you import THANK_YOU
from ..model import Contact, Interview, Vault
from ..zones import other_zone, zone_words
from .history import UPCOMING, History, is_upcoming


def upcoming(interview: Interview, today) -> bool:
    """Still to happen: requested, scheduled or confirmed, dated today or later."""
    return is_upcoming(interview.status_on(today), interview.date, today)


@dataclass(frozen=True, slots=True)
class Upcoming:
    """An interview still to happen, with what the calendar needs to place it."""

    interview: Interview
    contact: Contact | None  # None when the person has no note
    status: str  # requested / scheduled / confirmed
    zone: str  # IANA name its time is in: its own `timezone`, else `[me] timezone`; "" floating


def upcoming_interviews(history: History) -> tuple[Upcoming, ...]:
    """Every interview still to happen, by date. An unknown `timezone` is floating, not `[me]`'s:
    a zone written and misspelt means the user's default is probably wrong for it."""
    vault, today = history.vault, history.today
    found = []
    for interview, status in zip(vault.interviews, history.statuses):
        if is_upcoming(status, interview.date, today):
            zone = vault.config.me.timezone if interview.timezone is None else interview.timezone
            contact = vault.contacts.get(interview.contact.path) if interview.contact.path else None
            found.append(Upcoming(interview, contact, status, zone))
    return tuple(found)


def _when(interview: Interview, home: str) -> str:
    """`2026-11-26 at 12:00`, with its zone when it is not yours (`home`): ` New York time (09:00 your time)`."""
    if interview.time is None:
        return interview.date.isoformat()
    zone = zone_words(interview.date, interview.time, interview.timezone, home)
    return f"{interview.date.isoformat()} at {interview.time.strftime('%H:%M')}{' ' if zone else ''}{zone}"


def meeting(interview: Interview, vault: Vault) -> Meeting:
    """The interview as its actions' lines and drafts tell of it."""
    return Meeting(
        interview.path, interview.date, interview.time, interview.timezone,
        # the zone it was agreed in, when it is not yours: the message goes to someone who may live there
        zone=other_zone(interview.date, interview.time, interview.timezone, vault.config.me.timezone)[0]
        if interview.time and interview.timezone else "",  # with no zone of its own it is in yours
        duration=interview.duration, mode=interview.mode, location=interview.location, field=interview.field,
        company=interview.company, takeaways=tuple(interview.takeaways),
        referrals=tuple([vault.contacts[r.path].name if r.path else r.name for r in interview.referrals]))


def interview_actions(history: History) -> list[Action]:
    vault = history.vault
    actions = []
    for interview, status in zip(vault.interviews, history.statuses):
        due = _due(history, interview, status)
        if due:
            facts, path, person = meeting(interview, vault), interview.path, interview.contact
            actions += [Action(kind, person.name, day, reason, path, contact_path=person.path, interview=path,
                               facts=facts) for kind, day, reason in due]
    return actions


def _due(history: History, interview: Interview, status: str) -> list[tuple[str, date, str]]:
    """(kind, due, reason) of each action the interview asks for; `status` is its status on the day."""
    rules, today = history.rules, history.today
    name = interview.contact.name
    due = []
    if is_upcoming(status, interview.date, today):
        home = history.vault.config.me.timezone
        if not interview.has_questions:
            due.append((PREPARE.name, add_days(interview.date, -rules.prepare_days_before),
                        f"Your interview with {name} on {_when(interview, home)} has no questions prepared yet."))
        if status == "scheduled":
            due.append((CONFIRM.name, add_days(interview.date, -rules.confirm_days_before),
                        f"Confirm the interview with {name} on {_when(interview, home)}."))
    elif interview.status in UPCOMING and interview.date < today:
        due.append((RECORD_OUTCOME.name, add_days(interview.date, 1),
                    f"The interview with {name} on {interview.date.isoformat()} is still marked "
                    f"{interview.status}; record whether it happened: set `status: done` (or `no-show`), "
                    "or a new `date` if it moved."))
    if status != "done":
        return due
    if not interview.has_takeaways and not interview.has_reflection:
        due.append((RECORD_NOTES.name, interview.date, f"You met {name} on {interview.date.isoformat()}; "
                    "write down the takeaways while you remember them."))
    if interview.thank_you_sent is None and not _thanked(history, interview):
        due.append((THANK_YOU.name, after_hours(interview, rules.thank_you_hours),
                    f"You met {name} on {interview.date.isoformat()} and have not sent a thank-you yet."))
    return due


def after_hours(interview: Interview, hours: int) -> date:
    """The day `hours` after the interview began, or the last day there is."""
    clock = interview.time
    minutes = clock.hour * 60 + clock.minute if clock else 0  # seconds cannot carry it past midnight
    return add_days(interview.date, (minutes + hours * 60) // 1440)


def _thanked(history: History, interview: Interview) -> bool:
    """A #thanks touch with the contact on or after the interview's day."""
    if interview.contact.path is None:
        return False
    thanks = history.thanks(interview.contact.path)
    return bool(thanks) and thanks[-1] >= interview.date
