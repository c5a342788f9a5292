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

from ..config import load_config
from ..errors import ERROR, ConfigError, Problem
from ..index import VaultIndex
from ..index.store import Update
from ..load import vault_of
from ..model import Vault
from ..reporting import ReportResult, report
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
    report: ReportResult | None = None
    vault: Vault | None = None
    problems: list[Problem] = field(default_factory=list)  # new problems in the notes just read
    seconds: float = 0.0
    note: str = ""  # why nothing was rewritten, or what else happened
    drafts: list[str] = field(default_factory=list)  # drafts you saved since the last report


def _stat(path: Path) -> tuple | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


class Session:
    def __init__(self, root: Path, use_cache: bool = True, warn: Callable[[str], None] = print):
        self.root = Path(root).resolve()
        self.identity = folder_identity(self.root)  # the folder watched, not whatever later stands at its path
        self.index = VaultIndex(load_config(self.root), use_cache, warn)
        self.warn = warn
        self.last_today: dt.date | None = None  # the day the outputs were last computed for
        self.drafts: dict[str, tuple] = {}  # each draft's file as the last report left it (draft_stats)

    @property
    def config(self):
        return self.index.config

    def start(self, today: dt.date, progress=None) -> Refresh:
        """The first report: every note, from the cache where its file is unchanged (as `load_vault` reads)."""
        return self._refresh(today, lambda: self.index.open(progress))

    def vault_here(self) -> bool:
        return self.identity is not None and folder_identity(self.root) == self.identity

    def reopen(self, today: dt.date) -> Refresh:
        """The vault came back (or another folder stands at its path): read the settings and every note again."""
        self.identity = folder_identity(self.root)
        config = self.config
        try:
            config = load_config(self.root)
        except ConfigError as exc:
            self.warn(f"{exc}; still using the settings it had before")
        self.index = VaultIndex(config, self.index.use_cache, self.warn)
        self.last_today = None
        return self.start(today)

    def refresh(self, batch: Batch, today: dt.date, reconcile: bool = False) -> Refresh:
        """Bring outputs up to date with `batch`; `reconcile` walks and checks every note."""
        index = self.index
        if batch.config:
            try:
                config = load_config(self.root)
            except ConfigError as exc:
                return Refresh(problems=[Problem(exc.path, exc.line, ERROR, exc.message)],
                               note="vaultkit.toml has an error; still using the settings it had before")
            index.reconfigure(config)
            reconcile = True
        if reconcile:
            return self._refresh(today, index.rescan, force=batch.config)
        links = {rel for rel in batch.paths if os.path.islink(self.root / rel)}
        force = bool(batch.templates or batch.outputs)  # a draft edited: `_refresh` sees it by itself
        if batch.folders or links:  # the walk decides whether a symlink may be followed
            folders = batch.folders | {rel.rpartition("/")[0] for rel in links}
            return self._refresh(today, lambda: index.rescan(batch.paths | self._below(folders)), force=force)
        return self._refresh(today, lambda: index.check(batch.paths), force=force)

    def _draft_stats(self, report: ReportResult) -> dict[str, tuple]:
        """(inode, size, mtime_ns) of each draft the dashboard links to, as written or kept."""
        prefix = f"{self.config.folders.output}/Drafts/"
        return {rel: _stat(self.root / rel) for rel, _ in report.results if rel.startswith(prefix)}

    def _edited_drafts(self) -> list[str]:
        """The drafts the dashboard links to whose file is not the one the last report saw (you
        saved it since): their email links must follow. vaultkit's own writes are the files it saw."""
        return sorted(rel for rel, seen in self.drafts.items() if _stat(self.root / rel) != seen)

    def _below(self, folders: set[str]) -> set[str]:
        prefixes = tuple(f.rstrip("/") + "/" for f in folders)
        return {p for p in self.index.paths if p.startswith(prefixes)}

    def _refresh(self, today: dt.date, read: Callable[[], Update], force: bool = True) -> Refresh:
        start = time.perf_counter()
        walked_before = set(self.index.walk_problems)
        update = read()
        refresh = Refresh(update=update)
        walked = self.index.walk_problems
        news = [p for p in walked if p not in walked_before]  # e.g. a symlink out of the vault
        refresh.drafts = self._edited_drafts()
        force = force or bool(news) or len(walked) != len(walked_before) or bool(refresh.drafts)
        if not (force or update.changed or today != self.last_today):
            refresh.note = "no note's content changed"
            refresh.seconds = time.perf_counter() - start
            return refresh
        if not self.vault_here():  # a refresh must never make the vault's folder again
            raise VaultGone(str(self.root))
        self.last_today = None  # until the outputs are written: a refresh that fails leaves them stale
        vault = vault_of(self.index)
        refresh.vault = vault
        refresh.report = report(vault, today)
        self.last_today = today
        self.drafts = self._draft_stats(refresh.report)
        parsed = set(update.parsed)
        refresh.problems = news + [p for p in (*vault.problems, *refresh.report.problems)
                                   if p.path in parsed or p.path.startswith(self.config.folders.templates)]
        refresh.seconds = time.perf_counter() - start
        return refresh
