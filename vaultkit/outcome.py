"""What a command said last time, kept for a run that would only say it again.

After a full `report`, the cache keeps a digest of everything that feeds the
outputs (what the model reads of the notes, vaultkit.toml, the templates,
--today, vaultkit's own code and Python's version, where the folders really
are), every file in the output folder as it stands after the run (inode, size,
mtime_ns; and the hash of each output), and what the summary counted. A later
run whose inputs hash the same, and whose output folder holds exactly those
files, would render the same bytes and find every file unchanged: it prints
the recorded summary and renders and writes nothing. Any difference at all (an
output deleted or edited, a file added, a template touched) means a full run.
`check` keeps its problems the same way. Records are JSON: nothing in them runs.
Each is stored with a seal, a hash of its exact bytes keyed with vaultkit's own
code: a record edited by hand (or damaged) does not match it, and is neither
repeated nor reused; the run works everything out again, and records it anew.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .config import CONFIG_NAME
from .errors import ERROR, Problem
from .reuse import NOTHING, Reuse

_KEPT_AS_IS = ("written", "unchanged", "kept (you edited it)")  # write.py's statuses a replay can repeat
_REUSABLE = ("unchanged", "kept (you edited it)")  # as recorded: a file written is then unchanged


# Libraries whose version can change an output's bytes, and the time zone database
_LIBRARIES = ("jinja2", "markupsafe", "icalendar", "yaml", "markdown_it", "dateutil", "tzdata")


def _libraries(h) -> None:
    """Where each library is and when it was installed: an upgrade rewrites its files."""
    import importlib.util
    import zoneinfo

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
def _own_code() -> bytes:
    """A hash of vaultkit's code and built-in templates, Python's version and the libraries':
    another version of any of them may write other bytes."""
    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(sys.version.encode(), digest_size=16)
    _libraries(h)
    for folder, dirs, files in sorted(os.walk(here)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            h.update(os.path.relpath(path, here).encode("utf-8", "surrogateescape") + b"\0")
            with open(path, "rb") as handle:
                h.update(handle.read())
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


def inputs_digest(index, today: date, command: str) -> str:
    """Everything a `command`'s output is made from, as one hash."""
    config = index.config
    root = str(config.root)
    h = hashlib.blake2b(f"vaultkit {command}\0{today.isoformat()}\0".encode(), digest_size=16)
    h.update(_own_code())
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
    return h.hexdigest()


def _output_tree(root: str, folder: str, outputs: set[str]) -> list[list] | None:
    """Every entry under the output folder: (path, type, inode, size, mtime_ns[, hash of an output])."""
    tree = []
    start = os.path.join(root, folder)
    stack = [(start, folder)]
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
                try:
                    with open(entry.path, "rb") as handle:
                        row.append(hashlib.blake2b(handle.read(), digest_size=16).hexdigest())
                except OSError:
                    return None
            tree.append(row)
    return sorted(tree)


@dataclass(frozen=True)
class KnownReport:
    counts: dict[str, int]
    results: tuple[tuple[str, str], ...]  # as a full run would find them now: nothing left to write
    errors: int  # in the notes (the closing line)
    warnings: int
    contacts: int  # for the hint on a vault with none


def record_report(index, today: date, result, noted: list[Problem], contacts: int) -> None:
    """Keep what this (full, not dry) report did, if a later run may repeat it."""
    if index.cache is None or result.problems or any(status not in _KEPT_AS_IS for _, status in result.results):
        return
    config = index.config
    outputs = {rel for rel, _ in result.results}
    tree = _output_tree(str(config.root), config.folders.output, outputs)
    if tree is None:
        return
    errors = sum(p.severity == ERROR for p in noted)
    record = {"inputs": inputs_digest(index, today, "report"), "counts": result.plan.counts(),
              "results": [[rel, "kept (you edited it)" if status.startswith("kept") else "unchanged"]
                          for rel, status in result.results],
              "tree": tree, "errors": errors, "warnings": len(noted) - errors, "contacts": contacts,
              "reuse": {"code": _own_code().hex(), "templates": result.templates, "keys": result.keys,
                        "texts": result.texts}}
    _put(index, "report", record)


def reuse_of(index) -> Reuse:
    """What the last full report rendered and left as it is (reuse.py): each output whose file
    still holds the bytes recorded after that run, with the key it was made from and its status.

    The last report's inputs need not be today's: that is the point. Its code must be.
    """
    if index.cache is None:
        return NOTHING
    try:
        record = _unsealed(index, "report")
        known = record["reuse"]
        if known["code"] != _own_code().hex():
            return NOTHING
        hashes = {row[0]: row[5] for row in record["tree"] if row[1] == "f" and len(row) > 5}
        statuses = dict(record["results"])
        keys, texts = dict(known["keys"]), known["texts"]
        root = str(index.config.root)
        still = {rel: statuses[rel] for rel in keys if rel in hashes and statuses.get(rel) in _REUSABLE
                 and _hash_of(os.path.join(root, *rel.split("/"))) == hashes[rel]}
        return Reuse({rel: keys[rel] for rel in still}, still,
                     {rel: (text[0], text[1]) for rel, text in texts.items() if rel in still},
                     known["templates"])
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):  # no record, or not one of ours
        return NOTHING


def _hash_of(path: str) -> str | None:
    """The hash of a regular file's bytes (a symlink is not the file written: None)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()


def replay_report(index, today: date) -> KnownReport | None:
    """What a full report would print now, if nothing that feeds it changed since it was recorded."""
    record = _get(index, "report", today)
    if record is None:
        return None
    config = index.config
    outputs = {rel for rel, _ in record["results"]}
    if _output_tree(str(config.root), config.folders.output, outputs) != record["tree"]:
        return None
    return KnownReport(record["counts"], tuple((rel, status) for rel, status in record["results"]),
                       record["errors"], record["warnings"], record.get("contacts", 1))


@dataclass(frozen=True)
class KnownCheck:
    problems: list[Problem]
    contacts: int
    interviews: int


def record_check(index, today: date, problems: list[Problem], contacts: int, interviews: int) -> None:
    if index.cache is not None:
        _put(index, "check", {"inputs": inputs_digest(index, today, "check"), "contacts": contacts,
                              "interviews": interviews, "problems": [list(p.as_dict().values()) for p in problems]})


def replay_check(index, today: date) -> KnownCheck | None:
    record = _get(index, "check", today)
    if record is None:
        return None
    return KnownCheck([Problem(*row) for row in record["problems"]], record["contacts"], record["interviews"])


def _seal(key: str, payload: bytes) -> bytes:
    """What binds a record's bytes to its kind and to the code that wrote them. Not a signature (anyone
    who can run vaultkit's code can make one), but no edit by hand or damage to the bytes keeps it."""
    return hashlib.blake2b(payload, key=_own_code(), person=key.encode(), digest_size=16).hexdigest().encode()


def _put(index, key: str, record: dict) -> None:
    from .index.cache import CacheWarning

    payload = json.dumps(record, separators=(",", ":")).encode()  # one line: the seal goes before it
    try:
        index.cache.put_record(key, _seal(key, payload) + b"\n" + payload)
    except CacheWarning:
        pass  # a record only saves time


def _unsealed(index, key: str) -> dict | None:
    """The record `key` as vaultkit wrote it; None if there is none, or it is not what was written."""
    raw = index.cache.record(key) if index.cache is not None else None
    if raw is None:
        return None
    seal, _, payload = raw.partition(b"\n")
    if seal != _seal(key, payload):
        return None
    try:
        record = json.loads(payload)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _get(index, key: str, today: date) -> dict | None:
    """The record `key`, if it is sealed and made from exactly what this run's outputs would be made from."""
    record = _unsealed(index, key)
    if record is None or record.get("inputs") != inputs_digest(index, today, key):
        return None
    return record
