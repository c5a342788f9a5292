"""One short line per refresh: what changed for you, what was written, how long it took."""
from __future__ import annotations

from ..kinds.action import GROUPS, SECTIONS
from ..errors import ERROR
from ..links import note_stem
from ..render.text import plural
from ..output.write import KEPT, NOT_WRITTEN, WRITTEN
from .debounce import Batch
from .session import Refresh

# A line and the `HH:MM:SS ` before it fit a 100-column terminal; a problem line is as long as it is.
WIDTH = 100 - len("00:00:00 ")
QUIET, NORMAL, VERBOSE = -1, 0, 1  # as in cli.options (watch/ does not import the CLI)


def _names(paths: list[str], noun: str, full: bool | str = True) -> str:
    """Up to three paths (full="stem": just the file names, `Ben Okafor`), else a count."""
    if full and len(paths) <= 3:
        return ", ".join(note_stem(p) if full == "stem" else p for p in paths)
    return plural(len(paths), noun)


def _took(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def _counts(counts: dict, quiet: str = "gone quiet") -> str:
    told = [f"{counts['announce']} to tell"] if counts.get("announce") else []
    groups = ", ".join(told + [f"{counts[g]} {g}" for g in GROUPS])
    return f"{groups}; {counts['gone_quiet']} {quiet}"


def _moves(before: dict | None, after: dict, short: bool = False) -> list[str]:
    """`2 overdue -> 1 overdue` for each count that moved (short: `overdue 2 -> 1`)."""
    if before is None:
        return []
    moved = []
    for group in (*SECTIONS, "gone_quiet"):
        old, new = before.get(group, 0), after.get(group, 0)
        if old != new:
            label = {"announce": "to tell", "gone_quiet": "gone quiet"}.get(group, group)
            moved.append(f"{label} {old} -> {new}" if short else f"{old} {label} -> {new} {label}")
    return moved


def _fit(candidates: list[str]) -> str:
    """The first (most detailed) candidate that fits WIDTH, else the last."""
    return next((line for line in candidates if len(line) <= WIDTH), candidates[-1])


def _what_changed(refresh: Refresh, batch: Batch | None, full: bool | str) -> str:
    update = refresh.update
    parts = []
    if update.parsed:
        parts.append(f"{_names(update.parsed, 'note', full)} changed")
    if update.dropped:
        parts.append(f"{_names(update.dropped, 'note', full)} gone")
    if batch is not None and batch.config:
        parts.append("vaultkit.toml changed")
    if batch is not None and batch.templates:
        parts.append("a template changed")
    if batch is not None and batch.outputs:
        parts.append("an output file was deleted")
    if refresh.drafts:  # not every draft the batch names: vaultkit's own writes are there too
        parts.append(f"{_names(refresh.drafts, 'draft', full)} edited")
    return "; ".join(parts) or "checked"


def _what_was_read(refresh: Refresh) -> str:
    update = refresh.update
    total = refresh.vault.note_count if refresh.vault is not None else len(update.parsed)
    parsed = len(update.parsed)
    return (f"read {plural(total, 'note')}" if parsed >= total else
            f"{plural(total, 'note')}, all from the cache" if parsed == 0 else
            f"{plural(total, 'note')}, {parsed} read and the rest from the cache")


def describe(refresh: Refresh, batch: Batch | None, first: bool = False, before: dict | None = None,
             verbosity: int = NORMAL) -> list[str]:
    """The lines for one refresh. `before`: the counts per group after the previous refresh, so
    the line can say what moved. QUIET keeps only what is wrong: errors and files not written."""
    lines = []
    report = refresh.report
    took = f" ({_took(refresh.seconds)})"
    full = verbosity == VERBOSE
    if report is None:
        what = _what_was_read(refresh) if first else _what_changed(refresh, batch, True)
        if verbosity != QUIET:
            lines.append(f"{what}: {refresh.note or 'nothing to do'}{took}")
    else:
        results = report.results
        written = [rel.split("/", 1)[-1] for rel, status in results if status == WRITTEN]
        kept = sum(status == KEPT for _, status in results)
        failed = sum(status == NOT_WRITTEN for _, status in results)
        extra = (f"; kept {plural(kept, 'draft')} you edited" if kept else "") + \
                (f"; {plural(failed, 'file')} not written (`vaultkit report` says why)" if failed else "")
        counts = report.counts
        if first:
            what = [_what_was_read(refresh)]
            moves = [[]]
        else:
            what = [_what_changed(refresh, batch, level) for level in (True, "stem", False)]
            moves = [_moves(before, counts), _moves(before, counts, short=True)]
        candidates = []  # most detailed first: note names, then long counts, then file names give way
        for said in what:
            for move in moves:
                for wrote_full in (True, False):
                    names = ", ".join(written) if full else _names(written, "file", wrote_full)
                    result = (f"wrote {names}" if written else "outputs already up to date") + extra
                    candidates.append(f"{said}: {'; '.join(filter(None, [', '.join(move), result]))}{took}")
        line = candidates[0] if full else _fit(candidates)
        if verbosity != QUIET or failed:
            lines.append(line)
        if first and verbosity != QUIET:
            day = report.today.isoformat()
            lines.append(_fit([f"  follow-ups for {day}: {_counts(counts, quiet)}" for quiet in ("gone quiet", "quiet")]))
    if full and not first:  # the first read says how many; naming 20,000 notes helps nobody
        lines += [f"  read {rel}" for rel in refresh.update.parsed]
    if first and refresh.vault is not None and refresh.vault.problems:
        errors = sum(p.severity == ERROR for p in refresh.vault.problems)
        if verbosity != QUIET or errors:
            lines.append(f"  notes have {plural(errors, 'error')} and "
                         f"{plural(len(refresh.vault.problems) - errors, 'warning')}; `vaultkit check` lists them")
    else:
        lines += [f"  {problem}" for problem in refresh.problems
                  if verbosity != QUIET or problem.severity == ERROR]
    return lines
