"""A look into the parse cache for tab completion, which cannot wait for a parse or load the parser.

Read-only (SQLite's `mode=ro`): a TAB never changes the cache, and never waits for a run that is
saving it for more than half a second.
"""
from __future__ import annotations

import io
import os
import pickle
import sqlite3

from ..config import Config
from .cache import _ALLOWED, SCHEMA, NoteCache, _NotesOnly


def _fields(*values):
    return values


class _FieldsOnly(_NotesOnly):
    """Each of vaultkit's note classes as the plain tuple of its fields, in the order cache._encode wrote
    them: a reader that wants only front-matter loads neither the classes nor the YAML parser."""

    def find_class(self, module: str, name: str):
        if module.startswith("vaultkit.") and name in _ALLOWED.get(module, ()):
            return _fields
        return super().find_class(module, name)


def cached_props_of_kind(config: Config, kind: str, environ=os.environ) -> dict[str, dict] | None:
    """The front-matter (normalised keys) of each note the cache holds as `kind`, read-only and
    without loading the parser: for tab completion, which cannot wait. None when there is no
    usable cache, or a row is not a Note(path, props, ...) as this version writes it."""
    cache = NoteCache(config, environ)
    if not cache.path.exists():
        return None
    try:
        db = sqlite3.connect(f"{cache.path.as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if (meta.get("vault") != cache.vault or meta.get("fingerprint") != cache.fingerprint
                    or meta.get("schema") != str(SCHEMA)):
                return None
            rows = db.execute("SELECT path, note FROM notes WHERE kind = ?", (kind,)).fetchall()
        finally:
            db.close()
        found = {}
        for rel, blob in rows:
            fields = _FieldsOnly(io.BytesIO(blob)).load()
            if not (isinstance(fields, tuple) and fields[:1] == (rel,) and isinstance(fields[1], dict)):
                return None
            found[rel] = fields[1]
        return found
    except (sqlite3.Error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, KeyError,
            IndexError):
        return None
