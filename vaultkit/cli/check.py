"""`vaultkit check`: print every problem; exit 1 if any is an error."""
from __future__ import annotations

import click

from ..errors import ERROR
from ..render.text import plural
from ..rules import plan
from ..templating import check_templates
from .options import cache_option, open_vault, today_option, vault_option


@click.command()
@vault_option
@today_option
@cache_option
@click.pass_context
def check(ctx: click.Context, vault_path: str | None, today, no_cache: bool) -> None:
    """List every problem in the vault's notes.

    Each problem is one line, PATH:LINE: SEVERITY: MESSAGE, sorted by path and
    line; a summary goes to stderr. Your own templates (Templates/vaultkit/) are
    checked too, rendered with sample values: one that is broken, uses a name
    it is not given or runs away is an error. Exits 1 if any problem is an error, 0 if
    there are only warnings or none, 2 if the vault or its vaultkit.toml cannot
    be used. Changes no file, so it fits a git pre-commit hook. --today
    matters only for what depends on the day (an interview marked done before
    its date, drafts due that would go out unsigned).

    \b
    Examples:
      vaultkit check
      vaultkit check --vault ~/notes
    """
    vault = open_vault(vault_path, no_cache)
    problems = sorted([*vault.problems, *plan(vault, today).problems, *check_templates(vault.config)])
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    found = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}" if problems else "no problems"
    click.echo(f"Checked {plural(vault.note_count, 'note')} ({plural(len(vault.contacts), 'contact')}, "
               f"{plural(len(vault.interviews), 'interview')}): {found}.", err=True)
    ctx.exit(1 if errors else 0)
