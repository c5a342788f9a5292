"""The docs' tables say what the code does: defaults in docs/actions.md and docs/outputs.md, and the
problem messages in docs/notes.md."""
from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from vaultkit.config import Rules
from vaultkit.dates import Cadence

from ..conftest import check_golden

ROOT = Path(__file__).resolve().parents[2]
DEFAULTS = {f.name: f.default for f in dataclasses.fields(Rules)}


def documented_defaults() -> list[tuple[str, str, str]]:
    """(doc, setting, value as written) for each "`setting` (value)" naming a rule."""
    found = []
    for doc in ("docs/actions.md", "docs/outputs.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        found += [(doc, name, value) for name, value in re.findall(r"`([a-z_]+)` \(([^)]*)\)", text)
                  if name in DEFAULTS]
    return found


def test_every_default_in_actions_md_is_documented():
    named = {name for doc, name, _ in documented_defaults() if doc == "docs/actions.md"}
    assert named >= set(DEFAULTS) - {"horizon_days", "alarm_minutes"}, sorted(set(DEFAULTS) - named)


@pytest.mark.parametrize("doc, name, written", documented_defaults())
def test_a_documented_default_is_the_codes(doc, name, written):
    default = DEFAULTS[name]
    if isinstance(default, Cadence):
        units = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
        assert written == f"{default.amount} {units[default.unit]}", (doc, name)
    else:
        assert written.replace(",", "") == str(default), (doc, name)


def code_fragments() -> set[str]:
    """Every literal piece of text in vaultkit's code: plain strings and the fixed parts of f-strings."""
    pieces: set[str] = set()
    for path in (ROOT / "vaultkit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                pieces.update(part for part in re.split(r"\{[^}]*\}", node.value) if len(part.strip()) >= 3)
    return pieces


def problem_rows() -> list[tuple[str, str, str]]:
    text = (ROOT / "docs" / "notes.md").read_text(encoding="utf-8")
    table = text.split("| problem | severity | example message |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines()[2:]:
        problem, severity, message = (cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip("|")))
        message = message.strip("`").strip().replace("\\|", "|")
        rows.append((problem, severity, message))
    return rows


def uncovered(message: str, fragments: set[str]) -> list[str]:
    """The runs of `message` that no literal of the code covers (the values filled in, if the
    message is the code's)."""
    covered = [False] * len(message)
    for fragment in fragments:
        start = message.find(fragment)
        while start >= 0:
            covered[start:start + len(fragment)] = [True] * len(fragment)
            start = message.find(fragment, start + 1)
    return [run for run in re.split(r"\x00+", "".join("\x00" if c else ch for c, ch in zip(covered, message)))
            if run.strip(" ;,.()'\"")]


@pytest.mark.parametrize("problem, severity, message", problem_rows(), ids=lambda v: v[:40])
def test_each_documented_problem_message_is_the_codes(problem, severity, message):
    assert severity in ("error", "warning")
    gaps = uncovered(message, FRAGMENTS)
    # what is left is what a note filled in: a value, a name, a number; never a sentence of ours
    assert all(len(gap) <= 40 and len(gap.split()) <= 4 for gap in gaps), gaps
    assert sum(map(len, gaps)) <= len(message) // 2, gaps


LIBRARY_TEXT = {"did not find expected ',' or ']'"}  # PyYAML's own words, quoted in ours
FRAGMENTS = code_fragments() | LIBRARY_TEXT


def test_the_cli_reference_is_generated_from_the_code():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from cli_reference import reference
    finally:
        sys.path.remove(str(ROOT / "tools"))
    check_golden({ROOT / "docs" / "cli.md": reference().encode("utf-8")})


def test_the_kind_tables_in_actions_md_are_the_kinds_definitions():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from kinds_reference import reference
    finally:
        sys.path.remove(str(ROOT / "tools"))
    check_golden({ROOT / "docs" / "actions.md": reference().encode("utf-8")})
