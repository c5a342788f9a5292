"""Reading and running a transcript: commands and the output a user sees (format: transcripts/README.md)."""
from __future__ import annotations

import datetime
import importlib
import pkgutil
import re
import shlex
import sys
import traceback
import types
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

import vaultkit
from vaultkit.cli import cli

EXIT = re.compile(r">= exit (\d+)$")
VAULTS = ("sample-vault", "empty")


class TranscriptError(Exception):
    """The transcript itself is malformed: `file:line: message`."""


@dataclass
class Step:
    line: int  # 1-based line of `$ command` or `% write PATH`
    command: str = ""  # what follows `$ `
    expected: list[str] = field(default_factory=list)
    exit_code: int = 0
    write_path: str = ""  # for `% write PATH`: the file to write and its lines
    content: list[str] = field(default_factory=list)
    output_span: tuple[int, int] = (0, 0)  # 0-based [start, end) of the expected lines and `>= exit`


@dataclass
class Transcript:
    path: Path
    lines: list[str]
    vault: str = "sample-vault"
    today: datetime.date = datetime.date(2026, 11, 20)  # the sample vault's day
    steps: list[Step] = field(default_factory=list)


def parse(path: Path) -> Transcript:
    lines = path.read_text(encoding="utf-8").splitlines()
    transcript = Transcript(path, lines)
    i = 0
    while i < len(lines):
        line, where = lines[i], f"{path.name}:{i + 1}"
        if not line.strip() or line.startswith("#"):
            i += 1
        elif line.startswith("% vault "):
            transcript.vault = line.removeprefix("% vault ").strip()
            if transcript.vault not in VAULTS:
                raise TranscriptError(f"{where}: the vault is one of {', '.join(VAULTS)}, not {transcript.vault!r}")
            i += 1
        elif line.startswith("% today "):
            try:
                transcript.today = datetime.date.fromisoformat(line.removeprefix("% today ").strip())
            except ValueError:
                raise TranscriptError(f"{where}: `% today` takes a date like 2026-11-20: {line!r}") from None
            i += 1
        elif line.startswith("% write "):
            step = Step(i + 1, write_path=line.removeprefix("% write ").strip())
            i += 1
            while i < len(lines) and lines[i] != "% end":
                step.content.append(lines[i])
                i += 1
            if i == len(lines):
                raise TranscriptError(f"{where}: `% write` without its `% end`")
            transcript.steps.append(step)
            i += 1
        elif line.startswith("$ "):
            step = Step(i + 1, command=line[2:])
            start = i = i + 1
            while i < len(lines) and not EXIT.match(lines[i]):
                step.expected.append(lines[i])
                i += 1
            if i == len(lines):
                raise TranscriptError(f"{where}: `$ {step.command}` has no `>= exit N` line after its output")
            step.exit_code = int(EXIT.match(lines[i]).group(1))
            step.output_span = (start, i + 1)
            transcript.steps.append(step)
            i += 1
        else:
            raise TranscriptError(f"{where}: expected `$ command`, `% vault`, `% today`, `% write`, `#` or a blank line: {line!r}")
    return transcript


def run_command(command: str, folder: Path) -> tuple[str, int]:
    """Output (stdout and stderr as the terminal shows them) and exit status of one command."""
    args = shlex.split(command.replace("{vault}", str(folder)))
    if args[0] == "vaultkit":
        result = CliRunner().invoke(cli, args[1:], prog_name="vaultkit", terminal_width=80)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            trace = "".join(traceback.format_exception(*result.exc_info))
            raise AssertionError(f"a traceback reached the user: $ {command}\n{result.output}{trace}")
        return result.output_bytes.decode("utf-8", "replace"), result.exit_code  # .output drops \r
    if args[0] == "cat" and len(args) == 2:
        target = folder / args[1]
        if not target.is_file():
            return f"cat: {args[1]}: No such file\n", 1
        return target.read_text(encoding="utf-8"), 0
    if args[0] == "ls" and len(args) <= 2:
        target = folder / (args[1] if len(args) == 2 else ".")
        if not target.is_dir():
            return f"ls: {target.name}: No such folder\n", 1
        names = sorted(p.name + ("/" if p.is_dir() else "") for p in target.iterdir() if not p.name.startswith("."))
        return "".join(name + "\n" for name in names), 0
    raise TranscriptError(f"unknown command (vaultkit, cat FILE or ls [FOLDER]): {command}")


def placeheld(output: str, folder: Path) -> list[str]:
    """The output's lines, exactly: the vault's temporary path shown as {vault}, a byte-order
    mark as {bom}, a carriage return as {cr}, and a last line with no newline ends in {no eol}."""
    for form in {str(folder.resolve()), str(folder)}:
        output = output.replace(form, "{vault}")
    output = output.replace("\ufeff", "{bom}").replace("\r", "{cr}")
    if not output:
        return []
    lines = output.split("\n")
    if lines[-1] == "":
        return lines[:-1]
    return [*lines[:-1], lines[-1] + "{no eol}"]


class _AnyDate(type):
    """isinstance(x, FixedDate) is isinstance(x, date): code checking a value's type sees no difference."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, datetime.date)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, datetime.date)


def fix_the_clock(day: datetime.date, monkeypatch) -> None:
    """`date.today()` is `day` inside vaultkit, for the commands with no --today (new, log, import).

    Every vaultkit module is imported first (some import others inside functions), then each
    module's `date` and `dt`/`datetime` names are replaced by a date class whose today() is `day`
    and which otherwise makes and recognises ordinary dates. Nothing outside vaultkit changes."""
    for info in pkgutil.walk_packages(vaultkit.__path__, "vaultkit."):
        importlib.import_module(info.name)

    class FixedDate(datetime.date, metaclass=_AnyDate):
        def __new__(cls, *args, **kwargs):
            return datetime.date(*args, **kwargs)

        @classmethod
        def today(cls):
            return day

    fixed_module = types.ModuleType("datetime")
    fixed_module.__dict__.update(vars(datetime))
    fixed_module.date = FixedDate
    for name, module in list(sys.modules.items()):
        if name != "vaultkit" and not name.startswith("vaultkit."):
            continue
        for attribute, value in list(vars(module).items()):
            if value is datetime:
                monkeypatch.setattr(module, attribute, fixed_module)
            elif value is datetime.date:
                monkeypatch.setattr(module, attribute, FixedDate)
