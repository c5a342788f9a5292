"""One vault's index: every note's signature, the parsed notes the model reads, and the cache behind them.

`open_index` is how every reader starts (`load_vault`, `check`, `report`, and
the first report of `watch`): walk, stat every note, compare with what the
cache knew (snapshot.py), read what changed (on every core when it is a lot:
parallel.py), save. The daemon then keeps the same index current with
`rescan` and `check`. Cache trouble is never an error: it goes to `warn`, and
the notes are read from their files.
"""
from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import Problem
from .discover import walk_notes
from .kind import Classifier
from .read import Entry, racy
from .snapshot import Snapshot, kind_of
from .stats import GONE, StatAhead
from .store import Update, read_notes

if TYPE_CHECKING:
    from .note import Note

Progress = Callable[[int], Callable[[int], None] | None]
Warn = Callable[[str], None]
Prepare = Callable[["VaultIndex"], None]


class VaultIndex:
    """Every note's signature as a Snapshot, in path order; the parsed notes of those the model
    reads, loaded from the cache when first asked for (a warm run that changes nothing needs none)."""

    def __init__(self, config: Config, use_cache: bool = True, warn: Warn | None = None):
        self.use_cache = use_cache
        self.warn = warn
        self.walk_problems: list[Problem] = []
        self.workers: int | None = None  # processes for a big read (None: one per CPU)
        self._configure(config, Snapshot.empty(), {}, saved=False)

    def _configure(self, config: Config, snapshot: Snapshot, notes: dict[str, Note], saved: bool) -> None:
        self.config = config
        self.classifier = Classifier(config)
        self.cache = None
        if self.use_cache:
            from .cache import NoteCache  # sqlite3 only for a run that uses it

            self.cache = NoteCache(config)
        self.snapshot = snapshot
        self._notes = notes  # path -> parsed note: each read in this process, and each loaded from the cache
        self.derived: dict[str, tuple] = {}  # path -> what a later stage worked out from it (model/known_facts.py)
        self._saved = saved  # the cache holds this snapshot, or one it was brought up to date from
        self._saving = True  # until a save fails

    @property
    def paths(self) -> list[str]:
        return self.snapshot.paths

    @property
    def note_count(self) -> int:
        return len(self.snapshot)

    @property
    def problems(self) -> list[Problem]:
        """The config's warnings and the walk's problems (the notes' own are in each note)."""
        return [*self.config.warnings, *self.walk_problems]

    def classified(self) -> list[tuple[Note, str | None]]:
        """The notes the model reads (a kind, or an error), each with its kind, in path order."""
        snapshot = self.snapshot
        relevant = snapshot.relevant()
        missing = {snapshot.paths[i]: snapshot.digest(i) for i in relevant if snapshot.paths[i] not in self._notes}
        if missing and not self._load(missing):
            return self.classified()  # every note was read again from its file
        return [(self._notes[snapshot.paths[i]], kind_of(snapshot.codes[i])) for i in relevant]

    def model_notes(self) -> list[tuple[str, bytes, str | None]]:
        """(path, hash of its bytes, kind or None for an error) of each note the model reads, in path order."""
        snapshot = self.snapshot
        return [(snapshot.paths[i], snapshot.digest(i), kind_of(snapshot.codes[i])) for i in snapshot.relevant()]

    def notes_of(self, wanted: dict[str, bytes]) -> dict[str, Note] | None:
        """The parsed notes of `wanted` (path -> hash of their bytes, as model_notes gave them), loaded from
        the cache where this process has not read them; None when the cache failed and every note was
        read again from its file (ask model_notes again)."""
        missing = {rel: digest for rel, digest in wanted.items() if rel not in self._notes}
        if missing and not self._load(missing):
            return None
        return {rel: self._notes[rel] for rel in wanted}

    def kept_facts(self, version: str, wanted: dict[str, bytes]) -> dict[str, bytes]:
        """The encoded facts the cache keeps of `version` for each of `wanted` (path -> hash of its bytes)
        made from those very bytes (model/known_facts.py); cache trouble is a warning and no facts."""
        if self.cache is None or not wanted:
            return {}
        from .cache import CacheWarning  # here: sqlite3 only for a run that uses the cache

        try:
            return self.cache.load_facts(version, wanted)
        except CacheWarning as exc:
            self._warn(exc)
            return {}

    @property
    def keeps_facts(self) -> bool:
        return self.cache is not None and self._saving

    def keep_facts(self, version: str, rows: dict[str, tuple[bytes, bytes]]) -> None:
        """Keep each path's encoded facts (path -> (hash of the note's bytes, facts)) for the next run."""
        if not rows or not self.keeps_facts:
            return
        from .cache import CacheWarning  # here: as above

        try:
            self.cache.save_facts(version, rows)
        except CacheWarning as exc:
            self._warn(exc)

    def notes_digest(self) -> bytes:
        """A hash of everything the model reads from the notes (snapshot.notes_digest)."""
        return self.snapshot.notes_digest()

    def open(self, progress: Progress | None = None, prepare: Prepare | None = None) -> Update:
        """Every note, from the cache where its file is unchanged; the cache is brought up to date.

        Costs a walk, a stat of every note and one blob when nothing changed; only notes whose
        size, mtime, ctime or inode changed (or that changed too close to their last read to
        prove anything) are read. `prepare(index)`: the caller's next work on the model (imports,
        kept facts), done while a second process stats the notes, when a note the model reads
        has changed; it must not rely on being called.
        """
        known = self._cached_snapshot()
        if known is not None:
            self.snapshot, self._notes, self._saved = known, {}, True
        return self.rescan(progress=progress, prepare=prepare)

    def rescan(self, only: Iterable[str] | None = None, progress: Progress | None = None,
               prepare: Prepare | None = None) -> Update:
        """Walk the vault; check `only` those paths (and new ones), or every note when None."""
        snapshot = self.snapshot
        if only is not None:
            paths, self.walk_problems = walk_notes(self.config)
            wanted, known = set(paths), set(snapshot.paths)
            return self._check_some(sorted(set(only) & wanted & known), sorted(wanted - known), sorted(known - wanted))
        if len(snapshot):  # a child stats the notes the snapshot knows while the walk runs (stats.py)
            ahead = StatAhead(str(self.config.root), len(snapshot), lambda: snapshot.paths)
            try:
                paths, self.walk_problems = walk_notes(self.config)
                if prepare is not None and ahead.pid is not None and self._model_notes_changed():
                    prepare(self)  # this process's turn, while the child stats on: it stats less
                figures = ahead.result(paths, snapshot.same_paths(paths))
            finally:
                ahead.close()
            snapshot, changed, dropped = snapshot.compare(paths, *figures)
            to_read = [snapshot.paths[j] for j in changed]
        else:  # nothing known: every note is read, and the snapshot made from what was read
            paths, self.walk_problems = walk_notes(self.config)
            to_read, dropped = paths, []
        update = self._read(snapshot, to_read, dropped, progress)
        finished = getattr(progress, "finished", None)  # a progress that wants it is told what was read (-v)
        if finished is not None:
            finished(update)
        return update

    def _model_notes_changed(self) -> bool:
        """Whether the size, mtime, ctime or inode of a note the model reads is not what the snapshot
        knows (6,000 stats of 100,000 on the mixed bench vault: the model will be built again)."""
        snapshot, root = self.snapshot, str(self.config.root)
        for i in snapshot.relevant():
            try:
                status = os.stat(f"{root}/{snapshot.paths[i]}")
            except OSError:
                return True
            if (status.st_size != snapshot.sizes[i] or status.st_mtime_ns != snapshot.mtimes[i]
                    or status.st_ctime_ns != snapshot.ctimes[i] or status.st_ino != snapshot.inodes[i]):
                return True
        return False

    def check(self, changed: Iterable[str]) -> Update:
        """Check just `changed` (the daemon's events named them), without a walk."""
        root, paths = self.config.root, self.snapshot.paths
        suspects, new, dropped = [], [], []
        for rel in sorted(set(changed)):
            i = bisect_left(paths, rel)
            known = i < len(paths) and paths[i] == rel
            if (root / rel).is_file():
                (suspects if known else new).append(rel)
            elif known:
                dropped.append(rel)
        return self._check_some(suspects, new, dropped)

    def reconfigure(self, config: Config) -> None:
        """New settings: the parsed notes stay if they decide nothing differently, else all are read again."""
        if _fingerprint(config) == _fingerprint(self.config):
            self._configure(config, self.snapshot, self._notes, self._saved)
        else:
            self._configure(config, Snapshot.empty(), {}, saved=False)

    def _check_some(self, suspects: list[str], new: list[str], dropped: list[str]) -> Update:
        """Stat `suspects` (known notes) and read those that changed, read the `new` ones, forget `dropped`."""
        snapshot, root = self.snapshot, str(self.config.root)
        to_read = list(new)
        for rel in suspects:
            i = bisect_left(snapshot.paths, rel)
            try:
                status = os.stat(f"{root}/{rel}")
                figures = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
            except OSError:
                figures = GONE
            if figures != tuple(column[i] for column in snapshot.columns()) or \
                    racy(snapshot.mtimes[i], snapshot.ctimes[i], snapshot.checked[i]):
                to_read.append(rel)
        return self._read(snapshot, sorted(to_read), dropped)

    def _read(self, snapshot: Snapshot, to_read: list[str], dropped: list[str],
              progress: Progress | None = None) -> Update:
        """Read `to_read`, and make `snapshot` (the walk's paths, with what was known of each) the index's,
        without `dropped` (gone since the last read) and what turned out gone; then save what changed."""
        update = Update(dropped=list(dropped))
        olds = self._old_entries(to_read)
        tick = progress(len(to_read)) if progress and to_read else None
        read: dict[str, Entry] = {}
        gone: list[str] = []
        for rel, entry in read_notes(self.config, self.classifier, to_read, olds, tick, self.workers):
            if entry is None:
                gone.append(rel)
                continue
            old = olds.get(rel)
            same = old is not None and old.digest == entry.digest and old.note is entry.note
            (update.confirmed if same else update.parsed).append(rel)
            read[rel] = entry
        update.dropped += gone
        if not len(snapshot) and read:  # nothing known: the snapshot is made from what was read
            snapshot = Snapshot.of(read)
        elif snapshot is self.snapshot:  # a few notes changed, came or went (the daemon): edited in place
            snapshot.apply(read, list(read), [*dropped, *gone])
        else:  # the walk's snapshot (compare): each note read takes its place in it
            where = {rel: j for j, rel in enumerate(snapshot.paths)} if len(read) > 64 else None
            for rel, entry in read.items():
                snapshot.set(where[rel] if where is not None else bisect_left(snapshot.paths, rel), entry)
            if gone:
                snapshot = snapshot.without(set(gone))
        for rel in update.dropped:
            self._notes.pop(rel, None)
            self.derived.pop(rel, None)
        for rel, entry in read.items():
            if entry.note is not None:
                self._notes[rel] = entry.note
            else:
                self._notes.pop(rel, None)
        self.snapshot = snapshot
        if self.cache is not None and self._saving and (read or update.dropped or not self._saved):
            from .cache import CacheWarning  # here: sqlite3 only for a run that uses the cache

            try:
                self.cache.save_snapshot(snapshot, read, update.dropped, fresh=not self._saved)
                self._saved = True
            except CacheWarning as exc:  # the cache keeps what it had, which a later save must not build on
                self._warn(exc)
                self._saving = False
        return update

    def _old_entries(self, paths: list[str]) -> dict[str, Entry]:
        """What was known of each note about to be read again (none for a new one), with its parsed note."""
        snapshot, olds, wanted = self.snapshot, {}, {}
        for rel in paths if len(snapshot) else ():
            i = bisect_left(snapshot.paths, rel)
            if i < len(snapshot) and snapshot.paths[i] == rel and snapshot.checked[i]:
                olds[rel] = snapshot.entry(i, self._notes.get(rel))
                if olds[rel].note is None and snapshot.codes[i]:
                    wanted[rel] = olds[rel].digest
        if wanted:
            from .cache import CacheWarning  # here: sqlite3 only for a run that uses the cache

            try:
                notes = self.cache.load_notes(wanted)
            except CacheWarning as exc:  # their notes are lost: read them as new
                self._warn(exc)
                return {rel: e for rel, e in olds.items() if rel not in wanted}
            for rel, note in notes.items():
                olds[rel].note = note
        return olds

    def _load(self, wanted: dict[str, bytes]) -> bool:
        """Load the parsed notes of `wanted` (path -> hash of their bytes) from the cache; if it fails,
        read every note from its file (False)."""
        from .cache import CacheWarning  # here: sqlite3 only for a run that uses the cache

        try:
            self._notes.update(self.cache.load_notes(wanted))
            return True
        except CacheWarning as exc:
            self._warn(exc)
        paths = self.snapshot.paths
        self._configure(self.config, Snapshot.empty(), {}, saved=False)
        self._read(Snapshot.empty(), paths, [])
        return False

    def _cached_snapshot(self) -> Snapshot | None:
        if self.cache is None:
            return None
        from .cache import CacheWarning  # here: sqlite3 only for a run that uses the cache

        try:
            return self.cache.load_snapshot()
        except CacheWarning as exc:
            self._warn(exc)
            return None

    def _warn(self, exc: Exception) -> None:
        if self.warn:
            self.warn(str(exc))


def _fingerprint(config: Config) -> str:
    from .cache import fingerprint  # here: as above

    return fingerprint(config)


def open_index(config: Config, use_cache: bool = False, progress: Progress | None = None,
               warn: Warn | None = None, prepare: Prepare | None = None) -> VaultIndex:
    """The index of the vault `config` describes, read and checked: every note as it is now
    (`prepare`: VaultIndex.open's)."""
    index = VaultIndex(config, use_cache, warn)
    index.open(progress, prepare)
    return index
