"""A report or check with nothing new to say: it repeats what the full run said, and is never wrong."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.index.cache import cache_file

from .test_parse_cache import age_vault, make_old, settle

REPORT = ["report", "--today", "2026-11-20"]


def run(root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)


@pytest.fixture
def renders(monkeypatch):
    """How many times a report was really computed (rendered and compared with the files)."""
    import vaultkit.reporting

    calls = []
    real = vaultkit.reporting.run_report

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(vaultkit.reporting, "run_report", counted)
    return calls


def forget_records(root) -> None:
    db = sqlite3.connect(cache_file(root), isolation_level=None)
    db.execute("DELETE FROM records")
    db.close()


@pytest.mark.parametrize("flags", [[], ["-v"], ["--dry-run"], ["-q"]], ids=["plain", "verbose", "dry-run", "quiet"])
def test_a_report_with_nothing_new_prints_what_a_full_run_prints(sample_copy, renders, flags):
    age_vault(sample_copy)
    (sample_copy / "vaultkit" / "Drafts" / "Check-in - Nadia Haddad.md").write_text("---\ngenerated: vaultkit\n---\nMine\n")
    run(sample_copy, *REPORT)
    renders.clear()
    replayed = run(sample_copy, *REPORT, *flags)
    assert renders == []  # nothing was rendered
    forget_records(sample_copy)
    full = run(sample_copy, *REPORT, *flags)
    assert renders == [1]
    def said(result):  # -v says how long the read took, which differs from run to run
        return result.exit_code, re.sub(r" in [\d.,]+ m?s\b", " in a moment", result.output)

    assert said(replayed) == said(full)
    if not flags:
        assert "kept (you edited it): vaultkit/Drafts/Check-in - Nadia Haddad.md" in replayed.stdout


def test_an_output_deleted_or_edited_after_a_run_is_written_again(sample_copy, renders):
    run(sample_copy, *REPORT)
    out = sample_copy / "vaultkit"
    dashboard = (out / "Follow-ups.md").read_bytes()
    (out / "Follow-ups.md").unlink()
    result = run(sample_copy, *REPORT)
    assert "1 file written" in result.stdout
    assert (out / "Follow-ups.md").read_bytes() == dashboard
    referrals = (out / "Referrals.md").read_bytes()
    stat = (out / "Referrals.md").stat()
    edited = referrals.replace(b"Referrals", b"Refusals", 1)
    (out / "Referrals.md").write_bytes(edited[: len(referrals)].ljust(len(referrals), b" "))
    os.utime(out / "Referrals.md", ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    result = run(sample_copy, *REPORT)
    assert "1 file written" in result.stdout
    assert (out / "Referrals.md").read_bytes() == referrals


def test_a_draft_edited_after_a_run_is_kept_and_said_so(sample_copy):
    run(sample_copy, *REPORT)
    draft = sample_copy / "vaultkit" / "Drafts" / "Check-in - Nadia Haddad.md"
    draft.write_bytes(draft.read_bytes() + b"\nMy own words.\n")
    for _ in range(2):  # the run that finds the edit, and the one that repeats it
        result = run(sample_copy, *REPORT)
        assert "kept (you edited it): vaultkit/Drafts/Check-in - Nadia Haddad.md" in result.stdout
        assert draft.read_bytes().endswith(b"My own words.\n")


def test_a_file_put_in_the_output_folder_after_a_run_is_seen(sample_copy):
    run(sample_copy, *REPORT)
    (sample_copy / "vaultkit" / "Ana.md").write_text("---\ntype: contact\n---\n")
    result = run(sample_copy, *REPORT)
    assert result.exit_code == 1 and "a contact note in the output folder" in result.output


@pytest.mark.parametrize("change", ["template", "config", "today", "contact", "racy contact"])
def test_each_input_of_the_outputs_renders_them_again(sample_copy, renders, change):
    age_vault(sample_copy)
    contact = sorted((sample_copy / "Contacts").glob("*.md"))[0]
    if change == "racy contact":
        make_old(contact, 0.5)  # saved just before the run: its mtime proves nothing
    run(sample_copy, *REPORT)
    renders.clear()
    args = REPORT
    if change == "template":
        (sample_copy / "Templates" / "vaultkit").mkdir(parents=True, exist_ok=True)
        (sample_copy / "Templates" / "vaultkit" / "nudge.md").write_text("Hello {{ contact.name }}\n")
    elif change == "config":
        with open(sample_copy / "vaultkit.toml", "a", encoding="utf-8") as handle:
            handle.write("\n# a comment changes no result, but nothing reads the config to be sure\n")
    elif change == "today":
        args = ["report", "--today", "2026-11-21"]
    elif change == "contact":
        contact.write_bytes(contact.read_bytes() + b"\n- 2026-11-19 #reply answered at last\n")
    else:  # the same size and mtime
        stat = contact.stat()
        data = contact.read_bytes()
        swapped = data.replace(b"field:", b"fjeld:", 1)
        assert swapped != data
        contact.write_bytes(swapped)
        os.utime(contact, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    run(sample_copy, *args)
    assert renders == [1]
    assert "0 files would change" in run(sample_copy, *args, "--no-cache", "--dry-run").stdout  # the right bytes


def test_an_ordinary_note_edited_needs_no_rendering(sample_copy, renders):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    note = sample_copy / "Reading" / "Asking for twenty minutes.md"
    note.write_bytes(note.read_bytes() + b"\nOne more thought on the book.\n")
    renders.clear()
    result = run(sample_copy, *REPORT)
    assert renders == [] and result.exit_code == 0


def test_a_check_with_nothing_new_prints_what_a_full_check_prints(sample_copy, monkeypatch):
    (sample_copy / "Contacts" / "Broken.md").write_text("---\nfield: [unclosed\n---\n")
    first = run(sample_copy, "check")
    with monkeypatch.context() as patched:
        patched.setattr("vaultkit.rules.plan", None)  # a check repeated builds no plan
        again = run(sample_copy, "check")
        as_json = run(sample_copy, "check", "--format", "json")
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, first.stderr)
    assert first.exit_code == 1 and "Broken.md" in first.stdout
    forget_records(sample_copy)
    assert as_json.stdout == run(sample_copy, "check", "--format", "json").stdout


WARM = r"""
import sys
from vaultkit.cli import main
sys.argv = ["vaultkit", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("jinja2", "icalendar", "markdown_it", "yaml"))
print("loaded:", heavy, file=sys.stderr)
"""


def test_a_warm_report_loads_no_parser_and_no_renderer(sample_copy):
    settle(sample_copy)  # copied a moment ago: a note changed within 2 s of its read is read again
    argv = [sys.executable, "-c", WARM, "report", "--vault", str(sample_copy), "--today", "2026-11-20"]
    env = dict(os.environ)
    subprocess.run(argv, env=env, capture_output=True, check=True)
    warm = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    assert "loaded: []" in warm.stderr
    check = subprocess.run([*argv[:3], "check", "--vault", str(sample_copy)], env=env, capture_output=True, text=True)
    check = subprocess.run([*argv[:3], "check", "--vault", str(sample_copy)], env=env, capture_output=True, text=True)
    assert "loaded: []" in check.stderr


def test_stat_ahead_in_a_child_gives_what_stat_gives(tmp_path, monkeypatch):
    from vaultkit.index import stats

    monkeypatch.setattr(stats, "FORK_MIN", 1)
    monkeypatch.setattr(stats, "BLOCK", 8)  # the child's blocks and this process's meet inside the list

    def lists(figures):
        return tuple(list(column) for column in figures)

    for i in range(40):
        (tmp_path / f"n{i:02}.md").write_text("x" * i)
    known = sorted(p.name for p in tmp_path.iterdir())
    ahead = stats.StatAhead(str(tmp_path), len(known), lambda: known)
    if ahead.pid is None:
        pytest.skip("this process may not fork (threads running)")
    assert lists(ahead.result(known, True)) == stats.stat_each(str(tmp_path), known)
    (tmp_path / "n05.md").unlink()
    (tmp_path / "new.md").write_text("new")
    (tmp_path / "n30.md").write_text("longer now")
    ahead = stats.StatAhead(str(tmp_path), len(known), lambda: known)  # the walk now finds other paths
    walked = sorted(p.name for p in tmp_path.iterdir())
    assert lists(ahead.result(walked, False)) == stats.stat_each(str(tmp_path), walked)
    ahead = stats.StatAhead(str(tmp_path), len(known), lambda: known)
    figures = lists(ahead.result(known, True))
    assert figures == stats.stat_each(str(tmp_path), known) and figures[0][known.index("n05.md")] == -2  # gone


def test_a_warm_report_with_a_child_stat_sees_an_edit(sample_copy, monkeypatch):
    monkeypatch.setattr("vaultkit.index.stats.FORK_MIN", 1)
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    contact = sorted((sample_copy / "Contacts").glob("*.md"))[-1]
    contact.write_bytes(contact.read_bytes() + b"\n- 2026-11-19 #reply answered at last\n")
    run(sample_copy, *REPORT)
    assert "0 files would change" in run(sample_copy, *REPORT, "--no-cache", "--dry-run").stdout
    assert "0 files would change" in run(sample_copy, *REPORT, "--dry-run").stdout


def test_the_snapshot_finds_exactly_the_notes_to_read_again():
    from vaultkit.index.read import RACY_NS, Entry
    from vaultkit.index.snapshot import Snapshot

    old = 10 * RACY_NS
    entries = {f"n{i:05}.md": Entry(i, old + i, old + 2 * i, 1000 + i, old * 3, bytes([i % 256]) * 16, None, None)
               for i in range(3000)}
    entries["n00007.md"].checked_ns = entries["n00007.md"].mtime_ns + 1  # read in the same tick: racy
    entries["n00008.md"].checked_ns = entries["n00008.md"].ctime_ns + 1  # changed (ctime) in the read's tick: racy
    snapshot = Snapshot.decode(Snapshot.of(entries).encode())
    paths = sorted(entries)
    sizes, mtimes, ctimes, inodes = ([getattr(entries[p], name) for p in paths]
                                     for name in ("size", "mtime_ns", "ctime_ns", "inode"))
    assert snapshot.compare(paths, sizes, mtimes, ctimes, inodes)[1:] == ([7, 8], [])
    for i in (0, 1023, 1024, 2999):
        mtimes[i] += 1
    sizes[1500] += 1
    ctimes[2000] += 1
    inodes[2500] += 1
    assert snapshot.compare(paths, sizes, mtimes, ctimes, inodes)[1] == [0, 7, 8, 1023, 1024, 1500, 2000, 2500, 2999]
    walked = [p for p in paths if p != "n00100.md"] + ["zz.md"]
    now, changed, dropped = snapshot.compare(walked, *(column[:100] + column[101:] + [5]
                                                       for column in (sizes, mtimes, ctimes, inodes)))
    assert dropped == ["n00100.md"] and now.paths == walked and len(walked) - 1 in changed
    assert {2000 - 1, 2500 - 1} <= set(changed)  # moved up one by the path gone
    with pytest.raises(ValueError):
        Snapshot.decode(Snapshot.of(entries).encode()[:-3])


def test_a_check_after_a_report_says_what_a_full_check_says(sample_copy, monkeypatch):
    (sample_copy / "Contacts" / "Broken.md").write_text("---\nfield: [unclosed\n---\n")
    (sample_copy / "Templates" / "vaultkit").mkdir(parents=True)
    (sample_copy / "Templates" / "vaultkit" / "nudge.md").write_text("Hello {{ contact.nonsense() }}\n")
    run(sample_copy, *REPORT)
    with monkeypatch.context() as patched:
        patched.setattr("vaultkit.rules.plan", None)  # repeated from what the report found
        after_report = run(sample_copy, "check", "--today", "2026-11-20")
    forget_records(sample_copy)
    full = run(sample_copy, "check", "--today", "2026-11-20")
    assert (after_report.exit_code, after_report.output) == (full.exit_code, full.output)
    assert "Broken.md" in full.output and "nudge.md" in full.output


def test_a_damaged_snapshot_is_rebuilt_with_a_warning(sample_copy):
    first = run(sample_copy, *REPORT, "--format", "json")
    db = sqlite3.connect(cache_file(sample_copy), isolation_level=None)
    db.execute("UPDATE snapshot SET piece = substr(piece, 1, length(piece) - 5) WHERE id = 0")
    db.close()
    second = run(sample_copy, *REPORT, "--format", "json")
    assert "the cache could not be read" in second.stderr and "rebuilt" in second.stderr
    assert second.stdout == first.stdout
    assert "cache" not in run(sample_copy, *REPORT).stderr
