"""`vaultkit report`: compute what is due, write the outputs, print a summary (or JSON)."""
from __future__ import annotations

import datetime as dt

import click

from ..actions import GROUPS
from ..errors import ERROR
from ..render.json_report import render_json
from ..render.text import plural
from ..report import run_report
from ..write import KEPT, NOT_WRITTEN, UNCHANGED, WOULD_WRITE, WRITTEN
from .options import cache_option, open_vault, today_option, vault_option


@click.command()
@vault_option
@today_option
@click.option("--format", "output_format", type=click.Choice(["md", "json"]), default="md", show_default=True,
              help="md: write the outputs and print a summary. json: write them and print every fact as JSON.")
@click.option("--dry-run", is_flag=True, help="Write nothing; say what would be written.")
@cache_option
def report(vault_path: str | None, today: dt.date, output_format: str, dry_run: bool, no_cache: bool) -> None:
    """Work out what is due and write the dashboards, calendar and drafts.

    Writes into the vault's output folder (vaultkit/ by default): Follow-ups.md,
    Referrals.md, Fields.md, Follow-ups.ics, Drafts/ with a thank-you per
    interview that owes one (and, once [landed] is set, a note for each person
    to tell), and Briefs/ with a page per upcoming interview. A file is written
    only when its content changes, and a draft you have edited is never
    overwritten. Prints counts per group: overdue, today,
    upcoming (within horizon_days) and later. Your notes are never changed.

    A file in the way that vaultkit did not make is left alone and reported as
    an error; the other files are still written, and the exit status is 1.

    \b
    Examples:
      vaultkit report
      vaultkit report --vault ~/notes --today 2026-11-20
      vaultkit report --format json | jq '.actions[] | select(.group == "overdue")'
      vaultkit report --dry-run
    """
    vault = open_vault(vault_path, no_cache)
    result = run_report(vault, today, dry_run=dry_run)
    if output_format == "json":
        click.echo(render_json(vault, result.plan, result.problems), nl=False)
    else:
        counts = result.plan.counts()
        groups = ", ".join(f"{counts[g]} {g}" for g in GROUPS)
        click.echo(f"Follow-ups for {today.isoformat()}: {groups}; {counts['gone_quiet']} gone quiet.")
        for rel, status in result.results:
            if status != UNCHANGED:
                click.echo(f"  {status}: {rel}")
        count = {s: sum(status == s for _, status in result.results)
                 for s in (WRITTEN, UNCHANGED, WOULD_WRITE, KEPT, NOT_WRITTEN)}
        kept = f", {count[KEPT]} kept because you edited {'it' if count[KEPT] == 1 else 'them'}" if count[KEPT] else ""
        if count[NOT_WRITTEN]:
            kept += f", {count[NOT_WRITTEN]} not written (see the errors)"
        if dry_run:
            click.echo(f"Dry run: nothing written ({plural(count[WOULD_WRITE], 'file')} would change, "
                       f"{count[UNCHANGED]} unchanged{kept}).")
        else:
            click.echo(f"{plural(count[WRITTEN], 'file')} written, {count[UNCHANGED]} unchanged{kept}.")
    for problem in result.problems:
        click.echo(str(problem), err=True)
    noted = [*vault.problems, *result.plan.problems]
    if noted:
        errors = sum(p.severity == ERROR for p in noted)
        click.echo(f"Notes have {plural(errors, 'error')} and {plural(len(noted) - errors, 'warning')}; "
                   "run `vaultkit check` to see them.", err=True)
    if result.not_written:
        raise SystemExit(1)
