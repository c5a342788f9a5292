"""`broaden-field`: meet more people in a field with too few interviews to judge it."""
from __future__ import annotations

from typing import NamedTuple

from ..wording import mid_sentence
from .kind import THE_SEARCH, Kind, Words


class ThinField(NamedTuple):
    name: str  # as the first contact in it writes it


def headline(facts: ThinField, say: Words) -> str:
    return f"Meet more people in {say.text(mid_sentence(facts.name) or 'this field')}"


BROADEN_FIELD = Kind(
    "broaden-field", ThinField, THE_SEARCH, headline,
    when="a field that one of your active contacts works in has fewer than `min_interviews_per_field` (3) "
         "done interviews; not once `[landed]` is set",
    due="today",
)
