"""A user template that runs away is stopped, and long names are shortened by bytes."""
import datetime as dt

import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.templates import sandbox
from vaultkit.cli import cli
from vaultkit.templates.engine import TEMPLATES, builtin_source
from vaultkit.watch.debounce import Batch
from vaultkit.watch.session import Session
from vaultkit.output.write import MAX_NAME_BYTES, safe_name

TODAY = "2026-11-20"
THANKS = "Templates/vaultkit/thank-you.md"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_interview(vault, stem="i"):
    vault.contact("Ana", "")
    vault.interview(stem, "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a point\n")


def drafts(vault) -> dict[str, str]:
    folder = vault.root / "vaultkit" / "Drafts"
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


@pytest.fixture
def quick_limit(monkeypatch):
    """A short time limit, so the tests that wait for it stay fast."""
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.2)


@pytest.fixture
def slow_limit(monkeypatch):
    """A time limit out of the way, so a test of another limit is that limit's test, however busy the
    machine (a million loop turns take 1.5 s of processor time here, close to the 2 s limit)."""
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 60.0)


# ---- templates that run away ---------------------------------------------------------

RUNAWAY = [
    # nested loops that write nothing: 10^10 turns
    ("Hi\n{% set r = range(100000) %}\n{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}\n", 3,
     "template loops more than 1,000,000 times"),
    # nested range() calls, writing a little each turn
    ("Hi\n{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}\n", 2,
     "template loops more than 1,000,000 times"),
    ("Hi {{ 'x' * 200000000 }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("Hi\n{{ 'x'.ljust(10**9) }}\n", 2, "template makes a value of more than 1,000,000 characters"),
    ("{{ lipsum(10**9) }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("{{ 'x' | center(10**9) }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("{{ '%0999999999d' % 1 }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("{{ '{:>999999999}'.format(1) }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("{{ 7 ** 99999999 }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("{{ ('x' * 999999) | replace('x', 'yy') }}\n", 1, "template makes a value of more than 1,000,000 characters"),
    ("{% set ns = namespace(s='x') %}\n{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n", 2,
     "template makes a value of more than 1,000,000 characters"),
    # output of a million characters, a few at a time
    ("Hi\n{% for i in range(100000) %}\n{{ 'x' * 20 }}\n{% endfor %}\n", 3,
     "template writes more than 1,000,000 characters"),
    # inside a macro, text piles up unseen until the macro returns
    ("{% macro m() %}{% for i in range(100000) %}{{ ('x' * 999) ~ i }}{% endfor %}{% endmacro %}\n{{ m() }}\n", 1,
     "template makes more than 20,000,000 characters along the way"),
]


@pytest.mark.parametrize("template, line, message", RUNAWAY, ids=[str(i) for i in range(len(RUNAWAY))])
def test_a_runaway_template_is_stopped_and_the_builtin_one_used(vault, template, line, message, slow_limit):
    vault.write(THANKS, template)
    one_interview(vault)
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 0
    assert f"{THANKS}:{line}: error: {message}; using the built-in thank-you.md instead\n" in result.stderr
    (text,) = drafts(vault).values()
    assert "- a point" in text and len(text) < 2000


def test_a_template_that_recurses_without_end_is_stopped_after_the_time_limit(vault, quick_limit):
    vault.write(THANKS, "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}\n"
                        "Hi\n{{ f(60) }}\n")
    one_interview(vault)
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 0
    assert (f"{THANKS}:1: error: template took longer than 0.2 s; using the built-in thank-you.md instead\n"
            in result.stderr)
    assert "- a point" in "".join(drafts(vault).values())


def test_a_busy_machine_does_not_stop_a_template_that_is_fine(monkeypatch):
    """The time limit counts the processor time of the render, not the wall clock: on a machine
    busy with other work, seconds pass between two steps of a small template."""
    clock = iter(range(0, 10**9, 5))  # five seconds of wall clock between any two looks at it
    monkeypatch.setattr(sandbox.time, "monotonic", lambda: next(clock))
    environment = sandbox.LimitedSandbox()
    text = environment.render(environment.from_string("{% for i in range(300) %}{{ i ~ ',' }}{% endfor %}"), {})
    assert text.startswith("0,1,2,") and text.endswith("299,")


def test_check_reports_a_runaway_template_the_same_way(vault, quick_limit):
    vault.write(THANKS, "Hi\n{{ 'x' * 200000000 }}\n")
    vault.write("Templates/vaultkit/contact.md", "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                                                 "{% endmacro %}\n{{ f(60) }}\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "Templates/vaultkit/contact.md:1: error: template took longer than 0.2 s; using the built-in contact.md "
        "instead",
        f"{THANKS}:2: error: template makes a value of more than 1,000,000 characters; using the built-in "
        "thank-you.md instead",
    ]


def test_check_reports_a_misspelt_name_a_template_uses(vault):
    vault.write("Templates/vaultkit/announce-landing.md", "Hi {{ contact.first_name }}\n\n{{ landed.salary }}\n")
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 1
    assert "Templates/vaultkit/announce-landing.md:3: error: template error: 'dict object' has no attribute " \
           "'salary'" in result.stdout


def test_check_passes_copies_of_the_builtin_templates(vault):
    """The sample values `check` renders with hold every name the built-in templates use."""
    for name in TEMPLATES:
        vault.write(f"Templates/vaultkit/{name}", builtin_source(name))
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 0 and result.stdout == ""


def test_an_ordinary_user_template_still_renders_everything(vault):
    vault.write(THANKS, "{% for p in interview.takeaways %}{{ loop.index }}/{{ loop.length }} {{ p | upper }}"
                        "{% if loop.last %}.{% endif %}\n{% else %}none\n{% endfor %}"
                        "{{ 'ab' * 3 }} {{ 2 ** 10 }} {{ '%05d' % 42 }} {{ '{:>4}'.format(7) }} {{ 'x' ~ 1 }}\n")
    vault.contact("Ana", "")
    vault.interview("i", "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- one\n- two\n")
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 0 and "error" not in result.stderr
    assert run("check", "--vault", str(vault.root)).exit_code == 0
    assert drafts(vault)["Thank you - i.md"].endswith("---\n1/2 ONE2/2 TWO.ababab 1024 00042    7 x1\n")


def test_watch_comes_back_from_a_runaway_template(sample_copy, slow_limit):
    session = Session(sample_copy, warn=lambda message: None)
    assert session.start(dt.date(2026, 11, 20)).report is not None
    (sample_copy / THANKS).parent.mkdir(parents=True, exist_ok=True)
    (sample_copy / THANKS).write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                                      "{% endfor %}", encoding="utf-8")
    refresh = session.refresh(Batch(templates=True), dt.date(2026, 11, 20))
    assert refresh.report is not None
    assert any(p.path == THANKS and "loops more than" in p.message for p in refresh.problems)


# ---- names capped in bytes -----------------------------------------------------------

@pytest.mark.parametrize("text", ["面" * 200, "😀" * 100, "a" + "é" * 200, "👩‍👩‍👧" * 40])
def test_a_safe_name_fits_in_bytes(text):
    name = safe_name(text)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES and name.endswith(".md")
    assert text.startswith(name[:-3])
    assert not name[:-3].endswith("\u200d")


def test_drafts_for_names_too_long_in_bytes_are_all_written_and_distinct(vault):
    vault.contact("Ana", "")
    for stem, day in (("面" * 79, "2026-10-10"), ("面" * 78 + "木", "2026-10-11"), ("short", "2026-10-12")):
        vault.interview(stem, f"contact: '[[Ana]]'\ndate: {day}\n", f"## Takeaways\n- {stem[-1]}\n")
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    written = drafts(vault)
    assert len(written) == 3 and "Thank you - short.md" in written
    assert all(len(name.encode("utf-8")) <= MAX_NAME_BYTES for name in written)
    assert sorted("\n- 木\n" in text for text in written.values()) == [False, False, True]
    assert "0 files written" in run("report", "--vault", str(vault.root), "--today", TODAY).stdout


def test_new_contact_with_a_name_too_long_for_a_file_keeps_the_full_name(vault):
    name = "😀" * 70
    result = run("new", "contact", name, "--vault", str(vault.root))
    assert result.exit_code == 0, result.output
    (path,) = (vault.root / "Contacts").iterdir()
    assert len(path.name.encode("utf-8")) <= MAX_NAME_BYTES
    assert result.stdout == f"Created Contacts/{path.name}\n"
    assert [c.name for c in load_vault(vault.root).contacts.values()] == [name]
    again = run("new", "contact", name, "--vault", str(vault.root))
    assert again.exit_code == 1 and "already exists" in again.stderr
    other = run("new", "contact", "😀" * 69 + "😎", "--vault", str(vault.root))  # the same shortened file name
    assert other.exit_code == 0, other.output
    assert len(list((vault.root / "Contacts").iterdir())) == 2
    interview = run("new", "interview", name, "--date", "2026-12-01", "--vault", str(vault.root))
    assert interview.exit_code == 0, interview.output
    (note,) = load_vault(vault.root).interviews
    assert note.contact.path == f"Contacts/{path.name}"


def test_new_interview_creating_a_contact_with_a_long_name(vault):
    name = "面" * 100
    result = run("new", "interview", name, "--date", "2026-12-01", "--create-contact", "--vault", str(vault.root))
    assert result.exit_code == 0, result.output
    loaded = load_vault(vault.root)
    (contact,) = loaded.contacts.values()
    (interview,) = loaded.interviews
    assert contact.name == name and interview.contact.path == contact.path


def test_a_user_contact_template_without_name_falls_back_when_the_file_name_is_shortened(vault):
    vault.write("Templates/vaultkit/contact.md", "---\ntype: contact\n---\n# {{ name }}\n")
    name = "面" * 100
    result = run("new", "contact", name, "--vault", str(vault.root))
    assert result.exit_code == 0, result.output
    assert "Templates/vaultkit/contact.md:1: error: template does not write `name:`" in result.stderr
    assert [c.name for c in load_vault(vault.root).contacts.values()] == [name]
