"""`reach-referral`: write to someone a person you met suggested."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, person_values


class Suggested(NamedTuple):
    by: str  # who suggested them, by canonical name
    on: date  # the interview they were suggested in
    named: str  # who the introduction may say sent you: `by`, unless that interview's `may_use_name` is false, then ""
    field: str  # the field it is about: theirs, else the interview's


def headline(facts: Suggested, say: Words) -> str:
    return f"Write to {say.person}, whom {say.text(facts.by or 'someone')} suggested on {say.day(facts.on)}"


def message(facts: Suggested, name: str) -> Message:
    referrer = person_values(facts.named) if facts.named else {"name": "", "first_name": ""}
    return Message(f"Introduction - {name}", {"referrer": referrer, "field": facts.field})


REACH_REFERRAL = Kind(
    "reach-referral", Suggested, MESSAGES, headline,
    when="someone named in a done interview's `referrals` has no touch and no interview yet, whether or not "
         "they have a note; not once `[landed]` is set",
    due="the interview date plus `referral_days` (7)",
    draft=Drafted("reach-referral.md", message, sample={"today": "2026-11-13", "field": "UX research",
                                                         "referrer": {"name": "Ben Okafor", "first_name": "Ben"}}),
)
