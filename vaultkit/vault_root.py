"""Which folder is the vault: `--vault`, else `$VAULTKIT_VAULT`, else the nearest folder up
holding vaultkit.toml or .obsidian/."""
from __future__ import annotations

import os
from collections.abc import Mapping

CONFIG_NAME = "vaultkit.toml"
ENV_VAR = "VAULTKIT_VAULT"


def given_folder(explicit: str | os.PathLike | None, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """(where it was given, the folder as given) for `--vault` or `$VAULTKIT_VAULT`; None when neither is."""
    for given, source in ((explicit, "--vault"), (environ.get(ENV_VAR) or None, ENV_VAR)):
        if given:
            return source, os.fspath(given)
    return None


def marked_folder(cwd: str) -> tuple[str | None, list[str]]:
    """The nearest folder at or above `cwd` with a vault's marker (None if none), and those searched."""
    searched, folder = [], cwd
    while True:
        if os.path.isfile(os.path.join(folder, CONFIG_NAME)) or os.path.isdir(os.path.join(folder, ".obsidian")):
            return folder, searched
        searched.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None, searched
        folder = parent
