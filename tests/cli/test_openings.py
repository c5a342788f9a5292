"""Openings as a user sees them: `vaultkit new opportunity`, Progress.md's application funnel, and
the four new drafts on the sample vault (their bytes are in the sample's goldens, test_outputs.py)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import SIGNED, VaultBuilder

TODAY = "2026-11-20"


def run(*args, catch=True):
    return CliRunner().invoke(cli, list(args), catch_exceptions=not catch)


# ---- vaultkit new opportunity ------------------------------------------------------------------

def test_new_opportunity_writes_the_note_from_the_template(vault):
    vault.contact("Omar Shaikh", "type: contact\ncompany: Lumen Labs\n")
    vault.write("Companies/Globex.md", "---\ntype: company\naliases: [Globex Corporation]\n---\n# Globex\n")
    result = run("new", "opportunity", "Globex, Inc.", "--role", "UX Researcher", "--url",
                 "https://jobs.example.com/1", "--heard-from", "omar", "--deadline", "2026-12-15",
                 "--vault", str(vault.root))
    assert result.exit_code == 0, result.output
    note = vault.root / "Opportunities" / "Globex, Inc. - UX Researcher.md"
    assert result.stdout == "Created Opportunities/Globex, Inc. - UX Researcher.md\n"
    text = note.read_text(encoding="utf-8")
    for line in ('type: opportunity\n', 'company: "[[Globex]]"\n', 'role: "UX Researcher"\n',
                 'url: "https://jobs.example.com/1"\n', "stage: interested\n", "deadline: 2026-12-15\n",
                 'heard_from: "[[Omar Shaikh]]"\n', "# UX Researcher at Globex, Inc.\n", "## Log\n"):
        assert line in text, line
    data = json.loads(run("report", "--vault", str(vault.root), "--today", TODAY, "--format", "json").stdout)
    assert data["problems"] == []  # the note it makes reads back without a problem


def test_new_opportunity_refuses_an_existing_note_and_writes_nothing_on_a_dry_run(vault):
    args = ["new", "opportunity", "Initech", "--role", "Analyst", "--vault", str(vault.root)]
    dry = run(*args, "--dry-run")
    assert dry.exit_code == 0 and dry.stdout == "Would create Opportunities/Initech - Analyst.md\n"
    assert not (vault.root / "Opportunities").exists()
    assert run(*args).exit_code == 0
    before = (vault.root / "Opportunities" / "Initech - Analyst.md").read_bytes()
    again = run(*args)
    assert again.exit_code == 1
    assert "Opportunities/Initech - Analyst.md already exists; vaultkit never overwrites a note" in again.stderr
    assert (vault.root / "Opportunities" / "Initech - Analyst.md").read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (["Initech"], "Missing option '--role'"),
    (["Initech", "--role", "Analyst", "--deadline", "soon"], "'soon' is not a date like 2026-11-20"),
    (["Init/ech", "--role", "Analyst"], "contains a slash"),
    (["Initech", "--role", "   "], "the role is empty"),
])
def test_new_opportunity_usage_errors_exit_2(vault, args, message):
    result = run("new", "opportunity", *args, "--vault", str(vault.root))
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert not (vault.root / "Opportunities").exists()


def test_new_opportunity_goes_where_types_says_and_warns_of_an_unknown_helper(vault):
    vault.config('[types]\nopportunity = { folders = ["Jobs/Openings"] }\n' + SIGNED)
    result = run("new", "opportunity", "Initech", "--role", "Analyst", "--heard-from", "Nobody Known",
                 "--vault", str(vault.root))
    assert result.exit_code == 0, result.output
    assert "Warning: --heard-from 'Nobody Known' matches no contact; written as given" in result.stderr
    text = (vault.root / "Jobs" / "Openings" / "Initech - Analyst.md").read_text(encoding="utf-8")
    assert 'heard_from: "Nobody Known"\n' in text and 'company: "Initech"\n' in text


# ---- Progress.md: the application funnel ---------------------------------------------------------

OPENINGS = {  # name -> front-matter
    "interested": "stage: interested\n",
    "applied cold": "stage: applied\napplied: 2026-11-01\n",
    "applied referred": "stage: applied\napplied: 2026-11-01\nreferred_by: Jordan\n",
    "interviewing referred": "stage: interviewing\napplied: 2026-11-01\nreferred_by: Jordan\n",
    "offer cold": "stage: offer\napplied: 2026-10-01\n",
    "accepted referred": "stage: accepted\napplied: 2026-10-01\nreferred_by: Jordan\n",
    "rejected after applying": "stage: rejected\napplied: 2026-10-01\n",
    "withdrawn before applying": "stage: withdrawn\n",
}


@pytest.mark.parametrize("names, funnel, referred, cold", [
    (["interested"], [1, 0, 0, 0], (0, 0), (0, 0)),
    (["interested", "applied cold"], [2, 1, 0, 0], (0, 0), (0, 1)),
    (["applied referred", "interviewing referred"], [2, 2, 1, 0], (1, 2), (0, 0)),
    (["offer cold", "accepted referred"], [2, 2, 2, 2], (1, 1), (1, 1)),
    (["rejected after applying", "withdrawn before applying"], [2, 1, 0, 0], (0, 0), (0, 1)),
    (list(OPENINGS), [8, 6, 3, 2], (2, 3), (1, 3)),
])
def test_the_application_funnel_counts_each_opening_at_every_stage_it_reached(vault, names, funnel, referred, cold):
    for n, name in enumerate(names):
        vault.write(f"Opportunities/{n} {name}.md", f"---\ntype: opportunity\ncompany: Co{n}\n{OPENINGS[name]}---\n")
    data = json.loads(run("report", "--vault", str(vault.root), "--today", TODAY, "--format", "json").stdout)
    applications = data["progress"]["applications"]
    assert [s["count"] for s in applications["funnel"]] == funnel
    rates = applications["interview_rate"]
    assert (rates["referred"]["interviews"], rates["referred"]["applications"]) == referred
    assert (rates["cold"]["interviews"], rates["cold"]["applications"]) == cold


def test_progress_md_says_nothing_of_applications_until_there_is_an_opening(vault):
    vault.contact("Ana", "type: contact\n")
    run("report", "--vault", str(vault.root), "--today", TODAY)
    page = (vault.root / "vaultkit" / "Progress.md").read_text(encoding="utf-8")
    assert "## Applications" not in page
    vault.write("Opportunities/Globex.md", "---\ntype: opportunity\ncompany: Globex\nstage: interviewing\n"
                "applied: 2026-11-01\nreferred_by: Ana\n---\n")
    run("report", "--vault", str(vault.root), "--today", TODAY)
    page = (vault.root / "vaultkit" / "Progress.md").read_text(encoding="utf-8")
    assert "| Interviewing | 1 | 100% of applied |\n" in page
    assert "| Referred | 1 | 1 | 100% |\n| Cold | 0 | 0 | no applications yet |\n" in page


def test_the_sample_progress_shows_its_three_openings(sample_copy):
    """By hand: Lumen Labs interested, Initech applied (cold, no answer), Fieldnote interviewing (Jordan
    referred it): 3 interested, 2 applied, 1 interviewing, 0 offers; referred 1 of 1, cold 0 of 1."""
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    page = (sample_copy / "vaultkit" / "Progress.md").read_text(encoding="utf-8")
    for row in ("| Interested | 3 |  |", "| Applied | 2 | 67% of interested |", "| Interviewing | 1 | 50% of applied |",
                "| Offer | 0 | 0% of interviewing |", "| Referred | 1 | 1 | 100% |", "| Cold | 1 | 0 | 0% |"):
        assert row + "\n" in page, row


# ---- the four drafts on the sample vault ---------------------------------------------------------

def _draft(root, name: str) -> str:
    return (root / "vaultkit" / "Drafts" / f"{name}.md").read_text(encoding="utf-8")


def test_the_four_new_drafts_say_what_they_are_for(sample_copy):
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    ask = _draft(sample_copy, "Referral - Lumen Labs - Priya Natarajan")
    assert "Subject: Product Analyst at Lumen Labs: could you refer me?\n" in ask
    assert "the Product Analyst role at Lumen Labs:\nhttps://lumenlabs.example.org/careers/product-analyst\n" in ask
    assert "Applications close on 4 December 2026" in ask and 'to: "priya.n@example.org"' in ask
    intro = _draft(sample_copy, "Introduction to Hana Sato - Ben Okafor")
    assert "Hi Ben,\n" in intro and "you know Hana Sato, who works there" in intro and "about Globex" in intro
    follow = _draft(sample_copy, "Application follow-up - Initech Data Analyst")
    assert 'to: ""' in follow and "the Data Analyst position at Initech on 6 November 2026" in follow
    news = _draft(sample_copy, "News for Jordan Kim - Fieldnote Associate Product Manager")
    assert "I have an interview for the Associate Product Manager role at Fieldnote." in news
    assert "Your referral made the difference" in news
    for text in (ask, intro, follow, news):
        assert text.endswith("Thanks again,\nSam\n+1 503 555 0142\nsam.rivera@example.org\n")
        assert "\n\n\n" not in text  # plain paragraphs, no runs of blank lines


def test_each_application_follow_up_is_its_own_calendar_event(vault):
    """No person to tell them apart: the note behind each gives its event a UID of its own, so a
    calendar that imports both keeps both."""
    for name in ("Initech", "Globex"):
        vault.write(f"Opportunities/{name}.md", f"---\ntype: opportunity\ncompany: {name}\nstage: applied\n"
                    "applied: 2026-11-12\n---\n")
    run("report", "--vault", str(vault.root), "--today", TODAY)
    calendar = (vault.root / "vaultkit" / "Follow-ups.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    events = [e for e in calendar.split("BEGIN:VEVENT")[1:] if "Follow up on your application" in e]
    assert len(events) == 2
    uids = {line for e in events for line in e.splitlines() if line.startswith("UID:")}
    assert len(uids) == 2
