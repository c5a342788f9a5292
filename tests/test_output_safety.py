"""What `report` refuses to write over, and how one output that fails leaves the others alone (issue 13)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

TODAY = "2026-11-20"


def report(root: Path, *more: str):
    return CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", TODAY, *more], catch_exceptions=False)


# ---- the folders in [folders] ------------------------------------------------------

@pytest.mark.parametrize("key, value, why", [
    ("output", "/tmp/x", "an absolute path"),
    ("output", "C:/x", "an absolute path"),
    ("output", "~/x", '"~"'),
    ("output", ".git", "hidden"),
    ("output", "notes/.vaultkit", "hidden"),
    ("output", ".", "top folder"),
    ("output", "./", "top folder"),
    ("output", "a\\u0000b", "control character"),
    ("output", "a\\nb", "control character"),
    ("templates", "/etc", "an absolute path"),
    ("templates", ".", "top folder"),
    ("contacts", "~/People", '"~"'),
    ("interviews", ".obsidian", "hidden"),
    ("daily", "D\\u0000", "control character"),
])
def test_hostile_folder_values_are_config_errors(vault, key, value, why):
    vault.config(f'# my settings\n[folders]\n{key} = "{value}"\n')
    result = report(vault.root)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: vaultkit.toml:3: folders.{key}: expected a folder inside the vault")
    assert why in result.stderr


@pytest.mark.parametrize("config", [
    '[folders]\noutput = "Contacts/vaultkit"\n',
    '[folders]\ncontacts = "People"\noutput = "People/out"\n',
])
def test_an_output_folder_inside_a_notes_folder_is_a_config_error(vault, config):
    vault.config(config)
    result = report(vault.root)
    assert result.exit_code == 2
    assert "overlaps folders.contacts" in result.stderr
