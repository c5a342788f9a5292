"""One short line per refresh: what changed, what was written, how long it took."""
from __future__ import annotations

from ..actions import GROUPS
from ..errors import ERROR
from ..render.text import plural
from ..write import KEPT, NOT_WRITTEN, WRITTEN
from .debounce import Batch
from .session import Refresh


def _names(paths: list[str], noun: str) -> str:
    if len(paths) <= 3:
        return ", ".join(paths)
    return plural(len(paths), noun)


def _took(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def describe(refresh: Refresh, batch: Batch | None, first: bool = False) -> list[str]:
    lines = []
    update = refresh.update
    if first:
        total = refresh.vault.note_count if refresh.vault is not None else len(update.parsed)
        parsed = len(update.parsed)
        what = (f"read {plural(total, 'note')}" if parsed >= total else
                f"{plural(total, 'note')}, all from the cache" if parsed == 0 else
                f"{plural(total, 'note')}, {parsed} read and the rest from the cache")
    else:
        parts = []
        if update.parsed:
            parts.append(f"{_names(update.parsed, 'note')} changed")
        if update.dropped:
            parts.append(f"{_names(update.dropped, 'note')} gone")
        if batch is not None and batch.config:
            parts.append("vaultkit.toml changed")
        if batch is not None and batch.templates:
            parts.append("a template changed")
        if batch is not None and batch.outputs:
            parts.append("an output file was deleted")
        what = "; ".join(parts) or "checked"
    if refresh.report is None:
        lines.append(f"{what}: {refresh.note or 'nothing to do'} ({_took(refresh.seconds)})")
    else:
        written = [rel.split("/", 1)[-1] for rel, status in refresh.report.results if status == WRITTEN]
        kept = sum(status == KEPT for _, status in refresh.report.results)
        result = f"wrote {_names(written, 'file')}" if written else "outputs already up to date"
        if kept:
            result += f"; kept {plural(kept, 'draft')} you edited"
        failed = sum(status == NOT_WRITTEN for _, status in refresh.report.results)
        if failed:
            result += f"; {plural(failed, 'file')} not written (`vaultkit report` says why)"
        if first:
            counts = refresh.report.plan.counts()
            groups = ", ".join(f"{counts[g]} {g}" for g in GROUPS)
            result = f"follow-ups for {refresh.report.plan.today.isoformat()}: {groups}; " \
                     f"{counts['gone_quiet']} gone quiet; {result}"
        lines.append(f"{what}: {result} ({_took(refresh.seconds)})")
    if first and refresh.vault is not None and refresh.vault.problems:
        errors = sum(p.severity == ERROR for p in refresh.vault.problems)
        lines.append(f"  notes have {plural(errors, 'error')} and "
                     f"{plural(len(refresh.vault.problems) - errors, 'warning')}; `vaultkit check` lists them")
    else:
        lines += [f"  {problem}" for problem in refresh.problems]
    return lines
