"""A report after an edit renders only the drafts and calendar the edit changes, and writes the same bytes
(report_files.Rendered: what the last report rendered, taken back from the memo)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.index.cache import cache_file

from ..conftest import tree_hashes
from .test_parse_cache import age_vault
from .test_nothing_changed import WARM

REPORT = ["report", "--today", "2026-11-20"]


def run(root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)


@pytest.fixture
def rendered(monkeypatch):
    """Which drafts' templates were rendered, and how many times the calendar was, since the last clear()."""
    import vaultkit.render.ics
    import vaultkit.templates.engine

    calls: list[str] = []
    real_render, real_calendar = vaultkit.templates.engine.Templates.render, vaultkit.render.ics.calendar_bytes

    def render(self, name, context):
        calls.append(f"{name} for {context['contact']['name']}")
        return real_render(self, name, context)

    def calendar(parts):
        calls.append("calendar")
        return real_calendar(parts)

    monkeypatch.setattr(vaultkit.templates.engine.Templates, "render", render)
    monkeypatch.setattr(vaultkit.render.ics, "calendar_bytes", calendar)
    return calls


def written_from_nothing(root, tmp_path) -> dict[str, str]:
    """The output folder a report without the cache writes for the same notes, into an empty folder."""
    copy = tmp_path / "from-nothing"
    shutil.copytree(root, copy)
    shutil.rmtree(copy / "vaultkit")
    assert run(copy, *REPORT, "--no-cache").exit_code == 0
    return tree_hashes(copy / "vaultkit")


def set_line(path, start: str, line: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line if old.startswith(start) else old for old in lines), encoding="utf-8")


def test_a_contact_edited_renders_only_the_drafts_it_changes(sample_copy, rendered, tmp_path):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    assert len([c for c in rendered if c != "calendar"]) == 12  # the first report renders every draft
    rendered.clear()
    set_line(sample_copy / "People" / "Nadia Haddad.md", "email:", "email: nadia@riverbend.example")
    result = run(sample_copy, *REPORT, "-v")
    assert rendered == ["check-in.md for Nadia Haddad"]  # the calendar names no email: as it was
    assert "written: vaultkit/Drafts/Check-in - Nadia Haddad.md" in result.stdout
    assert "nadia@riverbend.example" in (sample_copy / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    assert tree_hashes(sample_copy / "vaultkit") == written_from_nothing(sample_copy, tmp_path)


def test_the_calendar_is_rendered_again_when_its_events_change(sample_copy, rendered, tmp_path):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    rendered.clear()
    set_line(sample_copy / "Interviews" / "2026-11-21 Chloé Martin.md", "location:", "location: Room 4")
    run(sample_copy, *REPORT)
    assert "calendar" in rendered
    assert "LOCATION:Room 4" in (sample_copy / "vaultkit" / "Follow-ups.ics").read_text(encoding="utf-8")
    assert tree_hashes(sample_copy / "vaultkit") == written_from_nothing(sample_copy, tmp_path)


def test_a_draft_deleted_or_edited_since_is_written_again_or_kept(sample_copy, rendered):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    drafts = sample_copy / "vaultkit" / "Drafts"
    written = (drafts / "Referral - Lumen Labs - Priya Natarajan.md").read_bytes()
    (drafts / "Referral - Lumen Labs - Priya Natarajan.md").unlink()
    mine = drafts / "Check-in - Nadia Haddad.md"
    mine.write_text(mine.read_text(encoding="utf-8") + "P.S. Mine now.\n", encoding="utf-8")
    rendered.clear()
    result = run(sample_copy, *REPORT, "-v")
    assert rendered == []  # a draft's text is its template's and context's, whatever became of its file
    assert "written: vaultkit/Drafts/Referral - Lumen Labs - Priya Natarajan.md" in result.stdout
    assert "kept (you edited it): vaultkit/Drafts/Check-in - Nadia Haddad.md" in result.stdout
    assert (drafts / "Referral - Lumen Labs - Priya Natarajan.md").read_bytes() == written
    assert mine.read_text(encoding="utf-8").endswith("P.S. Mine now.\n")


def test_a_template_of_your_own_renders_every_draft_again(sample_copy, rendered, tmp_path):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    every_draft = set(rendered) - {"calendar"}
    rendered.clear()
    (sample_copy / "Templates" / "vaultkit").mkdir(parents=True)
    (sample_copy / "Templates" / "vaultkit" / "check-in.md").write_text("Subject: Hello\n\nHi {{ contact.first_name }}\n")
    run(sample_copy, *REPORT)
    assert set(rendered) >= every_draft  # and `check`'s trial of the new template, recorded for it
    assert (sample_copy / "vaultkit" / "Drafts" / "Check-in - Nadia Haddad.md").read_text().endswith("Hi Nadia\n")
    assert tree_hashes(sample_copy / "vaultkit") == written_from_nothing(sample_copy, tmp_path)


@pytest.mark.parametrize("record", ["another version", "doctored"])
def test_a_record_that_is_not_this_versions_reuses_nothing(sample_copy, rendered, monkeypatch, record):
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    if record == "another version":
        import vaultkit.memo

        monkeypatch.setattr(vaultkit.memo, "own_code", lambda: b"another vaultkit")
    else:
        db = sqlite3.connect(cache_file(sample_copy), isolation_level=None)
        db.execute("UPDATE records SET value = ? WHERE key = 'report'",
                   (b'{"reuse": {"code": [1], "keys": 7}, "tree": "x"}',))
        db.close()
    set_line(sample_copy / "People" / "Nadia Haddad.md", "email:", "email: nadia@riverbend.example")
    rendered.clear()
    assert run(sample_copy, *REPORT).exit_code == 0
    assert len([c for c in rendered if c != "calendar"]) == 12 and "calendar" in rendered


def test_a_report_after_a_contact_edit_that_changes_no_draft_loads_no_renderer_library(sample_copy):
    age_vault(sample_copy)
    argv = [sys.executable, "-c", WARM, "report", "--vault", str(sample_copy), "--today", "2026-11-20"]
    env = dict(os.environ)

    def renderers(result) -> list[str]:
        loaded = result.stderr.rsplit("loaded: ", 1)[1]
        return [name for name in ("icalendar", "jinja2") if f"'{name}" in loaded]

    assert renderers(subprocess.run(argv, env=env, capture_output=True, text=True, check=True)) == ["icalendar", "jinja2"]
    set_line(sample_copy / "Contacts" / "Tom Becker.md", "role:", "role: Senior Data Analyst")
    assert renderers(subprocess.run(argv, env=env, capture_output=True, text=True, check=True)) == []
