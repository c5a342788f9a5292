"""`vaultkit import linkedin|vcard`: the people a seeker already knows, as new contact notes, nothing else."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.importers.linkedin_vcard import clean_name, read_linkedin

from ..conftest import tree_hashes

# As LinkedIn's export writes it: a BOM, CRLF, lines of notes before the header, mostly empty emails.
CONNECTIONS = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/psettings"\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"  # line 4
    "Yuki,Nakamura,https://www.linkedin.com/in/yuki-nakamura,,Fabrikam,Staff Engineer,05 Nov 2023\r\n"  # 5
    'Lena,"Fischer, PhD",https://www.linkedin.com/in/lena,lena@uni.example,"Uni, Inc.",Lecturer,12 Jan 2024\r\n'  # 6
    "🚀 Rui,Costa (he/him) 🌱,https://www.linkedin.com/in/rui,,Contoso,\"Designer, Growth\",01 Feb 2022\r\n"  # 7
    ",,https://www.linkedin.com/in/private,,,,03 Mar 2021\r\n"  # 8: a blank name
    "Bram,Jansen,https://www.linkedin.com/in/bram,ANA@northwind.example,Northwind,Recruiter,04 Apr 2020\r\n"  # 9
    "priya,NATARAJÁN,https://www.linkedin.com/in/priya,,Tailspin,PM,05 May 2019\r\n"  # 10
    "Broken,Row,only three fields\r\n"  # 11
    "Yuki,Nakamura,https://www.linkedin.com/in/yuki-2,,Fabrikam,Staff Engineer,06 Jun 2018\r\n"  # 12: a duplicate
    "Omar,Ali,https://www.linkedin.com/in/omar,,Woodgrove,Analyst,07 Jul 2017\r\n"  # 13
)
EXISTING = {
    "Contacts/Ana Díaz.md": "---\ntype: contact\nname: Ana Díaz\nemail: ana@northwind.example\n---\n## Log\n",
    "Contacts/Priya Natarajan.md": "---\r\ntype: contact\r\naliases: [Priya]\r\n---\r\n## Log\r\n- 2026-10-01 #reply hi\r\n",
}
VCARD3 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Díaz;Ana;;;\r\nFN:ANA DIAZ\r\nEND:VCARD\r\n"  # in the vault, by name
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Sato;Kenji;;;\r\nFN:Kenji Sato\r\nORG:Fabrikam;Research\r\nTITLE:Director\r\n"
    "EMAIL;TYPE=INTERNET:kenji@home.example\r\nEMAIL;TYPE=INTERNET,PREF:kenji@fabrikam.example\r\n"
    "TEL;TYPE=CELL:+1 555 0103\r\nURL:https://www.linkedin.com/in/kenji\r\nNOTE:a long note folded\r\n  over a line\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN this line has no colon\r\nEND:VCARD\r\n"  # line 19: broken
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Mensah;Abena;;;\r\nFN:Abena Mensah\r\nEMAIL:abena@example.org\r\nEND:VCARD\r\n"
)
VCARD4 = (
    "BEGIN:VCARD\nVERSION:4.0\nN:Costa;Rui;;;\nEMAIL;PREF=1:rui@example.pt\n"  # no FN: the name from N
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+351-555-0104\nURL;TYPE=work:https://contoso.example\n'
    "URL:https://linkedin.com/in/rui\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nFN:Bram Jansen\nEMAIL:ana@NORTHWIND.example\nEND:VCARD\n"  # in the vault, by email
)


def run(vault, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(vault.root)])


@pytest.fixture
def seeded(vault, tmp_path):
    for rel, text in EXISTING.items():
        vault.write(rel, text)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    (downloads / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8", newline="")
    (downloads / "v3.vcf").write_text(VCARD3, encoding="utf-8", newline="")
    (downloads / "v4.vcf").write_text(VCARD4, encoding="utf-8", newline="")
    return vault, downloads


def contacts(vault):
    return {p: c for p, c in load_vault(vault.root, use_cache=False).contacts.items()}


def test_linkedin_makes_a_note_per_new_person_and_reports_every_other_row(seeded):
    vault, downloads = seeded
    before = tree_hashes(vault.root)
    result = run(vault, "import", "linkedin", str(downloads / "Connections.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f"{downloads / 'Connections.csv'}: 4 new, 2 already in the vault (1 by email, 1 by name), "
        "3 skipped (1 bad row, 1 duplicate in the file, 1 no name).")
    problems = [line.split(": ", 1)[0].rsplit(":", 1)[1] + ": " + line.split(": ", 2)[2]
                for line in result.stderr.splitlines()]
    assert problems == ["8: no name; skipped", "11: row has 3 fields, the header has 7; skipped",
                        "12: Yuki Nakamura: same name as line 5; skipped"]
    found = contacts(vault)
    made = {p: c for p, c in found.items() if f"Contacts/{p.split('/')[1]}" not in EXISTING}
    assert sorted(made) == ["Contacts/Lena Fischer.md", "Contacts/Omar Ali.md", "Contacts/Rui Costa.md",
                            "Contacts/Yuki Nakamura.md"]
    lena = found["Contacts/Lena Fischer.md"]
    assert (lena.name, lena.email, lena.company, lena.role, lena.linkedin, lena.met_via) == (
        "Lena Fischer", "lena@uni.example", "Uni, Inc.", "Lecturer", "https://www.linkedin.com/in/lena", "LinkedIn")
    assert found["Contacts/Rui Costa.md"].role == "Designer, Growth"
    text = (vault.root / "Contacts/Yuki Nakamura.md").read_text(encoding="utf-8")
    assert "\nconnected: 2023-11-05\n" in text and 'email: ""' in text
    assert load_vault(vault.root, use_cache=False).touches_of("Contacts/Yuki Nakamura.md") == ()  # not a touch
    after = tree_hashes(vault.root)
    assert {k: v for k, v in after.items() if k in before} == before  # every other byte as it was
    assert all(k.startswith("Contacts/") for k in set(after) - set(before))
    assert run(vault, "check").exit_code == 0

    again = run(vault, "import", "linkedin", str(downloads / "Connections.csv"))
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [
        f"{downloads / 'Connections.csv'}: 0 new, 6 already in the vault (5 by name, 1 by email), "
        "3 skipped (1 bad row, 1 duplicate in the file, 1 no name)."]
    assert tree_hashes(vault.root) == after


def test_dry_run_writes_nothing_and_lists_what_it_would_do(seeded):
    vault, downloads = seeded
    before = tree_hashes(vault.root)
    result = run(vault, "import", "linkedin", str(downloads / "Connections.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert tree_hashes(vault.root) == before
    lines = result.stdout.splitlines()
    assert "Would create Contacts/Omar Ali.md" in lines
    assert "Already in the vault: Bram Jansen (line 9) is Contacts/Ana Díaz.md, by email" in lines
    assert "Already in the vault: priya NATARAJÁN (line 10) is Contacts/Priya Natarajan.md, by name" in lines
    assert lines[-1].startswith("Dry run, nothing written. ") and ": 4 new, 2 already" in lines[-1]


def test_vcard_3_and_4(seeded):
    vault, downloads = seeded
    before = tree_hashes(vault.root)
    three = run(vault, "import", "vcard", str(downloads / "v3.vcf"))
    assert three.exit_code == 0, three.output
    assert three.stdout.splitlines()[-1].endswith(": 2 new, 1 already in the vault (1 by name), 1 skipped (1 bad card).")
    assert f"{downloads / 'v3.vcf'}:19: warning: card cannot be read" in three.stderr
    four = run(vault, "import", "vcard", str(downloads / "v4.vcf"), "--met-via", "old job")
    assert four.exit_code == 0, four.output
    assert four.stdout.splitlines()[-1].endswith(": 1 new, 1 already in the vault (1 by email), 0 skipped.")
    found = contacts(vault)
    kenji = found["Contacts/Kenji Sato.md"]
    assert (kenji.email, kenji.phone, kenji.company, kenji.role, kenji.linkedin, kenji.met_via) == (
        "kenji@fabrikam.example", "+1 555 0103", "Fabrikam", "Director", "https://www.linkedin.com/in/kenji",
        "address book")
    rui = found["Contacts/Rui Costa.md"]
    assert (rui.name, rui.email, rui.phone, rui.linkedin, rui.met_via) == (
        "Rui Costa", "rui@example.pt", "+351-555-0104", "https://linkedin.com/in/rui", "old job")
    after = tree_hashes(vault.root)
    assert {k: v for k, v in after.items() if k in before} == before
    assert run(vault, "check").exit_code == 0
    for name in ("v3.vcf", "v4.vcf"):
        again = run(vault, "import", "vcard", str(downloads / name))
        assert ": 0 new, " in again.stdout and again.exit_code == 0
    assert tree_hashes(vault.root) == after


def test_names_are_cleaned_for_a_note_and_a_greeting():
    assert clean_name("🚀 Ana Díaz, PhD, PMP") == "Ana Díaz"
    assert clean_name("Ben Okafor (he/him)") == "Ben Okafor"
    assert clean_name("👩🏽‍💻 Chloé  Martin ✨") == "Chloé Martin"
    assert clean_name("🌱") == ""


def test_a_name_no_file_can_hold_is_skipped_and_the_rest_go_in(vault, tmp_path):
    rows = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA/B,C,u,,,,\nOmar,Ali,u,,,,\n"
    (tmp_path / "c.csv").write_bytes(rows.encode() + b"Caf\xe9,Latin,u,,,,\n" + b"Z" * 300 + b",Long,u,,,,\n")
    result = run(vault, "import", "linkedin", str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.output
    assert ":2: warning: the name 'A/B C' contains a slash" in result.stderr
    assert ":4: warning: row is not UTF-8 text; skipped" in result.stderr
    made = sorted(p.name for p in (vault.root / "Contacts").iterdir())
    assert len(made) == 2 and "Omar Ali.md" in made  # the long name is written, its file name shortened
    assert max(len(name.encode()) for name in made) <= 255
    assert run(vault, "check").exit_code == 0


def test_a_file_that_is_not_an_export_is_an_error(vault, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    result = run(vault, "import", "linkedin", str(tmp_path / "notes.csv"))
    assert result.exit_code == 1 and "Error: " in result.stderr and "Connections.csv" in result.stderr
    result = run(vault, "import", "vcard", str(tmp_path / "notes.csv"))
    assert result.exit_code == 1 and "no vCard" in result.stderr
    result = run(vault, "import", "vcard", str(tmp_path / "missing.vcf"))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert not (vault.root / "Contacts").exists()


def test_a_vaults_own_template_is_used_and_a_key_it_lacks_is_named(vault, tmp_path):
    vault.write("Templates/vaultkit/contact.md", "---\ntype: contact\nname: {{ name | yaml }}\n"
                "company: {{ company | yaml }}\n---\n# {{ name }} ({{ today }})\n")
    (tmp_path / "c.csv").write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                    "Omar,Ali,u,,Woodgrove,,05 Nov 2023\nLena,Fischer,u,,,,\n")
    result = run(vault, "import", "linkedin", str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Warning: Templates/vaultkit/contact.md does not write email, role, linkedin") == 1
    assert (vault.root / "Contacts/Omar Ali.md").read_text().startswith(
        '---\ntype: contact\nname: "Omar Ali"\ncompany: "Woodgrove"\n---\n')


def test_three_thousand_rows(vault, tmp_path):
    header = "Notes:\n\"x\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "".join(f"Person{i},Surname{i % 97},https://www.linkedin.com/in/p{i},,Co {i % 13},Role,05 Nov 2023\n"
                   for i in range(3000))
    (tmp_path / "big.csv").write_text(header + rows)
    result = run(vault, "import", "linkedin", str(tmp_path / "big.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith(": 3000 new, 0 already in the vault, 0 skipped.")
    assert len(list((vault.root / "Contacts").iterdir())) == 3000


def test_linkedin_dates_read_in_english_whatever_the_locale():
    data = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "A,B,u,,,,05 Nov 2023\nC,D,u,,,,2024-01-31\n").encode()
    people, skipped, _ = read_linkedin(data, "c.csv")
    assert [p.connected for p in people] == [dt.date(2023, 11, 5), dt.date(2024, 1, 31)] and not skipped
