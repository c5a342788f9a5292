"""Each note's facts kept between runs (model/known_facts.py): only a changed note is read again, a
change of settings reads them all again, and a doctored row is never run."""
from __future__ import annotations

import os
import pickle
import sqlite3

import pytest

from vaultkit import load_config, load_vault
from vaultkit.index.cache import cache_file
from vaultkit.index.vault_index import VaultIndex
from vaultkit.load import vault_of
from vaultkit.model import known_facts

from .test_parse_cache import age_vault, assert_same, run

INTERVIEW = "---\ncontact: \"[[Ana Diaz]]\"\ndate: 2026-11-10\n---\n## Takeaways\n- Ask about the policy team\n"


@pytest.fixture
def worked_out(monkeypatch) -> list[str]:
    """The paths whose facts are worked out from their note (not taken back), in order."""
    paths: list[str] = []
    real = known_facts.facts_of

    def counted(note, kind, config):
        paths.append(note.path)
        return real(note, kind, config)

    monkeypatch.setattr(known_facts, "facts_of", counted)
    return paths


def test_after_one_contact_is_edited_only_its_facts_are_worked_out_again(messy_vault, worked_out):
    root = messy_vault.root
    messy_vault.contact("Ana Diaz", "company: Globex\n", "## Log\n- 2026-11-01 #outreach asked for a chat\n")
    messy_vault.write("Interviews/2026-11-10 Ana.md", INTERVIEW)
    age_vault(root)
    assert_same(root)
    assert "Contacts/Ana Diaz.md" in worked_out and "Interviews/2026-11-10 Ana.md" in worked_out
    worked_out.clear()
    load_vault(root, use_cache=True)
    assert worked_out == []  # every note's facts taken back
    with open(root / "Contacts" / "Ana Diaz.md", "a", encoding="utf-8") as note:
        note.write("- 2026-11-19 #reply one more touch\n")
    vault = load_vault(root, use_cache=True)
    assert worked_out == ["Contacts/Ana Diaz.md"]
    assert [t.kind for t in vault.touches_of("Contacts/Ana Diaz.md")] == ["outreach", "reply"]
    assert vault.interview("Interviews/2026-11-10 Ana.md").company == "Globex"  # still its contact's
    assert_same(root)


def test_the_vaults_own_key_names_changed_in_the_config_are_read_again(vault):
    """[keys] is not part of what a parsed note holds, but it decides a note's facts."""
    vault.contact("Ana", "organisation_name: Globex\n")
    age_vault(vault.root)
    assert load_vault(vault.root, use_cache=True).contacts["Contacts/Ana.md"].company == ""
    vault.config('[me]\nname = "Sam Test"\n[keys]\ncompany = ["organisation_name"]\n')
    assert load_vault(vault.root, use_cache=True).contacts["Contacts/Ana.md"].company == "Globex"
    assert_same(vault.root)


def test_log_headings_changed_in_the_config_are_read_again(vault):
    vault.contact("Ana", "field: Policy\n", "## Journal\n- 2026-11-01 #outreach asked for a chat\n")
    age_vault(vault.root)
    assert load_vault(vault.root, use_cache=True).touches_of("Contacts/Ana.md") == ()
    vault.config('log_headings = ["Journal"]\n[me]\nname = "Sam Test"\n')
    assert len(load_vault(vault.root, use_cache=True).touches_of("Contacts/Ana.md")) == 1


def _rows(root) -> sqlite3.Connection:
    return sqlite3.connect(cache_file(root))


def test_a_doctored_facts_row_is_never_run_and_its_note_is_read_instead(sample_copy, tmp_path, worked_out):
    run(["report", "--vault", str(sample_copy), "--today", "2026-11-20"])
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    db = _rows(sample_copy)
    (doctored,) = db.execute("SELECT path FROM facts ORDER BY path LIMIT 1").fetchone()
    db.execute("UPDATE facts SET facts = ? WHERE path = ?", (pickle.dumps(Evil()), doctored))
    db.commit()
    db.close()
    worked_out.clear()
    result = run(["report", "--vault", str(sample_copy), "--today", "2026-11-21"])  # another day: the model is built
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert worked_out == [doctored]  # read from its note, and kept again
    assert_same(sample_copy)


def test_facts_kept_under_another_notes_path_are_not_taken(sample_copy, worked_out):
    run(["report", "--vault", str(sample_copy), "--today", "2026-11-20"])
    db = _rows(sample_copy)
    contacts = db.execute("SELECT path, digest, facts FROM facts WHERE path LIKE 'Contacts/%' ORDER BY path").fetchall()
    (first, _, blob), (second, digest, _) = contacts[:2]
    db.execute("UPDATE facts SET facts = ? WHERE path = ?", (blob, second))  # right bytes' hash, wrong facts
    db.commit()
    db.close()
    worked_out.clear()
    vault = load_vault(sample_copy, use_cache=True)
    assert worked_out == [second]
    assert vault.contacts[second].path == second and vault.contacts[first].path == first
    assert_same(sample_copy)


def test_an_index_kept_open_works_out_each_notes_facts_once(messy_vault, worked_out):
    """As `watch` keeps its index: facts in memory, without the cache."""
    root = messy_vault.root
    messy_vault.contact("Ana Diaz", "company: Globex\n", "## Log\n- 2026-11-01 #outreach asked for a chat\n")
    index = VaultIndex(load_config(root), use_cache=False)
    index.open()
    before = vault_of(index)
    assert "Contacts/Ana Diaz.md" in worked_out
    worked_out.clear()
    assert vault_of(index).touches == before.touches and worked_out == []
    messy_vault.contact("Ana Diaz", "company: Initech\n")
    index.check(["Contacts/Ana Diaz.md"])
    assert vault_of(index).contacts["Contacts/Ana Diaz.md"].company == "Initech"
    assert worked_out == ["Contacts/Ana Diaz.md"]


@pytest.fixture
def prepared(monkeypatch) -> list[str]:
    """Each time a report begins its model early (open_index's `prepare`), with a child stat-ing from
    the first note (FORK_MIN 1: on a machine that may fork)."""
    from vaultkit import reporting
    from vaultkit.index import stats

    monkeypatch.setattr(stats, "FORK_MIN", 1)
    calls: list[str] = []
    real = reporting.prepare_model

    def counted(index):
        calls.append("prepared")
        real(index)

    monkeypatch.setattr(reporting, "prepare_model", counted)
    return calls


def test_a_report_begins_the_model_early_only_when_a_note_it_reads_changed(sample_copy, prepared, worked_out):
    from vaultkit.index.stats import _may_fork

    if not _may_fork():
        pytest.skip("no second process to stat the notes here")
    report = ["report", "--vault", str(sample_copy), "--today", "2026-11-20"]
    age_vault(sample_copy)
    run(report)
    run(report)
    assert prepared == []  # nothing changed: the last report is repeated, no model built
    (sample_copy / "Notes").mkdir(exist_ok=True)
    (sample_copy / "Notes" / "Reading list.md").write_text("Books to read.\n", encoding="utf-8")
    run(report)
    assert prepared == []  # a note the model does not read
    contact = sorted((sample_copy / "Contacts").glob("*.md"))[0]
    contact.write_bytes(contact.read_bytes() + b"\n- 2026-11-19 #reply answered at last\n")
    worked_out.clear()
    result = run(report)
    assert prepared == ["prepared"] and result.exit_code == 0
    assert worked_out == [contact.relative_to(sample_copy).as_posix()]  # the rest taken back early, once
    assert "0 files would change" in run([*report, "--no-cache", "--dry-run"]).stdout


def test_facts_kept_as_another_kind_of_note_are_not_taken(sample_copy, worked_out):
    from dataclasses import replace

    run(["report", "--vault", str(sample_copy), "--today", "2026-11-20"])
    db = _rows(sample_copy)
    (rel, blob), = db.execute("SELECT path, facts FROM facts WHERE path LIKE 'Contacts/%' ORDER BY path LIMIT 1")
    as_daily = known_facts._encode(replace(known_facts._decode(blob), kind="daily", contact=None))
    db.execute("UPDATE facts SET facts = ? WHERE path = ?", (as_daily, rel))
    db.commit()
    db.close()
    worked_out.clear()
    vault = load_vault(sample_copy, use_cache=True)
    assert worked_out == [rel] and rel in vault.contacts
    assert_same(sample_copy)


def test_a_contact_edited_with_its_size_and_mtime_put_back_still_begins_the_model_early(sample_copy, prepared):
    from vaultkit.index.stats import _may_fork

    if not _may_fork():
        pytest.skip("no second process to stat the notes here")
    report = ["report", "--vault", str(sample_copy), "--today", "2026-11-20"]
    age_vault(sample_copy)
    run(report)
    contact = sorted((sample_copy / "Contacts").glob("*.md"))[0]
    before = contact.stat()
    data = contact.read_bytes()
    contact.write_bytes(data.replace(b"field:", b"fjeld:", 1))  # the same size
    os.utime(contact, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime: only the ctime tells
    run(report)
    assert prepared == ["prepared"]
