"""What to do next: Action values, their groups and their order."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import add_days

# The SPEC's table order; actions due the same day for the same person follow it.
KINDS = (
    "prepare", "confirm", "record-outcome", "record-notes", "thank-you", "reach-referral",
    "close-loop", "nudge", "check-in", "announce-landing", "broaden-field", "grow-pipeline",
)
# The kinds that mean writing to someone: each gets a draft.
MESSAGE_KINDS = ("reach-referral", "nudge", "confirm", "thank-you", "close-loop", "check-in", "announce-landing")
INTERVIEW_KINDS = ("prepare", "confirm", "record-outcome", "record-notes", "thank-you")
GROUPS = ("overdue", "today", "upcoming", "later")
# The dashboard's sections: once you have landed, the announcements lead, apart from their due group.
SECTIONS = ("announce", *GROUPS)
# What costs most if late comes first among what is due now: the 24-hour and day-before
# windows, then what memory loses, then messages to people, then the search as a whole.
URGENCY_TIERS = (
    ("Thank-yous and confirmations", ("thank-you", "confirm")),
    ("Prepare, and write down while you remember", ("record-notes", "record-outcome", "prepare")),
    ("Messages to people", ("reach-referral", "nudge", "close-loop", "check-in", "announce-landing")),
    ("The search as a whole", ("broaden-field", "grow-pipeline")),
)
URGENCY = {kind: rank for rank, (_, kinds) in enumerate(URGENCY_TIERS) for kind in kinds}


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
    other: str | None = None  # the second person: who suggested them (reach-referral), whom you met (close-loop)
    since: date | None = None  # what it follows from: the meeting, the suggestion, the outreach, the last touch

    def sort_key(self) -> tuple:
        """Due date, then person (vault-wide actions after people's), then kind."""
        return (self.due, self.contact is None, (self.contact or self.field or "").casefold(),
                KINDS.index(self.kind), self.source or "", self.interview or "")


def urgency_key(action: Action) -> tuple:
    """Among what is due now: by tier, then the most overdue first, then as sort_key."""
    return (URGENCY[action.kind], *action.sort_key())


def group_of(due: date, today: date, horizon_days: int) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "upcoming" if due <= add_days(today, horizon_days) else "later"


def section_of(action: Action, today: date, horizon_days: int) -> str:
    """Where the dashboard shows and counts `action` (announce-landing exists only once you have landed)."""
    return "announce" if action.kind == "announce-landing" else group_of(action.due, today, horizon_days)


def grouped(actions, today: date, horizon_days: int) -> dict[str, list[Action]]:
    """Every group, in order, each sorted by due date, then contact, then kind."""
    groups: dict[str, list[Action]] = {g: [] for g in GROUPS}
    for action in sorted(actions, key=Action.sort_key):
        groups[group_of(action.due, today, horizon_days)].append(action)
    return groups
