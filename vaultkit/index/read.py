"""Reading one note file: its bytes, their hash, the parsed note and its kind, as an Entry.

An Entry also records the file's size, mtime_ns, ctime_ns and inode and the
moment its bytes were read, which is what lets the store (store.py) trust it
next time.
"""
from __future__ import annotations

import gc
import hashlib
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ERROR, Problem
from .kind import Classifier

if TYPE_CHECKING:
    from .note import Note

# A change this close to the read is not proof: filesystems tick coarsely (FAT: 2 s).
RACY_NS = 2_000_000_000


def racy(mtime_ns: int, ctime_ns: int, checked_ns: int) -> bool:
    """Whether a file changed too close to its read for its stat to prove it unchanged since. The later
    of mtime and ctime: an mtime can be put back (touch -r, cp -p, rsync -t), a ctime cannot."""
    return max(mtime_ns, ctime_ns) + RACY_NS >= checked_ns


@dataclass(slots=True)
class Entry:
    size: int
    mtime_ns: int
    ctime_ns: int  # what no tool sets back: a same-size edit whose mtime was restored still changes it
    inode: int  # another file renamed over the note (cp -p, rsync -t, tar)
    checked_ns: int  # wall clock when the bytes were read and hashed
    digest: bytes
    kind: str | None  # the Classifier's verdict: contact, interview, daily or None
    note: Note | None  # None: a note with nothing but its path (most of a vault), kept small

    def __reduce__(self):  # a worker sends 100,000 of these: a call of the class loads 3x faster than a state
        return Entry, (self.size, self.mtime_ns, self.ctime_ns, self.inode, self.checked_ns, self.digest, self.kind,
                       self.note)

    def trusted(self, size: int, mtime_ns: int, ctime_ns: int, inode: int) -> bool:
        """Whether a file with this stat is the one read, unchanged, without reading it (git's index rule)."""
        return (size == self.size and mtime_ns == self.mtime_ns and ctime_ns == self.ctime_ns and inode == self.inode
                and not racy(mtime_ns, ctime_ns, self.checked_ns))


def digest_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def slim(note: Note) -> Note:
    """What the model needs of a note that is none of vaultkit's business: its type hints and problems."""
    from .note import Note  # here: as below, a run that reads no note never loads the parser
    return Note(note.path, type_prop=note.type_prop, tag_type=note.tag_type, inline_type=note.inline_type,
                readable=note.readable, problems=note.problems)


def is_bare(note: Note) -> bool:
    """Whether the slim form of `note` would hold nothing but its path (most notes of a vault)."""
    return (not note.problems and note.readable
            and note.type_prop is None and note.tag_type is None and note.inline_type is None)


def check_note(root: str, rel: str, classifier: Classifier, old: Entry | None) -> Entry | None:
    """Read `rel`; reuse `old`'s note when the bytes hash the same. None when the file is gone."""
    from .note import Note, parse_note  # here: a run that reads no note never loads the parser
    path = f"{root}/{rel}"
    checked_ns = time.time_ns()
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        if isinstance(exc, (NotADirectoryError, IsADirectoryError)):
            return None
        problem = Problem(rel, 1, ERROR, f"cannot read: {exc.strerror or exc}")
        return Entry(-1, -1, -1, 0, 0, b"", None, Note(rel, readable=False, problems=(problem,)))  # never trusted
    digest = digest_of(data)
    if old is not None and old.digest == digest:
        return Entry(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, checked_ns, digest, old.kind, old.note)
    verdicts = []

    def wants_body(bare: Note) -> bool:
        verdicts.append(classifier.kind(bare))
        return verdicts[-1] is not None

    note = parse_note(rel, data, wants_body, classifier.kind_tags)
    # The verdict on the note without its body stands unless the body was read for an inline tag.
    kind = verdicts[0] if verdicts else classifier.kind(note)
    if kind is None:
        note = None if is_bare(note) else slim(note)
    return Entry(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, checked_ns, digest, kind, note)


@contextmanager
def gc_paused():
    """Parsing makes no reference cycles worth collecting; the collector only slows a bulk read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
