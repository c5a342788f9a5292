"""Read and parse many notes on every core: a cold read of a big vault is CPU-bound.

Workers get the config once and return Entries in chunks, in path order; an
Entry whose bytes hash as before comes back without a note, and the caller
keeps the note it has.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .config import Config
from .model import Classifier
from .store import Entry, check_note, gc_paused

CHUNK = 500
FORK_IS_SAFE = sys.platform.startswith("linux")

_worker: dict = {}


def _start(config: Config) -> None:
    _worker["root"] = str(config.root)
    _worker["classifier"] = Classifier(config)


def _check_chunk(jobs: list[tuple[str, bytes | None]]) -> list[tuple[str, Entry | None]]:
    root, classifier = _worker["root"], _worker["classifier"]
    out = []
    with gc_paused():
        for rel, old_digest in jobs:
            entry = check_note(root, rel, classifier, None)
            if entry is not None and old_digest is not None and entry.digest == old_digest:
                entry.kind = entry.note = None  # same bytes: the caller's entry stands
            out.append((rel, entry))
    return out


def _context():
    # fork starts fastest, but forking a process that runs threads (the watch daemon) can deadlock,
    # and on macOS the system libraries make fork unsafe at any time
    if FORK_IS_SAFE and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def check_in_parallel(config: Config, paths: list[str], entries: dict[str, Entry], workers: int,
                      tick: Callable[[int], None] | None) -> Iterator[tuple[str, Entry | None]]:
    jobs = [(rel, entries[rel].digest if rel in entries else None) for rel in paths]
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                             initializer=_start, initargs=(config,)) as pool:
        for chunk in pool.map(_check_chunk, chunks):
            for rel, entry in chunk:
                old = entries.get(rel)
                if entry is not None and old is not None and entry.digest == old.digest:
                    entry.kind, entry.note = old.kind, old.note
                yield rel, entry
            if tick:
                tick(len(chunk))
