"""`vaultkit report`: compute what is due, write the outputs, print a summary (or JSON)."""
from __future__ import annotations

import datetime as dt
import json

import click

from ..errors import ERROR
from ..render.text import plural
from ..reporting import ReportResult, prepare_report
from ..reporting import report as vaultkit_report
from ..output.write import KEPT, NOT_WRITTEN, UNCHANGED, WOULD_WRITE, WRITTEN
from ..sections import GROUPS
from .options import (QUIET, VERBOSE, cache_option, hint_if_no_config, hint_if_no_contacts, read_index, today_option,
                      vault_option, verbosity, verbosity_options)


@click.command()
@vault_option
@today_option
@click.option("--format", "output_format", type=click.Choice(["md", "json"]), default="md", show_default=True,
              help="md: write the outputs and print a summary. json: write them and print every fact as JSON.")
@click.option("--dry-run", is_flag=True, help="Write nothing; say what would be written.")
@cache_option
@verbosity_options
def report(vault_path: str | None, today: dt.date, output_format: str, dry_run: bool, no_cache: bool,
           quiet: bool, verbose: bool) -> None:
    """Work out what is due and write the dashboards, calendar and drafts.

    Writes into the vault's output folder (vaultkit/ by default): Follow-ups.md,
    Referrals.md, Progress.md, Fields.md, Follow-ups.ics, Drafts/ with a
    ready-to-edit message for each action due within horizon_days that means
    writing to someone, and Briefs/ with a page per upcoming interview. A file is written
    only when its content changes, and a draft you have edited is never
    overwritten. Prints counts per group as the dashboard shows them (once you
    have landed, the people to tell; then overdue, today, upcoming within
    horizon_days, later), how many files were written, and the dashboard's
    path; -v lists every file written, -q prints only errors. Your notes are
    never changed.

    A file in the way that vaultkit did not make (a symlink included) is left
    alone and reported as an error; the other files are still written, and the
    exit status is 1.

    \b
    Examples:
      vaultkit report
      vaultkit report --vault ~/notes --today 2026-11-20
      vaultkit report --format json | jq '.actions[] | select(.group == "overdue")'
      vaultkit report --dry-run
      vaultkit report -q                 # from cron: silent unless something is wrong
    """
    level = verbosity(quiet, verbose)
    result = vaultkit_report(read_index(vault_path, no_cache, level, prepare_report), today, dry_run=dry_run,
                             fresh=output_format == "json")
    if output_format == "json":
        click.echo(json.dumps(result.facts(), indent=2, ensure_ascii=False) + "\n", nl=False)
    elif level != QUIET:
        for line in summary(result, level == VERBOSE):
            click.echo(line)
    for problem in result.problems:
        if level != QUIET or problem.severity == ERROR:
            click.echo(str(problem), err=True)
    _closing_line(result.errors, result.warnings, level)
    if level != QUIET and output_format != "json":
        hint_if_no_contacts(result.contacts, result.notes)
        hint_if_no_config(result.config)
    if result.not_written:
        raise SystemExit(1)


def _closing_line(errors: int, warnings: int, level: int) -> None:
    if (errors or warnings) and (level != QUIET or errors):
        click.echo(f"Notes have {plural(errors, 'error')} and {plural(warnings, 'warning')}; "
                   "run `vaultkit check` to see them.", err=True)


def _kinds(rels: list[str], folder: str) -> str:
    """`(12 drafts, 2 briefs)` for the files among `rels` in Drafts/ and Briefs/."""
    counts = [(sum(rel.startswith(f"{folder}/{sub}/") for rel in rels), noun)
              for sub, noun in (("Drafts", "draft"), ("Briefs", "brief"))]
    named = [plural(n, noun) for n, noun in counts if n]
    return f" ({', '.join(named)})" if named else ""


_READ = (("contacts", "contact"), ("interviews", "interview"), ("conversations", "conversation note"),
         ("companies", "company note"), ("opportunities", "opportunity"))


def read_line(read: dict[str, int]) -> str:
    """`Read 17 contacts, 12 interviews, 1 company note.`: contacts and interviews always, the rest when found."""
    parts = [plural(read.get(key, 0), noun, "opportunities" if key == "opportunities" else None)
             for key, noun in _READ if key in ("contacts", "interviews") or read.get(key)]
    return f"Read {', '.join(parts)}."


def summary(result: ReportResult, verbose: bool) -> list[str]:
    """The counts per group, one line on the files, and where the dashboard is.

    Each file is listed only under -v, or when it needs a look: a draft kept
    because you edited it, a file not written.
    """
    counts, results, config = result.counts, result.results, result.config
    told = [f"{counts['announce']} to tell where you landed"] if counts.get("announce") else []
    groups = ", ".join(told + [f"{counts[g]} {g}" for g in GROUPS])
    lines = [read_line(result.read)] if result.read else []
    lines.append(f"Follow-ups for {result.today.isoformat()}: {groups}; {counts['gone_quiet']} gone quiet.")
    lines += [f"  {status}: {rel}" for rel, status in results
              if status in (KEPT, NOT_WRITTEN) or (verbose and status != UNCHANGED)]
    by_status = {s: [rel for rel, status in results if status == s]
                 for s in (WRITTEN, UNCHANGED, WOULD_WRITE, KEPT, NOT_WRITTEN)}
    count = {s: len(rels) for s, rels in by_status.items()}
    folder = config.folders.output
    kept = f", {count[KEPT]} kept because you edited {'it' if count[KEPT] == 1 else 'them'}" if count[KEPT] else ""
    if count[NOT_WRITTEN]:
        kept += f", {count[NOT_WRITTEN]} not written (see the errors)"
    if result.dry_run:
        lines.append(f"Dry run: nothing written; {plural(count[WOULD_WRITE], 'file')} would change"
                     f"{_kinds(by_status[WOULD_WRITE], folder)}, {count[UNCHANGED]} unchanged{kept}.")
    else:
        lines.append(f"{plural(count[WRITTEN], 'file')} written{_kinds(by_status[WRITTEN], folder)}, "
                     f"{count[UNCHANGED]} unchanged{kept}.")
    dashboard = result.dashboard
    if f"{folder}/{dashboard.name}" not in by_status[NOT_WRITTEN] and dashboard.is_file():
        lines.append(f"Dashboard: {dashboard}")  # absolute: most terminals make it a link to open
    return lines
