"""Options shared by every command that reads a vault."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click
import click.shell_completion

from ..config import load_config
from ..discover import find_vault
from ..load import load_vault
from ..model import Vault

PROGRESS_MIN_NOTES = 5000  # below this a read takes well under a second


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
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-20") from None


def _parse_today(ctx, param, value: str | None) -> dt.date:
    return date_value(ctx, param, value) or dt.date.today()  # the local calendar date


def today_option(command):
    return click.option(
        "--today",
        metavar="YYYY-MM-DD",
        callback=_parse_today,
        help="Compute as if today were this date, for reproducible output. Default: today's local date.",
    )(command)


def complete_contact(ctx: click.Context, param, incomplete: str) -> list[click.shell_completion.CompletionItem]:
    """Contact names for tab completion, from file names alone: a keypress cannot wait for a parse."""
    try:
        root = find_vault(ctx.params.get("vault_path"), os.environ, Path.cwd())
        folder = root / load_config(root).folders.contacts
    except Exception:  # completion must never print an error into the user's shell
        return []
    wanted = incomplete.casefold()
    names = sorted({p.stem for p in folder.rglob("*.md") if p.stem.casefold().startswith(wanted)})
    return [click.shell_completion.CompletionItem(name) for name in names[:200]]


def open_vault(vault_path: str | None) -> Vault:
    """Find and read the vault, with a progress bar on a terminal for big vaults."""
    root = find_vault(vault_path, os.environ, Path.cwd())
    bars = []

    def progress(total: int):
        if total < PROGRESS_MIN_NOTES or not sys.stderr.isatty():
            return None
        bar = click.progressbar(length=total, label="Reading notes", file=sys.stderr)
        bar.__enter__()
        bars.append(bar)
        return bar.update

    try:
        return load_vault(root, progress=progress)
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
