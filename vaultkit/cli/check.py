"""`vaultkit check`: print every problem; exit 1 if any is an error."""
from __future__ import annotations

import json

import click

from ..checking import check as vaultkit_check, prepare_check
from ..errors import ERROR
from ..render.text import plural
from .options import (QUIET, cache_option, hint_if_no_config, hint_if_no_contacts, read_index, today_option,
                      vault_option, verbosity, verbosity_options)


@click.command()
@vault_option
@today_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help='text: one line per problem. json: {"notes", "errors", "warnings", "problems": [{"path", '
              '"line", "severity", "message"}]}, the problems as in `report --format json`.')
@cache_option
@verbosity_options(verbose_help="Also say which notes were read from their files, and why.")
@click.pass_context
def check(ctx: click.Context, vault_path: str | None, today, output_format: str, no_cache: bool,
          quiet: bool, verbose: bool) -> None:
    """List every problem in the vault's notes.

    Each problem is one line, PATH:LINE: SEVERITY: MESSAGE, sorted by path and
    line; a summary goes to stderr. Your own templates (Templates/vaultkit/) are
    checked too, rendered with sample values: one that is broken, uses a name
    it is not given or runs away is an error. Exits 1 if any problem is an
    error, 0 if there are only warnings or none, 2 if the vault or its
    vaultkit.toml cannot be used. Changes no file, so it fits a git
    pre-commit hook; -q prints only the errors, and no summary. --format
    json prints every problem as JSON instead, for editors and CI, with the
    same exit status. --today matters only for what depends on the day (an
    interview marked done before its date, drafts due that would go out
    unsigned, upcoming interviews whose time has no time zone).

    \b
    Examples:
      vaultkit check
      vaultkit check --vault ~/notes
      vaultkit check -q                  # in a hook: only the errors
      vaultkit check --format json | jq '.problems[] | select(.severity == "error")'
    """
    level = verbosity(quiet, verbose)
    result = vaultkit_check(read_index(vault_path, no_cache, level, prepare_check), today)
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        for problem in result.problems:
            if level != QUIET or problem.severity == ERROR:
                click.echo(str(problem))
    if level == QUIET:
        ctx.exit(1 if result.errors else 0)
    errors, warnings = result.errors, result.warnings
    found = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}" if result.problems else "no problems"
    click.echo(f"Checked {plural(result.notes, 'note')} ({plural(result.contacts, 'contact')}, "
               f"{plural(result.interviews, 'interview')}): {found}.", err=True)
    hint_if_no_contacts(result.contacts, result.notes)
    hint_if_no_config(result.config)
    ctx.exit(1 if errors else 0)
