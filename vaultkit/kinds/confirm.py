"""`confirm`: confirm a scheduled interview the day before."""
from __future__ import annotations

from ..links import note_name
from .kind import THANKS_AND_CONFIRMATIONS, Drafted, Kind, Message, Words
from .meeting import Meeting, at_time, interview_values


def headline(meeting: Meeting, say: Words) -> str:
    at, after = at_time(meeting, say)
    return f"Confirm {say.relative(meeting.date)}{at} interview with {say.person}{after}"


def message(meeting: Meeting, name: str) -> Message:
    return Message(f"Confirm - {note_name(meeting.path)}", {"interview": interview_values(meeting)}, meeting.path)


CONFIRM = Kind(
    "confirm", Meeting, THANKS_AND_CONFIRMATIONS, headline,
    when="an interview is `scheduled` but not yet `confirmed`",
    due="the interview date minus `confirm_days_before` (1)",
    draft=Drafted("confirm.md", message, sample={"today": "2026-11-23", "interview": {
        "date": "2026-11-24", "date_long": "24 November 2026", "weekday": "Tuesday", "time": "15:00",
        "zone": "New York time", "duration": 30, "mode": "video", "location": "https://meet.example.com/ana",
        "field": "UX research", "company": "Northwind", "takeaways": [], "referrals": []}}),
    links_brief=True,
)
