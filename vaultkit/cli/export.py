"""`vaultkit export contacts`: every contact and what vaultkit knows of them, for a spreadsheet or an address book."""
from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import click

from ..errors import ERROR, VaultkitError
from ..render.text import plural
from .options import cache_option, open_vault, today_option, vault_option

FORMATS = {"csv": "CSV", "vcf": "vCard 4.0", "json": "JSON"}
SUFFIXES = {".csv": "csv", ".vcf": "vcf", ".vcard": "vcf", ".json": "json"}


def _cannot(path: str, reason: str) -> VaultkitError:
    return VaultkitError(f"cannot write {path}: {reason}")


def write_export(file: str, data: bytes) -> bool:
    """Write `data` to `file` atomically; False when it already holds exactly that.

    A file there is replaced only when it is empty or an earlier export (any format):
    never a note, a spreadsheet of your own, a folder, a symlink or a device; nor is a
    `.md` file written, which a vault would read as a note.
    """
    from ..output.write import write_atomic
    from ..render.export import is_export  # here: the model and rules, 180 ms; help and TAB load this module

    path = Path(file)
    if path.suffix.lower() == ".md":  # in a vault it would be read as a note
        raise _cannot(file, "a .md file is a note; give the export a .csv, .vcf or .json name")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot(file, exc.strerror or str(exc)) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise _cannot(file, f"it is a symbolic link (to {os.readlink(path)}); give the file itself")
        if stat.S_ISDIR(info.st_mode):
            raise _cannot(file, f"it is a folder; give a file name, e.g. {path / 'contacts.csv'}")
        if not stat.S_ISREG(info.st_mode):
            raise _cannot(file, "it is not a regular file")
        try:
            current = path.read_bytes()
        except OSError as exc:
            raise _cannot(file, exc.strerror or str(exc)) from None
        if current == data:
            return False
        if current.strip() and not is_export(current):
            raise _cannot(file, "it holds something vaultkit did not export; move it, or give another name")
    folder = path.parent
    if not folder.is_dir():
        raise _cannot(file, f"there is no folder {folder}")
    try:
        write_atomic(path, data, mode=stat.S_IMODE(info.st_mode) if info else None)
    except OSError as exc:
        raise _cannot(file, exc.strerror or str(exc)) from None
    return True


@click.group("export")
def export_group() -> None:
    """Take what is in the vault out, for a spreadsheet or an address book.

    Nothing in the vault changes: export only reads the notes.

    \b
    Examples:
      vaultkit export contacts -o contacts.csv
      vaultkit export contacts -o contacts.vcf
    """


@export_group.command()
@vault_option
@today_option
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default=None,
              help="csv for a spreadsheet, vcf (vCard 4.0) for an address book, json for a program. "
                   "Default: from the -o file's name (.csv, .vcf, .json), else csv.")
@click.option("-o", "--output", "output", metavar="FILE", default=None,
              help="Write to FILE (replacing an earlier export there) instead of printing.")
@cache_option
def contacts(vault_path: str | None, today: dt.date, output_format: str | None, output: str | None,
             no_cache: bool) -> None:
    """Every contact, with their details and where you stand with them.

    One record per contact note: name, state (paused, do-not-contact,
    archived, gone quiet, met, meeting planned, in touch, reached out, not
    contacted), last touch and its kind, the next action, its due day and
    what to do, who referred them, company, role, field, every email,
    phone, LinkedIn, location, met_via, status, stay_in_touch,
    snooze_until, aliases, tags and the note's path.

    CSV has a header row, a byte-order mark (for Excel), lists joined with
    "; ", and a ' before any cell a spreadsheet would run as a formula.
    JSON is a list of objects with those keys, dates as YYYY-MM-DD. vCard
    4.0 gives each person a card your address book can import, with
    vaultkit's facts in its NOTE; a card's UID comes from the note's path,
    so importing a newer export updates the cards. -o replaces a file only
    if it is empty or an earlier export. A note that cannot be read is
    named on stderr and left out; the rest are exported.

    \b
    Examples:
      vaultkit export contacts -o contacts.csv
      vaultkit export contacts --format vcf -o contacts.vcf
      vaultkit export contacts --format json | jq '.[] | select(.state == "met") | .name'
      vaultkit export contacts --today 2026-11-20 --format csv
    """
    from ..render.export import contacts_csv, contacts_json, exported_contacts  # here: as in _write
    from ..rules import plan

    if output_format is None:
        output_format = SUFFIXES.get(Path(output).suffix.lower(), "csv") if output else "csv"
    vault = open_vault(vault_path, no_cache)
    the_plan = plan(vault, today)
    records = exported_contacts(vault, the_plan)
    if output_format == "vcf":
        from ..render.vcard import contacts_vcards  # here: as in _write

        data = contacts_vcards(records)
    else:
        data = contacts_csv(records) if output_format == "csv" else contacts_json(records)
    problems = sorted([*vault.problems, *the_plan.problems])
    for problem in problems:
        if problem.severity == ERROR:
            click.echo(str(problem), err=True)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)  # bytes: UTF-8 whatever the terminal's encoding
        sys.stdout.buffer.flush()
    else:
        what = f"{plural(len(records), 'contact')} ({FORMATS[output_format]})"
        if write_export(output, data):
            click.echo(f"Exported {what} to {output}.", err=True)
        else:
            click.echo(f"{output} already holds this export of {what}; left as it is.", err=True)
    errors = sum(p.severity == ERROR for p in problems)
    if problems:
        click.echo(f"Notes have {plural(errors, 'error')} and {plural(len(problems) - errors, 'warning')}; "
                   "run `vaultkit check` to see them.", err=True)
