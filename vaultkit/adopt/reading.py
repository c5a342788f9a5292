"""What each note of a vault offers detection: its folder, tags, type words, keys, date and links.

One pass over the notes (the index's walk and parser). Templates (Templater's
`<%`, a folder named like `Templates`), settings and Metadata Menu fileClass
definitions are left out, each with the reason, so none of them becomes a person.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from ..config import Config
from ..dates import parse_date_time
from ..index.discover import walk_notes
from ..index.kind import is_templater
from ..index.note import Note, parse_note
from ..links import WIKILINK, link_target, md_link, name_key, note_name
from ..mapping import key_of

_KEY_LINE = re.compile(r"^([^\s:#\-][^:\n]*?)\s*:", re.M)
_WORD = re.compile(r"[^\W\d_]+")
TYPE_KEYS = ("type", "category", "categories", "fileclass", "class", "kind")
# keys whose date says when the note was written, not when anything happened
_BOOKKEEPING = {"created", "modified", "updated", "date_created", "date_modified", "created_at", "updated_at",
                "last_modified", "creation_date", "birthday", "dob"}
SETTINGS_FOLDERS = {"settings", "config", "configuration", "_settings", "_config", "meta", "_meta"}


@dataclass
class Seen:
    """One note, as detection sees it."""

    rel: str
    note: Note
    spellings: dict[str, str]  # normalised key -> as written
    tags: set[str]
    type_words: set[str]  # words of its type-like properties (`fileClass: Person` -> person)
    keys: set[str]  # normalised keys written (an empty value counts: it is the vault's schema)
    date_key: str | None = None  # the key whose value dates it
    links: dict[str, list[str]] = field(default_factory=dict)  # key -> names of the notes its value links

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.rel)

    @property
    def name(self) -> str:
        return note_name(self.rel)


def words(text: str) -> set[str]:
    """`30 Records/10 Positions` -> {records, positions}; `log-communication` -> {log, communication}."""
    return {w.casefold() for w in _WORD.findall(text)}


def linked_names(value, source: str) -> list[str]:
    """The notes a property value links, by name key: wikilinks and Markdown links (`%20` decoded,
    relative to the linking note), in a single value or a list."""
    found = []
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, str):
            continue
        for m in WIKILINK.finditer(item):
            found.append(name_key(link_target(m.group(1)).rsplit("/", 1)[-1]))
        link = md_link(item) if "](" in item else None
        if link:
            found.append(name_key(note_name(posixpath.normpath(posixpath.join(posixpath.dirname(source), link[1]))
                                            + ".md")))
    return [f for f in found if f]


def _left_out(rel: str, note: Note) -> str | None:
    folders = [part.casefold() for part in rel.split("/")[:-1]]
    if any("template" in part for part in folders) or is_templater(note):
        return "template"
    if any(part.replace(" ", "") in ("fileclass", "fileclasses") for part in folders) or _defines_fields(note):
        return "fileClass definition"
    if any(part in SETTINGS_FOLDERS for part in folders):
        return "settings note"
    return None


def _defines_fields(note: Note) -> bool:
    """A Metadata Menu fileClass note: `fields:` a list of {name, type}."""
    fields = note.props.get("fields")
    return isinstance(fields, list) and any(isinstance(f, dict) and "name" in f for f in fields)


def _date_key(note: Note) -> str | None:
    dated = [k for k, v in note.props.items() if k not in _BOOKKEEPING and parse_date_time(v)]
    return next((k for k in dated if "date" in k or "time" in k or k == "when"), dated[0] if dated else None)


def _type_words(note: Note) -> set[str]:
    found: set[str] = set()
    for key in TYPE_KEYS:
        value = note.props.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found |= words(item)
    return found


def read_vault(config: Config) -> tuple[list[Seen], list[tuple[str, str]]]:
    """Every note, parsed whole, and the notes left out with why (template, settings note, fileClass definition)."""
    rels, _ = walk_notes(config)
    seen, left_out = [], []
    for rel in rels:
        try:
            data = (config.root / rel).read_bytes()
        except OSError:
            continue
        note = parse_note(rel, data)
        if not note.readable:
            continue
        why = _left_out(rel, note)
        if why:
            left_out.append((rel, why))
            continue
        head = data[:_front_end(data)].decode("utf-8", "replace")
        spellings = {key_of(k): k.strip() for k in _KEY_LINE.findall(head)}
        tags = {t.casefold() for t in note.tags} | {t.casefold() for t in (note.body.tags if note.body else ())}
        links = {k: names for k, v in note.props.items() if (names := linked_names(v, rel))}
        seen.append(Seen(rel, note, spellings, tags, _type_words(note), set(note.props), _date_key(note), links))
    return seen, left_out


def _front_end(data: bytes) -> int:
    end = data.find(b"\n---", 3)
    return end if data.lstrip(b"\xef\xbb\xbf").startswith(b"---") and end > 0 else 0
