"""The README stays true: two quick-start commands, the same test command as CI, linked docs."""
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from vaultkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "vaultkit check --vault sample-vault" in commands[0] or "vaultkit report" in commands[0]
    assert "pytest" in commands[1] and "[test]" in commands[1]


def test_ci_runs_the_readmes_test_command():
    assert quick_start_commands()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_docs_exist_and_are_linked():
    for doc in ("docs/notes.md", "docs/performance.md"):
        assert (ROOT / doc).is_file() and f"]({doc})" in README


def test_every_command_is_in_the_readme_and_has_an_example():
    for name, command in cli.commands.items():
        assert f"`vaultkit {name}" in README, name
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Example" in result.stdout, name


def test_pre_commit_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "vaultkit-check" and hook["entry"] == "vaultkit check"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "Contacts/Ana.md") and re.search(hook["files"], "vaultkit.toml")
