"""Follow-ups.md: what to do next, grouped by when, with links to the notes behind each item."""
from __future__ import annotations

from ..actions import GROUPS, Action
from ..errors import ERROR
from ..model import Vault
from ..rules import Plan
from .text import dashboard_head, md_text, note_link, plural, wikilink

TITLES = {group: group.capitalize() for group in GROUPS}


def _person(action: Action, contacts_folder: str) -> str:
    if action.contact is None:
        return md_text(action.field) if action.field else ""
    if action.contact_path:
        return wikilink(action.contact_path, action.contact)
    # no note yet: a link to where it would go, so one click in Obsidian creates it
    return wikilink(f"{contacts_folder}/{action.contact}.md", action.contact)


def _line(action: Action, contacts_folder: str) -> str:
    who = _person(action, contacts_folder)
    head = f"- [ ] {action.due.isoformat()} · **{action.kind}**" + (f" · {who}" if who else "")
    line = f"{head}: {md_text(action.reason)}"
    if action.source and action.source != action.contact_path:
        line += f" ({note_link(action.source)})"
    return line


def render_followups(vault: Vault, plan: Plan) -> str:
    counts = plan.counts()
    contacts_folder = vault.config.folders.contacts
    out = dashboard_head("Follow-ups", plan.today,
                         {("due_today" if k == "today" else k): v for k, v in counts.items()})
    summary = " · ".join(f"{counts[g]} {g}" for g in TITLES) + f" · {counts['gone_quiet']} gone quiet"
    out.append(f"As of {plan.today.isoformat()}: {summary}.\n")
    for group, actions in plan.groups().items():
        out.append(f"## {TITLES[group]} ({len(actions)})\n")
        if actions:
            out.append("\n".join(_line(a, contacts_folder) for a in actions) + "\n")
        else:
            out.append("Nothing here.\n")
    out.append(f"## Gone quiet ({len(plan.gone_quiet)})\n")
    if plan.gone_quiet:
        limit = vault.config.rules.max_unanswered
        out.append(f"No answer to {plural(limit, 'message')} in a row: leave them be for now "
                   "and put your energy into other people.\n")
        out.append("\n".join(
            f"- {wikilink(g.path, g.name)}: last wrote on {g.last_outreach.isoformat()}, "
            f"{plural(g.unanswered, 'message')} unanswered" for g in plan.gone_quiet) + "\n")
    else:
        out.append("Nobody: everyone you wrote to has answered or still has time to.\n")
    if vault.problems:
        errors = sum(p.severity == ERROR for p in vault.problems)
        out.append(f"## Problems in notes ({len(vault.problems)})\n")
        out.append(f"{plural(errors, 'error')} and {plural(len(vault.problems) - errors, 'warning')}; "
                   "a note with an error may be missing above. `vaultkit check` lists them too.\n")
        out.append("\n".join(
            f"- {wikilink(p.path, p.path) if p.path.endswith('.md') else md_text(p.path)} "
            f"line {p.line}, {p.severity}: {md_text(p.message)}" for p in vault.problems) + "\n")
    out.append(f"---\nWritten by vaultkit from {plural(vault.note_count, 'note')}. Ticking a box here "
               "changes nothing: record what you did in the person's Log, and the next report "
               "moves on.\n")
    return "\n".join(out)
