"""`vaultkit import linkedin|vcard FILE`: contact notes for the people you already know."""
from __future__ import annotations

import datetime as dt

import click

from ..edit.careful import NoteExists, create_note
from ..importers.export_file import read_export
from ..importers.new_contacts import plan_import
from ..templates.engine import Templates
from ..output.write import resolve_output
from .import_conversations import calendar, linkedin_messages, mail
from .options import cache_option, open_vault, vault_option


def _run(kind: str, file: str, met_via: str | None, dry_run: bool, vault_path, no_cache) -> None:
    data = read_export(file)  # before the vault is read: a pipe or a huge file is refused at once
    vault = open_vault(vault_path, no_cache)
    templates = Templates(vault.config, [])
    plan = plan_import(vault, templates, kind, data, file, today=dt.date.today(), met_via=met_via)
    for problem in dict.fromkeys(templates.problems):  # a template's problem once, not once per person
        click.echo(str(problem), err=True)
    for message in plan.warnings:
        click.echo(f"Warning: {message}", err=True)
    for _, note in plan.new:  # all checked first
        resolve_output(vault.config.root, note.folder, note.name)
    for _, note in plan.new:
        if not dry_run:
            try:
                create_note(vault.config.root, note.rel, note.content)  # an OSError stops the run: exit 1
            except NoteExists:  # made since the vault was read: leave it be
                click.echo(f"Warning: {note.rel} appeared meanwhile; left as it is", err=True)
                continue
        click.echo(f"{'Would create' if dry_run else 'Created'} {note.rel}")
    if dry_run:
        for m in plan.matched:
            click.echo(f"Already in the vault: {m.person.name} (line {m.person.line}) is {m.path}, by {m.by}")
    for problem in sorted([s.problem for s in plan.skipped] + plan.notices):
        click.echo(str(problem), err=True)
    click.echo(("Dry run, nothing written. " if dry_run else "") + plan.summary())


def _file_argument(command):
    # click.Path for the shell's file completion; read_export says what FILE is when it is not a file
    return click.argument("file", metavar="FILE", type=click.Path())(command)


def _common(met_via_default: str):
    def decorate(command):
        command = click.option("--dry-run", is_flag=True, help="Write nothing; list what would be created.")(command)
        command = click.option("--met-via", "met_via", default=None, metavar="TEXT",
                               help=f"The note's met_via. Default: {met_via_default}.")(command)
        return cache_option(vault_option(command))
    return decorate


@click.group("import")
def import_group() -> None:
    """Bring in the people you already know, and your conversations with them.

    `linkedin` and `vcard` create a contact note for each new person; `mail`,
    `linkedin-messages` and `calendar` add touches to your contacts' Logs
    (see each one's --help).

    By `linkedin` and `vcard`, nobody already in the vault is touched: a person matches a contact by
    name, alias or email, ignoring case and accents. The date you connected
    is the note's `connected` property, not a Log touch (being connected is
    not a conversation). Rows that cannot be read are listed by line and
    skipped; the rest go in. FILE must be a regular file (not a pipe or a
    device) of at most 64 MB, far more than any export of contacts.

    \b
    Examples:
      vaultkit import linkedin ~/Downloads/Connections.csv --dry-run
      vaultkit import vcard ~/Downloads/contacts.vcf --dry-run
    """


@import_group.command()
@_file_argument
@_common("LinkedIn")
def linkedin(file, met_via, dry_run, vault_path, no_cache) -> None:
    """Import FILE, the Connections.csv of a LinkedIn data export.

    Each row becomes a contact with company, role, email (often empty:
    LinkedIn gives only those people allow), linkedin (their profile URL),
    `met_via: LinkedIn` and `connected` (Connected On). The name drops
    credentials after a comma (`Ana Díaz, PhD`), pronouns in brackets and
    emoji. A second row with the same name or email is a duplicate and is
    skipped, so importing a newer export later adds only the new people.
    FILE must be a regular file of at most 64 MB (30,000 connections make
    about 3 MB).

    \b
    Examples:
      vaultkit import linkedin ~/Downloads/Connections.csv --dry-run
      vaultkit import linkedin ~/Downloads/Connections.csv
    """
    _run("linkedin", file, met_via, dry_run, vault_path, no_cache)


@import_group.command()
@_file_argument
@_common("address book")
def vcard(file, met_via, dry_run, vault_path, no_cache) -> None:
    """Import FILE, a .vcf of one or more vCards (2.1, 3.0 or 4.0).

    Each card becomes a contact: FN (or N) for the name, every EMAIL (the
    preferred first), TEL (the preferred one), ORG, TITLE, and a
    linkedin.com URL as `linkedin`; `met_via: address book` unless
    --met-via says otherwise. A card that cannot be read is listed by its
    line and skipped.

    FILE must be a regular file of at most 64 MB.

    \b
    Examples:
      vaultkit import vcard ~/Downloads/contacts.vcf --dry-run
      vaultkit import vcard ~/Downloads/contacts.vcf --met-via "old job"
    """
    _run("vcard", file, met_via, dry_run, vault_path, no_cache)


for _command in (mail, linkedin_messages, calendar):
    import_group.add_command(_command)
