"""The daemon's state between refreshes: config, every parsed note, the paths of the vault.

No threads and no watchdog here: `refresh(batch, today)` re-reads only what the
batch names (checked by size, mtime, then hash), rebuilds the model, re-runs
the rules and writes the outputs whose bytes changed.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import NoteCache, fingerprint
from ..config import load_config
from ..discover import walk_notes
from ..load import cached_entries, save_update
from ..errors import ERROR, ConfigError, Problem
from ..model import Vault, assemble_vault
from ..report import Report, run_report
from ..store import NoteStore, Update
from .debounce import Batch


class VaultGone(Exception):
    """The vault's folder was deleted, moved away or replaced: nothing may be written at its path."""


def folder_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a folder, or None if nothing, or no folder, is at `path`."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISDIR(status.st_mode) else None


@dataclass
class Refresh:
    """What one refresh did, for its log line."""

    update: Update = field(default_factory=Update)
    report: Report | None = None
    vault: Vault | None = None
    problems: list[Problem] = field(default_factory=list)  # new problems in the notes just read
    seconds: float = 0.0
    note: str = ""  # why nothing was rewritten, or what else happened


class Session:
    def __init__(self, root: Path, use_cache: bool = True, warn: Callable[[str], None] = print):
        self.root = Path(root).resolve()
        self.identity = folder_identity(self.root)  # the folder watched, not whatever later stands at its path
        self.use_cache = use_cache
        self.warn = warn
        self.config = load_config(self.root)
        self.cache = NoteCache(self.config) if use_cache else None
        self.store = NoteStore(self.config)
        self.paths: set[str] = set()
        self.walk_problems: list[Problem] = []
        self.last_today: dt.date | None = None  # the day the outputs were last computed for

    def start(self, today: dt.date, progress=None) -> Refresh:
        """The first report: every note, from the cache where its file is unchanged."""
        if self.cache is not None:
            self.store = NoteStore(self.config, cached_entries(self.cache, self.warn))
        return self._refresh(today, lambda: self._rescan(None, progress))

    def vault_here(self) -> bool:
        return self.identity is not None and folder_identity(self.root) == self.identity

    def reopen(self, today: dt.date) -> Refresh:
        """The vault came back (or another folder stands at its path): read the settings and every note again."""
        self.identity = folder_identity(self.root)
        try:
            self.config = load_config(self.root)
        except ConfigError as exc:
            self.warn(f"{exc}; still using the settings it had before")
        self.cache = NoteCache(self.config) if self.use_cache else None
        self.store = NoteStore(self.config)
        self.last_today = None
        return self.start(today)

    def refresh(self, batch: Batch, today: dt.date, reconcile: bool = False) -> Refresh:
        """Bring outputs up to date with `batch`; `reconcile` walks and checks every note."""
        if batch.config:
            try:
                config = load_config(self.root)
            except ConfigError as exc:
                return Refresh(problems=[Problem(exc.path, exc.line, ERROR, exc.message)],
                               note="vaultkit.toml has an error; still using the settings it had before")
            keep = fingerprint(config) == fingerprint(self.config)
            self.config = config
            self.cache = NoteCache(config) if self.use_cache else None
            self.store = NoteStore(config, self.store.entries if keep else {})
            reconcile = True
        if reconcile:
            return self._refresh(today, lambda: self._rescan(None, None), force=batch.config)
        links = {rel for rel in batch.paths if os.path.islink(self.root / rel)}
        if batch.folders or links:  # the walk decides whether a symlink may be followed
            folders = batch.folders | {rel.rpartition("/")[0] for rel in links}
            return self._refresh(today, lambda: self._rescan(batch.paths | self._below(folders), None),
                                 force=bool(batch.templates or batch.outputs))
        return self._refresh(today, lambda: self._check(batch.paths), force=bool(batch.templates or batch.outputs))

    def _below(self, folders: set[str]) -> set[str]:
        prefixes = tuple(f.rstrip("/") + "/" for f in folders)
        return {p for p in self.paths if p.startswith(prefixes)}

    def _rescan(self, only: set[str] | None, progress) -> Update:
        paths, self.walk_problems = walk_notes(self.config)
        self.paths = set(paths)
        if only is not None:
            only = only | (self.paths - self.store.entries.keys())
        return self.store.update(paths, only=only, progress=progress)

    def _check(self, changed: set[str]) -> Update:
        for rel in changed:
            if (self.root / rel).is_file():
                self.paths.add(rel)
            else:
                self.paths.discard(rel)
        return self.store.update(self.paths, only=changed)

    def _refresh(self, today: dt.date, read: Callable[[], Update], force: bool = True) -> Refresh:
        start = time.perf_counter()
        walked_before = set(self.walk_problems)
        update = read()
        refresh = Refresh(update=update)
        news = [p for p in self.walk_problems if p not in walked_before]  # e.g. a symlink out of the vault
        force = force or bool(news) or len(self.walk_problems) != len(walked_before)
        if self.cache is not None:
            save_update(self.cache, self.store, update, self.warn)
        if not (force or update.changed or today != self.last_today):
            refresh.note = "no note's content changed"
            refresh.seconds = time.perf_counter() - start
            return refresh
        if not self.vault_here():  # a refresh must never make the vault's folder again
            raise VaultGone(str(self.root))
        self.last_today = None  # until the outputs are written: a refresh that fails leaves them stale
        vault = assemble_vault(self.store.classified(), self.config, [*self.config.warnings, *self.walk_problems],
                               len(self.store.entries))
        refresh.vault = vault
        refresh.report = run_report(vault, today)
        self.last_today = today
        parsed = set(update.parsed)
        refresh.problems = news + [p for p in (*vault.problems, *refresh.report.problems)
                                   if p.path in parsed or p.path.startswith(self.config.folders.templates)]
        refresh.seconds = time.perf_counter() - start
        return refresh

