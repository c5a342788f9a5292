"""Each note's facts (facts.py) as the last run worked them out, so a run works out only those of the
notes that changed.

After one contact's edit, a vault of 3,000 interviews would otherwise decode
every interview note from the cache and read its fields and sections again: a
third of the run (docs/performance.md). A note's facts depend only on its bytes
and the settings in `facts_version`, so they are kept in the index's cache with
the hash of the bytes they came from and that version; a run takes back those
whose note is unchanged and works out the rest from the parsed notes. The
daemon's index keeps them in memory too (`VaultIndex.derived`).

The cache is never an authority: a row of another version or other bytes, or
one that does not decode, is worked out again. Rows are decoded by an
unpickler that builds only the model's value classes, note classes and dates,
so a doctored cache cannot run code.
"""
from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..index.pickled import Restricted, Writer
from ..index.vault_index import VaultIndex
from .facts import NoteFacts, facts_of

_ALLOWED = {
    "vaultkit.model.facts": {"NoteFacts", "ContactFacts", "Mention"},
    "vaultkit.model.entities": {"Contact", "PersonRef", "Touch"},
    "vaultkit.dates": {"Cadence"},
    "vaultkit.errors": {"Problem"},
    "vaultkit.index.note": {"Note"},
    "vaultkit.index.markdown": {"Body", "Section", "Item", "Link", "Row", "Table"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
}
_MODEL = Path(__file__).resolve().parent


def facts_version(config: Config) -> str:
    """What decides a note's facts besides its bytes and the parser (the cache's fingerprint covers
    that): the model's code, [keys], [statuses], [touch_kinds], the Log's headings, the daily-note format."""
    settings = repr((config.mapping, config.log_headings, config.daily_format.pattern))
    return hashlib.blake2b(f"{_code_version()}\0{settings}".encode("utf-8", "surrogateescape"),
                           digest_size=12).hexdigest()


@lru_cache(maxsize=1)
def _code_version() -> str:
    h = hashlib.blake2b(digest_size=12)
    for path in sorted(_MODEL.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def model_facts(index: VaultIndex, kept_only: bool = False) -> list[NoteFacts]:
    """The facts of every note the model reads, in path order: kept ones where the note is unchanged.
    `kept_only`: only take back the kept ones into the index (what `load.prepare_model` does early)."""
    config = index.config
    version = facts_version(config)
    entries = index.model_notes()
    known = index.derived
    facts: dict[str, NoteFacts] = {}
    wanted: dict[str, tuple[bytes, str | None]] = {}  # path -> the hash of its bytes, its kind
    for rel, digest, kind in entries:
        hit = known.get(rel)
        if hit is not None and hit[0] == digest and hit[1] == version:
            facts[rel] = hit[2]
        else:
            wanted[rel] = (digest, kind)
    if wanted:
        kept = index.kept_facts(version, {rel: digest for rel, (digest, _) in wanted.items()})
        for rel, blob in kept.items():
            found = _decode(blob)
            if found is not None and found.path == rel and found.kind == wanted[rel][1]:
                facts[rel] = found
                known[rel] = (wanted.pop(rel)[0], version, found)
    if kept_only:
        return []
    if wanted:
        notes = index.notes_of({rel: digest for rel, (digest, _) in wanted.items()})
        if notes is None:  # the cache failed and every note was read again
            return model_facts(index)
        rows = {}
        for rel, (digest, kind) in wanted.items():
            facts[rel] = found = facts_of(notes[rel], kind, config)
            known[rel] = (digest, version, found)
            if index.keeps_facts:
                rows[rel] = (digest, _encode(found))
        index.keep_facts(version, rows)
    return [facts[rel] for rel, _, _ in entries]


class _ModelValuesOnly(Restricted):
    allowed = _ALLOWED
    found = {}


_WRITER = Writer(_ALLOWED)


def _encode(facts: NoteFacts) -> bytes:
    return _WRITER.dumps(facts)


def _decode(blob: bytes) -> NoteFacts | None:
    """The facts in `blob`; None when it holds anything else or does not decode (worked out again)."""
    try:
        facts = _ModelValuesOnly(io.BytesIO(blob)).load()
    except Exception:  # a damaged row of an optimisation: whatever went wrong, the note is read instead
        return None
    return facts if type(facts) is NoteFacts else None
