"""`thank-you`: thank the person you met, naming what they said that helped."""
from __future__ import annotations

from ..links import note_name
from .kind import THANKS_AND_CONFIRMATIONS, Drafted, Kind, Message, Words
from .meeting import Meeting, interview_values


def headline(meeting: Meeting, say: Words) -> str:
    return f"Send {say.person} a thank-you for your conversation on {say.day(meeting.date)}"


def message(meeting: Meeting, name: str) -> Message:
    return Message(f"Thank you - {note_name(meeting.path)}", {"interview": interview_values(meeting)}, meeting.path)


THANK_YOU = Kind(
    "thank-you", Meeting, THANKS_AND_CONFIRMATIONS, headline,
    when="a done interview has no `thank_you_sent`, and there is no `#thanks` touch with that person on or "
         "after the interview date",
    due="`thank_you_hours` (24) after the interview, counted from its `time` if there is one",
    draft=Drafted("thank-you.md", message, sample={"today": "2026-11-13", "interview": {
        "date": "2026-11-12", "date_long": "12 November 2026", "weekday": "Thursday", "time": "10:00",
        "zone": "New York time", "duration": 30, "mode": "video", "location": "Lisbon", "field": "UX research",
        "company": "Northwind", "takeaways": ["Research ops is a growing niche."], "referrals": ["Ben Okafor"]}}),
)
