"""`vaultkit report`: the golden sample, idempotence, JSON, dry runs, and safe writing."""
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.kinds.action import KINDS
from vaultkit.cli import cli
from vaultkit.errors import VaultkitError
from vaultkit.output.write import resolve_output, safe_name

from ..conftest import LANDED, SAMPLE, check_golden, tree_hashes

TODAY = "2026-11-20"  # the README's fixed date
GOLDEN_JSON = Path(__file__).resolve().parents[1] / "golden" / "sample-report.json"
GOLDEN_LANDED = Path(__file__).resolve().parents[1] / "golden" / "sample-landed-Follow-ups.md"
GOLDEN_MD = SAMPLE / "vaultkit" / "Follow-ups.md"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def user_files(root: Path) -> dict:
    return {k: v for k, v in tree_hashes(root).items() if not k.startswith("vaultkit/")}


def test_sample_followups_match_the_committed_file(sample_copy):
    (sample_copy / "vaultkit" / "Follow-ups.md").unlink()
    result = run("report", "--vault", str(sample_copy), "--today", TODAY)
    assert result.exit_code == 0, result.output
    dashboard = sample_copy.resolve() / "vaultkit" / "Follow-ups.md"
    assert result.stdout == (  # a short summary: the written file is listed only under -v
        "Read 19 contacts, 12 interviews, 3 company notes, 3 opportunities.\n"
        "Follow-ups for 2026-11-20: 10 overdue, 5 today, 4 upcoming, 1 later; 1 gone quiet.\n"
        "1 file written, 20 unchanged.\n"
        f"Dashboard: {dashboard}\n"
    )
    check_golden({GOLDEN_MD: (sample_copy / "vaultkit" / "Follow-ups.md").read_bytes()})


def test_sample_json_matches_and_shows_every_kind(sample_copy):
    result = run("report", "--vault", str(sample_copy), "--today", TODAY, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["today", "counts", "actions", "referrals", "fields", "companies", "opportunities", "gone_quiet",
                          "problems", "progress"]
    # searching, the sample shows every kind but announce-landing; landed, none of those that stop then (SPEC)
    assert {a["kind"] for a in data["actions"]} == set(KINDS) - {"announce-landing"}
    with open(sample_copy / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)
    landed = json.loads(run("report", "--vault", str(sample_copy), "--today", TODAY, "--format", "json").stdout)
    assert {a["kind"] for a in landed["actions"]} == set(KINDS) - {
        "broaden-field", "grow-pipeline", "reach-referral", "nudge", "ask-intro", "ask-referral",
        "follow-up-application", "update-helper"}
    assert data["gone_quiet"] == ["Elena Volkov"] and data["problems"] == []
    check_golden({GOLDEN_JSON: result.stdout.encode("utf-8")})


def test_the_landed_sample_is_a_wrap_up_page(sample_copy):
    """README and docs/outputs.md: add the [landed] lines to the sample's vaultkit.toml to see the page
    once the search is over."""
    with open(sample_copy / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)
    result = run("report", "--vault", str(sample_copy), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("Follow-ups for 2026-11-20: 4 to tell where you landed, ")
    check_golden({GOLDEN_LANDED: (sample_copy / "vaultkit" / "Follow-ups.md").read_bytes()})


def test_a_second_run_writes_nothing(sample_copy):
    run("report", "--vault", str(sample_copy), "--today", "2026-11-21")
    before = {p: p.stat().st_mtime_ns for p in (sample_copy / "vaultkit").rglob("*") if p.is_file()}
    result = run("report", "--vault", str(sample_copy), "--today", "2026-11-21")
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert "\n0 files written, 21 unchanged.\nDashboard: " in result.stdout


def test_report_changes_no_byte_of_any_user_note(sample_copy, messy_vault):
    for root in (sample_copy, messy_vault.root):
        before = user_files(root)
        run("report", "--vault", str(root), "--today", TODAY)
        assert user_files(root) == before


def test_same_vault_same_day_same_bytes(sample_copy, tmp_path):
    other = tmp_path / "other"
    import shutil
    shutil.copytree(sample_copy, other)
    for root in (sample_copy, other):
        run("report", "--vault", str(root), "--today", "2026-12-02")
    assert (sample_copy / "vaultkit" / "Follow-ups.md").read_bytes() == (other / "vaultkit" / "Follow-ups.md").read_bytes()


def test_dry_run_writes_nothing(vault):
    vault.contact("Ana", "", "## Log\n- 2026-11-01 #outreach\n")
    result = run("report", "--vault", str(vault.root), "--today", TODAY, "--dry-run")
    assert result.exit_code == 0
    assert not (vault.root / "vaultkit").exists()
    assert "would write" not in result.stdout  # each file only under -v
    assert "Dry run: nothing written; 7 files would change (1 draft), 0 unchanged." in result.stdout
    assert "Dashboard" not in result.stdout  # there is none yet
    listed = run("report", "--vault", str(vault.root), "--today", TODAY, "--dry-run", "-v")
    assert "  would write: vaultkit/Follow-ups.md" in listed.stdout


def test_json_prints_only_json(messy_vault):
    result = run("report", "--vault", str(messy_vault.root), "--today", TODAY, "--format", "json")
    data = json.loads(result.stdout)
    assert data["today"] == TODAY and data["problems"][0]["path"] == "Contacts/Broken.md"
    assert "run `vaultkit check`" in result.stderr


def test_today_defaults_to_the_local_date(vault):
    result = run("report", "--vault", str(vault.root), "--format", "json", "--dry-run")
    assert json.loads(result.stdout)["today"] == dt.date.today().isoformat()


def test_bad_today_is_a_usage_error(vault):
    result = run("report", "--vault", str(vault.root), "--today", "20/11/2026")
    assert result.exit_code == 2
    assert "Invalid value for '--today': '20/11/2026' is not a date like 2026-11-20" in result.stderr


def test_broken_notes_are_reported_and_the_rest_still_planned(messy_vault):
    result = run("report", "--vault", str(messy_vault.root), "--today", TODAY)
    assert result.exit_code == 0
    text = (messy_vault.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    assert "## Problems in notes (1)" in text
    assert "[[Contacts/Broken|Contacts/Broken.md]] line 2, error:" in text
    assert "Notes have 1 error and 0 warnings; run `vaultkit check` to see them." in result.stderr


def test_output_is_atomic_and_leaves_no_temp_files(vault):
    run("report", "--vault", str(vault.root), "--today", TODAY)
    names = sorted(p.name for p in (vault.root / "vaultkit").rglob("*"))
    assert names == ["Companies.md", "Fields.md", "Follow-ups.ics", "Follow-ups.md", "Progress.md", "Referrals.md"]
    mode = (vault.root / "vaultkit" / "Follow-ups.md").stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()


def _umask():
    current = os.umask(0)
    os.umask(current)
    return current


def test_never_writes_through_a_symlinked_output_folder(vault, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, vault.root / "vaultkit")
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root), "--today", TODAY])
    assert result.exit_code == 1
    assert "the folder vaultkit/ leads outside the vault" in result.stderr
    assert list(outside.iterdir()) == []


def test_a_symlinked_output_file_is_neither_followed_nor_replaced(vault, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("keep me")
    (vault.root / "vaultkit").mkdir()
    os.symlink(secret, vault.root / "vaultkit" / "Follow-ups.md")
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 1
    assert secret.read_text() == "keep me"
    assert (vault.root / "vaultkit" / "Follow-ups.md").is_symlink()  # the user's link: issue 23


@pytest.mark.parametrize("text, name", [
    ("Ana Díaz", "Ana Díaz.md"),
    ("../../etc/passwd", "etc-passwd.md"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j.md"),
    (".hidden", "hidden.md"),
    ("..", "untitled.md"),
    ("x" * 300, "x" * 117 + ".md"),
])
def test_safe_names(text, name):
    assert safe_name(text) == name


def test_output_paths_stay_in_the_output_folder(tmp_path):
    for bad in ("../x.md", "/etc/x.md", "a/../../x.md", ".x.md", ""):
        with pytest.raises(VaultkitError):
            resolve_output(tmp_path, "vaultkit", bad)
    assert resolve_output(tmp_path, "vaultkit", "Drafts/a.md") == tmp_path.resolve() / "vaultkit" / "Drafts" / "a.md"
