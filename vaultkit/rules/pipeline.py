"""The search as a whole: announce where you landed, broaden thin fields, grow the list of leads."""
from __future__ import annotations

from dataclasses import dataclass

from ..kinds.action import Action
from ..dates import add_days
from ..kinds.announce_landing import ANNOUNCE_LANDING, Landing
from ..kinds.broaden_field import BROADEN_FIELD, ThinField
from ..kinds.grow_pipeline import GROW_PIPELINE, FewLeads
from ..wording import mid_sentence
from .history import History


def announce_landing(history: History) -> list[Action]:
    """Everyone you met, once `[landed]` is set, unless you have been in touch since the landing date."""
    landed = history.vault.config.landed
    if landed is None:
        return []
    job = " at ".join(part for part in (landed.role, landed.company) if part) or "your new job"
    actions = []
    for path, contact in history.vault.contacts.items():
        meetings = history.meetings(path)
        if not meetings or history.in_touch_since(path, landed.date):
            continue
        met_on = meetings[-1].date
        actions.append(Action(
            ANNOUNCE_LANDING.name, contact.name, add_days(landed.date, history.rules.announce_days),
            f"You met {contact.name} on {met_on.isoformat()}; tell them you landed: {job}.",
            path, contact_path=path, facts=Landing(met_on, landed.date, landed.role, landed.company, landed.email)))
    return actions


@dataclass(frozen=True, slots=True)
class Field:
    """One field (occupation) being explored, and what was learned there."""

    name: str
    done: tuple  # done interviews, oldest first
    contacts: tuple[str, ...]  # contact paths
    companies: tuple[str, ...]
    enough: bool  # at least `min_interviews_per_field` done interviews

    def as_dict(self, names: dict[str, str]) -> dict:
        return {
            "field": self.name,
            "done_interviews": len(self.done),
            "interviews": [i.path for i in self.done],
            "contacts": [names[p] for p in self.contacts],
            "companies": list(self.companies),
            "enough": self.enough,
        }


def fields(history: History) -> list[Field]:
    """Fields that active contacts work in, each with its done interviews; by name, ignoring case."""
    vault, minimum = history.vault, history.rules.min_interviews_per_field
    spelled: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for path, contact in vault.contacts.items():
        if contact.field and contact.active:
            key = contact.field.casefold()
            spelled.setdefault(key, contact.field)
            members.setdefault(key, []).append(path)
    done_in: dict[str, list] = {}
    for interview in history.done:
        done_in.setdefault(interview.field.casefold(), []).append(interview)
    result = []
    for key, name in sorted(spelled.items()):
        done = tuple(done_in.get(key, ()))
        companies = sorted({vault.contacts[p].company for p in members[key] if vault.contacts[p].company}
                           | {i.company for i in done if i.company}, key=str.casefold)
        result.append(Field(name, done, tuple(members[key]), tuple(companies), len(done) >= minimum))
    return result


def broaden_field(history: History, explored: list[Field]) -> list[Action]:
    """Fields with too few done interviews to judge; none once you have landed (SPEC)."""
    if history.vault.config.landed is not None:
        return []
    minimum = history.rules.min_interviews_per_field
    actions = []
    for f in explored:
        if f.enough:
            continue
        count = len(f.done)
        done = f"Only {count} informational interview{'' if count == 1 else 's'}" if count else "No informational interviews"
        actions.append(Action(
            BROADEN_FIELD.name, None, history.today,
            f"{done} done in {mid_sentence(f.name)}; aim for {minimum} before you judge the field.",
            None, field=f.name, facts=ThinField(f.name)))
    return actions


def grow_pipeline(history: History) -> list[Action]:
    """Fewer than `min_open_leads` active contacts are waiting for a first message; none once landed."""
    if history.vault.config.landed is not None:
        return []
    minimum = history.rules.min_open_leads
    leads = [c.name for p, c in history.vault.contacts.items()
             if c.active and not _snoozed(c, history) and history.never_touched(p)]
    if len(leads) >= minimum:
        return []
    leads = sorted(leads, key=str.casefold)
    waiting = f" ({', '.join(leads)})" if leads else ""
    count = f"Only {len(leads)} contact{'' if len(leads) == 1 else 's'}" if leads else "No contacts"
    return [Action(
        GROW_PIPELINE.name, None, history.today,
        f"{count} waiting for a first message{waiting}; aim for {minimum} so the search keeps moving.",
        None, facts=FewLeads(tuple(leads)))]


def _snoozed(contact, history: History) -> bool:
    return contact.snooze_until is not None and history.today < contact.snooze_until
