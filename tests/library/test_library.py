"""`vaultkit.check` and `vaultkit.report`: what the commands print and write, as values.

The commands only format what these return; each call owns its reuse of the last run.
"""
from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

import vaultkit
from vaultkit.cli import cli

from ..conftest import tree_hashes
from ..reuse.test_parse_cache import age_vault, settle

TODAY = dt.date(2026, 11, 20)
PACKAGE = Path(vaultkit.__file__).parent


def run(root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(root), "--today", TODAY.isoformat()],
                              catch_exceptions=False)


def test_check_gives_what_the_command_prints(sample_copy):
    (sample_copy / "Contacts" / "Broken.md").write_text("---\nfield: [unclosed\n---\n")
    found = vaultkit.check(sample_copy, TODAY)
    printed = run(sample_copy, "check", "--format", "json")
    assert found.as_dict() == json.loads(printed.stdout)
    assert found.errors == 1 and str(found.problems[0]).startswith("Contacts/Broken.md:2: error: ")
    assert (found.notes, found.contacts, found.interviews) == (45, 19, 12)
    text = run(sample_copy, "check")
    assert text.stdout.splitlines() == [str(p) for p in found.problems]
    assert "Checked 45 notes (19 contacts, 12 interviews): 1 error, 0 warnings." in text.stderr


def test_report_gives_what_the_command_prints_and_writes(sample_copy, tmp_path):
    done = vaultkit.report(sample_copy, TODAY, dry_run=True)
    assert not done.repeated and done.dry_run and all(status == "unchanged" for _, status in done.results)
    assert done.facts() == json.loads(run(sample_copy, "report", "--format", "json").stdout)
    assert done.counts == done.plan.counts() == {"announce": 0, "overdue": 10, "today": 5, "upcoming": 4,
                                                 "later": 1, "gone_quiet": 1}
    assert (done.errors, done.warnings, done.notes, done.contacts) == (0, 0, 44, 19)
    assert done.dashboard == sample_copy / "vaultkit" / "Follow-ups.md"
    (sample_copy / "vaultkit" / "Progress.md").unlink()
    written = vaultkit.report(str(sample_copy), TODAY)
    assert dict(written.results)["vaultkit/Progress.md"] == "written"
    assert (sample_copy / "vaultkit" / "Progress.md").is_file()


def test_report_of_a_vault_already_loaded(sample_copy):
    vault = vaultkit.load_vault(sample_copy)
    done = vaultkit.report(vault, TODAY, dry_run=True)
    assert done.plan is not None and done.vault is vault
    assert done.results == vaultkit.report(sample_copy, TODAY, dry_run=True).results


def test_report_through_the_cache_repeats_the_last_one_when_nothing_changed(sample_copy):
    age_vault(sample_copy)
    settle(sample_copy)
    first = vaultkit.report(sample_copy, TODAY, use_cache=True)
    again = vaultkit.report(sample_copy, TODAY, use_cache=True)
    assert not first.repeated and again.repeated and again.plan is None
    assert (again.counts, again.results, again.errors, again.notes) == \
        (first.counts, first.results, first.errors, first.notes)
    fresh = vaultkit.report(sample_copy, TODAY, use_cache=True, fresh=True)
    assert not fresh.repeated and fresh.results == again.results
    found = vaultkit.check(sample_copy, TODAY, use_cache=True)  # kept for it by the report
    assert found == vaultkit.check(sample_copy, TODAY)
    before = tree_hashes(sample_copy / "vaultkit")
    contact = sample_copy / "Contacts" / "Dev Patel.md"
    contact.write_bytes(contact.read_bytes() + b"- 2026-11-19 #reply glad to talk\n")
    after = vaultkit.report(sample_copy, TODAY, use_cache=True)
    assert not after.repeated and tree_hashes(sample_copy / "vaultkit") != before


def _imports(path: Path) -> set[str]:
    """The vaultkit modules `path` imports (relative imports resolved), anywhere in it."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


SPEED = ("vaultkit.memo", "vaultkit.outcome", "vaultkit.reuse", "vaultkit.index.cache", "vaultkit.index.snapshot",
         "vaultkit.index.stats")


def test_no_speed_code_in_the_command_line_the_renderers_or_the_writer():
    """The commands parse options, call the library and format; rendering and writing know no cache."""
    modules = [*(PACKAGE / "cli").glob("*.py"), *(PACKAGE / "render").glob("*.py"), PACKAGE / "output" / "write.py"]
    for path in modules:
        assert not {name for name in _imports(path) if name.startswith(SPEED)}, path.relative_to(PACKAGE)
