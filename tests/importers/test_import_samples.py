"""The sample vault's exports (sample-vault/Exports/, which the vault ignores) and the README's example."""
from __future__ import annotations

import re
import shlex

from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli

from ..conftest import SAMPLE, tree_hashes

ROOT = SAMPLE.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_shows_what_import_mail_prints(sample_copy, monkeypatch):
    section = README.split("## Bring in your conversations", 1)[1]
    command, shown = re.findall(r"```sh\n(.+?)\n```\n\n```\n(.+?)```", section, re.S)[0]
    argv = shlex.split(command)
    assert argv[:3] == ["vaultkit", "import", "mail"] and "--dry-run" in argv
    monkeypatch.chdir(sample_copy.parent)
    result = CliRunner().invoke(cli, argv[1:])
    assert result.exit_code == 0 and result.stdout == shown


def test_the_exports_are_not_notes_and_change_no_output(sample_copy):
    assert load_vault(SAMPLE).problems == ()
    assert {p.name for p in (SAMPLE / "Exports").iterdir()} == {"mail.mbox", "messages.csv", "calendar.ics"}
    result = CliRunner().invoke(cli, ["report", "--vault", str(sample_copy), "--today", "2026-11-20"])
    assert result.exit_code == 0 and "0 files written" in result.stdout


def test_each_sample_export_imports_once(sample_copy):
    for command, export in (("mail", "mail.mbox"), ("linkedin-messages", "messages.csv"),
                            ("calendar", "calendar.ics")):
        args = ["import", command, str(sample_copy / "Exports" / export), "--vault", str(sample_copy),
                "--today", "2026-11-20"]
        first = CliRunner().invoke(cli, args)
        assert first.exit_code == 0 and "Warning" not in first.stderr, first.output
        before = tree_hashes(sample_copy)
        again = CliRunner().invoke(cli, args)
        assert "added 0 touches" in again.stdout and tree_hashes(sample_copy) == before, again.output
    model = load_vault(sample_copy)
    assert model.problems == ()
    kinds = {(t.contact, t.kind) for t in model.touches if "^vk-" in t.text}
    assert ("Contacts/Ben Okafor.md", "thanks") in kinds and ("Contacts/Lucas Moreau.md", "outreach") in kinds
    assert model.interview("Interviews/2026-12-01 Dev Patel.md").timezone == "America/Chicago"
