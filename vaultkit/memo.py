"""The whole-run memo: what a run found last time, kept so that a run that would find it again need not.

A run's digest is a hash of everything it reads: what the model reads of the
notes (the path, kind and byte hash of each contact, interview, daily note and
note with an error, and the number of notes), vaultkit.toml's bytes, every
file in the templates folder, where the folders really are, the walk's
problems, --today, the command, and vaultkit's own code with Python's version
and the libraries that shape an output. A run whose digest is the one recorded,
and whose outputs are exactly the files recorded after that run (inode, size,
mtime_ns and ctime_ns, and the hash of each output changed too close to the
record for its stat to vouch for it), has nothing to do: what it would find is
what was recorded. `report` and `check` each decide what they keep here
(report.py, check.py). Records are JSON, so nothing in them runs, and each is
stored behind a seal, a hash of its exact bytes keyed with vaultkit's own code:
a record edited by hand or damaged is not what vaultkit wrote, and is ignored.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import sys
import time
import zoneinfo
from datetime import date
from functools import lru_cache
from pathlib import Path

from .config import CONFIG_NAME
from .index.read import racy
from .paths import read_to_end

# Libraries whose version can change an output's bytes, and the time zone database
_LIBRARIES = ("jinja2", "markupsafe", "icalendar", "yaml", "markdown_it", "dateutil", "tzdata")


def _libraries(h) -> None:
    """Where each library is and when it was installed: an upgrade rewrites its files."""
    places = []
    for name in _LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            places.append(spec.origin)
    places += [os.path.join(folder, "tzdata.zi") for folder in zoneinfo.TZPATH]
    for place in places:
        try:
            status = os.stat(place)
            h.update(f"{place}\0{status.st_size}\0{status.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{place}\0-\0".encode("utf-8", "surrogateescape"))


@lru_cache(maxsize=1)
def own_code() -> bytes:
    """A hash of vaultkit's code and built-in templates, Python's version and the libraries':
    another version of any of them may write other bytes."""
    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(sys.version.encode(), digest_size=16)
    _libraries(h)
    for folder, dirs, files in sorted(os.walk(here)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        inside = "" if folder == str(here) else os.path.relpath(folder, here) + os.sep  # as relpath names each file
        for name in sorted(files):
            h.update(f"{inside}{name}".encode("utf-8", "surrogateescape") + b"\0")
            h.update(_read(os.path.join(folder, name)))
    return h.digest()


def _folder_bytes(h, folder: str) -> None:
    for sub, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(sub, name)
            h.update(b"\0file\0" + os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
            try:
                with open(path, "rb") as handle:
                    h.update(handle.read())
            except OSError as exc:
                h.update(f"unreadable {exc.errno}".encode())


def run_digest(index, today: date, command: str, inputs: bytes | None = None) -> str:
    """Everything a `command` run reads, as one hash; `inputs`: inputs_digest(index), if known."""
    h = hashlib.blake2b(f"vaultkit {command}\0{today.isoformat()}\0".encode(), digest_size=16)
    h.update(inputs_digest(index) if inputs is None else inputs)
    return h.hexdigest()


def inputs_digest(index) -> bytes:
    """What every command of a run reads (all but the command and the day), as one hash."""
    config = index.config
    root = str(config.root)
    h = hashlib.blake2b(digest_size=16)
    h.update(own_code())
    h.update(root.encode("utf-8", "surrogateescape"))
    try:
        h.update(b"\0config\0" + (config.root / CONFIG_NAME).read_bytes())
    except OSError as exc:
        h.update(f"\0no config {exc.errno}".encode())
    folders = config.folders
    for name in (folders.output, folders.contacts, folders.interviews, folders.daily, folders.templates):
        h.update(b"\0folder\0" + os.path.realpath(os.path.join(root, name)).encode("utf-8", "surrogateescape"))
    _folder_bytes(h, os.path.join(root, folders.templates))
    h.update(index.notes_digest())
    h.update("\0".join(map(str, index.problems)).encode("utf-8", "surrogateescape"))
    return h.digest()


def output_tree(root: str, folder: str, outputs, checked_ns: int) -> list[list] | None:
    """Every entry under the output folder: (path, type, inode, size, mtime_ns), and for an output
    its ctime_ns too, and the hash of its bytes when its stat cannot prove it unchanged since
    `checked_ns`, the moment the tree was first taken (git's index rule, as notes are trusted:
    index/read.py's racy; a ctime cannot be set back, so an edit that kept size and mtime shows)."""
    tree = []
    stack = [(os.path.join(root, folder), folder)]
    while stack:
        here, rel_here = stack.pop()
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError:
            return None
        for entry in entries:
            rel = f"{rel_here}/{entry.name}"
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:
                return None
            kind = "d" if stat.S_ISDIR(status.st_mode) else "f" if stat.S_ISREG(status.st_mode) else "o"
            row = [rel, kind, status.st_ino, status.st_size, status.st_mtime_ns]
            if kind == "d":
                stack.append((entry.path, rel))
                row[3] = row[4] = 0  # a folder's own time stamp changes with every temp file written in it
            elif rel in outputs and kind == "f":
                row.append(status.st_ctime_ns)
                if racy(status.st_mtime_ns, status.st_ctime_ns, checked_ns):
                    try:
                        row.append(hash_of(_read(entry.path, status.st_size)))
                    except OSError:
                        return None
            tree.append(row)
    return sorted(tree)


def _read(path: str, size: int | None = None) -> bytes:
    """A file's bytes (`size`: its size when stat-ed, if known)."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        return read_to_end(handle, (os.fstat(handle).st_size if size is None else size) + 1)
    finally:
        os.close(handle)


class Memo:
    """The memo of one run: `recall` what a run of the same digest recorded, `keep` what this one found.
    Without a cache (--no-cache) it recalls nothing and keeps nothing."""

    def __init__(self, index, today: date):
        self.index = index
        self.today = today
        self._digests: dict[str, str] = {}
        self._inputs: bytes | None = None  # inputs_digest: a report keeps a record for `check` too

    def digest(self, command: str) -> str:
        if command not in self._digests:
            if self._inputs is None:
                self._inputs = inputs_digest(self.index)
            self._digests[command] = run_digest(self.index, self.today, command, self._inputs)
        return self._digests[command]

    def recall(self, command: str) -> dict | None:
        """What the last `command` run recorded, if it read exactly what this run reads and the
        outputs it recorded are still exactly those files; else None."""
        record = self._unsealed(command)
        if record is None or record.get("inputs") != self.digest(command):
            return None
        if "tree" in record:
            config = self.index.config
            outputs = set(record.get("outputs", ()))
            tree = output_tree(str(config.root), config.folders.output, outputs, record.get("checked", 0))
            if tree != record["tree"]:
                return None
        return record

    def keep(self, command: str, record: dict, outputs: list[str] | None = None) -> None:
        """Record what this `command` run found; with `outputs` (the files it made, vault-relative),
        the output folder as it stands now, which a later run must find as it is."""
        if self.index.cache is None:
            return
        record = {**record, "inputs": self.digest(command)}
        if outputs is not None:
            config = self.index.config
            checked = time.time_ns()  # before the stats: a file changed while they are taken is racy
            tree = output_tree(str(config.root), config.folders.output, set(outputs), checked)
            if tree is None:
                return
            record.update(outputs=sorted(outputs), tree=tree, checked=checked)
        payload = json.dumps(record, separators=(",", ":")).encode()  # one line: the seal goes before it
        from .index.cache import CacheWarning  # here: sqlite3 only for a run that uses the cache

        try:
            self.index.cache.put_record(command, _seal(command, payload) + b"\n" + payload)
        except CacheWarning:
            pass  # a record only saves time

    def last(self, command: str) -> dict | None:
        """What the last `command` run recorded, whatever it read (for what a run may take back of it)."""
        return self._unsealed(command)

    def _unsealed(self, command: str) -> dict | None:
        """The record of `command` as vaultkit wrote it; None if there is none, or it is not what was written."""
        cache = self.index.cache
        raw = cache.record(command) if cache is not None else None
        if raw is None:
            return None
        seal, _, payload = raw.partition(b"\n")
        if seal != _seal(command, payload):
            return None
        try:
            record = json.loads(payload)
        except ValueError:
            return None
        return record if isinstance(record, dict) else None


def key_of(*parts) -> str:
    """A hash of plain values (str, int, dates, tuples, lists, dicts and frozen dataclasses of them):
    repr is exact and stable for these (no sets, no addresses, dicts in insertion order)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def hash_of(data: bytes) -> str:
    """The hash of a file's bytes, as the record of the output folder keeps it."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _seal(command: str, payload: bytes) -> bytes:
    """What binds a record's bytes to its command and to the code that wrote them. Not a signature (anyone
    who can run vaultkit's code can make one), but no edit by hand or damage to the bytes keeps it."""
    return hashlib.blake2b(payload, key=own_code(), person=command.encode(), digest_size=16).hexdigest().encode()
