"""The parse cache on disk: one SQLite file per vault, in the user's cache folder.

SQLite (standard library) because it gives what a cache shared by `watch` and
`report` needs without code of ours: a transaction per save, so a crash
mid-write leaves the old state; locking, so two processes never interleave;
and a row per note, so one edit rewrites one row instead of the whole cache.

The cache is an optimisation and never an authority. A file that is not a
SQLite database, has another schema, belongs to another vault or holds a row
that does not decode is deleted and rebuilt with a warning. Rows are decoded
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

from ..config import Config
from ..paths import printable
from .kind import KINDS
from .note import Note
from .read import Entry

SCHEMA = 2  # 2: the note classes moved to vaultkit.index
LOCK_TIMEOUT = 10.0  # seconds to wait for another process's save
# The modules whose code decides what a parsed note holds; editing one invalidates every cache.
_PARSE_MODULES = ("index/note.py", "index/frontmatter.py", "index/markdown.py", "index/kind.py", "index/read.py",
                  "links.py", "dates.py", "errors.py")
_ALLOWED = {
    "vaultkit.index.note": {"Note"},
    "vaultkit.errors": {"Problem"},
    "vaultkit.index.markdown": {"Body", "Section", "Item", "Link"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
}


class CacheWarning(Exception):
    """Why the cache was not used as it stood; the command goes on without it."""


def cache_dir(environ=os.environ) -> Path:
    if environ.get("VAULTKIT_CACHE_DIR"):
        return Path(environ["VAULTKIT_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("vaultkit", appauthor=False))


def cache_file(root: Path, environ=os.environ) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return cache_dir(environ) / f"notes-{key}.sqlite3"


def fingerprint(config: Config) -> str:
    parts = [str(SCHEMA), config.folders.contacts, config.folders.interviews,
             config.daily_format.pattern, config.mapping.fingerprint()]
    here = Path(__file__).parent.parent  # vaultkit/
    for module in _PARSE_MODULES:
        parts.append(hashlib.sha256((here / module).read_bytes()).hexdigest())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class _NotesOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _encode(note: Note | None) -> bytes | None:
    return None if note is None else pickle.dumps(note, protocol=pickle.HIGHEST_PROTOCOL)


def _decode(rel: str, blob: bytes | None) -> Note | None:
    if blob is None:
        return None
    note = _NotesOnly(io.BytesIO(blob)).load()
    if type(note) is not Note or note.path != rel:
        raise pickle.UnpicklingError(f"row for {rel} holds something else")
    return note


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class NoteCache:
    """One vault's cache file. Every method turns SQLite trouble into CacheWarning."""

    def __init__(self, config: Config, environ=os.environ):
        self.path = cache_file(config.root, environ)
        self.vault = printable(str(config.root.resolve()))  # sqlite takes only UTF-8
        self.fingerprint = fingerprint(config)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")  # a reader never waits for the daemon's writes
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def load(self) -> dict[str, Entry]:
        """Every entry the cache holds for this vault and parser; {} when it has none or is unusable."""
        if not self.path.exists():
            return {}
        try:
            db = self._connect()
            try:
                return self._read(db)
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
                KeyError) as exc:
            self.discard()
            raise CacheWarning(f"{self.path}: the cache could not be read ({exc}); it was deleted and will "
                               "be rebuilt") from None

    def _read(self, db: sqlite3.Connection) -> dict[str, Entry]:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return {}  # just created by another process that has not committed its first save
        if tables != {"meta", "notes"}:
            raise sqlite3.DatabaseError("not a vaultkit cache")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != str(SCHEMA) or meta.get("vault") != self.vault:
            raise sqlite3.DatabaseError(f"made for {meta.get('vault', 'another vault')!r}, schema "
                                        f"{meta.get('schema', '?')}")
        if meta.get("fingerprint") != self.fingerprint:
            return {}  # another parser or classification: every row is stale, and save() replaces them
        kinds = {None: None, **{k: k for k in KINDS}}  # interned: one string per kind
        return {rel: Entry(size, mtime_ns, checked_ns, digest, kinds[kind], blob and _decode(rel, blob))
                for rel, size, mtime_ns, checked_ns, digest, kind, blob
                in db.execute("SELECT path, size, mtime_ns, checked_ns, digest, kind, note FROM notes")}

    def save(self, entries: dict[str, Entry], changed: Iterable[str], dropped: Iterable[str],
             fresh: bool = False) -> None:
        """Write the `changed` paths' entries and forget `dropped`; `fresh` replaces every row."""
        try:
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
                db.execute("CREATE TABLE IF NOT EXISTS notes (path TEXT PRIMARY KEY, size INTEGER, "
                           "mtime_ns INTEGER, checked_ns INTEGER, digest BLOB, kind TEXT, note BLOB) WITHOUT ROWID")
                meta = dict(db.execute("SELECT key, value FROM meta"))
                if fresh or meta.get("fingerprint") != self.fingerprint:
                    db.execute("DELETE FROM notes")
                    changed = entries.keys()
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                               [("schema", str(SCHEMA)), ("vault", self.vault), ("fingerprint", self.fingerprint)])
                db.executemany("DELETE FROM notes WHERE path = ?", ((rel,) for rel in dropped))
                db.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?)",
                               ((rel, e.size, e.mtime_ns, e.checked_ns, e.digest, e.kind, _encode(e.note))
                                for rel in changed if (e := entries.get(rel)) is not None))
                db.execute("COMMIT")
            finally:
                db.close()
        except (sqlite3.Error, OSError) as exc:
            raise CacheWarning(f"{self.path}: the cache could not be saved ({exc}); the next run reads "
                               "more notes") from None

    def discard(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except OSError:
                pass


def cached_paths_of_kind(config: Config, kind: str, environ=os.environ) -> list[str] | None:
    """The paths the cache knows as `kind`, read-only and without decoding a note: for tab
    completion, which cannot wait for a parse. None when there is no usable cache."""
    cache = NoteCache(config, environ)
    if not cache.path.exists():
        return None
    try:
        db = sqlite3.connect(f"{cache.path.as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("vault") != cache.vault or meta.get("fingerprint") != cache.fingerprint:
                return None
            return [row[0] for row in db.execute("SELECT path FROM notes WHERE kind = ?", (kind,))]
        finally:
            db.close()
    except sqlite3.Error:
        return None
