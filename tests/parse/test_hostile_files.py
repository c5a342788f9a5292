"""Hostile files and processes: names that are not UTF-8, and workers whose parent is killed."""
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from ..conftest import SIGNED, default_signals

ROOT = Path(__file__).resolve().parents[2]
BAD_NAME = "file name is not UTF-8; rename it (vaultkit cannot link to it); skipped"
TODAY = dt.date(2026, 3, 1)
ANA = "---\ntype: contact\nname: Ana\n---\n## Log\n- 2026-01-02 #outreach hello\n"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_raw(root: Path, raw_rel: bytes, content: str) -> None:
    """A file whose name is the given bytes; skips where the file system refuses such a name."""
    path = os.path.join(os.fsencode(root), raw_rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, "wb") as handle:
            handle.write(content.encode())
    except OSError as exc:  # macOS (APFS) and Windows insist on valid names
        pytest.skip(f"this file system refuses a name that is not UTF-8: {exc}")


@pytest.fixture
def latin1_vault(vault):
    vault.write("Contacts/Ana.md", ANA)
    write_raw(vault.root, b"Contacts/caf\xe9.md", "---\ntype: contact\nname: Cafe\n---\n")
    write_raw(vault.root, b"Notes/r\xe9sum\xe9.md", "just a note\n")
    return vault


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_check_reports_a_name_that_is_not_utf8_and_reads_the_rest(latin1_vault, cache):
    for _ in range(2):  # the second run reads the cache the first one wrote
        result = run("check", "--vault", str(latin1_vault.root), *cache)
        assert result.exit_code == 1
        assert result.stdout.splitlines() == [
            f"Contacts/caf\\xe9.md:1: error: {BAD_NAME}",
            f"Notes/r\\xe9sum\\xe9.md:1: error: {BAD_NAME}",
        ]
        assert result.stderr == "Checked 1 note (1 contact, 0 interviews): 2 errors, 0 warnings.\n"


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_report_goes_on_past_a_name_that_is_not_utf8(latin1_vault, cache):
    root = str(latin1_vault.root)
    for _ in range(2):
        result = run("report", "--vault", root, "--today", "2026-03-01", *cache)
        assert result.exit_code == 0, result.output
        assert "Notes have 2 errors and 0 warnings" in result.stderr
        assert "Ana" in (latin1_vault.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
        result = run("report", "--vault", root, "--today", "2026-03-01", "--format", "json", *cache)
        assert result.exit_code == 0, result.output
        facts = json.loads(result.stdout)
        assert [a["contact"] for a in facts["actions"] if a["contact"]] == ["Ana"]
        assert [(p["path"], p["message"]) for p in facts["problems"]] == [
            ("Contacts/caf\\xe9.md", BAD_NAME), ("Notes/r\\xe9sum\\xe9.md", BAD_NAME)]


def test_a_folder_name_that_is_not_utf8_skips_its_notes(vault):
    vault.write("Contacts/Ana.md", ANA)
    write_raw(vault.root, b"Contacts/Caf\xe9/Bea.md", "---\ntype: contact\n---\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 1
    assert result.stdout == ("Contacts/Caf\\xe9/Bea.md:1: error: folder name 'Caf\\xe9' is not UTF-8; rename it "
                             "(vaultkit cannot link to its notes); skipped\n")
    assert result.stderr.startswith("Checked 1 note (1 contact")


def test_a_broken_symlink_whose_name_is_not_utf8_is_a_printable_warning(vault):
    vault.write("Contacts/Ana.md", ANA)
    os.symlink(b"nowhere.md", os.path.join(os.fsencode(vault.root), b"Contacts/caf\xe9.md"))
    result = run("check", "--vault", str(vault.root))
    assert (result.exit_code, result.stdout) == (0, "Contacts/caf\\xe9.md:1: warning: broken symlink; skipped\n")


def test_watch_leaves_a_name_that_is_not_utf8_to_the_next_walk(vault):
    from vaultkit.watch.debounce import Batch
    from vaultkit.watch.events import EventSorter
    from vaultkit.watch.session import Session

    vault.write("Contacts/Ana.md", ANA)
    warnings = []
    session = Session(vault.root, warn=warnings.append)
    session.start(TODAY)
    write_raw(vault.root, b"Contacts/caf\xe9.md", "---\ntype: contact\n---\n")
    event = EventSorter(session.config).sort("created", os.path.join(os.fsencode(vault.root), b"Contacts/caf\xe9.md"))
    assert not event  # no read, no cache row for it
    refresh = session.refresh(Batch(), TODAY, reconcile=True)
    assert [str(p) for p in refresh.vault.problems] == [f"Contacts/caf\\xe9.md:1: error: {BAD_NAME}"]
    assert list(refresh.vault.contacts) == ["Contacts/Ana.md"] and warnings == []


def test_a_vault_inside_a_folder_whose_name_is_not_utf8(tmp_path):
    root = os.path.join(os.fsencode(tmp_path), b"caf\xe9", b"vault")
    write_raw(Path(os.fsdecode(root)), b"Contacts/Ana.md", ANA)
    write_raw(Path(os.fsdecode(root)), b"vaultkit.toml", SIGNED)
    for _ in range(2):  # writes the cache, then reads it
        result = run("check", "--vault", os.fsdecode(root))
        assert (result.exit_code, result.stdout, result.stderr) == (
            0, "", "Checked 1 note (1 contact, 0 interviews): no problems.\n")
        result = run("report", "--vault", os.fsdecode(root), "--today", "2026-03-01", "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["counts"]["overdue"] == 1


def test_problems_print_on_a_terminal_that_cannot_show_them(latin1_vault):
    latin1_vault.write("Notes/王.md", "---\nfoo: [\n---\n")  # a valid name the terminal cannot show
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([sys.executable, "-m", "vaultkit", "check", "--vault", str(latin1_vault.root)],
                          capture_output=True, env=environment, timeout=60)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.decode("latin-1").splitlines()
    assert lines[0] == f"Contacts/caf\\xe9.md:1: error: {BAD_NAME}"
    assert lines[2].startswith("Notes/\\u738b.md:3: error: front-matter is not valid YAML")
    assert b"Traceback" not in done.stderr


# --- workers die with their parent -----------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def vault_of_3000(tmp_path_factory) -> Path:
    """Enough notes for `report` to read them in worker processes."""
    root = tmp_path_factory.mktemp("big") / "vault"
    root.mkdir()
    (root / "vaultkit.toml").write_text(SIGNED)
    for i in range(3000):
        folder = root / ("Contacts" if i % 3 == 0 else f"Notes/{i % 30}")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"N{i}.md").write_text(f"---\ntype: {'contact' if i % 3 == 0 else 'note'}\ntags: [a, b]\n---\n"
                                         f"# N{i}\n\nSome words, and [[N{i - 1}]].\n\n## Log\n"
                                         "- 2026-01-02 #outreach hello\n")
    return root


# `vaultkit ARGS` whose read workers each announce themselves (an empty file named by the pid, in
# $VAULTKIT_TEST_HELD) and then hold their first chunk until killed: the report stays in its read
# until the test has signalled it, however busy the machine, and never finishes first.
HELD_WORKERS = """
import os, sys, threading
from pathlib import Path
import vaultkit.index.parallel as parallel

def hold(jobs):
    Path(os.environ["VAULTKIT_TEST_HELD"], str(os.getpid())).touch()
    threading.Event().wait()

parallel._check_chunk = hold
sys.argv[0] = "vaultkit"
from vaultkit.cli import main
main()
"""
WAIT_SECONDS = 120  # only an upper bound: each wait ends as soon as what it waits for happens


def _wait_until(condition, what: str):
    deadline = time.monotonic() + WAIT_SECONDS
    while not (found := condition()):
        assert time.monotonic() < deadline, f"{what}: not within {WAIT_SECONDS} s"
        time.sleep(0.01)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
                    reason="reads /proc, and needs two CPUs for report to start workers")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=["KILL", "TERM", "HUP", "Ctrl-C"])
def test_workers_die_with_their_parent(vault_of_3000, tmp_path, signum):
    held = tmp_path / "held"
    held.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "VAULTKIT_TEST_HELD": str(held)}
    with open(tmp_path / "out", "wb") as out:  # a pipe would keep the test waiting on a live worker
        parent = subprocess.Popen([sys.executable, "-c", HELD_WORKERS, "report", "--no-cache", "--vault",
                                   str(vault_of_3000)], stdout=out, stderr=out, env=environment,
                                  start_new_session=True, preexec_fn=default_signals)
    workers: list[int] = []
    try:
        def two_workers_reading():
            assert parent.poll() is None, (tmp_path / "out").read_text()
            return len(found := [int(p.name) for p in held.iterdir()]) >= 2 and found

        workers = _wait_until(two_workers_reading, "two workers reading notes")
        assert set(workers) <= set(_children(parent.pid))
        if signum == signal.SIGINT:
            os.killpg(parent.pid, signum)  # Ctrl-C reaches every process of the terminal's group
            assert parent.wait(WAIT_SECONDS) == 130  # 128 + SIGINT, as a shell reports Ctrl-C
        elif signum == signal.SIGKILL:
            parent.send_signal(signum)
            assert parent.wait(WAIT_SECONDS) == -signum
        else:  # SIGTERM and SIGHUP end it as Ctrl-C does: 128 + the signal
            parent.send_signal(signum)
            assert parent.wait(WAIT_SECONDS) == 128 + signum
        if signum != signal.SIGKILL:
            said = (tmp_path / "out").read_text()
            assert "Aborted!" not in said and "Traceback" not in said and "Exception ignored" not in said
        _wait_until(lambda: not any(map(_alive, workers)), "the workers gone")
    finally:
        parent.kill()
        for pid in filter(_alive, workers):
            os.kill(pid, signal.SIGKILL)
