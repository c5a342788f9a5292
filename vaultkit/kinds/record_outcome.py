"""`record-outcome`: an interview's day has passed and its status still says it is to come."""
from __future__ import annotations

from .kind import WHILE_YOU_REMEMBER, Kind, Words
from .meeting import Meeting


def headline(meeting: Meeting, say: Words) -> str:
    return (f"Record whether your interview with {say.person} on {say.day(meeting.date)} happened: set "
            f"{say.code('status: done')} or {say.code('no-show')}, or a new {say.code('date')}")


RECORD_OUTCOME = Kind(
    "record-outcome", Meeting, WHILE_YOU_REMEMBER, headline,
    when="an interview's date has passed but its status still says requested, scheduled or confirmed; "
         "the line says what to write: `status: done` (or `no-show`), or a new `date` if it moved",
    due="the day after",
)
