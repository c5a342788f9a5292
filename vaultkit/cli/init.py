"""`vaultkit init`: set up a vault; never overwrites anything."""
from __future__ import annotations

import os
from pathlib import Path

import click

from ..config import CONFIG_NAME, Me
from ..edit.init import CREATED, init_vault, system_zone
from ..errors import UsageProblem, VaultkitError
from .detecting import detect_and_write


@click.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--vault", "vault_path", metavar="PATH", type=click.Path(file_okay=False, path_type=Path),
              help="The same as PATH.")
@click.option("--name", default="", help="Your name, to sign drafts with ([me] name in vaultkit.toml).")
@click.option("--email", default="", help="Your email, under the signature ([me] email).")
@click.option("--detect", is_flag=True,
              help="On a vault that already holds notes: find its people and conversations, and write the "
              "mapping ([types], [keys], [touch_kinds], [statuses]) into vaultkit.toml. Never changes a note.")
@click.option("--force", is_flag=True, help="With --detect: replace an existing vaultkit.toml (a backup is kept).")
@click.option("--dry-run", is_flag=True, help="Create nothing; say what would be created (with --detect: print "
              "the TOML).")
def init(path: Path | None, vault_path: Path | None, name: str, email: str, detect: bool, force: bool,
         dry_run: bool) -> None:
    """Set up a vault: vaultkit.toml, the folders, and templates you can edit.

    PATH is the vault's folder (default: the current one); it is created if
    missing. vaultkit.toml lists every setting with its default and what it
    does, and [me] timezone is this computer's time zone ($TZ, else where
    /etc/localtime points): change it if your search is elsewhere. Nothing
    that exists is overwritten: running init twice changes nothing.

    With --detect, on a vault you kept before vaultkit, it finds the notes
    that are people, interviews, conversations, companies and openings, by
    what a person would look at: folder and tag names (People, Positions,
    Logs, #person), a type, category or fileClass property, each kind's keys
    (email and phone; job title, stage and applied date; industry and
    website), and the people dated notes link. It prints per kind the
    evidence, the kind it was not and a confidence, then writes the mapping,
    your key names (App-Stage is stage) and status words into vaultkit.toml,
    so that report and check see them. Templates, settings and fileClass
    definitions are left out; no note is changed.

    \b
    Examples:
      vaultkit init
      vaultkit init ~/notes/job-search --name "Sam Rivera" --email sam@example.org
      vaultkit init ~/notes --detect --dry-run     # see the mapping first
      vaultkit init ~/notes --detect --force       # replace vaultkit.toml, keep a backup
    """
    if path and vault_path and path.resolve() != vault_path.resolve():
        raise UsageProblem("give the vault either as PATH or as --vault, not both")
    root = (path or vault_path or Path(".")).expanduser()
    if root.exists() and not root.is_dir():
        raise UsageProblem(f"{root} is a file, not a folder")
    if force and not detect:
        raise UsageProblem("--force goes with --detect (plain init never overwrites anything)")
    me = Me(name=" ".join(name.split()), email=email.strip(), timezone=system_zone())
    if detect:
        detect_and_write(root, me, force, dry_run)
        return
    if not dry_run:
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VaultkitError(f"cannot write {root}: {exc.strerror or exc}") from None
    results = init_vault(root, dry_run=dry_run, me=me)
    verb = "would create" if dry_run else "created"
    for rel, status in results:
        click.echo(f"  {verb if status == CREATED else status}: {rel}")
    made = sum(s == CREATED for _, s in results)
    where = os.path.relpath(root) if not root.is_absolute() else str(root)
    if (CONFIG_NAME, CREATED) in results and not name.strip() and not dry_run:
        click.echo("Your drafts are signed with [me] name in vaultkit.toml: add yours there "
                   "(or run init with --name next time).")
    if (CONFIG_NAME, CREATED) in results and not me.timezone and not dry_run:
        click.echo('This computer does not say which time zone it is in: add yours as [me] timezone in '
                   'vaultkit.toml (e.g. "Europe/Paris"), so interview times are not floating.')
    if made:
        click.echo(f"{'Would set up' if dry_run else 'Set up'} {where}: {made} created, "
                   f"{len(results) - made} already there. Next: vaultkit new contact \"Someone\" --vault {where}")
    else:
        click.echo(f"{where} is already set up: nothing changed.")
