"""`check-in`: keep in touch with someone you have met or heard from, with something to give back."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values


class LastInTouch(NamedTuple):
    on: date  # the last touch or meeting
    to_share: str  # the latest point learned from someone else in their field, or ""


def headline(facts: LastInTouch, say: Words) -> str:
    return f"Check in with {say.person}: last in touch on {say.day(facts.on)}"


def message(facts: LastInTouch, name: str) -> Message:
    return Message(f"Check-in - {name}", {"last": day_values(facts.on), "to_share": facts.to_share})


CHECK_IN = Kind(
    "check-in", LastInTouch, MESSAGES, headline,
    when="you have met them, or had any touch that is not an outreach, and nothing else is open for them",
    due="the last touch or meeting plus their `stay_in_touch` (60 days)",
    draft=Drafted("check-in.md", message, sample={"today": "2027-01-10", "last": {
        "date": "2026-11-12", "date_long": "12 November 2026"}, "to_share": "Research ops is a growing niche."}),
)
