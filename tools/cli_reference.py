"""Print docs/cli.md: every command's and subcommand's `--help`, as the code has it.

    python tools/cli_reference.py > docs/cli.md

tests/cli/test_docs_match_code.py fails when docs/cli.md is not what this prints (with
VAULTKIT_UPDATE_GOLDEN=1 it rewrites the file, then fails so that a second run checks).
"""
from __future__ import annotations

import sys

import click
from click.testing import CliRunner

from vaultkit.cli import cli

WIDTH = 100


def help_text(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="vaultkit", terminal_width=WIDTH)
    assert result.exit_code == 0, result.output
    return result.stdout


def reference() -> str:
    parts = ["# Command reference\n",
             "Generated from each command's `--help` by `tools/cli_reference.py`; do not edit by hand.\n",
             "## vaultkit\n", "```\n" + help_text() + "```\n"]
    for name in sorted(cli.commands):
        parts += _command(cli.commands[name], [name])
    return "\n".join(parts)


def _command(command: click.Command, path: list[str]) -> list[str]:
    """A command's help, then each subcommand's (`vaultkit import mail`), in name order."""
    parts = [f"## vaultkit {' '.join(path)}\n", "```\n" + help_text(*path) + "```\n"]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            parts += _command(command.commands[name], [*path, name])
    return parts


if __name__ == "__main__":
    sys.stdout.write(reference())
