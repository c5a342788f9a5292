"""`vaultkit watch`: report once, then keep the outputs fresh until Ctrl-C."""
from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

import click

from ..index.discover import find_vault
from .options import (QUIET, DelayedBar, cache_option, date_value, vault_option, verbosity, verbosity_options,
                      warn)


def _stop_on_term(signum, frame) -> None:
    raise KeyboardInterrupt  # `kill` or a service manager stops a watch as Ctrl-C does


def _log(line: str) -> None:
    click.echo(f"{time.strftime('%H:%M:%S')} {line}")


@click.command()
@vault_option
@click.option("--today", metavar="YYYY-MM-DD", callback=date_value,
              help="Compute as if today were this date. Default: today's local date, which moves on at midnight.")
@click.option("--poll", is_flag=True,
              help="Poll the files every second instead of waiting for the system's events "
              "(for network drives, Docker mounts and other places where events do not arrive).")
@click.option("--debounce", metavar="MS", type=click.IntRange(10, 60_000), default=300, show_default=True,
              help="After changes to several files, wait until they have been quiet this long, so a "
              "`git checkout` gives one refresh (a save of one note waits only 50 ms). A steady stream "
              "of changes still refreshes every max(2 s, 10 x MS).")
@cache_option
@verbosity_options(verbose_help="Name every note read and every file written, on each refresh.")
def watch(vault_path: str | None, today: dt.date | None, poll: bool, debounce: int, no_cache: bool,
          quiet: bool, verbose: bool) -> None:
    """Report once, then rewrite the outputs whenever notes change, until Ctrl-C.

    Catches up first (a full report, reading only notes changed since the
    last run when the cache has them), then watches the vault. After a burst
    of changes it re-reads only the notes that changed and rewrites only the
    outputs whose content changed, one line per refresh that says what
    moved (`2 overdue -> 1 overdue; wrote Follow-ups.md`); -v names every
    note read and file written, -q prints only errors. Its own output
    folder, editor swap and backup files, .git and .obsidian are ignored. A
    broken note or template is reported and the watch goes on. If the vault's
    folder is deleted or moved away, it writes nothing there and waits for it
    to come back, then reads everything again.

    \b
    Examples:
      vaultkit watch
      vaultkit watch --vault ~/notes
      vaultkit watch --poll              # a vault on a network drive
      vaultkit watch --today 2026-11-20 --debounce 1000
    """
    from ..watch.daemon import Daemon  # here: watchdog is imported only by this command, not by help or a TAB
    from ..watch.session import Session

    root = find_vault(vault_path, os.environ, Path.cwd())
    session = Session(root, use_cache=not no_cache, warn=warn)
    level = verbosity(quiet, verbose)
    daemon = Daemon(session, _log, today=today, poll=poll, quiet=debounce / 1000, verbosity=level)
    if level != QUIET:
        _log(f"Watching {root}{' by polling' if poll else ''}. Press Ctrl-C to stop.")
    signal.signal(signal.SIGTERM, _stop_on_term)
    bar = DelayedBar(quiet=level == QUIET)
    try:
        try:
            daemon.start(progress=bar)
        finally:
            bar.close()
        while daemon.worker.is_alive():
            daemon.worker.join(0.5)
    except KeyboardInterrupt:  # Ctrl-C is how a watch ends: not an error, so status 0, not 130
        pass
    finally:
        daemon.stop()
    if level != QUIET:
        try:
            _log(f"Stopped after {daemon.refreshes} refresh{'es' if daemon.refreshes != 1 else ''}.")
        except OSError:  # the terminal closed (SIGHUP), taking this last line with it
            pass
