"""One refresh per burst of file events: a quiet window, with a cap on how long a burst may delay it.

Pure logic with an injected clock, so it is tested without threads or files.
The watchdog handler only calls `add`; the worker asks `ready` and `take`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

GONE_MAX_WAIT = 60.0  # seconds a stream of deletions may hold back a refresh


@dataclass
class Batch:
    """What changed since the last refresh."""

    paths: set[str] = field(default_factory=set)  # notes (vault-relative) to check
    folders: set[str] = field(default_factory=set)  # folders created, moved or deleted: rescan below them
    config: bool = False  # vaultkit.toml changed
    templates: bool = False  # a template changed: render again, no note to read
    outputs: bool = False  # a generated file or the output folder vanished: write again
    drafts: set[str] = field(default_factory=set)  # drafts saved (by you, or by vaultkit): their email links
    arrived: bool = False  # an event other than a deletion: False while only files are being removed
    events: int = 0

    def merge(self, other: Batch) -> None:
        self.paths |= other.paths
        self.folders |= other.folders
        self.config |= other.config
        self.templates |= other.templates
        self.outputs |= other.outputs
        self.drafts |= other.drafts
        self.arrived |= other.arrived
        self.events += other.events

    def __bool__(self) -> bool:
        return bool(self.drafts) or self.beyond_drafts()

    def beyond_drafts(self) -> bool:
        """Something besides drafts changed (a batch of drafts alone may be vaultkit's own writes)."""
        return bool(self.paths or self.folders or self.config or self.templates or self.outputs)


class Debouncer:
    """Collects batches; ready once `quiet` seconds pass without news, or `max_wait` after the first.

    A save of one note (an editor's write, or its temp file renamed over the
    note) needs no long window: a batch naming a single note is ready after
    `settle` seconds of quiet, so the outputs follow a save at once while a
    checkout of many files still waits for its burst to end.

    A burst of deletions only may be `rm -rf` of the whole vault: a refresh in
    its middle would write into the folder being removed (and make rm fail),
    so it waits for `gone_quiet` seconds of quiet, capped only by GONE_MAX_WAIT.
    """

    def __init__(self, quiet: float = 0.3, max_wait: float | None = None, settle: float = 0.05,
                 gone_quiet: float = 0.5):
        self.quiet = quiet
        self.settle = min(settle, quiet)
        self.max_wait = max_wait if max_wait is not None else max(2.0, 10 * quiet)
        self.gone_quiet = max(gone_quiet, quiet)
        self.pending = Batch()
        self.first_at: float | None = None
        self.last_at: float | None = None

    def add(self, batch: Batch, now: float) -> None:
        if not batch:
            return  # an ignored event neither starts nor prolongs a burst
        self.pending.merge(batch)
        if self.first_at is None:
            self.first_at = now
        self.last_at = now

    def wait_time(self, now: float) -> float | None:
        """Seconds until ready (0: ready now); None when nothing is pending."""
        if self.first_at is None:
            return None
        pending = self.pending
        if not pending.arrived:
            due = min(self.last_at + self.gone_quiet, self.first_at + max(self.max_wait, GONE_MAX_WAIT))
            return max(0.0, due - now)
        single = len(pending.paths) == 1 and not (pending.folders or pending.config or pending.templates)
        due = min(self.last_at + (self.settle if single else self.quiet), self.first_at + self.max_wait)
        return max(0.0, due - now)

    def ready(self, now: float) -> bool:
        wait = self.wait_time(now)
        return wait is not None and wait <= 0

    def take(self) -> Batch:
        batch, self.pending = self.pending, Batch()
        self.first_at = self.last_at = None
        return batch
