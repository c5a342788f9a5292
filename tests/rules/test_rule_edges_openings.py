"""The four kinds about companies and openings at their edges (docs/actions.md, "Companies and
openings"): ask-intro, ask-referral, follow-up-application and update-helper. Each row: the case
in words, the input as days from today, the due day a user sees (days from today) or None."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import SIGNED
from ..support.edge_vault import EdgeVault, day, iso

LANDED = '[landed]\ndate = 2026-11-16\ncompany = "Northwind"\n'


@pytest.fixture
def edge(vault) -> EdgeVault:
    return EdgeVault(vault)


def opening(edge: EdgeVault, front: str, name: str = "Globex - Analyst", body: str = "") -> None:
    edge.builder.write(f"Opportunities/{name}.md", f"---\ntype: opportunity\n{front}---\n# {name}\n{body}")


def company(edge: EdgeVault, name: str, front: str = "target: true\n") -> None:
    edge.builder.write(f"Companies/{name}.md", f"---\ntype: company\n{front}---\n# {name}\n")


# ---- ask-referral: before you apply, ask someone you know there ----------------------------------

@pytest.mark.parametrize("case, deadline, due", [
    ("no deadline: today", None, 0),
    ("deadline in four days: due tomorrow", 4, 1),
    ("deadline in three days: due today", 3, 0),
    ("deadline in two days: a day late", 2, -1),
    ("the deadline day: three days late, still open", 0, -3),
    ("the deadline was yesterday: closed, nothing to ask", -1, None),
])
def test_ask_referral_deadline(edge, case, deadline, due):
    edge.person("Ana", "company: Globex\n")
    edge.met("Ana", -30)
    opening(edge, "company: Globex\nrole: Analyst\n" + (f"deadline: {iso(deadline)}\n" if deadline is not None else ""))
    assert edge.due("ask-referral", "Ana") == due


@pytest.mark.parametrize("case, front, ana, due", [
    ("interested, Ana met", "stage: interested\n", "met", 0),
    ("no stage reads as interested", "", "met", 0),
    ("Ana in touch (a reply)", "", "in touch", 0),
    ("Ana: a meeting planned, someone you know", "", "meeting planned", 0),
    ("Ana only written to: not someone you know yet", "", "reached out", None),
    ("Ana never contacted", "", "not contacted", None),
    ("applied: too late to ask", "stage: applied\napplied: 2026-11-10\n", "met", None),
    ("interested, but an applied date: once applied", "applied: 2026-11-10\n", "met", None),
    ("interviewing", "stage: interviewing\n", "met", None),
    ("someone refers you already", "referred_by: Zoe\n", "met", None),
])
def test_ask_referral_stage_and_whom_you_know(edge, case, front, ana, due):
    log = {"met": [], "in touch": [(-5, "#reply glad to help")], "reached out": [(-5, "#outreach hello")],
           "not contacted": [], "meeting planned": []}[ana]
    edge.person("Ana", "company: Globex\n", log=log)
    if ana == "met":
        edge.met("Ana", -30)
    if ana == "meeting planned":
        edge.interview("Ana", 5, "status: scheduled\n")
    opening(edge, "company: Globex\nrole: Analyst\n" + front)
    assert edge.due("ask-referral", "Ana") == due


def test_ask_referral_asks_whom_you_know_best_once_and_not_once_landed(edge):
    edge.person("Ana", "company: Globex Inc.\n", log=[(-2, "#reply hi")])  # in touch, more recently
    edge.person("Ben", "company: '[[Globex]]'\n")
    edge.met("Ben", -40)  # met beats in touch
    edge.person("Cy", "past_companies: [Globex]\n")
    edge.met("Cy", -1)  # worked there before: no longer on the inside
    opening(edge, "company: Globex\nrole: Analyst\n")
    assert [(k, who) for k, who, _ in edge.actions("ask-referral")] == [("ask-referral", "Ben")]
    edge.settings(LANDED)
    assert edge.actions("ask-referral") == []


# ---- follow-up-application: an application with no answer ----------------------------------------

@pytest.mark.parametrize("case, applied, front, log, due", [
    ("applied nine days ago: due tomorrow", -9, "", [], 1),
    ("applied ten days ago: due today", -10, "", [], 0),
    ("applied eleven days ago: a day late", -11, "", [], -1),
    ("a touch in its Log the day before applying", -11, "", [-12], -1),
    ("a touch in its Log the day you applied", -11, "", [-11], None),
    ("a touch in its Log since", -11, "", [-3], None),
    ("a stage date on the applied day: no change", -11, "stage_date: {applied}\n", [], -1),
    ("a stage date after it: the stage changed since", -11, "stage_date: {later}\n", [], None),
])
def test_follow_up_application(edge, case, applied, front, log, due):
    body = "## Log\n" + "".join(f"- {iso(at)} #reply the recruiter wrote\n" for at in log) if log else ""
    front = front.format(applied=iso(applied), later=iso(applied + 2))
    opening(edge, f"company: Initech\nrole: Analyst\nstage: applied\napplied: {iso(applied)}\n{front}", body=body)
    assert edge.due("follow-up-application", None) == due


@pytest.mark.parametrize("case, stage, applied, due", [
    ("interested", "interested", -20, None),
    ("interviewing", "interviewing", -20, None),
    ("rejected", "rejected", -20, None),
    ("applied, no date: nothing to count from", "applied", None, None),
])
def test_follow_up_application_stages(edge, case, stage, applied, due):
    front = f"company: Initech\nstage: {stage}\n" + (f"applied: {iso(applied)}\n" if applied is not None else "")
    opening(edge, front)
    assert edge.due("follow-up-application", None) == due


def test_follow_up_application_days_and_landed(edge):
    edge.rules(application_follow_up_days=5)
    opening(edge, f"company: Initech\nstage: applied\napplied: {iso(-5)}\n", "Initech - Analyst")
    opening(edge, f"company: Globex\nstage: applied\napplied: {iso(-4)}\n", "Globex - Analyst")
    found = [a for a in edge.plan().actions if a.kind == "follow-up-application"]
    assert [(a.source, a.due) for a in found] == [("Opportunities/Initech - Analyst.md", day(0)),
                                                  ("Opportunities/Globex - Analyst.md", day(1))]
    edge.settings(LANDED)
    assert edge.actions("follow-up-application") == []


# ---- update-helper: tell whoever helped that it moved on -----------------------------------------

@pytest.mark.parametrize("case, stage, stage_date, touch, due", [
    ("interviewing since yesterday: due in two days", "interviewing", -1, None, 2),
    ("interviewing since three days: due today", "interviewing", -3, None, 0),
    ("interviewing since four days: a day late", "interviewing", -4, None, -1),
    ("a touch the day before the stage date: not told yet", "interviewing", -1, -2, 2),
    ("a touch on the stage date: told", "interviewing", -1, -1, None),
    ("a touch after it: told", "interviewing", -3, -1, None),
    ("offer", "offer", -1, None, 2),
    ("accepted", "accepted", -1, None, 2),
    ("applied: nothing to tell yet", "applied", -1, None, None),
    ("interested", "interested", -1, None, None),
    ("rejected", "rejected", -1, None, None),
    ("no stage date: today", "interviewing", None, None, 0),
])
def test_update_helper(edge, case, stage, stage_date, touch, due):
    edge.person("Jordan", log=[(touch, "#checkin coffee")] if touch is not None else [(-60, "#reply hi")])
    front = f"company: Fieldnote\nstage: {stage}\napplied: {iso(-30)}\nreferred_by: '[[Jordan]]'\n"
    opening(edge, front + (f"stage_date: {iso(stage_date)}\n" if stage_date is not None else ""))
    assert edge.due("update-helper", "Jordan") == due


def test_update_helper_names_each_helper_once_and_none_once_landed(edge):
    edge.person("Jordan")
    edge.person("Nadia")
    opening(edge, f"company: Fieldnote\nstage: offer\nstage_date: {iso(-1)}\nreferred_by: '[[Jordan]]'\n"
                  "heard_from: '[[Jordan]]'\n", "Fieldnote - APM")
    opening(edge, f"company: Lumen\nstage: interviewing\nstage_date: {iso(-1)}\nheard_from: Nadia\n", "Lumen - PA")
    assert sorted(who for _, who, _ in edge.actions("update-helper")) == ["Jordan", "Nadia"]
    edge.settings(LANDED)
    assert edge.actions("update-helper") == []


# ---- ask-intro: someone you know can introduce you at a target company -------------------------

@pytest.mark.parametrize("case, hana, ben, target, due", [
    ("Ben met, Hana not contacted, Globex a target", "", "met", "note", 0),
    ("Ben in touch", "", "in touch", "note", 0),
    ("Ben only written to: nobody you know to ask", "", "reached out", "note", None),
    ("Globex a target by config", "", "met", "config", 0),
    ("Globex not a target", "", "met", "", None),
    ("Hana already in touch: ask her yourself", "#reply happy to talk", "met", "note", None),
    ("Hana only written to: still ask Ben", "#outreach hello", "met", "note", 0),
])
def test_ask_intro(edge, case, hana, ben, target, due):
    if target == "config":
        edge.builder.config('targets = ["Globex"]\n' + SIGNED)  # a top-level key: before [me]
    company(edge, "Globex", "target: true\n" if target == "note" else "")
    edge.person("Hana", "company: Globex Inc.\nreferred_by: '[[Ben]]'\n", log=[(-3, hana)] if hana else [])
    log = {"met": [], "in touch": [(-5, "#reply sure")], "reached out": [(-5, "#outreach hi")]}[ben]
    edge.person("Ben", "company: Initech\n", log=log)
    if ben == "met":
        edge.met("Ben", -20)
    assert edge.due("ask-intro", "Ben") == due


def test_ask_intro_not_when_someone_you_know_worked_there_and_not_once_landed(edge):
    company(edge, "Globex")
    edge.person("Hana", "company: Globex\nreferred_by: '[[Ben]]'\n")
    edge.person("Ben")
    edge.met("Ben", -20)
    assert edge.due("ask-intro", "Ben") == 0
    action = next(a for a in edge.plan().actions if a.kind == "ask-intro")
    assert action.facts.to == "Hana" and action.source == "Companies/Globex.md"
    assert action.reason == "Ask Ben to introduce you to Hana (Ben referred Hana; Hana works at Globex)."
    edge.settings(LANDED)
    assert edge.due("ask-intro", "Ben") is None
    edge.settings("")
    edge.person("Cy", "past_companies: ['[[Globex]]']\n", log=[(-2, "#reply hello")])
    assert edge.due("ask-intro", "Ben") is None


def test_ask_intro_needs_a_link_and_says_when_they_worked_there_before(edge):
    company(edge, "Globex")
    edge.person("Hana", "past_companies: [Globex]\n")
    edge.person("Ben")
    edge.met("Ben", -20)
    assert edge.due("ask-intro", "Ben") is None and edge.due("ask-intro", "Hana") is None  # nobody links them
    edge.person("Hana", "past_companies: [Globex]\nreferred_by: '[[Ben]]'\n")
    assert edge.due("ask-intro", "Ben") == 0
    CliRunner().invoke(cli, ["report", "--vault", str(edge.root), "--today", iso(0)])
    page = (edge.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    assert "- [ ] Ask [[Contacts/Ben|Ben]] to introduce you to Hana, who used to work at Globex · **due today**" in page
