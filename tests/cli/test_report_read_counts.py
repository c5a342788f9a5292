"""`report` says how many notes of each kind it read, so a wrong mapping shows at once (issue 25)."""
from click.testing import CliRunner

from vaultkit.cli import cli

from ..support import kept_vaults as kept


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_report_names_what_it_read_before_and_after_the_mapping(tmp_path):
    root = kept.write_vault(tmp_path / "v", kept.RECORDS)
    unmapped = run("report", "--vault", str(root), "--today", kept.TODAY)
    assert unmapped.stdout.splitlines()[0] == "Read 0 contacts, 0 interviews."
    run("init", str(root), "--detect", "--name", "Sam Rivera")
    first = run("report", "--vault", str(root), "--today", kept.TODAY)
    line = "Read 3 contacts, 0 interviews, 3 conversation notes, 3 company notes, 3 opportunities."
    assert first.stdout.splitlines()[0] == line
    again = run("report", "--vault", str(root), "--today", kept.TODAY)  # repeated from the last run's record
    assert "0 files written" in again.stdout and again.stdout.splitlines()[0] == line


def test_quiet_and_json_print_no_counts_line(tmp_path):
    root = kept.write_vault(tmp_path / "v", kept.DAILY)
    assert run("report", "--vault", str(root), "--today", kept.TODAY, "-q").stdout == ""
    assert run("report", "--vault", str(root), "--today", kept.TODAY, "--format", "json").stdout.startswith("{")
