"""What `report` refuses to write over, and how one output that fails leaves the others alone (issue 13)."""
import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.errors import Problem
from vaultkit.watch.lines import describe
from vaultkit.watch.session import Session
from vaultkit.write import NOT_WRITTEN, WRITTEN, Output, is_own_temp, temp_name, write_atomic, write_outputs

TODAY = "2026-11-20"
DASHBOARDS = ("Follow-ups.md", "Referrals.md", "Fields.md", "Follow-ups.ics")
NOT_OURS = 'not written: this file was not made by vaultkit (no "generated: vaultkit" in its front-matter)'


def report(root: Path, *more: str):
    return CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", TODAY, *more], catch_exceptions=False)


def with_draft(vault) -> str:
    """A contact and an interview that owes a thank-you; returns the draft's vault-relative path."""
    vault.contact("Ana", "type: contact\n")
    vault.interview("i", "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a point\n")
    return "vaultkit/Drafts/Thank you - i.md"


# ---- a file vaultkit did not make -----------------------------------------------

@pytest.mark.parametrize("name", DASHBOARDS)
def test_a_users_own_file_with_a_dashboards_name_is_kept_and_reported(vault, name):
    vault.config('[folders]\noutput = "Reading"\n')
    mine = vault.write(f"Reading/{name}", "my own reading list\n")
    result = report(vault.root)
    assert result.exit_code == 1
    assert mine.read_text() == "my own reading list\n"
    assert f"Reading/{name}:1: error: not written: this file was not made by vaultkit" in result.stderr
    assert "move it or rename it" in result.stderr
    assert f"not written: Reading/{name}" in result.stdout
    for other in DASHBOARDS:
        if other != name:
            assert (vault.root / "Reading" / other).read_bytes().find(b"vaultkit") >= 0, other


def test_a_users_own_file_with_a_drafts_name_is_kept_and_reported(vault):
    draft = with_draft(vault)
    mine = vault.write(draft, "---\nto: ana@example.org\n---\nmy words\n")
    result = report(vault.root)
    assert result.exit_code == 1
    assert mine.read_text() == "---\nto: ana@example.org\n---\nmy words\n"
    assert f"{draft}:1: error: {NOT_OURS}" in result.stderr


def test_the_same_refusals_in_a_dry_run_and_in_json(vault):
    vault.write("vaultkit/Fields.md", "mine\n")
    dry = report(vault.root, "--dry-run")
    assert dry.exit_code == 1
    assert f"vaultkit/Fields.md:1: error: {NOT_OURS}" in dry.stderr
    assert sorted(p.name for p in (vault.root / "vaultkit").iterdir()) == ["Fields.md"]
    as_json = report(vault.root, "--format", "json")
    assert as_json.exit_code == 1
    assert '"path": "vaultkit/Fields.md"' in as_json.stdout
    assert (vault.root / "vaultkit" / "Fields.md").read_text() == "mine\n"


def test_vaultkits_own_files_are_still_replaced(vault):
    assert report(vault.root, "--today", "2026-11-19").exit_code == 0
    result = report(vault.root)
    assert result.exit_code == 0, result.output
    assert "as_of: 2026-11-20" in (vault.root / "vaultkit" / "Fields.md").read_text()


# ---- folders where a file should be, files where a folder should be ----------------

def test_a_folder_where_a_dashboard_goes_is_an_error_and_the_rest_are_written(vault):
    (vault.root / "vaultkit" / "Fields.md").mkdir(parents=True)
    result = report(vault.root)
    assert result.exit_code == 1
    assert "vaultkit/Fields.md:1: error: not written: a folder is in the way" in result.stderr
    assert (vault.root / "vaultkit" / "Follow-ups.md").is_file()
    assert (vault.root / "vaultkit" / "Fields.md").is_dir()


def test_a_file_where_the_output_folder_goes_is_one_clear_error(vault):
    vault.write("vaultkit", "my file\n")
    result = report(vault.root)
    assert result.exit_code == 1
    assert "File exists" not in result.output + result.stderr
    assert re.search(r"^vaultkit:1: error: this is a file, not a folder.*\(6 files not written\)", result.stderr, re.M)
    assert result.stderr.count("error:") == 1
    assert (vault.root / "vaultkit").read_text() == "my file\n"


def test_a_file_where_the_drafts_folder_goes_stops_only_the_drafts(vault):
    with_draft(vault)
    vault.write("vaultkit/Drafts", "my file\n")
    result = report(vault.root)
    assert result.exit_code == 1
    assert "vaultkit/Drafts:1: error:" in result.stderr
    assert all((vault.root / "vaultkit" / name).is_file() for name in DASHBOARDS)


def test_a_fifo_where_a_dashboard_goes_is_an_error_not_a_hang(vault):
    (vault.root / "vaultkit").mkdir()
    os.mkfifo(vault.root / "vaultkit" / "Fields.md")
    result = report(vault.root)
    assert result.exit_code == 1
    assert "vaultkit/Fields.md:1: error: not written:" in result.stderr


def test_one_output_that_cannot_be_written_does_not_stop_the_others(tmp_path):
    problems: list[Problem] = []
    long_name = "Drafts/" + "é" * 200 + ".md"  # 400 bytes: too long for any file system
    results = write_outputs(tmp_path, "out", [Output(long_name, b"x"), Output("Fields.md", b"---\ngenerated: vaultkit\n---\n")],
                            problems=problems)
    assert results == [(f"out/{long_name}", NOT_WRITTEN), ("out/Fields.md", WRITTEN)]
    assert [p.path for p in problems] == [f"out/{long_name}"] and "not written: cannot write" in problems[0].message
    assert (tmp_path / "out" / "Fields.md").is_file()


def test_a_symlinked_output_folder_is_one_error(vault, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, vault.root / "vaultkit")
    result = report(vault.root)
    assert result.exit_code == 1
    assert result.stderr.count("error:") == 1


# ---- the output folder must be a folder of its own ----------------------------------

def test_an_output_folder_holding_contact_notes_is_refused(vault):
    vault.config('[folders]\noutput = "People"\n')
    note = vault.write("People/Ana.md", "---\ntype: contact\n---\n")
    result = report(vault.root)
    assert result.exit_code == 1
    assert re.search(r"^People/Ana\.md:1: error: .*contact note.*output folder", result.stderr, re.M)
    assert sorted(p.name for p in note.parent.iterdir()) == ["Ana.md"]


def test_an_output_folder_holding_daily_notes_deeper_down_is_refused(vault):
    vault.config('[folders]\noutput = "Journal"\n')
    vault.write("Journal/2026/2026-11-19.md", "- met [[Ana]]\n")
    result = report(vault.root)
    assert result.exit_code == 1
    assert "Journal/2026/2026-11-19.md:1: error:" in result.stderr
    assert not (vault.root / "Journal" / "Fields.md").exists()


def test_an_output_folder_linked_to_the_contacts_folder_is_refused(vault):
    vault.contact("Ana", "field: UX\n")  # a contact by its folder alone
    os.symlink(vault.root / "Contacts", vault.root / "vaultkit")
    result = report(vault.root)
    assert result.exit_code == 1
    assert sorted(p.name for p in (vault.root / "Contacts").iterdir()) == ["Ana.md"]


def test_other_notes_in_the_output_folder_are_fine(vault):
    vault.config('[folders]\noutput = "Reading"\n')
    vault.write("Reading/Books.md", "- a book\n")
    result = report(vault.root)
    assert result.exit_code == 0, result.output
    assert (vault.root / "Reading" / "Books.md").read_text() == "- a book\n"


@pytest.mark.parametrize("key, value, why", [
    ("output", "/tmp/x", "an absolute path"),
    ("output", "C:/x", "an absolute path"),
    ("output", "~/x", '"~"'),
    ("output", ".git", "hidden"),
    ("output", "notes/.vaultkit", "hidden"),
    ("output", ".", "top folder"),
    ("output", "./", "top folder"),
    ("output", "a\\u0000b", "control character"),
    ("output", "a\\nb", "control character"),
    ("templates", "/etc", "an absolute path"),
    ("templates", ".", "top folder"),
    ("contacts", "~/People", '"~"'),
    ("interviews", ".obsidian", "hidden"),
    ("daily", "D\\u0000", "control character"),
])
def test_hostile_folder_values_are_config_errors(vault, key, value, why):
    vault.config(f'# my settings\n[folders]\n{key} = "{value}"\n')
    result = report(vault.root)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: vaultkit.toml:3: folders.{key}: expected a folder inside the vault")
    assert why in result.stderr


@pytest.mark.parametrize("config", [
    '[folders]\noutput = "Contacts/vaultkit"\n',
    '[folders]\ncontacts = "People"\noutput = "People/out"\n',
])
def test_an_output_folder_inside_a_notes_folder_is_a_config_error(vault, config):
    vault.config(config)
    result = report(vault.root)
    assert result.exit_code == 2
    assert "overlaps folders.contacts" in result.stderr


# ---- temp files ------------------------------------------------------------------

def test_a_stale_temp_file_is_removed_by_the_next_report(vault):
    folder = vault.root / "vaultkit"
    old = [vault.write(f"vaultkit/{temp_name()}", "half"), vault.write(f"vaultkit/Drafts/{temp_name()}", "half")]
    fresh = vault.write(f"vaultkit/{temp_name()}", "being written by another run")
    mine = [vault.write("vaultkit/.my-notes.tmp", "not vaultkit's"),
            vault.write("vaultkit/.vaultkit-scratch.tmp", "mine")]
    an_hour_ago = time.time() - 3600
    for path in [*old, *mine]:
        os.utime(path, (an_hour_ago, an_hour_ago))
    with_draft(vault)
    assert report(vault.root).exit_code == 0
    assert [p.exists() for p in old] == [False, False]
    assert fresh.exists() and all(p.exists() for p in mine)
    assert (folder / "Fields.md").is_file()


def test_a_temp_file_has_a_name_only_vaultkit_uses(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / ("x" * 250 + ".md"), b"content")  # a long name still leaves room for the temp's
    assert len(seen) == 1 and is_own_temp(seen[0])


def test_watch_says_when_a_file_was_not_written(sample_copy):
    (sample_copy / "vaultkit" / "Fields.md").write_text("mine\n", encoding="utf-8")
    refresh = Session(sample_copy, warn=lambda message: None).start(dt.date(2026, 11, 20))
    assert (sample_copy / "vaultkit" / "Fields.md").read_text(encoding="utf-8") == "mine\n"
    assert "1 file not written (`vaultkit report` says why)" in describe(refresh, None, first=True)[0]
