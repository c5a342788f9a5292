"""`watch` when a refresh raises: real observers, waits on conditions."""
from __future__ import annotations

import os

from vaultkit.watch import daemon as daemon_module
from vaultkit.watch import session as session_module

from .test_watch_daemon import NEW_CONTACT, Running, atomic_save, contact_path, wait_for


def test_a_refresh_that_raises_is_logged_and_the_next_refresh_catches_up(sample_copy, monkeypatch):
    real = session_module.run_report
    calls = []

    def run_report_once_broken(vault, today):
        calls.append(1)
        if len(calls) == 2:  # the first report works; the refresh after it meets a bug
            raise OverflowError("date value out of range")
        return real(vault, today)

    monkeypatch.setattr(session_module, "run_report", run_report_once_broken)
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
