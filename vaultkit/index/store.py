"""Reading the notes that must be read: one after the other, or on every core for a big read.

What must be read again is decided by the index (vault_index.py) the way git's
index does: a note whose size, mtime_ns, ctime_ns and inode match what was
recorded is trusted, unless its mtime or ctime is not safely older than the
moment its bytes were read ("racily clean": an edit in the same clock tick
could keep them all); then, and whenever one differs, the bytes are read and
their hash decides. The mtime alone is only a hint: tools set it back (touch
-r, cp -p, rsync -t, tar), but none can set back the ctime, and a file renamed
over the note has another inode.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..config import Config
from .kind import Classifier
from .read import Entry, check_note, gc_paused

PARALLEL_MIN = 2000  # notes to read before a second process pays for its start-up


@dataclass
class Update:
    """What a read did: paths parsed, paths whose bytes proved unchanged, paths dropped."""

    parsed: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.parsed or self.dropped)


def read_notes(config: Config, classifier: Classifier, paths: list[str], olds: dict[str, Entry],
               tick: Callable[[int], None] | None = None, workers: int | None = None
               ) -> Iterator[tuple[str, Entry | None]]:
    """(path, Entry) for each of `paths`, read from its file (None: gone); a note whose bytes hash as
    its old entry's (`olds`) keeps that entry's parsed note. `workers`: processes (default: one per CPU)."""
    workers = workers if workers is not None else cpu_count()
    if workers > 1 and len(paths) >= PARALLEL_MIN:
        from .parallel import check_in_parallel  # only big reads pay for process start-up

        yield from check_in_parallel(config, paths, olds, workers, tick)
        return
    root = str(config.root)
    with gc_paused():
        for rel in paths:
            yield rel, check_note(root, rel, classifier, olds.get(rel))
            if tick:
                tick(1)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
