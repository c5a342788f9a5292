"""Parsed notes by path, each with the signature of the bytes it came from.

The store decides what must be read again, the way git's index does: a note
whose size, mtime_ns, ctime_ns and inode match what was recorded is trusted,
unless its mtime or ctime is not safely older than the moment its bytes were
read ("racily clean": an edit in the same clock tick could keep them all);
then, and whenever one differs, the bytes are read and their hash decides.
The mtime alone is only a hint: tools set it back (touch -r, cp -p, rsync -t,
tar), but none can set back the ctime, and a file renamed over the note has
another inode. Both the on-disk cache (cache.py) and the `watch` daemon keep
notes this way.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Config
from .kind import Classifier
from .read import Entry, check_note, gc_paused

if TYPE_CHECKING:
    from .note import Note

PARALLEL_MIN = 2000  # notes to read before a second process pays for its start-up


@dataclass
class Update:
    """What a store update did: paths parsed, paths whose bytes proved unchanged, paths dropped."""

    parsed: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.parsed or self.dropped)


class NoteStore:
    """Holds one Entry per note path; `update` brings it in line with the files."""

    def __init__(self, config: Config, entries: dict[str, Entry] | None = None, workers: int | None = None):
        self.config = config
        self.root = str(config.root)
        self.classifier = Classifier(config)
        self.entries: dict[str, Entry] = dict(entries or {})
        self.workers = workers  # None: as many as the CPUs allow, for big reads

    def notes(self) -> list[Note]:
        """Every note, in path order."""
        from .note import Note
        return [self.entries[rel].note or Note(rel) for rel in sorted(self.entries)]

    def classified(self) -> list[tuple[Note, str | None]]:
        """The notes the model needs (a kind, or problems), with their kinds, in path order."""
        return sorted(((e.note, e.kind) for e in self.entries.values() if e.note is not None),
                      key=lambda pair: pair[0].path)

    def update(self, paths: Iterable[str], only: Iterable[str] | None = None,
               progress: Callable[[int], Callable[[int], None] | None] | None = None) -> Update:
        """Make the store hold exactly `paths` (the walk's result).

        With `only`, just those paths are checked and the rest are taken as
        unchanged (the daemon knows from its events what changed).
        """
        wanted = paths if isinstance(paths, (set, frozenset)) else set(paths)
        update = Update()
        if only is not None:
            only = set(only)
            update.dropped = sorted(rel for rel in only if rel in self.entries and rel not in wanted)
        if only is None or len(self.entries) - len(update.dropped) > len(wanted):  # the caller missed some
            update.dropped = sorted(rel for rel in self.entries if rel not in wanted)
        for rel in update.dropped:
            del self.entries[rel]
        if only is None:
            suspects = sorted(wanted)
        else:
            suspects = only & wanted
            if len(self.entries) + len(suspects - self.entries.keys()) < len(wanted):  # new paths not in `only`
                suspects |= {rel for rel in wanted if rel not in self.entries}
            suspects = sorted(suspects)
        to_read = []
        for rel in suspects:
            entry = self.entries.get(rel)
            if entry is not None:
                try:
                    stat = os.stat(f"{self.root}/{rel}")
                except OSError:
                    stat = None
                if stat is not None and entry.trusted(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
                    continue
            to_read.append(rel)
        tick = progress(len(to_read)) if progress and to_read else None
        for rel, entry in self._read(to_read, tick):
            old = self.entries.get(rel)
            if entry is None:
                if old is not None:
                    del self.entries[rel]
                    update.dropped.append(rel)
                continue
            same = old is not None and old.digest == entry.digest and old.note is entry.note
            (update.confirmed if same else update.parsed).append(rel)
            self.entries[rel] = entry
        finished = getattr(progress, "finished", None)  # a progress that wants it is told what was read (-v)
        if finished is not None:
            finished(update)
        return update

    def _read(self, paths: list[str], tick: Callable[[int], None] | None):
        workers = self.workers if self.workers is not None else _cpu_count()
        if workers > 1 and len(paths) >= PARALLEL_MIN:
            from .parallel import check_in_parallel  # only big reads pay for process start-up

            yield from check_in_parallel(self.config, paths, self.entries, workers, tick)
            return
        with gc_paused():
            for rel in paths:
                yield rel, check_note(self.root, rel, self.classifier, self.entries.get(rel))
                if tick:
                    tick(1)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
