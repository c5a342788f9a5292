"""`watch` with real observers on real files: every wait is on a condition, with a timeout."""
from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from vaultkit.watch import daemon as daemon_module
from vaultkit.watch.daemon import Daemon
from vaultkit.watch.session import Session

from ..conftest import default_signals
from .test_watch_logic import TODAY, fresh_report, outputs_of


def wait_for(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


class Running:
    """A daemon on a vault, with its log lines and refreshes kept for the test to look at."""

    def __init__(self, root, poll: bool = False, quiet: float = 0.1, **kwargs):
        self.lines: list[str] = []
        self.refreshes = []
        self.lock = threading.Lock()
        self.session = Session(root, warn=self.lines.append)
        self.daemon = Daemon(self.session, self.log, poll=poll, quiet=quiet, on_refresh=self.refreshes.append,
                             **{"today": TODAY, **kwargs})
        self.root = self.session.root

    def log(self, line: str) -> None:
        with self.lock:
            self.lines.append(line)

    def __enter__(self) -> Running:
        self.daemon.start()
        assert wait_for(lambda: len(self.refreshes) == 1), self.lines  # the first report
        return self

    def __exit__(self, *exc) -> None:
        self.daemon.stop()

    def text(self) -> str:
        with self.lock:
            return "\n".join(self.lines)

    def followups(self) -> str:
        return (self.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")


def contact_path(root) -> str:
    return sorted(p.name for p in (root / "Contacts").glob("*.md"))[0]


def atomic_save(path, text: str) -> None:
    """What most editors do: write a temp file beside the note, then rename it over the note."""
    temp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


# Heard from, and due a check-in (the sample vault has landed: an unanswered outreach would get no nudge)
NEW_CONTACT = "---\ntype: contact\nname: Zed Quill\nfield: Policy\nstay_in_touch: 3d\n---\n## Log\n" \
              "- 2026-11-01 #reply hello\n"


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_an_atomic_save_updates_the_followups(sample_copy, poll):
    with Running(sample_copy, poll=poll) as running:
        assert "Zed Quill" not in running.followups()
        atomic_save(sample_copy / "Contacts" / "Zed Quill.md", NEW_CONTACT)
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()
        assert wait_for(lambda: "Contacts/Zed Quill.md changed" in running.text()), running.text()


def test_a_burst_of_1000_writes_gives_at_most_3_refreshes_and_right_outputs(sample_copy, tmp_path):
    with Running(sample_copy, quiet=0.3) as running:
        folder = sample_copy / "Reading" / "burst"
        folder.mkdir(parents=True)
        for i in range(1000):
            (folder / f"note {i}.md").write_text(f"---\ntags: [x]\n---\nNote {i}\n", encoding="utf-8")
        with open(sample_copy / "Contacts" / contact_path(sample_copy), "a", encoding="utf-8") as handle:
            handle.write("\n- 2026-11-19 #reply after the burst\n")
        assert wait_for(lambda: len(running.session.index.paths) >= 1000 and not running.daemon.debouncer.pending
                        and len(running.refreshes) >= 2)
        assert wait_for(lambda: set(running.session.index.paths) >= {
            f"Reading/burst/note {i}.md" for i in range(1000)})
        assert wait_for(lambda: not running.daemon.busy and not running.daemon.debouncer.pending)
        assert 2 <= len(running.refreshes) <= 4, running.text()  # the first report, then at most 3
        assert outputs_of(sample_copy) == fresh_report(sample_copy, tmp_path)


def test_a_git_checkout_of_1000_files_gives_one_or_two_refreshes(sample_copy, tmp_path):
    def git(*args):
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=sample_copy,
                              capture_output=True, text=True, check=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "start")
    git("checkout", "-q", "-b", "many")
    for i in range(1000):
        (sample_copy / "Reading" / f"paper {i}.md").write_text(f"---\ntags: [paper]\n---\nAbout [[Ana]] {i}\n")
    with open(sample_copy / "Contacts" / contact_path(sample_copy), "a", encoding="utf-8") as handle:
        handle.write("\n- 2026-11-19 #reply from the other branch\n")
    git("add", "-A")
    git("commit", "-qm", "many")
    git("checkout", "-q", "main")
    with Running(sample_copy, quiet=0.3) as running:
        assert wait_for(lambda: not running.daemon.busy and len(running.refreshes) == 1)
        git("checkout", "-q", "many")
        assert wait_for(lambda: running.session.index.note_count >= 1037 and not running.daemon.busy
                        and not running.daemon.debouncer.pending), running.text()
        assert 2 <= len(running.refreshes) <= 3, running.text()  # the first report, then one or two
        assert outputs_of(sample_copy) == fresh_report(sample_copy, tmp_path)


def test_a_new_ignore_in_the_config_applies_to_later_events(sample_copy):
    with Running(sample_copy) as running:
        config = sample_copy / "vaultkit.toml"
        config.write_text('ignore = ["Reading/**"]\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
        assert wait_for(lambda: "vaultkit.toml changed" in running.text()), running.text()
        (sample_copy / "Reading" / "Zed Quill.md").write_text(NEW_CONTACT, encoding="utf-8")
        atomic_save(sample_copy / "Contacts" / "Yan Quill.md", NEW_CONTACT.replace("Zed", "Yan"))
        assert wait_for(lambda: "Yan Quill" in running.followups()), running.text()
        assert "Reading/Zed Quill.md" not in running.session.index.paths
        assert "Zed Quill" not in running.followups()


def test_vaultkits_own_writes_cause_no_refresh(sample_copy):
    with Running(sample_copy) as running:
        # this edit's refresh rewrites Follow-ups.md and more while the observer watches them
        atomic_save(sample_copy / "Contacts" / "Zed Quill.md", NEW_CONTACT)
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()
        def rendered() -> int:  # refreshes that wrote (or compared) outputs; a catch-up check may not
            return sum(r.report is not None for r in running.refreshes)

        assert wait_for(lambda: rendered() == 2 and not running.daemon.busy), running.text()
        assert not wait_for(lambda: rendered() > 2, timeout=1.5), running.text()  # its writes woke nothing
        assert running.daemon.debouncer.pending.events == 0


def test_a_broken_note_is_reported_and_the_next_good_edit_still_refreshes(sample_copy):
    with Running(sample_copy) as running:
        (sample_copy / "Contacts" / "Broken.md").write_text("---\nname: [oops\n---\n", encoding="utf-8")
        assert wait_for(lambda: "Contacts/Broken.md:2: error" in running.text()), running.text()
        atomic_save(sample_copy / "Contacts" / "Zed Quill.md", NEW_CONTACT)
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()


def test_vim_style_saves_end_in_a_correct_refresh(sample_copy):
    with Running(sample_copy) as running:
        note = sample_copy / "Contacts" / "Zed Quill.md"
        note.write_text(NEW_CONTACT, encoding="utf-8")
        assert wait_for(lambda: "Zed Quill" in running.followups())
        (note.parent / "4913").write_text("")  # vim checks it may write here
        os.unlink(note.parent / "4913")
        os.rename(note, note.with_name("Zed Quill.md~"))  # backup, then a new file
        note.write_text(NEW_CONTACT.replace("Zed Quill", "Zed Quillon"), encoding="utf-8")
        os.unlink(note.with_name("Zed Quill.md~"))
        assert wait_for(lambda: "Zed Quillon" in running.followups()), running.text()
        assert "4913" not in running.text() and "~" not in running.text()


def test_a_new_top_level_folder_is_watched(sample_copy):
    with Running(sample_copy) as running:
        (sample_copy / "Inbox").mkdir()
        assert wait_for(lambda: "Inbox" in running.daemon.watches)
        (sample_copy / "Inbox" / "Zed Quill.md").write_text(NEW_CONTACT, encoding="utf-8")
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()


def test_the_inotify_limit_falls_back_to_polling(sample_copy, monkeypatch):
    class LimitedObserver(daemon_module.Observer):
        def start(self):
            raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(daemon_module, "Observer", LimitedObserver)
    with Running(sample_copy) as running:
        assert running.daemon.poll
        assert "max_user_watches" in running.text()
        atomic_save(sample_copy / "Contacts" / "Zed Quill.md", NEW_CONTACT)
        assert wait_for(lambda: "Zed Quill" in running.followups()), running.text()


def test_a_new_day_refreshes_by_itself(sample_copy, monkeypatch):
    monkeypatch.setattr(daemon_module, "DAY_CHECK_SECONDS", 0.05)
    day = [TODAY]
    with Running(sample_copy, today=None, local_date=lambda: day[0]) as running:
        assert "2026-11-20" in running.followups()
        day[0] = TODAY + dt.timedelta(days=1)
        assert wait_for(lambda: "It is 2026-11-21 now" in running.text()), running.text()
        assert wait_for(lambda: "2026-11-21" in running.followups()), running.text()


def test_a_vanished_output_folder_is_written_again(sample_copy):
    import shutil

    with Running(sample_copy) as running:
        shutil.rmtree(sample_copy / "vaultkit")
        assert wait_for(lambda: (sample_copy / "vaultkit" / "Follow-ups.md").exists()), running.text()


def test_a_symlink_out_of_the_vault_is_not_followed(sample_copy, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(NEW_CONTACT, encoding="utf-8")
    with Running(sample_copy) as running:
        os.symlink(outside, sample_copy / "Contacts" / "Zed Quill.md")
        assert wait_for(lambda: "symlink points outside the vault" in running.text()), running.text()
        assert "Contacts/Zed Quill.md" not in running.session.index.paths
        assert "Zed Quill" not in running.followups().split("symlink points outside")[0].rsplit("\n", 1)[0]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "kill", "hangup"])
def test_ctrl_c_stops_the_command_cleanly(sample_copy, stop):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "vaultkit", "watch", "--vault", str(sample_copy),
                                "--today", "2026-11-20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               preexec_fn=default_signals if os.name == "posix" else None)
    lines = []
    try:
        for raw in process.stdout:
            lines.append(raw.decode())
            if "follow-ups for 2026-11-20" in lines[-1]:
                break
        process.send_signal(stop)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err.decode()
    assert "Stopped after 1 refresh." in out.decode()
    assert b"Traceback" not in err
