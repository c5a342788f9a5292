"""The application funnel: how far your openings got, and whether a referral helped.

Each opening counts at every stage it reached: one at `offer` also counts as applied and
interviewing. A `rejected` or `withdrawn` opening counts as applied when it has an `applied`
date (its note says no more about how far it got). An application is **referred** when its
`referred_by` names someone, else **cold**; its interview rate is the share of applications
that reached interviewing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .progress import percent

STAGES = (("interested", "Interested"), ("applied", "Applied"), ("interviewing", "Interviewing"), ("offer", "Offer"))
# How far each stage of an opportunity note got in the funnel (an index into STAGES)
_REACHED = {"interested": 0, "applied": 1, "interviewing": 2, "offer": 3, "accepted": 3}


@dataclass(frozen=True, slots=True)
class Rate:
    interviews: int  # applications that reached interviewing
    applications: int

    @property
    def percent(self) -> int | None:
        return percent(self.interviews, self.applications)

    def as_dict(self) -> dict:
        return {"interviews": self.interviews, "applications": self.applications, "percent": self.percent}


@dataclass(frozen=True)
class Applications:
    counts: tuple[tuple[str, str, int], ...]  # (stage, label, openings that reached it), in funnel order
    referred: Rate
    cold: Rate
    closed: int  # rejected or withdrawn

    def as_dict(self) -> dict:
        funnel = []
        for n, (key, _, count) in enumerate(self.counts):
            of = self.counts[n - 1][2] if n else None
            funnel.append({"stage": key, "count": count, "of": of, "percent": percent(count, of) if of else None})
        return {"funnel": funnel, "interview_rate": {"referred": self.referred.as_dict(), "cold": self.cold.as_dict()},
                "rejected_or_withdrawn": self.closed}


def reached(opportunity) -> int:
    if opportunity.stage in _REACHED:
        return _REACHED[opportunity.stage]
    return 1 if opportunity.applied is not None else 0  # rejected, withdrawn


def applications(opportunities) -> Applications | None:
    """None when the vault has no opportunity notes: the page then says nothing of applications."""
    if not opportunities:
        return None
    how_far = [reached(o) for o in opportunities]
    counts = tuple((key, label, sum(r >= n for r in how_far)) for n, (key, label) in enumerate(STAGES))
    rates = {True: [0, 0], False: [0, 0]}
    for opportunity, far in zip(opportunities, how_far):
        if far >= 1:
            rate = rates[bool(opportunity.referred_by_name)]
            rate[1] += 1
            rate[0] += far >= 2
    closed = sum(o.stage in ("rejected", "withdrawn") for o in opportunities)
    return Applications(counts, Rate(*rates[True]), Rate(*rates[False]), closed)
