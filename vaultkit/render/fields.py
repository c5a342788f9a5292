"""Fields.md: per field, the interviews done, the people and companies, and what you learned."""
from __future__ import annotations

from ..model import Vault
from ..rules import Plan
from .text import dashboard_head, md_text, plural, wikilink


def _interview_link(interview) -> str:
    return wikilink(interview.path, f"{interview.contact.name}, {interview.date.isoformat()}")


def render_fields(vault: Vault, plan: Plan) -> str:
    minimum = vault.config.rules.min_interviews_per_field
    out = dashboard_head("Fields", plan.today, {"fields": len(plan.fields),
                                                "below_minimum": sum(not f.enough for f in plan.fields)})
    if not plan.fields:
        out.append("No fields yet. Give your contacts a `field:` (the occupation you are exploring "
                   "through them) to see what you learn in each.\n")
        return "\n".join(out)
    out.append(f"The occupations you are exploring, from your active contacts' `field`. Aim for at least "
               f"{plural(minimum, 'informational interview')} in a field before you judge it.\n")
    rows = ["| Field | Done interviews | Contacts | Companies |", "|---|---|---|---|"]
    for f in plan.fields:
        flag = "" if f.enough else f" (below {minimum})"
        rows.append(f"| {md_text(f.name)} | {len(f.done)}{flag} | {len(f.contacts)} | {len(f.companies)} |")
    out.append("\n".join(rows) + "\n")
    for f in plan.fields:
        out.append(f"## {md_text(f.name)}\n")
        if not f.enough:
            out.append(f"**Below {minimum} done interviews**: only {len(f.done)} so far. "
                       "Find more people in this field before deciding about it.\n")
        links = [(i, _interview_link(i)) for i in f.done]  # each is linked again for each point learned
        lines = [
            "- Interviews done: " + (", ".join(link for _, link in links) or "none yet"),
            "- Contacts: " + ", ".join(wikilink(p, vault.contacts[p].name) for p in f.contacts),
            "- Companies: " + (", ".join(md_text(c) for c in f.companies) or "none recorded"),
        ]
        out.append("\n".join(lines) + "\n")
        learned = [f"- {md_text(point)} ({link}, takeaway)" for i, link in links for point in i.takeaways]
        learned += [f"- {md_text(point)} ({link}, reflection)" for i, link in links for point in i.reflection]
        out.append("### What you learned\n")
        if learned:
            out.append("\n".join(learned) + "\n")
        else:
            out.append("Nothing written down yet: fill in Takeaways and Reflection after each interview.\n")
    return "\n".join(out)
