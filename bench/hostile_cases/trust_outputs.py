"""Issue 23, items 4, 5, 6, 9, 13 and 14: what vaultkit writes into its output folder never destroys
a user's file, and a signal leaves no litter."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from ._kit import ROOT, contact, interview, make_vault, vaultkit

TODAY = ("--today", "2026-11-20")
DASHBOARDS = ("Follow-ups.md", "Referrals.md", "Fields.md", "Progress.md", "Follow-ups.ics")
NOTES = dict([contact("Ana"),
              interview("2026-10-10 Ana", "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a\n")])
ENV = {"PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _report(root: Path, *more: str):
    return vaultkit("report", "--vault", str(root), *TODAY, *more)


def _others_written(root: Path, but: str) -> bool:
    return all((root / "vaultkit" / name).is_file() for name in DASHBOARDS if name != but)


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def users_file_named_like_a_temp(tmp: Path):
    root = make_vault(tmp, {**NOTES, "vaultkit/.vaultkit-scratch.tmp": "my scratch\n",
                            "vaultkit/Drafts/.vaultkit-notebook.tmp": "my notebook\n"})
    mine = [root / "vaultkit/.vaultkit-scratch.tmp", root / "vaultkit/Drafts/.vaultkit-notebook.tmp"]
    an_hour_ago = time.time() - 3600
    for path in mine:
        os.utime(path, (an_hour_ago, an_hour_ago))
    run = _report(root)
    kept = all(path.exists() for path in mine)
    return run.code == 0 and kept and not run.crashed, f"exit {run.code}, both kept {kept}"


def vaultkits_temps_fresh_kept_stale_removed(tmp: Path):
    two_names = "from vaultkit.output.write import temp_name\nfor _ in 'ab': print(temp_name())"
    made = subprocess.run([sys.executable, "-c", two_names], capture_output=True, text=True,
                          env={**os.environ, **ENV}).stdout.split()
    root = make_vault(tmp, {**NOTES, **{f"vaultkit/{name}": "half" for name in made}})
    stale, fresh = (root / "vaultkit" / name for name in made)
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    run = _report(root)
    ok = run.code == 0 and not stale.exists() and fresh.exists()
    return ok, f"exit {run.code}, stale {made[0]} removed {not stale.exists()}, fresh kept {fresh.exists()}"


MERGED_ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
              "BEGIN:VEVENT\r\nUID:x\r\nPRODID:-//vaultkit//Follow-ups//EN\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def merged_calendar_is_kept(tmp: Path):
    root = make_vault(tmp, {**NOTES, "vaultkit/Follow-ups.ics": MERGED_ICS})
    run = _report(root)
    kept = (root / "vaultkit/Follow-ups.ics").read_bytes() == MERGED_ICS.encode()
    said = "vaultkit/Follow-ups.ics:1: error: not written: this file was not made by vaultkit" in run.err
    ok = run.code == 1 and kept and said and _others_written(root, "Follow-ups.ics") and not run.crashed
    return ok, f"exit {run.code}, kept {kept}, said {said}"


def _symlink_case(name: str, dangling: bool):
    def case(tmp: Path):
        root = make_vault(tmp, {**NOTES, "Reading/Mine.md": "my own list\n"})
        target = root / "Reading" / ("Gone.md" if dangling else "Mine.md")
        link = root / "vaultkit" / name
        link.parent.mkdir()
        os.symlink(target, link)
        run = _report(root)
        left = link.is_symlink() and os.readlink(link) == str(target)
        untouched = dangling or target.read_text() == "my own list\n"
        said = f"vaultkit/{name}:1: error: not written: this is a symlink" in run.err
        ok = run.code == 1 and left and untouched and said and _others_written(root, name) and not run.crashed
        return ok, f"exit {run.code}, link left {left}, target untouched {untouched}, said {said}"
    return case


def output_folder_linked_among_notes(tmp: Path):
    root = make_vault(tmp, {**NOTES, "Reading/Books.md": "- a book\n"})
    os.symlink("Reading", root / "vaultkit")
    run = _report(root)
    check = vaultkit("check", "--vault", str(root), *TODAY)
    untouched = sorted(p.name for p in (root / "Reading").iterdir()) == ["Books.md"]
    said = "vaultkit:1: error: the output folder vaultkit/ leads to Reading/" in run.err
    warned = "Reading:1: warning: not read: the output folder vaultkit/ leads here" in check.out + check.err
    ok = run.code == 1 and untouched and said and warned and not run.crashed
    return ok, f"exit {run.code}, nothing written {untouched}, said {said}, check warns {warned}"


# A report whose first write into Drafts/ waits, its temp file made, until a signal comes
PAUSED_REPORT = """
import os, sys, time
marker = sys.argv.pop(1)
real_fsync = os.fsync
def slow_fsync(fd):
    if "/Drafts/" in os.readlink(f"/proc/self/fd/{fd}") and not os.path.exists(marker):
        open(marker, "w").close()
        time.sleep(120)
    real_fsync(fd)
os.fsync = slow_fsync
from vaultkit.cli import main
main()
"""


def _signal_case(signum: int):
    def case(tmp: Path):
        if not os.path.isdir("/proc/self/fd"):
            return True, "skipped: needs /proc"
        root = make_vault(tmp, NOTES)
        marker = tmp / "writing"
        process = subprocess.Popen([sys.executable, "-c", PAUSED_REPORT, str(marker), "report", "--vault", str(root),
                                    *TODAY], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, **ENV})
        try:
            if not _wait_for(lambda: marker.exists() or process.poll() is not None, 60):
                return False, "never wrote a draft"
            temps = list(root.rglob(".vaultkit-*.tmp"))
            process.send_signal(signum)
            _, err = process.communicate(timeout=60)
        finally:
            process.kill()
        left = [str(p.relative_to(root)) for p in root.rglob(".vaultkit-*.tmp")]
        ok = bool(temps) and not left and process.returncode == 128 + signum and err == ""
        return ok, f"exit {process.returncode}, temp while writing {len(temps)}, left {left}, stderr {err[:80]!r}"
    return case


def poller_ignores_its_own_writes(tmp: Path):
    ben = contact("Ben", "stay_in_touch: 3d\n", "## Log\n- 2026-11-01 #outreach hello\n")
    root = make_vault(tmp, {**NOTES, ben[0]: ben[1]})
    process = subprocess.Popen([sys.executable, "-m", "vaultkit", "watch", "--poll", "--vault", str(root), *TODAY],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, **ENV})
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(line.rstrip("\n") for line in process.stdout), daemon=True).start()
    refreshes = lambda: [line for line in lines if " changed" in line]  # noqa: E731
    try:
        if not _wait_for(lambda: any("follow-ups for" in line for line in lines)):
            return False, f"no first report: {lines[-3:]}"
        for n, (rel, touch) in enumerate(((ben[0], "#reply ok"), ("Contacts/Ana.md", "#checkin hi")), start=1):
            path = root / rel
            temp = path.with_name(f".{path.name}.swp")
            temp.write_text(path.read_text(encoding="utf-8") + f"- 2026-11-19 {touch}\n", encoding="utf-8")
            os.replace(temp, path)  # the second save comes after the poller has seen what the first wrote
            if not _wait_for(lambda n=n: len(refreshes()) >= n):
                return False, f"save {n} gave no refresh: {lines[-3:]}"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    deleted = [line for line in lines if "an output file was deleted" in line]
    ok = len(refreshes()) == 2 and not deleted and process.returncode == 0
    return ok, f"{len(refreshes())} refreshes for 2 saves, {len(deleted)} saying an output was deleted"


CASES = [
    ("a user's .vaultkit-scratch.tmp an hour old is kept", users_file_named_like_a_temp),
    ("vaultkit's own temp: a stale one removed, a fresh one kept", vaultkits_temps_fresh_kept_stale_removed),
    ("a merged calendar with vaultkit's PRODID in an event is kept", merged_calendar_is_kept),
    ("a symlink at vaultkit/Fields.md to a note", _symlink_case("Fields.md", dangling=False)),
    ("a dangling symlink at vaultkit/Follow-ups.ics", _symlink_case("Follow-ups.ics", dangling=True)),
    ("an output folder linked to a folder of notes", output_folder_linked_among_notes),
    ("SIGTERM during report leaves no temp file", _signal_case(signal.SIGTERM)),
    ("SIGHUP during report leaves no temp file", _signal_case(signal.SIGHUP)),
    ("watch --poll: one save, one refresh", poller_ignores_its_own_writes),
]
