"""Long names are shortened by bytes."""
import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.write import MAX_NAME_BYTES, safe_name

TODAY = "2026-11-20"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def drafts(vault) -> dict[str, str]:
    folder = vault.root / "vaultkit" / "Drafts"
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


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
