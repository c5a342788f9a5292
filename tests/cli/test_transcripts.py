"""The command line as a user sees it: each file in tests/cli/transcripts/ runs, command by command,
and every line of output and every exit status must be as written there (format: its README.md).

VAULTKIT_UPDATE_GOLDEN=1 writes what the commands printed into the transcripts instead, and fails:
review the diff, then run again without it."""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from ..conftest import SAMPLE, UPDATE_GOLDEN
from .transcript import Transcript, TranscriptError, fix_the_clock, parse, placeheld, run_command

TRANSCRIPTS = Path(__file__).resolve().parent / "transcripts"
FILES = sorted(TRANSCRIPTS.glob("*.t"))


def test_there_are_transcripts():
    assert len(FILES) >= 8, FILES


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_transcript(path, tmp_path, monkeypatch):
    transcript = parse(path)
    replacements = run(transcript, tmp_path, monkeypatch, update=UPDATE_GOLDEN)
    rewritten = list(transcript.lines)
    for start, end, lines in reversed(replacements):
        rewritten[start:end] = lines
    if UPDATE_GOLDEN and rewritten != transcript.lines:
        path.write_text("\n".join(rewritten) + "\n", encoding="utf-8")
        pytest.fail(f"VAULTKIT_UPDATE_GOLDEN=1: {path.name} rewritten; review it and run again without it",
                    pytrace=False)


def run(transcript: Transcript, tmp_path: Path, monkeypatch, update: bool = False) -> list[tuple[int, int, list[str]]]:
    """Run every step in a fresh vault; on a mismatch fail with a diff, or (update) return the
    transcript's line spans to replace with what was printed."""
    folder = tmp_path / "vault"
    if transcript.vault == "sample-vault":
        shutil.copytree(SAMPLE, folder)
    else:
        folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("VAULTKIT_VAULT", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    fix_the_clock(transcript.today, monkeypatch)
    replacements = []
    for step in transcript.steps:
        where = f"{transcript.path.name}:{step.line}"
        if step.write_path:
            target = folder / step.write_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("".join(line + "\n" for line in step.content), encoding="utf-8")
            continue
        try:
            output, exit_code = run_command(step.command, folder)
        except TranscriptError as error:
            raise TranscriptError(f"{where}: {error}") from None
        actual = [*placeheld(output, folder), f">= exit {exit_code}"]
        expected = [*step.expected, f">= exit {step.exit_code}"]
        if update:
            replacements.append((*step.output_span, actual))
        elif actual != expected:
            diff = "\n".join(difflib.unified_diff(expected, actual, "expected (the transcript)",
                                                  "actual (what vaultkit printed)", lineterm=""))
            pytest.fail(f"{where}: $ {step.command}\n{diff}", pytrace=False)
    return replacements


def test_a_wrong_line_fails_with_the_command_and_a_diff(tmp_path, monkeypatch):
    path = tmp_path / "wrong.t"
    path.write_text("$ vaultkit check --today 2026-11-20\nChecked 36 notes: no problems.\n>= exit 0\n",
                    encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failed:
        run(parse(path), tmp_path, monkeypatch)
    assert str(failed.value).splitlines() == [
        "wrong.t:1: $ vaultkit check --today 2026-11-20",
        "--- expected (the transcript)",
        "+++ actual (what vaultkit printed)",
        "@@ -1,2 +1,2 @@",
        "-Checked 36 notes: no problems.",
        "+Checked 44 notes (19 contacts, 12 interviews): no problems.",
        " >= exit 0",
    ]


def test_a_wrong_exit_status_fails(tmp_path, monkeypatch):
    path = tmp_path / "status.t"
    path.write_text("$ vaultkit frob\nUsage: vaultkit [OPTIONS] [COMMAND] [ARGS]...\n"
                    "Try 'vaultkit --help' for help.\n\nError: No such command 'frob'.\n>= exit 1\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"(?m)^->= exit 1\n\+>= exit 2$"):
        run(parse(path), tmp_path, monkeypatch)


@pytest.mark.parametrize("text, message", [
    ("$ vaultkit check\nChecked\n", r"bad\.t:1: `\$ vaultkit check` has no `>= exit N`"),
    ("% write a.md\nbody\n", r"bad\.t:1: `% write` without its `% end`"),
    ("% vault messy\n", r"bad\.t:1: the vault is one of sample-vault, empty"),
    ("% today soon\n", r"bad\.t:1: `% today` takes a date"),
    ("vaultkit check\n", r"bad\.t:1: expected `\$ command`"),
])
def test_a_malformed_transcript_says_where(tmp_path, text, message):
    path = tmp_path / "bad.t"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TranscriptError, match=message):
        parse(path)


def test_an_unknown_command_says_where(tmp_path, monkeypatch):
    path = tmp_path / "shell.t"
    path.write_text("\n$ rm -rf notes\n>= exit 0\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match=r"shell\.t:2: unknown command"):
        run(parse(path), tmp_path, monkeypatch)
