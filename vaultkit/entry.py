"""The `vaultkit` command: start the warm stat early, then run the command line.

A warm `report` or `check` on a big vault is mostly one stat of every note
(index/stats.py). Importing the command line takes about 0.1 s before any of
it could start, so here, before anything else is imported, the vault is
guessed from the arguments as the command line will find it, and a child
starts stat-ing the notes the last run knew. If the guess or the list turns
out wrong, the index does not use it (stats.take_early): this only saves time.
"""
from __future__ import annotations

import os
import sys

from .vault_root import given_folder, marked_folder

_EARLY_COMMANDS = ("report", "check")


def _vault_argument(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--vault" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--vault="):
            return arg[len("--vault="):]
    return None


def guess_vault(args: list[str], environ=os.environ, cwd: str | None = None) -> str | None:
    """The folder discover.find_vault will pick, resolved (vault_root.py's rules); None when in doubt."""
    cwd = cwd or os.getcwd()
    given = given_folder(_vault_argument(args), environ)
    if given:
        path = os.path.realpath(os.path.join(cwd, os.path.expanduser(given[1])))
        return path if os.path.isdir(path) else None
    found, _ = marked_folder(cwd)
    return os.path.realpath(found) if found is not None else None


def start_early_stat(args: list[str], environ=os.environ) -> None:
    """For a `report` or `check` that reads the cache, start the stat of the notes it knew."""
    command = next((arg for arg in args if not arg.startswith("-")), None)
    if command not in _EARLY_COMMANDS or "--no-cache" in args or "--help" in args:
        return
    try:
        root = guess_vault(args, environ)
        if root is None:
            return
        from .index.cache_path import PATHS_SUFFIX, cache_file_name
        from .index.stats import start_early

        start_early(root, cache_file_name(root, environ) + PATHS_SUFFIX)
    except Exception:  # only ever a head start: the command then runs as it would have
        pass


def main() -> None:
    start_early_stat(sys.argv[1:])
    from .cli import main as cli_main

    cli_main()
