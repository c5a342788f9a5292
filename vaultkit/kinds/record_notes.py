"""`record-notes`: write down what you learned in an interview, while you remember it."""
from __future__ import annotations

from .kind import WHILE_YOU_REMEMBER, Kind, Words
from .meeting import Meeting


def headline(meeting: Meeting, say: Words) -> str:
    return f"Write down what you learned from {say.person} on {say.day(meeting.date)}, while you remember it"


RECORD_NOTES = Kind(
    "record-notes", Meeting, WHILE_YOU_REMEMBER, headline,
    when="a done interview has neither a `Takeaways` nor a `Reflection` section with something in it",
    due="the interview date",
)
