"""Dated touches inserted into a contact's Log in date order, by inserting lines, nothing else.

Like `vaultkit log` (log.py), the note is never re-serialised: every other byte, the BOM,
the line endings and a missing final newline stay as they were. Each new item goes after
the last top-level item dated on or before it (before the first one dated after it); a Log
kept newest first (its first dated item later than its last) gets them newest first too.
A Log kept as a table gets rows, placed the same way among its rows (log_table.py).
A note with no Log section gets `## Log` at the end, as `vaultkit log` does.
"""
from __future__ import annotations

import datetime as dt

from ..dates import DailyFormat
from ..mapping import NO_MAPPING, Mapping
from ..model.touches import leading_date
from .log import _LINE_END, _MARKER, BOM, _append_section, _bullet, note_lines
from .log_table import log_table, table_inserts


def add_touches_in_order(path: str, data: bytes, entries: list[tuple[dt.date, str]], headings,
                         daily_format: DailyFormat, mapping: Mapping = NO_MAPPING) -> bytes:
    """The note's bytes with `- {text}` added for each (day, text) of `entries`, each in date order
    (a row each, when the Log is a table; `mapping`: the vault's own kind words)."""
    if not entries:
        return data
    entries = sorted(entries, key=lambda e: e[0])  # stable: the caller's order within a day
    note = note_lines(path, data, headings)
    bom, text, lines, eol, body, section = note.bom, note.text, note.lines, note.eol, note.body, note.section
    if section is None:
        first = _append_section(bom, text, lines, eol, entries[0][1], headings[0] if headings else "Log")
        rest = [(day, entry) for day, entry in entries[1:]]
        return (add_touches_in_order(path, first.content, rest, headings, daily_format, mapping) if rest
                else first.content)
    table = log_table(body, section)
    if table is not None:
        return _splice(bom, lines, eol, sorted(table_inserts(table, lines, entries, mapping, daily_format)))
    items = body.items_in(section)
    top = [i for i in items if i.depth == min(i.depth for i in items)] if items else []
    dated = [(item, leading_date(item.text, daily_format)[0]) for item in top]
    dated = [(item, day) for item, day in dated if day is not None]
    newest_first = len(dated) >= 2 and dated[0][1] > dated[-1][1]
    inserts: list[tuple[int, int, str]] = []  # (line index to insert before, order, the line)
    for order, (day, entry) in enumerate(entries):
        at, template = _place(day, dated, top, newest_first, lines, section.heading_end)
        bullet = _bullet(lines[template.line - 1]) if template is not None else "- "
        if template is not None and at < template.line:  # going before an item: its own marker, not the next
            bullet = _same_marker(lines[template.line - 1])
        inserts.append((at, -order if newest_first else order, bullet + entry))
    return _splice(bom, lines, eol, sorted(inserts))


def _place(day, dated, top, newest_first, lines, heading_end):
    """(line index to insert at, the item whose marker to copy) for a new item dated `day`."""
    if not top:
        return heading_end, None
    if not dated:
        return _after(top[-1], lines), top[-1]
    if newest_first:
        later_or_same = [item for item, d in dated if d > day]
        if not later_or_same:
            return dated[0][0].line - 1, dated[0][0]
        return _after(later_or_same[-1], lines), later_or_same[-1]
    same_or_earlier = [item for item, d in dated if d <= day]
    if not same_or_earlier:
        return dated[0][0].line - 1, dated[0][0]
    return _after(same_or_earlier[-1], lines), same_or_earlier[-1]


def _after(item, lines) -> int:
    """The line index just after an item, leaving out the blank lines its range runs over."""
    after = item.end_line
    while after > item.line and not lines[after - 1].strip():
        after -= 1
    return after


def _same_marker(line: str) -> str:
    m = _MARKER.match(line)
    return m.group(0) if m else "- "


def _splice(bom: bool, lines: list[str], eol: str, inserts: list[tuple[int, int, str]]) -> bytes:
    out, done = [], 0
    for at, _, new_line in inserts:
        out += lines[done:at]
        done = at
        if out and not _LINE_END.search(out[-1]):  # after a last line that has no newline
            out[-1] += eol
            out.append(new_line)
        else:
            out.append(new_line + eol)
    tail = lines[done:]
    if tail and out and not _LINE_END.search(out[-1]):
        out[-1] += eol
    out += tail
    text = "".join(out)
    return (BOM if bom else b"") + text.encode("utf-8")
