"""`announce-landing`: once you have landed, tell everyone you met where."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values


class Landing(NamedTuple):
    met_on: date  # your last meeting with them
    landed_on: date  # `[landed]` as vaultkit.toml says it
    role: str
    company: str
    email: str


def headline(facts: Landing, say: Words) -> str:
    return f"Tell {say.person} where you landed"


def message(facts: Landing, name: str) -> Message:
    met_on = day_values(facts.met_on)
    landed = {"role": facts.role, "company": facts.company, "email": facts.email, **day_values(facts.landed_on)}
    context = {"met_on": met_on["date"], "met_on_long": met_on["date_long"], "landed": landed}
    return Message(f"Landing - {name}", context)


ANNOUNCE_LANDING = Kind(
    "announce-landing", Landing, MESSAGES, headline,
    when="`[landed]` is set in `vaultkit.toml`, you had a done interview with the person, and you have not "
         "been in touch since the landing date",
    due="the landing date plus `announce_days` (7)",
    draft=Drafted("announce-landing.md", message, sample={
        "met_on": "2026-11-12", "met_on_long": "12 November 2026", "today": "2026-12-01", "landed": {
            "role": "UX Researcher", "company": "Contoso", "email": "sam@contoso.com", "date": "2026-12-01",
            "date_long": "1 December 2026"}}),
    section="announce",  # the dashboard tells these first, apart (it exists only once you have landed)
)
