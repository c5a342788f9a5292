"""Every note's signature as a few flat lists: what a warm run checks the walk against.

A vault of 100,000 notes is 100,000 (path, size, mtime_ns, ctime_ns, inode,
read at, hash, kind) records. Kept as columns, they load from one blob in
milliseconds and compare with the stat walk list against list, in C; an Entry
is made only for a note that has to be read again. The parsed notes themselves
are not here: most notes have none, and the few the model needs are loaded
only when it is built (cache.py).
"""
from __future__ import annotations

import hashlib
import struct
from array import array
from bisect import bisect_left, insort
from itertools import compress
from operator import sub

from ..errors import ERROR
from .kind import KINDS
from .read import RACY_NS, Entry, racy

MAGIC = b"VKS2"  # 2: ctime and inode
DIGEST = 16  # bytes of a note's BLAKE2 hash (read.digest_of)
NO_DIGEST = bytes(DIGEST)  # an unreadable note has none, and is never trusted
# A note's code: 0 nothing but a path; 1 a note of no kind, kept for its hints and warnings (the model
# reads nothing of it); 2 one of no kind with an error (the model reports it); then each kind.
MODEL = 2  # the codes from here on are the notes the model reads
_CODE = {kind: i for i, kind in enumerate(KINDS, start=3)}
_KIND = {code: kind for kind, code in _CODE.items()}
_AT_LEAST = {least: bytes(int(code >= least) for code in range(256)) for least in (1, MODEL)}
_LOW64 = (1 << 64) - 1
_COLUMNS = 5  # 8-byte figures a note: size, mtime_ns, ctime_ns, inode, read at
_BLOCK = 1024  # notes compared at a time: slices compare in C, and only a block that differs is looked into


def inodes_array(values) -> array:
    """Inode numbers as unsigned 64-bit values (a few filesystems, ReFS, have wider ones: their low bits)."""
    if type(values) is array and values.typecode == "Q":  # the child stat's (stats.py), as they were in shared memory
        return values
    try:
        return array("Q", values)
    except OverflowError:
        return array("Q", [value & _LOW64 for value in values])


def _signed(values) -> array:
    return values if type(values) is array and values.typecode == "q" else array("q", values)


def code_of(entry: Entry) -> int:
    if entry.kind is not None:
        return _CODE[entry.kind]
    if entry.note is None:
        return 0
    return 2 if any(p.severity == ERROR for p in entry.note.problems) else 1


def kind_of(code: int) -> str | None:
    return _KIND.get(code)


class Snapshot:
    """Every note's signature, as columns in path order."""

    def __init__(self, paths: list[str] | None, sizes: array, mtimes: array, ctimes: array, inodes: array,
                 checked: array, digests: bytearray, codes: bytearray, names: bytes | None = None):
        self._paths = paths  # sorted; None until asked for, if `names` holds them
        self._names = names  # the paths as the blob holds them, NUL-separated UTF-8
        self.sizes = sizes
        self.mtimes = mtimes
        self.ctimes = ctimes
        self.inodes = inodes  # unsigned ("Q"); the other columns are signed ("q")
        self.checked = checked  # wall clock (ns) when each note's bytes were read
        self.digests = digests  # DIGEST bytes a note, one after another
        self.codes = codes
        self._racy: list[int] | None = None  # kept in the blob: working it out takes a pass over every note

    @property
    def paths(self) -> list[str]:
        if self._paths is None:
            self._paths = self._names.decode("utf-8", "surrogateescape").split("\0") if self.codes else []
        return self._paths

    def same_paths(self, paths: list[str]) -> bool:
        """Whether `paths` are this snapshot's, without splitting the blob's names when they are."""
        if self._paths is not None:
            return paths == self._paths
        if len(paths) != len(self.codes) or "\0".join(paths).encode("utf-8", "surrogateescape") != self._names:
            return False
        self._paths = list(paths)  # the walk's names, the same: no need to split the blob's
        return True

    @classmethod
    def empty(cls) -> Snapshot:
        return cls([], array("q"), array("q"), array("q"), array("Q"), array("q"), bytearray(), bytearray())

    @classmethod
    def of(cls, entries: dict[str, Entry]) -> Snapshot:
        paths = sorted(entries)
        rows = [entries[rel] for rel in paths]
        return cls(paths, array("q", [e.size for e in rows]), array("q", [e.mtime_ns for e in rows]),
                   array("q", [e.ctime_ns for e in rows]), inodes_array([e.inode for e in rows]),
                   array("q", [e.checked_ns for e in rows]),
                   bytearray(b"".join(e.digest or NO_DIGEST for e in rows)), bytearray(code_of(e) for e in rows))

    def __len__(self) -> int:
        return len(self.codes)

    def digest(self, i: int) -> bytes:
        return bytes(self.digests[i * DIGEST:(i + 1) * DIGEST])

    def entry(self, i: int, note=None) -> Entry:
        return Entry(self.sizes[i], self.mtimes[i], self.ctimes[i], self.inodes[i], self.checked[i], self.digest(i),
                     kind_of(self.codes[i]), note)

    def set(self, i: int, entry: Entry) -> None:
        self.sizes[i], self.mtimes[i], self.ctimes[i] = entry.size, entry.mtime_ns, entry.ctime_ns
        self.inodes[i], self.checked[i] = entry.inode & _LOW64, entry.checked_ns
        self.digests[i * DIGEST:(i + 1) * DIGEST] = entry.digest or NO_DIGEST
        self.codes[i] = code_of(entry)
        if self._racy is not None:  # kept up to date, not worked out again
            now_racy, listed = racy(entry.mtime_ns, entry.ctime_ns, entry.checked_ns), i in self._racy
            if now_racy and not listed:
                insort(self._racy, i)
            elif listed and not now_racy:
                self._racy.remove(i)

    def relevant(self, least: int = MODEL) -> list[int]:
        """The positions of the notes the model reads (or, with `least=1`, of every parsed note kept)."""
        marked = self.codes.translate(_AT_LEAST[least])  # 1 where the code is high enough: found in C
        positions, i = [], marked.find(1)
        while i >= 0:
            positions.append(i)
            i = marked.find(1, i + 1)
        return positions

    def notes_digest(self) -> bytes:
        """A hash of what the model is built from: which notes there are of each kind, and their bytes."""
        h = hashlib.blake2b(str(len(self.paths)).encode(), digest_size=16)
        for i in self.relevant():
            h.update(b"\0%s\0%d" % (self.paths[i].encode("utf-8", "surrogateescape"), self.codes[i]))
            h.update(self.digests[i * DIGEST:(i + 1) * DIGEST])
        return h.digest()

    def columns(self) -> tuple[array, array, array, array]:
        """The stat figures a note is trusted by: size, mtime_ns, ctime_ns, inode."""
        return self.sizes, self.mtimes, self.ctimes, self.inodes

    def compare(self, paths: list[str], sizes, mtimes, ctimes, inodes) -> tuple[Snapshot, list[int], list[str]]:
        """This snapshot lined up with the walk and its stat figures: (the walk's snapshot, with what was
        known of each path; the positions in it to read again; the paths gone). A path is read again
        when it is new, its size, mtime, ctime or inode differ, or it changed too close to its read to
        prove anything (racily clean)."""
        # as arrays, compared with this snapshot's in C
        figures = (_signed(sizes), _signed(mtimes), _signed(ctimes), inodes_array(inodes))
        if self.same_paths(paths):
            known = self.columns()
            if figures == known:  # the common case: nothing to copy or compare
                return self, self.racy(), []
            now, dropped = Snapshot(list(paths), *(column[:] for column in known), self.checked[:],
                                    bytearray(self.digests), bytearray(self.codes), self._names), []
            now._racy = list(self.racy())  # the same figures, so the same notes
            changed = []
            for start in range(0, len(paths), _BLOCK):
                end = start + _BLOCK
                if any(new[start:end] != old[start:end] for new, old in zip(figures, known)):
                    changed += [i for i in range(start, min(end, len(paths)))
                                if any(new[i] != old[i] for new, old in zip(figures, known))]
        else:
            where = dict(zip(self.paths, range(len(self.paths))))
            wanted = set(paths)
            dropped = [rel for rel in self.paths if rel not in wanted]
            now, changed = Snapshot.empty(), []
            for j, rel in enumerate(paths):
                i = where.get(rel)
                if i is None:
                    now._append(rel, (-1, -1, -1, 0), 0, NO_DIGEST, 0)
                    changed.append(j)
                else:
                    figures_i = tuple(column[i] for column in self.columns())
                    now._append(rel, figures_i, self.checked[i], self.digest(i), self.codes[i])
                    if figures_i != tuple(column[j] for column in figures):
                        changed.append(j)
        racy_now = now.racy()
        return now, sorted(set(changed).union(racy_now)) if racy_now else changed, dropped

    def racy(self) -> list[int]:
        """The notes that changed (mtime or ctime) too close to their read to prove they are unchanged."""
        if self._racy is None:
            # m + RACY_NS >= checked or c + RACY_NS >= checked, in C: a Python loop over 100,000 notes is slower
            every = range(len(self.mtimes))
            by_mtime = compress(every, map(RACY_NS.__ge__, map(sub, self.checked, self.mtimes)))
            by_ctime = compress(every, map(RACY_NS.__ge__, map(sub, self.checked, self.ctimes)))
            self._racy = sorted(set(by_mtime).union(by_ctime))
        return self._racy

    def _append(self, rel: str, figures: tuple[int, int, int, int], checked: int, digest: bytes, code: int) -> None:
        self._names = None
        self.paths.append(rel)
        for column, value in zip(self.columns(), figures):
            column.append(value)
        self.checked.append(checked)
        self.digests += digest
        self.codes.append(code)

    def apply(self, entries: dict[str, Entry], changed, dropped) -> None:
        """Bring this snapshot in line with a store whose `changed` paths were read and `dropped` ones
        forgotten: a few edits in place, not 100,000 entries made into a snapshot again (the daemon)."""
        paths = self.paths
        for rel in dropped:
            i = bisect_left(paths, rel)
            if i < len(paths) and paths[i] == rel:
                del paths[i], self.checked[i], self.codes[i]
                for column in self.columns():
                    del column[i]
                del self.digests[i * DIGEST:(i + 1) * DIGEST]
                self._names = self._racy = None
        for rel in changed:
            entry = entries.get(rel)
            if entry is None:
                continue
            i = bisect_left(paths, rel)
            if i == len(paths) or paths[i] != rel:
                self._racy = None  # the positions after it move
                paths.insert(i, rel)
                for column in (*self.columns(), self.checked):
                    column.insert(i, 0)
                self.codes.insert(i, 0)
                self.digests[i * DIGEST:i * DIGEST] = NO_DIGEST
                self._names = None
            self.set(i, entry)

    def without(self, gone: set[str]) -> Snapshot:
        keep = [i for i, rel in enumerate(self.paths) if rel not in gone]
        columns = [array(column.typecode, [column[i] for i in keep]) for column in (*self.columns(), self.checked)]
        return Snapshot([self.paths[i] for i in keep], *columns, bytearray(b"".join(self.digest(i) for i in keep)),
                        bytearray(self.codes[i] for i in keep))

    def names(self) -> bytes:
        """Every path, NUL-separated UTF-8, as the blob holds them (the same object until a path changes)."""
        if self._names is None:
            self._names = "\0".join(self.paths).encode("utf-8", "surrogateescape")
        return self._names

    def encode(self) -> bytes:
        names = self.names()
        return b"".join([MAGIC, struct.pack("<QQ", len(self), len(names)), names,
                         *(column.tobytes() for column in (*self.columns(), self.checked)),
                         bytes(self.digests), bytes(self.codes), array("q", self.racy()).tobytes()])

    @classmethod
    def decode(cls, blob: bytes) -> Snapshot:
        """The snapshot `encode` wrote; ValueError for anything else (a damaged or doctored blob)."""
        blob = memoryview(blob)
        if blob[:4] != MAGIC or len(blob) < 20:
            raise ValueError("the snapshot is not vaultkit's")
        count, name_bytes = struct.unpack_from("<QQ", blob, 4)
        at = 20 + name_bytes
        end = at + count * (_COLUMNS * 8 + DIGEST + 1)
        if len(blob) < end or (len(blob) - end) % 8:
            raise ValueError("the snapshot has the wrong length")
        names = bytes(blob[20:at])
        if names.count(b"\0") != max(count - 1, 0) or (count == 1 and not names):
            raise ValueError("the snapshot's paths do not add up")
        columns = []
        for typecode in "qqqQq":  # sizes, mtimes, ctimes, inodes, read at
            column = array(typecode)
            column.frombytes(blob[at:at + 8 * count])
            columns.append(column)
            at += 8 * count
        digests = bytearray(blob[at:at + DIGEST * count])
        at += DIGEST * count
        codes = bytearray(blob[at:end])
        if any(code > len(KINDS) + MODEL for code in set(codes)):
            raise ValueError("the snapshot names a kind of note vaultkit does not know")
        listed = array("q")
        listed.frombytes(blob[end:])
        snapshot = cls(None, *columns, digests, codes, names)
        _, mtimes, ctimes, _, checked = columns
        if any(not 0 <= i < count or not racy(mtimes[i], ctimes[i], checked[i]) for i in listed):
            raise ValueError("the snapshot's list of racily clean notes is wrong")
        snapshot._racy = listed.tolist()
        return snapshot
