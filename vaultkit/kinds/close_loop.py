"""`close-loop`: tell the person who referred someone how your conversation with them went."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values, person_values


class Met(NamedTuple):
    person: str  # whom you met, by canonical name
    path: str  # the interview you met them in
    on: date
    takeaways: tuple[str, ...]


def headline(facts: Met, say: Words) -> str:
    return f"Tell {say.person} how your conversation with {say.text(facts.person or 'them')} went, and thank them"


def message(facts: Met, name: str) -> Message:
    met = {**person_values(facts.person), **day_values(facts.on), "takeaways": list(facts.takeaways)}
    return Message(f"Update for {name} - {facts.person}", {"met": met}, facts.path)


CLOSE_LOOP = Kind(
    "close-loop", Met, MESSAGES, headline,
    when="you met someone, and the person who referred them has had no touch (or meeting) from you on or "
         "after that meeting",
    due="the meeting date plus `close_loop_days` (3)",
    draft=Drafted("close-loop.md", message, sample={"today": "2026-11-15", "met": {
        "name": "Ben Okafor", "first_name": "Ben", "date": "2026-11-12", "date_long": "12 November 2026",
        "takeaways": ["Research ops is a growing niche."]}}),
)
