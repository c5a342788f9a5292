"""`watch` when the vault itself goes away, and when a refresh raises: real observers, waits on conditions."""
from __future__ import annotations

import os
import shutil

import pytest

from vaultkit.watch import daemon as daemon_module
from vaultkit.watch import session as session_module

from .test_watch_daemon import NEW_CONTACT, Running, atomic_save, contact_path, wait_for


@pytest.fixture(autouse=True)
def quick_vault_poll(monkeypatch):
    monkeypatch.setattr(daemon_module, "VAULT_POLL_SECONDS", 0.05, raising=False)
    monkeypatch.setattr(daemon_module, "VAULT_CHECK_SECONDS", 0.2, raising=False)
    monkeypatch.setattr(daemon_module, "GONE_QUIET_SECONDS", 0.2, raising=False)


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_a_deleted_vault_is_not_recreated_and_is_read_again_when_it_returns(sample_copy, tmp_path, poll):
    backup = tmp_path / "backup"
    shutil.copytree(sample_copy, backup)
    (backup / "Contacts" / "Zed Quill.md").write_text(NEW_CONTACT, encoding="utf-8")  # changed while it was away
    with Running(sample_copy, poll=poll) as running:
        assert wait_for(lambda: not running.daemon.busy)  # the check after the first report is done
        shutil.rmtree(sample_copy)
        assert wait_for(lambda: "is gone; waiting for it to come back" in running.text(), timeout=5), running.text()
        assert not wait_for(sample_copy.exists, timeout=0.3)  # nothing written into a vault that is gone
        assert running.text().count("is gone") == 1
        shutil.copytree(backup, sample_copy)
        assert wait_for(lambda: "is back; reading everything again" in running.text()), running.text()
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()  # a full re-read
        atomic_save(sample_copy / "Contacts" / "Yan Quill.md", NEW_CONTACT.replace("Zed", "Yan"))
        assert wait_for(lambda: "Yan Quill" in running.followups()), running.text()  # and watched again


def test_a_vault_replaced_by_another_folder_is_read_again(sample_copy, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(sample_copy, other)
    (other / "Contacts" / "Zed Quill.md").write_text(NEW_CONTACT, encoding="utf-8")
    with Running(sample_copy) as running:
        sample_copy.rename(tmp_path / "old")
        other.rename(sample_copy)
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()
        assert not (tmp_path / "old" / "Contacts" / "Zed Quill.md").exists()
        atomic_save(sample_copy / "Contacts" / "Yan Quill.md", NEW_CONTACT.replace("Zed", "Yan"))
        assert wait_for(lambda: "Yan Quill" in running.followups()), running.text()


def test_a_refresh_that_raises_is_logged_and_the_next_refresh_catches_up(sample_copy, monkeypatch):
    real = session_module.report
    calls = []

    def report_once_broken(vault, today):
        calls.append(1)
        if len(calls) == 2:  # the first report works; the refresh after it meets a bug
            raise OverflowError("date value out of range")
        return real(vault, today)

    monkeypatch.setattr(session_module, "report", report_once_broken)
    with Running(sample_copy) as running:
        atomic_save(sample_copy / "Contacts" / "Zed Quill.md", NEW_CONTACT)
        assert wait_for(lambda: "refresh failed: internal error: OverflowError: date value out of range"
                        in running.text()), running.text()
        assert "Zed Quill" not in running.followups()
        other = sample_copy / "Contacts" / contact_path(sample_copy)
        os.utime(other, (1_800_000_000, 1_800_000_000))  # a touch: no note's content changes
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()


def test_a_failing_log_line_does_not_end_the_watch(sample_copy, monkeypatch):
    real = daemon_module.describe
    calls = []

    def describe_once_broken(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValueError("cannot describe")
        return real(*args, **kwargs)

    monkeypatch.setattr(daemon_module, "describe", describe_once_broken)
    with Running(sample_copy) as running:
        atomic_save(sample_copy / "Contacts" / "Zed Quill.md", NEW_CONTACT)
        assert wait_for(lambda: "internal error: ValueError: cannot describe" in running.text()), running.text()
        atomic_save(sample_copy / "Contacts" / "Yan Quill.md", NEW_CONTACT.replace("Zed", "Yan"))
        assert wait_for(lambda: "Contacts/Yan Quill.md changed" in running.text()), running.text()
        assert running.daemon.worker.is_alive()
