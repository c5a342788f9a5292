"""A touch as a new row of a Log kept as a table, written in the table's own form.

The row keeps the table's columns: the date in its date column, the kind word in
its kind column (the word the vault already uses for that kind, else the one
`[touch_kinds]` gives, else vaultkit's own), the text in its Notes column, the
other cells empty. It copies the table's form from its lines: the indentation or
`>` before it, outer pipes or none, a space around cells or none, and, in a table
padded so its pipes line up, the same padding and each column's alignment.
"""
from __future__ import annotations

import re

from ..dates import ISO_DAILY, DailyFormat
from ..index.markdown import Body, Section, Table
from ..links import tags_in
from ..mapping import Mapping, word_of
from ..model.touches import KIND_TAGS, Columns, leading_date, table_columns, touch_kind, word_kind

_PREFIX = re.compile(r"[ \t>]*")
_PIPE = re.compile(r"(?<!\\)\|")  # a cell's edge; `\|` is a pipe inside a cell


def log_table(body: Body, section: Section) -> Table | None:
    """The table a Log section is kept in; None when it is kept as a list (it has dated items) or has no table."""
    tables = body.tables_in(section)
    if not tables or any(leading_date(i.text, ISO_DAILY)[2] for i in body.items_in(section)):
        return None
    return tables[0]


def _cells(line: str) -> tuple[str, list[str], bool]:
    """(prefix, raw cells, outer pipes) of a table line without its line ending."""
    prefix = _PREFIX.match(line).group()
    parts = _PIPE.split(line[len(prefix):].rstrip())
    outer = len(parts) > 1 and parts[0].strip() == "" and parts[-1] == ""
    return prefix, (parts[1:-1] if outer else parts), outer


def _alignments(delimiter: list[str]) -> list[str]:
    found = []
    for cell in delimiter:
        cell = cell.strip()
        found.append("center" if cell.startswith(":") and cell.endswith(":") else
                     "right" if cell.endswith(":") else "left")
    return found


def format_row(table: Table, lines: list[str], cells: list[str]) -> str:
    """`cells` as a line of `table` (whose lines are in `lines`, with their endings), in its form."""
    raw = [lines[n - 1].rstrip("\r\n") for n in range(table.line, table.end_line + 1)]
    prefix, last, outer = _cells(raw[-1] if len(raw) > 2 else raw[0])
    split = [_cells(line)[1] for line in raw]
    widths = [len(c) for c in split[0]]
    lined_up = outer and len(raw) > 2 and all([len(c) for c in row] == widths for row in split)
    spaced = any(c.startswith(" ") for c in last)
    if lined_up:
        aligns = _alignments(split[1])
        out = []
        for text, width, align in zip(cells, widths, aligns):
            inner = max(width - 2 * spaced, 0)
            padded = text.center(inner) if align == "center" else text.rjust(inner) if align == "right" \
                else text.ljust(inner)
            out.append(f" {padded} " if spaced else padded)
    else:
        out = [(f" {text} " if text else " ") if spaced else text for text in cells]
    row = "|".join(out)
    return f"{prefix}|{row}|" if outer else prefix + (row.strip() if spaced else row)


def _kind_column(table: Table, columns: Columns, mapping: Mapping) -> int | None:
    """The kind column that holds kinds already, else the first one."""
    for i in columns.kinds:
        if any(i < len(r.cells) and word_kind(r.cells[i], mapping) for r in table.rows):
            return i
    return columns.kinds[0] if columns.kinds else None


def _kind_word(kind: str, table: Table, column: int, mapping: Mapping) -> str:
    """The vault's word for `kind`: as a row of the table has it, else the first in [touch_kinds], else vaultkit's."""
    for row in reversed(table.rows):
        cell = row.cells[column].strip() if column < len(row.cells) else ""
        if cell and (mapping.touch_kind_of(cell) or KIND_TAGS.get(word_of(cell.lstrip("#")))) == kind:
            return cell
    words = dict(mapping.touch_kinds).get(kind)
    return words[0] if words else kind


def _without_tag(text: str, kind: str) -> str:
    """The text with the tag that gave its kind taken out (the kind column says it)."""
    for tag in tags_in(text):
        if KIND_TAGS.get(tag) == kind:
            return re.sub(rf"(?<![^\s(])#{re.escape(tag)}(?![\w\-/])\s*", "", text, count=1, flags=re.I).strip()
    return text


def table_row(table: Table, lines: list[str], entry: str, mapping: Mapping) -> str:
    """The row for `entry` (`2026-11-22 #reply glad to help`), as a line of `table`."""
    day, _, text = entry.partition(" ")
    columns = table_columns(table.header)
    cells = [""] * len(table.header)
    kind = touch_kind(tags_in(text))
    column = _kind_column(table, columns, mapping)
    if kind and column is not None:
        cells[column] = _kind_word(kind, table, column, mapping)
        text = _without_tag(text, kind)
    if columns.text is None:
        day, text = f"{day} {text}".strip(), ""
    cells[columns.date] = day
    if columns.text is not None:
        cells[columns.text] = text
    return format_row(table, lines, [_PIPE.sub(r"\\|", " ".join(c.split())) for c in cells])


def table_inserts(table: Table, lines: list[str], entries: list[tuple], mapping: Mapping,
                  daily_format: DailyFormat) -> list[tuple[int, int, str]]:
    """(line index to insert before, order, row) for each (day, entry), in date order among the rows;
    a table kept newest first gets them newest first."""
    column = table_columns(table.header).date
    dated = [(row, leading_date(row.cells[column] if column < len(row.cells) else "", daily_format)[0])
             for row in table.rows]
    dated = [(row, day) for row, day in dated if day is not None]
    newest_first = len(dated) >= 2 and dated[0][1] > dated[-1][1]
    inserts = []
    for order, (day, entry) in enumerate(entries):
        if not dated:
            at = table.end_line
        elif newest_first:
            later = [row for row, d in dated if d > day]
            at = later[-1].line if later else dated[0][0].line - 1
        else:
            earlier = [row for row, d in dated if d <= day]
            at = earlier[-1].line if earlier else dated[0][0].line - 1
        inserts.append((at, -order if newest_first else order, table_row(table, lines, entry, mapping)))
    return inserts
