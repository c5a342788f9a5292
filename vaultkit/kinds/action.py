"""What to do next: Action values, their groups and their order."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import add_days
from ..sections import GROUPS, SECTIONS
from . import KINDS as DEFINITIONS, Kind, named, order
from .meeting import Meeting

# The SPEC's table order (kinds/__init__.py); actions due the same day for the same person follow it.
KINDS = tuple(kind.name for kind in DEFINITIONS)
# The kinds that mean writing to someone: each gets a draft.
MESSAGE_KINDS = tuple(kind.name for kind in DEFINITIONS if kind.draft)
# One per interview; every other kind is at most one per person.
INTERVIEW_KINDS = tuple(kind.name for kind in DEFINITIONS if kind.facts is Meeting)


@dataclass(frozen=True, slots=True)
class Action:
    kind: str
    contact: str | None  # canonical name; the written name for someone with no note; None vault-wide
    due: date
    reason: str  # one sentence a person would write
    source: str | None  # the note that caused it; None for vault-wide actions
    contact_path: str | None = None  # the contact's note, when they have one
    interview: str | None = None  # the interview's note, for interview kinds
    field: str | None = None  # for broaden-field
    facts: Any = None  # its kind's `facts`: everything its line and its draft say (kinds/)

    @property
    def definition(self) -> Kind:
        return named(self.kind)

    def sort_key(self) -> tuple:
        """Due date, then person (vault-wide actions after people's), then kind."""
        return (self.due, self.contact is None, (self.contact or self.field or "").casefold(),
                order(self.kind), self.source or "", self.interview or "")


def urgency_key(action: Action) -> tuple:
    """Among what is due now: by tier, then the most overdue first, then as sort_key."""
    return (action.definition.tier.rank, *action.sort_key())


def group_of(due: date, today: date, horizon_days: int) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "upcoming" if due <= add_days(today, horizon_days) else "later"


def section_of(action: Action, today: date, horizon_days: int) -> str:
    """Where the dashboard shows and counts `action`: its kind's own section (announce), else its due group."""
    return action.definition.section or group_of(action.due, today, horizon_days)


def grouped(actions, today: date, horizon_days: int) -> dict[str, list[Action]]:
    """Every group, in order, each sorted by due date, then contact, then kind."""
    groups: dict[str, list[Action]] = {g: [] for g in GROUPS}
    for action in sorted(actions, key=Action.sort_key):
        groups[group_of(action.due, today, horizon_days)].append(action)
    return groups
