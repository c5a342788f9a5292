"""One action per interview: prepare, confirm, record-outcome, record-notes, thank-you."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..actions import Action
from ..dates import add_days
from ..model import Interview
from .history import History

UPCOMING = ("requested", "scheduled", "confirmed")


def upcoming(interview: Interview, today) -> bool:
    """Still to happen: requested, scheduled or confirmed, dated today or later."""
    return interview.status_on(today) in UPCOMING and interview.date >= today


def _when(interview: Interview) -> str:
    at = f" at {interview.time.strftime('%H:%M')}" if interview.time else ""
    return f"{interview.date.isoformat()}{at}"


def _action(kind: str, interview: Interview, due, reason: str) -> Action:
    return Action(kind, interview.contact.name, due, reason, interview.path,
                  contact_path=interview.contact.path, interview=interview.path, since=interview.date)


def interview_actions(history: History) -> list[Action]:
    rules, today = history.rules, history.today
    actions = []
    for interview in history.vault.interviews:
        status = interview.status_on(today)
        name = interview.contact.name
        if upcoming(interview, today):
            if not interview.has_questions:
                actions.append(_action(
                    "prepare", interview, add_days(interview.date, -rules.prepare_days_before),
                    f"Your interview with {name} on {_when(interview)} has no questions prepared yet."))
            if status == "scheduled":
                actions.append(_action(
                    "confirm", interview, add_days(interview.date, -rules.confirm_days_before),
                    f"Confirm the interview with {name} on {_when(interview)}."))
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
            due = _after_hours(interview, rules.thank_you_hours)
            actions.append(_action(
                "thank-you", interview, due,
                f"You met {name} on {interview.date.isoformat()} and have not sent a thank-you yet."))
    return actions


def _after_hours(interview: Interview, hours: int) -> date:
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
