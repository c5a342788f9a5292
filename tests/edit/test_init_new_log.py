"""init, new and log: the only commands that write notes, and they write only what they must."""
import datetime as dt
import os
from dataclasses import replace

import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.config import Config, Folders, Me, Rules, load_config
from vaultkit.edit.init import config_text
from vaultkit.edit.log import add_touch

from ..conftest import tree_hashes

ENTRY = "2026-11-22 #reply glad to help"
HEADINGS = ("Log", "Timeline")


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# ---- log: byte for byte ---------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    # LF, Log as the last section
    ("---\nname: Ana\n---\n# Ana\n\n## Log\n- 2026-11-01 #outreach hi\n",
     "---\nname: Ana\n---\n# Ana\n\n## Log\n- 2026-11-01 #outreach hi\n- 2026-11-22 #reply glad to help\n"),
    # CRLF: the new line ends with CRLF too
    ("---\r\nname: Ana\r\n---\r\n## Log\r\n- 2026-11-01 hi\r\n",
     "---\r\nname: Ana\r\n---\r\n## Log\r\n- 2026-11-01 hi\r\n- 2026-11-22 #reply glad to help\r\n"),
    # no final newline: still none after
    ("## Log\n- 2026-11-01 hi", "## Log\n- 2026-11-01 hi\n- 2026-11-22 #reply glad to help"),
    # Log in the middle, under ###, with nested items, blank lines and trailing spaces kept
    ("# Ana  \n\n### log\n- 2026-11-01 hi  \n  - a nested remark\n\n\n## Notes\ntext   \n",
     "# Ana  \n\n### log\n- 2026-11-01 hi  \n  - a nested remark\n- 2026-11-22 #reply glad to help\n\n\n## Notes\ntext   \n"),
    # the list's own marker and indentation; a numbered list goes on counting
    ("## Timeline\n* 2026-11-01 hi\n* 2026-11-02 again\n", "## Timeline\n* 2026-11-01 hi\n* 2026-11-02 again\n* 2026-11-22 #reply glad to help\n"),
    ("## Log\n1. 2026-11-01 hi\n2. 2026-11-02 again\n", "## Log\n1. 2026-11-01 hi\n2. 2026-11-02 again\n3. 2026-11-22 #reply glad to help\n"),
    # a Log with no items yet: right under its heading
    ("## Log\n\n## Notes\n", "## Log\n- 2026-11-22 #reply glad to help\n\n## Notes\n"),
    ("Setext log\n\n## Log\n", "Setext log\n\n## Log\n- 2026-11-22 #reply glad to help\n"),
    # a paragraph after the list stays after the new item
    ("## Log\n- 2026-11-01 hi\n\nSome words.\n", "## Log\n- 2026-11-01 hi\n- 2026-11-22 #reply glad to help\n\nSome words.\n"),
    # no Log at all: a new section at the end
    ("---\nname: Ana\n---\n# Ana\n", "---\nname: Ana\n---\n# Ana\n\n## Log\n- 2026-11-22 #reply glad to help\n"),
    ("# Ana\n\n", "# Ana\n\n## Log\n- 2026-11-22 #reply glad to help\n"),
    ("# Ana", "# Ana\n\n## Log\n- 2026-11-22 #reply glad to help"),
    ("# Ana\r\n", "# Ana\r\n\r\n## Log\r\n- 2026-11-22 #reply glad to help\r\n"),
    # a Log heading inside a code block is not a Log
    ("```\n## Log\n```\n", "```\n## Log\n```\n\n## Log\n- 2026-11-22 #reply glad to help\n"),
])
def test_log_inserts_exactly_one_line(before, after):
    assert add_touch("Contacts/Ana.md", before.encode(), ENTRY, HEADINGS).content == after.encode()


def test_log_keeps_the_bom():
    before = b"\xef\xbb\xbf---\nname: Ana\n---\n## Log\n- 2026-11-01 hi\n"
    result = add_touch("Contacts/Ana.md", before, ENTRY, HEADINGS)
    assert result.content == before + ENTRY.join([b"- ".decode(), "\n"]).encode()
    assert (result.line, result.text) == (6, "- " + ENTRY)


def test_the_inserted_bytes_are_all_that_changed():
    before = "---\r\nname: Ana  \r\nkey:   spaced\r\n---\r\n## Log\r\n- 2026-11-01 hi\r\n\r\n## Notes\r\nx".encode()
    after = add_touch("Contacts/Ana.md", before, ENTRY, HEADINGS).content
    added = f"- {ENTRY}\r\n".encode()
    at = after.index(added)
    assert after[:at] + after[at + len(added):] == before


# ---- the commands ---------------------------------------------------------------

def test_init_new_log_report_round_trip(tmp_path):
    root = tmp_path / "search"
    assert run("init", str(root)).exit_code == 0
    v = ("--vault", str(root))
    meet = dt.date.today() + dt.timedelta(days=30)
    assert run("new", "contact", "Ana Díaz", "--field", "UX research", "--company", "Northwind", *v).exit_code == 0
    assert run("new", "contact", "Ben Okafor", "--referred-by", "ana díaz", *v).exit_code == 0
    result = run("new", "interview", "ben okafor", "--date", meet.isoformat(), "--time", "15:00", "--mode", "video", *v)
    assert result.stdout == f"Created Interviews/{meet.isoformat()} Ben Okafor.md\n"
    result = run("log", "Ben Okafor", "#outreach asked for twenty minutes", "--date", (meet - dt.timedelta(days=9)).isoformat(), *v)
    assert result.stdout == f"Added to Contacts/Ben Okafor.md:19: - {(meet - dt.timedelta(days=9)).isoformat()} #outreach asked for twenty minutes\n"
    assert run("check", *v).exit_code == 0
    model = load_vault(root)
    ben = model.contacts["Contacts/Ben Okafor.md"]
    assert [r.path for r in ben.referred_by] == ["Contacts/Ana Díaz.md"]
    (interview,) = model.interviews
    assert interview.contact.path == "Contacts/Ben Okafor.md" and interview.status == "scheduled"
    assert interview.time == dt.time(15, 0) and interview.mode == "video" and not interview.has_questions
    import json
    day_before = (meet - dt.timedelta(days=1)).isoformat()
    data = json.loads(run("report", "--today", day_before, "--format", "json", *v).stdout)
    kinds = {(a["kind"], a["contact"], a["due"]) for a in data["actions"]}
    assert ("confirm", "Ben Okafor", day_before) in kinds  # the day before the new interview
    assert ("prepare", "Ben Okafor", (meet - dt.timedelta(days=2)).isoformat()) in kinds  # questions not written yet
    assert not any(a["kind"] == "nudge" for a in data["actions"])  # the interview answers the outreach


def test_init_twice_changes_nothing_and_never_overwrites(tmp_path):
    root = tmp_path / "v"
    run("init", str(root))
    (root / "Templates" / "vaultkit" / "thank-you.md").write_text("mine\n")
    before = tree_hashes(root)
    result = run("init", "--vault", str(root))
    assert result.stdout.endswith("is already set up: nothing changed.\n")
    assert tree_hashes(root) == before


def test_init_uses_the_folders_an_existing_config_names(tmp_path):
    (tmp_path / "vaultkit.toml").write_text('[folders]\ncontacts = "People"\ntemplates = "_t"\n')
    result = run("init", str(tmp_path))
    assert "  already there: vaultkit.toml" in result.stdout and "  created: People/" in result.stdout
    assert (tmp_path / "_t" / "interview.md").is_file() and not (tmp_path / "Contacts").exists()


def test_init_config_has_every_setting_at_its_default(tmp_path):
    text = config_text()
    for cls in (Me, Folders, Rules):
        for field in cls.__dataclass_fields__:
            assert f"\n{field} = " in text, field
    (tmp_path / "vaultkit.toml").write_text(text)
    loaded = load_config(tmp_path)
    assert replace(loaded, daily_format=None, me_line=1) == replace(Config(root=tmp_path), daily_format=None)
    assert loaded.daily_format.pattern == "YYYY-MM-DD" and loaded.warnings == ()


def test_init_dry_run_creates_nothing(tmp_path):
    result = run("init", str(tmp_path / "v"), "--dry-run")
    assert "  would create: vaultkit.toml" in result.stdout and not (tmp_path / "v").exists()


def test_new_contact_keeps_a_hostile_name_exact(vault):
    result = run("new", "contact", "Ana 'the PM' {1}, & co: - ok", "--company", "A: B", "--vault", str(vault.root))
    assert result.exit_code == 2 and "cannot be a note's name: : (no file name can hold it" in result.stderr
    result = run("new", "contact", "Ana 'the PM' {1}, & co - ok", "--company", "A: B", "--vault", str(vault.root))
    assert result.stdout == "Created Contacts/Ana 'the PM' {1}, & co - ok.md\n"
    model = load_vault(vault.root)
    assert model.problems == ()
    (contact,) = model.contacts.values()
    assert (contact.name, contact.company) == ("Ana 'the PM' {1}, & co - ok", "A: B")


@pytest.mark.parametrize("args, message", [
    (("new", "contact", "Ana"), "Error: a contact named 'Ana' already exists: Contacts/Ana.md"),
    (("new", "contact", "ani"), "Error: a contact named 'ani' already exists: Contacts/Ana.md"),  # an alias
    (("new", "contact", "a/b"), "Error: the name 'a/b' contains a slash, which would make a folder; leave it out"),
    (("new", "contact", "..x"), "Error: the name '..x' starts with a dot or contains '..'; leave those out"),
    (("new", "interview", "Zed", "--date", "2026-12-01"),
     "Error: no contact matches 'Zed' (by file name, name, alias, first or last name). "
     "Add --create-contact to create the contact too."),
    (("new", "interview", "Ana", "--date", "2026-13-01"),
     "Error: Invalid value for '--date': '2026-13-01' is not a date like 2026-11-20"),
    (("new", "interview", "Ana", "--date", "2026-12-01", "--time", "teatime"),
     "Error: Invalid value for '--time': 'teatime' is not a time like 14:30"),
    (("log", "Anna", "#reply hi"), "Error: no contact matches 'Anna' (by file name, name, alias, first or last "
     "name). Did you mean: Ana (Contacts/Ana.md)?"),
    (("log", "Bo", "#reply hi"),
     "Error: 'Bo' could mean 2 contacts: Bo (Contacts/Friends/Bo.md), Bo (Contacts/Work/Bo.md); type more of "
     "the name, or the note's path, e.g. 'Contacts/Friends/Bo'"),
    (("log", "Ana", "  "), "Error: the text of the touch is empty"),
    (("log", "Ana", "#reply", "--date", "yesterday"), "Error: Invalid value for '--date': 'yesterday' is not a date like 2026-11-20"),
])
def test_errors_are_clear_and_write_nothing(vault, args, message):
    vault.contact("Ana", "aliases: [Ani]\n")
    vault.contact("Bo", "", folder="Contacts/Work")
    vault.contact("Bo", "", folder="Contacts/Friends")
    before = tree_hashes(vault.root)
    result = CliRunner().invoke(cli, [*args, "--vault", str(vault.root)])
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert tree_hashes(vault.root) == before


def test_new_interview_can_create_its_contact(vault):
    result = run("new", "interview", "Zed Zhao", "--date", "2020-01-02", "--create-contact", "--vault", str(vault.root))
    assert result.stdout == "Created Contacts/Zed Zhao.md\nCreated Interviews/2020-01-02 Zed Zhao.md\n"
    (interview,) = load_vault(vault.root).interviews
    assert interview.contact.path == "Contacts/Zed Zhao.md" and interview.status == "done"


def test_new_refuses_to_overwrite_a_note(vault):
    vault.contact("Ana", "")
    vault.write("Interviews/2026-12-01 Ana.md", "mine\n")
    result = CliRunner().invoke(cli, ["new", "interview", "Ana", "--date", "2026-12-01", "--vault", str(vault.root)])
    assert result.exit_code == 1
    assert "Interviews/2026-12-01 Ana.md already exists; vaultkit never overwrites a note" in result.stderr
    assert (vault.root / "Interviews/2026-12-01 Ana.md").read_text() == "mine\n"


def test_a_user_note_template_is_used_and_a_broken_one_falls_back(vault):
    vault.write("Templates/vaultkit/contact.md", "---\ntype: contact\nname: {{ name | yaml }}\ntags: [mine]\n---\n")
    run("new", "contact", "Ana", "--vault", str(vault.root))
    assert (vault.root / "Contacts/Ana.md").read_text() == '---\ntype: contact\nname: "Ana"\ntags: [mine]\n---\n'
    vault.write("Templates/vaultkit/contact.md", "---\nname: {{ name }}: oops\n---\n")
    result = run("new", "contact", "Ben", "--vault", str(vault.root))
    assert "Templates/vaultkit/contact.md:1: error: template makes front-matter that is not valid YAML" in result.stderr
    assert load_vault(vault.root).contacts["Contacts/Ben.md"].name == "Ben"


def test_log_keeps_the_file_mode_and_edits_a_linked_note_in_place(vault):
    real = vault.write("Contacts/Ana.md", "## Log\n- 2026-11-01 hi\n")
    os.chmod(real, 0o600)
    os.symlink(real, vault.root / "Ana link.md")  # not read twice: the link's target is read anyway
    run("log", "Ana", "#reply hi", "--date", "2026-11-22", "--vault", str(vault.root))
    assert real.read_text() == "## Log\n- 2026-11-01 hi\n- 2026-11-22 #reply hi\n"
    assert real.stat().st_mode & 0o777 == 0o600 and (vault.root / "Ana link.md").is_symlink()


def test_log_dry_run_changes_nothing(vault):
    vault.contact("Ana", "", "## Log\n")
    before = tree_hashes(vault.root)
    result = run("log", "ana", "#reply hi", "--date", "2026-11-22", "--dry-run", "--vault", str(vault.root))
    assert result.stdout == "Would add to Contacts/Ana.md:4: - 2026-11-22 #reply hi\n"
    assert tree_hashes(vault.root) == before
