"""Read and parse many notes on every core: a cold read of a big vault is CPU-bound.

Workers get the config once and return Entries in chunks, in path order; an
Entry whose bytes hash as before comes back without a note, and the caller
keeps the note it has.

Workers die with their parent, whatever ends it (SIGKILL included): on Linux
the kernel kills them (PR_SET_PDEATHSIG), elsewhere a thread in each worker
watches the parent's pid. A worker ignores Ctrl-C; the parent stops them.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..config import Config
from ..errors import Stopped, stop_on_signal
from .kind import Classifier
from .read import Entry, check_note, gc_paused

CHUNK = 500
FORK_IS_SAFE = sys.platform.startswith("linux")

PR_SET_PDEATHSIG = 1
WATCH_PARENT_SECONDS = 0.2

_worker: dict = {}


def _die_with(parent: int) -> None:
    """Make this worker end when `parent` does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            # it fires when the parent's *thread* that started us ends: the one reading the notes,
            # which the pool never outlives
            armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)
        if armed:
            return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    # an orphan gets a new parent pid on POSIX; on Windows it keeps the old one, so wait on the
    # parent's handle too
    process = multiprocessing.parent_process()
    while os.getppid() == parent and (process is None or process.is_alive()):
        if process is None:
            time.sleep(WATCH_PARENT_SECONDS)
        else:
            process.join(WATCH_PARENT_SECONDS)
    os._exit(1)


def _start(config: Config, parent: int) -> None:
    _die_with(parent)
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
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_start, initargs=(config, os.getpid()))
    interrupted: list[BaseException] = []
    restore = _stop_workers_on_signals(pool, interrupted)
    try:
        try:
            for chunk in pool.map(_check_chunk, chunks):
                if interrupted:
                    break
                for rel, entry in chunk:
                    old = entries.get(rel)
                    if entry is not None and old is not None and entry.digest == old.digest:
                        entry.kind, entry.note = old.kind, old.note
                    yield rel, entry
                if tick:
                    tick(len(chunk))
        except BrokenProcessPool:
            if not interrupted:
                raise
        if interrupted:
            raise interrupted[0]
    except BaseException:  # Ctrl-C, an error, or the caller stopped early: no chunk is worth waiting for
        _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        restore()
    pool.shutdown(wait=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):  # already gone, or already closed
            pass


def _stop_workers_on_signals(pool: ProcessPoolExecutor, interrupted: list[BaseException]) -> Callable[[], None]:
    """While the pool runs, a signal that ends the process kills its workers first.

    Ctrl-C, and SIGTERM or SIGHUP where the command line made them end a command as
    Ctrl-C does (errors.stop_on_signal), are noted in `interrupted` and raised once
    the read stops, where nothing is half done; a SIGTERM or SIGHUP left at its default
    then ends the process as it would have. Only signals left at Python's defaults or
    vaultkit's, and only on the main thread, where Python runs handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    defaults = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}
    if hasattr(signal, "SIGHUP"):
        defaults[signal.SIGHUP] = signal.SIG_DFL
    replaced = {signum: current for signum, default in defaults.items()
                if (current := signal.getsignal(signum)) in (default, stop_on_signal)}

    def stop(signum, frame) -> None:
        _kill_workers(pool)
        if signum == signal.SIGINT:
            interrupted.append(KeyboardInterrupt())
        elif replaced[signum] is stop_on_signal:
            interrupted.append(Stopped(signum))
        else:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    for signum in replaced:
        signal.signal(signum, stop)

    def restore() -> None:
        for signum, default in replaced.items():
            signal.signal(signum, default)

    return restore
