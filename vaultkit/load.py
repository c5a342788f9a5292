"""Files -> notes -> vault model: the read half of every command."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .config import Config, load_config
from .discover import walk_notes
from .model import Vault, assemble_vault
from .store import NoteStore

Progress = Callable[[int], Callable[[int], None] | None]


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

    from .cache import CacheWarning, NoteCache

    cache = NoteCache(config)
    try:
        entries = cache.load()
    except CacheWarning as exc:
        entries = {}
        if warn:
            warn(str(exc))
    store = NoteStore(config, entries)
    update = store.update(paths, progress=progress)
    if update.parsed or update.confirmed or update.dropped:
        try:
            cache.save(store.entries, update.parsed + update.confirmed, update.dropped, fresh=not entries)
        except CacheWarning as exc:
            if warn:
                warn(str(exc))
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
