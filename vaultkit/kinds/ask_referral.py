"""`ask-referral`: before you apply, ask someone you know at the company to refer you."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values
from .opening import SAMPLE_OPENING, Opening, job_words, opening_values


class BeforeApplying(NamedTuple):
    opening: Opening
    deadline: date | None  # the last day to apply, if the note says


def headline(facts: BeforeApplying, say: Words) -> str:
    by = f", before it closes on {say.day(facts.deadline)}" if facts.deadline else ", before you apply"
    return f"Ask {say.person} to refer you for {job_words(facts.opening, say.text)}{by}"


def message(facts: BeforeApplying, name: str) -> Message:
    deadline = day_values(facts.deadline) if facts.deadline else {"date": "", "date_long": ""}
    return Message(f"Referral - {facts.opening.company} - {name}",
                   {"opening": {**opening_values(facts.opening), "deadline": deadline}})


ASK_REFERRAL = Kind(
    "ask-referral", BeforeApplying, MESSAGES, headline,
    when="an opportunity is `interested` (no `applied` date, no `referred_by` yet) at a company where someone "
         "you have met or are in touch with works, and its `deadline` has not passed; not once `[landed]` is set",
    due="the `deadline` minus 3 days; today when there is no deadline",
    draft=Drafted("ask-referral.md", message, sample={"today": "2026-11-13", "opening": {
        **SAMPLE_OPENING, "deadline": {"date": "2026-11-30", "date_long": "30 November 2026"}}}),
)
