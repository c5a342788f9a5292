"""The stat a warm run starts before its imports: used only when it is for the snapshot's very paths."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from vaultkit import entry
from vaultkit.cli import cli
from vaultkit.index import stats
from vaultkit.index.cache import cache_file
from vaultkit.index.cache_path import PATHS_SUFFIX
from vaultkit.index.discover import find_vault

from .test_cache import age_vault

REPORT = ["report", "--today", "2026-11-20"]


def run(root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)


@pytest.fixture
def early(monkeypatch):
    """Early stats start on any vault (not only on one of 20,000 notes); which ones were taken."""
    monkeypatch.setattr(stats, "FORK_MIN", 1)
    taken = []
    real = stats.take_early

    def spy(*args):
        found = real(*args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr("vaultkit.index.vault_index.take_early", spy)
    yield taken
    stats._stop_unused()


def paths_file(root) -> str:
    return str(cache_file(root)) + PATHS_SUFFIX


def test_a_warm_report_uses_the_early_stat_and_sees_an_edit(sample_copy, early, tmp_path, monkeypatch):
    monkeypatch.setenv("VAULTKIT_CACHE_DIR", str(tmp_path / "no cache folder yet"))
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    assert os.path.isfile(paths_file(sample_copy))
    contact = sample_copy / "Contacts" / "Dev Patel.md"
    contact.write_bytes(contact.read_bytes() + b"- 2026-11-19 #reply glad to talk\n")
    stats.start_early(str(sample_copy.resolve()), paths_file(sample_copy))
    run(sample_copy, *REPORT)
    assert early == [True]
    assert "0 files would change" in run(sample_copy, *REPORT, "--no-cache", "--dry-run").stdout


@pytest.mark.parametrize("damage", ["other paths", "body changed", "not ours"])
def test_an_early_stat_for_other_paths_is_not_used(sample_copy, early, damage):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    path = paths_file(sample_copy)
    data = open(path, "rb").read()
    head, body = data.split(b"\n", 1)
    if damage == "other paths":  # a note added since: the paths file is another list than the snapshot's
        (sample_copy / "Contacts" / "Zoe Quinn.md").write_text("---\ntype: contact\n---\n")
        run(sample_copy, *REPORT)
        open(path, "wb").write(data)
    elif damage == "body changed":  # the header names the right hash, the paths are not those
        open(path, "wb").write(head + b"\n" + body.replace(b"Contacts/", b"Contacts/X", 1))
    else:
        open(path, "wb").write(b"something else\n" + body)
    stats.start_early(str(sample_copy.resolve()), path)
    contact = sample_copy / "Contacts" / "Dev Patel.md"
    contact.write_bytes(contact.read_bytes() + b"- 2026-11-19 #reply glad to talk\n")
    early.clear()
    run(sample_copy, *REPORT)
    assert early == [damage == "body changed"]  # taken, but its child stat nothing: this process did
    assert "0 files would change" in run(sample_copy, *REPORT, "--no-cache", "--dry-run").stdout


def test_the_vault_is_guessed_as_the_command_line_finds_it(tmp_path):
    vault = tmp_path / "notes"
    (vault / "deep" / "er").mkdir(parents=True)
    (vault / ".obsidian").mkdir()
    inner = str(vault / "deep" / "er")
    for args, environ, cwd in ([["report", "--vault", str(vault)], {}, str(tmp_path)],
                               [["report", f"--vault={vault}"], {}, str(tmp_path)],
                               [["check"], {"VAULTKIT_VAULT": str(vault)}, str(tmp_path)],
                               [["report"], {}, inner]):
        guessed = entry.guess_vault(args, environ, cwd)
        assert guessed == str(find_vault(entry._vault_argument(args), environ, __import__("pathlib").Path(cwd)))
    assert entry.guess_vault(["report"], {}, str(tmp_path)) is None  # no vault here: no early stat


def test_a_paths_file_that_claims_a_billion_notes_starts_nothing(tmp_path, early):
    path = tmp_path / "notes.paths"
    path.write_bytes(b"vaultkit paths 00112233445566778899aabbccddeeff 1000000000000\nNotes/a.md")
    stats.start_early(str(tmp_path), str(path))
    assert stats._EARLY == []
