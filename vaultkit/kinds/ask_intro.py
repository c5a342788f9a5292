"""`ask-intro`: ask someone you know to introduce you to a person at a company you want to work for."""
from __future__ import annotations

from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, person_values


class Introduction(NamedTuple):
    company: str  # the target company, as its note or the contacts name it
    to: str  # the person there, by canonical name (as written when they have no note)
    to_path: str | None  # their note, if any
    why: tuple[str, ...]  # each hop's evidence, in order: "Ana Díaz referred Lena Fischer"
    now: bool  # whether they work there now (else they did before)


def headline(facts: Introduction, say: Words) -> str:
    where = "who works at" if facts.now else "who used to work at"
    return f"Ask {say.person} to introduce you to {say.text(facts.to)}, {where} {say.text(facts.company)}"


def message(facts: Introduction, name: str) -> Message:
    to = {**person_values(facts.to), "now": facts.now}
    return Message(f"Introduction to {facts.to} - {name}", {"company": facts.company, "to": to,
                                                            "why": list(facts.why)})


ASK_INTRO = Kind(
    "ask-intro", Introduction, MESSAGES, headline,
    when="a target company has nobody you have met or are in touch with among its people (now or before), and "
         "a warm path runs from someone you have met or are in touch with to a person there: ask them to "
         "introduce you; one per company, the best path; not once `[landed]` is set",
    due="today",
    draft=Drafted("ask-intro.md", message, sample={"today": "2026-11-13", "company": "Globex", "to": {
        "name": "Lena Fischer", "first_name": "Lena", "company": "Globex", "role": "Research Lead",
        "email": "lena@example.com", "phone": "+1 555 0102", "linkedin": "https://linkedin.com/in/lena",
        "location": "Berlin", "field": "UX research", "now": True},
        "why": ["Ana Díaz referred Lena Fischer"]}),
)
