"""A repeated report trusts an output's stat as notes are trusted (git's index rule): an output
that changed well before the record is vouched for by its inode, size, mtime and ctime; one that
changed too close to it, by the hash of its bytes. Either way, an edit by hand is seen."""
from __future__ import annotations

import os
import time
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

import vaultkit.memo
import vaultkit.reporting
from vaultkit.cli import cli

REPORT = ["report", "--today", "2026-11-20"]


def run(root):
    return CliRunner().invoke(cli, [*REPORT, "--vault", str(root)], catch_exceptions=False)


def same_size_same_mtime_edit(path) -> bytes:
    before, stat = path.read_bytes(), path.stat()
    edited = before.replace(b"Referrals", b"Refusals", 1)
    path.write_bytes(edited[: len(before)].ljust(len(before), b" "))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return before


@pytest.mark.parametrize("recorded_after", [0, 10], ids=["just-written", "long-settled"])
def test_an_output_edited_keeping_its_size_and_mtime_is_written_again(sample_copy, monkeypatch, recorded_after):
    """Recorded `recorded_after` seconds after the files were written: at 10 s no output is hashed,
    and the edit shows by its ctime alone."""
    monkeypatch.setattr(vaultkit.memo, "time", SimpleNamespace(time_ns=lambda: time.time_ns() + recorded_after * 10**9))
    made = []
    real = vaultkit.reporting.run_report
    monkeypatch.setattr(vaultkit.reporting, "run_report", lambda *a, **k: made.append(1) or real(*a, **k))
    run(sample_copy)
    assert "0 files written" in run(sample_copy).stdout and made == [1]  # repeated: nothing changed
    referrals = sample_copy / "vaultkit" / "Referrals.md"
    before = same_size_same_mtime_edit(referrals)
    result = run(sample_copy)
    assert "1 file written" in result.stdout and made == [1, 1]
    assert referrals.read_bytes() == before
