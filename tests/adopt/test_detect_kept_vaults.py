"""`init --detect` on the vaults people keep (issue 25): the mapping it writes, then the report's actions.

Each vault is mapped as a person would map it; `report` on the mapped vault then
holds the actions a seeker expects; not a byte of a note changes.
"""
import json
import re

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.config import tomllib  # tomli on Python 3.10

from ..support import kept_vaults as kept

SHAPES = {
    "records": (kept.RECORDS, kept.RECORDS_TYPES, kept.RECORDS_KEYS, kept.RECORDS_ACTIONS, kept.RECORDS_LEADS),
    "notion": (kept.NOTION, kept.NOTION_TYPES, kept.NOTION_KEYS, kept.NOTION_ACTIONS, kept.NOTION_LEADS),
    "daily": (kept.DAILY, kept.DAILY_TYPES, {}, kept.DAILY_ACTIONS, []),
    "fileclass": (kept.FILECLASS, kept.FILECLASS_TYPES, {}, kept.FILECLASS_ACTIONS, kept.FILECLASS_LEADS),
    "body-tags": (kept.BODY_TAGS, kept.BODY_TYPES, {}, kept.BODY_ACTIONS, kept.BODY_LEADS),
}


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def adopted(tmp_path, shape):
    root = kept.write_vault(tmp_path / shape, SHAPES[shape][0])
    before = kept.hashes(root)
    result = run("init", str(root), "--detect", "--name", "Sam Rivera")
    assert result.exit_code == 0, result.output
    return root, before, result.output


def actions(root) -> tuple[dict[str, set], list[str]]:
    report = json.loads(run("report", "--vault", str(root), "--today", kept.TODAY, "--format", "json").stdout)
    found: dict[str, set] = {}
    leads: list[str] = []
    for action in report["actions"]:
        if action["kind"] == "grow-pipeline":  # "Only 2 contacts waiting for a first message (Bo Reyes, Cy Tan); ..."
            named = re.search(r"first message \((.*?)\)", action["reason"])
            leads = named.group(1).split(", ") if named else []
        elif action.get("contact"):
            found.setdefault(action["contact"], set()).add((action["kind"], action["due"]))
    return found, leads


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_kept_vault_maps_as_a_person_would_and_no_note_changes(tmp_path, shape):
    _, types, keys, _, _ = SHAPES[shape]
    root, before, _ = adopted(tmp_path, shape)
    config = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert config["types"] == types
    assert config.get("keys", {}) == keys
    after = kept.hashes(root)
    assert {rel: after.get(rel) for rel in before} == before


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_mapped_vault_reports_check_ins_nudges_and_leads(tmp_path, shape):
    _, _, _, expected, leads = SHAPES[shape]
    root, before, _ = adopted(tmp_path, shape)
    found, waiting = actions(root)
    assert {name: found.get(name) for name in expected} == expected
    assert sorted(waiting) == leads
    after = kept.hashes(root)
    assert {rel: after.get(rel) for rel in before} == before


def test_the_records_template_prints_each_kind_with_its_evidence_and_what_it_is_not(tmp_path):
    root, _, printed = adopted(tmp_path, "records")
    assert "Opportunities: 3 notes, by tag #position, folder Records/Positions/ (confidence: high)" in printed
    assert ("  evidence: Records/Positions: 3 notes, App-Stage + Applied-Date + Job-Title: opportunities, not people"
            in printed)
    assert "Contacts: 3 notes, by tag #person, folder Records/People/ (confidence: high)" in printed
    assert "Companies: 3 notes, by folder Records/Companies/ (confidence: high)" in printed
    assert "Conversations (interaction notes): 3 notes" in printed
    assert "2 templates left out, e.g. Templates/Log.md" in printed
    assert "1 settings note left out, e.g. Settings/Contact fields.md" in printed
    assert "3 fileClass definitions left out, e.g. Metadata/Classes/Company.md" in printed
    assert "App-Stage -> stage" in printed and "Comm_DateTime -> a conversation's date" in printed
    written = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert written["touch_kinds"] == {"reply": ["Received"], "outreach": ["Sent"]}
    report = json.loads(run("report", "--vault", str(root), "--today", kept.TODAY, "--format", "json").stdout)
    assert {(a["source"], a["due"]) for a in report["actions"]
            if a["kind"] == "follow-up-application"} == kept.RECORDS_APPLICATIONS
    assert [(o["company"], o["role"], o["stage"], o["applied"]) for o in report["opportunities"]] == [
        ("Acme", "Product Designer", "applied", "2026-11-10"), ("Globex", "UX Engineer", "interested", None),
        ("Initech", "Researcher", "applied", "2026-11-28")]


def test_a_people_folder_with_one_person_is_mapped_and_says_what_to_check(tmp_path):
    _, _, printed = adopted(tmp_path, "daily")
    assert "Contacts: 1 note, by folder People/ (confidence: low)" in printed
    assert "  check: People: one note: open it to be sure" in printed


def test_dry_run_prints_the_file_it_would_write_and_writes_nothing(tmp_path):
    root = kept.write_vault(tmp_path / "v", kept.RECORDS)
    result = run("init", str(root), "--detect", "--dry-run")
    assert result.exit_code == 0
    assert 'opportunity = { tags = ["position"], folders = ["Records/Positions"] }' in result.stdout
    assert 'stage = ["App-Stage"]' in result.stdout
    assert "Opportunities: 3 notes" in result.stderr
    assert not (root / "vaultkit.toml").exists()


def test_force_keeps_a_hand_written_touch_kinds_table(tmp_path):
    root = kept.write_vault(tmp_path / "v", kept.RECORDS)
    (root / "vaultkit.toml").write_text('[touch_kinds]\ncheckin = ["Follow-up"]\nreply = ["Answered"]\n',
                                        encoding="utf-8")
    assert run("init", str(root), "--detect", "--force").exit_code == 0
    written = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert written["touch_kinds"] == {"checkin": ["Follow-up"], "reply": ["Answered", "Received"],
                                      "outreach": ["Sent"]}


def test_people_known_only_by_their_fileclass_are_mapped_by_that_property(tmp_path):
    _, _, printed = adopted(tmp_path, "fileclass")
    assert "Contacts: 3 notes, by fileclass: person (confidence: high)" in printed
    assert "  evidence: fileClass: Person: 3 notes, Name + 1 with a Log + type contact: people" in printed
