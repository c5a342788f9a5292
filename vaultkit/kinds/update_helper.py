"""`update-helper`: tell whoever told you about an opening, or referred you for it, how far it got."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .kind import MESSAGES, Drafted, Kind, Message, Words, day_values
from .opening import SAMPLE_OPENING, Opening, job_words, opening_values

# What a stage means in a sentence: "you got an interview".
STAGE_NEWS = {"interviewing": "you got an interview", "offer": "you have an offer", "accepted": "you accepted the offer"}


class Progressed(NamedTuple):
    opening: Opening
    stage: str  # interviewing, offer or accepted
    on: date | None  # its stage_date, when the note says
    referred: bool  # they referred you (else they told you about it)


def headline(facts: Progressed, say: Words) -> str:
    how = "who referred you" if facts.referred else "who told you about it"
    return (f"Tell {say.person}, {how}, that {STAGE_NEWS[facts.stage]} for "
            f"{job_words(facts.opening, say.text)}")


def message(facts: Progressed, name: str) -> Message:
    title = " ".join(part for part in (facts.opening.company, facts.opening.role) if part) or "opening"
    on = day_values(facts.on) if facts.on else {"date": "", "date_long": ""}
    return Message(f"News for {name} - {title}", {
        "opening": {**opening_values(facts.opening), "stage": facts.stage, "news": STAGE_NEWS[facts.stage],
                    "stage_date": on},
        "referred": facts.referred})


UPDATE_HELPER = Kind(
    "update-helper", Progressed, MESSAGES, headline,
    when="an opportunity reached `interviewing`, `offer` or `accepted`, and the person in its `heard_from` or "
         "`referred_by` has had no touch from you on or after its `stage_date`; not once `[landed]` is set",
    due="the `stage_date` plus `close_loop_days` (3); today when the note has no `stage_date`",
    draft=Drafted("update-helper.md", message, sample={"today": "2026-11-13", "referred": True, "opening": {
        **SAMPLE_OPENING, "stage": "interviewing", "news": "you got an interview",
        "stage_date": {"date": "2026-11-10", "date_long": "10 November 2026"}}}),
)
