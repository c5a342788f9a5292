"""`watch` without threads: the debouncer on a fake clock, the event sorter, and one refresh at a time."""
from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from vaultkit import load_config
from vaultkit.watch.debounce import Batch, Debouncer
from vaultkit.watch.events import EventSorter
from vaultkit.watch.lines import describe
from vaultkit.watch.session import Session

TODAY = dt.date(2026, 11, 20)


def note_batch(*paths: str) -> Batch:
    return Batch(paths=set(paths), events=len(paths), arrived=True)


# -- the debouncer ---------------------------------------------------------------------------

def test_nothing_pending_means_nothing_to_wait_for():
    debouncer = Debouncer(quiet=0.3)
    assert debouncer.wait_time(0.0) is None
    assert not debouncer.ready(100.0)


def test_a_refresh_waits_for_a_quiet_window():
    debouncer = Debouncer(quiet=0.3, max_wait=5)
    debouncer.add(note_batch("a.md", "b.md"), now=10.0)
    assert not debouncer.ready(10.29)
    assert debouncer.wait_time(10.1) == pytest.approx(0.2)
    assert debouncer.ready(10.3)


def test_a_save_of_one_note_needs_only_a_short_settle():
    debouncer = Debouncer(quiet=0.3, max_wait=5, settle=0.05)
    debouncer.add(note_batch("a.md"), now=10.0)
    debouncer.add(note_batch("a.md"), now=10.01)  # truncate, then write: one note, two events
    assert not debouncer.ready(10.05)
    assert debouncer.ready(10.06)
    debouncer.take()
    debouncer.add(note_batch("a.md"), now=20.0)
    debouncer.add(note_batch("b.md"), now=20.01)  # a second note: a burst, so the full window
    assert not debouncer.ready(20.1)
    assert not debouncer.ready(20.3) and debouncer.ready(20.32)
    debouncer.take()
    debouncer.add(Batch(paths={"a.md"}, folders={"x"}), now=30.0)
    assert not debouncer.ready(30.1)


def test_a_burst_collapses_into_one_batch():
    debouncer = Debouncer(quiet=0.3, max_wait=5)
    for i in range(1000):
        debouncer.add(note_batch(f"n{i % 10}.md"), now=10.0 + i * 0.001)
        assert not debouncer.ready(10.0 + i * 0.001)
    assert debouncer.ready(11.0 + 0.3)
    batch = debouncer.take()
    assert batch.paths == {f"n{i}.md" for i in range(10)} and batch.events == 1000
    assert debouncer.wait_time(12.0) is None  # taken: nothing pending


def test_a_steady_stream_cannot_starve_the_refresh():
    debouncer = Debouncer(quiet=0.3, max_wait=2.0, settle=0.3)
    fired = []
    for tenth in range(100):
        debouncer.add(note_batch(f"busy{tenth % 2}.md"), tenth / 10)  # an event every 0.1 s, never quiet
        if debouncer.ready((tenth + 1) / 10):
            fired.append((tenth + 1) / 10)
            debouncer.take()
    assert fired == [2.0, 4.0, 6.0, 8.0, 10.0]  # every max_wait after the first event of a batch


def test_ignored_events_neither_start_nor_prolong_a_burst():
    debouncer = Debouncer(quiet=0.3, max_wait=5)
    debouncer.add(Batch(events=1), now=0.0)
    assert debouncer.wait_time(0.0) is None
    debouncer.add(note_batch("a.md"), now=1.0)
    debouncer.add(Batch(events=1), now=1.2)
    assert debouncer.ready(1.3)


def test_a_stream_of_deletions_waits_until_it_ends():
    # `rm -rf` of the vault: a refresh in the middle would write into the half-deleted
    # folder (and make rm fail with "Directory not empty"), so deletions wait for a longer quiet
    debouncer = Debouncer(quiet=0.3, max_wait=2.0, gone_quiet=0.5)
    for i in range(100):
        debouncer.add(Batch(paths={f"n{i}.md"}, events=1), now=i * 0.1)  # a delete every 0.1 s for 10 s
        assert not debouncer.ready(i * 0.1 + 0.09)
    assert not debouncer.ready(9.9 + 0.49) and debouncer.ready(9.9 + 0.5)
    debouncer.take()
    debouncer.add(Batch(paths={"gone.md"}, events=1), now=20.0)
    debouncer.add(note_batch("saved.md"), now=20.01)  # something arrived too: the usual window
    assert debouncer.ready(20.32)


def test_max_wait_follows_the_quiet_window_by_default():
    assert Debouncer(quiet=0.3).max_wait == 3.0
    assert Debouncer(quiet=0.05).max_wait == 2.0
    assert Debouncer(quiet=0.01).settle == 0.01


# -- the event sorter --------------------------------------------------------------------------

@pytest.fixture
def sorter(vault) -> EventSorter:
    return EventSorter(load_config(vault.root))


def at(sorter: EventSorter, rel: str) -> str:
    return os.path.join(sorter.root, rel)


@pytest.mark.parametrize("name", ["4913", "Ana.md~", ".Ana.md.swp", ".Ana.md.swx", "Ana.md.tmp",
                                  ".goutputstream-XYZ", ".#Ana.md", "#Ana.md#", "picture.png"])
def test_editor_temp_files_are_ignored(sorter, name):
    for kind in ("created", "modified", "deleted"):
        assert not sorter.sort(kind, at(sorter, f"Contacts/{name}"))


def test_an_atomic_save_counts_as_an_edit_of_the_note(sorter):
    batch = sorter.sort("moved", at(sorter, "Contacts/.Ana.md.tmp123"), at(sorter, "Contacts/Ana.md"))
    assert batch.paths == {"Contacts/Ana.md"}
    vim = sorter.sort("moved", at(sorter, "Contacts/Ana.md"), at(sorter, "Contacts/Ana.md~"))
    assert vim.paths == {"Contacts/Ana.md"}  # vim moves the note away first: it is gone until re-created


def test_only_a_deletion_counts_as_nothing_arrived(sorter):
    assert not sorter.sort("deleted", at(sorter, "Contacts/Ana.md")).arrived
    assert not sorter.sort("deleted", at(sorter, "Contacts"), is_dir=True).arrived
    for kind in ("created", "modified", "closed"):
        assert sorter.sort(kind, at(sorter, "Contacts/Ana.md")).arrived
    assert sorter.sort("moved", at(sorter, "Contacts/Ana.md"), at(sorter, ".trash/Ana.md")).arrived


def test_vaultkits_own_writes_are_ignored(sorter):
    for kind in ("created", "modified", "closed"):
        assert not sorter.sort(kind, at(sorter, "vaultkit/Follow-ups.md"))
    assert not sorter.sort("moved", at(sorter, "vaultkit/.Follow-ups.md.abc.tmp"), at(sorter, "vaultkit/Follow-ups.md"))
    assert not sorter.sort("created", at(sorter, "vaultkit/Drafts"), is_dir=True)
    assert sorter.sort("deleted", at(sorter, "vaultkit/Follow-ups.md")).outputs
    assert sorter.sort("deleted", at(sorter, "vaultkit"), is_dir=True).outputs


def test_hidden_folders_and_outside_paths_are_ignored(sorter):
    assert not sorter.sort("modified", at(sorter, ".obsidian/workspace.json"))
    assert not sorter.sort("modified", at(sorter, ".git/index"))
    assert not sorter.sort("created", at(sorter, ".trash/Old.md"))
    assert not sorter.sort("created", at(sorter, ".git/objects/ab"), is_dir=True)
    assert not sorter.sort("modified", "/somewhere/else/Note.md")
    assert not sorter.sort("opened", at(sorter, "Contacts/Ana.md"))


def test_config_templates_and_folders_are_sorted(sorter):
    assert sorter.sort("modified", at(sorter, "vaultkit.toml")).config
    assert sorter.sort("modified", at(sorter, "Templates/vaultkit/thank-you.md")).templates
    assert sorter.sort("moved", at(sorter, "Old"), at(sorter, "People"), is_dir=True).folders == {"Old", "People"}
    assert sorter.sort("modified", at(sorter, "Daily/2026-11-20.md")).paths == {"Daily/2026-11-20.md"}


def test_a_folder_holding_the_templates_folder_counts_as_a_template_change(sorter):
    """A template written at once into a new top-level folder can beat that folder's watch."""
    assert sorter.sort("created", at(sorter, "Templates"), is_dir=True).templates
    assert sorter.sort("moved", at(sorter, "Old"), at(sorter, "Templates"), is_dir=True).templates
    assert not sorter.sort("created", at(sorter, "Templates2"), is_dir=True).templates


def test_a_folder_modified_is_not_a_rescan(sorter):
    """A folder's mtime changes with every file saved in it; rescanning 100,000 notes for that was slow."""
    assert not sorter.sort("modified", at(sorter, "Contacts"), is_dir=True)
    assert not sorter.sort("closed", at(sorter, "Contacts"), is_dir=True)


def test_bytes_paths_are_understood(sorter):
    assert sorter.sort("modified", os.fsencode(at(sorter, "Contacts/Ana.md"))).paths == {"Contacts/Ana.md"}


# -- one refresh at a time -----------------------------------------------------------------------

@pytest.fixture
def session(sample_copy) -> Session:
    warnings = []
    session = Session(sample_copy, warn=warnings.append)
    first = session.start(TODAY)
    assert first.report is not None and warnings == []
    return session


def followups(session: Session) -> str:
    return (session.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")


def fresh_report(root, tmp_path) -> dict[str, bytes]:
    """The outputs after `vaultkit report --no-cache` on a copy of the vault as it is now.

    Equal to the watched vault's outputs only if watch left them as report would (report
    keeps drafts it no longer needs, so the copy starts from the watched outputs).
    """
    from click.testing import CliRunner
    from vaultkit.cli import cli

    copy = tmp_path / "reference"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy)
    result = CliRunner().invoke(cli, ["report", "--vault", str(copy), "--today", TODAY.isoformat(), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "0 files written" in result.output
    return {str(p.relative_to(copy / "vaultkit")): p.read_bytes()
            for p in sorted((copy / "vaultkit").rglob("*")) if p.is_file()}


def outputs_of(root) -> dict[str, bytes]:
    return {str(p.relative_to(root / "vaultkit")): p.read_bytes()
            for p in sorted((root / "vaultkit").rglob("*")) if p.is_file()}


def first_contact(session: Session) -> str:
    return sorted(rel for rel in session.index.paths if rel.startswith("Contacts/"))[0]


def test_one_edit_rereads_only_that_note(session, tmp_path):
    rel = first_contact(session)
    with open(session.root / rel, "a", encoding="utf-8") as handle:
        handle.write("\n- 2026-11-19 #reply glad to help\n")
    refresh = session.refresh(note_batch(rel), TODAY)
    assert refresh.update.parsed == [rel] and refresh.update.dropped == []
    assert ("vaultkit/Follow-ups.md", "written") in refresh.report.results
    assert outputs_of(session.root) == fresh_report(session.root, tmp_path)


def test_a_touch_without_a_content_change_rewrites_nothing(session):
    rel = first_contact(session)
    os.utime(session.root / rel)
    refresh = session.refresh(note_batch(rel), TODAY)
    assert refresh.report is None and refresh.update.parsed == []
    assert "no note's content changed" in describe(refresh, note_batch(rel))[0]


def test_a_file_that_vanished_before_the_read_drops_out(session, tmp_path):
    rel = first_contact(session)
    (session.root / rel).unlink()
    refresh = session.refresh(note_batch(rel, "Contacts/Never existed.md"), TODAY)
    assert refresh.update.dropped == [rel]
    assert rel not in refresh.vault.contacts
    assert outputs_of(session.root) == fresh_report(session.root, tmp_path)


def test_a_broken_note_is_reported_and_the_next_good_edit_still_refreshes(session, tmp_path):
    broken = session.root / "Contacts" / "Broken.md"
    broken.write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    refresh = session.refresh(note_batch("Contacts/Broken.md"), TODAY)
    lines = describe(refresh, note_batch("Contacts/Broken.md"))
    assert any(line.strip().startswith("Contacts/Broken.md:2: error:") for line in lines)
    rel = first_contact(session)
    with open(session.root / rel, "a", encoding="utf-8") as handle:
        handle.write("\n- 2026-11-19 #reply yes\n")
    again = session.refresh(note_batch(rel), TODAY)
    assert again.report is not None and again.update.parsed == [rel]
    assert outputs_of(session.root) == fresh_report(session.root, tmp_path)


def test_a_broken_template_falls_back_and_is_reported(session):
    folder = session.root / "Templates" / "vaultkit"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "thank-you.md").write_text("{{ nope(", encoding="utf-8")
    refresh = session.refresh(Batch(templates=True), TODAY)
    assert refresh.report is not None
    assert any("thank-you.md" in p.path for p in refresh.problems)


def test_the_output_folder_deleted_under_it_is_written_again(session):
    shutil.rmtree(session.root / "vaultkit")
    refresh = session.refresh(Batch(outputs=True), TODAY)
    assert (session.root / "vaultkit" / "Follow-ups.md").exists()
    assert any(status == "written" for _, status in refresh.report.results)


def test_a_new_day_recomputes_even_if_no_note_changed(session):
    before = followups(session)
    refresh = session.refresh(Batch(), TODAY + dt.timedelta(days=1), reconcile=True)
    assert refresh.report is not None and refresh.report.plan.today == TODAY + dt.timedelta(days=1)
    assert followups(session) != before


def test_a_folder_moved_is_rescanned(session, tmp_path):
    (session.root / "Contacts").rename(session.root / "Contacts moved")
    refresh = session.refresh(Batch(folders={"Contacts", "Contacts moved"}), TODAY)
    assert refresh.update.dropped and refresh.update.parsed
    assert all(not p.startswith("Contacts/") for p in session.index.paths)
    assert outputs_of(session.root) == fresh_report(session.root, tmp_path)


def test_a_config_error_keeps_the_old_settings(session):
    (session.root / "vaultkit.toml").write_text("[rules\n", encoding="utf-8")
    refresh = session.refresh(Batch(config=True), TODAY)
    assert refresh.report is None and refresh.problems[0].path == "vaultkit.toml"
    assert "still using" in describe(refresh, Batch(config=True))[0]


def test_a_config_change_applies(session, tmp_path):
    (session.root / "vaultkit.toml").write_text('[rules]\nhorizon_days = 60\n', encoding="utf-8")
    refresh = session.refresh(Batch(config=True), TODAY)
    assert refresh.report is not None and refresh.report.plan.horizon_days == 60
    assert outputs_of(session.root) == fresh_report(session.root, tmp_path)
