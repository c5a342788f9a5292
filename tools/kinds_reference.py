"""Rewrite the kind tables of docs/actions.md from the kinds' definitions (vaultkit/kinds/).

    python tools/kinds_reference.py

Each table of `vaultkit.kinds.TABLES` is written under its `## heading`, a row per kind: its
name, when you see it, and when it is due; the prose around the tables is left as it is.
tests/cli/test_docs_match_code.py fails when docs/actions.md is not what this writes (with
VAULTKIT_UPDATE_GOLDEN=1 it rewrites the file, then fails so that a second run checks).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from vaultkit.kinds import TABLES, Kind

DOC = Path(__file__).resolve().parent.parent / "docs" / "actions.md"
HEAD = "| kind | you see it when | due |\n|---|---|---|\n"


def row(kind: Kind) -> str:
    return f"| `{kind.name}` | {kind.when} | {kind.due} |\n"


def with_tables(text: str) -> str:
    """`text` (docs/actions.md) with each kind table as the definitions say; a heading not there is an error."""
    for heading, kinds in TABLES:
        table = re.compile(rf"^## {re.escape(heading)}\n\n(?:{re.escape(HEAD)}(?:\|.*\n)*)?", re.MULTILINE)
        if not table.search(text):
            raise SystemExit(f"docs/actions.md has no '## {heading}' section: add one where its table belongs")
        rows = "".join(row(kind) for kind in kinds)
        text = table.sub(lambda _: f"## {heading}\n\n{HEAD}{rows}", text, count=1)
    if text.count(HEAD) != len(TABLES):
        raise SystemExit("docs/actions.md has a kind table under a heading vaultkit.kinds.TABLES does not name")
    return text


def reference() -> str:
    return with_tables(DOC.read_text(encoding="utf-8"))


if __name__ == "__main__":
    written = reference()
    if written != DOC.read_text(encoding="utf-8"):
        DOC.write_text(written, encoding="utf-8")
        sys.stdout.write("docs/actions.md: kind tables rewritten\n")
