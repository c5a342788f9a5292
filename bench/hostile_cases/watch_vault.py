"""`vaultkit watch` as a user runs it: the vault deleted under it, and notes a refresh may choke on."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from ._kit import ROOT, contact, make_vault

TODAY = "2026-11-20"
ANA = contact("Ana Diaz", "stay_in_touch: 2w\n", "## Log\n- 2026-10-01 #outreach hello\n")
ZED = contact("Zed Quill", "stay_in_touch: 3d\n", "## Log\n- 2026-11-01 #outreach hello\n")


class Watch:
    """`vaultkit watch` in its own process; its output lines are collected as they come."""

    def __init__(self, vault: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1",
               "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.process = subprocess.Popen([sys.executable, "-m", "vaultkit", "watch", "--vault", str(vault),
                                         "--today", TODAY], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        env=env, text=True, errors="replace")
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, condition, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.05)
        return condition()

    def stop(self) -> tuple[int, str]:
        """Ctrl-C; returns the exit status and everything it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        time.sleep(0.1)  # the reader thread takes the last lines
        return self.process.returncode, self.text()


def _followups(vault: Path) -> str:
    try:
        return (vault / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    except OSError:
        return ""


def _ended_well(watch: Watch) -> tuple[bool, str]:
    code, text = watch.stop()
    if code != 0 or "Traceback" in text:
        return False, f"exit {code}: {text[-300:]}"
    return True, ""


def deleted_vault_is_not_recreated(tmp: Path):
    vault = make_vault(tmp, dict([ANA]))
    backup = tmp / "backup"
    shutil.copytree(vault, backup)
    (backup / ZED[0]).write_text(ZED[1], encoding="utf-8")
    watch = Watch(vault)
    try:
        if not watch.wait_for(lambda: "follow-ups for" in watch.text()):
            return False, f"no first report: {watch.text()[-300:]}"
        time.sleep(0.5)  # let the check after the first report end: that is not what this case is about
        shutil.rmtree(vault)
        if not watch.wait_for(lambda: "is gone; waiting for it to come back" in watch.text(), timeout=10):
            return False, f"no line saying the vault is gone: {watch.text()[-300:]}"
        time.sleep(1.5)
        if vault.exists():
            return False, f"the deleted vault was made again: {sorted(p.name for p in vault.rglob('*'))[:5]}"
        shutil.copytree(backup, vault)
        if not watch.wait_for(lambda: "Zed Quill" in _followups(vault), timeout=15):
            return False, f"the vault came back but was not read again: {watch.text()[-300:]}"
        (vault / "Contacts" / "Yan Quill.md").write_text(ZED[1], encoding="utf-8")
        if not watch.wait_for(lambda: "Yan Quill" in _followups(vault), timeout=15):
            return False, f"an edit after the vault came back was missed: {watch.text()[-300:]}"
    finally:
        passed, detail = _ended_well(watch)
    if not passed:
        return False, detail
    return True, "said it is gone, made nothing, read it again when it came back, then followed an edit"


HOSTILE = {
    "Contacts/Far Future.md": "---\ntype: contact\nstay_in_touch: 2w\n---\n## Log\n- 9999-12-31 #outreach x\n",
    "Contacts/Huge.md": "---\ntype: contact\nstay_in_touch: 99999999999999999999d\n---\n## Log\n"
                        "- 2026-11-01 #outreach x\n",
    "Interviews/9999-12-31 Far.md": "---\ntype: interview\ncontact: \"[[Ana Diaz]]\"\ndate: 9999-12-31\n"
                                    "time: 23:59\n---\n",
}


def _write_hostile(vault: Path) -> None:
    for rel, text in HOSTILE.items():
        path = vault / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        time.sleep(0.3)  # one refresh each


def _first_report_then_hostile(watch: Watch, vault: Path) -> bool:
    """Wait for the first report, then write the hostile notes and one good note beside them."""
    if not watch.wait_for(lambda: "follow-ups for" in watch.text()):
        return False
    _write_hostile(vault)
    (vault / ZED[0]).write_text(ZED[1], encoding="utf-8")
    return True


def _failures(watch: Watch) -> str:
    failed = [line[9:130] for line in watch.lines if " failed" in line]
    return f"; {len(failed)} refresh(es) failed, e.g. {failed[0]}" if failed else ", no refresh failed"


def out_of_range_values_do_not_stop_refreshes(tmp: Path):
    """The pipeline must take these values (another part of issue 13): a good edit beside them still refreshes."""
    vault = make_vault(tmp, dict([ANA]))
    watch = Watch(vault)
    try:
        if not _first_report_then_hostile(watch, vault):
            return False, f"no first report: {watch.text()[-300:]}"
        refreshed = watch.wait_for(lambda: "Zed Quill" in _followups(vault), timeout=10)
    finally:
        passed, detail = _ended_well(watch)
    if not passed:
        return False, detail
    if not refreshed:
        return False, "a good edit beside out-of-range values was not refreshed" + _failures(watch)
    return True, "kept refreshing" + _failures(watch)


def a_failing_refresh_does_not_end_the_watch(tmp: Path):
    """Whatever a refresh raises is one line, the watch goes on, and the next good refresh catches up."""
    vault = make_vault(tmp, dict([ANA]))
    watch = Watch(vault)
    try:
        if not _first_report_then_hostile(watch, vault):
            return False, f"no first report: {watch.text()[-300:]}"
        time.sleep(1.0)
        for rel in HOSTILE:
            os.unlink(vault / rel)
        if not watch.wait_for(lambda: "Zed Quill" in _followups(vault), timeout=15):
            return False, f"no refresh after the out-of-range notes went: {watch.text()[-400:]}"
        alive = watch.process.poll() is None
    finally:
        passed, detail = _ended_well(watch)
    if not passed or not alive:
        return False, detail or "the watch ended by itself"
    return True, "still running and caught up once they went" + _failures(watch)


CASES = [
    ("rm -rf of the vault under watch, then it comes back", deleted_vault_is_not_recreated),
    ("year-9999 dates and huge numbers under watch", out_of_range_values_do_not_stop_refreshes),
    ("a refresh that fails under watch", a_failing_refresh_does_not_end_the_watch),
]
