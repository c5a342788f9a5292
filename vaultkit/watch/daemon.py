"""`vaultkit watch`: watchdog threads feed a debouncer; one worker thread refreshes.

The watchdog handler only sorts paths into the pending batch and wakes the
worker (an exception in a handler would kill watchdog's dispatch thread). The
worker waits for a quiet window, then refreshes in a try/except: a bad note, a
broken template or a missing folder is logged and the daemon goes on. It also
wakes to notice a new day and, every few minutes, to reconcile with the files
in case the operating system dropped events.
"""
from __future__ import annotations

import datetime as dt
import errno
import gc
import os
import threading
import time
from collections.abc import Callable

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from ..errors import VaultkitError
from .debounce import Batch, Debouncer
from .events import EventSorter
from .lines import describe
from .session import Refresh, Session

RECONCILE_SECONDS = 600.0  # a full check against the files, in case events were lost
DAY_CHECK_SECONDS = 30.0
POLL_SECONDS = 1.0

INOTIFY_HELP = (
    "the system's limit on inotify watches is reached ({}). Raise it, e.g. "
    "`sudo sysctl fs.inotify.max_user_watches=524288` (add it to /etc/sysctl.conf to keep it), "
    "or start with --poll. Falling back to polling for now."
)


class _Handler(FileSystemEventHandler):
    def __init__(self, daemon: Daemon):
        self.daemon = daemon

    def on_any_event(self, event) -> None:
        try:
            self.daemon.record(event.event_type, event.src_path, getattr(event, "dest_path", None) or None,
                               event.is_directory)
        except Exception as exc:  # never let an exception kill watchdog's dispatch thread
            self.daemon.log(f"could not handle a file event: {type(exc).__name__}: {exc}")


class Daemon:
    def __init__(self, session: Session, log: Callable[[str], None], today: dt.date | None = None,
                 poll: bool = False, quiet: float = 0.3, max_wait: float | None = None,
                 clock: Callable[[], float] = time.monotonic, on_refresh: Callable[[Refresh], None] | None = None,
                 local_date: Callable[[], dt.date] = dt.date.today):
        self.session = session
        self.log = log
        self.fixed_today = today
        self.poll = poll
        self.clock = clock
        self.debouncer = Debouncer(quiet, max_wait)
        self.sorter = EventSorter(session.config)
        self.on_refresh = on_refresh
        self.condition = threading.Condition()
        self.stopping = False
        self.new_folders: set[str] = set()
        self.observer = None
        self.watches: dict[str, object] = {}
        self.worker: threading.Thread | None = None
        self.refreshes = 0
        self.busy = False  # a refresh is running (tests wait for it to end)
        self.local_date = local_date
        self.today = today or local_date()

    # -- called from watchdog's thread -------------------------------------------------------
    def record(self, kind: str, src, dest, is_dir: bool) -> None:
        batch = self.sorter.sort(kind, src, dest, is_dir)
        top = [rel for rel in batch.folders if "/" not in rel]
        with self.condition:
            if top and kind in ("created", "moved"):
                self.new_folders.update(top)
            self.debouncer.add(batch, self.clock())
            self.condition.notify()

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, progress=None) -> None:
        """Report, then watch, then check every note once more for a change made during the report.

        The first report runs here, before any thread exists, so a big cold read
        may fork worker processes safely.
        """
        self._guarded(lambda: self.session.start(self._today(), progress), "first report")
        self.observer = self._observe(self.poll)
        self.worker = threading.Thread(target=self._run, name="vaultkit-refresh", daemon=True)
        self.worker.start()

    def stop(self) -> None:
        with self.condition:
            self.stopping = True
            self.condition.notify()
        if self.observer is not None and self.observer.is_alive():
            self.observer.stop()
            self.observer.join(timeout=5)
        if self.worker is not None and self.worker is not threading.current_thread():
            self.worker.join(timeout=30)

    def _observe(self, poll: bool):
        observer = PollingObserver(timeout=POLL_SECONDS) if poll else Observer()
        self.watches = {}
        try:
            for rel in self._folders():
                self._schedule(observer, rel)
            observer.start()
            return observer
        except OSError as exc:
            if poll or exc.errno not in (errno.ENOSPC, errno.EMFILE):
                raise
            try:
                observer.stop()
            except Exception:
                pass
            self.log(INOTIFY_HELP.format(exc.strerror or exc))
            self.poll = True
            return self._observe(True)

    def _folders(self) -> list[str]:
        """The root (alone) and each top-level folder (with everything below): .git and .obsidian stay unwatched."""
        names = []
        try:
            with os.scandir(self.session.root) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                        names.append(entry.name)
        except OSError:
            pass
        return ["", *sorted(names)]

    def _schedule(self, observer, rel: str) -> None:
        path = os.path.join(self.session.root, rel) if rel else str(self.session.root)
        old = self.watches.pop(rel, None)
        if old is not None:
            try:
                observer.unschedule(old)  # a folder deleted and made again needs a new watch
            except (KeyError, OSError):
                pass
        self.watches[rel] = observer.schedule(_Handler(self), path, recursive=bool(rel))

    # -- the worker thread ---------------------------------------------------------------------
    def _run(self) -> None:
        last_reconcile = -RECONCILE_SECONDS  # catch up at once on changes made during the first report
        while True:
            with self.condition:
                batch, reconcile = self._wait(last_reconcile)
                if self.stopping:
                    return
                folders, self.new_folders = self.new_folders, set()
            for rel in sorted(folders):
                self._guarded_watch(rel)
            if reconcile:
                last_reconcile = self.clock()
            self.busy = True
            try:
                self._guarded(lambda: self.session.refresh(batch, self._today(), reconcile=reconcile), "refresh",
                              batch)
                if self.sorter.config is not self.session.config:  # vaultkit.toml changed what is a note
                    with self.condition:
                        self.sorter = EventSorter(self.session.config)
            finally:
                self.busy = False

    def _wait(self, last_reconcile: float) -> tuple[Batch, bool]:
        """Under the lock: sleep until a burst has settled, the day turns or a reconcile is due."""
        while not self.stopping:
            now = self.clock()
            if self.debouncer.ready(now):
                return self.debouncer.take(), False
            new_day = self.fixed_today is None and self.local_date() != self.today
            if new_day or now - last_reconcile >= RECONCILE_SECONDS:
                return self.debouncer.take(), True
            wait = self.debouncer.wait_time(now)
            self.condition.wait(min(DAY_CHECK_SECONDS, wait if wait is not None else DAY_CHECK_SECONDS))
        return Batch(), False

    def _today(self) -> dt.date:
        today = self.fixed_today or self.local_date()
        if today != self.today:
            self.log(f"It is {today.isoformat()} now: computing for the new day.")
            self.today = today
        return today

    def _guarded_watch(self, rel: str) -> None:
        try:
            if os.path.isdir(os.path.join(self.session.root, rel)):
                self._schedule(self.observer, rel)
        except OSError as exc:
            self.log(f"cannot watch the new folder {rel}/: {exc.strerror or exc}; a reconcile will catch its "
                     "changes")

    def _guarded(self, work: Callable[[], Refresh], what: str, batch: Batch | None = None) -> None:
        try:
            refresh = work()
            quiet = batch is not None and not batch and refresh.report is None and not refresh.problems
            if not quiet:  # a reconcile that found nothing new is not worth a line
                self.refreshes += 1
                if self.on_refresh is not None:
                    self.on_refresh(refresh)
                for line in describe(refresh, batch, first=batch is None):
                    self.log(line)
        except VaultkitError as exc:
            self.log(f"{what} failed: {exc}; waiting for the next change")
            return
        except Exception as exc:  # a bug must not end the daemon; say what happened
            self.log(f"{what} failed: internal error: {type(exc).__name__}: {exc}; waiting for the next change")
            return
        # While idle: collect this refresh's garbage, then exempt what lives on (100,000 notes) from
        # later collections, which would otherwise walk them all in the middle of a refresh.
        gc.collect()
        gc.freeze()
