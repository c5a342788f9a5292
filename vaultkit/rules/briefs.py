"""What a brief for an upcoming interview shows: facts gathered from the model and the plan.

The renderer lays these out; every choice of what belongs in a brief is made here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds.action import Action
from ..kinds.confirm import CONFIRM
from ..kinds.prepare import PREPARE
from ..model import Contact, Interview, Touch, Vault
from .history import History, person_key
from .interviews import upcoming
from .network import Network, Person


@dataclass(frozen=True)
class Brief:
    interview: Interview
    status: str  # requested / scheduled / confirmed
    contact: Contact | None  # None when the person has no note
    referred_through: tuple[Person, ...]  # from the first step after you to their referrer; empty: reached directly
    touches: tuple[Touch, ...]  # dated up to today, oldest first
    earlier: tuple[tuple[Interview, str], ...]  # earlier interviews with them, and each one's status
    learned: tuple[tuple[Interview, str], ...]  # takeaways of done interviews in the same field, oldest first
    prepare_due: date | None  # the open `prepare` action, if any
    confirm_due: date | None  # the open `confirm` action, if any


def briefs(vault: Vault, today: date, actions: tuple[Action, ...], net: Network) -> list[Brief]:
    """A brief per interview still to happen, in date order."""
    history = History(vault, today)
    due = {(a.kind, a.interview): a.due for a in actions if a.interview}
    found = []
    for interview in vault.interviews:
        if not upcoming(interview, today):
            continue
        person = interview.contact
        contact = vault.contacts.get(person.path) if person.path else None
        touches = tuple(t for t in vault.touches_of(person.path) if t.date <= today) if person.path else ()
        others = vault.interviews_with(person.path) if person.path else history.interviews_named(person.name)
        earlier = tuple((i, i.status_on(today)) for i in others if i.date < interview.date)
        found.append(Brief(
            interview=interview,
            status=interview.status_on(today),
            contact=contact,
            referred_through=net.referred_through(person_key(person.path, person.name)),
            touches=touches,
            earlier=earlier,
            learned=learned_in(history, interview.field),
            prepare_due=due.get((PREPARE.name, interview.path)),
            confirm_due=due.get((CONFIRM.name, interview.path)),
        ))
    return found


def learned_in(history: History, field: str) -> tuple[tuple[Interview, str], ...]:
    """Every takeaway written after a done interview in the field (matched ignoring case)."""
    if not field:
        return ()
    key = field.casefold()
    return tuple((i, point) for i in history.done if i.field.casefold() == key for point in i.takeaways)
