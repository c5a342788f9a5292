"""Options shared by every command that reads a vault."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from .progress import DelayedBar, echo_lines, read_lines

if TYPE_CHECKING:  # the reading side loads when a command reads the vault; a TAB loads none of it
    from ..config import Config
    from ..index import VaultIndex
    from ..model import Vault


def vault_option(command):
    return click.option(
        "--vault",
        "vault_path",
        metavar="PATH",
        default=None,
        help="The vault folder. Default: $VAULTKIT_VAULT, else the nearest folder "
        "at or above the current one holding vaultkit.toml or .obsidian/.",
    )(command)


def date_value(ctx, param, value: str | None) -> dt.date | None:
    """A click callback: an ISO date, or a usage error that shows the form wanted."""
    if value is None:
        return None
    from ..dates import in_range, range_problem  # here: dates compiles its patterns (15 ms), which a TAB need not pay

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-20") from None
    if not in_range(day):
        raise click.BadParameter(range_problem(day))
    return day


def _parse_today(ctx, param, value: str | None) -> dt.date:
    return date_value(ctx, param, value) or dt.date.today()  # the local calendar date


def today_option(command):
    return click.option(
        "--today",
        metavar="YYYY-MM-DD",
        callback=_parse_today,
        help="Compute as if today were this date, for reproducible output. Default: today's local date.",
    )(command)


# What bash would otherwise split or expand in a completed word
_BASH_SPECIAL = set(" \t\n\"'\\$`&;|<>()[]{}*?!#~=,")


def bash_word(text: str) -> str:
    """`Ben Okafor` -> `Ben\\\\ Okafor`: click's bash script reads it with `read` (which eats one
    backslash), and bash then inserts `Ben\\ Okafor`, one shell word."""
    return "".join(f"\\\\{c}" if c in _BASH_SPECIAL else c for c in text)


def complete_contact(ctx: click.Context, param, incomplete: str) -> list[click.shell_completion.CompletionItem]:
    """Contact names for tab completion: every contact whose file name, name, alias or any word of
    them starts with what was typed, ignoring case and accents (completion.py; fast)."""
    try:
        from ..completion import contact_forms, offers  # here: every command loads this module, most never complete
        from ..config import load_config
        from ..index.discover import find_vault

        root = find_vault(ctx.params.get("vault_path"), os.environ, Path.cwd())
        names = offers(contact_forms(load_config(root)), incomplete)
    except Exception:  # completion must never print an error into the user's shell
        return []
    bash = os.environ.get("_VAULTKIT_COMPLETE", "").startswith("bash")  # zsh and fish quote for themselves
    import click.shell_completion  # here: 0.6 ms at every start; completing, click has loaded it already

    return [click.shell_completion.CompletionItem(bash_word(n) if bash else n) for n in names[:200]]


def cache_option(command):
    return click.option(
        "--no-cache",
        "no_cache",
        is_flag=True,
        help="Parse every note from its file and leave the parse cache alone (it never changes a result; "
        "this is for ruling it out).",
    )(command)


def warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


def hint_if_no_contacts(contacts: int, notes: int) -> None:
    """A vault kept in its own shape gives nothing until it is mapped: say so, not just "0 contacts"."""
    if contacts == 0 and notes > 5:
        click.echo(f"Hint: no contact among {notes:,} notes. If your vault keeps people its own way "
                   "(a tag, a folder, other property names), `vaultkit init --detect` maps it.", err=True)


def hint_if_no_config(config: Config) -> None:
    """A vault without vaultkit.toml runs on the defaults: say so, and how to write one."""
    if config.no_file:
        click.echo(f"Hint: {config.root} has no vaultkit.toml, so every setting is its default and drafts go "
                   "unsigned. vaultkit init writes one (it changes no note); vaultkit init --detect also maps "
                   "notes you kept your own way.", err=True)


QUIET, NORMAL, VERBOSE = -1, 0, 1


def _verbosity(ctx: click.Context, param, value: bool) -> bool:
    if value and ctx.params.get("quiet" if param.name == "verbose" else "verbose"):
        raise click.UsageError("-q/--quiet and -v/--verbose cannot be used together", ctx)
    return value


def verbosity_options(command=None, *, verbose_help: str = "Also say which notes were read from their files and "
                      "why, and list every file written."):
    """-q and -v, on each command that reports (they go after the command: `vaultkit report -q`)."""
    def add(command):
        command = click.option("-v", "--verbose", is_flag=True, callback=_verbosity,
                               help=verbose_help)(command)
        return click.option("-q", "--quiet", is_flag=True, callback=_verbosity,
                            help="Print nothing unless something is wrong: errors only (for cron and hooks).")(command)
    return add(command) if command is not None else add


def verbosity(quiet: bool, verbose: bool) -> int:
    return QUIET if quiet else VERBOSE if verbose else NORMAL


def open_vault(vault_path: str | None, no_cache: bool = False, level: int = NORMAL) -> Vault:
    """Find and read the vault; a progress bar shows if the read turns out slow. -v says what was read."""
    from ..load import prepare_model, vault_of  # here: index and config, loaded by the command that reads a vault, not by a TAB

    return vault_of(read_index(vault_path, no_cache, level, prepare_model))


def open_index(*args, **kwargs) -> VaultIndex:
    """index.open_index, loaded when first called."""
    from ..index import open_index as opening  # here: as vault_of

    return opening(*args, **kwargs)


def read_index(vault_path: str | None, no_cache: bool = False, level: int = NORMAL,
               prepare: Callable[[VaultIndex], None] | None = None) -> VaultIndex:
    """Find the vault and bring its index up to date, as `open_vault` does, without building the model
    (`prepare`: what the command will do with the model, begun early: index.open_index's)."""
    from ..config import load_config  # here: as vault_of
    from ..index.discover import find_vault

    root = find_vault(vault_path, os.environ, Path.cwd())
    bar = DelayedBar(quiet=level == QUIET)
    try:
        index = open_index(load_config(root), use_cache=not no_cache, progress=bar, warn=warn, prepare=prepare)
    finally:
        bar.close()
    if level == VERBOSE:
        echo_lines(read_lines(bar.update, index.note_count, no_cache, bar.seconds))
    return index
