"""The facts of the five interview kinds (prepare, confirm, record-outcome, record-notes,
thank-you): the interview, as their lines and drafts tell of it."""
from __future__ import annotations

from datetime import date, time
from typing import NamedTuple

from ..wording import WEEKDAYS
from ..zones import zone_words
from .kind import Words, day_values


class Meeting(NamedTuple):
    path: str  # the interview's note
    date: date
    time: time | None
    timezone: str | None  # as written in the note; None: [me]'s
    zone: str  # the zone it was agreed in, when not [me]'s, else "": a draft goes to someone who may live there
    duration: int
    mode: str
    location: str
    field: str
    company: str
    takeaways: tuple[str, ...]
    referrals: tuple[str, ...]  # the people suggested in it, by canonical name (as written for someone with no note)


def at_time(meeting: Meeting, say: Words) -> tuple[str, str]:
    """Its time in a headline: (` 15:00`, "") before `interview`, or, in a zone not the reader's,
    ("", ` at 12:00 New York time (09:00 your time)`) after the person."""
    if not meeting.time:
        return "", ""
    clock = meeting.time.strftime("%H:%M")
    zone = zone_words(meeting.date, meeting.time, meeting.timezone, say.home)
    return (f" {clock}", "") if not zone else ("", f" at {clock} {say.text(zone)}")


def interview_values(meeting: Meeting) -> dict:
    """The interview as a draft's template sees it: `interview.*`."""
    return {
        **day_values(meeting.date), "weekday": WEEKDAYS[meeting.date.weekday()],
        "time": meeting.time.strftime("%H:%M") if meeting.time else "",
        "zone": meeting.zone, "duration": meeting.duration,
        "mode": meeting.mode, "location": meeting.location, "field": meeting.field,
        "company": meeting.company, "takeaways": list(meeting.takeaways), "referrals": list(meeting.referrals),
    }

