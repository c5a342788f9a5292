"""`follow-up-application`: ask after an application that has had no answer."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values
from .opening import SAMPLE_OPENING, Opening, job_words, opening_values


class NoAnswer(NamedTuple):
    opening: Opening
    applied: date


def headline(facts: NoAnswer, say: Words) -> str:
    return (f"Follow up on your application for {job_words(facts.opening, say.text)}, "
            f"sent {say.day(facts.applied)}")


def message(facts: NoAnswer, name: str) -> Message:
    title = " ".join(part for part in (facts.opening.company, facts.opening.role) if part) or "opening"
    return Message(f"Application follow-up - {title}",
                   {"opening": {**opening_values(facts.opening), "applied": day_values(facts.applied)}})


FOLLOW_UP_APPLICATION = Kind(
    "follow-up-application", NoAnswer, MESSAGES, headline,
    when="an opportunity is `applied`, its Log has no touch on or after the day you applied, and its stage has not "
         "changed since; not once `[landed]` is set",
    due="the `applied` date plus `application_follow_up_days` (10)",
    draft=Drafted("follow-up-application.md", message, sample={"today": "2026-11-13", "opening": {
        **SAMPLE_OPENING, "applied": {"date": "2026-11-02", "date_long": "2 November 2026"}}}),
)
