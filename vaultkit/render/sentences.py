"""Each action as a plain sentence that starts with what to do, and its due day in words.

The dashboard and the calendar say the same thing: the calendar in plain text,
the dashboard with the person linked. A `Style` says how the parts that come
from notes are shown, so no user text is ever read as Markdown by mistake.
"""
from __future__ import annotations

from datetime import date

from ..actions import Action
from ..model import Interview
from ..wording import mid_sentence
from ..zones import zone_words

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def short_day(day: date, today: date) -> str:
    """`Fri 13 Nov`, with the year only when it is not this year's; the same in every locale."""
    year = f" {day.year}" if day.year != today.year else ""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}{year}"


def long_day(day: date) -> str:
    """`Friday 20 November 2026`."""
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """`12 November 2026`."""
    return long_day(day).split(" ", 1)[1]


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


def _relative(day: date, today: date) -> str:
    """`today's`, `tomorrow's`, `Saturday's` (within a week), else `the Mon 30 Nov`."""
    gap = (day - today).days
    if gap == 0:
        return "today's"
    if gap == 1:
        return "tomorrow's"
    if 1 < gap < 7:
        return f"{_WEEKDAYS[day.weekday()]}'s"
    return f"the {short_day(day, today)}"


class Style:
    """Plain text; the dashboard's MarkdownStyle links and escapes."""

    def person(self, action: Action) -> str:
        return action.contact or ""

    def text(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        return text


def headline(action: Action, interview: Interview | None, today: date, style: Style = Style(), home: str = "") -> str:
    """What to do, as one sentence without a final stop. `home`: `[me] timezone`; an interview's
    time in another zone says so: `... interview with Omar at 12:00 New York time (09:00 your time)`."""
    who, text = style.person(action), style.text
    since = short_day(action.since, today) if action.since else ""
    kind = action.kind
    if interview is not None and kind in ("prepare", "confirm"):
        at = after = ""
        if interview.time:
            clock = interview.time.strftime("%H:%M")
            zone = zone_words(interview.date, interview.time, interview.timezone, home)
            at, after = (f" {clock}", "") if not zone else ("", f" at {clock} {text(zone)}")
        if kind == "confirm":
            return f"Confirm {_relative(interview.date, today)}{at} interview with {who}{after}"
        return f"Prepare questions for {_relative(interview.date, today)}{at} interview with {who}{after}"
    if kind == "thank-you":
        return f"Send {who} a thank-you for your conversation on {since}"
    if kind == "record-notes":
        return f"Write down what you learned from {who} on {since}, while you remember it"
    if kind == "record-outcome":
        return (f"Record whether your interview with {who} on {since} happened: set "
                f"{style.code('status: done')} or {style.code('no-show')}, or a new {style.code('date')}")
    if kind == "reach-referral":
        return f"Write to {who}, whom {text(action.other or 'someone')} suggested on {since}"
    if kind == "close-loop":
        return f"Tell {who} how your conversation with {text(action.other or 'them')} went, and thank them"
    if kind == "nudge":
        return f"Send {who} one short follow-up to your message of {since}"
    if kind == "check-in":
        return f"Check in with {who}: last in touch on {since}"
    if kind == "announce-landing":
        return f"Tell {who} where you landed"
    if kind == "broaden-field":
        return f"Meet more people in {text(mid_sentence(action.field) or 'this field')}"
    if kind == "grow-pipeline":
        return "Find more people to write to"
    return f"{text(action.reason)}"
