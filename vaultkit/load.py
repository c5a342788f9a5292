"""Files -> notes -> vault model: the read half of every command."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .config import Config, load_config
from .discover import walk_notes
from .model import Vault, assemble_vault
from .store import NoteStore, Update

Progress = Callable[[int], Callable[[int], None] | None]


def cached_entries(cache, warn: Callable[[str], None] | None) -> dict:
    """What the cache holds for the vault; {} (and a warning) when it cannot be used."""
    from .cache import CacheWarning

    try:
        return cache.load()
    except CacheWarning as exc:
        if warn:
            warn(str(exc))
        return {}


def save_update(cache, store: NoteStore, update: Update, warn: Callable[[str], None] | None,
                fresh: bool = False) -> None:
    """Write what `update` changed in `store` to the cache; trouble is a warning, never an error."""
    from .cache import CacheWarning

    if not (update.parsed or update.confirmed or update.dropped or fresh):
        return
    try:
        cache.save(store.entries, update.parsed + update.confirmed, update.dropped, fresh=fresh)
    except CacheWarning as exc:
        if warn:
            warn(str(exc))


def load_store(config: Config, progress: Progress | None = None, use_cache: bool = False,
               warn: Callable[[str], None] | None = None) -> tuple[NoteStore, list]:
    """Every note of the vault, parsed (or taken from the cache when its file is unchanged).

    Returns the store and the problems met while walking. Cache trouble is
    never an error: it goes to `warn` and the notes are read from the files.
    """
    paths, walk_problems = walk_notes(config)
    if not use_cache:
        store = NoteStore(config)
        store.update(paths, progress=progress)
        return store, walk_problems

    from .cache import NoteCache

    cache = NoteCache(config)
    entries = cached_entries(cache, warn)
    store = NoteStore(config, entries)
    save_update(cache, store, store.update(paths, progress=progress), warn, fresh=not entries)
    return store, walk_problems


def load_vault(root: str | os.PathLike, config: Config | None = None, progress: Progress | None = None,
               use_cache: bool = False, warn: Callable[[str], None] | None = None) -> Vault:
    """Read the vault at `root` (its `vaultkit.toml` unless `config` is given).

    `progress(total)`, if given, may return a callback that is told of each
    note read. `use_cache` keeps parsed notes in the user's cache folder so
    the next read only parses notes that changed.
    """
    root = Path(root).resolve()
    config = config or load_config(root)
    store, walk_problems = load_store(config, progress, use_cache, warn)
    return assemble_vault(store.classified(), config, [*config.warnings, *walk_problems], len(store.entries))
