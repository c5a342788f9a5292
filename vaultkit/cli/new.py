"""`vaultkit new contact|interview`: create a note from the vault's template."""
from __future__ import annotations

import datetime as dt

import click

from ..dates import parse_time
from ..edit.new import NewNote, new_contact, new_interview
from ..templating import Templates
from ..write import resolve_output, write_atomic
from .options import cache_option, complete_contact, date_value, open_vault, vault_option


def _time(ctx, param, value):
    if value is None:
        return None
    parsed = parse_time(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a time like 14:30")
    return parsed


def _write(vault, notes: list[NewNote], templates: Templates, dry_run: bool) -> None:
    for problem in templates.problems:
        click.echo(str(problem), err=True)
    paths = [resolve_output(vault.config.root, n.folder, n.name) for n in notes]  # all checked before any write
    for note, path in zip(notes, paths):
        for message in note.warnings:
            click.echo(f"Warning: {message}", err=True)
        if not dry_run:
            write_atomic(path, note.content, replace=False)
        click.echo(f"{'Would create' if dry_run else 'Created'} {note.rel}")


@click.group()
def new() -> None:
    """Create a contact or interview note from the vault's template.

    \b
    Examples:
      vaultkit new contact "Ana Díaz" --company "Northwind Health" --field "UX research"
      vaultkit new interview "Ana" --date 2026-11-24 --time 15:00 --mode video
    """


@new.command()
@click.argument("name")
@click.option("--company", default="", help="Where they work.")
@click.option("--role", default="", help="What they do.")
@click.option("--field", default="", help="The field (occupation) you are exploring through them.")
@click.option("--email", default="", help="How to reach them.")
@click.option("--referred-by", "referred_by", default="", metavar="NAME", shell_complete=complete_contact,
              help="Who put you in touch: a contact's name (becomes a link), or anyone's.")
@click.option("--dry-run", is_flag=True, help="Write nothing; say what would be created.")
@vault_option
@cache_option
def contact(name, company, role, field, email, referred_by, dry_run, vault_path, no_cache) -> None:
    """Create a contact note in the contacts folder.

    Refuses a NAME that matches an existing contact's file name, name or
    alias (ignoring case). --referred-by becomes a link when it names a
    contact (in any form `vaultkit log` accepts), and is written as given,
    with a warning, when it names nobody in the vault.

    \b
    Examples:
      vaultkit new contact "Ana Díaz" --company "Northwind Health"
      vaultkit new contact "Ben Okafor" --role "UX Researcher" --referred-by Ana
    """
    vault = open_vault(vault_path, no_cache)
    templates = Templates(vault.config, [])
    note = new_contact(vault, templates, name, company=company, role=role, field=field, email=email,
                       referred_by=referred_by, today=dt.date.today())
    _write(vault, [note], templates, dry_run)


@new.command()
@click.argument("name", shell_complete=complete_contact)
@click.option("--date", "day", required=True, callback=date_value, metavar="YYYY-MM-DD", help="The day you meet.")
@click.option("--time", "at", callback=_time, metavar="HH:MM", help="The time you meet.")
@click.option("--mode", type=click.Choice(["in-person", "phone", "video"], case_sensitive=False), default=None)
@click.option("--location", default="", help="The place, or the meeting link.")
@click.option("--create-contact", is_flag=True, help="Also create the contact if no note matches NAME.")
@click.option("--dry-run", is_flag=True, help="Write nothing; say what would be created.")
@vault_option
@cache_option
def interview(name, day, at, mode, location, create_contact, dry_run, vault_path, no_cache) -> None:
    """Create an interview note, linked to its contact, with questions to start from.

    NAME is resolved like a link (file name, name or alias, ignoring case and
    accents), and may also be a unique first or last name. An
    unknown NAME is an error unless --create-contact is given. A future date
    makes the interview `scheduled` (vaultkit reminds you to confirm it the
    day before); a past one makes it `done`.

    \b
    Examples:
      vaultkit new contact "Ana Díaz"
      vaultkit new interview "Ana Díaz" --date 2026-11-24 --time 15:00 --mode video
    """
    vault = open_vault(vault_path, no_cache)
    templates = Templates(vault.config, [])
    today = dt.date.today()
    notes = []
    if create_contact and not vault.names.typed(name).paths:
        notes.append(new_contact(vault, templates, name, today=today))
    interview_note = new_interview(vault, templates, name, day=day, at=at, mode=(mode or "").lower(),
                                   location=location, contact_path=notes[0].rel if notes else None, today=today)
    _write(vault, [*notes, interview_note], templates, dry_run)
