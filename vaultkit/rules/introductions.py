"""`ask-intro`: a target company where you know nobody, and someone you know can introduce you to a
person there. The paths are rules/warm_paths.py's, best first; this takes the best one that starts
with someone you know."""
from __future__ import annotations

from ..kinds.action import Action
from ..kinds.ask_intro import ASK_INTRO, Introduction
from .history import History
from .standing import KNOWN, contact_state
from .warm_paths import WORKS_AT


def ask_intro(history: History, paths: dict) -> list[Action]:
    """One per target company, due today; none once you have landed. `paths`: warm paths by company key."""
    vault = history.vault
    if vault.config.landed is not None:
        return []
    actions = []
    for key, company in vault.companies.items():
        if not company.target:
            continue
        if any(contact_state(history, p) in KNOWN for p in (*company.now, *company.before)):
            continue  # you know someone there: ask them yourself
        # nobody there is known, so a path of two hops starts with someone you know (warm_paths makes no other)
        best = next((p for p in paths.get(key, ()) if len(p.hops) > 1), None)
        if best is None:
            continue
        first, last = best.hops[0], best.hops[-1]
        facts = Introduction(company.name, last.name, last.path,
                             tuple(f"{hop.name} {hop.evidence}" for hop in best.hops), last.kind == WORKS_AT)
        actions.append(Action(
            ASK_INTRO.name, first.name, history.today, best.sentence, company.path or last.path,
            contact_path=first.path, facts=facts))
    return actions
