"""The counts beside the actions at their edges: Progress.md (docs/outputs.md), a brief's touches,
and each referral's state.

Rows as in test_rule_edges.py: the case in words, the input as days from today. Today, Friday
20 November 2026, is in the twelfth week shown; the first week starts Monday 31 August, 81 days ago.
"""
from __future__ import annotations

import pytest

from vaultkit.rules import plan
from vaultkit.rules.briefs import briefs

from ..support.edge_vault import NOTES, T, ZOE, EdgeVault, iso

FIRST_MONDAY = -81


@pytest.fixture
def edge(vault) -> EdgeVault:
    return EdgeVault(vault)


# ---- the funnel and the twelve weeks ----------------------------------------------------------

@pytest.mark.parametrize("case, at, written_to, this_week", [
    ("an outreach yesterday", -1, 1, 1),
    ("an outreach today counts", 0, 1, 1),
    ("an outreach dated tomorrow is a plan", 1, 0, 0),
])
def test_a_touch_counts_from_its_day(edge, case, at, written_to, this_week):
    edge.person("Ana", log=[(at, "#outreach")])
    progress = edge.plan().progress
    assert (progress.stage("written_to").count, progress.weeks[-1].outreach) == (written_to, this_week)


def _met(edge: EdgeVault, name: str, at: int) -> None:
    edge.person(name)
    edge.met(name, at)


@pytest.mark.parametrize("case, build, week", [
    ("an outreach on the first Monday", lambda e: e.person("Ana", log=[(FIRST_MONDAY, "#outreach")]), (0, 1, 0, 0)),
    ("an outreach the Sunday before", lambda e: e.person("Ana", log=[(FIRST_MONDAY - 1, "#outreach")]), None),
    ("a reply on the first Monday", lambda e: e.person("Ana", log=[(FIRST_MONDAY, "#reply")]), (0, 0, 1, 0)),
    ("a meeting on the first Monday", lambda e: _met(e, "Ana", FIRST_MONDAY), (0, 0, 0, 1)),
    ("a meeting the Sunday before", lambda e: _met(e, "Ana", FIRST_MONDAY - 1), None),
    ("a meeting today", lambda e: _met(e, "Ana", 0), (11, 0, 0, 1)),
    ("a meeting marked done for Sunday", lambda e: _met(e, "Ana", 2), None),
])
def test_the_twelve_weeks_at_their_ends(edge, case, build, week):
    build(edge)
    weeks = edge.plan().progress.weeks
    counted = [(n, w.outreach, w.replies, w.meetings) for n, w in enumerate(weeks)
               if w.outreach or w.replies or w.meetings]
    assert counted == ([week] if week else [])


@pytest.mark.parametrize("case, logs, reply_days, median", [
    ("a reply on the day of the outreach: 0 days", [[(-5, "#outreach"), (-5, "#reply")]], (0,), 0),
    ("a reply two days later", [[(-5, "#outreach"), (-3, "#reply")]], (2,), 2),
    ("a reply only before the outreach", [[(-6, "#reply"), (-5, "#outreach")]], (), None),
    ("two people: the median of 1 and 2", [[(-5, "#outreach"), (-4, "#reply")],
                                           [(-5, "#outreach"), (-3, "#reply")]], (1, 2), 1.5),
])
def test_days_to_a_reply(edge, case, logs, reply_days, median):
    for n, log in enumerate(logs):
        edge.person(f"P{n}", log=log)
    progress = edge.plan().progress
    assert (progress.reply_days, progress.median_reply_days) == (reply_days, median)


# A meeting three days ago: 24 hours later is two days ago. (on time, late, day not recorded, not sent)
@pytest.mark.parametrize("case, front, log, counts", [
    ("#thanks the day before the meeting", "", [(-4, "#thanks")], (0, 0, 0, 1)),
    ("#thanks on the day", "", [(-3, "#thanks")], (1, 0, 0, 0)),
    ("#thanks on the last day of the 24 hours", "", [(-2, "#thanks")], (1, 0, 0, 0)),
    ("#thanks the day after that", "", [(-1, "#thanks")], (0, 1, 0, 0)),
    ("#thanks dated tomorrow is a plan", "", [(1, "#thanks")], (0, 0, 0, 1)),
    ("thank_you_sent within the 24 hours", f"thank_you_sent: {iso(-2)}\n", [], (1, 0, 0, 0)),
    ("thank_you_sent a day late", f"thank_you_sent: {iso(-1)}\n", [], (0, 1, 0, 0)),
    ("thank_you_sent: true", "thank_you_sent: true\n", [], (0, 0, 1, 0)),
])
def test_thank_yous_on_time(edge, case, front, log, counts):
    edge.person("Ana", log=log)
    edge.interview("Ana", -3, front, NOTES)
    p = edge.plan().progress
    assert (p.thanked_on_time, p.thanked_late, p.thanked_undated, p.not_thanked) == counts


@pytest.mark.parametrize("case, at, status, counts", [
    ("done yesterday: met", -1, "done", (1, 0, 0)),
    ("done today: met", 0, "done", (1, 0, 0)),
    ("done, dated tomorrow: neither", 1, "done", (0, 0, 1)),
    ("scheduled today: coming up", 0, "scheduled", (0, 1, 0)),
    ("no status, today: coming up", 0, "", (0, 1, 0)),
    ("confirmed yesterday, never recorded", -1, "confirmed", (0, 0, 1)),
    ("cancelled, dated ahead", 3, "cancelled", (0, 0, 1)),
])
def test_interviews_per_field(edge, case, at, status, counts):
    edge.person("Ana", "field: Law\n")
    edge.interview("Ana", at, f"status: {status}\n" if status else "", NOTES)
    (law,) = edge.plan().progress.per_field
    assert (law.field, law.met, law.upcoming, law.other) == ("Law", *counts)


# ---- a brief's touches, and referral states ----------------------------------------------------

def test_a_brief_lists_touches_up_to_today(edge):
    edge.person("Ana", log=[(-1, "#reply"), (0, "#update sent my CV"), (1, "#checkin planned")])
    edge.interview("Ana", 3, "status: confirmed\n")
    vault = edge.load()
    result = plan(vault, T)
    (brief,) = briefs(vault, T, result.actions, result.network)
    assert [t.date.isoformat() for t in brief.touches] == [iso(-1), iso(0)]


@pytest.mark.parametrize("zoe, state", [
    ("no note", "no note yet"),
    ("no note, an interview ahead", "no note yet"),
    ("no note, already met", "met"),
    ("no note, marked done for tomorrow", "no note yet"),
    ("a note, untouched", "not contacted"),
    ("a note, one #outreach", "reached out"),
    ("a note, an interview ahead", "reached out"),
    ("a note, met today", "met"),
])
def test_referral_state(edge, zoe, state):
    edge.person("Ana")
    edge.met("Ana", -7, "referrals: [Zoe]\n")
    ZOE[zoe](edge)
    assert [(r.referrer, r.person, r.state) for r in edge.plan().referrals] == [("Ana", "Zoe", state)]
