"""Where you stand with each contact on a day: a state in words, the last touch, the next action.

The state is the first of these that holds:

- `paused`, `do-not-contact`, `archived`: the note's status (no actions for them);
- `gone quiet`: your last `max_unanswered` outreaches went unanswered;
- `met`: a done interview with them;
- `meeting planned`: an interview still to happen (requested, scheduled or confirmed);
- `in touch`: a touch that is not an outreach (they answered, you thanked them, you called);
- `reached out`: only outreaches so far, the last one waiting for an answer;
- `not contacted`: no touch and no interview yet.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..kinds.action import Action
from ..model import Vault
from .history import History

if TYPE_CHECKING:
    from . import Plan

STATES = ("paused", "do-not-contact", "archived", "gone quiet", "met", "meeting planned", "in touch",
          "reached out", "not contacted")
MEETING = "meeting"  # a done interview, as the kind of a last touch
PLAIN = "touch"  # a touch with no kind tag


@dataclass(frozen=True, slots=True)
class Standing:
    state: str  # one of STATES
    last_touch: date | None  # the latest touch or done interview
    last_touch_kind: str  # outreach, reply, thanks, checkin, update, touch or meeting; "" with no touch
    next_action: Action | None  # the earliest due for them, as the dashboard has it
    referred_by: tuple[tuple[str, str | None], ...]  # (name, note path or None): their `referred_by`,
    # and whoever suggested them in an interview


def standings(vault: Vault, plan: Plan) -> dict[str, Standing]:
    """Every contact's standing, by note path, as of the plan's day."""
    history = History(vault, plan.today)
    first_action: dict[str, Action] = {}
    for action in plan.actions:  # by due date already: the first one met is the next
        if action.contact_path:
            first_action.setdefault(action.contact_path, action)
    referrers: dict[str, list[tuple[str, str | None]]] = {}
    for referral in plan.referrals:
        if referral.person_path:
            referrers.setdefault(referral.person_path, []).append((referral.referrer, referral.referrer_path))
    found = {}
    for path, contact in vault.contacts.items():
        last, kind = _last_touch(history, path)
        found[path] = Standing(_state(history, path, contact.status), last, kind, first_action.get(path),
                               tuple(dict.fromkeys(referrers.get(path, ()))))
    return found


# How well you know someone, for warm paths and whom to ask: 0 met, 1 in touch or a meeting
# planned; any other state is not (yet) known.
KNOWN = {"met": 0, "in touch": 1, "meeting planned": 1}


def contact_state(history: History, path: str) -> str:
    """One contact's state (one of STATES) as of the history's day."""
    return _state(history, path, history.vault.contacts[path].status)


def _state(history: History, path: str, status: str) -> str:
    if status != "active":
        return status
    if history.gone_quiet(path):
        return "gone quiet"
    if history.meetings(path):
        return "met"
    if path in history.planned:
        return "meeting planned"
    touches = history.touches(path)
    if any(t.kind != "outreach" for t in touches):
        return "in touch"
    return "reached out" if touches else "not contacted"


def _last_touch(history: History, path: str) -> tuple[date | None, str]:
    """The latest touch or meeting; on a day with both, the meeting, else the day's last Log item."""
    latest: tuple[date, int, str] | None = None
    for touch in history.touches(path):
        candidate = (touch.date, 0, touch.kind or PLAIN)
        if latest is None or candidate[:2] >= latest[:2]:
            latest = candidate
    for meeting in history.meetings(path):
        candidate = (meeting.date, 1, MEETING)
        if latest is None or candidate[:2] >= latest[:2]:
            latest = candidate
    return (latest[0], latest[2]) if latest else (None, "")
