"""People are named by their own note, whatever form the link that led there took.

The fixture links every person in a different way: a plain name, `[[X]]`,
`[[Folder/X]]`, `[[X|nick]]`, `[[X#Log]]`, an alias, a folder that went stale
when the note moved, and an NFD file name linked in NFC.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.kinds.action import INTERVIEW_KINDS
from vaultkit.cli import cli
from vaultkit.load import load_vault
from vaultkit.rules import plan

from ..conftest import VaultBuilder

TODAY = "2026-11-20"
NFD_CHLOE = unicodedata.normalize("NFD", "Chloé Varga")

LINKED_FILES = {
    "Contacts/Ben Okafor.md": "---\ntype: contact\nemail: ben@example.org\nfield: UX research\n"
    "referred_by: \"[[People/Priya Rossi|Priya]]\"\n---\n",
    "Contacts/Jo Jensen.md": "---\naliases: [Jo J.]\nfield: UX research\nreferred_by: \"[[Ben Okafor#Log]]\"\n---\n",
    "Contacts/Dev Zimmer.md": "---\naliases:\n  - Dev Z.\nfield: Data\n---\n## Log\n- 2026-11-01 #reply sure\n",
    "Contacts/Omar.md": "---\nname: Omar Haddad\nfield: Data\nreferred_by: Dev Z.\n---\n",
    "Contacts/Sam Lee.md": "---\naliases: Sam\nfield: Data\n---\n",
    "Contacts/Kai Berg.md": "---\naliases: [Kai B.]\n---\n",
    # a contact outside the contacts folder, known by its type
    "People/Priya Rossi.md": "---\ntype: contact\nfield: Data\n---\n## Log\n- 2026-09-01 #reply hi\n",
    # moved from Contacts/ to a subfolder; its file name is NFD, as macOS writes it
    f"Contacts/Events/2026/{NFD_CHLOE}.md": "---\nfield: Data\n---\n",
    # met through a folder link, suggested people by alias, heading link and a nick for someone with no note
    "Interviews/2026-11-12 Ben.md": "---\ncontact: \"[[Contacts/Ben Okafor]]\"\ndate: 2026-11-12\ntime: 10:00\n"
    "referrals:\n  - \"[[Jo J.]]\"\n  - \"[[Dev Zimmer#Log]]\"\n  - \"[[Leads/Omar Ali|Omar A.]]\"\n---\n",
    # an alias link, upcoming: prepare and confirm
    "Interviews/2026-11-22 Jo.md": "---\ncontact: \"[[Jo J.]]\"\ndate: 2026-11-22\ntime: 09:30\nstatus: scheduled\n---\n",
    # a stale folder: the note now lives in Contacts/Events/2026/
    "Interviews/2026-11-10 Chloe.md": "---\ncontact: \"[[Contacts/Chloé Varga]]\"\ndate: 2026-11-10\n"
    "status: scheduled\n---\n",
    # a nick; the note's `name` differs from its file name
    "Interviews/2026-11-15 Omar.md": "---\ncontact: \"[[Omar|O.]]\"\ndate: 2026-11-15\n"
    "referrals: [\"[[Contacts/Dev Zimmer]]\", \"[[Sam|Sammy]]\"]\n---\n",
    # a plain name in other case, and a plain folder path as a referral
    "Interviews/2026-11-16 Priya.md": "---\ncontact: priya rossi\ndate: 2026-11-16\n"
    "referrals:\n  - Contacts/Chloé Varga\n---\n",
    # a daily note touching Dev through an alias link with a stale folder, before Omar (whom Dev referred)
    "Daily/2026-11-14.md": "- coffee with [[Old/Dev Z.]] #checkin\n- wrote to [[Kai B.|Kai]] #outreach\n",
}
CANONICAL = {"Ben Okafor", "Jo Jensen", "Dev Zimmer", "Omar Haddad", "Priya Rossi", "Chloé Varga", "Sam Lee",
             "Kai Berg"}


@pytest.fixture
def linked(vault: VaultBuilder) -> VaultBuilder:
    for rel, text in LINKED_FILES.items():
        vault.write(rel, text)
    return vault


def report_json(root: Path) -> dict:
    result = CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", TODAY, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_every_action_names_the_person_by_their_note(linked):
    data = report_json(linked.root)
    people = {nfc(a["contact"]) for a in data["actions"] if a["contact"] is not None}
    assert people <= CANONICAL | {"Omar Ali"}, people - CANONICAL
    kinds = {(a["kind"], nfc(a["contact"] or "")) for a in data["actions"]}
    for expected in [("thank-you", "Ben Okafor"), ("record-notes", "Ben Okafor"), ("prepare", "Jo Jensen"),
                     ("confirm", "Jo Jensen"), ("record-outcome", "Chloé Varga"), ("thank-you", "Omar Haddad"),
                     ("thank-you", "Priya Rossi"), ("reach-referral", "Sam Lee"), ("reach-referral", "Omar Ali"),
                     ("close-loop", "Dev Zimmer"), ("nudge", "Kai Berg")]:
        assert expected in kinds, expected
    for action in data["actions"]:
        assert "/" not in action["reason"] and "Jo J." not in action["reason"] and "O." not in action["reason"], action


def test_one_action_of_a_kind_per_person_and_no_check_in_beside_another(linked):
    vault = load_vault(linked.root)
    the_plan = plan(vault, __import__("datetime").date.fromisoformat(TODAY))
    per_person = [(a.kind, a.contact_path) for a in the_plan.actions
                  if a.kind not in INTERVIEW_KINDS and a.contact_path]
    assert [k for k, n in Counter(per_person).items() if n > 1] == []
    busy = {a.contact_path for a in the_plan.actions if a.kind != "check-in"}
    assert [a.contact for a in the_plan.actions if a.kind == "check-in" and a.contact_path in busy] == []
    # the stale link still resolved: Chloé's interview has her note, and Dev's daily touch counts
    chloe = next(i for i in vault.interviews if "Chloe" in i.path)
    assert chloe.contact.path == f"Contacts/Events/2026/{NFD_CHLOE}.md"
    assert [t.kind for t in vault.touches_of("Contacts/Dev Zimmer.md")] == ["reply", "checkin"]


def test_referral_edges_name_both_ends_by_their_notes(linked):
    data = report_json(linked.root)
    edges = {(nfc(r["from"]), nfc(r["to"])) for r in data["referrals"]}
    assert edges == {
        ("Priya Rossi", "Ben Okafor"), ("Ben Okafor", "Jo Jensen"), ("Ben Okafor", "Dev Zimmer"),
        ("Ben Okafor", "Omar Ali"), ("Dev Zimmer", "Omar Haddad"), ("Omar Haddad", "Dev Zimmer"),
        ("Priya Rossi", "Chloé Varga"), ("Omar Haddad", "Sam Lee"),
    }
    referrals_md = (linked.root / "vaultkit" / "Referrals.md").read_text(encoding="utf-8")
    assert "Priya|Priya" not in referrals_md and "Dev Z." not in referrals_md and "Jo J." not in referrals_md
    assert "[[People/Priya Rossi|Priya Rossi]]" in referrals_md


def test_stale_folder_links_warn_with_the_note_they_matched(linked):
    result = CliRunner().invoke(cli, ["check", "--vault", str(linked.root)])
    lines = result.stdout.splitlines()
    stale = [line for line in lines if "stale" in line]
    assert any(line.startswith("Interviews/2026-11-10 Chloe.md:2: warning:")
               and "Contacts/Chloé Varga" in nfc(line) and "Contacts/Events/2026/Chloé Varga.md" in nfc(line)
               for line in stale), lines
    assert any(line.startswith("Contacts/Ben Okafor.md:5: warning:") and "People/Priya Rossi.md" in line
               for line in stale) is False  # a right folder is not stale
    assert any(line.startswith("Daily/2026-11-14.md:1: warning:") and "Contacts/Dev Zimmer.md" in line
               for line in stale), lines
    assert result.exit_code == 0, result.output


def test_outputs_never_show_a_folder_or_an_alias_for_a_name(linked):
    CliRunner().invoke(cli, ["report", "--vault", str(linked.root), "--today", TODAY], catch_exceptions=False)
    out = linked.root / "vaultkit"
    followups = nfc((out / "Follow-ups.md").read_text(encoding="utf-8"))
    ics = nfc((out / "Follow-ups.ics").read_bytes().decode("utf-8"))
    assert "Confirm Sunday's 09:30 interview with [[Contacts/Jo Jensen|Jo Jensen]]" in followups
    assert "with Contacts/" not in followups and "with Jo J." not in followups
    unfolded = ics.replace("\r\n ", "")
    summaries = re.findall(r"^SUMMARY:(.*)$", unfolded, re.MULTILINE)
    assert summaries and all("/" not in s and "Jo J." not in s for s in summaries), summaries
    assert any("Jo Jensen" in s for s in summaries)
    drafts = {p.name: nfc(p.read_text(encoding="utf-8")) for p in (out / "Drafts").glob("*.md")}
    ben = next(text for name, text in drafts.items() if "Ben" in name)
    assert "Dear Ben" in ben or "Hi Ben" in ben
    assert "Contacts/Ben" not in ben.split("---\n", 2)[2]
    assert "Omar Haddad" in next(text for name, text in drafts.items() if "Omar" in name)


def test_landing_announcements_name_each_person_met_once(linked):
    linked.config('[landed]\ndate = 2026-11-19\ncompany = "Northwind"\n')
    data = report_json(linked.root)
    announced = [nfc(a["contact"]) for a in data["actions"] if a["kind"] == "announce-landing"]
    assert sorted(announced) == ["Ben Okafor", "Omar Haddad", "Priya Rossi"]
    drafts = sorted(nfc(p.name) for p in (linked.root / "vaultkit" / "Drafts").glob("Landing - *.md"))
    assert drafts == ["Landing - Ben Okafor.md", "Landing - Omar Haddad.md", "Landing - Priya Rossi.md"]


def test_a_link_with_no_name_in_it_is_ignored_with_a_warning(vault):
    """`[[| pipe | table |]]` (a table cell gone wrong) names nobody: no reach-referral for an empty name."""
    vault.contact("Ana", "")
    vault.interview("2026-11-12 Ana", "contact: '[[Ana]]'\ndate: 2026-11-12\n"
                    "referrals:\n  - '[[| pipe | table |]]'\n  - Omar Ali\n")
    vault.contact("Ben", "referred_by: '[[|x]]'\n")
    data = report_json(vault.root)
    referred = [a["contact"] for a in data["actions"] if a["kind"] == "reach-referral"]
    assert referred == ["Omar Ali"]
    assert all(r["from"] and r["to"] for r in data["referrals"])
    messages = {(p["path"], p["line"], p["message"]) for p in data["problems"]}
    assert ("Interviews/2026-11-12 Ana.md", 5, "referral '[[| pipe | table |]]' names nobody; ignored") in messages
    assert ("Contacts/Ben.md", 2, "referred_by '[[|x]]' names nobody; ignored") in messages
