"""Progress.md and the JSON's `progress`: the funnel, twelve weeks, and the rates, against a hand count."""
import json
import subprocess

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from .test_referrals_fields_drafts import MERMAID, needs_mermaid

TODAY = "2026-11-20"

# The hand count, from the sample vault's notes as of Friday 20 November 2026.
# People: the 18 notes in Contacts/ and Nadia Haddad (People/, tagged #contact) = 19.
# Written to (an #outreach touch, or an interview): all but Lucas Moreau, Sofia Rossi, Hana Sato and
#   Rafael Ortiz = 15
#   (Ben Okafor by his Log and his interview; everyone else by an #outreach).
# Answered (#reply, or an interview not `requested`): Priya, Jordan, Nadia, Victor, Omar, Ana, Tom,
#   Grace, Ben, Marcus, Kenji, Chloé = 12; not Dev, Elena, or Isabel (her interview is only requested).
# Met (a done interview): Priya 28 Aug, Jordan 10 Sep (no status, past), Omar 5 Oct, Ana 20 Oct,
#   Ben 12 Nov, Marcus 18 Nov = 6; Kenji's 17 Nov is still `confirmed`, so not yet.
# Gave referrals: Priya (Ana, Marcus, Omar), Omar (Lena), Ana (Ben, Hiroshi), Ben (Chloé, Hana),
#   Marcus (Sofia) = 5 of the 6 met (Jordan named no one).
# Their referrals reached: of those 9 people, Ana, Marcus, Omar, Ben (met) and Chloé (written to) = 5;
#   Lena and Hiroshi have no note, Sofia and Hana have no touch.
FUNNEL = [("people", 19, None), ("written_to", 15, 19), ("answered", 12, 15), ("met", 6, 12),
          ("gave_referrals", 5, 6), ("referrals_reached", 5, 9)]
# Weeks from Monday 31 Aug to the week of Monday 16 Nov (outreach, replies, meetings):
#  31 Aug: outreach Jordan 1 Sep, Nadia 1 Sep, Victor 5 Sep; replies Jordan 2 Sep, Nadia 3 Sep, Victor 6 Sep
#  7 Sep: Jordan met 10 Sep · 21 Sep: Omar wrote 24 Sep, replied 25 Sep · 28 Sep: Elena 1 Oct
#  5 Oct: Ana 6 Oct, her reply 7 Oct, Omar met 5 Oct · 12 Oct: Tom 14 Oct, Elena 15 Oct; Tom replied 15 Oct
#  19 Oct: Grace 25 Oct; Ana met 20 Oct · 26 Oct: Ben 26 Oct; replies Grace 27, Tom 27, Ben 28 Oct
#  2 Nov: Marcus 2 Nov, Kenji 3 Nov; replies Marcus 3, Kenji 4 Nov · 9 Nov: Dev 10, Chloé 14, Isabel 15 Nov;
#  Chloé replied 15 Nov; Ben met 12 Nov · 16 Nov: Marcus met 18 Nov. (Priya's 21-28 Aug are before.)
WEEKS = [(3, 3, 0), (0, 0, 1), (0, 0, 0), (1, 1, 0), (1, 0, 0), (1, 1, 1),
         (2, 1, 0), (1, 0, 1), (1, 3, 0), (2, 2, 0), (3, 1, 1), (0, 0, 1)]
# Days from the first #outreach to the first #reply: 1 for Priya, Jordan, Victor, Omar, Ana, Tom,
#   Marcus, Kenji, Chloé; 2 for Nadia, Grace, Ben. Median of the 12: 1.
# Thank-yous within 24 hours of the 6 meetings: Priya (29 Aug), Jordan (#thanks 11 Sep), Omar (5 Oct),
#   Ana (21 Oct), Marcus (18 Nov) = 5; Ben's is not sent.
# Referrals per meeting: 3 + 0 + 1 + 2 + 1 + 1 = 8 names in 6 meetings' `referrals` = 1.33.
# Interviews per field (met, coming up, other): Data science 1 (Marcus), 1 (Isabel), 2 (Tom cancelled,
#   Kenji not recorded); Product management 3 (Priya, Jordan, Omar), 1 (Omar 26 Nov), 0;
#   UX research 2 (Ana, Ben), 1 (Chloé), 1 (Grace no-show).
FIELDS = [("Data science", 1, 1, 2), ("Product management", 3, 1, 0), ("UX research", 2, 1, 1)]


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_json_figures_match_the_hand_count(sample_copy):
    data = json.loads(run("report", "--vault", str(sample_copy), "--today", TODAY, "--format", "json").stdout)
    progress = data["progress"]
    assert [(s["stage"], s["count"], s["of"]) for s in progress["funnel"]] == FUNNEL
    assert [s["percent"] for s in progress["funnel"]] == [None, 79, 80, 50, 83, 56]
    assert [(w["outreach"], w["replies"], w["meetings"]) for w in progress["weeks"]] == WEEKS
    assert progress["weeks"][0]["week_of"] == "2026-08-31" and progress["weeks"][-1]["week_of"] == "2026-11-16"
    assert progress["reply_rate"] == {"answered": 12, "written_to": 15, "percent": 80}
    assert progress["median_days_to_reply"] == 1 and progress["replies_timed"] == 12
    assert progress["thank_yous"] == {"hours": 24, "meetings": 6, "on_time": 5, "late": 0, "day_not_recorded": 0,
                                      "not_sent": 1, "percent_on_time": 83}
    assert progress["referrals_per_meeting"] == 1.33 and progress["referrals_named"] == 8
    assert [(f["field"], f["met"], f["upcoming"], f["other"]) for f in progress["interviews_per_field"]] == FIELDS


def test_progress_md_shows_the_same_figures(sample_copy):
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    text = (sample_copy / "vaultkit" / "Progress.md").read_text(encoding="utf-8")
    assert text.startswith("---\ngenerated: vaultkit\nas_of: 2026-11-20\npeople: 19\nwritten_to: 15\n")
    for row in ("| Written to | 15 | 79% of the people in the vault |", "| Met | 6 | 50% of those who answered |",
                "| Their referrals reached | 5 | 56% of the 9 people they named |",
                "| 31 Aug 2026 | 3 | 3 | 0 |", "| 16 Nov 2026 | 0 | 0 | 1 |", "| **Twelve weeks** | **15** | **12** | **5** |",
                "| UX research | 2 | 1 | 1 |"):
        assert row in text, row
    assert "  bar [3, 0, 0, 1, 1, 1, 2, 1, 1, 2, 3, 0]\n" in text
    assert "- **Reply rate**: 80% (12 of the 15 people you wrote to answered)." in text
    assert "- **Median time to a reply**: 1 day " in text
    assert "- **Thank-yous within 24 hours**: 83% (5 of 6 meetings; 1 not sent yet)." in text
    assert "- **Referrals per meeting**: 1.3 (8 names from 6 meetings" in text


def test_thank_you_timing_counts_late_and_undated_ones(vault):
    vault.contact("Ana", "type: contact\n", "## Log\n- 2026-11-05 #thanks late, but sent\n")
    vault.contact("Ben", "type: contact\n")
    vault.contact("Cy", "type: contact\n")
    vault.interview("a", 'contact: "[[Ana]]"\ndate: 2026-11-02\ntime: "18:00"\nstatus: done\n')
    vault.interview("b", 'contact: "[[Ben]]"\ndate: 2026-11-02\nstatus: done\nthank_you_sent: true\n')
    vault.interview("c", 'contact: "[[Cy]]"\ndate: 2026-11-02\ntime: "18:00"\nstatus: done\nthank_you_sent: 2026-11-03\n')
    data = json.loads(run("report", "--vault", str(vault.root), "--today", TODAY, "--format", "json").stdout)
    assert data["progress"]["thank_yous"] == {"hours": 24, "meetings": 3, "on_time": 1, "late": 1,
                                              "day_not_recorded": 1, "not_sent": 0, "percent_on_time": 33}


def test_an_empty_vault_gets_a_page_with_nothing_to_divide_by(vault):
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 0
    text = (vault.root / "vaultkit" / "Progress.md").read_text(encoding="utf-8")
    assert "- **Reply rate**: nobody written to yet." in text and "no meetings yet" in text
    assert "| People in the vault | 0 |  |" in text and "| Written to | 0 |  |" in text


def test_the_same_day_gives_the_same_page(sample_copy):
    run("report", "--vault", str(sample_copy), "--today", "2026-12-01")
    first = (sample_copy / "vaultkit" / "Progress.md").read_bytes()
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    run("report", "--vault", str(sample_copy), "--today", "2026-12-01")
    assert (sample_copy / "vaultkit" / "Progress.md").read_bytes() == first
    assert b"as_of: 2026-12-01" in first


@needs_mermaid
def test_the_progress_charts_parse_with_the_real_mermaid(sample_copy):
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    page = sample_copy / "vaultkit" / "Progress.md"
    out = subprocess.run(["node", str(MERMAID / "check.mjs"), str(page)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.count(": ok") == 2, out.stdout + out.stderr
