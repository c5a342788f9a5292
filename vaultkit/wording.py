"""How a value the user wrote, and a day, read inside a sentence.

A field is written as a label (`field: Product management`, capitalised like a heading)
but drafts and pages use it mid-sentence: "I am exploring product management". Only the
first letter is lowered, and only when the value looks like ordinary words in sentence
case. A value is left as written when its first word has a capital after its first
letter (an acronym or a brand: `UX research`, `iOS development`, `McKinsey consulting`),
and when every main word is capitalised (`Data Science`, `Head of Product`): that is a
name, and the user's capitals say so. So a proper noun written alone in sentence case
(`Python development`) is lowered; write it `Python Development` to keep it.
"""
from __future__ import annotations

from datetime import date

_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&"}


def mid_sentence(text: str) -> str:
    """`Product management` -> `product management`; `UX research`, `Data Science` as written."""
    words = text.split()
    if not words:
        return text
    first = words[0]
    if not first[0].isupper() or any(c.isupper() for c in first[1:]):
        return text
    main = [w for w in words[1:] if w.casefold() not in _SMALL_WORDS and w[0].isalpha()]
    if main and all(w[0].isupper() for w in main):
        return text
    start = text.index(first[0])
    return text[:start] + first[0].lower() + text[start + 1:]


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def short_day(day: date, today: date) -> str:
    """`Fri 13 Nov`, with the year only when it is not this year's; the same in every locale."""
    year = f" {day.year}" if day.year != today.year else ""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}{year}"


def long_day(day: date) -> str:
    """`Friday 20 November 2026`."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def long_date(day: date) -> str:
    """`12 November 2026`."""
    return f"{day.day} {_LONG_MONTHS[day.month - 1]} {day.year}"


def relative_day(day: date, today: date) -> str:
    """`today's`, `tomorrow's`, `Saturday's` (within a week), else `the Mon 30 Nov`."""
    gap = (day - today).days
    if gap == 0:
        return "today's"
    if gap == 1:
        return "tomorrow's"
    if 1 < gap < 7:
        return f"{WEEKDAYS[day.weekday()]}'s"
    return f"the {short_day(day, today)}"
