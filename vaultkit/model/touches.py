"""Touches: dated list items in a contact's Log, and daily-note items that mention a contact."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..dates import DailyFormat, ISO_DAILY, in_range, parse_date, range_problem
from ..errors import WARNING, Problem
from ..links import link_target
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
_LEADING_DATE = re.compile(r"(\*\*|__)?(\[\[[^\[\]\n]+\]\]|\d{4}-\d{1,2}-\d{1,2})\1?(?=$|[\s:,;–—-])[\s:,;–—-]*")


def touch_kind(tags) -> str | None:
    return next((KIND_TAGS[t] for t in tags if t in KIND_TAGS), None)


def leading_date(text: str, daily_format: DailyFormat) -> tuple[date | None, str, bool]:
    """(date, rest, starts_with_date) for `2026-11-02 #reply ...` or `[[2026-11-02]] ...`."""
    m = _LEADING_DATE.match(text)
    if not m:
        return None, text, False
    written = m.group(2)
    if written.startswith("[["):
        target = link_target(written[2:-2])
        name = target.rsplit("/", 1)[-1]
        day = ISO_DAILY.parse(name) or daily_format.parse(target)
    else:
        day = parse_date(written)
    return day, text[m.end():], True


def log_touches(note: Note, contact_path: str, log_headings, daily_format: DailyFormat,
                problems: list[Problem]) -> list[Touch]:
    body = note.body
    if body is None:
        return []
    touches, seen = [], set()
    for section in body.sections:
        if section.title.casefold() not in log_headings:
            continue
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


def daily_touches(note: Note, day: date, resolve: Callable[[str, str, int], str | None],
                  problems: list[Problem]) -> list[Touch]:
    """Each list item of a daily note that links a contact is a touch with them on that day."""
    body = note.body
    if body is None:
        return []
    touches = []
    for item in body.items:
        if item.task == " " or not item.links:
            continue
        kind = touch_kind(item.tags)
        paths = (resolve(target, note.path, item.line) for target in dict.fromkeys(l.target for l in item.links))
        for path in dict.fromkeys(p for p in paths if p is not None):  # two links to one person: one touch
            touches.append(Touch(path, day, kind, item.text, note.path, item.line))
    if touches and not in_range(day):
        problems.append(Problem(note.path, 1, WARNING,
                                f"daily note's date {range_problem(day)}; its mentions of contacts are not counted"))
        return []
    return touches
