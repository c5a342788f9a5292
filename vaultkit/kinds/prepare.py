"""`prepare`: write the questions for an interview still to happen."""
from __future__ import annotations

from .kind import WHILE_YOU_REMEMBER, Kind, Words
from .meeting import Meeting, at_time


def headline(meeting: Meeting, say: Words) -> str:
    at, after = at_time(meeting, say)
    return f"Prepare questions for {say.relative(meeting.date)}{at} interview with {say.person}{after}"


PREPARE = Kind(
    "prepare", Meeting, WHILE_YOU_REMEMBER, headline,
    when="an interview is requested, scheduled or confirmed, today or later, and its `Questions` section "
         "is empty or missing",
    due="the interview date minus `prepare_days_before` (2)",
    links_brief=True,
)
