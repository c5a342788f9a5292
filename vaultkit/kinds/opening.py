"""What the four kinds about companies and openings share: the opening (an opportunity note) as
their lines and drafts tell of it."""
from __future__ import annotations

from typing import NamedTuple


class Opening(NamedTuple):
    path: str  # the opportunity note
    company: str  # as the note names it
    role: str
    url: str  # the posting, or ""


def opening_values(opening: Opening) -> dict:
    """The opening as a draft's template sees it: `opening.role`, `.company`, `.url`."""
    return {"role": opening.role, "company": opening.company, "url": opening.url}


def job_words(opening: Opening, text=lambda s: s) -> str:
    """`the UX Researcher role at Globex`, `the opening at Globex`, `the UX Researcher role`."""
    role = f"the {text(opening.role)} role" if opening.role else "the opening"
    return f"{role} at {text(opening.company)}" if opening.company else role


SAMPLE_OPENING = {"role": "UX Researcher", "company": "Globex", "url": "https://jobs.example.com/globex/ux-researcher"}
