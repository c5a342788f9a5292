"""Warm paths: who can get the seeker into a company, best first (SPEC: Companies and opportunities).

A path is the shortest chain from the seeker to someone at the company: a
contact who works there now or worked there before (one hop); else a contact
the seeker has met or is in touch with who is linked to such a person (two
hops): they referred them, were referred by them, or work at the same company
now. Every hop carries its evidence. Paths rank by the first person's state
(met, then in touch, then not yet contacted), then fewer hops, then the more
recent touch with the first person.

Nobody marked do-not-contact or archived is on a path, and a two-hop path only
leads to someone the seeker has not met or is not in touch with already (them
the seeker can ask directly).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Company
from .history import History
from .referrals import Referral
from .standing import KNOWN, contact_state

WORKS_AT, WORKED_AT, REFERRED, REFERRED_BY, WORKS_WITH = "works-at", "worked-at", "referred", "referred-by", "works-with"
HOP_KINDS = (WORKS_AT, WORKED_AT, REFERRED, REFERRED_BY, WORKS_WITH)
_OFF_PATHS = ("do-not-contact", "archived")
_LINK_STRENGTH = {REFERRED: 0, REFERRED_BY: 1, WORKS_WITH: 2}  # when two people are linked several ways


@dataclass(frozen=True, slots=True)
class Hop:
    """One person on a path, and how they lead on: to the next person, or (the last) to the company."""

    name: str
    path: str  # their contact note
    kind: str  # one of HOP_KINDS
    evidence: str  # why, in words: "referred Lena Fischer", "works at Globex"


@dataclass(frozen=True, slots=True)
class WarmPath:
    company: str  # company key
    company_name: str
    hops: tuple[Hop, ...]  # the first is whom the seeker asks; the last works (or worked) there
    state: str  # the first person's state: met, in touch, meeting planned, reached out, not contacted, ...
    last_touch: date | None  # the latest touch or meeting with the first person

    @property
    def warmth(self) -> int:
        """0 met, 1 in touch, 2 not yet contacted."""
        return KNOWN.get(self.state, 2)

    def sort_key(self) -> tuple:
        recency = -self.last_touch.toordinal() if self.last_touch else 0
        return (self.warmth, len(self.hops), recency, tuple(h.name.casefold() for h in self.hops))

    @property
    def sentence(self) -> str:
        """`Ask Ana Díaz to introduce you to Lena Fischer (Ana Díaz referred Lena Fischer; Lena Fischer
        works at Globex).`"""
        first, last = self.hops[0], self.hops[-1]
        if len(self.hops) == 1:
            if self.warmth == 2:
                return f"Reach out to {first.name}, who {first.evidence}" + ("" if first.evidence.endswith(".") else ".")
            known = "you have met" if self.warmth == 0 else "you are in touch"
            return f"Ask {first.name} about {self.company_name} ({first.name} {first.evidence}; {known})."
        why = "; ".join(f"{hop.name} {hop.evidence}" for hop in self.hops)
        return f"Ask {first.name} to introduce you to {last.name} ({why})."

    def as_dict(self) -> dict:
        return {"company": self.company_name, "state": self.state,
                "last_touch": self.last_touch.isoformat() if self.last_touch else None,
                "hops": [{"name": h.name, "path": h.path, "link": h.kind, "evidence": h.evidence} for h in self.hops],
                "sentence": self.sentence}


def warm_paths(history: History, referrals: list[Referral] | tuple[Referral, ...]) -> dict[str, tuple[WarmPath, ...]]:
    """Every company's warm paths, best first, by company key (companies with none are left out)."""
    vault = history.vault
    usable = {path for path, c in vault.contacts.items() if c.status not in _OFF_PATHS}
    states = {path: contact_state(history, path) for path in usable}
    last = {path: history.last_contact(path) for path in usable}
    # Links are asked for only around someone at a company whom the seeker does not know yet (the
    # others they ask directly): from them, and to them. A person -> the people they are linked to:
    # (kind, the other's name, the company they share); the evidence in words is made only for the
    # hops a path takes.
    unknown = {p for c in vault.companies.values() for p in (*c.now, *c.before)
               if p in usable and states[p] not in KNOWN}
    links: dict[str, dict[str, tuple[str, str, str]]] = {}
    linked = []  # (a, b, kind, b's name, company), in the order they are found: among equals the first wins
    for edge in referrals:
        if edge.referrer_path and edge.person_path and (edge.referrer_path in unknown or edge.person_path in unknown):
            linked.append((edge.referrer_path, edge.person_path, REFERRED, edge.person, ""))
            linked.append((edge.person_path, edge.referrer_path, REFERRED_BY, edge.referrer, ""))
    for company in vault.companies.values():
        if 1 < len(company.now) <= 200:  # at a bigger company, working there says little about knowing each other
            linked += [(a, b, WORKS_WITH, vault.contacts[b].name, company.name)
                       for a in company.now for b in company.now if a in unknown or b in unknown]
    for a, b, kind, name, company_name in linked:
        if a == b or a not in usable or b not in usable:
            continue
        mine = links.get(a)
        if mine is None:
            mine = links[a] = {}
        known = mine.get(b)
        if known is None or _LINK_STRENGTH[kind] < _LINK_STRENGTH[known[0]]:
            mine[b] = (kind, name, company_name)

    found = {}
    for key, company in vault.companies.items():
        paths = _company_paths(company, vault.contacts, usable, states, last, links)
        if paths:
            found[key] = tuple(sorted(paths, key=WarmPath.sort_key))
    return found


def _company_paths(company: Company, contacts: dict, usable: set[str], states: dict[str, str],
                   last: dict[str, date | None], links: dict[str, dict[str, tuple[str, str, str]]]) -> list[WarmPath]:
    there = [(p, WORKS_AT, f"works at {company.name}") for p in company.now if p in usable]
    there += [(p, WORKED_AT, f"worked at {company.name}") for p in company.before if p in usable]
    inside = {p for p, _, _ in there}
    paths = []
    for person, kind, evidence in there:
        end = Hop(contacts[person].name, person, kind, evidence)
        paths.append(WarmPath(company.key, company.name, (end,), states[person], last[person]))
        if states[person] in KNOWN:
            continue  # met or in touch: the seeker asks them directly
        best = None
        for first in links.get(person, {}):
            # `links[person][first]` says how `person` relates to `first`; the hop wants the other way round
            reverse = links.get(first, {}).get(person)
            if first in inside or states[first] not in KNOWN or reverse is None:
                continue
            candidate = WarmPath(company.key, company.name,
                                 (Hop(contacts[first].name, first, reverse[0], _evidence(*reverse)), end),
                                 states[first], last[first])
            if best is None or candidate.sort_key() < best.sort_key():
                best = candidate
        if best is not None:
            paths.append(best)
    return paths


def _evidence(kind: str, name: str, company_name: str) -> str:
    """How one person is linked to another, `name`, in words."""
    if kind == REFERRED:
        return f"referred {name}"
    if kind == REFERRED_BY:
        return f"was referred by {name}"
    return f"works with {name} at {company_name}"
