"""The size, mtime, ctime and inode of every note: the one cost of a warm run that cannot be cached.

`stat` is a system call whose cost is the kernel's (4 to 5 µs here), and a
vault has 100,000 notes: 0.45 s, 40% of a warm report on one core. Python's
threads only queue for the interpreter between calls (measured: no faster), so
on a big vault a forked child stats the notes the snapshot knows, from the last
one down, while this process walks the folders; then this process stats from
the first one up until the two meet. Each claims a block in shared memory
before it stats it, so neither waits for the other however the machine's load
falls (git's index preload does the same with threads). Whoever stats a file,
the figures are the same, and a note the child did not stat (a new one, or all
of them if the child fails) is stat-ed here.
"""
from __future__ import annotations

import mmap
import os
import sys
from array import array
from collections.abc import Callable
from operator import attrgetter

FORK_MIN = 20_000  # notes to stat before a second process pays for its start
BLOCK = 2048  # notes claimed at a time
FIGURES = 4  # a note's: size, mtime_ns, ctime_ns, inode (snapshot.Snapshot.columns)
_FORK_IS_SAFE = sys.platform.startswith("linux")  # macOS's system libraries make fork unsafe
GONE = (-2, -2, -2, 0)  # the figures of a file gone since the walk: it is then read, and dropped
_HEAD = 2  # shared words before the figures: this process's claim (all below it), the child's (all from it up)
_FIELDS = tuple(map(attrgetter, ("st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")))

Figures = tuple[list[int], list[int], list[int], list[int]]  # sizes, mtimes, ctimes, inodes, a path each


def stat_each(root: str, paths: list[str]) -> Figures:
    """Each path's size, mtime_ns, ctime_ns and inode, in order: four lists."""
    figures: Figures = ([], [], [], [])
    folder = f"{root}/".__add__
    for start in range(0, len(paths), 4096):  # in batches: 100,000 stat results at once would take 20 MB
        batch = paths[start:start + 4096]
        try:
            stats = list(map(os.stat, map(folder, batch)))
        except OSError:  # one is gone: note each on its own
            for rel in batch:
                try:
                    status = os.stat(folder(rel))
                except OSError:
                    values = GONE
                else:
                    values = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
                for column, value in zip(figures, values):
                    column.append(value)
            continue
        for column, field in zip(figures, _FIELDS):
            column += map(field, stats)
    return figures


def _may_fork() -> bool:
    threading = sys.modules.get("threading")  # forking a process that runs threads (the daemon) can deadlock
    if not _FORK_IS_SAFE or (threading is not None and threading.active_count() > 1):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:
        return (os.cpu_count() or 1) > 1


class StatAhead:
    """Started before the walk with the paths the snapshot knows (`known()`, `count` of them: the
    child works out the list, so this process need not); `result(paths, same)` after it."""

    def __init__(self, root: str, count: int, known: Callable[[], list[str]]):
        self.root = root
        self.pid = None
        self.known = known
        self.count = count
        if count < FORK_MIN or not _may_fork():
            return
        self.shared = mmap.mmap(-1, 8 * (_HEAD + FIGURES * count))  # anonymous and shared with the child
        words = memoryview(self.shared).cast("q")
        words[0], words[1] = 0, count
        words.release()
        try:
            self.pid = os.fork()
        except OSError:
            self.pid = None
            self.shared.close()
            return
        if self.pid == 0:  # the child: stat from the top down until the claims meet, and go without any clean-up
            status = 1
            try:
                paths = known()
                if len(paths) == count:  # else this process stats them all: the child did nothing
                    self._stat_down(paths)
                    status = 0
            finally:
                os._exit(status)

    def _columns(self) -> tuple[memoryview, list[memoryview]]:
        """The shared words (signed), and each figure's column in them (inodes unsigned)."""
        words, unsigned = memoryview(self.shared).cast("q"), memoryview(self.shared).cast("Q")
        count = self.count
        columns = [(unsigned if column == FIGURES - 1 else words)[_HEAD + column * count:_HEAD + (column + 1) * count]
                   for column in range(FIGURES)]
        return words, columns

    def _stat_down(self, paths: list[str]) -> None:
        words, columns = self._columns()
        low = self.count
        while low > words[0]:
            start = max(low - BLOCK, words[0], 0)
            words[1] = start  # claimed before it is done: this process never stats what the child will
            for column, values in zip(columns, stat_each(self.root, paths[start:low])):
                column[start:low] = array(column.format, values)
            low = start

    def _known_figures(self) -> tuple[array, array, array, array]:
        """The figures of every known path, as arrays: from the bottom up here until the child's claim,
        the rest the child's (copied from shared memory as they are); all of them here if the child failed."""
        words, columns = self._columns()
        high = 0
        paths = self.known()
        figures: Figures = ([], [], [], [])
        try:
            while high < words[1]:
                end = min(high + BLOCK, words[1])
                words[0] = end
                for mine, more in zip(figures, stat_each(self.root, paths[high:end])):
                    mine += more
                high = end
            finished = self._child_finished()
            if not finished:
                for mine, more in zip(figures, stat_each(self.root, paths[high:])):
                    mine += more
            arrays = tuple(array(column.format, mine) for mine, column in zip(figures, columns))
            if finished:
                for whole, column in zip(arrays, columns):
                    whole.frombytes(column[high:].cast("B"))
        finally:
            for view in (*columns, words):
                view.release()
            self.close()
        return arrays

    def result(self, paths: list[str], same: bool) -> Figures | tuple[array, array, array, array]:
        """The figures of each of `paths` (the walk's; `same`: the very paths known), as four columns."""
        if self.pid is None:
            return stat_each(self.root, paths)
        figures = self._known_figures()
        if same:  # the common case: the walk found what the snapshot knew
            return figures
        known = dict(zip(self.known(), zip(*figures)))
        rest = [rel for rel in paths if rel not in known]
        found = dict(zip(rest, zip(*stat_each(self.root, rest)))) if rest else {}
        rows = [known.get(rel) or found[rel] for rel in paths]
        return tuple(list(column) for column in zip(*rows)) if rows else ([], [], [], [])

    def _child_finished(self) -> bool:
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return False
        self.pid = None
        return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0

    def close(self) -> None:
        """End the child, whatever happened."""
        if self.pid is not None:
            words = memoryview(self.shared).cast("q")
            words[0] = self.count  # this process claims what is left: the child stops after its block
            words.release()
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = None
        shared = getattr(self, "shared", None)
        if shared is not None and not shared.closed:
            shared.close()
