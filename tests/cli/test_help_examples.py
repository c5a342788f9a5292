"""Every example in every `--help` works as written, in a vault made by `vaultkit init`.

Each command's example block runs in a fresh home folder, in order, as a user
would paste it: `~/notes` is a vault `init` made (and the current folder),
unless the block itself starts from `init`. `cd` lines change the folder;
a pipe's right side (`| jq ...`) is left to the shell, and the JSON checked.
`watch` runs as a process until its first report's line, then gets Ctrl-C.
"""
from __future__ import annotations

import json
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import default_signals

ROOT = Path(__file__).resolve().parents[2]


def commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    yield prefix
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


def examples(path: tuple[str, ...]) -> list[str]:
    text = CliRunner().invoke(cli, [*path, "--help"], terminal_width=200).stdout
    block = re.split(r"\n\s*Examples?:\n", text, maxsplit=1)
    assert len(block) == 2, f"vaultkit {' '.join(path)} --help has no example"
    lines = []
    for line in block[1].splitlines():
        if not line.strip():
            break
        lines.append(re.split(r"\s{2,}", line.strip())[0])  # drop the description column
    return lines


# The files the `import` examples name, as a user's Downloads folder would hold them
EXAMPLE_FILES = {
    "Downloads/Connections.csv": "Notes:\n\"Some email addresses may be missing.\"\n\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Omar,Ali,https://www.linkedin.com/in/omar,,Contoso,Designer,05 Nov 2023\n",
    "Downloads/contacts.vcf": "BEGIN:VCARD\nVERSION:3.0\nFN:Lena Fischer\nEMAIL:lena@example.org\nEND:VCARD\n",
    "Downloads/Takeout/Mail/All mail Including Spam and Trash.mbox": "From 1 Thu Nov 20 18:22:10 +0000 2026\n"
    "From: Omar Ali <omar@example.org>\nTo: sam@example.org\nDate: Thu, 20 Nov 2026 18:22:10 +0000\n"
    "Subject: Re: coffee\nMessage-ID: <1@example.org>\n\nA body.\n\n",
    ".thunderbird/abc.default/Mail/Local Folders/Sent": "From - Thu Nov 20 18:22:10 2026\nX-Mozilla-Status: 0001\n"
    "From: sam@example.org\nTo: omar@example.org\nDate: Fri, 21 Nov 2026 09:00:00 +0000\nSubject: thanks\n\nHi\n",
    "Maildir/cur/1700000000.M1P1.host:2,S": "From: omar@example.org\nTo: sam@example.org\n"
    "Date: Sat, 22 Nov 2026 09:00:00 +0000\nSubject: x\n\nbody\n",
    "Maildir/new/.keep": "",
    "Desktop/saved-emails/one.eml": "From: sam@example.org\nTo: lena@example.org\n"
    "Date: Sat, 22 Nov 2026 10:00:00 +0000\nSubject: hello\n\nbody\n",
    "Downloads/Basic_LinkedInDataExport/messages.csv": "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,"
    "TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT\n"
    "c1,,Omar Ali,https://www.linkedin.com/in/omar,Sam Rivera,https://www.linkedin.com/in/sam,"
    "2026-11-20 18:22:10 UTC,Hello,Hi Sam\n",
    "Downloads/calendar.ics": "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\nBEGIN:VEVENT\nUID:e1\n"
    "DTSTART:20261120T150000Z\nDTEND:20261120T153000Z\nSUMMARY:Coffee\nATTENDEE:mailto:omar@example.org\n"
    "END:VEVENT\nEND:VCALENDAR\n",
}
EXAMPLES = {" ".join(path) or "(vaultkit)": examples(path) for path in commands()}


WATCH_SECONDS = 120  # only an upper bound: each wait ends as soon as the line comes or the process ends


def _hand_over(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)  # the process closed its stdout: it has ended


def run_watch(argv: list[str], cwd: Path, env: dict) -> None:
    """Start the watch, wait for its first report's line, Ctrl-C it, wait for it to end.

    A reader thread hands over stdout's lines, so a watch that never prints fails at the
    limit instead of hanging; stderr goes to a file, so it can never fill a pipe and block.
    """
    env = {**env, "PYTHONUNBUFFERED": "1"}
    lines: queue.Queue = queue.Queue()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "vaultkit", *argv], cwd=cwd, env=env,
                                   stdout=subprocess.PIPE, stderr=err,
                                   preexec_fn=default_signals if os.name == "posix" else None)
        reader = threading.Thread(target=_hand_over, args=(process.stdout, lines), daemon=True)
        reader.start()
        seen = b""
        try:
            while b"follow-ups for" not in seen:  # the first report is out
                try:
                    line = lines.get(timeout=WATCH_SECONDS)
                except queue.Empty:
                    line = None
                if line is None:
                    break  # ended, or silent past the limit: the assert below shows what it said
                seen += line
            process.send_signal(signal.SIGINT)
            process.wait(WATCH_SECONDS)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            reader.join(WATCH_SECONDS)
            process.stdout.close()
        err.seek(0)
        said = err.read().decode(errors="replace")
    assert process.returncode == 0 and b"follow-ups for" in seen, (argv, process.returncode, seen, said)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_every_help_example_works_as_written(command, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("VAULTKIT_VAULT", raising=False)
    for rel, text in EXAMPLE_FILES.items():
        (home / rel).parent.mkdir(parents=True, exist_ok=True)
        (home / rel).write_text(text, encoding="utf-8")
    runner = CliRunner()
    lines = EXAMPLES[command]
    here = home
    if not any(shlex.split(line)[1:2] == ["init"] for line in lines if line.startswith("vaultkit")):
        assert runner.invoke(cli, ["init", str(home / "notes")]).exit_code == 0
        here = home / "notes"
    env = {**os.environ, "HOME": str(home),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    for line in lines:
        command_line, piped = (line.split(" | ", 1) + [""])[:2]
        argv = [str(home / a[2:]) if a.startswith("~/") else a for a in shlex.split(command_line, comments=True)]
        if argv[0] == "cd":
            here = Path(argv[1])
            continue
        assert argv[0] == "vaultkit", line
        if argv[1] == "watch":
            run_watch(argv[1:], here, env)
            continue
        monkeypatch.chdir(here)
        result = runner.invoke(cli, argv[1:])
        assert result.exit_code == 0, (line, result.output)
        assert "Warning" not in result.stderr, (line, result.stderr)
        if piped:
            json.loads(result.stdout)
