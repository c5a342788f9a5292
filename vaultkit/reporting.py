"""`vaultkit.report`: the report of a vault for a day, written into its output folder, as a value.

A report works out what is due (rules), renders every output and writes those
whose bytes changed (output/files.py). Read through the parse cache, it keeps
what it found (memo.py): a later report whose run digest is the one recorded,
and whose output folder holds exactly the files recorded, repeats it without
building the model, rendering or writing; it is what a full run would find, as
every output would come out the same and be found unchanged (or kept, a draft
you edited). A report that must be made takes back from the record what it
would render the same (output/rendered.py). A full report also keeps what
`check` would find (checking.py).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .checking import remember as remember_check
from .config import Config
from .errors import ERROR, Problem
from .index.read import gc_paused
from .load import Source, index_of, prepare_model, vault_of
from .memo import Memo
from .output.rendered import Rendered

if TYPE_CHECKING:
    from .model import Vault
    from .rules import Plan

DASHBOARD = "Follow-ups.md"
# output/write.py's statuses, as a later run finds each file: one written is then unchanged
_LATER = {"written": "unchanged", "unchanged": "unchanged", "kept (you edited it)": "kept (you edited it)"}


@dataclass(frozen=True)
class ReportResult:
    """What `vaultkit report` prints and writes."""

    config: Config
    today: date
    dry_run: bool
    counts: dict[str, int]  # actions per section of the dashboard (announce, overdue, today, upcoming, later), gone_quiet
    results: tuple[tuple[str, str], ...]  # every output: (vault-relative path, written / unchanged / would write /
    #                                        kept (you edited it) / not written)
    problems: tuple[Problem, ...]  # found rendering (a broken template of yours) or writing (a file in the way)
    errors: int  # problems in the notes and in what the rules found (`check` lists them)
    warnings: int
    notes: int
    contacts: int
    read: dict[str, int] = field(default_factory=dict)  # notes of each kind read: contacts, interviews, ...
    plan: Plan | None = None  # the plan and the model: None when the report was repeated from the last run
    vault: Vault | None = None
    rendered: Rendered | None = field(default=None, repr=False, compare=False)  # kept for the next report

    @property
    def repeated(self) -> bool:
        """Whether nothing this report reads had changed since the last one, which it repeated."""
        return self.plan is None

    @property
    def not_written(self) -> int:
        return sum(status == "not written" for _, status in self.results)

    @property
    def dashboard(self) -> Path:
        return self.config.root / self.config.folders.output / DASHBOARD

    def facts(self) -> dict:
        """Every fact, as `report --format json` prints them (a report made with fresh=True has them)."""
        if self.plan is None or self.vault is None:
            raise ValueError("a report repeated from the last run has no plan: make it with fresh=True")
        from .render.json_report import report_object  # here: the rules and renderers, only for --format json

        return report_object(self.vault, self.plan, self.problems)


def report(vault: Source, today: date | None = None, *, dry_run: bool = False, fresh: bool = False,
           use_cache: bool = False, progress: Callable | None = None,
           warn: Callable[[str], None] | None = None) -> ReportResult:
    """Report on the vault at `vault` (a path; or an open VaultIndex, or a loaded Vault) as of
    `today` (default: today's local date): write the outputs (nothing with `dry_run`) and say
    what was due and what was written.

    `use_cache` reads notes through the parse cache and, unless `fresh`, repeats the last
    report when nothing it reads has changed (the result then has no plan: `repeated`).
    `progress` and `warn` are load_vault's.
    """
    today = today or date.today()
    index = index_of(vault, use_cache, progress, warn, prepare_report)
    if index is None:  # a Vault already built: nothing to remember it by
        return run_report(vault, today, dry_run)
    memo = Memo(index, today)
    known = None if fresh else _repeat(memo, dry_run)
    if known is not None:
        return known
    with gc_paused():  # the model and its outputs make no cycles worth collecting: 7% of a report after an edit
        model = vault_of(index)
        result = run_report(model, today, dry_run, Rendered.from_record(memo.last("report")))
    if not dry_run:
        _keep(memo, result)
    remember_check(memo, model, result.plan)
    return result


def prepare_report(index) -> None:
    """A report begun early, when a note the model reads changed (open_index's `prepare`): the model's
    part (load.prepare_model), and the rules and renderers imported."""
    prepare_model(index)
    from . import rules  # noqa: F401  # here: as run_report
    from .output import files  # noqa: F401  # here: as run_report


def run_report(vault: Vault, today: date, dry_run: bool = False, last: Rendered | None = None) -> ReportResult:
    """Plan, render and write: the report of `vault` as of `today`, made now (taking back what the
    `last` one rendered, where it would come out the same)."""
    from . import rules  # here: a report repeated loads neither the rules nor the renderers
    from .output import files as report_files

    the_plan = rules.plan(vault, today)
    results, problems, rendered = report_files.write_report(vault, the_plan, dry_run, last or Rendered())
    noted = [*vault.problems, *the_plan.problems]
    errors = sum(p.severity == ERROR for p in noted)
    return ReportResult(vault.config, today, dry_run, the_plan.counts(), tuple(results), tuple(sorted(problems)),
                        errors, len(noted) - errors, vault.note_count, len(vault.contacts), read_counts(vault),
                        the_plan, vault, rendered)


def read_counts(vault: Vault) -> dict[str, int]:
    """How many notes of each kind the report read, so a wrong mapping shows at once."""
    return {"contacts": len(vault.contacts), "interviews": len(vault.interviews),
            "conversations": vault.conversation_notes,
            "companies": sum(company.path is not None for company in vault.companies.values()),
            "opportunities": len(vault.opportunities)}


def _keep(memo: Memo, result: ReportResult) -> None:
    """Keep what this report found, if a later run may repeat it: every file written or found as it was."""
    if result.problems or any(status not in _LATER for _, status in result.results):
        return
    memo.keep("report", {"counts": result.counts, "results": [[rel, _LATER[status]] for rel, status in result.results],
                         "errors": result.errors, "warnings": result.warnings, "contacts": result.contacts,
                         "read": result.read,
                         "rendered": result.rendered.as_record() if result.rendered else {}},
              outputs=[rel for rel, _ in result.results])


def _repeat(memo: Memo, dry_run: bool) -> ReportResult | None:
    """The report the last one recorded, if nothing it reads has changed and its files are as it left them."""
    record = memo.recall("report")
    if record is None or "read" not in record:  # a record from before the counts were kept
        return None
    index = memo.index
    results = tuple((rel, status) for rel, status in record["results"])
    return ReportResult(index.config, memo.today, dry_run, record["counts"], results, (), record["errors"],
                        record["warnings"], index.note_count, record["contacts"], record["read"])
