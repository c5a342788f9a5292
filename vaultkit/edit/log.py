"""`vaultkit log`: add one touch to a contact's Log by inserting a line, nothing else.

The note is never re-serialised. The new line goes right after the last list
item of the Log section (any heading level), or under its heading if it has
no items yet, or in a new `## Log` section at the end; a Log kept as a table
gets a row after its last one instead (log_table.py). It uses the note's own
line ending; a BOM, trailing spaces, a missing final newline and every other
byte are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..index.markdown import Body, Section
from ..index.note import parse_note
from ..mapping import NO_MAPPING, Mapping
from .log_table import log_table, table_row

_LINE_END = re.compile(r"\r\n|\r|\n")
_MARKER = re.compile(r"^([ \t>]*)(?:([-*+])|(\d+)([.)]))[ \t]")
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Insertion:
    content: bytes  # the whole note after the edit
    line: int  # the line the touch is on, 1-based
    text: str  # the line added, without its line ending


def split_lines(text: str) -> list[str]:
    """Lines with their endings (`\\r\\n`, `\\r` or `\\n`), as vaultkit's parser counts them."""
    lines, start = [], 0
    for m in _LINE_END.finditer(text):
        lines.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def _ending(lines: list[str]) -> str:
    for line in lines:
        m = _LINE_END.search(line)
        if m:
            return m.group()
    return "\n"


def _log_section(body: Body, headings) -> Section | None:
    wanted = {h.casefold() for h in headings}
    return next((s for s in body.sections if s.title.casefold() in wanted), None)


def _bullet(line: str) -> str:
    """The indentation and marker of an existing item, for the new one: `- `, `  * `, `3. ` -> `4. `."""
    m = _MARKER.match(line)
    if not m:
        return "- "
    indent, bullet, number, delimiter = m.groups()
    return f"{indent}{bullet} " if bullet else f"{indent}{int(number) + 1}{delimiter} "


@dataclass(frozen=True)
class NoteLines:
    """A note as the Log editors see it: its lines (with their endings) and its Log section."""

    bom: bool
    text: str  # without the BOM
    lines: list[str]
    eol: str  # the note's own line ending
    body: Body | None
    section: Section | None  # the Log section, None if the note has none


def note_lines(path: str, data: bytes, headings) -> NoteLines:
    """Read `data` for an edit of its Log (UnicodeDecodeError if it is not UTF-8)."""
    bom = data.startswith(BOM)
    text = data[len(BOM):].decode("utf-8") if bom else data.decode("utf-8")
    lines = split_lines(text)
    body = parse_note(path, data).body
    return NoteLines(bom, text, lines, _ending(lines), body, _log_section(body, headings) if body else None)


def add_touch(path: str, data: bytes, entry: str, headings, mapping: Mapping = NO_MAPPING) -> Insertion:
    """The note's bytes with `- {entry}` added to its Log (`entry` is e.g. `2026-11-22 #reply thanks`),
    or a row for it when the Log is a table (`mapping`: the vault's own kind words)."""
    note = note_lines(path, data, headings)
    bom, text, lines, eol, body, section = note.bom, note.text, note.lines, note.eol, note.body, note.section
    if section is None:
        return _append_section(bom, text, lines, eol, entry, headings[0] if headings else "Log")
    items = body.items_in(section)
    table = log_table(body, section)
    if table is not None:
        after = table.end_line
        new_line = table_row(table, lines, entry, mapping)
    elif items:
        top = min(i.depth for i in items)
        last = [i for i in items if i.depth == top][-1]
        after = last.end_line
        while after > last.line and not lines[after - 1].strip():
            after -= 1  # an item's range runs over the blank lines after it
        new_line = _bullet(lines[last.line - 1]) + entry
    else:
        after = section.heading_end
        new_line = "- " + entry
    before = lines[:after]
    if before and not _LINE_END.search(before[-1]):  # inserting after a last line that has no newline
        before[-1] += eol
        inserted = new_line
    else:
        inserted = new_line + eol
    new_text = "".join(before) + inserted + "".join(lines[after:])
    return Insertion((BOM if bom else b"") + new_text.encode("utf-8"), after + 1, new_line)


def _append_section(bom: bool, text: str, lines: list[str], eol: str, entry: str, heading: str) -> Insertion:
    new_line = f"- {entry}"
    if not text:
        added = f"## {heading}{eol}{new_line}{eol}"
    elif not _LINE_END.search(lines[-1]):
        added = f"{eol}{eol}## {heading}{eol}{new_line}"  # keep the missing final newline missing
    elif not lines[-1].strip():
        added = f"## {heading}{eol}{new_line}{eol}"  # already ends with a blank line
    else:
        added = f"{eol}## {heading}{eol}{new_line}{eol}"
    line = len(split_lines(text + added))
    return Insertion((BOM if bom else b"") + (text + added).encode("utf-8"), line, new_line)
