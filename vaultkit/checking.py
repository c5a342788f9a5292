"""`vaultkit.check`: every problem in a vault's notes and templates, as a value.

What `check` finds is defined here once (`findings`): the model's problems, the
rules', and the vault's own templates tried with sample values. The command
prints a CheckResult; a full `report` keeps one for it (`remember`), since it
has the model and plan at hand. A check whose run digest is the one recorded
(memo.py) repeats what was found, without building the model.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from .config import Config
from .errors import ERROR, Problem
from .load import Source, index_of, prepare_model, vault_of
from .memo import Memo

_PROBLEM_ORDER = attrgetter("path", "line", "severity", "message")  # Problem's own order, compared in C

if TYPE_CHECKING:
    from .model import Vault
    from .rules import Plan


@dataclass(frozen=True)
class CheckResult:
    """What `vaultkit check` prints: every problem, sorted by path and line, and what was checked."""

    config: Config
    problems: tuple[Problem, ...]
    notes: int
    contacts: int
    interviews: int

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    def as_dict(self) -> dict:
        """`check --format json`: {"notes", "errors", "warnings", "problems": [{"path", "line", "severity", "message"}]}."""
        return {"notes": self.notes, "errors": self.errors, "warnings": self.warnings,
                "problems": [p.as_dict() for p in self.problems]}


def findings(vault: Vault, the_plan: Plan) -> list[Problem]:
    """Every problem `check` reports: the notes', the rules' and the vault's own templates'."""
    from .templates.check import check_templates  # here: loads Jinja2 when the vault has templates of its own

    return sorted([*vault.problems, *the_plan.problems, *check_templates(vault.config)], key=_PROBLEM_ORDER)


def check(vault: Source, today: date | None = None, *, use_cache: bool = False,
          progress: Callable | None = None, warn: Callable[[str], None] | None = None) -> CheckResult:
    """Check the vault at `vault` (a path; or an open VaultIndex, or a loaded Vault) as of `today`
    (default: today's local date; it matters only for what depends on the day).

    `use_cache` reads notes through the parse cache and repeats the last check's findings when
    nothing they come from has changed since; `progress` and `warn` are load_vault's.
    """
    today = today or date.today()
    index = index_of(vault, use_cache, progress, warn, prepare_check)
    if index is None:  # a Vault already built: nothing to remember it by
        from . import rules  # here: as below, a check repeated loads no rules

        return _result(vault, rules.plan(vault, today), vault.note_count)
    memo = Memo(index, today)
    known = memo.recall("check")
    if known is not None:
        return CheckResult(index.config, tuple(Problem(*row) for row in known["problems"]), index.note_count,
                           known["contacts"], known["interviews"])
    from . import rules  # here, and called through its module: a check repeated builds no model and no plan

    model = vault_of(index)
    result = _result(model, rules.plan(model, today), index.note_count)
    _keep(memo, result)
    return result


def prepare_check(index) -> None:
    """A check begun early, when a note the model reads changed (open_index's `prepare`): the model's
    part (load.prepare_model), and the rules imported."""
    prepare_model(index)
    from . import rules  # noqa: F401  # here: as check


def remember(memo: Memo, vault: Vault, the_plan: Plan) -> None:
    """Keep what a check would find now, from a report's model and plan (the templates are tried here)."""
    if memo.index.cache is not None:
        _keep(memo, _result(vault, the_plan, vault.note_count))


def _result(vault: Vault, the_plan: Plan, notes: int) -> CheckResult:
    return CheckResult(vault.config, tuple(findings(vault, the_plan)), notes, len(vault.contacts),
                       len(vault.interviews))


def _keep(memo: Memo, result: CheckResult) -> None:
    memo.keep("check", {"contacts": result.contacts, "interviews": result.interviews,
                        "problems": [[p.path, p.line, p.severity, p.message] for p in result.problems]})

