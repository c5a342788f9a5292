"""`vaultkit who COMPANY`: the people at a company and the warm paths to it, best first."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import click

from ..errors import VaultkitError
from .options import bash_word, cache_option, open_vault, today_option, vault_option


def complete_company(ctx: click.Context, param, incomplete: str) -> list[click.shell_completion.CompletionItem]:
    """The vault's companies for tab completion (company_completion.py; fast)."""
    try:
        from ..company_completion import company_names, company_offers
        from ..config import load_config
        from ..index.discover import find_vault

        root = find_vault(ctx.params.get("vault_path"), os.environ, Path.cwd())
        names = company_offers(company_names(load_config(root)), incomplete)
    except Exception:  # completion must never print an error into the user's shell
        return []
    bash = os.environ.get("_VAULTKIT_COMPLETE", "").startswith("bash")
    import click.shell_completion  # here: as options.complete_contact

    return [click.shell_completion.CompletionItem(bash_word(n) if bash else n) for n in names[:200]]


def find(vault, written: str):
    """The company `written` means: by name, alias, `Inc.`, accents or link; else the one company whose
    name starts with it. An unknown name is an error that lists the closest known companies."""
    from ..model import company_key

    company = vault.find_company(written)
    if company is not None:
        return company
    typed = company_key(written)
    starting = [c for c in vault.companies.values() if typed and c.key.startswith(typed)]
    if len(starting) == 1:
        return starting[0]
    import difflib

    forms = {c.key: c.name for c in vault.companies.values()}
    forms.update({company_key(a): c.name for c in vault.companies.values() for a in c.aliases})
    close = difflib.get_close_matches(typed, list(forms), n=5, cutoff=0.5)
    names = list(dict.fromkeys([c.name for c in starting] + [forms[k] for k in close]))[:5]
    if not vault.companies:
        raise VaultkitError(f"no company matches {written!r}: the vault names no company yet (a contact's "
                            "company, a note with type: company, or targets in vaultkit.toml)")
    hint = f"; the closest: {', '.join(names)}" if names else f"; it knows {len(vault.companies):,} companies"
    raise VaultkitError(f"no company matches {written!r}{hint}")


def _text(facts, opportunities) -> str:
    c = facts.company
    title = c.name + (f" (target: {', '.join(c.target_because)})" if c.target else "")
    lines = [title]
    if c.aliases:
        lines.append(f"Also called: {', '.join(c.aliases)}")
    for label, people in (("Works there now", facts.now), ("Worked there before", facts.before)):
        if people:
            lines.append(f"{label}:")
            lines += [f"  {p.name} ({p.state}) - {p.path}" for p in people]
    if not facts.people:
        lines.append("Nobody you know works there yet.")
    if facts.paths:
        lines.append("Warm paths, best first:")
        lines += [f"  {n}. {p.sentence}" for n, p in enumerate(facts.paths, 1)]
    if opportunities:
        lines.append("Opportunities:")
        for o in opportunities:
            since = f" since {o['stage_date']}" if o["stage_date"] else ""
            lines.append(f"  {o['role'] or 'a role not named yet'}: {o['stage']}{since} - {o['path']}")
    from ..rules.company_facts import next_step_text

    lines.append(f"Next step: {next_step_text(facts)}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("company", shell_complete=complete_company)
@vault_option
@today_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text to read, json for a program.")
@cache_option
def who(company: str, vault_path: str | None, today: dt.date, output_format: str, no_cache: bool) -> None:
    """Who can get you into COMPANY: the people there, now and before, and the warm paths.

    COMPANY matches ignoring case, accents, punctuation and a legal suffix
    (Inc, LLC, Ltd, GmbH, SA, AG, Corp, Corporation, Co), and any alias in
    the company's note; a link ([[Globex]]) or the start of one company's
    name will do. Paths rank by the state of the person you would ask (met,
    then in touch, then not yet contacted), then fewer hops, then the more
    recent touch. An unknown name exits 1 and lists the closest companies.
    Nothing is written.

    \b
    Examples:
      vaultkit new contact "Lena Fischer" --company "Société Générale SA"
      vaultkit who "Societe Generale"
      vaultkit who "société générale, inc." --format json
      vaultkit who soc --today 2026-11-20
    """
    from ..rules.company_facts import all_company_facts, opportunity_dict
    from ..rules import plan

    vault = open_vault(vault_path, no_cache)
    found = find(vault, company)
    the_plan = plan(vault, today)
    facts = all_company_facts(vault, the_plan)[found.key]
    opportunities = [opportunity_dict(o) for o in facts.opportunities]
    if output_format == "json":
        data = {**facts.as_dict(), "opportunities": opportunities}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(_text(facts, opportunities), nl=False)
