"""Names typed at the shell: every form that means one person, and errors that list who was meant."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import VaultBuilder, tree_hashes


@pytest.fixture
def people(vault: VaultBuilder) -> VaultBuilder:
    vault.contact("Ben Okafor", "email: ben@example.org\n")
    vault.contact("Ana Díaz", "aliases: [Ani]\n")
    vault.contact("Ana Lima", "")
    vault.write("People/Priya Rossi.md", "---\ntype: contact\n---\n")  # a contact outside Contacts/
    vault.contact("Omar", "name: Omar Haddad\n")
    return vault


def invoke(vault: VaultBuilder, *args: str):
    return CliRunner().invoke(cli, [*args, "--vault", str(vault.root)])


@pytest.mark.parametrize("typed, note", [
    ("[[Ben Okafor]]", "Contacts/Ben Okafor.md"),
    ("[[Ben Okafor|Ben]]", "Contacts/Ben Okafor.md"),
    ("[[Contacts/Old/Ben Okafor]]", "Contacts/Ben Okafor.md"),  # a stale folder
    ("Ben", "Contacts/Ben Okafor.md"),  # a unique first name
    ("okafor", "Contacts/Ben Okafor.md"),  # a unique last name, any case
    ("ana diaz", "Contacts/Ana Díaz.md"),  # without the accent
    ("ANA DÍAZ", "Contacts/Ana Díaz.md"),
    ("ani", "Contacts/Ana Díaz.md"),  # an alias
    ("priya", "People/Priya Rossi.md"),
    ("haddad", "Contacts/Omar.md"),  # the last word of the note's `name`
    ("Omar Haddad", "Contacts/Omar.md"),
])
def test_log_accepts_every_form_of_a_name(people, typed, note):
    result = invoke(people, "log", typed, "#reply hi", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Added to {note}:")
    assert "- 2026-11-20 #reply hi" in (people.root / note).read_text(encoding="utf-8")


@pytest.mark.parametrize("typed, message", [
    ("ana", "Error: 'ana' could mean 2 contacts: Ana Díaz (Contacts/Ana Díaz.md), Ana Lima (Contacts/Ana Lima.md); "
            "type more of the name, or the note's path, e.g. 'Contacts/Ana Díaz'"),
    ("Benn", "Error: no contact matches 'Benn' (by file name, name, alias, first or last name). "
             "Did you mean: Ben Okafor (Contacts/Ben Okafor.md)?"),
    ("ana dias", "Did you mean: Ana Díaz (Contacts/Ana Díaz.md)"),
    ("Zed Quux", "Error: no contact matches 'Zed Quux' (by file name, name, alias, first or last name).\n"),
])
def test_no_match_or_several_lists_the_likely_candidates(people, typed, message):
    before = tree_hashes(people.root)
    result = invoke(people, "log", typed, "#reply hi")
    assert result.exit_code == 1
    assert message in result.stderr
    assert tree_hashes(people.root) == before


def test_new_interview_links_the_person_a_first_name_means(people):
    result = invoke(people, "new", "interview", "ben", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    text = (people.root / "Interviews" / "2026-11-24 Ben Okafor.md").read_text(encoding="utf-8")
    assert 'contact: "[[Ben Okafor]]"' in text


def test_referred_by_resolves_or_is_written_with_a_warning(people):
    linked = invoke(people, "new", "contact", "Cy Ng", "--referred-by", "okafor")
    assert linked.exit_code == 0, linked.output
    assert 'referred_by: "[[Ben Okafor]]"' in (people.root / "Contacts" / "Cy Ng.md").read_text(encoding="utf-8")
    unknown = invoke(people, "new", "contact", "Di Wu", "--referred-by", "Benn")
    assert unknown.exit_code == 0, unknown.output
    assert "Warning: --referred-by 'Benn' matches no contact; written as given; did you mean Ben Okafor" \
        in unknown.stderr
    assert 'referred_by: "Benn"' in (people.root / "Contacts" / "Di Wu.md").read_text(encoding="utf-8")
    several = invoke(people, "new", "contact", "Ed Fox", "--referred-by", "ana")
    assert several.exit_code == 1 and "could mean 2 contacts" in several.stderr
    assert not (people.root / "Contacts" / "Ed Fox.md").exists()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_a_name_as_one_shell_word(people, tmp_path):
    """Source click's bash script in a real bash, complete `vaultkit log Ben`, and split the result as bash would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "vaultkit"
    launcher.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m vaultkit \"$@\"\n")
    launcher.chmod(0o755)
    script = """
eval "$(_VAULTKIT_COMPLETE=bash_source vaultkit)"
complete_word() {
  COMP_WORDS=(vaultkit "$1" "$2"); COMP_CWORD=2; COMPREPLY=()
  _vaultkit_completion vaultkit
  for word in "${COMPREPLY[@]}"; do
    eval "set -- $word"
    printf '%s|%s\\n' "$#" "$1"
  done
}
complete_word log Ben
complete_word log Pri
"""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VAULTKIT_VAULT": str(people.root),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    # one word each, exactly the note's name; Priya's note lives in People/, not Contacts/
    assert done.stdout.splitlines() == ["1|Ben Okafor", "1|Priya Rossi"], done.stdout + done.stderr


def test_a_contact_whose_front_matter_is_broken_is_named_with_its_error(people):
    people.write("Contacts/Chloé Martin.md", "---\ntype: contact\nfield: [unclosed\n---\n## Log\n")
    before = (people.root / "Contacts" / "Chloé Martin.md").read_bytes()
    result = invoke(people, "log", "chloe martin", "#reply hi")
    assert result.exit_code == 1
    assert ("Error: no contact matches 'chloe martin', but Contacts/Chloé Martin.md may be that contact: vaultkit "
            "cannot read it (Contacts/Chloé Martin.md:3: error: front-matter is not valid YAML") in result.output
    assert "Fix that note, then try again." in result.output
    by_first_name = invoke(people, "log", "chloé", "#reply hi")
    assert "but Contacts/Chloé Martin.md may be that contact" in by_first_name.output
    assert (people.root / "Contacts" / "Chloé Martin.md").read_bytes() == before
