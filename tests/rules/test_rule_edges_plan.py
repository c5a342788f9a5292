"""The rules over the whole plan at their edges: snoozes, statuses, groups, a `done` interview
dated today or tomorrow, landing, fields, the pipeline, unsigned drafts, and the problem counts.

Rows as in test_rule_edges.py: the case in words, the input as days from today, the due
day (days from today) or None.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..support.edge_vault import NOTES, T, EdgeVault, iso


@pytest.fixture
def edge(vault) -> EdgeVault:
    return EdgeVault(vault)


# ---- snooze ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case, snooze_until, outreach_at, due, shown_snoozed", [
    ("due the day before the snooze ends: moved to its end", 3, -5, 3, True),
    ("due on the day the snooze ends: due then, not snoozed", 3, -4, 3, False),
    ("due the day after it ends", 3, -3, 4, False),
    ("overdue, snooze ends today: due today", 0, -10, 0, True),
    ("snooze ended yesterday: as if never snoozed", -1, -7, 0, False),
])
def test_snooze(edge, case, snooze_until, outreach_at, due, shown_snoozed):
    edge.person("Ana", f"snooze_until: {iso(snooze_until)}\n", [(outreach_at, "#outreach")])
    (nudge,) = [a for a in edge.plan().actions if a.kind == "nudge"]
    assert ((nudge.due - T).days, "snoozed" in nudge.reason) == (due, shown_snoozed)


@pytest.mark.parametrize("case, snooze_until, grow", [
    ("snoozed until tomorrow: not a lead yet, so four", 1, True),
    ("snooze ends today: a lead, so five", 0, False),
    ("snooze ended yesterday: a lead", -1, False),
])
def test_a_snoozed_contact_is_a_lead_from_the_day_the_snooze_ends(edge, case, snooze_until, grow):
    for name in ("A", "B", "C", "D"):
        edge.person(name)
    edge.person("Snoozed", f"snooze_until: {iso(snooze_until)}\n")
    assert edge.due("grow-pipeline", None) == (0 if grow else None)


# ---- statuses -------------------------------------------------------------------------------

ACTIVE_SEES = {("Ana", "prepare"), ("Ana", "confirm"), ("Ana", "record-outcome"), ("Ana", "record-notes"),
               ("Ana", "thank-you"), ("Cy", "close-loop"), ("Eve", "nudge"), ("Fay", "check-in"),
               ("Zoe", "reach-referral")}


@pytest.mark.parametrize("status, sees", [
    ("active", ACTIVE_SEES),
    ("paused", set()),
    ("do-not-contact", set()),
    ("archived", set()),
])
def test_nothing_for_inactive_people(edge, status, sees):
    front = f"status: {status}\n"
    edge.person("Ana", front)
    edge.interview("Ana", 1, "status: scheduled\n")
    edge.interview("Ana", -1, "")
    edge.interview("Ana", -3, "status: confirmed\n")
    edge.person("Cy", front, [(-30, "#reply")])
    edge.person("Dee", "referred_by: Cy\n")
    edge.met("Dee", -5)  # Cy referred Dee
    edge.person("Eve", front, [(-9, "#outreach")])
    edge.person("Fay", front, [(-100, "#reply")])
    edge.person("Zoe", front)
    edge.person("Ben")
    edge.met("Ben", -7, "referrals: [Zoe]\n")
    people = {"Ana", "Cy", "Eve", "Fay", "Zoe"}
    assert {(a.contact, a.kind) for a in edge.plan().actions if a.contact in people} == sees


@pytest.mark.parametrize("status, quiet", [("active", True), ("paused", False), ("archived", False)])
def test_gone_quiet_lists_only_active_people(edge, status, quiet):
    edge.person("Ana", f"status: {status}\n", [(-20, "#outreach"), (-10, "#outreach")])
    assert [g.name for g in edge.plan().gone_quiet] == (["Ana"] if quiet else [])


# ---- groups ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case, horizon, due, group", [
    ("due yesterday", 14, -1, "overdue"),
    ("due today", 14, 0, "today"),
    ("due tomorrow", 14, 1, "upcoming"),
    ("a day inside the horizon", 14, 13, "upcoming"),
    ("on the horizon's last day", 14, 14, "upcoming"),
    ("a day past the horizon", 14, 15, "later"),
    ("horizon 3, its last day", 3, 3, "upcoming"),
    ("horizon 3, a day past", 3, 4, "later"),
])
def test_groups(edge, case, horizon, due, group):
    edge.rules(horizon_days=horizon)
    edge.person("Ana", log=[(due - 7, "#outreach")])  # a nudge due 7 days after
    result = edge.plan()
    found = {name: [(a.kind, (a.due - T).days) for a in actions if a.contact == "Ana"]
             for name, actions in result.groups().items()}
    assert found[group] == [("nudge", due)]
    assert result.counts()[group] == 1 + (group == "today")  # grow-pipeline is due today too


# ---- an interview marked done, dated today or tomorrow -----------------------------------------

@pytest.mark.parametrize("case, at, status, kinds, warned", [
    ("done today: met", 0, "done", {("record-notes", 0), ("thank-you", 1)}, False),
    ("done tomorrow: not happened yet", 1, "done", set(), True),
    ("no status today: still ahead", 0, "", {("prepare", -2), ("confirm", -1)}, False),
    ("no status yesterday: met", -1, "", {("record-notes", -1), ("thank-you", 0)}, False),
])
def test_done_dated_today_or_tomorrow(edge, case, at, status, kinds, warned):
    edge.person("Ana", "referred_by: Bo\n")
    edge.person("Bo", log=[(-30, "#reply")])
    edge.interview("Ana", at, f"status: {status}\n" if status else "")
    result = edge.plan()
    assert {(a.kind, (a.due - T).days) for a in result.actions if a.contact == "Ana"} == kinds
    close_loop = [(a.due - T).days for a in result.actions if a.kind == "close-loop"]
    met = any(kind == "thank-you" for kind, _ in kinds)
    assert close_loop == ([at + 3] if met else [])
    assert any("status is done, but the interview is dated" in p.message for p in result.problems) == warned


# ---- the search as a whole ------------------------------------------------------------------

LANDED = f'[landed]\ndate = {iso(-3)}\ncompany = "Northwind"\n'  # announce_days 7: due in 4 days


@pytest.mark.parametrize("case, log, meetings, due", [
    ("met, no touch since", [], [-40], 4),
    ("a touch the day before landing", [(-4, "#update")], [-40], 4),
    ("a touch on the landing day", [(-3, "#update")], [-40], None),
    ("a touch the day after", [(-2, "#update")], [-40], None),
    ("met the day before landing", [], [-4], 4),
    ("met on the landing day", [], [-3], None),
    ("never met, only replies", [(-10, "#reply")], [], None),
])
def test_announce_landing(edge, case, log, meetings, due):
    edge.settings(LANDED)
    edge.person("Ana", log=log)
    for at in meetings:
        edge.met("Ana", at)
    assert edge.due("announce-landing", "Ana") == due


def test_announce_days(edge):
    edge.settings(f"[landed]\ndate = {iso(0)}\n[rules]\nannounce_days = 0\n")
    edge.person("Ana")
    edge.met("Ana", -40)
    assert edge.due("announce-landing", "Ana") == 0


def _field(edge: EdgeVault, done: int, others: int = 0, field: str = "Policy") -> None:
    """`done` people in the field met a month ago, `others` not met."""
    for n in range(done + others):
        edge.person(f"P{n}", f"field: {field}\n")
        if n < done:
            edge.met(f"P{n}", -30)


@pytest.mark.parametrize("case, minimum, done, broaden", [
    ("none done", 3, 0, True),
    ("two done, one below", 3, 2, True),
    ("three done, at the minimum", 3, 3, False),
    ("four done, above", 3, 4, False),
    ("minimum 1, none done", 1, 0, True),
    ("minimum 1, one done", 1, 1, False),
])
def test_broaden_field(edge, case, minimum, done, broaden):
    edge.rules(min_interviews_per_field=minimum)
    _field(edge, done, others=1)
    found = [(a.field, (a.due - T).days) for a in edge.plan().actions if a.kind == "broaden-field"]
    assert found == ([("Policy", 0)] if broaden else [])


@pytest.mark.parametrize("case, third, broaden", [
    ("the third done today counts", ("status: done\n", 0), False),
    ("the third marked done for tomorrow does not", ("status: done\n", 1), True),
    ("the third, no status, today, does not", ("", 0), True),
    ("the third confirmed yesterday does not", ("status: confirmed\n", -1), True),
    ("the third counts for its own field", ("status: done\nfield: Law\n", -1), True),
])
def test_which_interviews_count_for_a_field(edge, case, third, broaden):
    _field(edge, 2, others=1)
    front, at = third
    edge.interview("P2", at, front + "thank_you_sent: true\n", NOTES)
    assert any(a.field == "Policy" for a in edge.plan().actions if a.kind == "broaden-field") == broaden


def test_fields_of_people_no_longer_active_or_once_landed(edge):
    edge.person("Ana", "field: Law\nstatus: archived\n")
    _field(edge, 1)
    assert [a.field for a in edge.plan().actions if a.kind == "broaden-field"] == ["Policy"]
    edge.settings(LANDED)
    assert [a for a in edge.plan().actions if a.kind in ("broaden-field", "grow-pipeline")] == []


@pytest.mark.parametrize("case, minimum, leads, grow", [
    ("four leads, one below", 5, 4, True),
    ("five, at the minimum", 5, 5, False),
    ("six, above", 5, 6, False),
    ("minimum 1, none", 1, 0, True),
    ("minimum 1, one", 1, 1, False),
])
def test_grow_pipeline(edge, case, minimum, leads, grow):
    edge.rules(min_open_leads=minimum)
    for n in range(leads):
        edge.person(f"Lead {n}")
    assert edge.due("grow-pipeline", None) == (0 if grow else None)


@pytest.mark.parametrize("case, build", [
    ("written to", lambda e: e.person("X", log=[(-1, "#outreach")])),
    ("an interview asked for, nothing logged", lambda e: (e.person("X"), e.interview("X", 3, "status: requested\n"))),
    ("paused", lambda e: e.person("X", "status: paused\n")),
])
def test_who_is_not_a_lead(edge, case, build):
    for n in range(4):
        edge.person(f"Lead {n}")
    build(edge)
    assert edge.due("grow-pipeline", None) == 0


# ---- drafts with no name to sign ------------------------------------------------------------

@pytest.mark.parametrize("case, outreach_at, horizon, warned", [
    ("a nudge due on the horizon's last day", 7, 14, True),
    ("a nudge due a day past the horizon", 8, 14, False),
    ("horizon 3, due on its last day", -4, 3, True),
    ("horizon 3, due a day past", -3, 3, False),
])
def test_unsigned_drafts_warned_within_the_horizon(edge, case, outreach_at, horizon, warned):
    edge.settings(f"[rules]\nhorizon_days = {horizon}\n", me="")
    edge.person("Ana", log=[(outreach_at, "#outreach")])
    for n in range(5):
        edge.person(f"Lead {n}")  # no grow-pipeline, which is no draft anyway
    assert any("[me] has no name" in p.message for p in edge.plan().problems) == warned


# ---- the problem counts in Follow-ups.md ----------------------------------------------------

BROKEN = "---\nname: [unclosed\n---\n"  # an error: front-matter that is not YAML
ODD = "---\nstay_in_touch: often\n---\n"  # a warning: not a cadence


@pytest.mark.parametrize("errors, warnings, line", [
    (1, 2, "1 error and 2 warnings;"),
    (2, 1, "2 errors and 1 warning;"),
    (0, 1, "0 errors and 1 warning;"),
    (1, 0, "1 error and 0 warnings;"),
])
def test_problems_in_notes_count_errors_and_warnings(vault, errors, warnings, line):
    for n in range(errors):
        vault.write(f"Contacts/Broken {n}.md", BROKEN)
    for n in range(warnings):
        vault.write(f"Contacts/Odd {n}.md", ODD)
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root), "--today", T.isoformat()])
    assert result.exit_code == 0, result.output
    text = (vault.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    assert f"## Problems in notes ({errors + warnings})\n\n{line}" in text
