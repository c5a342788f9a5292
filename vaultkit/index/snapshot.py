"""Every note's signature as a few flat lists: what a warm run checks the walk against.

A vault of 100,000 notes is 100,000 (path, size, mtime_ns, read at, hash,
kind) records. Kept as columns, they load from one blob in milliseconds and
compare with the stat walk list against list, in C; an Entry is made only for
a note that has to be read again. The parsed notes themselves are not here:
most notes have none, and the few the model needs are loaded only when it is
built (cache.py).
"""
from __future__ import annotations

import hashlib
import os
import struct
import sys
from array import array
from dataclasses import dataclass

from ..errors import ERROR
from .kind import KINDS
from .read import RACY_NS, Entry

MAGIC = b"VKS1"
DIGEST = 16  # bytes of a note's BLAKE2 hash (read.digest_of)
NO_DIGEST = bytes(DIGEST)  # an unreadable note has none, and is never trusted
# A note's code: 0 nothing but a path; 1 a note of no kind, kept for its hints and warnings (the model
# reads nothing of it); 2 one of no kind with an error (the model reports it); then each kind.
MODEL = 2  # the codes from here on are the notes the model reads
_CODE = {kind: i for i, kind in enumerate(KINDS, start=3)}
_KIND = {code: kind for kind, code in _CODE.items()}
_stat = os.stat


def code_of(entry: Entry) -> int:
    if entry.kind is not None:
        return _CODE[entry.kind]
    if entry.note is None:
        return 0
    return 2 if any(p.severity == ERROR for p in entry.note.problems) else 1


def kind_of(code: int) -> str | None:
    return _KIND.get(code)


@dataclass
class Snapshot:
    paths: list[str]  # sorted
    sizes: list[int]
    mtimes: list[int]
    checked: list[int]  # wall clock (ns) when each note's bytes were read
    digests: bytearray  # DIGEST bytes a note, one after another
    codes: bytearray
    _racy: list[int] | None = None  # kept in the blob: working it out takes a pass over every note

    @classmethod
    def empty(cls) -> Snapshot:
        return cls([], [], [], [], bytearray(), bytearray())

    @classmethod
    def of(cls, entries: dict[str, Entry]) -> Snapshot:
        paths = sorted(entries)
        rows = [entries[rel] for rel in paths]
        return cls(paths, [e.size for e in rows], [e.mtime_ns for e in rows], [e.checked_ns for e in rows],
                   bytearray(b"".join(e.digest or NO_DIGEST for e in rows)), bytearray(code_of(e) for e in rows))

    def __len__(self) -> int:
        return len(self.paths)

    def digest(self, i: int) -> bytes:
        return bytes(self.digests[i * DIGEST:(i + 1) * DIGEST])

    def entry(self, i: int, note=None) -> Entry:
        return Entry(self.sizes[i], self.mtimes[i], self.checked[i], self.digest(i), kind_of(self.codes[i]), note)

    def set(self, i: int, entry: Entry) -> None:
        self.sizes[i], self.mtimes[i], self.checked[i] = entry.size, entry.mtime_ns, entry.checked_ns
        self.digests[i * DIGEST:(i + 1) * DIGEST] = entry.digest or NO_DIGEST
        self.codes[i] = code_of(entry)
        self._racy = None

    def relevant(self, least: int = MODEL) -> list[int]:
        """The positions of the notes the model reads (or, with `least=1`, of every parsed note kept)."""
        codes = self.codes
        if not codes.strip(b"\0"):
            return []
        return [i for i in range(len(codes)) if codes[i] >= least]

    def notes_digest(self) -> bytes:
        """A hash of what the model is built from: which notes there are of each kind, and their bytes."""
        h = hashlib.blake2b(str(len(self.paths)).encode(), digest_size=16)
        for i in self.relevant():
            h.update(b"\0%s\0%d" % (self.paths[i].encode("utf-8", "surrogateescape"), self.codes[i]))
            h.update(self.digests[i * DIGEST:(i + 1) * DIGEST])
        return h.digest()

    def compare(self, paths: list[str], sizes: list[int], mtimes: list[int]) -> tuple[Snapshot, list[int], list[str]]:
        """This snapshot lined up with the walk: (the walk's snapshot, with what was known of each path;
        the positions in it to read again; the paths gone). A path is read again when it is new, its size
        or mtime differ, or its mtime was too close to its read to prove anything (racily clean)."""
        if paths == self.paths:
            if sizes == self.sizes and mtimes == self.mtimes:  # the common case: nothing to copy or compare
                return self, self.racy(), []
            now, dropped = Snapshot(list(paths), self.sizes[:], self.mtimes[:], self.checked[:],
                                    bytearray(self.digests), bytearray(self.codes)), []
            changed = [i for i, (a, b, c, d) in enumerate(zip(sizes, self.sizes, mtimes, self.mtimes))
                       if a != b or c != d]
        else:
            where = dict(zip(self.paths, range(len(self.paths))))
            wanted = set(paths)
            dropped = [rel for rel in self.paths if rel not in wanted]
            now, changed = Snapshot.empty(), []
            for j, rel in enumerate(paths):
                i = where.get(rel)
                if i is None:
                    now._append(rel, -1, -1, 0, NO_DIGEST, 0)
                    changed.append(j)
                else:
                    now._append(rel, self.sizes[i], self.mtimes[i], self.checked[i], self.digest(i), self.codes[i])
                    if sizes[j] != self.sizes[i] or mtimes[j] != self.mtimes[i]:
                        changed.append(j)
        racy = now.racy()
        return now, sorted(set(changed).union(racy)) if racy else changed, dropped

    def racy(self) -> list[int]:
        """The notes whose mtime was too close to their read to prove they are unchanged."""
        if self._racy is None:
            self._racy = [i for i, (m, c) in enumerate(zip(self.mtimes, self.checked)) if m + RACY_NS >= c]
        return self._racy

    def _append(self, rel: str, size: int, mtime: int, checked: int, digest: bytes, code: int) -> None:
        self.paths.append(rel)
        self.sizes.append(size)
        self.mtimes.append(mtime)
        self.checked.append(checked)
        self.digests += digest
        self.codes.append(code)

    def without(self, gone: set[str]) -> Snapshot:
        keep = [i for i, rel in enumerate(self.paths) if rel not in gone]
        return Snapshot([self.paths[i] for i in keep], [self.sizes[i] for i in keep], [self.mtimes[i] for i in keep],
                        [self.checked[i] for i in keep], bytearray(b"".join(self.digest(i) for i in keep)),
                        bytearray(self.codes[i] for i in keep))

    def encode(self) -> bytes:
        names = "\0".join(self.paths).encode("utf-8", "surrogateescape")
        return b"".join([MAGIC, struct.pack("<QQ", len(self.paths), len(names)), names,
                         array("q", self.sizes).tobytes(), array("q", self.mtimes).tobytes(),
                         array("q", self.checked).tobytes(), bytes(self.digests), bytes(self.codes),
                         array("q", self.racy()).tobytes()])

    @classmethod
    def decode(cls, blob: bytes) -> Snapshot:
        """The snapshot `encode` wrote; ValueError for anything else (a damaged or doctored blob)."""
        blob = bytes(blob)
        if blob[:4] != MAGIC or len(blob) < 20:
            raise ValueError("the snapshot is not vaultkit's")
        count, name_bytes = struct.unpack_from("<QQ", blob, 4)
        at = 20 + name_bytes
        end = at + count * (3 * 8 + DIGEST + 1)
        if len(blob) < end or (len(blob) - end) % 8:
            raise ValueError("the snapshot has the wrong length")
        paths = blob[20:at].decode("utf-8", "surrogateescape").split("\0") if count else []
        if len(paths) != count:
            raise ValueError("the snapshot's paths do not add up")
        columns = []
        for _ in range(3):
            column = array("q")
            column.frombytes(blob[at:at + 8 * count])
            columns.append(column.tolist())
            at += 8 * count
        digests = bytearray(blob[at:at + DIGEST * count])
        at += DIGEST * count
        codes = bytearray(blob[at:end])
        if any(code > len(KINDS) + MODEL for code in set(codes)):
            raise ValueError("the snapshot names a kind of note vaultkit does not know")
        racy = array("q")
        racy.frombytes(blob[end:])
        snapshot = cls(paths, *columns, digests, codes)
        sizes, mtimes, checked = columns
        if any(not 0 <= i < count or mtimes[i] + RACY_NS < checked[i] for i in racy):
            raise ValueError("the snapshot's list of racily clean notes is wrong")
        snapshot._racy = racy.tolist()
        return snapshot


def stat_all(root: str, paths: list[str]) -> tuple[list[int], list[int]]:
    """Each path's size and mtime_ns (-2 for a file gone since the walk, which is then read and dropped).

    `stat` is a system call whose cost is mostly the kernel's, so on a big vault a forked
    child stats the second half while this process does the first, as git's preload does
    with threads (Python's threads would only queue for the interpreter between calls).
    """
    if len(paths) >= FORK_MIN and _may_fork():
        return _stat_forked(root, paths)
    return _stat_each(root, paths)


FORK_MIN = 20_000  # paths to stat before a second process pays for its start
_FORK_IS_SAFE = sys.platform.startswith("linux")  # macOS's system libraries make fork unsafe


def _may_fork() -> bool:
    threading = sys.modules.get("threading")  # forking a process that runs threads (the daemon) can deadlock
    return _FORK_IS_SAFE and _cpu_count() > 1 and (threading is None or threading.active_count() == 1)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _stat_each(root: str, paths: list[str]) -> tuple[list[int], list[int]]:
    sizes, mtimes = [], []
    folder = f"{root}/".__add__
    for start in range(0, len(paths), 4096):  # in batches: 100,000 stat results at once would take 20 MB
        batch = paths[start:start + 4096]
        try:
            stats = list(map(_stat, map(folder, batch)))
        except OSError:  # one is gone: note each on its own
            more_sizes, more_mtimes = _stat_one_by_one(root, batch)
            sizes += more_sizes
            mtimes += more_mtimes
            continue
        sizes += [s.st_size for s in stats]
        mtimes += [s.st_mtime_ns for s in stats]
    return sizes, mtimes


def _stat_one_by_one(root: str, paths: list[str]) -> tuple[list[int], list[int]]:
    sizes, mtimes = [], []
    for rel in paths:
        try:
            status = _stat(f"{root}/{rel}")
        except OSError:
            sizes.append(-2)
            mtimes.append(-2)
            continue
        sizes.append(status.st_size)
        mtimes.append(status.st_mtime_ns)
    return sizes, mtimes


def _stat_forked(root: str, paths: list[str]) -> tuple[list[int], list[int]]:
    half = len(paths) // 2
    rest = paths[half:]
    incoming, outgoing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(incoming)
        os.close(outgoing)
        return _stat_each(root, paths)
    if pid == 0:  # the child: stat the second half, send the numbers, and go without any clean-up
        try:
            os.close(incoming)
            sizes, mtimes = _stat_each(root, rest)
            with os.fdopen(outgoing, "wb") as out:
                out.write(array("q", sizes + mtimes).tobytes())
        finally:
            os._exit(0)
    os.close(outgoing)
    reader = os.fdopen(incoming, "rb")
    try:
        sizes, mtimes = _stat_each(root, paths[:half])
        data = reader.read()
    finally:
        reader.close()  # before the wait: a child still writing gets EPIPE and ends
        os.waitpid(pid, 0)
    numbers = array("q")
    numbers.frombytes(data[: len(data) // 8 * 8])
    if len(numbers) != 2 * len(rest):  # the child failed: do its half here
        more_sizes, more_mtimes = _stat_each(root, rest)
    else:
        more_sizes, more_mtimes = numbers[: len(rest)].tolist(), numbers[len(rest):].tolist()
    return sizes + more_sizes, mtimes + more_mtimes
