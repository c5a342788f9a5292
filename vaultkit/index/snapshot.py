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
import struct
from array import array
from bisect import bisect_left, insort
from itertools import compress
from operator import sub

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
_AT_LEAST = {least: bytes(int(code >= least) for code in range(256)) for least in (1, MODEL)}


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

    def __init__(self, paths: list[str] | None, sizes: array, mtimes: array, checked: array,
                 digests: bytearray, codes: bytearray, names: bytes | None = None):
        self._paths = paths  # sorted; None until asked for, if `names` holds them
        self._names = names  # the paths as the blob holds them, NUL-separated UTF-8
        self.sizes = sizes
        self.mtimes = mtimes
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
        return cls([], array("q"), array("q"), array("q"), bytearray(), bytearray())

    @classmethod
    def of(cls, entries: dict[str, Entry]) -> Snapshot:
        paths = sorted(entries)
        rows = [entries[rel] for rel in paths]
        return cls(paths, array("q", [e.size for e in rows]), array("q", [e.mtime_ns for e in rows]),
                   array("q", [e.checked_ns for e in rows]),
                   bytearray(b"".join(e.digest or NO_DIGEST for e in rows)), bytearray(code_of(e) for e in rows))

    def __len__(self) -> int:
        return len(self.codes)

    def digest(self, i: int) -> bytes:
        return bytes(self.digests[i * DIGEST:(i + 1) * DIGEST])

    def entry(self, i: int, note=None) -> Entry:
        return Entry(self.sizes[i], self.mtimes[i], self.checked[i], self.digest(i), kind_of(self.codes[i]), note)

    def set(self, i: int, entry: Entry) -> None:
        self.sizes[i], self.mtimes[i], self.checked[i] = entry.size, entry.mtime_ns, entry.checked_ns
        self.digests[i * DIGEST:(i + 1) * DIGEST] = entry.digest or NO_DIGEST
        self.codes[i] = code_of(entry)
        if self._racy is not None:  # kept up to date, not worked out again
            racy, listed = entry.mtime_ns + RACY_NS >= entry.checked_ns, i in self._racy
            if racy and not listed:
                insort(self._racy, i)
            elif listed and not racy:
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

    def compare(self, paths: list[str], sizes: list[int] | array, mtimes: list[int] | array,
                ) -> tuple[Snapshot, list[int], list[str]]:
        """This snapshot lined up with the walk: (the walk's snapshot, with what was known of each path;
        the positions in it to read again; the paths gone). A path is read again when it is new, its size
        or mtime differ, or its mtime was too close to its read to prove anything (racily clean)."""
        sizes, mtimes = array("q", sizes), array("q", mtimes)  # compared with this snapshot's arrays, in C
        if self.same_paths(paths):
            if sizes == self.sizes and mtimes == self.mtimes:  # the common case: nothing to copy or compare
                return self, self.racy(), []
            now, dropped = Snapshot(list(paths), self.sizes[:], self.mtimes[:], self.checked[:],
                                    bytearray(self.digests), bytearray(self.codes), self._names), []
            now._racy = list(self.racy())  # the same figures, so the same notes
            changed = []
            for start in range(0, len(paths), 1024):  # slices compare in C; only a block that differs is looked into
                end = start + 1024
                if sizes[start:end] != self.sizes[start:end] or mtimes[start:end] != self.mtimes[start:end]:
                    changed += [i for i in range(start, min(end, len(paths)))
                                if sizes[i] != self.sizes[i] or mtimes[i] != self.mtimes[i]]
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
            # m + RACY_NS >= c, in C: a Python loop over 100,000 notes costs a warm run 10 ms
            self._racy = list(compress(range(len(self.mtimes)), map(RACY_NS.__ge__, map(sub, self.checked, self.mtimes))))
        return self._racy

    def _append(self, rel: str, size: int, mtime: int, checked: int, digest: bytes, code: int) -> None:
        self._names = None
        self.paths.append(rel)
        self.sizes.append(size)
        self.mtimes.append(mtime)
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
                del paths[i], self.sizes[i], self.mtimes[i], self.checked[i], self.codes[i]
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
                for column in (self.sizes, self.mtimes, self.checked):
                    column.insert(i, 0)
                self.codes.insert(i, 0)
                self.digests[i * DIGEST:i * DIGEST] = NO_DIGEST
                self._names = None
            self.set(i, entry)

    def without(self, gone: set[str]) -> Snapshot:
        keep = [i for i, rel in enumerate(self.paths) if rel not in gone]
        return Snapshot([self.paths[i] for i in keep], array("q", [self.sizes[i] for i in keep]),
                        array("q", [self.mtimes[i] for i in keep]),
                        array("q", [self.checked[i] for i in keep]), bytearray(b"".join(self.digest(i) for i in keep)),
                        bytearray(self.codes[i] for i in keep))

    def names(self) -> bytes:
        """Every path, NUL-separated UTF-8, as the blob holds them (the same object until a path changes)."""
        if self._names is None:
            self._names = "\0".join(self.paths).encode("utf-8", "surrogateescape")
        return self._names

    def encode(self) -> bytes:
        names = self.names()
        return b"".join([MAGIC, struct.pack("<QQ", len(self), len(names)), names,
                         self.sizes.tobytes(), self.mtimes.tobytes(),
                         self.checked.tobytes(), bytes(self.digests), bytes(self.codes),
                         array("q", self.racy()).tobytes()])

    @classmethod
    def decode(cls, blob: bytes) -> Snapshot:
        """The snapshot `encode` wrote; ValueError for anything else (a damaged or doctored blob)."""
        blob = memoryview(blob)
        if blob[:4] != MAGIC or len(blob) < 20:
            raise ValueError("the snapshot is not vaultkit's")
        count, name_bytes = struct.unpack_from("<QQ", blob, 4)
        at = 20 + name_bytes
        end = at + count * (3 * 8 + DIGEST + 1)
        if len(blob) < end or (len(blob) - end) % 8:
            raise ValueError("the snapshot has the wrong length")
        names = bytes(blob[20:at])
        if names.count(b"\0") != max(count - 1, 0) or (count == 1 and not names):
            raise ValueError("the snapshot's paths do not add up")
        columns = []
        for _ in range(3):
            column = array("q")
            column.frombytes(blob[at:at + 8 * count])
            columns.append(column)
            at += 8 * count
        sizes, mtimes, checked = columns
        digests = bytearray(blob[at:at + DIGEST * count])
        at += DIGEST * count
        codes = bytearray(blob[at:end])
        if any(code > len(KINDS) + MODEL for code in set(codes)):
            raise ValueError("the snapshot names a kind of note vaultkit does not know")
        racy = array("q")
        racy.frombytes(blob[end:])
        snapshot = cls(None, sizes, mtimes, checked, digests, codes, names)
        if any(not 0 <= i < count or mtimes[i] + RACY_NS < checked[i] for i in racy):
            raise ValueError("the snapshot's list of racily clean notes is wrong")
        snapshot._racy = racy.tolist()
        return snapshot

