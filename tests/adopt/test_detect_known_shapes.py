"""`init --detect` on vaults vaultkit already reads: the sample (typed notes) and a vault of Markdown links."""
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.config import tomllib  # tomli on Python 3.10

from ..support.forms_vaults import folder_vault
from ..support.kept_vaults import hashes


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_samples_contacts_and_interviews_are_found_without_its_config(sample_copy):
    (sample_copy / "vaultkit.toml").unlink()
    before = hashes(sample_copy)
    result = run("init", str(sample_copy), "--detect")
    assert result.exit_code == 0, result.output
    assert "Contacts: 19 notes, by folder Contacts/, folder People/" in result.output
    assert "Interviews: 12 notes, by folder Interviews/ (confidence: high)" in result.output
    assert "No notes that look like people" not in result.output
    assert hashes(sample_copy) == before
    checked = run("check", "--vault", str(sample_copy))
    assert "(19 contacts, 12 interviews)" in checked.stderr


def test_conversations_that_link_people_with_markdown_links_are_found(tmp_path):
    root = folder_vault(tmp_path / "v")
    (root / "vaultkit.toml").unlink()
    result = run("init", str(root), "--detect")
    assert "evidence: meetings: 1 note, a date (date) + people linked (with): conversations" in result.output
    assert "listed by 3 dated notes" in result.output  # an interview's and a meeting's Markdown links
    config = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert config["types"] == {"contact": {"folders": ["people"]}, "interview": {"folders": ["interviews"]},
                               "interaction": {"folders": ["meetings"]}}
