"""The parse cache: it never changes a result, and it is never trusted when it should not be."""
from __future__ import annotations

import datetime as dt
import os
import pickle
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from vaultkit import load_config, load_vault, plan
from vaultkit.index.cache import NoteCache, cache_file
from vaultkit.cli import cli
from vaultkit.index import open_index
from vaultkit.render.json_report import render_json
from vaultkit.output.files import outputs
from vaultkit.index.read import RACY_NS
from vaultkit.index.vault_index import VaultIndex

TODAY = dt.date(2026, 11, 20)


def everything(root, use_cache: bool) -> dict[str, bytes]:
    """Every byte a report would write, the JSON report and every problem, read with or without the cache."""
    warnings = []
    vault = load_vault(root, use_cache=use_cache, warn=warnings.append)
    assert warnings == []
    the_plan = plan(vault, TODAY)
    found = []
    result = {f"out/{o.name}": o.content for o in outputs(vault, the_plan, found)}
    result["json"] = render_json(vault, the_plan, found).encode()
    result["problems"] = "\n".join(map(str, vault.problems)).encode()
    return result


def assert_same(root) -> dict[str, bytes]:
    cached = everything(root, use_cache=True)
    assert cached == everything(root, use_cache=False)
    return cached


def make_old(path, seconds: float = 60) -> None:
    """Give a file an mtime safely in the past, as a note saved a minute ago has."""
    stamp = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(stamp, stamp))


def age_vault(root) -> None:
    for path in root.rglob("*.md"):
        make_old(path, 120)


def settle(root) -> None:
    """Wait until every file under `root` last changed (its ctime, which no tool can put back) longer
    ago than the racily-clean window, so that a run then trusts each one by its stat alone."""
    newest = max(path.lstat().st_ctime_ns for path in [root, *root.rglob("*")])
    while time.time_ns() <= newest + RACY_NS + 50_000_000:
        time.sleep(0.05)


def test_sample_vault_gives_the_same_bytes_cold_warm_and_without_cache(sample_copy, private_cache):
    age_vault(sample_copy)
    first = assert_same(sample_copy)  # cold: the cache is written
    assert list(private_cache.glob("notes-*.sqlite3"))
    assert assert_same(sample_copy) == first  # warm: every note from the cache


def test_edits_renames_and_deletions_are_seen(sample_copy):
    age_vault(sample_copy)
    before = assert_same(sample_copy)
    contacts = sorted((sample_copy / "Contacts").glob("*.md"))
    text = contacts[0].read_text(encoding="utf-8")
    contacts[0].write_text(text + "\n- 2026-11-19 #reply answered at last\n", encoding="utf-8")
    contacts[1].rename(contacts[1].with_name("Renamed person.md"))
    contacts[2].unlink()
    (sample_copy / "Contacts" / "New person.md").write_text("---\ntype: contact\nfield: Policy\n---\n")
    after = assert_same(sample_copy)
    assert after != before


def test_an_edit_that_keeps_size_and_mtime_right_after_a_run_is_seen(sample_copy):
    """A coarse clock can give an edit in the same tick the same mtime: the racily-clean case."""
    age_vault(sample_copy)
    note = sorted((sample_copy / "Contacts").glob("*.md"))[0]
    make_old(note, 0.5)  # saved just before the run
    assert_same(sample_copy)
    stat = note.stat()
    data = note.read_bytes()
    swapped = data.replace(b"status: active", b"status: paused") if b"status: active" in data else \
        data.replace(b"field:", b"fjeld:", 1)
    assert len(swapped) == len(data) and swapped != data
    note.write_bytes(swapped)
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert note.stat().st_size == stat.st_size and note.stat().st_mtime_ns == stat.st_mtime_ns
    vault = load_vault(sample_copy, use_cache=True)
    contact = vault.contacts[note.relative_to(sample_copy).as_posix()]
    reference = load_vault(sample_copy)
    assert contact == reference.contacts[contact.path]
    assert everything(sample_copy, True) == everything(sample_copy, False)


def test_a_note_old_enough_is_trusted_without_being_read(sample_copy):
    age_vault(sample_copy)
    settle(sample_copy)
    config = load_config(sample_copy)
    open_index(config, use_cache=True)
    snapshot = NoteCache(config).load_snapshot()
    assert len(snapshot) and all(max(m, c) + RACY_NS < checked
                                 for m, c, checked in zip(snapshot.mtimes, snapshot.ctimes, snapshot.checked))
    again = VaultIndex(config, use_cache=True)
    update = again.open()
    assert update.parsed == [] and update.confirmed == [] and update.dropped == []
    assert again.rescan().parsed == [] and again.check(again.paths).confirmed == []


def test_a_recent_note_is_proven_by_its_hash_then_trusted(vault):
    vault.contact("Ana", "field: Policy\n")
    config = load_config(vault.root)
    index = VaultIndex(config, use_cache=False)
    assert "Contacts/Ana.md" in index.open().parsed
    entry = index.snapshot.entry(index.paths.index("Contacts/Ana.md"))
    assert not entry.trusted(entry.size, entry.mtime_ns, entry.ctime_ns, entry.inode)  # written a moment ago: racy
    update = index.check(["Contacts/Ana.md"])
    assert update.confirmed == ["Contacts/Ana.md"] and update.parsed == []


def test_messy_vault_is_the_same_with_and_without_cache_after_changes(messy_vault):
    root = messy_vault.root
    age_vault(root)
    assert_same(root)
    messy_vault.write("Contacts/Broken.md", "---\nname: Fixed now\n---\nbody\n")
    messy_vault.write("Daily/2026-11-21.md", "- [[Ana]] #thanks\n")
    (root / "Reading" / "Book.md").unlink()
    messy_vault.write("vaultkit.toml", '[folders]\ncontacts = "Contacts"\ndaily = "Daily"\n')
    assert_same(root)


def test_a_change_of_folders_in_the_config_gives_a_fresh_cache(vault):
    vault.write("People/Ana.md", "---\nfield: Policy\n---\n")
    age_vault(vault.root)
    assert load_vault(vault.root, use_cache=True).contacts == {}
    vault.config('[folders]\ncontacts = "People"\n')
    assert list(load_vault(vault.root, use_cache=True).contacts) == ["People/Ana.md"]


@pytest.mark.parametrize("fork", [True, False], ids=["fork", "spawn"])
def test_parallel_read_gives_the_same_notes_as_a_serial_one(messy_vault, monkeypatch, fork):
    monkeypatch.setattr("vaultkit.index.parallel.FORK_IS_SAFE", fork)
    for i in range(30):
        messy_vault.write(f"Notes/n{i}.md", f"---\ntags: [x]\n---\nNote {i} about [[Ana]].\n")
    config = load_config(messy_vault.root)

    def read(workers: int) -> VaultIndex:
        index = VaultIndex(config, use_cache=False)
        index.workers = workers
        index.open()
        return index

    def notes(index: VaultIndex):
        return index.classified(), list(index.snapshot.codes), index.snapshot.digests

    serial = read(1)
    monkeypatch.setattr("vaultkit.index.store.PARALLEL_MIN", 1)
    monkeypatch.setattr("vaultkit.index.parallel.CHUNK", 7)
    parallel = read(2)
    assert notes(parallel) == notes(serial)
    messy_vault.write("Contacts/Broken.md", "---\nname: Fixed\n---\n")
    update = parallel.rescan()  # unchanged bytes keep their notes; the edited one is parsed
    assert "Contacts/Broken.md" in update.parsed
    serial.rescan()
    assert notes(parallel) == notes(serial)


def run(args, **kwargs):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


def test_a_corrupt_cache_is_rebuilt_with_a_warning(sample_copy):
    args = ["report", "--vault", str(sample_copy), "--today", "2026-11-20", "--format", "json"]
    first = run(args)
    path = cache_file(sample_copy)
    assert path.exists()
    path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.unlink(f"{path}{suffix}")
    second = run(args)
    assert second.exit_code == first.exit_code
    assert second.stdout == first.stdout
    assert "the cache could not be read" in second.stderr and "rebuilt" in second.stderr
    third = run(args)
    assert "cache" not in third.stderr  # rebuilt, and trusted again


def test_a_doctored_cache_row_is_refused_not_run(sample_copy, tmp_path):
    run(["report", "--vault", str(sample_copy), "--today", "2026-11-20"])
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    db = sqlite3.connect(cache_file(sample_copy))
    db.execute("UPDATE notes SET note = ? WHERE kind = 'contact'", (pickle.dumps(Evil()),))
    db.commit()
    db.close()
    result = run(["report", "--vault", str(sample_copy), "--today", "2026-11-21"])  # another day: the model is built
    assert not marker.exists()
    assert "the cache could not be read" in result.stderr
    assert result.exit_code == 0


def test_a_cache_of_another_vault_is_not_trusted(sample_copy, tmp_path):
    run(["check", "--vault", str(sample_copy)])
    other = tmp_path / "other"
    other.mkdir()
    (other / "vaultkit.toml").write_text("")
    (other / "Contacts").mkdir()
    (other / "Contacts" / "Zoe.md").write_text("---\nfield: X\n---\n")
    cache_file(other).write_bytes(cache_file(sample_copy).read_bytes())
    result = run(["check", "--vault", str(other)])
    assert "made for" in result.stderr and "rebuilt" in result.stderr
    assert "1 contact" in result.stderr


def test_no_cache_leaves_the_cache_alone(sample_copy, private_cache):
    result = run(["report", "--vault", str(sample_copy), "--today", "2026-11-20", "--no-cache"])
    assert result.exit_code == 0
    assert list(private_cache.iterdir()) == []


@pytest.mark.parametrize("command", [["check"], ["report"], ["watch"], ["log", "Ana", "hi"], ["new", "contact", "X"],
                                     ["new", "interview", "X", "--date", "2026-12-01"]])
def test_every_reading_command_takes_no_cache(command):
    result = run([*command, "--help"])
    assert "--no-cache" in result.stdout


def test_a_locked_cache_only_costs_speed(sample_copy, monkeypatch):
    run(["check", "--vault", str(sample_copy)])
    (sample_copy / "Contacts" / "Zoe.md").write_text("---\nfield: X\n---\n")
    monkeypatch.setattr("vaultkit.index.cache.LOCK_TIMEOUT", 0.1)
    holder = sqlite3.connect(cache_file(sample_copy), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(["check", "--vault", str(sample_copy)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Zoe" in result.stdout or "contact" in result.stderr
    assert "the cache could not be" in result.stderr
    assert result.exit_code in (0, 1)


def test_two_processes_at_once_both_finish_and_agree(sample_copy):
    age_vault(sample_copy)
    argv = [sys.executable, "-m", "vaultkit", "report", "--vault", str(sample_copy), "--today", "2026-11-20",
            "--format", "json", "--dry-run"]
    env = dict(os.environ)
    procs = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(6)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len({out for out, _ in outs}) == 1
    assert all(b"cache" not in err for _, err in outs), [err for _, err in outs]
    assert everything(sample_copy, True) == everything(sample_copy, False)


def test_the_progress_bar_shows_only_on_a_terminal_once_a_read_takes_a_moment(monkeypatch, capsys):
    from vaultkit.cli import progress as options

    clock = [0.0]
    monkeypatch.setattr(options.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert options.DelayedBar()(1000) is None  # not a terminal: no bar at all

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    quick = options.DelayedBar()
    tick = quick(1000)
    for _ in range(10):
        clock[0] += 0.05
        tick(100)
    quick.close()
    assert capsys.readouterr().err == ""  # done within the delay: no bar

    clock[0] = 0.0
    slow = options.DelayedBar()
    tick = slow(1000)
    tick(100)
    clock[0] = options.DelayedBar.DELAY - 0.01
    tick(100)
    assert capsys.readouterr().err == ""
    clock[0] = options.DelayedBar.DELAY + 0.1
    tick(100)
    tick(700)
    slow.close()
    err = capsys.readouterr().err
    assert "Reading notes  300/1,000" in err and "ETA" in err  # a count, not just a percentage
    assert err.endswith("\r\x1b[K") and "100%" not in err  # erased when done, never left full


CRASH = r"""
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE snapshot SET piece = x'00'")
db.execute("UPDATE notes SET digest = x'00'")
db.execute("DELETE FROM notes WHERE kind = 'contact'")
os.kill(os.getpid(), signal.SIGKILL)  # dies mid-save, before COMMIT
"""


def test_a_crash_in_the_middle_of_a_save_leaves_the_cache_as_it_was(sample_copy):
    age_vault(sample_copy)
    before = assert_same(sample_copy)
    path = cache_file(sample_copy)
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM notes").fetchone()[0]
    snapshot = sqlite3.connect(path).execute("SELECT piece FROM snapshot ORDER BY id").fetchall()
    crashed = subprocess.run([sys.executable, "-c", CRASH, str(path)])
    assert crashed.returncode == -9
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == rows
    assert db.execute("SELECT count(*) FROM notes WHERE digest = x'00'").fetchone()[0] == 0
    assert db.execute("SELECT piece FROM snapshot ORDER BY id").fetchall() == snapshot
    db.close()
    assert assert_same(sample_copy) == before


def test_a_cache_from_an_older_vaultkit_starts_fresh_without_a_warning(sample_copy):
    run(["check", "--vault", str(sample_copy)])
    db = sqlite3.connect(cache_file(sample_copy), isolation_level=None)
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")  # as an upgrade of vaultkit finds it
    db.close()
    result = run(["check", "--vault", str(sample_copy)])
    assert "cache" not in result.stderr  # an upgrade is no trouble to report
    assert "Checked" in result.stderr
    again = sqlite3.connect(cache_file(sample_copy)).execute("SELECT value FROM meta WHERE key = 'schema'")
    assert again.fetchone()[0] != "1"  # started fresh, in the current schema
