"""Issue 23, items 8 and 12: neither the parse cache nor the replay of the last run may change a result.

An edit that keeps a note's size and puts its mtime back (`touch -r`, `cp -p`,
`rsync -t`, tar, sync tools) is still seen, by the note's ctime and inode, as
git's index sees it. A record of the last report or check that was edited by
hand is never printed as if it were found: the run works it out again.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time

import pytest
from click.testing import CliRunner

from vaultkit import load_config
from vaultkit.cli import cli
from vaultkit.index import open_index
from vaultkit.index.cache import cache_file
from vaultkit.index.read import RACY_NS
from vaultkit.watch.debounce import Batch
from vaultkit.watch.session import Session

from ..conftest import tree_hashes
from .test_parse_cache import age_vault, assert_same, everything, settle
from .test_render_reuse import set_line, written_from_nothing

TODAY = dt.date(2026, 11, 20)
REPORT = ["report", "--today", "2026-11-20"]
CHECK = ["check", "--today", "2026-11-20"]
NOTE = "Contacts/Dev Patel.md"


def run(root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)


def same_size_edit(path) -> bytes:
    """The note's bytes with one line broken (an error in its front-matter), at the same length."""
    data = path.read_bytes()
    swapped = data.replace(b"role: Data Engineer", b"role: [ata Engineer", 1)
    assert swapped != data and len(swapped) == len(data)
    return swapped


def mtime_put_back(path) -> None:
    """Edited in place, then its times set back (touch -r, a sync tool): same inode, size and mtime."""
    before = path.stat()
    data = same_size_edit(path)
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def copied_over(path) -> None:
    """Another file with the same size and mtime renamed over the note (cp -p, rsync -t, tar): a new inode."""
    before = path.stat()
    temp = path.with_name(".incoming.tmp")
    temp.write_bytes(same_size_edit(path))
    os.utime(temp, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(temp, path)


EDITS = {"mtime put back": mtime_put_back, "copied over": copied_over}


def edit_keeping_size_and_mtime(root, how: str) -> None:
    """The edit, and then a wait: made a while before the next run, it is not racily clean, so
    only its ctime or inode can tell that it happened."""
    path = root / NOTE
    before = path.stat()
    EDITS[how](path)
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    settle(root)


@pytest.mark.parametrize("how", EDITS)
def test_a_same_size_edit_whose_mtime_is_put_back_is_read_library(sample_copy, how):
    age_vault(sample_copy)
    settle(sample_copy)
    first = assert_same(sample_copy)  # the cache is written; the next run trusts every note by its stat
    assert everything(sample_copy, True) == first
    edit_keeping_size_and_mtime(sample_copy, how)
    after = assert_same(sample_copy)
    assert after != first and NOTE.encode() in after["problems"]


@pytest.mark.parametrize("how", EDITS)
def test_a_same_size_edit_whose_mtime_is_put_back_is_read_cli(sample_copy, how):
    age_vault(sample_copy)
    settle(sample_copy)
    assert run(sample_copy, *REPORT).exit_code == 0
    assert run(sample_copy, *CHECK).exit_code == 0  # recorded: "no problems"
    edit_keeping_size_and_mtime(sample_copy, how)
    cached, fresh = run(sample_copy, *CHECK), run(sample_copy, *CHECK, "--no-cache")
    assert (cached.exit_code, cached.output) == (fresh.exit_code, fresh.output)
    assert fresh.exit_code == 1 and f"{NOTE}:" in fresh.output
    cached, fresh = run(sample_copy, *REPORT, "--dry-run"), run(sample_copy, *REPORT, "--dry-run", "--no-cache")
    assert (cached.exit_code, cached.output) == (fresh.exit_code, fresh.output)


@pytest.mark.parametrize("how", EDITS)
def test_a_same_size_edit_whose_mtime_is_put_back_is_read_by_watch(sample_copy, how):
    age_vault(sample_copy)
    settle(sample_copy)
    session = Session(sample_copy)
    assert session.start(TODAY).report is not None
    edit_keeping_size_and_mtime(sample_copy, how)
    refresh = session.refresh(Batch(paths={NOTE}, events=1, arrived=True), TODAY)
    assert refresh.update.parsed == [NOTE]
    assert any(p.path == NOTE for p in refresh.problems)


def test_a_warm_run_with_nothing_changed_reads_no_note(sample_copy):
    age_vault(sample_copy)
    settle(sample_copy)
    config = load_config(sample_copy)
    open_index(config, use_cache=True)
    update = open_index(config, use_cache=True).open()
    assert (update.parsed, update.confirmed, update.dropped) == ([], [], [])


def test_a_note_whose_only_change_is_its_inode_is_read_again():
    from vaultkit.index.read import Entry
    from vaultkit.index.snapshot import Snapshot

    old = 10 * RACY_NS
    entries = {f"n{i}.md": Entry(5, old, old + 1, 100 + i, 3 * old, bytes([i]) * 16, None, None) for i in range(3)}
    snapshot = Snapshot.decode(Snapshot.of(entries).encode())
    paths = sorted(entries)
    figures = [[5] * 3, [old] * 3, [old + 1] * 3, [100, 101, 102]]
    assert snapshot.compare(paths, *figures)[1] == []
    figures[3][1] = 7  # another file, same size and times
    assert snapshot.compare(paths, *figures)[1] == [1]
    figures[3][1], figures[2][2] = 101, old + 2  # the same file, changed since (chmod, a write whose mtime was put back)
    assert snapshot.compare(paths, *figures)[1] == [2]
    assert not entries["n0.md"].trusted(5, old, old + 1, 9) and entries["n0.md"].trusted(5, old, old + 1, 100)


def test_a_note_changed_just_before_its_read_is_read_again_whatever_its_mtime(vault):
    """The racily-clean rule looks at the later of mtime and ctime: an mtime set back proves nothing."""
    path = vault.contact("Ana", "field: Policy\n")
    os.utime(path, ns=(0, time.time_ns() - 60 * 10**9))  # an old mtime, but changed (ctime) just now
    config = load_config(vault.root)
    open_index(config, use_cache=True)
    update = open_index(config, use_cache=True).open()
    assert update.confirmed == ["Contacts/Ana.md"]


# Item 12: a record edited by hand is not replayed.

def doctor(root, key: str, change) -> None:
    """Edit the JSON of the record `key` in the cache as a person with sqlite3 would, leaving anything
    around it (a seal) as it is."""
    db = sqlite3.connect(cache_file(root), isolation_level=None)
    value = bytes(db.execute("SELECT value FROM records WHERE key = ?", (key,)).fetchone()[0])
    start = value.index(b"{")
    record = json.loads(value[start:])
    change(record)
    value = value[:start] + json.dumps(record, separators=(",", ":")).encode()
    db.execute("UPDATE records SET value = ? WHERE key = ?", (value, key))
    db.close()


def forge_problem(record) -> None:
    record["problems"].insert(0, ["Contacts/Ana Díaz.md", 1, "error", "forged: this problem was never found"])


def forge_counts(record) -> None:
    record["contacts"] += 40


@pytest.mark.parametrize("change", [forge_problem, forge_counts], ids=["problem", "counts"])
def test_a_hand_edited_check_record_is_not_replayed(sample_copy, change, monkeypatch):
    (sample_copy / "Contacts" / "Broken.md").write_text("---\nfield: [unclosed\n---\n")
    first = run(sample_copy, *CHECK)
    assert first.exit_code == 1 and "Broken.md" in first.output
    doctor(sample_copy, "check", change)
    again = run(sample_copy, *CHECK)
    assert (again.exit_code, again.output) == (first.exit_code, first.output)
    assert "forged" not in again.output and "57 contacts" not in again.output
    with monkeypatch.context() as patched:
        patched.setattr("vaultkit.rules.plan", None)  # recorded again, truly: the next check repeats it
        assert run(sample_copy, *CHECK).output == first.output


def test_a_hand_edited_report_record_is_not_replayed(sample_copy):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    replayed = run(sample_copy, *REPORT)

    def forge(record) -> None:
        record["counts"]["overdue"] += 7
        record["errors"] += 3
        record["results"][0][1] = "kept (you edited it)"

    doctor(sample_copy, "report", forge)
    again = run(sample_copy, *REPORT)
    assert (again.exit_code, again.output) == (replayed.exit_code, replayed.output)
    assert "3 errors" not in again.output and "kept" not in again.output


def test_a_hand_edited_record_of_drafts_is_not_reused(sample_copy, tmp_path):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)

    def forge(record) -> None:
        texts = record["rendered"]["texts"]
        for key in texts:
            texts[key] = "Subject: FORGED subject\n\nFORGED body\n"

    doctor(sample_copy, "report", forge)
    set_line(sample_copy / "Contacts" / "Dev Patel.md", "email:", "email: dev@riverbend.example")
    assert run(sample_copy, *REPORT).exit_code == 0  # a full run: the dashboard's email links come from the record
    assert "FORGED" not in (sample_copy / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    assert tree_hashes(sample_copy / "vaultkit") == written_from_nothing(sample_copy, tmp_path)
