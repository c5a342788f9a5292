"""`vaultkit check`: print every problem; exit 1 if any is an error."""
from __future__ import annotations

import json

import click

from ..errors import ERROR
from ..load import vault_of
from ..outcome import record_check, replay_check
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
    index = read_index(vault_path, no_cache, level)
    known = replay_check(index, today)
    if known is not None:  # nothing the problems come from changed since they were found
        problems, contacts, interviews = known.problems, known.contacts, known.interviews
    else:
        from ..rules import plan  # here: a check with nothing new to find builds no model
        from ..template_check import check_templates

        vault = vault_of(index)
        problems = sorted([*vault.problems, *plan(vault, today).problems, *check_templates(vault.config)])
        contacts, interviews = len(vault.contacts), len(vault.interviews)
        record_check(index, today, problems, contacts, interviews)
    note_count = index.note_count
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if output_format == "json":
        data = {"notes": note_count, "errors": errors, "warnings": warnings,
                "problems": [p.as_dict() for p in problems]}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            if level != QUIET or problem.severity == ERROR:
                click.echo(str(problem))
    if level == QUIET:
        ctx.exit(1 if errors else 0)
    found = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}" if problems else "no problems"
    click.echo(f"Checked {plural(note_count, 'note')} ({plural(contacts, 'contact')}, "
               f"{plural(interviews, 'interview')}): {found}.", err=True)
    hint_if_no_contacts(contacts, note_count)
    hint_if_no_config(index.config)
    ctx.exit(1 if errors else 0)
