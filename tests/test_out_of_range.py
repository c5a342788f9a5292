"""One value out of range, or one odd character, in one note: a problem at its line, never a crash.

Every vault here also holds Ana, met on 2026-10-20 and not yet thanked, so a report that
still works still owes her a thank-you.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.errors import Problem
from vaultkit.load import load_vault

TODAY = "2026-11-20"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def ana(vault):
    vault.contact("Ana", "type: contact\n", "## Log\n- 2026-10-01 #reply said hello\n")
    vault.interview("2026-10-20 Ana", 'type: interview\ncontact: "[[Ana]]"\ndate: 2026-10-20\nstatus: done\n')
    return vault


def report_json(root, today=TODAY) -> dict:
    result = run("report", "--vault", str(root), "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_ana_still_thanked(data: dict) -> None:
    assert any(a["kind"] == "thank-you" and a["contact"] == "Ana" for a in data["actions"])


def check_lines(root) -> list[str]:
    return run("check", "--vault", str(root)).stdout.splitlines()



# -- item 11: one problem, one line ----------------------------------------------------------

def test_a_newline_in_a_file_name_is_escaped_in_check_and_kept_in_json(ana):
    ana.write("Contacts/Bad\nname.md", "---\ntype: contact\nstatus: on hold\n---\n")
    lines = [ln for ln in check_lines(ana.root) if "on hold" in ln]
    assert len(lines) == 1 and lines[0].startswith("Contacts/Bad\\nname.md:3: error: unknown status")
    data = report_json(ana.root)
    assert "Contacts/Bad\nname.md" in [p["path"] for p in data["problems"]]


def test_control_characters_in_a_problem_are_escaped():
    problem = Problem("a\tb\rc\x1b\u2028\x85.md", 2, "error", "bad\nvalue \u2029 here")
    assert str(problem) == "a\\tb\\rc\\x1b\\u2028\\x85.md:2: error: bad\\nvalue \\u2029 here"
    assert problem.as_dict()["path"] == "a\tb\rc\x1b\u2028\x85.md"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("quoted", [True, False])
def test_a_line_separator_in_a_yaml_value_keeps_lines_and_value(ana, separator, quoted):
    value = f'"North{separator}wind"' if quoted else f"North{separator}wind"
    front = (f"type: contact\ncompany: {value}\nrole: a{separator}b\nfield: x\nemail: e{separator}\n"
             f"phone: p\nstatus: on hold\n")
    ana.contact("Sep", front)
    assert [ln for ln in check_lines(ana.root) if ln.startswith("Contacts/Sep.md")] == [
        "Contacts/Sep.md:8: error: unknown status 'on hold'; use one of active, paused, do-not-contact, "
        "archived (no actions for them until it is fixed)"]
    vault = load_vault(ana.root, use_cache=False)
    assert vault.contacts["Contacts/Sep.md"].company == f"North{separator}wind"
    assert vault.contacts["Contacts/Sep.md"].role == f"a{separator}b"
