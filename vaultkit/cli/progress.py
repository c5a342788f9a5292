"""The progress bar of a slow read, and what -v says about the read."""
from __future__ import annotations

import sys
import time

import click

from ..render.text import plural

LISTED = 20  # notes named one by one under -v; past that, a count


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60}:{seconds % 60:02d}"


def took(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


class DelayedBar:
    """`Reading notes  1,234/20,000  6% [###     ]  ETA 12 s` on stderr, redrawn in place.

    Only on a terminal, only once a read has taken DELAY seconds, and erased
    when the read is done, so it never stays above the summary. It is the
    `progress` of `load_vault`: called with the number of notes to read, it
    returns the callback told of each batch read; `finished(update)` keeps
    what the read did, for -v.
    """

    DELAY = 0.5
    REDRAW = 0.1  # seconds between redraws: a terminal need not repaint for every note

    def __init__(self, label: str = "Reading notes", quiet: bool = False):
        self.label = label
        self.quiet = quiet
        self.shown = False
        self.started = time.monotonic()
        self.seconds = 0.0
        self.update = None  # the store's Update, once the read is done

    def __call__(self, total: int):
        if self.quiet or not sys.stderr.isatty():
            return None
        start = time.monotonic()
        done = 0
        drawn = 0.0

        def tick(count: int) -> None:
            nonlocal done, drawn
            done += count
            now = time.monotonic()
            if done >= total or now - start < self.DELAY or (self.shown and now - drawn < self.REDRAW):
                return  # at the end the bar is erased, not drawn full
            drawn = now
            self._draw(done, total, now - start)

        return tick

    def finished(self, update) -> None:
        self.update = update
        self.seconds = time.monotonic() - self.started

    def _draw(self, done: int, total: int, elapsed: float) -> None:
        left = elapsed / done * (total - done) if done else None
        text = f"{self.label}  {done:,}/{total:,}  {done * 100 // total:3d}%"
        eta = f"  ETA {_clock(left)}" if left is not None else ""
        import shutil  # here: 2.4 ms at every start (it loads zlib, bz2, lzma), for a bar only a slow read draws

        room = shutil.get_terminal_size((80, 24)).columns - 1 - len(text) - len(eta) - 3
        width = max(0, min(30, room))
        bar = f" [{'#' * (width * done // total):<{width}}]" if width >= 10 else ""
        sys.stderr.write(f"\r{text}{bar}{eta}\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")  # back to the start of the line, and erase it
            sys.stderr.flush()
            self.shown = False


def read_lines(update, note_count: int, no_cache: bool, seconds: float) -> list[str]:
    """What -v says about a read: how many notes came from their files, which, and why."""
    parsed = list(update.parsed) if update is not None else []
    touched = list(update.confirmed) if update is not None else []
    read = len(parsed) + len(touched)
    if no_cache:
        return [f"Read {plural(note_count, 'note')} in {took(seconds)}, each from its file (--no-cache)."]
    lines = [f"Read {plural(note_count, 'note')} in {took(seconds)}: {read} from {'its' if read == 1 else 'their'} "
             f"file{'' if read == 1 else 's'}, {note_count - read} from the cache."]
    named = [(rel, "new or changed") for rel in parsed]
    named += [(rel, "same bytes; its time stamp was no proof") for rel in touched]
    lines += [f"  read {rel} ({why})" for rel, why in sorted(named)[:LISTED]]
    if len(named) > LISTED:
        lines.append(f"  and {len(named) - LISTED} more")
    return lines


def echo_lines(lines: list[str], err: bool = True) -> None:
    for line in lines:
        click.echo(line, err=err)
