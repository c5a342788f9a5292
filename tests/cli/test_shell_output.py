"""The shell as a user meets it every day (issue 18): exit codes, -q/-v, `check --format json`,
the report's summary, the progress bar, and watch's refresh lines."""
from __future__ import annotations

import datetime as dt
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli, main
from vaultkit.watch.lines import QUIET, VERBOSE, WIDTH, describe
from vaultkit.watch.session import Session

from ..conftest import LANDED, tree_hashes
from ..reuse.test_parse_cache import settle
from ..watch.test_watch_logic import note_batch

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-20"
BROKEN = "---\nname: [unclosed\n---\n"
WARNED = "---\ntype: contact\nfavourite_colour: blue\nstay_in_touch: often\n---\n"  # a warning, no error


def run(*args):
    return CliRunner().invoke(cli, list(args))


# ---- exit codes -------------------------------------------------------------------------------

def test_a_bare_vaultkit_prints_help_and_succeeds():
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and "Commands:" in result.stdout
    assert "Exit status:" in result.stdout


@pytest.mark.parametrize("command", ["report", "check"])
def test_ctrl_c_exits_130_without_aborted(sample_copy, monkeypatch, command):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("vaultkit.cli.options.open_index", interrupted)
    result = run(command, "--vault", str(sample_copy))
    assert result.exit_code == 130
    assert result.output == ""  # not click's `Aborted!`


@pytest.mark.parametrize("args", [
    ["init", "{root}/a", "--vault", "{root}/b"],  # exited 1 before
    ["init", "{root}/vaultkit.toml"],  # a file, not a folder
    ["new", "contact", "a/b", "--vault", "{root}"],
    ["log", "Ana", "   ", "--vault", "{root}"],
    ["report", "--vault", "{root}", "--today", "someday"],
    ["report", "--vault", "{root}", "--bogus"],
    ["report", "--vault", "{root}/nowhere"],
    ["check", "--vault", "{root}", "-q", "-v"],
])
def test_usage_errors_exit_2_and_change_nothing(vault, args):
    vault.contact("Ana")
    before = tree_hashes(vault.root)
    result = run(*[a.format(root=vault.root) for a in args])
    assert result.exit_code == 2, result.output
    assert "Error: " in result.stderr and "Traceback" not in result.output
    assert tree_hashes(vault.root) == before


def test_a_bad_vaultkit_toml_exits_2(vault):
    vault.config("[rules]\nhorizon_days = 'soon'\n")
    for command in ("report", "check"):
        result = run(command, "--vault", str(vault.root))
        assert result.exit_code == 2 and result.stderr.startswith("Error: vaultkit.toml:2: ")


def test_errors_in_notes_exit_1_from_check_but_0_from_report(vault):
    vault.write("Contacts/Broken.md", BROKEN)
    assert run("check", "--vault", str(vault.root)).exit_code == 1
    assert run("report", "--vault", str(vault.root), "--today", TODAY).exit_code == 0


def test_an_output_not_written_exits_1(vault):
    vault.write("vaultkit/Fields.md", "mine\n")  # a file vaultkit did not make
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 1 and "not written: vaultkit/Fields.md" in result.stdout


def test_a_bug_exits_70_with_one_line_and_no_traceback(sample_copy, monkeypatch, capsys):
    def bug(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("vaultkit.reporting.run_report", bug)  # looked up when the report runs
    monkeypatch.setattr(sys, "argv", ["vaultkit", "report", "--vault", str(sample_copy)])
    monkeypatch.delenv("VAULTKIT_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    assert err.startswith("Error: internal error: RuntimeError: boom.") and "Traceback" not in err


def test_the_readme_documents_every_exit_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    assert [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)] == [0, 1, 2, 70, 130]
    assert "`-q`" in readme and "`-v`" in readme


# ---- report: the summary, -q and -v -----------------------------------------------------------

def test_the_first_report_prints_a_short_summary_with_the_dashboards_path(sample_copy):
    for old in sorted((sample_copy / "vaultkit").rglob("*"), reverse=True):
        old.unlink() if old.is_file() else old.rmdir()
    result = run("report", "--vault", str(sample_copy), "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Read 19 contacts, 12 interviews, 3 company notes, 3 opportunities.",
        "Follow-ups for 2026-11-20: 10 overdue, 5 today, 4 upcoming, 1 later; 1 gone quiet.",
        "21 files written (12 drafts, 3 briefs), 0 unchanged.",
        f"Dashboard: {sample_copy.resolve() / 'vaultkit' / 'Follow-ups.md'}",  # absolute: a terminal link
    ]


def test_report_v_lists_every_file_written_and_the_notes_read(sample_copy):
    (sample_copy / "vaultkit" / "Fields.md").unlink()
    result = run("report", "--vault", str(sample_copy), "--today", TODAY, "-v")
    assert "  written: vaultkit/Fields.md\n" in result.stdout
    assert re.search(r"^Read 44 notes in \d+ ms: 44 from their files, 0 from the cache\.$", result.stderr, re.M)
    again = run("report", "--vault", str(sample_copy), "--today", TODAY, "--verbose", "--no-cache")
    assert "each from its file (--no-cache)" in again.stderr and "written:" not in again.stdout


def test_report_v_says_which_notes_were_read_again_and_why(sample_copy):
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    for note in sample_copy.rglob("*.md"):  # old enough for the cache to trust their time stamps
        os.utime(note, ns=(note.stat().st_atime_ns, note.stat().st_mtime_ns - 10**10))
    settle(sample_copy)  # and their ctimes, which that set to now
    run("report", "--vault", str(sample_copy), "--today", TODAY)
    ben = sample_copy / "Contacts" / "Ben Okafor.md"
    ben.write_text(ben.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = run("report", "--vault", str(sample_copy), "--today", TODAY, "-v")
    assert "Read 44 notes" in result.stderr and ": 1 from its file, 43 from the cache." in result.stderr
    assert "  read Contacts/Ben Okafor.md (new or changed)\n" in result.stderr


def test_report_q_prints_nothing_when_all_is_well(sample_copy):
    result = run("report", "--vault", str(sample_copy), "--today", TODAY, "-q")
    assert result.exit_code == 0 and result.output == ""


def test_report_q_says_only_what_is_wrong(vault):
    vault.write("Contacts/Odd.md", WARNED)
    quiet = run("report", "--vault", str(vault.root), "--today", TODAY, "--quiet")
    assert quiet.output == ""  # a warning is not worth a cron mail
    vault.write("Contacts/Broken.md", BROKEN)
    vault.write("vaultkit/Fields.md", "mine\n")
    quiet = run("report", "--vault", str(vault.root), "--today", TODAY, "-q")
    assert quiet.exit_code == 1 and quiet.stdout == ""
    assert "vaultkit/Fields.md:1: error: " in quiet.stderr
    assert "Notes have 1 error and 1 warning; run `vaultkit check` to see them." in quiet.stderr


def test_report_q_with_json_still_prints_the_json(sample_copy):
    result = run("report", "--vault", str(sample_copy), "--today", TODAY, "-q", "--format", "json")
    assert json.loads(result.stdout)["today"] == TODAY


# ---- check: -q, -v and --format json ----------------------------------------------------------

def test_check_q_prints_only_the_errors(vault):
    vault.write("Contacts/Odd.md", WARNED)
    assert run("check", "--vault", str(vault.root), "-q").output == ""
    vault.write("Contacts/Broken.md", BROKEN)
    result = run("check", "--vault", str(vault.root), "-q")
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["error"]
    assert result.stderr == ""  # no summary


def test_check_v_says_what_was_read(sample_copy):
    result = run("check", "--vault", str(sample_copy), "-v")
    assert result.exit_code == 0 and "Read 44 notes in " in result.stderr


def test_check_json_has_the_reports_problem_objects_and_exit_codes(messy_vault):
    vault = messy_vault
    vault.write("Contacts/Odd.md", WARNED)
    result = run("check", "--vault", str(vault.root), "--today", TODAY, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["notes", "errors", "warnings", "problems"]
    assert data["errors"] >= 1 and data["warnings"] >= 1
    assert data["errors"] + data["warnings"] == len(data["problems"])
    assert all(list(p) == ["path", "line", "severity", "message"] for p in data["problems"])
    as_text = run("check", "--vault", str(vault.root), "--today", TODAY).stdout.splitlines()
    assert [f"{p['path']}:{p['line']}: {p['severity']}: {p['message']}" for p in data["problems"]] == as_text
    reported = json.loads(run("report", "--vault", str(vault.root), "--today", TODAY, "--format", "json").stdout)
    assert all(p in data["problems"] for p in reported["problems"])  # the same objects
    (vault.root / "Contacts" / "Broken.md").unlink()
    vault.write("Interviews/2026-11-12 Ana.md", "---\ntype: interview\ncontact: Ana\ndate: 2026-11-12\n---\n")
    clean = run("check", "--vault", str(vault.root), "--today", TODAY, "--format", "json")
    assert clean.exit_code == 0 and json.loads(clean.stdout)["errors"] == 0


# ---- the progress bar, on a real terminal --------------------------------------------------------

def screen(raw: str) -> list[str]:
    """What a terminal shows after `raw`: enough of one for \\r, \\n and erase-line (ESC [K)."""
    lines, line, col = [], "", 0
    for token in re.findall(r"\x1b\[K|\r|\n|[^\r\n\x1b]+|\x1b", raw):
        if token == "\n":
            lines.append(line)
            line, col = "", 0
        elif token == "\r":
            col = 0
        elif token == "\x1b[K":
            line = line[:col]
        else:
            line = line[:col] + token + line[col + len(token):]
            col += len(token)
    return [*lines, line]


def test_the_progress_bar_shows_a_count_and_is_erased_when_done(vault):
    for i in range(60):
        vault.write(f"Notes/{i:02d}.md", "Just a note.\n")
    script = ("from vaultkit.cli import progress; progress.DelayedBar.DELAY = 0; "  # no wait for a slow read
              "from vaultkit.cli import main; main()")
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-c", script, "report", "--no-cache", "--vault", str(vault.root),
                                "--today", TODAY], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=follower, env=env)
    os.close(follower)
    raw = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        raw += chunk
    os.close(leader)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    text = raw.decode()
    assert re.search(r"Reading notes  \d+/60 ", text), text  # a count of the notes, out of how many
    assert "ETA" in text
    assert not any("Reading notes" in line for line in screen(text)), screen(text)  # gone when done
    assert b"Follow-ups for 2026-11-20" in out


# ---- watch: what each refresh line says ---------------------------------------------------------

@pytest.fixture
def watched(sample_copy):
    with open(sample_copy / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)  # landed, the top line is at its longest: the people to tell come first
    session = Session(sample_copy, warn=lambda message: None)
    first = session.start(dt.date(2026, 11, 20))
    return session, first


def test_the_first_watch_lines_fit_and_give_the_counts(watched):
    _, first = watched
    lines = describe(first, None, first=True)
    # with the people to tell where you landed, "gone quiet" gives way to keep it within a terminal's width
    assert lines[1] == "  follow-ups for 2026-11-20: 4 to tell, 5 overdue, 1 today, 2 upcoming, 2 later; 1 quiet"
    assert all(len(line) <= WIDTH for line in lines)


def test_a_refresh_line_says_which_counts_moved(watched):
    session, first = watched
    ben = session.root / "Contacts" / "Ben Okafor.md"
    ben.write_text(ben.read_text(encoding="utf-8") + "- 2026-11-19 #thanks sent a thank-you\n", encoding="utf-8")
    refresh = session.refresh(note_batch("Contacts/Ben Okafor.md"), dt.date(2026, 11, 20))
    (line,) = describe(refresh, note_batch("Contacts/Ben Okafor.md"), before=first.report.plan.counts())
    assert re.match(r"Ben Okafor changed: to tell 4 -> 3, overdue 5 -> 4, .*; wrote \S", line), line
    assert len(line) <= WIDTH
    (full,) = describe(refresh, note_batch("Contacts/Ben Okafor.md"), before={**first.report.plan.counts(),
                                                                               "announce": 3, "later": 3})
    assert full.startswith("Contacts/Ben Okafor.md changed: 5 overdue -> 4 overdue; wrote ")  # room for all


def test_long_names_do_not_wrap_a_refresh_line(watched):
    session, _ = watched
    names = [f"Contacts/{'A very long name of a person ' * 3}{i}.md" for i in range(3)]
    for rel in names:
        (session.root / rel).write_text("---\ntype: contact\n---\n## Log\n- 2026-11-01 #outreach hi\n",
                                        encoding="utf-8")
    refresh = session.refresh(note_batch(*names), dt.date(2026, 11, 20))
    (line,) = describe(refresh, note_batch(*names), before=None)
    assert line.startswith("3 notes changed: ") and len(line) <= WIDTH


def test_watch_q_and_v(watched):
    session, first = watched
    assert describe(first, None, first=True, verbosity=QUIET) == []
    broken = session.root / "Contacts" / "Broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    refresh = session.refresh(note_batch("Contacts/Broken.md"), dt.date(2026, 11, 20))
    quiet = describe(refresh, note_batch("Contacts/Broken.md"), verbosity=QUIET)
    assert [line.split(": ")[1] for line in quiet] == ["error"]  # only the problem
    loud = describe(refresh, note_batch("Contacts/Broken.md"), verbosity=VERBOSE)
    assert "  read Contacts/Broken.md" in loud


def test_watch_q_prints_nothing_while_all_is_well_and_v_names_what_it_wrote(sample_copy, monkeypatch):
    from vaultkit.watch.daemon import Daemon

    def first_report_then_ctrl_c(self, progress=None):
        self._guarded(lambda: self.session.start(self._today(), progress), "first report")
        raise KeyboardInterrupt

    monkeypatch.setattr(Daemon, "start", first_report_then_ctrl_c)
    (sample_copy / "vaultkit" / "Fields.md").unlink()
    quiet = run("watch", "--vault", str(sample_copy), "--today", TODAY, "-q")
    assert quiet.exit_code == 0 and quiet.output == ""  # a watch ends with Ctrl-C: 0, not 130
    for name in ("Fields.md", "Referrals.md", "Drafts/Check-in - Nadia Haddad.md", "Briefs/2026-11-21 Chloé Martin.md"):
        (sample_copy / "vaultkit" / name).unlink()
    loud = run("watch", "--vault", str(sample_copy), "--today", TODAY, "-v")
    assert loud.exit_code == 0
    assert re.search(r"wrote Referrals\.md, Fields\.md, Drafts/Check-in - Nadia Haddad\.md, Briefs/2026-11-21 "
                     r"Chloé Martin\.md \(", loud.stdout), loud.stdout  # each named, not "4 files"
    assert "Stopped after 1 refresh." in loud.stdout
