"""The README stays true: two quick-start commands, the same test command as CI, linked docs."""
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from vaultkit.cli import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert re.search(r"vaultkit report --vault sample-vault --today \d{4}-\d{2}-\d{2}$", commands[0])
    assert "pytest" in commands[1] and "[test]" in commands[1]


def test_ci_runs_the_readmes_test_command():
    assert quick_start_commands()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_shows_what_report_really_prints(sample_copy):
    today = re.search(r"--today (\S+)", quick_start_commands()[0]).group(1)
    shown = README.split("The first runs the report", 1)[1].split("```\n", 2)[1].split("```", 1)[0]
    result = CliRunner().invoke(cli, ["report", "--vault", str(sample_copy), "--today", today])
    clone = "/home/sam/vaultkit/sample-vault"  # the README's clone; the dashboard's path is absolute
    assert result.stdout.replace(str(sample_copy.resolve()), clone) == shown


def test_readme_excerpt_is_from_the_committed_dashboard():
    excerpt = README.split("An excerpt of Follow-ups.md:", 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    dashboard = (ROOT / "sample-vault" / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    for line in excerpt.splitlines():
        assert line in dashboard.splitlines(), line


def test_docs_exist_and_are_linked():
    for doc in ("docs/notes.md", "docs/actions.md", "docs/outputs.md", "docs/performance.md", "docs/watch.md", "docs/cli.md"):
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


def test_shell_completion_works_as_documented(vault):
    import os
    import subprocess
    import sys
    script = subprocess.run([sys.executable, "-m", "vaultkit"], env={**os.environ, "_VAULTKIT_COMPLETE": "bash_source"},
                            capture_output=True, text=True)
    assert "_VAULTKIT_COMPLETE=bash_complete" in script.stdout
    vault.contact("Ana Díaz", "")
    vault.contact("Ben", "")
    env = {**os.environ, "_VAULTKIT_COMPLETE": "bash_complete", "COMP_WORDS": "vaultkit log An", "COMP_CWORD": "2",
           "VAULTKIT_VAULT": str(vault.root)}
    done = subprocess.run([sys.executable, "-m", "vaultkit"], env=env, capture_output=True, text=True)
    assert done.stdout.splitlines() == ["plain,Ana\\\\ Díaz"]  # escaped for bash's `read`, see cli/test_shell_names
    zsh = {**env, "_VAULTKIT_COMPLETE": "zsh_complete", "COMP_WORDS": "vaultkit log An", "COMP_CWORD": "2"}
    done = subprocess.run([sys.executable, "-m", "vaultkit"], env=zsh, capture_output=True, text=True)
    assert done.stdout.splitlines() == ["plain", "Ana Díaz", "_"]  # zsh's compadd quotes for itself


def test_the_readmes_shell_session_works_as_written(tmp_path, monkeypatch):
    """Every line of "Working from the shell", run in order, succeeds and leaves no problem behind."""
    import shlex

    block = README.split("## Working from the shell", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for line in block.splitlines():
        argv = shlex.split(line, comments=True)
        assert argv[0] == "vaultkit", line
        argv = [str(tmp_path / a[2:]) if a.startswith("~/") else a for a in argv[1:]]
        result = runner.invoke(cli, argv)
        assert result.exit_code == 0, (line, result.output)
        if argv[0] == "init":
            monkeypatch.chdir(argv[1])
    check = runner.invoke(cli, ["check"])
    assert check.exit_code == 0 and check.stdout == "", check.output


def test_the_readmes_library_example_prints_what_it_shows(tmp_path, monkeypatch, capsys):
    """README's "Using it as a library": each example runs as written, the first prints what it shows."""
    import shutil

    section = README.split("## Using it as a library", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"```python\n(.+?)```", section, re.S)
    shown = section.split("prints\n\n```\n", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "sample-vault", tmp_path / "sample-vault")
    monkeypatch.chdir(tmp_path)
    exec(compile(examples[0], "README.md", "exec"), {})
    assert capsys.readouterr().out == shown
    exec(compile(examples[1], "README.md", "exec"), {})
    assert "thank-you Ben Okafor" in capsys.readouterr().out
