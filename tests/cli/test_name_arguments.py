"""NAME arguments: a link stands for the name everywhere, `new contact` takes only a name every
system can hold and Obsidian can link to, and tab completion offers what the commands accept."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli

from ..conftest import VaultBuilder, tree_hashes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def people(vault: VaultBuilder) -> VaultBuilder:
    vault.contact("Ben Okafor", "email: ben@example.org\n")
    vault.contact("Ana Díaz", "aliases: [Ani]\n")
    vault.contact("Chloé Martin", "")
    vault.contact("Omar", "name: Omar Haddad\naliases: [Tito]\n")
    vault.write("People/Priya Rossi.md", "---\ntype: contact\n---\n")
    return vault


def invoke(vault: VaultBuilder, *args: str):
    return CliRunner().invoke(cli, [*args, "--vault", str(vault.root)])


# ---- item 11: a link is the name it names ----------------------------------------------

@pytest.mark.parametrize("typed", ["[[Ana Díaz]]", "[[Contacts/Ana Díaz|nick]]", "[[Ana Díaz#Log]]", "[[ani]]"])
def test_new_contact_given_a_link_to_someone_in_the_vault_refuses_it_as_taken(people, typed):
    before = tree_hashes(people.root)
    result = invoke(people, "new", "contact", typed)
    assert result.exit_code == 1
    assert "Error: a contact named 'Ana Díaz' already exists: Contacts/Ana Díaz.md" in result.stderr \
        or "Error: a contact named 'ani' already exists: Contacts/Ana Díaz.md" in result.stderr
    assert tree_hashes(people.root) == before


@pytest.mark.parametrize("typed", ["[[Zed Zhao]]", "[[Contacts/Zed Zhao|Zed]]", "[[Zed Zhao#Log]]"])
def test_new_contact_given_a_link_to_nobody_creates_the_named_note(people, typed):
    result = invoke(people, "new", "contact", typed)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Created Contacts/Zed Zhao.md\n"
    assert load_vault(people.root).contacts["Contacts/Zed Zhao.md"].name == "Zed Zhao"


def test_new_contact_refuses_a_link_into_another_folder(people):
    result = invoke(people, "new", "contact", "[[Friends/Zed Zhao]]")
    assert result.exit_code == 2
    assert "new contact makes its note in Contacts/; give the name without a folder: 'Zed Zhao'" in result.stderr


@pytest.mark.parametrize("typed", ["[[Ben Okafor]]", "[[Contacts/Ben Okafor|nick]]", "[[Ben Okafor#Log]]"])
def test_every_name_argument_takes_a_link(people, typed):
    logged = invoke(people, "log", typed, "#reply hi", "--date", "2026-11-20")
    assert logged.exit_code == 0, logged.output
    assert logged.stdout.startswith("Added to Contacts/Ben Okafor.md:")
    met = invoke(people, "new", "interview", typed, "--date", "2026-11-24")
    assert met.exit_code == 0, met.output
    assert 'contact: "[[Ben Okafor]]"' in (people.root / "Interviews/2026-11-24 Ben Okafor.md").read_text("utf-8")
    (people.root / "Interviews/2026-11-24 Ben Okafor.md").unlink()
    referred = invoke(people, "new", "contact", "Cy Ng", "--referred-by", typed)
    assert referred.exit_code == 0, referred.output
    assert 'referred_by: "[[Ben Okafor]]"' in (people.root / "Contacts/Cy Ng.md").read_text("utf-8")
    (people.root / "Contacts/Cy Ng.md").unlink()


def test_new_interview_creating_its_contact_from_a_link_names_both_notes_by_the_name(people):
    result = invoke(people, "new", "interview", "[[Zed Zhao]]", "--date", "2020-01-02", "--create-contact")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Created Contacts/Zed Zhao.md\nCreated Interviews/2020-01-02 Zed Zhao.md\n"


# ---- item 15: a name every system can hold, and Obsidian can link to --------------------

@pytest.mark.parametrize("typed, why, instead", [
    ("#tag", "# (Obsidian reads it as a heading in a link)", "'tag'"),
    ("Eve [[x]]", "[ and ] (they make a link)", "'Eve x'"),
    ("Ana^2", "^ (Obsidian reads it as a block in a link)", "'Ana 2'"),
    ("Ana|Bo", "| (it ends a link's target)", "'Ana Bo'"),
    ('Ana: "the PM"', ': and " (no file name can hold them on Windows, and Obsidian refuses them)', "'Ana the PM'"),
    ("Who?", "? (no file name can hold it on Windows, and Obsidian refuses it)", "'Who'"),
    ("a*b <c>", "*, < and > (no file name can hold them on Windows, and Obsidian refuses them)", "'a b c'"),
    ("CON", "CON is a name Windows keeps for a device", "add a last name"),
    ("lpt1", "LPT1 is a name Windows keeps for a device", "add a last name"),
    ("Nul.txt", "NUL is a name Windows keeps for a device", "add a last name"),
    ("com9", "COM9 is a name Windows keeps for a device", "add a last name"),
    ("Martin Luther King Jr.", "it ends with a dot, which Windows drops from a file name",
     "'Martin Luther King Jr'"),
])
def test_new_contact_refuses_a_name_that_is_not_portable_and_says_what_to_write(people, typed, why, instead):
    before = tree_hashes(people.root)
    result = invoke(people, "new", "contact", typed)
    assert result.exit_code == 2, result.output
    assert f"Error: the name {typed!r} cannot be a note's name: {why}" in result.stderr
    assert instead in result.stderr
    assert tree_hashes(people.root) == before


@pytest.mark.parametrize("typed", ["Conrad", "Comet", "Ana Díaz-López", "O'Brien", "Dr. Ana Lee", "Anaïs 李"])
def test_portable_names_are_taken_as_they_are(vault, typed):
    result = invoke(vault, "new", "contact", typed)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Created Contacts/{typed}.md\n"


def test_an_import_keeps_a_name_no_file_can_hold_in_name_and_picks_a_portable_file(vault, tmp_path):
    rows = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "CON,,u1,,,,\nEve,#1,u2,,,,\nAna,x^y,u3,,,,\nJo,Jr.,u4,,,,\n")
    (tmp_path / "c.csv").write_text(rows, encoding="utf-8")
    result = invoke(vault, "import", "linkedin", str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in (vault.root / "Contacts").iterdir())
    assert made == ["Ana x-y.md", "CON_.md", "Eve -1.md", "Jo Jr.md"], made
    names = sorted(c.name for c in load_vault(vault.root).contacts.values())
    assert names == ["Ana x^y", "CON", "Eve #1", "Jo Jr."]
    assert invoke(vault, "check").exit_code == 0


# ---- the kind word without its # ---------------------------------------------------------

def test_a_kind_word_without_its_hash_gets_a_hint_and_the_line_still_goes_in(people):
    result = invoke(people, "log", "Ben", "reply hi", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert ("Warning: 'reply' is a kind of touch, but without # it counts as a plain touch; to count it as a "
            "reply, write \"#reply hi\"") in result.stderr
    assert "- 2026-11-20 reply hi\n" in (people.root / "Contacts/Ben Okafor.md").read_text("utf-8")
    plain = invoke(people, "log", "Ben", "replied to the invitation card", "--date", "2026-11-21")
    assert "Warning" in plain.stderr  # `replied` is a kind word too
    quiet = invoke(people, "log", "Ben", "#reply thanks, reply soon", "--date", "2026-11-22")
    assert "Warning" not in quiet.stderr


# ---- item 20: completion matches every form the resolver accepts, fast --------------------

def complete(vault: VaultBuilder, *words: str) -> list[str]:
    env = {"_VAULTKIT_COMPLETE": "zsh_complete", "COMP_WORDS": " ".join(["vaultkit", *words]),
           "COMP_CWORD": str(len(words)), "VAULTKIT_VAULT": str(vault.root)}
    result = CliRunner().invoke(cli, [], env=env, prog_name="vaultkit")
    lines = result.output.splitlines()
    return [lines[i + 1] for i in range(0, len(lines), 3) if lines[i] == "plain"]


@pytest.mark.parametrize("typed, offered", [
    ("chloe", ["Chloé Martin"]),  # unaccented
    ("CHLO", ["Chloé Martin"]),
    ("okaf", ["Ben Okafor"]),  # the start of the last name
    ("diaz", ["Ana Díaz"]),
    ("ani", ["Ana Díaz"]),  # an alias
    ("hadd", ["Omar"]),  # a word of the note's `name`
    ("tito", ["Omar"]),
    ("pri", ["Priya Rossi"]),  # outside the contacts folder
    ("ro", ["Priya Rossi"]),
    ("a", ["Ana Díaz"]),
    ("", ["Ana Díaz", "Ben Okafor", "Chloé Martin", "Omar", "Priya Rossi"]),
    ("zz", []),
])
def test_completion_offers_every_contact_the_typed_start_names(people, typed, offered):
    invoke(people, "check")  # the cache a keypress reads
    assert complete(people, "log", typed) == offered
    assert complete(people, "new", "contact", "X", "--referred-by", typed) == offered


def test_completion_offers_a_path_when_two_notes_share_a_file_name(vault):
    vault.contact("Bo", "", folder="Contacts/Work")
    vault.contact("Bo", "", folder="Contacts/Friends")
    invoke(vault, "check")
    assert complete(vault, "log", "bo") == ["Contacts/Friends/Bo", "Contacts/Work/Bo"]


def test_completion_takes_a_path_from_any_folder_on(vault):
    vault.contact("Chloé Varga", "", folder="Contacts/Events/2026")
    vault.contact("Chad Roe", "")
    invoke(vault, "check")
    assert complete(vault, "log", "2026/chl") == ["Chloé Varga"]
    assert complete(vault, "log", "contacts/events/") == ["Chloé Varga"]
    assert complete(vault, "log", "ch") == ["Chad Roe", "Chloé Varga"]


def test_completion_finds_a_contact_written_since_the_last_run(people):
    invoke(people, "check")
    people.contact("Zed Zhao", "")
    assert complete(people, "log", "zha") == ["Zed Zhao"]


def test_a_keypress_loads_neither_the_templates_nor_a_note_parser_run(people):
    """A TAB is a process that must answer at once: no Jinja2, no parse of a note (the cache has them)."""
    invoke(people, "check")
    probe = ("import sys, runpy; sys.argv = ['vaultkit']\n"
             "try:\n    runpy.run_module('vaultkit', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print('jinja2' in sys.modules, 'vaultkit.model.vault' in sys.modules, 'yaml' in sys.modules, "
             "file=sys.stderr)\n")
    env = {**os.environ, "_VAULTKIT_COMPLETE": "bash_complete", "COMP_WORDS": "vaultkit log okaf",
           "COMP_CWORD": "2", "VAULTKIT_VAULT": str(people.root),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout == "plain,Ben\\\\ Okafor\n", done.stdout + done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False False False", done.stderr


def test_a_keypress_reads_the_same_front_matter_the_parser_wrote(sample_copy):
    """The cache read without the note classes (cache_peek.cached_props_of_kind) gives each contact's
    front-matter as the parser left it."""
    from dataclasses import fields

    from vaultkit.config import load_config
    from vaultkit.index.cache_peek import cached_props_of_kind
    from vaultkit.index.note import Note, parse_note

    assert [f.name for f in fields(Note)][:2] == ["path", "props"]  # the order the read relies on
    CliRunner().invoke(cli, ["check", "--vault", str(sample_copy)])
    props = cached_props_of_kind(load_config(sample_copy), "contact")
    contacts = load_vault(sample_copy).contacts
    assert props and set(props) == set(contacts)
    for path, read in props.items():
        assert read == parse_note(path, (sample_copy / path).read_bytes()).props, path
