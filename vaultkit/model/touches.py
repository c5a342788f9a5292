"""Touches: dated list items and table rows in a contact's Log, its last-contact property, and
daily-note items that mention a contact."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..dates import DailyFormat, ISO_DAILY, in_range, parse_date, parse_date_time, range_problem
from ..errors import WARNING, Problem, shown
from ..links import link_target
from ..mapping import NO_MAPPING, Mapping, word_of
from ..index.markdown import Link, Table
from ..index.note import Note
from .entities import Touch

KIND_TAGS = {
    "outreach": "outreach",
    "reply": "reply",
    "replied": "reply",
    "thanks": "thanks",
    "thank-you": "thanks",
    "thankyou": "thanks",
    "checkin": "checkin",
    "check-in": "checkin",
    "update": "update",
}
_LEADING_DATE = re.compile(r"(\*\*|__)?(\[\[[^\[\]\n]+\]\]|\[\d{4}-\d{1,2}-\d{1,2}\]|\d{4}-\d{1,2}-\d{1,2})\1?"
                           r"(?=$|[\s:,;–—-])[\s:,;–—-]*")
LAST_CONTACT_KEYS = ("last_contact", "last_contacted", "last_contacted_at")


_KIND_HEADERS = ("type", "kind", "channel", "direction")
_TEXT_HEADERS = ("notes", "note", "summary", "text", "description", "details", "what", "comments", "comment")
_WORDS = re.compile(r"[^\W\d_]+")
_PARTS = re.compile(r"[\s,;/()+]+")


def touch_kind(tags) -> str | None:
    return next((KIND_TAGS[t] for t in tags if t in KIND_TAGS), None)


@dataclass(frozen=True, slots=True)
class Columns:
    """What a Log table's columns hold, by their headers."""

    date: int  # the column headed Date, else the first
    kinds: tuple[int, ...]  # the columns headed Type, Kind, Channel or Direction
    text: int | None  # where a new row's text goes: a Notes column, else the first other one


def table_columns(header: tuple[str, ...]) -> Columns:
    words = [_WORDS.findall(h.casefold()) for h in header]
    date_column = next((i for i, w in enumerate(words) if "date" in w), 0)
    kinds = tuple(i for i, w in enumerate(words) if i != date_column and w[:1] and w[0] in _KIND_HEADERS)
    rest = [i for i in range(len(header)) if i != date_column and i not in kinds]
    text = next((i for i in rest if words[i][:1] and words[i][0] in _TEXT_HEADERS), rest[0] if rest else None)
    return Columns(date_column, kinds, text)


def word_kind(cell: str, mapping: Mapping = NO_MAPPING) -> str | None:
    """The kind a table's kind cell says: `reply`, `Check in`, `LinkedIn outreach`, or a word in [touch_kinds]."""
    cell = cell.strip()
    for part in (cell, *(_PARTS.split(cell) if _PARTS.search(cell) else ())):
        part = part.strip().lstrip("#")
        if part:
            kind = mapping.touch_kind_of(part) or KIND_TAGS.get(word_of(part))
            if kind:
                return kind
    return None


def leading_date(text: str, daily_format: DailyFormat) -> tuple[date | None, str, bool]:
    """(date, rest, starts_with_date) for `2026-11-02 #reply ...`, `[2026-11-02] ...` or `[[2026-11-02]] ...`."""
    m = _LEADING_DATE.match(text)
    if not m:
        return None, text, False
    written = m.group(2)
    if written.startswith("[["):
        target = link_target(written[2:-2])
        name = target.rsplit("/", 1)[-1]
        day = ISO_DAILY.parse(name) or daily_format.parse(target)
    else:
        day = parse_date(written.strip("[]"))
    return day, text[m.end():], True


def log_touches(note: Note, contact_path: str, log_headings, daily_format: DailyFormat,
                problems: list[Problem], mapping: Mapping = NO_MAPPING) -> list[Touch]:
    body = note.body
    if body is None:
        return []
    touches, seen = [], set()
    for section in body.sections:
        if section.title.casefold() not in log_headings:
            continue
        for table in body.tables_in(section):
            if table.line not in seen:
                seen.add(table.line)
                touches += _row_touches(note, table, contact_path, daily_format, mapping, problems)
        for item in body.items_in(section):
            if item.line in seen or item.task == " ":  # an open task is a plan, not a touch
                continue
            seen.add(item.line)
            day, rest, dated = leading_date(item.text, daily_format)
            if day is not None and not in_range(day):
                problems.append(Problem(note.path, item.line, WARNING,
                                        f"Log item's date {range_problem(day)}; not counted"))
            elif day is not None:
                touches.append(Touch(contact_path, day, touch_kind(item.tags), rest, note.path, item.line))
            elif dated:
                problems.append(Problem(note.path, item.line, WARNING,
                                        f"Log item starts with {item.text.split()[0]!r}, which is not a real date; not counted"))
            elif item.depth == 0:
                problems.append(Problem(note.path, item.line, WARNING,
                                        "Log item does not start with a date like 2026-11-02; not counted as a touch"))
    return touches


def _row_touches(note: Note, table: Table, contact_path: str, daily_format: DailyFormat, mapping: Mapping,
                 problems: list[Problem]) -> list[Touch]:
    """A touch per row dated in the table's date column; the kind from a tag, else from a kind column's word."""
    columns = table_columns(table.header)
    touches = []
    for row in table.rows:
        cells = row.cells
        if not any(cells):
            continue  # the empty row a template leaves
        written = cells[columns.date] if columns.date < len(cells) else ""
        day, rest, dated = leading_date(written, daily_format)
        if day is None or not in_range(day):
            message = (f"Log table row's date {range_problem(day)}; not counted" if day is not None else
                       f"Log table row's date {written!r} is not a real date; not counted" if dated else
                       "Log table row has no date like 2026-11-02 in its Date column; not counted as a touch")
            problems.append(Problem(note.path, row.line, WARNING, message))
            continue
        kind = touch_kind(row.tags) or next(
            (k for i in columns.kinds if i < len(cells) and (k := word_kind(cells[i], mapping))), None)
        text = "; ".join(([rest] if rest else []) + [c for i, c in enumerate(cells) if i != columns.date and c])
        touches.append(Touch(contact_path, day, kind, text, note.path, row.line))
    return touches


def last_contact_touch(note: Note, contact_path: str, problems: list[Problem]) -> Touch | None:
    """`last_contact`, `last contacted` or `last-contacted-at`: a plain touch on that day."""
    key = next((k for k in LAST_CONTACT_KEYS if note.props.get(k) not in (None, "", [])), None)
    if key is None:
        return None
    value = note.props[key]
    parsed = parse_date_time(value)
    if parsed is None or not in_range(parsed[0]):
        why = f"{range_problem(parsed[0])}" if parsed else f"{shown(value)} is not a date like 2026-11-12"
        problems.append(Problem(note.path, note.line_of(key), WARNING, f"{key} {why}; not counted as a touch"))
        return None
    return Touch(contact_path, parsed[0], None, "last contact", note.path, note.line_of(key))


def daily_touches(path: str, mentions, day: date, resolve: Callable[[Link, str], str | None],
                  problems: list[Problem]) -> list[Touch]:
    """Each of a daily note's `mentions` (facts.mentions_of) is a touch with each contact its links mean,
    on that day."""
    touches = []
    for mention in mentions:
        paths = (resolve(link, path) for link in mention.links)
        for contact in dict.fromkeys(p for p in paths if p is not None):  # two links to one person: one touch
            touches.append(Touch(contact, day, mention.kind, mention.text, path, mention.line))
    if touches and not in_range(day):
        problems.append(Problem(path, 1, WARNING,
                                f"daily note's date {range_problem(day)}; its mentions of contacts are not counted"))
        return []
    return touches
