"""`watch` keeps the dashboard's email link with a draft you edit while it runs; its own writes
of drafts cost no refresh and no line."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from vaultkit.config import load_config
from vaultkit.watch.debounce import Batch
from vaultkit.watch.events import EventSorter
from vaultkit.watch.lines import describe
from vaultkit.watch.session import Session

from ..render.test_email_link import THANK_YOU, edit_thank_you, email_link
from .test_watch_daemon import Running, atomic_save, wait_for

TODAY = dt.date(2026, 11, 20)
DRAFT = f"vaultkit/Drafts/{THANK_YOU}"


def test_a_draft_saved_in_the_output_folder_is_sorted_as_a_draft(vault):
    sorter = EventSorter(load_config(vault.root))
    at = lambda rel: os.path.join(sorter.root, rel)  # noqa: E731
    for kind in ("created", "modified", "closed"):
        assert sorter.sort(kind, at(DRAFT)).drafts == {DRAFT}
    assert sorter.sort("moved", at("vaultkit/Drafts/.vaultkit-abc.tmp"), at(DRAFT)).drafts == {DRAFT}
    assert not sorter.sort("modified", at("vaultkit/Drafts/.vaultkit-abc.tmp"))
    assert not sorter.sort("modified", at("vaultkit/Follow-ups.md"))  # vaultkit's, as before
    assert sorter.sort("deleted", at(DRAFT)).outputs and not sorter.sort("deleted", at(DRAFT)).drafts


@pytest.fixture
def session(sample_copy):
    session = Session(sample_copy, warn=lambda message: None)
    session.start(TODAY)
    return session


def test_an_edited_draft_rewrites_the_dashboard_with_your_words(session):
    edit_thank_you(session.root)
    batch = Batch(drafts={DRAFT}, events=1, arrived=True)
    refresh = session.refresh(batch, TODAY)
    assert refresh.report is not None
    assert email_link(session.root, "a thank-you")[1]["subject"] == ["Thanks, Ben!"]
    (line,) = describe(refresh, batch, before=refresh.report.plan.counts())
    assert line.startswith("Thank you - 2026-11-12 Ben Okafor edited: wrote 1 file; kept 1 draft you edited"), line


def test_a_draft_as_the_last_refresh_left_it_renders_nothing(session):
    refresh = session.refresh(Batch(drafts={DRAFT}, events=1, arrived=True), TODAY)
    assert refresh.report is None  # the event was vaultkit's own write


def test_the_running_daemon_follows_a_draft_edit_and_says_nothing_of_its_own_writes(sample_copy):
    with Running(sample_copy) as running:
        draft = sample_copy / DRAFT
        text = draft.read_text(encoding="utf-8").replace("Thank you for your time, Ben", "Thanks, Ben!")
        atomic_save(draft, text)
        assert wait_for(lambda: "subject=Thanks%2C%20Ben%21" in running.followups()), running.text()
        # a note edit that rewrites drafts: their events come back, and are vaultkit's own
        jordan = sample_copy / "Contacts" / "Jordan Kim.md"
        atomic_save(jordan, jordan.read_text(encoding="utf-8").replace("jordan@fieldnote.example.org", "jordan@new.example"))
        assert wait_for(lambda: "jordan@new.example" in running.followups()), running.text()
        assert wait_for(lambda: not running.daemon.busy and not running.daemon.debouncer.pending)
        assert wait_for(lambda: not running.daemon.busy and not running.daemon.debouncer.pending)
        lines = running.text().splitlines()
        assert len(running.refreshes) == 3, lines  # the first report, the draft, Jordan's note: nothing more
        assert sum(" Ben Okafor edited: wrote 1 file" in line for line in lines) == 1, lines


def test_a_refresh_names_only_the_drafts_you_edited_not_those_vaultkit_wrote(session):
    jordan = session.root / "Contacts" / "Jordan Kim.md"
    jordan.write_text(jordan.read_text(encoding="utf-8").replace("jordan@fieldnote.example.org", "jordan@new.example"),
                   encoding="utf-8")
    batch = Batch(paths={"Contacts/Jordan Kim.md"}, drafts={DRAFT}, events=2, arrived=True)  # DRAFT: as written
    refresh = session.refresh(batch, TODAY)
    (line,) = describe(refresh, batch, before=refresh.report.plan.counts())
    assert line.startswith("Contacts/Jordan Kim.md changed: wrote ") and "edited" not in line.split(";")[0], line
