"""Once landed the search is over, and every page and draft reads as a person would write it."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.rules import plan

T = dt.date(2026, 11, 20)
TODAY = T.isoformat()
LANDED = '[me]\nname = "Sam Test"\n[landed]\ndate = 2026-11-16\ncompany = "Northwind"\nrole = "UX Researcher"\n'


def searching_vault(vault):
    """Ana, met, suggested Lena (not yet written to); Dev was written to and has not answered."""
    vault.contact("Ana Díaz", "field: Product management\nemail: ana@example.org\n")
    vault.contact("Lena Fischer", "field: Product management\nemail: lena@example.org\n")
    vault.contact("Dev Patel", "email: dev@example.org\n", "## Log\n- 2026-11-10 #outreach asked for a chat\n")
    vault.interview("2026-11-05 Ana", "contact: '[[Ana Díaz]]'\ndate: 2026-11-05\nthank_you_sent: 2026-11-05\n"
                    "referrals: ['[[Lena Fischer]]']\n", "## Takeaways\n- talk to more PMs\n")


def kinds(vault) -> set[str]:
    return {a.kind for a in plan(load_vault(vault.root, use_cache=False), T).actions}


def report(vault):
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return vault.root / "vaultkit"


def drafts(out) -> dict[str, str]:
    linked = (out / "Follow-ups.md").read_text(encoding="utf-8")
    return {p.name: p.read_text(encoding="utf-8") for p in (out / "Drafts").glob("*.md") if p.stem in linked}


def test_while_searching_introductions_and_nudges_are_due(vault):
    searching_vault(vault)
    assert {"reach-referral", "nudge"} <= kinds(vault)
    assert {"Introduction - Lena Fischer.md", "Follow-up - Dev Patel.md"} <= set(drafts(report(vault)))


def test_once_landed_no_introduction_no_nudge_and_no_draft_says_still_exploring(vault):
    searching_vault(vault)
    vault.config(LANDED)
    found = kinds(vault)
    assert "reach-referral" not in found and "nudge" not in found and "announce-landing" in found
    out = report(vault)
    page = (out / "Follow-ups.md").read_text(encoding="utf-8")
    assert "`reach-referral`" not in page and "`nudge`" not in page
    linked = drafts(out)
    assert "Landing - Ana Díaz.md" in linked
    assert not any("Introduction" in name or "Follow-up" in name for name in linked)
    assert not any("exploring" in text for text in linked.values())
