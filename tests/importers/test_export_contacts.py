"""`vaultkit export contacts`: every contact and what vaultkit knows of them, as CSV, JSON or vCard 4.0."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest
import vobject
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.importers.linkedin_vcard import read_vcards

from ..conftest import tree_hashes

TODAY = "2026-11-20"
# A vault as people keep one: a BOM and CRLF, a link as the company, a list of emails, aliases,
# an NFD file name, a note that cannot be read, values a spreadsheet would run as formulas.
PEOPLE = {
    "Contacts/Ana Díaz.md": "\ufeff---\r\nname: Ana Díaz\r\naliases: [Ana, Ani]\r\ncompany: \"[[Globex]]\"\r\n"
    "role: Head of UX\r\nfield: UX research\r\nemail:\r\n  - ana@globex.example\r\n  - ana.diaz@home.example\r\n"
    "phone: +49 30 1234567\r\nlinkedin: https://www.linkedin.com/in/ana-diaz\r\nlocation: Berlin\r\n"
    "met_via: alumni office\r\nreferred_by: \"[[Priya]]\"\r\nstay_in_touch: 6w\r\n---\r\n"
    "## Log\r\n- 2026-11-02 #outreach asked for 20 minutes\r\n- 2026-11-05 #reply happy to meet\r\n",
    "Interviews/2026-11-18 Ana.md": "---\ntype: interview\ncontact: \"[[Ana]]\"\ndate: 2026-11-18\n"
    "referrals: [\"[[Ben Okafor]]\"]\n---\n",
    "Contacts/Priya Natarajan.md": "---\ntype: contact\naliases: [Priya]\ncompany: Initech\n---\n"
    "## Log\n- 2026-10-01 #checkin coffee\n",
    "Contacts/Chloe\u0301 Martin.md": "---\nemail: chloe@example.org, chloe.m@example.org\n---\n"
    "## Log\n- 2026-11-10 #outreach hello\n",
    "Contacts/Ben Okafor.md": "---\nrole: Researcher\n---\n",
    "Contacts/Dev Patel.md": "---\ncompany: Riverbend\n---\n## Log\n- 2026-10-01 #outreach one\n- 2026-10-10 #outreach two\n",
    "Contacts/Eve Formula.md": "---\nrole: '=HYPERLINK(\"http://evil.example\",\"x\")'\ncompany: '+SUM(1,2)'\n"
    "phone: '-1 555'\nmet_via: '@me'\nstatus: paused\n---\n",
    "Contacts/Broken.md": "---\nname: [unclosed\n---\nbody\n",
    "Contacts/Fay Lee.md": "---\ncompany: Contoso\n---\n## Log\n- 2026-11-12 #reply yes\n",
    "Interviews/2026-11-25 Fay.md": "---\ntype: interview\ncontact: Fay Lee\ndate: 2026-11-25\ntime: 10:00\n---\n",
}
NAMES = ["Ana Díaz", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eve Formula", "Fay Lee", "Priya Natarajan"]
BROKEN = "Contacts/Broken.md:2: error: front-matter is not valid YAML"


@pytest.fixture
def people(vault):
    for rel, text in PEOPLE.items():
        vault.write(rel, text)
    return vault


def export(vault, *args, today=TODAY):
    return CliRunner().invoke(cli, ["export", "contacts", "--vault", str(vault.root), "--today", today, *args])


def as_json(vault) -> dict[str, dict]:
    result = export(vault, "--format", "json")
    assert result.exit_code == 0, result.output
    return {record["name"]: record for record in json.loads(result.stdout_bytes.decode("utf-8"))}


def test_json_holds_every_contact_with_the_same_keys_and_what_vaultkit_knows(people):
    result = export(people, "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout_bytes.decode("utf-8"))
    assert [r["name"] for r in records] == NAMES  # the broken note is left out; an NFD name reads as typed
    assert len({tuple(r) for r in records}) == 1  # every object has the same keys, in the same order
    assert BROKEN in result.stderr
    ana = records[0]
    assert ana == {
        "name": "Ana Díaz", "state": "met", "last_touch": "2026-11-18", "last_touch_kind": "meeting",
        "next_action": "record-notes", "next_action_due": "2026-11-18",
        "next_action_text": "Write down what you learned from Ana Díaz on Wed 18 Nov, while you remember it",
        "referred_by": ["Priya Natarajan"], "company": "Globex", "role": "Head of UX", "field": "UX research",
        "emails": ["ana@globex.example", "ana.diaz@home.example"], "phone": "+49 30 1234567",
        "linkedin": "https://www.linkedin.com/in/ana-diaz", "location": "Berlin", "met_via": "alumni office",
        "status": "active", "stay_in_touch": "6w", "snooze_until": None, "aliases": ["Ana", "Ani"], "tags": [],
        "note": "Contacts/Ana Díaz.md"}
    chloe = records[2]
    assert chloe["emails"] == ["chloe@example.org", "chloe.m@example.org"]
    assert (chloe["next_action"], chloe["next_action_due"]) == ("nudge", "2026-11-17")
    assert records[1]["referred_by"] == ["Ana Díaz"]  # suggested in an interview: a referral too


def test_state_says_where_you_stand_with_each_person(people):
    states = {name: record["state"] for name, record in as_json(people).items()}
    assert states == {"Ana Díaz": "met", "Ben Okafor": "not contacted", "Chloé Martin": "reached out",
                      "Dev Patel": "gone quiet", "Eve Formula": "paused", "Fay Lee": "meeting planned",
                      "Priya Natarajan": "in touch"}
    earlier = {name: r["state"] for name, r in as_json_on(people, "2026-11-11").items()}
    assert earlier["Ana Díaz"] == "meeting planned"  # --today fixes the day: the interview is still ahead


def as_json_on(vault, today: str) -> dict[str, dict]:
    result = export(vault, "--format", "json", today=today)
    return {record["name"]: record for record in json.loads(result.stdout_bytes)}


def test_csv_is_one_row_per_contact_for_a_spreadsheet(people):
    result = export(people)  # csv is the default
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbfname,state,last_touch,")  # a BOM: Excel reads the accents right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r["name"] for r in rows] == NAMES
    records = as_json(people)
    for row in rows:  # every field of the JSON, lists joined
        record = records[row["name"]]
        assert list(row) == list(record)
        for key, value in record.items():
            expected = "; ".join(value) if isinstance(value, list) else value or ""
            assert row[key] in (expected, "'" + expected), key
    assert rows[0]["emails"] == "ana@globex.example; ana.diaz@home.example"
    assert BROKEN in result.stderr


def test_a_csv_cell_a_spreadsheet_would_run_starts_with_a_quote(people):
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(export(people).stdout_bytes.decode("utf-8-sig")))}
    eve = rows["Eve Formula"]
    assert (eve["role"], eve["company"], eve["phone"], eve["met_via"]) == (
        "'=HYPERLINK(\"http://evil.example\",\"x\")", "'+SUM(1,2)", "'-1 555", "'@me")
    assert rows["Ana Díaz"]["phone"] == "'+49 30 1234567"
    eve_json = as_json(people)["Eve Formula"]  # JSON carries the values as written
    assert (eve_json["role"], eve_json["phone"]) == ("=HYPERLINK(\"http://evil.example\",\"x\")", "-1 555")


def cards(data: bytes) -> list:
    return list(vobject.readComponents(data.decode("utf-8")))


def test_vcard_4_that_vobject_reads_back(people):
    result = export(people, "--format", "vcf")
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded by octets, never inside a character
    found = {c.fn.value: c for c in cards(data)}
    assert list(found) == NAMES
    ana = found["Ana Díaz"]
    assert [(e.value, e.params.get("PREF")) for e in ana.email_list] == [
        ("ana@globex.example", ["1"]), ("ana.diaz@home.example", None)]
    assert (ana.n.value.family, ana.n.value.given) == ("Díaz", "Ana")
    assert [n.value for n in ana.nickname_list] == ["Ana", "Ani"]
    assert (ana.tel.value, ana.org.value, ana.title.value, ana.url.value) == (
        "+49 30 1234567", ["Globex"], "Head of UX", "https://www.linkedin.com/in/ana-diaz")
    assert ana.x_vaultkit_state.value == "met"
    assert ana.note.value.splitlines()[:3] == [
        "State: met", "Last touch: 2026-11-18 (meeting)",
        "Next: record-notes, due 2026-11-18: Write down what you learned from Ana Díaz on Wed 18 Nov, "
        "while you remember it"]
    priya = found["Priya Natarajan"]
    assert ana.related.value == priya.uid.value  # her referrer's card
    uids = {c.uid.value for c in found.values()}
    assert len(uids) == len(NAMES) and all(u.startswith("urn:uuid:") for u in uids)
    again = export(people, "--format", "vcf", today="2026-12-24")
    assert {c.uid.value for c in cards(again.stdout_bytes)} == uids  # stable: an address book updates its cards


def test_vcard_export_then_import_into_an_empty_vault_gives_the_same_people(people, tmp_path):
    exported = tmp_path / "contacts.vcf"
    result = export(people, "-o", str(exported))  # the format from the name
    assert result.exit_code == 0, result.output
    assert exported.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    found, problems, _ = read_vcards(exported.read_bytes(), "contacts.vcf")  # vaultkit's own reader
    assert problems == [] and [p.name for p in found] == NAMES
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "vaultkit.toml").write_text('[me]\nname = "Sam Test"\n')
    imported = CliRunner().invoke(cli, ["import", "vcard", str(exported), "--vault", str(empty)])
    assert imported.exit_code == 0, imported.output

    def details(root):
        return sorted((c.name, c.emails, c.phone, c.company, c.role, c.linkedin)
                      for c in load_vault(root, use_cache=False).contacts.values())

    assert details(empty) == details(people.root)


def test_output_file_is_written_and_an_earlier_export_replaced(people, tmp_path):
    before = tree_hashes(people.root)
    target = tmp_path / "contacts.csv"
    target.write_bytes(b"")  # an empty file, as `touch` leaves it, is there to be filled
    first = export(people, "-o", str(target))
    assert first.exit_code == 0, first.output
    assert first.stdout == "" and f"Exported 7 contacts (CSV) to {target}." in first.stderr
    assert target.read_bytes() == export(people).stdout_bytes
    same = export(people, "-o", str(target))
    assert same.exit_code == 0 and "left as it is" in same.stderr
    as_json_now = export(people, "-o", str(target), "--format", "json")  # an earlier export, any format
    assert as_json_now.exit_code == 0, as_json_now.output
    assert json.loads(target.read_bytes())[0]["name"] == "Ana Díaz"
    assert export(people, "-o", str(target), "--format", "vcf").exit_code == 0
    assert export(people, "-o", str(target)).exit_code == 0
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert tree_hashes(people.root) == before  # the vault is only read


REFUSALS = {"a note": "a .md file is a note", "a new note": "a .md file is a note",
            "a spreadsheet of your own": "it holds something vaultkit did not export", "a folder": "it is a folder",
            "a symlink": "it is a symbolic link", "no folder": "there is no folder"}


@pytest.mark.parametrize("what", list(REFUSALS))
def test_output_refuses_what_is_not_an_earlier_export(people, tmp_path, what):
    target = tmp_path / "out.csv"
    if what == "a note":
        target = people.root / "Contacts" / "Ana Díaz.md"
    elif what == "a new note":
        target = people.root / "Contacts" / "Everyone.md"  # the vault would read it as a contact
    elif what == "a spreadsheet of your own":
        target.write_text("budget,amount\nrent,900\n")
    elif what == "a folder":
        target.mkdir()
    elif what == "a symlink":
        (tmp_path / "real.csv").write_bytes(export(people).stdout_bytes)
        target.symlink_to(tmp_path / "real.csv")
    else:
        target = tmp_path / "missing" / "out.csv"
    before = tree_hashes(tmp_path)
    result = export(people, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(f"Error: cannot write {target}: {REFUSALS[what]}")
    assert tree_hashes(tmp_path) == before


def test_a_write_error_is_one_line_and_exit_1(people, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("vaultkit.output.write.write_atomic", refuse)
    target = tmp_path / "contacts.vcf"
    result = export(people, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"Error: cannot write {target}: No space left on device"
    assert not target.exists()


def test_an_empty_vault_exports_nothing_but_the_header(vault):
    assert export(vault).stdout_bytes == b"\xef\xbb\xbf" + ",".join([
        "name", "state", "last_touch", "last_touch_kind", "next_action", "next_action_due", "next_action_text",
        "referred_by", "company", "role", "field", "emails", "phone", "linkedin", "location", "met_via", "status",
        "stay_in_touch", "snooze_until", "aliases", "tags", "note"]).encode() + b"\r\n"
    assert export(vault, "--format", "json").stdout_bytes == b"[]\n"
    assert export(vault, "--format", "vcf").stdout_bytes == b""


def test_every_address_of_a_contact_is_theirs(vault):
    vault.contact("Ana", "email: [ana@a.example, ana@b.example]\n")
    vault.contact("Ben", "email: 'ben@a.example; ben@b.example'\n")
    loaded = load_vault(vault.root, use_cache=False)
    assert loaded.contacts["Contacts/Ana.md"].emails == ("ana@a.example", "ana@b.example")
    assert loaded.contacts["Contacts/Ana.md"].email == "ana@a.example"  # drafts go to the first
    assert loaded.contacts["Contacts/Ben.md"].emails == ("ben@a.example", "ben@b.example")
    assert not [p for p in loaded.problems if "email" in p.message]  # a list of emails is no mistake


def test_a_line_break_inside_a_value_never_breaks_a_card(vault):
    vault.contact("Zoë", 'name: "Zoë\\u2028O\'Brien"\nrole: "line1\\r\\nline2"\ncompany: "A;B,C"\n'
                  'aliases: ["a,b", "c;d"]\n')
    data = export(vault, "--format", "vcf").stdout_bytes
    (person,), problems, _ = read_vcards(data, "contacts.vcf")  # splits lines as Python does, at U+2028 too
    assert problems == []
    assert (person.name, person.role, person.company) == ("Zoë O'Brien", "line1 line2", "A;B,C")
    (card,) = cards(data)
    assert [n.value for n in card.nickname_list] == ["a,b", "c;d"]


def test_an_import_matches_a_contact_by_any_of_their_addresses(vault, tmp_path):
    vault.contact("Ana Díaz", "email: [ana@work.example, ana@home.example]\n")
    vault.contact("Ben Okafor", "email: ben@work.example, ben@home.example\n")
    card = tmp_path / "phone.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana D\r\nEMAIL:ANA@home.example\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Benjamin O\r\nEMAIL:ben@home.example\r\nEND:VCARD\r\n")
    result = CliRunner().invoke(cli, ["import", "vcard", str(card), "--vault", str(vault.root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith(": 0 new, 2 already in the vault (2 by email), 0 skipped.")
