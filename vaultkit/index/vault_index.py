"""One vault's index: the walk's paths and problems, the parsed notes, and the cache behind them.

`open_index` is how every reader starts (`load_vault`, and the first report of
`watch`): walk, check every note against what the cache knew, parse what
changed, save. The daemon then keeps the same index current with `rescan`
and `check`. Cache trouble is never an error: it goes to `warn`.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import Problem
from .discover import walk_notes
from .kind import Classifier
from .read import Entry
from .snapshot import MODEL, Snapshot, kind_of
from .stats import StatAhead, take_early
from .store import NoteStore, Update

if TYPE_CHECKING:
    from .note import Note

Progress = Callable[[int], Callable[[int], None] | None]
Warn = Callable[[str], None]


class VaultIndex:
    """After `open`, the index holds a snapshot of every note's signature (snapshot.py) and
    decodes parsed notes only when the model asks for them; the first call that needs every
    entry (the daemon's `rescan` and `check`) turns it into a NoteStore for good."""

    def __init__(self, config: Config, use_cache: bool = True, warn: Warn | None = None):
        self.use_cache = use_cache
        self.warn = warn
        self._paths: set[str] | list[str] = set()
        self.walk_problems: list[Problem] = []
        self._configure(config, {})

    def _configure(self, config: Config, entries: dict) -> None:
        self.config = config
        self.cache = None
        if self.use_cache:
            from .cache import NoteCache  # sqlite3 only for a run that uses it

            self.cache = NoteCache(config)
        self._store: NoteStore | None = NoteStore(config, entries)
        self._snapshot: Snapshot | None = None
        self._saved_snapshot: Snapshot | None = None  # the store's, as the cache has it (kept in step)
        self._notes: dict[str, Note] = {}  # the snapshot's parsed notes known so far
        self._loaded = MODEL  # _notes holds every note whose code is at least this (once _complete)
        self._complete = False

    @property
    def paths(self) -> set[str]:
        if not isinstance(self._paths, set):
            self._paths = set(self._paths)
        return self._paths

    @property
    def store(self) -> NoteStore:
        """Every entry, as a NoteStore (made from the snapshot the first time it is asked for)."""
        if self._store is None:
            snapshot, notes = self._snapshot, self._relevant_notes(least=1)
            if self._store is not None:  # the cache failed: every note was read again
                return self._store
            self._store = NoteStore(self.config, {rel: snapshot.entry(i, notes.get(rel))
                                                  for i, rel in enumerate(snapshot.paths)})
            self._snapshot, self._notes, self._saved_snapshot = None, {}, snapshot
        return self._store

    @property
    def note_count(self) -> int:
        return len(self._snapshot) if self._store is None else len(self._store.entries)

    @property
    def problems(self) -> list[Problem]:
        """The config's warnings and the walk's problems (the notes' own are in each note)."""
        return [*self.config.warnings, *self.walk_problems]

    def classified(self) -> list[tuple[Note, str | None]]:
        if self._store is not None:
            return self._store.classified()
        snapshot, notes = self._snapshot, self._relevant_notes()
        if self._store is not None:  # the cache failed: every note was read again
            return self._store.classified()
        return [(notes[snapshot.paths[i]], kind_of(snapshot.codes[i])) for i in snapshot.relevant()]

    def notes_digest(self) -> bytes:
        """A hash of everything the model reads from the notes (snapshot.notes_digest)."""
        return (self._snapshot or Snapshot.of(self.store.entries)).notes_digest()

    @property
    def classifier(self) -> Classifier:
        return self.store.classifier

    def open(self, progress: Progress | None = None) -> Update:
        """Every note, from the cache where its file is unchanged; the cache is brought up to date.

        Costs a walk, a stat of every note and one blob when nothing changed; only
        notes whose size, mtime, ctime or inode changed (or that changed too close to
        their last read to prove anything) are read.
        """
        started = self._cached_snapshot()
        known = started or Snapshot.empty()
        ahead = None
        if len(known):  # the stat the command line started before its imports, if it is for these paths
            root, cache = str(self.config.root), self.cache
            ahead = take_early(root, cache.paths_digest if cache else "", lambda: known.paths, len(known)) \
                or StatAhead(root, len(known), lambda: known.paths)
        try:  # a child stats what the snapshot knows while the walk runs
            paths, self.walk_problems = walk_notes(self.config)
            figures = ahead.result(paths, known.same_paths(paths)) if ahead else None
        finally:
            if ahead:
                ahead.close()
        self._paths = paths
        update = Update()
        read: dict[str, Entry] = {}
        if not len(known):  # nothing known: every note is read, and the snapshot made from what was read
            store = NoteStore(self.config)
            done = store.update(paths, progress=(lambda total: progress(total)) if progress else None)
            update.parsed, update.dropped, read = done.parsed, done.dropped, store.entries
            snapshot, changed = Snapshot.of(read), []
            self._paths = snapshot.paths
        else:
            snapshot, changed, update.dropped = known.compare(paths, *figures)
        if changed:
            olds = self._old_entries(snapshot, changed)
            tick = (lambda total: progress(total)) if progress else None  # `finished` is told once, below
            store = NoteStore(self.config, olds)
            done = store.update([snapshot.paths[j] for j in changed], progress=tick)
            update.parsed, update.confirmed = done.parsed, done.confirmed
            read = store.entries
            if done.dropped:  # gone since the walk
                update.dropped += done.dropped
                snapshot = snapshot.without(set(done.dropped))
                self._paths = snapshot.paths
            where = {rel: j for j, rel in enumerate(snapshot.paths)} if len(read) > 64 else None
            for rel, entry in read.items():
                snapshot.set(where[rel] if where is not None else _position(snapshot.paths, rel), entry)
        self._store, self._snapshot = None, snapshot
        self._notes = {rel: e.note for rel, e in read.items() if e.note is not None}
        self._loaded, self._complete = 1, started is None
        fresh = self.cache is not None and started is None
        if self.cache is not None and (read or update.dropped or fresh):
            from .cache import CacheWarning

            try:
                self.cache.save_snapshot(snapshot, read, update.dropped, fresh=fresh)
            except CacheWarning as exc:
                self._warn(exc)
        finished = getattr(progress, "finished", None)  # a progress that wants it is told what was read (-v)
        if finished is not None:
            finished(update)
        return update

    def _old_entries(self, snapshot: Snapshot, changed: list[int]) -> dict[str, Entry]:
        """What was known of each note about to be read again (none for a new one), with its parsed note."""
        olds = {snapshot.paths[j]: snapshot.entry(j) for j in changed if snapshot.checked[j]}
        wanted = {rel: snapshot.digest(j) for j in changed if snapshot.codes[j] and (rel := snapshot.paths[j]) in olds}
        if wanted:
            from .cache import CacheWarning

            try:
                notes = self.cache.load_notes(wanted)
            except CacheWarning as exc:  # their notes are lost: read them as new
                self._warn(exc)
                return {rel: e for rel, e in olds.items() if rel not in wanted}
            for rel, note in notes.items():
                olds[rel].note = note
        return olds

    def _relevant_notes(self, least: int = MODEL) -> dict[str, Note]:
        """The parsed notes the model reads (`least=1`: every one the snapshot has), loaded from the
        cache once; if the cache fails now, every note is read from its file (the index becomes a NoteStore)."""
        if not (self._complete and self._loaded <= least):
            snapshot = self._snapshot
            wanted = {rel: snapshot.digest(i) for i in snapshot.relevant(least)
                      if (rel := snapshot.paths[i]) not in self._notes}
            from .cache import CacheWarning

            try:
                self._notes.update(self.cache.load_notes(wanted))
            except CacheWarning as exc:
                self._warn(exc)
                self._store = NoteStore(self.config)
                self._snapshot, self._notes = None, {}
                self._saved(self._store.update(snapshot.paths), fresh=True)
                return {}
            self._loaded, self._complete = least, True
        return self._notes

    def reconfigure(self, config: Config) -> None:
        """New settings: the parsed notes stay if they decide nothing differently, else all are read again."""
        self._configure(config, self.store.entries if _fingerprint(config) == _fingerprint(self.config) else {})

    def rescan(self, only: Iterable[str] | None = None, progress: Progress | None = None,
               fresh: bool = False) -> Update:
        """Walk the vault; check `only` those paths (and new ones), or every note when None."""
        store = self.store
        paths, self.walk_problems = walk_notes(self.config)
        self._paths = set(paths)
        if only is not None:
            only = set(only) | (self._paths - store.entries.keys())
        return self._saved(store.update(paths, only=only, progress=progress), fresh)

    def check(self, changed: Iterable[str]) -> Update:
        """Check just `changed` (the daemon's events named them), without a walk."""
        changed = set(changed)
        root = self.config.root
        paths = self.paths
        for rel in changed:
            if (root / rel).is_file():
                paths.add(rel)
            else:
                paths.discard(rel)
        return self._saved(self.store.update(paths, only=changed))

    def _cached_snapshot(self) -> Snapshot | None:
        if self.cache is None:
            return None
        from .cache import CacheWarning

        try:
            return self.cache.load_snapshot()
        except CacheWarning as exc:
            self._warn(exc)
            return None

    def _saved(self, update: Update, fresh: bool = False) -> Update:
        """Write what `update` changed to the cache; trouble is a warning, never an error."""
        if self.cache is None or not (update.parsed or update.confirmed or update.dropped or fresh):
            return update
        from .cache import CacheWarning

        entries, read = self.store.entries, update.parsed + update.confirmed
        if self._saved_snapshot is None or fresh:
            self._saved_snapshot = Snapshot.of(entries)
        else:
            self._saved_snapshot.apply(entries, read, update.dropped)
        written = {rel: entries[rel] for rel in (entries.keys() if fresh else read) if rel in entries}
        try:
            self.cache.save_snapshot(self._saved_snapshot, written, update.dropped, fresh=fresh)
        except CacheWarning as exc:
            self._warn(exc)
        return update

    def _warn(self, exc: Exception) -> None:
        if self.warn:
            self.warn(str(exc))


def _position(paths: list[str], rel: str) -> int:
    i = bisect_left(paths, rel)
    if i == len(paths) or paths[i] != rel:
        raise KeyError(rel)
    return i


def _fingerprint(config: Config) -> str:
    from .cache import fingerprint

    return fingerprint(config)


def open_index(config: Config, use_cache: bool = False, progress: Progress | None = None,
               warn: Warn | None = None) -> VaultIndex:
    """The index of the vault `config` describes, read and checked: every note as it is now."""
    index = VaultIndex(config, use_cache, warn)
    index.open(progress)
    return index
