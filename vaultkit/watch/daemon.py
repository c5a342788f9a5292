"""`vaultkit watch`: watchdog threads feed a debouncer; one worker thread refreshes.

The watchdog handler only sorts paths into the pending batch and wakes the
worker (an exception in a handler would kill watchdog's dispatch thread). The
worker waits for a quiet window, then refreshes in a try/except: a bad note, a
broken template or a missing folder is logged and the daemon goes on. It also
wakes to notice a new day and, every few minutes, to reconcile with the files
in case the operating system dropped events. If the vault's folder itself goes
(deleted, moved away, replaced), nothing is written at its path: the worker
stops the observer, looks for the path every VAULT_POLL_SECONDS, and when a
folder is there again watches it and reads everything again.
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
from .debounce import GONE_MAX_WAIT, Batch, Debouncer
from .events import EventSorter
from .lines import describe
from .session import Refresh, Session, VaultGone, folder_identity

RECONCILE_SECONDS = 600.0  # a full check against the files, in case events were lost
DAY_CHECK_SECONDS = 30.0
POLL_SECONDS = 1.0
GONE_QUIET_SECONDS = 0.5  # deletions only (perhaps `rm -rf` of the vault): wait until they pause this long
VAULT_POLL_SECONDS = 0.5  # while the vault is gone: how often to look for it (a stat)
VAULT_CHECK_SECONDS = 2.0  # while idle: a vault moved away or replaced gives no event, so look (a stat)

INOTIFY_HELP = (
    "the system's limit on inotify watches is reached ({}). Raise it, e.g. "
    "`sudo sysctl fs.inotify.max_user_watches=524288` (add it to /etc/sysctl.conf to keep it), "
    "or start with --poll. Falling back to polling for now."
)


def _gone_quiet(poll: bool) -> float:
    """How long deletions must pause before a refresh: a poller sees a deletion only at its next look."""
    return GONE_QUIET_SECONDS + (POLL_SECONDS if poll else 0.0)


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
                 local_date: Callable[[], dt.date] = dt.date.today, verbosity: int = 0):
        self.session = session
        self.verbosity = verbosity  # -1 quiet, 0, 1 verbose: what describe() prints
        self.counts: dict | None = None  # per group after the last refresh, so a line can say what moved
        self.log = log
        self.fixed_today = today
        self.poll = poll
        self.clock = clock
        self.debouncer = Debouncer(quiet, max_wait, gone_quiet=_gone_quiet(poll))
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
        self.busy = True  # until the check after the first report is done
        self.worker = threading.Thread(target=self._run, name="vaultkit-refresh", daemon=True)
        self.worker.start()

    def stop(self) -> None:
        with self.condition:
            self.stopping = True
            self.condition.notify()
        self._stop_observer()
        if self.worker is not None and self.worker is not threading.current_thread():
            self.worker.join(timeout=30)
        self._stop_observer()  # one the worker may have started for a vault that came back meanwhile

    def _stop_observer(self) -> None:
        observer = self.observer
        if observer is not None and observer.is_alive():
            observer.stop()
            observer.join(timeout=5)

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
            self.debouncer.gone_quiet = max(self.debouncer.gone_quiet, _gone_quiet(True))
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
            if not self.session.vault_here():
                self._wait_for_vault()
                last_reconcile = self.clock()
                continue
            for rel in sorted(folders):
                self._guarded_watch(rel)
            if reconcile:
                last_reconcile = self.clock()
            self.busy = True
            try:
                self._guarded(lambda: self.session.refresh(batch, self._today(), reconcile=reconcile), "refresh",
                              batch)
                self._follow_config()
            finally:
                self.busy = False

    def _follow_config(self) -> None:
        if self.sorter.config is not self.session.config:  # vaultkit.toml changed what is a note
            with self.condition:
                self.sorter = EventSorter(self.session.config)

    def _wait_for_vault(self) -> None:
        """The vault's folder is gone: write nothing, watch nothing, until a folder stands at its path again.

        inotify's watches died with the old folder, so a new observer watches the
        new one; once copying into it has paused, everything is read again, as at
        the start (writing earlier would race a `cp -r` or `git clone` restoring it).
        """
        root = self.session.root
        if folder_identity(root) is None:
            self.log(f"vault {root} is gone; waiting for it to come back")
            back = f"vault {root} is back; reading everything again"
        else:
            back = f"vault {root} is another folder now; reading everything again"
        self._stop_observer()
        if not self._watch_again(root):
            return
        self._settle()
        with self.condition:
            if self.stopping:
                return
            self.debouncer.take()  # everything is read now
        self.log(back)
        self.busy = True
        try:
            self._guarded(lambda: self.session.reopen(self._today()), "reading the vault again")
            self._follow_config()
        finally:
            self.busy = False

    def _watch_again(self, root) -> bool:
        """Look for the vault's path until a folder is there and watched; False if stopped meanwhile."""
        failed = False
        while True:
            with self.condition:
                while not self.stopping and folder_identity(root) is None:
                    self.condition.wait(VAULT_POLL_SECONDS)
                if self.stopping:
                    return False
                self.debouncer.take()  # the old folder's events say nothing about the new one
                self.new_folders = set()
            try:
                self.observer = self._observe(self.poll)
                return True
            except OSError as exc:  # e.g. gone again already, or not readable
                if not failed:
                    self.log(f"cannot watch {root} yet: {exc.strerror or exc}; trying again")
                failed = True
                with self.condition:
                    self.condition.wait(VAULT_POLL_SECONDS)

    def _settle(self) -> None:
        """Wait until no note has changed for `gone_quiet` seconds, watching new top-level folders as they come."""
        since = self.clock()
        while True:
            with self.condition:
                if self.stopping:
                    return
                folders, self.new_folders = self.new_folders, set()
                now = self.clock()
                left = (self.debouncer.last_at or since) + self.debouncer.gone_quiet - now
                if not folders and (left <= 0 or now - since >= GONE_MAX_WAIT):
                    return
                if not folders:
                    self.condition.wait(left)
            for rel in sorted(folders):
                self._guarded_watch(rel)

    def _wait(self, last_reconcile: float) -> tuple[Batch, bool]:
        """Under the lock: sleep until a burst has settled, the day turns or a reconcile is due."""
        while not self.stopping:
            now = self.clock()
            if self.debouncer.ready(now):
                return self.debouncer.take(), False
            if not self.session.vault_here():  # a stat: cheap enough for every wake
                return Batch(), False
            new_day = self.fixed_today is None and self.local_date() != self.today
            if (new_day or now - last_reconcile >= RECONCILE_SECONDS) and self.debouncer.first_at is None:
                return self.debouncer.take(), True
            idle = min(DAY_CHECK_SECONDS, VAULT_CHECK_SECONDS)
            wait = self.debouncer.wait_time(now)
            self.condition.wait(min(idle, wait) if wait is not None else idle)
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
            quiet = batch is not None and not batch.beyond_drafts() and refresh.report is None and not refresh.problems
            if not quiet:  # a reconcile that found nothing new is not worth a line
                self.refreshes += 1
                if self.on_refresh is not None:
                    self.on_refresh(refresh)
                for line in describe(refresh, batch, first=batch is None, before=self.counts,
                                     verbosity=self.verbosity):
                    self.log(line)
                if refresh.report is not None:
                    self.counts = refresh.report.counts
        except VaultGone:
            return  # the worker's next turn notices and waits for the vault
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
