"""Issue 23, items 8 and 12: the parse cache and the replay of the last run never change a result.

A same-size edit whose mtime was put back by a real tool (touch -r, cp -p, tar, rsync -t)
a while before the next run, and a record of the last check or report edited by hand with
sqlite3: each run with the cache must print what `--no-cache` prints.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from ._kit import ROOT, vaultkit

TODAY = ("--today", "2026-11-20")
NOTE = "Contacts/Dev Patel.md"
RACY_SECONDS = 2.0  # vaultkit/index/read.py RACY_NS: a change this close to a read proves nothing


def _sample(tmp: Path) -> Path:
    root = tmp / "vault"
    shutil.copytree(ROOT / "sample-vault", root)
    return root


def _settle(root: Path) -> None:
    """Wait until every file under `root` last changed longer ago than the racily-clean window: a run
    then trusts each by its stat alone, so only the ctime or inode can tell an edit."""
    newest = max(os.lstat(os.path.join(folder, name)).st_ctime_ns
                 for folder, dirs, files in os.walk(root) for name in dirs + files)
    while time.time_ns() <= newest + int((RACY_SECONDS + 0.05) * 1e9):
        time.sleep(0.05)


def _broken(data: bytes) -> bytes:
    """The note with an error in its front-matter, at the same length."""
    swapped = data.replace(b"role: Data Engineer", b"role: [ata Engineer", 1)
    assert len(swapped) == len(data) and swapped != data
    return swapped


def _same_as_no_cache(root: Path, edit) -> tuple[bool, str]:
    """Report and check (recorded, every note trusted next time), the edit a while before the next
    run, then check and a dry report with the cache and without it."""
    _settle(root)
    first = [vaultkit(*args, "--vault", str(root), *TODAY) for args in (["report"], ["check"])]
    note = root / NOTE
    before = note.stat()
    edit(note)
    after = note.stat()
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        return False, "the edit did not keep size and mtime: the case proves nothing"
    _settle(root)
    runs = {}
    for args in (["check"], ["report", "--dry-run"]):
        cached = vaultkit(*args, "--vault", str(root), *TODAY)
        fresh = vaultkit(*args, "--vault", str(root), *TODAY, "--no-cache")
        runs[args[0]] = (cached, fresh)
    check, fresh_check = runs["check"]
    same = all((c.code, c.out, c.err) == (f.code, f.out, f.err) for c, f in runs.values())
    seen = fresh_check.code == 1 and f"{NOTE}:" in check.out
    crashed = any(r.crashed for r in [*first, *(r for pair in runs.values() for r in pair)])
    ok = same and seen and not crashed and all(r.code == 0 for r in first)
    return ok, f"check with cache: exit {check.code}, {check.out.strip()[:90] or check.err.strip()[:90]}"


def edit_then_touch_r(tmp: Path):
    """Edited in place, then `touch -r` from a copy that kept the old times: same inode, size, mtime."""
    root = _sample(tmp)

    def edit(note: Path) -> None:
        reference = tmp / "reference.md"
        subprocess.run(["cp", "-p", str(note), str(reference)], check=True)
        note.write_bytes(_broken(note.read_bytes()))
        subprocess.run(["touch", "-r", str(reference), str(note)], check=True)
    return _same_as_no_cache(root, edit)


def copied_over_with_cp_p(tmp: Path):
    """Another copy of the note, edited with its old times, copied over it with `cp -p`."""
    root = _sample(tmp)

    def edit(note: Path) -> None:
        other = tmp / "elsewhere" / note.name
        other.parent.mkdir()
        subprocess.run(["cp", "-p", str(note), str(other)], check=True)
        stat = other.stat()
        other.write_bytes(_broken(other.read_bytes()))
        os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        subprocess.run(["cp", "-p", str(other), str(note)], check=True)
    return _same_as_no_cache(root, edit)


def extracted_from_tar(tmp: Path):
    """A tar of the vault made elsewhere, with the note edited and its mtime kept, extracted over it."""
    root = _sample(tmp)

    def edit(note: Path) -> None:
        other = tmp / "other"
        shutil.copytree(root, other)  # copy2: the times kept
        copy = other / NOTE
        stat = copy.stat()
        copy.write_bytes(_broken(copy.read_bytes()))
        os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        archive = tmp / "vault.tar"
        subprocess.run(["tar", "--format=posix", "-cf", str(archive), "-C", str(other), NOTE], check=True)
        subprocess.run(["tar", "-xf", str(archive), "-C", str(root)], check=True)
    return _same_as_no_cache(root, edit)


def synced_with_rsync_t(tmp: Path):
    """`rsync -t` of an edited copy whose mtime was kept (rsync writes a temp file and renames it)."""
    root = _sample(tmp)

    def edit(note: Path) -> None:
        other = tmp / note.name
        shutil.copy2(note, other)
        stat = other.stat()
        other.write_bytes(_broken(other.read_bytes()))
        os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        subprocess.run(["rsync", "-t", str(other), str(note)], check=True)
    return _same_as_no_cache(root, edit)


# Item 12: records of the last run edited by hand


def _cache_file(root: Path) -> Path:
    folder = Path(os.environ["VAULTKIT_CACHE_DIR"])
    found = sorted(folder.glob("notes-*.sqlite3"))
    if len(found) != 1:
        raise AssertionError(f"expected one cache file in {folder}, found {len(found)}")
    return found[0]


def _doctor(root: Path, key: str, change) -> None:
    """Edit the JSON of record `key` with sqlite3, as a person would, leaving whatever is around it."""
    db = sqlite3.connect(_cache_file(root), isolation_level=None)
    value = bytes(db.execute("SELECT value FROM records WHERE key = ?", (key,)).fetchone()[0])
    start = value.index(b"{")
    record = json.loads(value[start:])
    change(record)
    db.execute("UPDATE records SET value = ? WHERE key = ?",
               (value[:start] + json.dumps(record, separators=(",", ":")).encode(), key))
    db.close()


def forged_problem_in_check_record(tmp: Path):
    root = _sample(tmp)
    first = vaultkit("check", "--vault", str(root), *TODAY)
    _doctor(root, "check", lambda r: r["problems"].append([NOTE, 1, "error", "forged: never found"]))
    again = vaultkit("check", "--vault", str(root), *TODAY)
    ok = (again.code, again.out, again.err) == (first.code, first.out, first.err) and "forged" not in again.out
    return ok and first.code == 0 and not again.crashed, f"exit {again.code}: {again.out.strip()[:80] or again.err.strip()[:80]}"


def forged_counts_in_report_record(tmp: Path):
    root = _sample(tmp)
    vaultkit("report", "--vault", str(root), *TODAY)
    replayed = vaultkit("report", "--vault", str(root), *TODAY)

    def forge(record) -> None:
        record["counts"]["overdue"] += 5
        record["errors"] += 2

    _doctor(root, "report", forge)
    again = vaultkit("report", "--vault", str(root), *TODAY)
    ok = (again.code, again.out, again.err) == (replayed.code, replayed.out, replayed.err) and not again.crashed
    return ok, f"exit {again.code}: {again.out.splitlines()[0] if again.out else again.err.strip()[:80]}"


def forged_draft_text_in_report_record(tmp: Path):
    """The drafts, and their email links on the dashboard, come from the texts the last report recorded."""
    root = _sample(tmp)
    vaultkit("report", "--vault", str(root), *TODAY)

    def forge(record) -> None:
        for key in record["rendered"]["texts"]:
            record["rendered"]["texts"][key] = "Subject: FORGED subject\n\nFORGED body\n"

    _doctor(root, "report", forge)
    contact = root / "Contacts" / "Dev Patel.md"
    contact.write_text(contact.read_text(encoding="utf-8").replace("dev.patel@example.org", "dev@riverbend.example"),
                       encoding="utf-8")
    run = vaultkit("report", "--vault", str(root), *TODAY)
    dashboard = (root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    fresh = tmp / "fresh"
    shutil.copytree(root, fresh)
    shutil.rmtree(fresh / "vaultkit")
    vaultkit("report", "--vault", str(fresh), *TODAY, "--no-cache")
    same = dashboard == (fresh / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    ok = run.code == 0 and "FORGED" not in dashboard and same and not run.crashed
    return ok, f"exit {run.code}; forged text in the dashboard: {'FORGED' in dashboard}; as from nothing: {same}"


CASES = [
    ("same-size edit, then touch -r", edit_then_touch_r),
    ("same-size edit copied over with cp -p", copied_over_with_cp_p),
    ("same-size edit extracted from a tar", extracted_from_tar),
    *([("same-size edit synced with rsync -t", synced_with_rsync_t)] if shutil.which("rsync") else []),
    ("check record with a forged problem", forged_problem_in_check_record),
    ("report record with forged counts", forged_counts_in_report_record),
    ("report record with forged draft texts", forged_draft_text_in_report_record),
]
