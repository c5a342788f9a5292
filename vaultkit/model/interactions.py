"""Interaction notes (one note per conversation) -> touches; the vault's own key names.

An interaction note is a touch with each person it links, on its date (a
datetime counts for its local date). Its kind comes from its tags, as a Log
item's does, else from a property value listed in `[touch_kinds]`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..dates import in_range, parse_date_time, range_problem
from ..errors import WARNING, Problem, shown
from ..links import name_of, note_name
from ..mapping import Mapping
from ..index.kind import PEOPLE_KEYS
from ..index.note import Note
from .entities import PersonRef, Touch
from .props import Props
from .touches import touch_kind

_TEXT_KEYS = ("summary", "subject", "title")
_NOT_KINDS = {"date", "type", "tags", "tag", "aliases", *PEOPLE_KEYS, *_TEXT_KEYS}


def with_their_keys(note: Note, keys: tuple[tuple[str, tuple[str, ...]], ...]) -> Note:
    """The note with each of the user's property names (`[keys]`) read as vaultkit's."""
    props, lines, items = note.props, note.key_lines, note.item_lines
    for ours, theirs in keys:
        if ours in note.props:
            continue  # vaultkit's own key, where written, wins
        found = next((k for k in theirs if k in note.props), None)
        if found is None:
            continue
        if props is note.props:
            props, lines, items = dict(props), dict(lines), dict(items)
        props[ours] = props[found]
        if found in lines:
            lines[ours] = lines[found]
        if found in items:
            items[ours] = items[found]
    return note if props is note.props else replace(note, props=props, key_lines=lines, item_lines=items)


def _written_as(note: Note, mapping: Mapping, ours: str) -> str:
    """The key as the note has it: `comm_datetime` when [keys] gave vaultkit's `date` from it."""
    theirs = dict(mapping.keys).get(ours, ())
    return next((k for k in theirs if k in note.props and note.props[k] is note.props[ours]), ours)


def _kind(note: Note, mapping: Mapping) -> str | None:
    tags = note.tags + (note.body.tags if note.body else ())
    kind = touch_kind(tags)
    if kind or not mapping.touch_kinds:
        return kind
    for key, value in note.props.items():
        if key in _NOT_KINDS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and (found := mapping.touch_kind_of(name_of(item))):
                return found
    return None


def interaction_touches(note: Note, mapping: Mapping, resolve: Callable[[PersonRef, str], PersonRef],
                        problems: list[Problem]) -> list[Touch]:
    """One touch per person the note links, on its date; what is missing is a warning, never a guess."""
    p = Props(note, problems)
    if not p.has("date"):
        p.report("date", WARNING, "interaction note has no date (a date property, or one named in [keys] date); "
                                  "not counted as a touch")
        return []
    parsed = parse_date_time(note.props["date"])
    label = _written_as(note, mapping, "date")
    if parsed is None:
        p.report("date", WARNING, f"{label} {shown(note.props['date'])} is not a date like 2026-11-12; not counted")
        return []
    day = parsed[0]
    if not in_range(day):
        p.report("date", WARNING, f"{label} {range_problem(day)}; not counted")
        return []
    key = next((k for k in PEOPLE_KEYS if p.has(k)), None)
    if key is None:
        p.report("date", WARNING, "interaction note links nobody (contacts: [\"[[Name]]\"], or a key named in "
                                  "[keys] contacts); not counted")
        return []
    kind = _kind(note, mapping)
    text = next((p.text(k) for k in _TEXT_KEYS if p.has(k)), "") or note_name(note.path)
    touches, seen = [], set()
    for written, line in p.texts(key):
        person = resolve(PersonRef(written, name_of(written), None, line), note.path)
        if person.path and person.path not in seen:
            seen.add(person.path)
            touches.append(Touch(person.path, day, kind, text, note.path, p.line("date")))
    return touches
