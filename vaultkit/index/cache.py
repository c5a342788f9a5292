"""The parse cache on disk: one SQLite file per vault, in the user's cache folder.

SQLite (standard library) because it gives what a cache shared by `watch` and
`report` needs without code of ours: a transaction per save, so a crash
mid-write leaves the old state; locking, so two processes never interleave.
Every note's signature is one snapshot (snapshot.py), loaded in one go by a
warm run; the parsed notes, which only a run that builds the model needs, are
a row each.

The cache is an optimisation and never an authority. A file that is not a
SQLite database, belongs to another vault or holds a row that does not decode
is deleted and rebuilt with a warning; one from another version of vaultkit
(another schema) is replaced without one, as nothing is wrong. Rows are decoded
by an unpickler that builds only vaultkit's own note classes and dates, so a
doctored cache cannot run code. A change of parser or of the settings that
decide what a note is (folders, daily-note format) starts a fresh cache.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..paths import printable
from .cache_path import cache_dir_name, cache_file_name
from .pickled import Restricted, Writer
from .read import Entry
from .snapshot import NO_DIGEST, Snapshot

SCHEMA = 6  # 2: the note classes moved to vaultkit.index; 3: one snapshot of every signature; 4: ctime, inode;
# 5: a body's tables, and Markdown links; 6: each note's facts (model/known_facts.py)
PIECE = 1 << 16  # the snapshot is stored in pieces of 64 KB, so one edit rewrites a few, not 6 MB
LOCK_TIMEOUT = 10.0  # seconds to wait for another process's save
# The modules whose code decides what a parsed note holds; editing one invalidates every cache.
_PARSE_MODULES = ("index/note.py", "index/frontmatter.py", "index/markdown.py", "index/kind.py", "index/read.py", "index/snapshot.py",
                  "links.py", "dates.py", "errors.py", "mapping.py")
_ALLOWED = {
    "vaultkit.index.note": {"Note"},
    "vaultkit.errors": {"Problem"},
    "vaultkit.index.markdown": {"Body", "Section", "Item", "Link", "Row", "Table"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
}


if TYPE_CHECKING:
    from .note import Note

_SCHEMA = {
    "meta": "key TEXT PRIMARY KEY, value TEXT",
    "snapshot": "id INTEGER PRIMARY KEY, piece BLOB",
    "notes": "path TEXT PRIMARY KEY, digest BLOB, kind TEXT, note BLOB",
    "records": "key TEXT PRIMARY KEY, value BLOB",
    "facts": "path TEXT PRIMARY KEY, digest BLOB, version TEXT, facts BLOB",
}
_TABLES = set(_SCHEMA)


class CacheWarning(Exception):
    """Why the cache was not used as it stood; the command goes on without it."""


def cache_dir(environ=os.environ) -> Path:
    return Path(cache_dir_name(environ))


def cache_file(root: Path, environ=os.environ) -> Path:
    return Path(cache_file_name(str(root.resolve()), environ))


def fingerprint(config: Config) -> str:
    parts = [str(SCHEMA), config.folders.contacts, config.folders.interviews,
             config.daily_format.pattern, config.mapping.fingerprint()]
    here = Path(__file__).parent.parent  # vaultkit/
    for module in _PARSE_MODULES:
        parts.append(hashlib.sha256((here / module).read_bytes()).hexdigest())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class _NotesOnly(Restricted):
    allowed = _ALLOWED
    found = {}


_WRITER = Writer(_ALLOWED)


def _encode(note: Note | None) -> bytes | None:
    return None if note is None else _WRITER.dumps(note)


def _decode(rel: str, blob: bytes | None) -> Note | None:
    if blob is None:
        return None
    from .note import Note  # here: the cache is read on every run, the parser (and YAML) only for a note read again

    note = _NotesOnly(io.BytesIO(blob)).load()
    if type(note) is not Note or note.path != rel:
        raise pickle.UnpicklingError(f"row for {rel} holds something else")
    return note


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class NoteCache:
    """One vault's cache file. Every method turns SQLite trouble into CacheWarning.

    Tables: `meta` (schema, vault, fingerprint, the token of the last save); `snapshot`: every
    note's signature (snapshot.py), in pieces, of which a save rewrites only those that changed
    since the save it loaded; `notes`, a row per note that has a parsed note, with the
    hash of the bytes it came from; `records`, what a command recorded of its last run
    (memo.py), so that one with nothing new to say can say it again; `facts`, what the model
    read from each note (model/known_facts.py, which encodes and decodes them), with the hash of
    the note's bytes and the version of the model's reading.
    """

    def __init__(self, config: Config, environ=os.environ):
        self.path = cache_file(config.root, environ)
        self.vault = printable(str(config.root.resolve()))  # sqlite takes only UTF-8
        self.fingerprint = fingerprint(config)
        self._pieces: tuple[str, list[bytes]] | None = None  # the snapshot as loaded: its token, its pieces

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")  # a reader never waits for the daemon's writes
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def _reading(self, read):
        """`read(db)`, with any trouble turned into a CacheWarning (and a broken cache deleted)."""
        if not self.path.exists():
            return None
        try:
            db = self._connect()
            try:
                return read(db)
            finally:
                db.close()
        except sqlite3.OperationalError as exc:
            if _busy(exc):  # another vaultkit is writing it: fine, only slower this time
                raise CacheWarning(f"{self.path}: the cache is busy ({exc}); notes were read from their files") \
                    from None
            self.discard()
            raise CacheWarning(f"{self.path}: the cache could not be read ({exc}); it was deleted and will "
                               "be rebuilt") from None
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                KeyError, IndexError) as exc:
            self.discard()
            raise CacheWarning(f"{self.path}: the cache could not be read ({exc}); it was deleted and will "
                               "be rebuilt") from None

    def load_snapshot(self) -> Snapshot | None:
        """Every note's signature as last saved; None when the cache has none for this vault and parser."""
        return self._reading(self._read_snapshot)

    def _read_snapshot(self, db: sqlite3.Connection) -> Snapshot | None:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None  # just created by another process that has not committed its first save
        if "meta" not in tables:
            raise sqlite3.DatabaseError("not a vaultkit cache")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("vault") != self.vault:
            raise sqlite3.DatabaseError(f"made for {meta.get('vault', 'another vault')!r}")
        if meta.get("schema") != str(SCHEMA):  # an older (or newer) vaultkit's: start afresh, nothing is wrong
            db.close()
            self.discard()
            return None
        if tables != _TABLES:
            raise sqlite3.DatabaseError("not a vaultkit cache")
        if meta.get("fingerprint") != self.fingerprint:
            return None  # another parser or classification: every row is stale, and a save replaces them
        pieces = [bytes(row[0]) for row in db.execute("SELECT piece FROM snapshot ORDER BY id")]
        if not pieces:
            return None
        snapshot = Snapshot.decode(b"".join(pieces))
        self._pieces = (meta.get("snapshot", ""), pieces)
        return snapshot

    def load_notes(self, wanted: dict[str, bytes]) -> dict[str, Note]:
        """The parsed note of each path in `wanted` (path -> hash of the bytes it must come from).
        A row missing, or made from other bytes, means the cache is broken: CacheWarning."""
        def read(db: sqlite3.Connection) -> dict[str, Note]:
            if len(wanted) < 50:
                rows = [row for rel in wanted for row in
                        db.execute("SELECT path, digest, note FROM notes WHERE path = ?", (rel,))]
            else:
                rows = db.execute("SELECT path, digest, note FROM notes")
            notes = {rel: _decode(rel, blob) for rel, digest, blob in rows if wanted.get(rel) == digest}
            if len(notes) != len(wanted):
                raise ValueError(f"{len(wanted) - len(notes)} parsed notes are missing")
            return notes
        notes = self._reading(read)
        if notes is None and wanted:
            raise CacheWarning(f"{self.path}: the cache is gone; notes were read from their files")
        return notes or {}

    def save_snapshot(self, snapshot: Snapshot, read: dict[str, Entry], dropped: Iterable[str],
                      fresh: bool = False) -> None:
        """Write `snapshot`, and the notes of the entries just `read`; forget the `dropped` paths' notes.
        `fresh`: `read` holds every note, and replaces whatever the cache held."""
        blob = snapshot.encode()
        pieces = [blob[at:at + PIECE] for at in range(0, len(blob), PIECE)]
        token = os.urandom(8).hex()  # names this save: a later one rewrites only pieces that differ from it
        try:
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE")
                for table, columns in _SCHEMA.items():
                    db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
                meta = dict(db.execute("SELECT key, value FROM meta"))
                if fresh or meta.get("fingerprint") != self.fingerprint or meta.get("schema") != str(SCHEMA):
                    if not fresh:  # another vaultkit, with other settings, saved meanwhile: leave it its cache
                        db.execute("ROLLBACK")
                        return
                    db.execute("DELETE FROM notes")
                    db.execute("DELETE FROM records")
                    db.execute("DELETE FROM facts")
                old = self._pieces[1] if self._pieces and self._pieces[0] == meta.get("snapshot") and not fresh else []
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                               [("schema", str(SCHEMA)), ("vault", self.vault), ("fingerprint", self.fingerprint),
                                ("snapshot", token)])
                db.execute("DELETE FROM snapshot WHERE id >= ?", (len(pieces),))
                db.executemany("INSERT OR REPLACE INTO snapshot VALUES (?, ?)",
                               ((i, piece) for i, piece in enumerate(pieces) if i >= len(old) or old[i] != piece))
                gone = [] if fresh else [*dropped, *(rel for rel, e in read.items() if e.note is None)]
                db.executemany("DELETE FROM notes WHERE path = ?", ((rel,) for rel in gone))
                db.executemany("DELETE FROM facts WHERE path = ?", ((rel,) for rel in gone))
                db.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?)",
                               ((rel, e.digest or NO_DIGEST, e.kind, _encode(e.note)) for rel, e in read.items()
                                if e.note is not None))
                db.execute("COMMIT")
                self._pieces = (token, pieces)
            finally:
                db.close()
        except (sqlite3.Error, OSError) as exc:
            raise CacheWarning(f"{self.path}: the cache could not be saved ({exc}); the next run reads "
                               "more notes") from None

    def load_facts(self, version: str, wanted: dict[str, bytes]) -> dict[str, bytes]:
        """The encoded facts of `version` kept for each of `wanted` (path -> hash of the note's bytes) that
        were made from those bytes; a path with none is left out."""
        def read(db: sqlite3.Connection):
            if len(wanted) < 50:
                rows = [row for rel in wanted for row in
                        db.execute("SELECT path, digest, version, facts FROM facts WHERE path = ?", (rel,))]
            else:
                rows = db.execute("SELECT path, digest, version, facts FROM facts")
            return {rel: bytes(blob) for rel, digest, kept_version, blob in rows
                    if kept_version == version and wanted.get(rel) == digest}
        return self._reading(read) or {}

    def save_facts(self, version: str, rows: dict[str, tuple[bytes, bytes]]) -> None:
        """Keep each path's facts (path -> (hash of the note's bytes, encoded facts)) of this `version`."""
        try:
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE")
                meta = dict(db.execute("SELECT key, value FROM meta"))
                if meta.get("fingerprint") != self.fingerprint:  # saved meanwhile by another vaultkit's settings
                    db.execute("ROLLBACK")
                    return
                db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)",
                               ((rel, digest, version, blob) for rel, (digest, blob) in rows.items()))
                db.execute("COMMIT")
            finally:
                db.close()
        except (sqlite3.Error, OSError) as exc:
            raise CacheWarning(f"{self.path}: the cache could not be saved ({exc})") from None

    def record(self, key: str) -> bytes | None:
        """What a command recorded of its last run under `key`; None when there is none (or no cache)."""
        def read(db: sqlite3.Connection):
            row = db.execute("SELECT value FROM records WHERE key = ?", (key,)).fetchone()
            return None if row is None else bytes(row[0])
        try:
            return self._reading(read)
        except CacheWarning:
            return None

    def put_record(self, key: str, value: bytes) -> None:
        try:
            db = self._connect()
            try:
                db.execute("INSERT OR REPLACE INTO records VALUES (?, ?)", (key, value))
            finally:
                db.close()
        except (sqlite3.Error, OSError) as exc:
            raise CacheWarning(f"{self.path}: the cache could not be saved ({exc})") from None

    def discard(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal", ".paths"):  # .paths: beside the cache of older versions
            try:
                os.unlink(f"{self.path}{suffix}")
            except OSError:
                pass
