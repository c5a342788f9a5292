"""`grow-pipeline`: find more people to write to when too few are waiting for a first message."""
from __future__ import annotations

from typing import NamedTuple

from .kind import THE_SEARCH, Kind, Words


class FewLeads(NamedTuple):
    leads: tuple[str, ...]  # the active contacts waiting for a first message, by name


def headline(facts: FewLeads, say: Words) -> str:
    return "Find more people to write to"


GROW_PIPELINE = Kind(
    "grow-pipeline", FewLeads, THE_SEARCH, headline,
    when="fewer than `min_open_leads` (5) active contacts are waiting for a first message; not once `[landed]` is set",
    due="today",
)
