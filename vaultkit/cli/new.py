"""`vaultkit new contact|interview|opportunity`: create a note from the vault's template."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from .options import cache_option, complete_contact, date_value, open_vault, vault_option

if TYPE_CHECKING:  # the modules that make a note load only when one is made, not for a TAB
    from ..edit.new import NewNote
    from ..templates.engine import Templates


def _time(ctx, param, value):
    if value is None:
        return None
    from ..dates import parse_time  # here: dates compiles its patterns (15 ms), which a TAB need not pay

    parsed = parse_time(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a time like 14:30")
    return parsed


def _write(vault, notes: list[NewNote], templates: Templates, dry_run: bool) -> None:
    from ..edit.careful import create_note  # here: as the TYPE_CHECKING imports above
    from ..output.write import resolve_output

    for problem in templates.problems:
        click.echo(str(problem), err=True)
    for n in notes:  # all checked before any write
        resolve_output(vault.config.root, n.folder, n.name)
    for note in notes:
        for message in note.warnings:
            click.echo(f"Warning: {message}", err=True)
        if not dry_run:
            create_note(vault.config.root, note.rel, note.content)
        click.echo(f"{'Would create' if dry_run else 'Created'} {note.rel}")


@click.group()
def new() -> None:
    """Create a contact, interview or opportunity note from the vault's template.

    \b
    Examples:
      vaultkit new contact "Ana Díaz" --company "Northwind Health" --field "UX research"
      vaultkit new interview "Ana" --date 2026-11-24 --time 15:00 --mode video
      vaultkit new opportunity Globex --role "UX Researcher" --heard-from Ana
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
    alias (ignoring case); `[[Ana Díaz]]` stands for Ana Díaz. Refuses
    (exit 2, saying what to write instead) a NAME that cannot be a file
    name everywhere or that Obsidian cannot link to: one holding
    # ^ [ ] | * " \\ / < > : ?, a name Windows keeps (CON, PRN, AUX, NUL,
    COM1, LPT1 ...), or one ending with a dot. --referred-by becomes a link
    when it names a contact (in any form `vaultkit log` accepts), and is
    written as given, with a warning, when it names nobody in the vault.

    \b
    Examples:
      vaultkit new contact "Ana Díaz" --company "Northwind Health"
      vaultkit new contact "Ben Okafor" --role "UX Researcher" --referred-by Ana
    """
    from ..edit.new import new_contact  # here: edit.new and Jinja2 cost 190 ms, which a TAB need not pay
    from ..templates.engine import Templates

    vault = open_vault(vault_path, no_cache)
    templates = Templates(vault.config, [])
    note = new_contact(vault, templates, name, company=company, role=role, field=field, email=email,
                       referred_by=referred_by, today=dt.date.today(), portable=True)
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
    accents; `[[Ana Díaz]]` works too), and may also be a unique first or
    last name. An unknown NAME is an error unless --create-contact is given. A future date
    makes the interview `scheduled` (vaultkit reminds you to confirm it the
    day before); a past one makes it `done`.

    \b
    Examples:
      vaultkit new contact "Ana Díaz"
      vaultkit new interview "Ana Díaz" --date 2026-11-24 --time 15:00 --mode video
    """
    from ..edit.new import new_contact, new_interview  # here: as in contact
    from ..templates.engine import Templates

    vault = open_vault(vault_path, no_cache)
    templates = Templates(vault.config, [])
    today = dt.date.today()
    notes = []
    if create_contact and not vault.names.typed(name).paths:
        notes.append(new_contact(vault, templates, name, today=today, portable=True))
    interview_note = new_interview(vault, templates, name, day=day, at=at, mode=(mode or "").lower(),
                                   location=location, contact_path=notes[0].rel if notes else None, today=today)
    _write(vault, [*notes, interview_note], templates, dry_run)


@new.command()
@click.argument("company")
@click.option("--role", required=True, help="The job, as the posting names it.")
@click.option("--url", default="", help="The posting.")
@click.option("--heard-from", "heard_from", default="", metavar="NAME", shell_complete=complete_contact,
              help="Who told you about it: a contact's name (becomes a link), or anyone's.")
@click.option("--deadline", callback=date_value, metavar="YYYY-MM-DD", help="The last day to apply.")
@click.option("--dry-run", is_flag=True, help="Write nothing; say what would be created.")
@vault_option
@cache_option
def opportunity(company, role, url, heard_from, deadline, dry_run, vault_path, no_cache) -> None:
    """Create an opportunity note: an opening you are considering, at stage `interested`.

    The note is `COMPANY - ROLE.md`, in the first folder `[types] opportunity`
    names in vaultkit.toml, else in `Opportunities/`; an existing note of that
    name is never overwritten (exit 1). COMPANY becomes a link when a company
    note answers to it (its name or an alias, ignoring case, accents and
    `Inc.`); --heard-from becomes a link when it names a contact, and is
    written as given, with a warning, when it names nobody in the vault.
    Change `stage` in the note as the application moves on (applied,
    interviewing, offer, accepted, rejected, withdrawn), with `applied` and
    `stage_date`, and vaultkit plans the asks and follow-ups that go with it.

    \b
    Examples:
      vaultkit new contact "Omar Shaikh" --company "Lumen Labs"
      vaultkit new opportunity Globex --role "UX Researcher" --heard-from Omar
      vaultkit new opportunity Initech --role "Data Analyst" --deadline 2026-12-15
    """
    from ..edit.new_opportunity import new_opportunity
    from ..templates.engine import Templates

    vault = open_vault(vault_path, no_cache)
    templates = Templates(vault.config, [])
    note = new_opportunity(vault, templates, company, role=role, url=url, heard_from=heard_from,
                           deadline=deadline, today=dt.date.today())
    _write(vault, [note], templates, dry_run)
