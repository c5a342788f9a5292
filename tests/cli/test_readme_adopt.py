"""README's "Already have a vault?" shows what `init --detect` and the next report really print (issue 25)."""
from click.testing import CliRunner

from vaultkit.cli import cli

from .test_readme import README
from ..support import kept_vaults as kept

SECTION = README.split("## Already have a vault?", 1)[1].split("\n## ", 1)[0]


def shown_blocks() -> list[str]:
    """The fenced blocks with no language: what commands print (the ```sh ones are commands)."""
    blocks, current, fence = [], [], None
    for line in SECTION.splitlines(keepends=True):
        if line.startswith("```"):
            if fence is None:
                fence, current = line.strip(), []
            else:
                if fence == "```":
                    blocks.append("".join(current))
                fence = None
        elif fence is not None:
            current.append(line)
    return blocks


def test_the_readme_shows_what_detect_prints_on_the_records_template(tmp_path):
    root = kept.write_vault(tmp_path / "notes", kept.RECORDS)
    block = next(b for b in shown_blocks() if b.startswith("$ vaultkit init ~/notes --detect\n"))
    result = CliRunner().invoke(cli, ["init", str(root), "--detect"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "$ vaultkit init ~/notes --detect\n" + result.output.replace(str(root), "~/notes") == block


def test_the_readme_shows_what_the_next_report_reads(tmp_path):
    root = kept.write_vault(tmp_path / "notes", kept.RECORDS)
    CliRunner().invoke(cli, ["init", str(root), "--detect"], catch_exceptions=False)
    block = next(b for b in shown_blocks() if b.startswith("Read 3 contacts"))
    result = CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", kept.TODAY])
    assert result.stdout.splitlines()[0] + "\n" == block
