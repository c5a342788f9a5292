"""Keeping in touch without pestering: nudge, check-in, and who has gone quiet."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds.action import Action
from ..dates import Cadence, add_days
from ..kinds.check_in import CHECK_IN, LastInTouch
from ..kinds.nudge import NUDGE, Unanswered
from .history import History


def describe(cadence: Cadence) -> str:
    unit = {"d": "day", "w": "week", "m": "month", "y": "year"}[cadence.unit]
    return f"{cadence.amount} {unit}{'' if cadence.amount == 1 else 's'}"


def nudge(history: History) -> list[Action]:
    """The last outreach is unanswered, and fewer than `max_unanswered` are in a row; none once
    you have landed (SPEC: the search is over)."""
    if history.vault.config.landed is not None:
        return []
    rules = history.rules
    actions = []
    for path, contact in history.vault.contacts.items():
        waiting = history.unanswered(path)
        if not waiting or len(waiting) >= rules.max_unanswered:
            continue
        last = waiting[-1]
        left = rules.max_unanswered - len(waiting)
        actions.append(Action(
            NUDGE.name, contact.name, add_days(last.date, rules.nudge_days),
            f"You wrote to {contact.name} on {last.date.isoformat()} and have had no answer; "
            f"one short follow-up is fine ({left} more before you let it rest).",
            last.source, contact_path=path, facts=Unanswered(last.date, last.text)))
    return actions


@dataclass(frozen=True, slots=True)
class GoneQuiet:
    name: str
    path: str
    last_outreach: date
    unanswered: int


def gone_quiet(history: History) -> list[GoneQuiet]:
    """Active contacts whose latest `max_unanswered` outreaches all went unanswered, by name."""
    quiet = []
    for path, contact in history.vault.contacts.items():
        if contact.active and history.gone_quiet(path):
            waiting = history.unanswered(path)
            quiet.append(GoneQuiet(contact.name, path, waiting[-1].date, len(waiting)))
    return sorted(quiet, key=lambda g: (g.name.casefold(), g.path))


def check_in(history: History, busy: set[str], fields) -> list[Action]:
    """People you have met or heard from, with nothing else open (`busy`), once their cadence has passed;
    each with something to share from `fields` (pipeline.fields)."""
    default = history.rules.stay_in_touch
    fields_by_name = {field.name.casefold(): field for field in fields}
    actions = []
    for path, contact in history.vault.contacts.items():
        if path in busy or history.gone_quiet(path):
            continue
        heard = any(t.kind != "outreach" for t in history.touches(path))
        if not heard and not history.meetings(path):
            continue
        last = history.last_contact(path)
        cadence = contact.stay_in_touch or default
        actions.append(Action(
            CHECK_IN.name, contact.name, cadence.after(last),
            f"Last in touch with {contact.name} on {last.isoformat()}; time to check in "
            f"(every {describe(cadence)}).",
            path, contact_path=path, facts=LastInTouch(last, something_to_share(fields_by_name, contact))))
    return actions


def something_to_share(fields_by_name: dict, contact) -> str:
    """For a check-in: the latest point learned from someone else in the contact's field, if any."""
    field = fields_by_name.get(contact.field.casefold())
    for interview in reversed(field.done) if field else ():  # newest first
        if interview.contact.path != contact.path and interview.takeaways:
            return interview.takeaways[0]
    return ""
