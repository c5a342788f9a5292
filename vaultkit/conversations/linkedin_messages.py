"""LinkedIn's messages.csv (Get a copy of your data: Messages) -> Messages, without their content.

The columns are found by their header, so a newer export with more columns, or another
order, reads alike; a file without LinkedIn's header is an error. A conversation of more
than two people is a group conversation: never a touch with each.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..dates import in_range, range_problem
from ..errors import VaultkitError
from .mail import open_regular
from .people import plain_profile
from .records import LINKEDIN, Message, Party, Unreadable

NEEDED = ("CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE", "SUBJECT")
LINKEDIN_HEADER = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
                   "DATE,SUBJECT,CONTENT")
_HEADER_ROWS = 10  # rows looked at for the header (an export may put notes above it)
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?")
_FIELD_LIMIT = 64 * 1024 * 1024  # a long message's CONTENT must not stop the read


def parse_linkedin_date(text: str) -> dt.datetime | None:
    """`2026-11-20 18:22:10 UTC` -> an aware datetime; LinkedIn writes UTC when it says nothing."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        return None
    zone = m[3] or "UTC"
    zone = "+00:00" if zone in ("UTC", "GMT", "Z") else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    try:
        return dt.datetime.fromisoformat(f"{m[1]}T{m[2]:0>5}{zone}")
    except ValueError:
        return None


def _urls(text: str) -> list[str]:
    return [plain_profile(u) for u in re.split(r"[\s,;]+", text or "") if "/" in u]


def _header_columns(row: list[str]) -> dict[str, int] | None:
    names = [cell.strip().lstrip("\ufeff").upper() for cell in row]
    if not set(NEEDED) <= set(names):
        return None
    return {name: names.index(name) for name in set(names)}


def read_linkedin_messages(path: Path, shown: str) -> Iterator[Message | Unreadable]:
    """Every message of a LinkedIn messages.csv; VaultkitError when the file is not one.

    Rows are read one at a time; CONTENT is never looked at."""
    try:
        handle = open_regular(path)
    except OSError as exc:
        raise VaultkitError(f"cannot read {shown}: {exc.strerror or exc}") from None
    old_limit = csv.field_size_limit(_FIELD_LIMIT)
    try:
        with io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="") as text:
            rows = csv.reader(text)
            columns, first_line = _find_header(rows, shown)
            yield from _messages(rows, columns, shown, first_line)
    finally:
        csv.field_size_limit(old_limit)


def _find_header(rows, shown: str) -> tuple[dict[str, int], int]:
    try:
        for _ in range(_HEADER_ROWS):
            row = next(rows, None)
            if row is None:
                break
            columns = _header_columns(row)
            if columns is not None:
                return columns, rows.line_num + 1
    except csv.Error as exc:
        raise VaultkitError(f"{shown} is not LinkedIn's messages.csv: {exc}") from None
    raise VaultkitError(f"{shown} is not LinkedIn's messages.csv: no header row with "
                        f"{', '.join(NEEDED)} (LinkedIn's starts `{LINKEDIN_HEADER}`)")


def _messages(rows, columns: dict[str, int], shown: str, line: int) -> Iterator[Message | Unreadable]:
    found: list[Message | Unreadable] = []
    people: dict[str, set[str]] = defaultdict(set)  # conversation -> everyone in it
    width = max(columns[name] for name in NEEDED) + 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            found.append(Unreadable(f"{shown}:{line}", f"row does not parse: {exc}"))
            line = rows.line_num + 1
            continue
        position, line = f"{shown}:{line}", rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            found.append(Unreadable(position, f"row has {len(row)} fields, the header {len(columns)}"))
            continue
        cell = {name: row[columns[name]].strip() for name in NEEDED}
        when = parse_linkedin_date(cell["DATE"])
        if when is None:
            found.append(Unreadable(position, f"DATE {cell['DATE'][:40]!r} is not a date like 2026-11-20 18:22:10 UTC"))
            continue
        if not in_range(when.date()):
            found.append(Unreadable(position, f"DATE {range_problem(when.date())}"))
            continue
        sender_urls, recipient_urls = _urls(cell["SENDER PROFILE URL"]), _urls(cell["RECIPIENT PROFILE URLS"])
        conversation = cell["CONVERSATION ID"] or cell["SUBJECT"]
        people[conversation].update(sender_urls + recipient_urls or [cell["FROM"], cell["TO"]])
        names = [cell["TO"]] if len(recipient_urls) <= 1 else [n.strip() for n in cell["TO"].split(",")]
        recipients = tuple(Party(url, name) for url, name in zip(recipient_urls or [""] * len(names), names))
        draft = any(row[columns[c]].strip().casefold() in ("yes", "true", "draft") for c in
                    ("IS MESSAGE DRAFT", "FOLDER") if c in columns and columns[c] < len(row))
        found.append(Message(LINKEDIN, position, when, Party(sender_urls[0] if sender_urls else "", cell["FROM"]),
                             recipients, cell["SUBJECT"], conversation, draft=draft))
    for item in found:
        if isinstance(item, Message) and len(people[item.key]) > 2:
            item = replace(item, group=True)
        yield item
