"""Companies.md: each target company, then each other company with two or more people you know.

Per company: who works there now and who did before, the warm paths as
sentences, the opportunities and their stage, and the next step. Readable at
hundreds of companies: targets and the best-known others get a section each,
with lists cut short (`vaultkit who` gives the rest); the others are one row
each in a table.
"""
from __future__ import annotations

from ..model import Opportunity, Vault
from ..rules import Plan
from ..rules.company_facts import CompanyFacts, Person, all_company_facts, next_step_text
from .followups import MarkdownStyle
from .sentences import due_words, headline
from .text import dashboard_head, md_text, note_link, person_link, plural, wikilink

MAX_SECTIONS = 30  # companies with a section of their own beyond the targets; the rest are table rows
MAX_PEOPLE = 8  # names listed per line
MAX_PATHS = 3  # warm paths shown per company
MIN_PEOPLE = 2  # a company that is not a target is shown with at least this many people


def _cell(text: str) -> str:
    """Text in a table cell: a wikilink's `|` must be escaped there."""
    return text.replace("|", "\\|")


def _company_link(facts: CompanyFacts) -> str:
    c = facts.company
    return wikilink(c.path, c.name) if c.path else md_text(c.name)


def _people(people: tuple[Person, ...], folder: str, company: str) -> str:
    shown = [f"{person_link(p.path, p.name, folder)} ({p.state})" for p in people[:MAX_PEOPLE]]
    if len(people) > MAX_PEOPLE:
        shown.append(f"and {len(people) - MAX_PEOPLE:,} more (`vaultkit who \"{company}\"`)")
    return ", ".join(shown)


def _opportunity(o: Opportunity) -> str:
    parts = [f"{note_link(o.path)}: {md_text(o.role) if o.role else 'a role not named yet'}, **{o.stage}**"]
    if o.stage_date:
        parts.append(f"since {o.stage_date.isoformat()}")
    if o.deadline:
        parts.append(f"deadline {o.deadline.isoformat()}")
    if o.referred_by_name:
        parts.append(f"referred by {md_text(o.referred_by_name)}")
    elif o.heard_from_name:
        parts.append(f"heard of it from {md_text(o.heard_from_name)}")
    if o.url:
        parts.append(f"[posting](<{o.url}>)" if o.url.startswith(("http://", "https://")) else md_text(o.url))
    return ", ".join(parts)


def _next_step(facts: CompanyFacts, plan: Plan, style: MarkdownStyle, home: str) -> str:
    action = facts.next_action
    if action is None:
        return md_text(next_step_text(facts))
    return f"{headline(action, plan.today, style, home)} ({due_words(action.due, plan.today)}, `{action.kind}`)"


def _section(facts: CompanyFacts, plan: Plan, folder: str, style: MarkdownStyle, home: str) -> list[str]:
    c = facts.company
    out = [f"### {_company_link(facts)}\n"]
    lines = [f"- **Next step:** {_next_step(facts, plan, style, home)}"]
    if c.aliases:
        lines.append(f"- Also called: {', '.join(md_text(a) for a in c.aliases)}")
    if facts.now:
        lines.append(f"- Works there now: {_people(facts.now, folder, c.name)}")
    if facts.before:
        lines.append(f"- Worked there before: {_people(facts.before, folder, c.name)}")
    if not facts.people:
        lines.append("- Nobody you know works there yet.")
    if facts.paths:
        lines.append("- Warm paths, best first:")
        lines += [f"  {n}. {md_text(p.sentence)}" for n, p in enumerate(facts.paths[:MAX_PATHS], 1)]
        if len(facts.paths) > MAX_PATHS:
            lines.append(f"  - and {plural(len(facts.paths) - MAX_PATHS, 'more path')}: "
                         f"`vaultkit who \"{c.name}\"`")
    if facts.opportunities:
        lines.append("- Opportunities:")
        lines += [f"  - {_opportunity(o)}" for o in facts.opportunities]
    out.append("\n".join(lines) + "\n")
    return out


def _row(facts: CompanyFacts) -> str:
    best = md_text(facts.paths[0].sentence) if facts.paths else ""
    return (f"| {_cell(_company_link(facts))} | {len(facts.now):,} | {len(facts.before):,} | "
            f"{len(facts.opportunities):,} | {_cell(best)} |")


def shown_companies(facts: dict[str, CompanyFacts]) -> tuple[list[CompanyFacts], list[CompanyFacts]]:
    """(targets, then the other companies with two or more people, most people first)."""
    targets = [f for f in facts.values() if f.company.target]
    others = [f for f in facts.values() if not f.company.target and f.people >= MIN_PEOPLE]
    others.sort(key=lambda f: (-f.people, -len(f.now), f.company.name.casefold(), f.company.key))
    return targets, others


def render_companies(vault: Vault, plan: Plan) -> str:
    folder = vault.config.folders.contacts
    style, home = MarkdownStyle(folder), vault.config.me.timezone
    targets, others = shown_companies(all_company_facts(vault, plan))
    out = dashboard_head("Companies", plan.today, {"targets": len(targets), "companies": len(targets) + len(others)})
    if not targets and not others:
        out.append("No target company yet, and no company where two or more of your contacts work. Mark a "
                   "company as a target with `target: true` in its note, `targets = [\"Globex\"]` in "
                   "vaultkit.toml, or an opportunity note (`type: opportunity`, `company: Globex`).\n")
        return "\n".join(out)
    lead = plural(len(targets), 'target company', 'target companies') if targets else "No target company yet"
    rest = plural(len(others), 'other company', 'other companies') if others else "no other company"
    out.append(f"{lead}; {rest} where two or more of your "
               "contacts work or worked. `vaultkit who COMPANY` lists everyone and every path.\n")
    out.append("## Targets\n")
    if not targets:
        out.append("None yet: mark one with `target: true` in its note or `targets = [...]` in vaultkit.toml.\n")
    for facts in targets:
        out += _section(facts, plan, folder, style, home)
    if others:
        out.append("## Other companies\n")
        for facts in others[:MAX_SECTIONS]:
            out += _section(facts, plan, folder, style, home)
    rest = others[MAX_SECTIONS:]
    if rest:
        out.append("## More companies\n")
        out.append(f"{plural(len(rest), 'more company', 'more companies')}, one row each, most people first.\n")
        rows = ["| Company | Now | Before | Opportunities | Best path |", "|---|---:|---:|---:|---|"]
        rows += [_row(facts) for facts in rest]
        out.append("\n".join(rows) + "\n")
    return "\n".join(out)
