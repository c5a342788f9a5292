"""`report`: model -> plan -> outputs -> files. The library side of the command."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Vault
from .render.followups import render_followups
from .rules import Plan, plan
from .write import Output, write_outputs


@dataclass(frozen=True)
class Report:
    plan: Plan
    results: tuple[tuple[str, str], ...]  # (vault-relative path, written / unchanged / would write)


def outputs(vault: Vault, the_plan: Plan) -> list[Output]:
    """Every generated file, as bytes; the same vault and day give the same bytes."""
    return [Output("Follow-ups.md", render_followups(vault, the_plan).encode("utf-8"))]


def run_report(vault: Vault, today: date, dry_run: bool = False) -> Report:
    the_plan = plan(vault, today)
    results = write_outputs(vault.config.root, vault.config.folders.output, outputs(vault, the_plan), dry_run)
    return Report(the_plan, tuple(results))
