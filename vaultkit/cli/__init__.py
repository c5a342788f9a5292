"""The `vaultkit` command: a thin shell over the library."""
from __future__ import annotations

import importlib
import os
import signal
import sys

import click

from ..errors import Stopped, VaultkitError, stop_on_signal

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C


def _status(stop: KeyboardInterrupt) -> int:
    """128 + the signal, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + stop.signum if isinstance(stop, Stopped) else INTERRUPTED


def interrupted(stop: KeyboardInterrupt | None = None) -> click.exceptions.Exit:
    """Ctrl-C: no `Aborted!`; on a terminal, a newline so the prompt does not follow the `^C` echo
    (SIGTERM and SIGHUP echo nothing, so they print nothing)."""
    if not isinstance(stop, Stopped) and sys.stderr.isatty():
        click.echo(err=True)
    return click.exceptions.Exit(_status(stop) if stop is not None else INTERRUPTED)


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP end a command as Ctrl-C does: what it was writing is cleaned up. A signal
    the caller ignores (`nohup` ignores SIGHUP) stays ignored."""
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, stop_on_signal)


# Each command's module, imported only when that command runs (or help lists it): `report`
# need not load what `import` or `watch` need.
COMMANDS = {"report": "report:report", "watch": "watch:watch", "check": "check:check", "init": "init:init",
            "new": "new:new", "log": "log:log", "import": "import_contacts:import_group",
            "export": "export:export_group", "who": "who:who"}


class _Commands(dict):
    """`cli.commands`: a command's module is imported when that command is asked for; a walk
    over them all (help, the docs' checks) imports every one."""

    def _load(self, name: str) -> None:
        if name in COMMANDS and not dict.__contains__(self, name):
            module, attr = COMMANDS[name].split(":")
            self[name] = getattr(importlib.import_module(f".{module}", __package__), attr)

    def get(self, name, default=None):
        self._load(name)
        return dict.get(self, name, default)

    def __getitem__(self, name):
        self._load(name)
        return dict.__getitem__(self, name)

    def __contains__(self, name) -> bool:
        return name in COMMANDS or dict.__contains__(self, name)

    def _every(self):
        for name in COMMANDS:
            self._load(name)
        return self

    def __iter__(self):
        return dict.__iter__(self._every())

    def __len__(self) -> int:
        return dict.__len__(self._every())

    def keys(self):
        return dict.keys(self._every())

    def items(self):
        return dict.items(self._every())

    def values(self):
        return dict.values(self._every())


class VaultkitGroup(click.Group):
    """Turns library errors into `Error: ...` and the error's exit code: one error path."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self.commands)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *dict.keys(self.commands)})

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except VaultkitError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None
        except KeyboardInterrupt as stop:
            raise interrupted(stop) from None


@click.group(cls=VaultkitGroup, context_settings=CONTEXT_SETTINGS, invoke_without_command=True)
@click.version_option(package_name="vaultkit", message="vaultkit %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Read a job-search vault of Markdown notes and tell you what to do next.

    \b
    Examples:
      vaultkit init ~/notes                        set up a vault
      cd ~/notes
      vaultkit new contact "Ana Díaz" --company Globex --field "UX research"
      vaultkit new interview Ana --date 2026-11-24 --time 15:00
      vaultkit log Ana "#reply happy to meet"      add a touch to Ana's Log
      vaultkit report --vault ~/notes              write the dashboards and drafts
      vaultkit watch --vault ~/notes               keep them fresh as you edit
      vaultkit check --vault ~/notes               list broken notes (exit 1 on errors)
      vaultkit who Globex --vault ~/notes          who can get you into Globex

    Exit status: 0 done, 1 errors in the notes, an output or note not written
    (refused, or a disk error), 2 a usage or vaultkit.toml error, 70 a bug in
    vaultkit, 130 stopped by Ctrl-C (143 by SIGTERM, 129 by SIGHUP).
    """
    if ctx.invoked_subcommand is None:  # a bare `vaultkit` asks what there is: help, and success
        click.echo(ctx.get_help())




def main() -> None:
    """Console entry point: no traceback reaches the user unless VAULTKIT_DEBUG is set."""
    for stream in (sys.stdout, sys.stderr):  # a name the terminal's encoding lacks prints as \uXXXX
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    _stop_on_signals()
    try:
        cli.main(prog_name="vaultkit")
    except KeyboardInterrupt as stop:  # before or after click's own handling
        sys.exit(_status(stop))
    except BrokenPipeError:  # `vaultkit check | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # a bug: say so plainly
        if os.environ.get("VAULTKIT_DEBUG"):
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {exc}. "
                   "Run again with VAULTKIT_DEBUG=1 for details, and please report it.", err=True)
        sys.exit(70)
