"""Issue 23: what vaultkit writes into its output folder never destroys a user's file, and leaves no litter."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from vaultkit import load_config
from vaultkit.index.discover import walk_notes
from vaultkit.watch.events import EventSorter
from vaultkit.output.write import is_own_temp, made_by_vaultkit, write_atomic

from ..watch.test_watch_daemon import Running, atomic_save, contact_path, wait_for
from .test_output_safety import report, with_draft

TODAY = "2026-11-20"
ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = ("Follow-ups.md", "Referrals.md", "Fields.md", "Progress.md", "Follow-ups.ics")


def temps_in(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob(".vaultkit-*"))


def made_temp_name(folder: Path, monkeypatch) -> str:
    """The name of the temp file write_atomic makes (seen as it is renamed)."""
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (seen.append(os.path.basename(src)), real_replace(src, dst)))
    write_atomic(folder / "probe.md", b"x")
    monkeypatch.undo()
    (folder / "probe.md").unlink()
    return seen[0]


# ---- item 4: temp files are recognised only by the names vaultkit makes -----------------------

@pytest.mark.parametrize("name", [".vaultkit-scratch.tmp", ".vaultkit-notebook.tmp", ".vaultkit-k3j4h5g6.tmp",
                                  ".Follow-ups.md.k3j4h5g6.tmp"])
def test_a_users_file_named_like_a_temp_file_is_never_removed(vault, name):
    mine = vault.write(f"vaultkit/{name}", "my scratch notes\n")
    an_hour_ago = time.time() - 3600
    os.utime(mine, (an_hour_ago, an_hour_ago))
    assert report(vault.root).exit_code == 0
    assert mine.read_text() == "my scratch notes\n"


def test_only_the_temp_names_vaultkit_makes_are_its_own(tmp_path, monkeypatch):
    names = {made_temp_name(tmp_path, monkeypatch) for _ in range(20)}
    assert len(names) == 20 and all(is_own_temp(name) for name in names)
    made = sorted(names)[0]
    for other in (".vaultkit-scratch.tmp", ".vaultkit-notebook.tmp", ".vaultkit-k3j4h5g6.tmp", made[1:],
                  made.replace(".tmp", ".txt"), made[:-6] + ("0" if made[-5] != "0" else "1") + made[-4:]):
        assert not is_own_temp(other), other


def test_a_stale_temp_file_of_vaultkits_is_removed_and_a_fresh_one_kept(vault, monkeypatch):
    (vault.root / "vaultkit" / "Drafts").mkdir(parents=True)
    old = [vault.write(f"vaultkit/{made_temp_name(vault.root / 'vaultkit', monkeypatch)}", "half"),
           vault.write(f"vaultkit/Drafts/{made_temp_name(vault.root / 'vaultkit' / 'Drafts', monkeypatch)}", "half")]
    fresh = vault.write(f"vaultkit/{made_temp_name(vault.root / 'vaultkit', monkeypatch)}", "another run's")
    an_hour_ago = time.time() - 3600
    for path in old:
        os.utime(path, (an_hour_ago, an_hour_ago))
    with_draft(vault)
    assert report(vault.root).exit_code == 0
    assert [p.exists() for p in old] == [False, False]
    assert fresh.exists()


# ---- item 5: the calendar's own PRODID decides -------------------------------------------

OURS = "PRODID:-//vaultkit//Follow-ups//EN"
MERGED = {
    "a second PRODID": f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar//EN\r\n{OURS}\r\n"
                       "END:VCALENDAR\r\n",
    "inside an event": "BEGIN:VCALENDAR\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\nBEGIN:VEVENT\r\n"
                       f"UID:1\r\n{OURS}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "after the first component": f"BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VTIMEZONE\nTZID:X\nEND:VTIMEZONE\n{OURS}\n"
                                 "END:VCALENDAR\n",
    "in a nested calendar": f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VCALENDAR\r\n{OURS}\r\nEND:VCALENDAR\r\n"
                            "END:VCALENDAR\r\n",
    "folded into another's": "BEGIN:VCALENDAR\r\nPRODID:-//Apple//iCal\r\n \r\n" + OURS + "\r\nEND:VCALENDAR\r\n",
}


@pytest.mark.parametrize("case", MERGED)
def test_a_merged_calendar_holding_vaultkits_prodid_is_the_users(vault, case):
    mine = vault.write("vaultkit/Follow-ups.ics", MERGED[case])
    result = report(vault.root)
    assert result.exit_code == 1
    assert mine.read_bytes() == MERGED[case].encode()
    assert "vaultkit/Follow-ups.ics:1: error: not written: this file was not made by vaultkit" in result.stderr
    assert (vault.root / "vaultkit" / "Fields.md").is_file()


@pytest.mark.parametrize("text", [
    f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{OURS}\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    f"BEGIN:VCALENDAR\nVERSION:2.0\n{OURS}\nEND:VCALENDAR\n",  # LF line ends
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vault\r\n kit//Follow-ups//EN\r\nEND:VCALENDAR\r\n",  # folded
    "BEGIN:VCALENDAR\nVERSION:2.0\nprodid:-//vaultkit//\n\tFollow-ups//EN\nEND:VCALENDAR\n",
])
def test_vaultkits_own_calendar_is_still_recognised(text):
    assert made_by_vaultkit(text.encode())


def test_vaultkits_written_calendar_is_replaced_on_the_next_day(vault):
    assert report(vault.root, "--today", "2026-11-19").exit_code == 0
    before = (vault.root / "vaultkit" / "Follow-ups.ics").read_bytes()
    assert made_by_vaultkit(before)
    assert report(vault.root).exit_code == 0
    assert (vault.root / "vaultkit" / "Follow-ups.ics").read_bytes() != before


# ---- item 6: a symlink at an output path is a file vaultkit did not make ------------------------

def _link_targets(vault) -> dict[str, Path]:
    mine = vault.write("Reading/My fields.md", "my own fields list\n")
    copy = vault.root.parent / "copy-of-fields.md"  # a file vaultkit made, somewhere else
    copy.write_bytes(b"---\ngenerated: vaultkit\n---\nold\n")
    return {"a note": mine, "a vaultkit file": copy, "nothing": vault.root / "Reading" / "missing.md"}


@pytest.mark.parametrize("target", ["a note", "a vaultkit file", "nothing"])
@pytest.mark.parametrize("name", ["Fields.md", "Follow-ups.ics"])
def test_a_symlink_at_an_output_path_is_reported_and_left_alone(vault, target, name):
    points_to = _link_targets(vault)[target]
    before = points_to.read_bytes() if points_to.exists() else None
    link = vault.root / "vaultkit" / name
    link.parent.mkdir()
    os.symlink(points_to, link)
    for more in (("--dry-run",), ()):
        result = report(vault.root, *more)
        assert result.exit_code == 1, result.output
        assert f"vaultkit/{name}:1: error: not written: this is a symlink" in result.stderr
        assert "remove the link" in result.stderr
        assert link.is_symlink() and os.readlink(link) == str(points_to)
        assert (points_to.read_bytes() if points_to.exists() else None) == before
    assert all((vault.root / "vaultkit" / other).is_file() for other in DASHBOARDS if other != name)


@pytest.mark.parametrize("name", ["Fields.md", "Follow-ups.ics"])
def test_a_symlink_put_in_after_a_report_is_never_replayed_as_unchanged(vault, name):
    vault.contact("Ana", "type: contact\n")
    vault.interview("i", "contact: '[[Ana]]'\ndate: 2026-11-25\ntime: '10:00'\n")
    assert report(vault.root).exit_code == 0
    assert report(vault.root).exit_code == 0  # recorded, and replayed
    output = vault.root / "vaultkit" / name
    copy = vault.root.parent / name
    copy.write_bytes(output.read_bytes())
    output.unlink()
    os.symlink(copy, output)
    for _ in range(2):
        result = report(vault.root)
        assert result.exit_code == 1, result.output
        assert f"vaultkit/{name}:1: error: not written: this is a symlink" in result.stderr
        assert output.is_symlink()


# ---- item 9: the output folder's real path is never read as notes ----------------------------

def test_an_output_folder_linked_to_a_folder_of_notes_is_refused(vault):
    books = vault.write("Reading/Books.md", "- a book\n")
    os.symlink("Reading", vault.root / "vaultkit")
    result = report(vault.root)
    assert result.exit_code == 1
    assert "vaultkit:1: error: the output folder vaultkit/ leads to Reading/" in result.stderr
    assert "nothing written" in result.stderr
    assert sorted(p.name for p in books.parent.iterdir()) == ["Books.md"]


def test_outputs_under_a_symlinked_output_folder_are_never_read_as_notes(vault):
    vault.write("Reading/Books.md", "- a book\n")
    vault.write("Reading/Follow-ups.md", "---\ngenerated: vaultkit\n---\n- [[Ana]]\n")
    os.symlink("Reading", vault.root / "vaultkit")
    config = load_config(vault.root)
    assert "Reading/Follow-ups.md" not in walk_notes(config)[0]
    sorter = EventSorter(config)
    assert not sorter.sort("modified", str(vault.root / "Reading" / "Follow-ups.md"))
    assert not sorter.sort("created", str(vault.root / "Reading" / "Drafts"), is_dir=True)


def test_watch_follows_the_output_folder_as_it_comes_and_goes(vault):
    vault.write("Reading/Books.md", "- a book\n")
    sorter = EventSorter(load_config(vault.root))
    os.symlink("Reading", vault.root / "vaultkit")
    assert sorter.sort("created", str(vault.root / "vaultkit")).folders == {"Reading"}  # a rescan: Reading is out
    assert not sorter.sort("modified", str(vault.root / "Reading" / "Books.md"))
    os.unlink(vault.root / "vaultkit")
    assert sorter.sort("deleted", str(vault.root / "vaultkit")).folders == {"Reading"}  # and in again
    assert sorter.sort("modified", str(vault.root / "Reading" / "Books.md")).paths == {"Reading/Books.md"}
    (vault.root / "vaultkit").mkdir()
    assert not sorter.sort("created", str(vault.root / "vaultkit"), is_dir=True)  # vaultkit's own: nothing to do


def test_an_output_folder_whose_parent_is_a_link_into_the_notes_is_refused(vault):
    vault.config('[me]\nname = "Sam Test"\n[folders]\noutput = "Gen/vaultkit"\n')
    (vault.root / "Reading" / "vaultkit").mkdir(parents=True)
    os.symlink("Reading", vault.root / "Gen")
    result = report(vault.root)
    assert result.exit_code == 1
    assert "the output folder Gen/vaultkit/ leads to Reading/vaultkit/" in result.stderr
    assert list((vault.root / "Reading" / "vaultkit").iterdir()) == []


def test_a_note_folder_or_note_linked_into_the_output_folder_is_not_read(vault):
    assert report(vault.root).exit_code == 0
    os.symlink("vaultkit", vault.root / "Reading")
    os.symlink("vaultkit/Follow-ups.md", vault.root / "Today.md")
    vault.write("Daily/2026-11-20.md", "- a day\n")
    os.symlink("../vaultkit/Fields.md", vault.root / "Daily" / "Fields.md")
    notes = walk_notes(load_config(vault.root))[0]
    assert notes == ["Daily/2026-11-20.md"]
    assert report(vault.root).exit_code == 0


# ---- item 13: SIGTERM and SIGHUP end `report` as Ctrl-C does -----------------------------------

PAUSED_REPORT = textwrap.dedent("""
    import os, sys, time
    marker = sys.argv.pop(1)
    real_fsync = os.fsync
    def slow_fsync(fd):  # hold the first write into Drafts/, its temp file made, until a signal comes
        if "/Drafts/" in os.readlink(f"/proc/self/fd/{fd}") and not os.path.exists(marker):
            open(marker, "w").close()
            time.sleep(120)
        real_fsync(fd)
    os.fsync = slow_fsync
    from vaultkit.cli import main
    main()
""")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see which file is written")
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_a_signal_during_report_removes_its_temp_files(vault, tmp_path, signum, status):
    with_draft(vault)
    marker = tmp_path / "writing"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", PAUSED_REPORT, str(marker), "report", "--vault",
                                str(vault.root), "--today", TODAY], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    try:
        assert wait_for(lambda: marker.exists() or process.poll() is not None, timeout=60), "never wrote a draft"
        assert temps_in(vault.root), "the draft's temp file should be there while it is written"
        process.send_signal(signum)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert (process.returncode, err) == (status, "")
    assert temps_in(vault.root) == []


# ---- item 14: the poller ignores vaultkit's own writes ---------------------------------------

def test_one_save_gives_one_refresh_with_the_poller(sample_copy):
    with Running(sample_copy, poll=True) as running:
        contact = sample_copy / "Contacts" / contact_path(sample_copy)
        atomic_save(contact, contact.read_text(encoding="utf-8") + "- 2026-11-19 #reply ok\n")
        assert wait_for(lambda: len(running.refreshes) == 2 and not running.daemon.busy, timeout=30), running.text()
        assert running.refreshes[1].report is not None and running.refreshes[1].report.results
        # a second save, after the poller has looked at the files the first refresh wrote
        other = sample_copy / "Contacts" / sorted(p.name for p in (sample_copy / "Contacts").glob("*.md"))[1]
        atomic_save(other, other.read_text(encoding="utf-8") + "- 2026-11-19 #checkin hi\n")
        assert wait_for(lambda: len(running.refreshes) >= 3 and not running.daemon.busy, timeout=30), running.text()
        text = running.text()
    assert "an output file was deleted" not in text
    assert len(running.refreshes) == 3, text


def test_a_deleted_output_is_still_written_again_with_the_poller(sample_copy):
    with Running(sample_copy, poll=True) as running:
        (sample_copy / "vaultkit" / "Fields.md").unlink()
        assert wait_for(lambda: (sample_copy / "vaultkit" / "Fields.md").is_file(), timeout=30), running.text()
        assert wait_for(lambda: "an output file was deleted" in running.text(), timeout=30), running.text()
