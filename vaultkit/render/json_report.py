"""`vaultkit report --format json`: the same facts as the Markdown, as one JSON object."""
from __future__ import annotations

import json

from ..kinds.action import section_of
from ..model import Vault
from ..rules import Plan
from ..rules.company_facts import all_company_facts, opportunity_dict


def report_object(vault: Vault, plan: Plan, problems=()) -> dict:
    """`problems`: any found while rendering (a broken template), besides the vault's own."""
    names = {path: contact.name for path, contact in vault.contacts.items()}
    return {
        "today": plan.today.isoformat(),
        "counts": plan.counts(),
        "actions": [
            {
                "kind": a.kind,
                "group": section_of(a, plan.today, plan.horizon_days),
                "due": a.due.isoformat(),
                "contact": a.contact,
                "contact_note": a.contact_path,
                "interview": a.interview,
                "field": a.field,
                "source": a.source,
                "reason": a.reason,
            }
            for a in plan.actions
        ],
        "referrals": [r.as_dict() for r in plan.referrals],
        "fields": [f.as_dict(names) for f in plan.fields],
        "companies": [facts.as_dict() for facts in all_company_facts(vault, plan).values()],
        "opportunities": [opportunity_dict(o) for o in vault.opportunities],
        "gone_quiet": [g.name for g in plan.gone_quiet],
        "problems": [p.as_dict() for p in sorted([*vault.problems, *plan.problems, *problems])],
        "progress": plan.progress.as_dict(),
    }


def render_json(vault: Vault, plan: Plan, problems=()) -> str:
    return json.dumps(report_object(vault, plan, problems), indent=2, ensure_ascii=False) + "\n"
