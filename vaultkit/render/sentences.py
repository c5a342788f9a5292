"""Each action as a plain sentence that starts with what to do, and its due day in words.

The dashboard and the calendar say the same thing: the calendar in plain text,
the dashboard with the person linked. A `Style` says how the parts that come
from notes are shown, so no user text is ever read as Markdown by mistake.
"""
from __future__ import annotations

from datetime import date

from ..kinds.action import Action
from ..kinds import Words
from ..wording import short_day


def _days(count: int) -> str:
    return f"{count:,} day{'' if count == 1 else 's'}"


def due_words(due: date, today: date) -> str:
    """`due Fri 13 Nov, 7 days late`, `due today`, `due tomorrow, Sat 21 Nov`, `due Tue 24 Nov, in 4 days`."""
    gap = (due - today).days
    if gap == 0:
        return "due today"
    if gap == 1:
        return f"due tomorrow, {short_day(due, today)}"
    if gap < 0:
        return f"due {short_day(due, today)}, {_days(-gap)} late"
    return f"due {short_day(due, today)}, in {_days(gap)}"


class Style:
    """Plain text; the dashboard's MarkdownStyle links and escapes."""

    def person(self, action: Action) -> str:
        return action.contact or ""

    def text(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        return text


def headline(action: Action, today: date, style: Style = Style(), home: str = "") -> str:
    """What to do, as one sentence without a final stop: its kind's words for its facts. `home`:
    `[me] timezone`; an interview's time in another zone says so: `... interview with Omar at
    12:00 New York time (09:00 your time)`."""
    words = Words(style.person(action), today, home, style.text, style.code)
    return action.definition.headline(action.facts, words)
