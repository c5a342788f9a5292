"""What is due: pure functions of the vault model and a day. No I/O here.

Each kind's rule lives in the module named for what it watches:
interviews.py (prepare, confirm, record-outcome, record-notes, thank-you),
referrals.py (reach-referral, close-loop), introductions.py (ask-intro), openings.py (ask-referral,
follow-up-application, update-helper), cadence.py (nudge, check-in, gone
quiet), pipeline.py (announce-landing, broaden-field, grow-pipeline). A rule
gives each action its kind's facts; the rest of a kind is in vaultkit/kinds/.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..kinds.action import SECTIONS, Action, grouped, section_of
from ..config import CONFIG_NAME
from ..dates import add_days
from ..errors import WARNING, Problem
from ..links import name_key
from ..model import DONE_AHEAD, Vault
from .applications import applications
from .cadence import GoneQuiet, check_in, gone_quiet, nudge
from .history import History
from .network import Connector, Network, connectors, network
from .introductions import ask_intro
from .openings import ask_referral, follow_up_application, update_helper
from .interviews import Upcoming, interview_actions, upcoming_interviews
from .pipeline import Field, announce_landing, broaden_field, fields, grow_pipeline
from .progress import Progress, progress
from .referrals import Referral, close_loop, reach_referral, referral_edges
from .warm_paths import WarmPath, warm_paths

__all__ = ["Connector", "Field", "GoneQuiet", "Plan", "Progress", "Referral", "Upcoming", "WarmPath", "plan"]


@dataclass(frozen=True)
class Plan:
    """Everything a report shows for one day."""

    today: date
    horizon_days: int
    actions: tuple[Action, ...]  # by due date, then contact, then kind
    gone_quiet: tuple[GoneQuiet, ...]
    referrals: tuple[Referral, ...]
    fields: tuple[Field, ...]
    network: Network
    connectors: tuple[Connector, ...]  # who led to the most meetings, most first
    upcoming: tuple[Upcoming, ...]  # interviews still to happen, by date
    progress: Progress
    problems: tuple[Problem, ...] = ()  # wrong only as of this day (see dated_problems)
    warm_paths: dict[str, tuple[WarmPath, ...]] = field(default_factory=dict)  # by company key, best first

    def groups(self) -> dict[str, list[Action]]:
        return grouped(self.actions, self.today, self.horizon_days)

    def counts(self) -> dict[str, int]:
        """Actions per dashboard section (announcements apart, not in their due group), then gone quiet."""
        counts = dict.fromkeys(SECTIONS, 0)
        for action in self.actions:
            counts[section_of(action, self.today, self.horizon_days)] += 1
        counts["gone_quiet"] = len(self.gone_quiet)
        return counts


def plan(vault: Vault, today: date) -> Plan:
    history = History(vault, today)
    per_contact = reach_referral(history) + close_loop(history) + nudge(history) + announce_landing(history)
    edges = referral_edges(history)
    paths = warm_paths(history, edges)
    per_contact += ask_intro(history, paths) + ask_referral(history) + update_helper(history)
    actions = _for_active(vault, today, interview_actions(history) + _earliest(per_contact))
    actions += follow_up_application(history)  # one per application, to no one in particular
    busy = {a.contact_path for a in actions if a.contact_path}
    explored = fields(history)
    actions += _for_active(vault, today, check_in(history, busy, explored))
    actions += broaden_field(history, explored) + grow_pipeline(history)
    net = network(history, edges)
    upcoming = upcoming_interviews(history)
    return Plan(
        today=today,
        horizon_days=vault.config.rules.horizon_days,
        actions=tuple(sorted(actions, key=Action.sort_key)),
        gone_quiet=tuple(gone_quiet(history)),
        referrals=tuple(edges),
        fields=tuple(explored),
        network=net,
        connectors=tuple(connectors(net)),
        upcoming=upcoming,
        progress=replace(progress(history, edges), applications=applications(vault.opportunities)),
        problems=tuple(dated_problems(history) + _unsigned(vault, today, actions) + _floating(vault, upcoming)),
        warm_paths=paths,
    )


def _unsigned(vault: Vault, today: date, actions: list[Action]) -> list[Problem]:
    """Drafts sign with `[me] name`; say so once when some are due and it is empty."""
    horizon = add_days(today, vault.config.rules.horizon_days)
    count = sum(a.definition.draft is not None and a.due <= horizon for a in actions)
    if vault.config.me.name.strip() or not count or vault.config.no_file:
        return []  # with no vaultkit.toml there is no line to point at: the CLI's hint says it
    return [Problem(CONFIG_NAME, vault.config.me_line, WARNING,
                    f"[me] has no name, so {count} draft{'' if count == 1 else 's'} would end unsigned; "
                    'add name = "Your Name" under [me]')]


def _floating(vault: Vault, upcoming: tuple[Upcoming, ...]) -> list[Problem]:
    """Times with no zone float (at that hour wherever the calendar is): say once what to add."""
    count = sum(u.interview.time is not None and u.interview.timezone is None for u in upcoming)
    if vault.config.me.timezone or not count:
        return []
    many = count != 1
    return [Problem(CONFIG_NAME, vault.config.me_line, WARNING,
                    f"{count} upcoming interview{'s' if many else ''} {'have' if many else 'has'} a time but no "
                    f"time zone, and [me] has none, so {'each' if many else 'it'} is at that hour wherever your "
                    'calendar is; add timezone = "Region/City" under [me] (yours, e.g. "America/Chicago"), '
                    "and to an interview agreed in another zone")]


def dated_problems(history: History) -> list[Problem]:
    """What is wrong only as of a day: an interview marked done that has not happened yet."""
    today = history.today
    return [Problem(i.path, i.date_line, WARNING,
                    f"status is done, but the interview is dated {i.date.isoformat()}, after today "
                    f"({today.isoformat()}); nothing follows from it until then: fix the date or the status")
            for i, status in zip(history.vault.interviews, history.statuses) if status == DONE_AHEAD]


def _earliest(actions: list[Action]) -> list[Action]:
    """At most one action of a kind per person: the earliest due."""
    best: dict[tuple[str, str], Action] = {}
    for action in sorted(actions, key=Action.sort_key):
        key = (action.kind, action.contact_path or name_key(action.contact or ""))
        best.setdefault(key, action)
    return list(best.values())


def _for_active(vault: Vault, today: date, actions: list[Action]) -> list[Action]:
    """Nothing for paused, do-not-contact or archived people; nothing due before a snooze ends."""
    kept = []
    for action in actions:
        contact = vault.contacts.get(action.contact_path) if action.contact_path else None
        if contact is None:
            kept.append(action)
            continue
        if not contact.active:
            continue
        if contact.snooze_until and action.due < contact.snooze_until:
            action = replace(action, due=contact.snooze_until,
                             reason=f"{action.reason} (snoozed until {contact.snooze_until.isoformat()})")
        kept.append(action)
    return kept
