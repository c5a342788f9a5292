"""`vaultkit check` as a user runs it."""
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import tree_hashes


def run(*args, env=None, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_clean_vault_exits_0_with_a_summary(vault):
    vault.contact("Ana", "name: Ana\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "Checked 1 note (1 contact, 0 interviews): no problems.\n"


def test_problems_sorted_by_path_and_line_and_exit_1(messy_vault):
    messy_vault.write("Contacts/Zed.md", "---\nstatus: gone\n---\n")
    messy_vault.write("Contacts/Amy.md", "---\nstay_in_touch: often\n---\n")
    result = run("check", "--vault", str(messy_vault.root))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "Contacts/Amy.md:2: warning: stay_in_touch 'often' is not a cadence like 30d, 6w, 3m or a number of days; "
        "using the default",
        "Contacts/Broken.md:2: error: front-matter is not valid YAML: did not find expected ',' or ']' "
        "(in the [...] list that starts on line 2)",
        "Contacts/Zed.md:2: warning: 1 contact has a status vaultkit does not know: 'gone' (1); it counts as "
        'active. Say what each word means in vaultkit.toml, e.g. [statuses] active = ["gone"], paused = [...], '
        "or run vaultkit init --detect",
    ]
    assert result.stderr == "Checked 8 notes (4 contacts, 1 interview): 1 error, 2 warnings.\n"


def test_warnings_alone_exit_0(vault):
    vault.contact("Ben", "referred_by: Nobody I know\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 0
    assert result.stdout == (
        "Contacts/Ben.md:2: warning: referred_by 'Nobody I know' matches no contact's file name, name or alias\n")


def test_every_bad_input_is_one_line_and_the_rest_is_still_read(vault):
    vault.contact("Good", "name: Good\n", "## Log\n- 2026-11-02 #outreach hi\n")
    vault.write("Contacts/Binary.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    vault.write("Contacts/Latin1.md", "---\nname: Ren\xe9\n---\n".encode("latin-1"))
    vault.write("Contacts/Bomb.md", "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n")
    vault.write("Contacts/Empty.md", b"")
    vault.write("Contacts/Unclosed.md", "---\nname: x\n")
    vault.write("Contacts/Scalar.md", "---\njust text\n---\n")
    vault.write("Contacts/Dup.md", "---\nname: a\nName: b\n---\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "Contacts/Binary.md:3: error: binary file (a NUL byte on line 3); not read",
        "Contacts/Bomb.md:2: error: front-matter uses YAML aliases that expand past 10,000 values (an alias bomb?); "
        "not read",
        "Contacts/Dup.md:3: warning: duplicate key 'Name' (also on line 2); this later one wins",
        "Contacts/Latin1.md:2: error: not UTF-8 text (byte 0xE9 on line 2); save it as UTF-8",
        "Contacts/Scalar.md:2: error: front-matter is a single value, not a set of `key: value` lines",
        "Contacts/Unclosed.md:1: error: front-matter opened with --- on line 1 is never closed with a --- line",
    ]
    model_summary = result.stderr
    assert model_summary == "Checked 8 notes (3 contacts, 0 interviews): 5 errors, 1 warning.\n"


def test_check_changes_no_byte(sample_copy, messy_vault):
    for root in (sample_copy, messy_vault.root):
        before = tree_hashes(root)
        run("check", "--vault", str(root))
        assert tree_hashes(root) == before


def test_vault_found_from_the_working_directory_and_env(vault, tmp_path):
    vault.contact("Ana", "")
    (vault.root / "Contacts" / "deep").mkdir()
    assert run("check", cwd=vault.root / "Contacts" / "deep").exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run("check", cwd=elsewhere, env={"VAULTKIT_VAULT": str(vault.root)})
    assert result.exit_code == 0 and "1 contact" in result.stderr


def test_no_vault_is_a_usage_error_that_says_how_to_make_one(tmp_path):
    result = run("check", cwd=tmp_path, env={"VAULTKIT_VAULT": ""})
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no vault found: no folder holding vaultkit.toml or an .obsidian/ folder "
                                    "at or above the current one (searched " + str(tmp_path))
    assert result.stderr.rstrip().endswith(
        "To start a vault here: vaultkit init. For notes you already keep: vaultkit init --detect. "
        "Or pass --vault PATH, or set VAULTKIT_VAULT.")
    assert "create a vaultkit.toml" not in result.stderr


def test_a_folder_without_vaultkit_toml_uses_the_defaults_and_says_so_not_at_a_missing_file(vault):
    (vault.root / "vaultkit.toml").unlink()
    vault.contact("Ana", "")
    vault.interview("2026-11-12 Ana", "contact: '[[Ana]]'\ndate: 2026-11-12\n")
    for command in (["check"], ["report", "--dry-run"], ["report"], ["report"]):  # the last from what was recorded
        result = run(*command, "--vault", str(vault.root), "--today", "2026-11-20")
        assert result.exit_code == 0, result.output
        assert "vaultkit.toml:" not in result.output  # no problem at a file that does not exist
        assert (f"Hint: {vault.root} has no vaultkit.toml, so every setting is its default and drafts go "
                "unsigned. vaultkit init writes one (it changes no note); vaultkit init --detect also maps "
                "notes you kept your own way.") in result.stderr
    assert not (vault.root / "vaultkit.toml").exists()
    assert "\n0 files written, " in result.stdout  # the last report came from what the one before recorded
    quiet = run("check", "-q", "--vault", str(vault.root), "--today", "2026-11-20")
    assert quiet.exit_code == 0 and quiet.output == ""
    vault.config("[me]\n")  # with the file, the warning points at it
    result = run("check", "--vault", str(vault.root), "--today", "2026-11-20")
    assert result.stdout.startswith("vaultkit.toml:1: warning: [me] has no name") and "Hint: " not in result.stderr


def test_bad_config_is_a_usage_error_with_the_line(vault):
    vault.config("[rules]\nhorizon_days = -1\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 2
    assert result.stderr == "Error: vaultkit.toml:2: rules.horizon_days: expected a whole number from 0 to 3,660 (ten years), got -1\n"


def test_config_warnings_are_problems(vault):
    vault.config("[rules]\nhorizon_dayz = 3\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 0
    assert result.stdout == "vaultkit.toml:2: warning: unknown key 'horizon_dayz' in [rules]; did you mean 'horizon_days'?\n"


def test_unknown_option_is_a_usage_error(vault):
    result = run("check", "--vualt", str(vault.root))
    assert result.exit_code == 2 and "No such option '--vualt'" in result.stderr


def test_help_has_an_example():
    for args in (["--help"], ["check", "--help"], ["check", "-h"]):
        result = run(*args)
        assert result.exit_code == 0 and "Example" in result.stdout


def test_the_console_script_and_python_m(vault):
    vault.contact("Ana", "")
    out = subprocess.run([sys.executable, "-m", "vaultkit", "check", "--vault", str(vault.root)],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "1 contact" in out.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_as_a_git_pre_commit_hook_it_rejects_a_broken_note(sample_copy):
    repo = sample_copy

    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                              env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
                                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"})

    git("init", "-q")
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\nexec '{sys.executable}' -m vaultkit check\n")
    hook.chmod(0o755)
    git("add", "-A")
    assert git("commit", "-qm", "sample").returncode == 0
    (repo / "Contacts" / "Broken.md").write_text("---\nname: [oops\n---\n")
    git("add", "-A")
    refused = git("commit", "-qm", "broken note")
    assert refused.returncode != 0
    assert "Contacts/Broken.md:2: error: front-matter is not valid YAML" in refused.stdout + refused.stderr
    assert git("log", "--oneline").stdout.count("\n") == 1
