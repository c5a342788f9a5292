"""`nudge`: one short follow-up to a message that has had no answer."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values


class Unanswered(NamedTuple):
    on: date  # the last outreach
    text: str  # its Log line


def headline(facts: Unanswered, say: Words) -> str:
    return f"Send {say.person} one short follow-up to your message of {say.day(facts.on)}"


def message(facts: Unanswered, name: str) -> Message:
    return Message(f"Follow-up - {name}", {"outreach": {**day_values(facts.on), "text": facts.text}})


NUDGE = Kind(
    "nudge", Unanswered, MESSAGES, headline,
    when="your last `#outreach` has had no answer, and fewer than `max_unanswered` (2) outreaches in a row "
         "are unanswered; not once `[landed]` is set",
    due="that outreach plus `nudge_days` (7)",
    draft=Drafted("nudge.md", message, sample={"today": "2026-11-20", "outreach": {
        "date": "2026-11-12", "date_long": "12 November 2026", "text": "#outreach asked for twenty minutes"}}),
)
