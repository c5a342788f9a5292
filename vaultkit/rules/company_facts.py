"""What vaultkit knows of each company, as plain values worked out from the model and the plan: for
Companies.md, the JSON report and `who` (which only format them).

People now and before with their state, the warm paths, the opportunities and
the next step, all from the model and the plan (nothing is worked out twice).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..kinds.action import Action
from ..model import Company, Opportunity, Vault
from . import Plan, WarmPath
from .history import History
from .standing import contact_state


@dataclass(frozen=True)
class Person:
    name: str
    path: str
    state: str  # as rules/standing.py words it: met, in touch, not contacted, ...


@dataclass(frozen=True)
class CompanyFacts:
    company: Company
    now: tuple[Person, ...]
    before: tuple[Person, ...]
    paths: tuple[WarmPath, ...]  # best first
    opportunities: tuple[Opportunity, ...]
    next_action: Action | None  # the earliest open action about the company or someone working there

    @property
    def people(self) -> int:
        return len(self.now) + len(self.before)

    def as_dict(self) -> dict:
        c = self.company
        return {
            "name": c.name, "key": c.key, "note": c.path, "aliases": list(c.aliases), "target": c.target,
            "target_because": list(c.target_because),
            "now": [{"name": p.name, "note": p.path, "state": p.state} for p in self.now],
            "before": [{"name": p.name, "note": p.path, "state": p.state} for p in self.before],
            "warm_paths": [w.as_dict() for w in self.paths],
            "opportunities": [o.path for o in self.opportunities],
            "next_action": ({"kind": self.next_action.kind, "due": self.next_action.due.isoformat(),
                             "contact": self.next_action.contact, "reason": self.next_action.reason}
                            if self.next_action else None),
            "next_step": next_step_text(self),
        }


def next_step_text(facts: CompanyFacts) -> str:
    """The next step in plain words when no action is open: the best warm path, else how to find one."""
    if facts.next_action is not None:
        return facts.next_action.reason
    if facts.paths:
        return facts.paths[0].sentence
    return (f"Nobody you know works at {facts.company.name} yet: look for people there (alumni, LinkedIn, "
            "events) and add them as contacts with their company.")


def _first_actions(vault: Vault, plan: Plan) -> dict[str, Action]:
    """Each company's earliest open action (the plan is in due order): one whose note is the company's or
    one of its opportunities, or whose facts name the company, or (naming none) for someone who works
    there now: asking Ana at Hooli for an introduction at Globex is a step at Globex, not at Hooli.
    One pass over the actions, so a vault of many companies and actions stays linear."""
    by_note = {c.path: {k} for k, c in vault.companies.items() if c.path}
    for opportunity in vault.opportunities:
        by_note.setdefault(opportunity.path, set()).add(opportunity.company)
    by_person: dict[str, set[str]] = {}
    for key, company in vault.companies.items():
        for path in company.now:
            by_person.setdefault(path, set()).add(key)
    first: dict[str, Action] = {}
    for action in plan.actions:
        named = getattr(action.facts, "company", None)
        if isinstance(named, str) and named:  # about that company, not where its person works
            company = vault.find_company(named)  # by any of its names, aliases too
            keys = by_note.get(action.source, set()) | ({company.key} if company else set())
        else:
            keys = by_note.get(action.source, set()) | by_person.get(action.contact_path or "", set())
        for key in keys:
            first.setdefault(key, action)
    return first


def all_company_facts(vault: Vault, plan: Plan) -> dict[str, CompanyFacts]:
    """Every company's facts, by key, in the model's order (by name)."""
    history = History(vault, plan.today)
    states: dict[str, str] = {}

    def person(path: str) -> Person:
        if path not in states:
            states[path] = contact_state(history, path)
        return Person(vault.contacts[path].name, path, states[path])

    opportunities: dict[str, list[Opportunity]] = {}
    for opportunity in vault.opportunities:
        opportunities.setdefault(opportunity.company, []).append(opportunity)
    first = _first_actions(vault, plan)
    found = {}
    for key, company in vault.companies.items():
        mine = tuple(opportunities.get(key, ()))
        next_action = first.get(key)
        found[key] = CompanyFacts(company, tuple(person(p) for p in company.now),
                                  tuple(person(p) for p in company.before), plan.warm_paths.get(key, ()),
                                  mine, next_action)
    return found


def opportunity_dict(opportunity: Opportunity) -> dict:
    o = opportunity

    def day(value):
        return value.isoformat() if value else None

    return {
        "path": o.path, "company": o.company_name, "company_key": o.company, "role": o.role, "url": o.url,
        "stage": o.stage, "applied": day(o.applied), "stage_date": day(o.stage_date), "deadline": day(o.deadline),
        "heard_from": o.heard_from_name or None, "heard_from_note": o.heard_from,
        "referred_by": o.referred_by_name or None, "referred_by_note": o.referred_by,
        "touches": len(o.touches), "last_touch": day(o.touches[-1].date) if o.touches else None,
    }
