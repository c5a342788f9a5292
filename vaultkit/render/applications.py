"""Progress.md's application funnel: how far your openings got, and referred against cold applications."""
from __future__ import annotations

from ..rules.applications import Applications
from ..rules.progress import percent
from .text import plural


def _rate(count: int, of: int) -> str:
    value = percent(count, of)
    return "" if value is None else f"{value}%"


def _rate_row(what: str, rate) -> str:
    shown = _rate(rate.interviews, rate.applications) or "no applications yet"
    return f"| {what} | {rate.applications:,} | {rate.interviews:,} | {shown} |"


def application_funnel(a: Applications | None) -> list[str]:
    """The section, or nothing when the vault has no opportunity notes."""
    if a is None:
        return []
    rows = ["| Stage | Openings | Rate |", "|---|--:|---|"]
    for n, (_, label, count) in enumerate(a.counts):
        before = a.counts[n - 1] if n else None
        rate = f"{_rate(count, before[2])} of {before[1].lower()}" if before and before[2] else ""
        rows.append(f"| {label} | {count:,} | {rate} |")
    closed = (f" {plural(a.closed, 'opening')} ended rejected or withdrawn; each counts up to the stage "
              "its note shows (applied, when it has an `applied` date)." if a.closed else "")
    rates = ["| Applications | Sent | Reached an interview | Interview rate |", "|---|--:|--:|---|",
             _rate_row("Referred", a.referred), _rate_row("Cold", a.cold)]
    return ["## Applications\n", "\n".join(rows) + "\n",
            "Each opening (an `opportunity` note) counts at every stage it reached: one with an offer was also "
            f"applied for and interviewed.{closed}\n",
            "\n".join(rates) + "\n",
            "*Referred*: its `referred_by` names someone. *Cold*: nobody referred you. An application counts "
            "once it reaches `applied`.\n"]
