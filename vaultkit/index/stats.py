"""The size and mtime of every note: the one cost of a warm run that cannot be cached.

`stat` is a system call whose cost is the kernel's (about 2.5 µs here), and a
vault has 100,000 notes. Python's threads would only queue for the interpreter
between calls (measured: no faster), so on a big vault a forked child stats
most of the notes the snapshot knows while this process walks the folders, and
this process stats the rest; git's index preload does the same with threads.
Whoever stats a file, the figures are the same, and a note the child did not
stat (a new one, or all of them if the child fails) is stat-ed here.
"""
from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Callable

FORK_MIN = 20_000  # notes to stat before a second process pays for its start
CHILD_SHARE = 0.65  # of the known notes: this process has the walk to do besides its share
_FORK_IS_SAFE = sys.platform.startswith("linux")  # macOS's system libraries make fork unsafe
_GONE = -2  # size and mtime of a file gone since the walk: it is then read, and dropped


def stat_each(root: str, paths: list[str]) -> tuple[list[int], list[int]]:
    """Each path's size and mtime_ns, in order."""
    sizes, mtimes = [], []
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
                    sizes.append(_GONE)
                    mtimes.append(_GONE)
                else:
                    sizes.append(status.st_size)
                    mtimes.append(status.st_mtime_ns)
            continue
        sizes += [s.st_size for s in stats]
        mtimes += [s.st_mtime_ns for s in stats]
    return sizes, mtimes


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
        self.share = int(count * CHILD_SHARE)
        if count < FORK_MIN or not _may_fork():
            return
        incoming, outgoing = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:
            os.close(incoming)
            os.close(outgoing)
            self.pid = None
            return
        if self.pid == 0:  # the child: stat its share, send the figures, and go without any clean-up
            try:
                os.close(incoming)
                sizes, mtimes = stat_each(root, known()[count - self.share:])
                with os.fdopen(outgoing, "wb") as out:
                    out.write(array("q", sizes + mtimes).tobytes())
            finally:
                os._exit(0)
        os.close(outgoing)
        self.reader = os.fdopen(incoming, "rb")

    def result(self, paths: list[str], same: bool) -> tuple[list[int], list[int]]:
        """The size and mtime_ns of each of `paths` (the walk's; `same`: the very paths known)."""
        if self.pid is None:
            return stat_each(self.root, paths)
        if same:  # the common case: the walk found what the snapshot knew
            head = len(paths) - self.share
            sizes, mtimes = stat_each(self.root, paths[:head])
            theirs = self._collect()
            more_sizes, more_mtimes = theirs if theirs is not None else stat_each(self.root, paths[head:])
            return sizes + more_sizes, mtimes + more_mtimes
        theirs = self._collect()
        tail = self.known()[-self.share:] if self.share else []
        known = dict(zip(tail, zip(*theirs))) if theirs is not None else {}
        rest = [rel for rel in paths if rel not in known]
        found = dict(zip(rest, zip(*stat_each(self.root, rest)))) if rest else {}
        figures = [known.get(rel) or found[rel] for rel in paths]
        return [size for size, _ in figures], [mtime for _, mtime in figures]

    def _collect(self) -> tuple[list[int], list[int]] | None:
        """The child's figures, or None if it failed."""
        try:
            data = self.reader.read()
        finally:
            self.close()
        numbers = array("q")
        numbers.frombytes(data[: len(data) // 8 * 8])
        count = self.share
        if len(numbers) != 2 * count:
            return None
        return numbers[:count].tolist(), numbers[count:].tolist()

    def close(self) -> None:
        """End the child, whatever happened (its pipe is closed first, so it cannot block on it)."""
        if self.pid is not None:
            self.reader.close()
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = None
