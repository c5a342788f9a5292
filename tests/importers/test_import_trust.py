"""`vaultkit import` reads what it is given with care: regular files of bounded size, Android's vCard 2.1."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.importers import export_file
from vaultkit.importers.linkedin_vcard import read_vcards

from ..conftest import tree_hashes

ROOT = Path(__file__).resolve().parents[2]
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def run(vault, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(vault.root)])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("kind", ["linkedin", "vcard"])
def test_a_named_pipe_is_refused_at_once_not_read_forever(vault, tmp_path, kind):
    fifo = tmp_path / "Connections.csv"
    os.mkfifo(fifo)
    before = tree_hashes(vault.root)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Nobody writes to the pipe: a reader that waits for one would hang until the timeout.
    done = subprocess.run([sys.executable, "-m", "vaultkit", "import", kind, str(fifo), "--vault", str(vault.root)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"Error: {fifo} is not a regular file (a named pipe)"), done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert tree_hashes(vault.root) == before


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_not_read_while_memory_grows(vault):
    before = tree_hashes(vault.root)
    result = run(vault, "import", "linkedin", "/dev/zero")
    assert result.exit_code == 1
    assert result.stderr == "Error: /dev/zero is not a regular file (a device); import the exported file itself\n"
    assert tree_hashes(vault.root) == before


def test_a_folder_is_refused(vault, tmp_path):
    (tmp_path / "export").mkdir()
    result = run(vault, "import", "vcard", str(tmp_path / "export"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'export'} is not a regular file (a folder); import the exported " \
                            "file itself\n"
    assert not (vault.root / "Contacts").exists()


def test_a_file_over_the_cap_is_refused_before_anything_is_written(vault, tmp_path, monkeypatch):
    exact = (HEADER + "Omar,Ali,u,,Woodgrove,,05 Nov 2023\r\n").encode()
    monkeypatch.setattr(export_file, "MAX_IMPORT_BYTES", len(exact))
    (tmp_path / "big.csv").write_bytes(exact + b"Lena,Fischer,u,,,,\r\n")
    result = run(vault, "import", "linkedin", str(tmp_path / "big.csv"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'big.csv'} is larger than {len(exact)} bytes, the most an "
                             "import reads; no export of contacts is that large: is it the right file?\n")
    assert not (vault.root / "Contacts").exists()
    (tmp_path / "exact.csv").write_bytes(exact)  # at the cap: read
    assert run(vault, "import", "linkedin", str(tmp_path / "exact.csv")).exit_code == 0
    assert (vault.root / "Contacts" / "Omar Ali.md").is_file()


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    """The size fstat gives is only where reading starts: more bytes than the cap are never taken."""
    monkeypatch.setattr(export_file, "MAX_IMPORT_BYTES", 10)
    path = tmp_path / "growing.csv"
    path.write_bytes(b"x" * 5)
    real_fstat = os.fstat

    def fstat_then_grow(fd):
        info = real_fstat(fd)
        path.write_bytes(b"x" * 50)  # written after the size was taken
        return info

    monkeypatch.setattr(export_file.os, "fstat", fstat_then_grow)
    with pytest.raises(export_file.VaultkitError, match="is larger than"):
        export_file.read_export(str(path))


def test_the_cap_is_stated_in_every_import_commands_help():
    cap = f"{export_file.MAX_IMPORT_BYTES // (1024 * 1024)} MB"
    for kind in ("linkedin", "vcard"):
        result = CliRunner().invoke(cli, ["import", kind, "--help"])
        assert "regular file" in result.output and cap in result.output, result.output


def android_qp(head: str, value: str) -> str:
    """A property as Android's contacts app writes vCard 2.1: every byte of each field `=XX`, the `;`
    between fields as it is, and a soft break (a line ending in `=`) before 76 columns, wherever it falls."""
    units = [";" if c == ";" else "".join(f"={b:02X}" for b in c.encode("utf-8")) for c in value]
    units = [u[i:i + 3] for u in units for i in range(0, len(u), 3)]  # =C3 and =89 may part at a break
    lines, line = [], head
    for unit in units:
        if len(line) + len(unit) > 74:
            lines.append(line + "=")
            line = ""
        line += unit
    return "\r\n".join([*lines, line])


def android_card(family: str, given: str, email: str) -> str:
    return "\r\n".join([
        "BEGIN:VCARD", "VERSION:2.1",
        android_qp("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", f"{family};{given};;;"),
        android_qp("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", f"{given} {family}"),
        "TEL;CELL;PREF:+33 6 12 34 56 78", f"EMAIL;HOME:{email}",
        "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=53=6F=63=69=C3=A9=74=C3=A9",
        "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsL",
        " HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIy", "", "END:VCARD", ""])


ANDROID = (android_card("Dupont-Lefebvre de la Tour d'Auvergne", "Hélène-Éléonore Marie Émilie", "eleonore@example.fr")
           + "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=A0ar=C4=8Di=C4=87;Ma=\r\n"
             "=C5=A1a;;;\r\nEND:VCARD\r\n"  # no FN: the name from N, joined across its soft break
           + android_card("Nguyễn", "Thị Minh Khai", "khai@example.vn"))


def test_android_vcard_2_1_long_accented_names_across_soft_breaks(vault, tmp_path):
    assert "=C3=\r\n=89" in ANDROID  # a soft break inside a character, between its two bytes
    people, problems, _ = read_vcards(ANDROID.encode("ascii"), "contacts.vcf")
    assert problems == []
    assert [p.name for p in people] == ["Hélène-Éléonore Marie Émilie Dupont-Lefebvre de la Tour d'Auvergne",
                                        "Maša Šarčić", "Thị Minh Khai Nguyễn"]
    assert people[0].company == "Société" and people[0].email == "eleonore@example.fr"
    assert people[0].phone == "+33 6 12 34 56 78"
    (tmp_path / "contacts.vcf").write_bytes(ANDROID.encode("ascii"))
    result = run(vault, "import", "vcard", str(tmp_path / "contacts.vcf"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith(": 3 new, 0 already in the vault, 0 skipped.")
    note = (vault.root / "Contacts" / "Maša Šarčić.md").read_text(encoding="utf-8")
    assert "Maša Šarčić" in note


def test_a_soft_break_before_end_vcard_does_not_swallow_the_end():
    card = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Omar=20Ali=\r\nEND:VCARD\r\n"
    people, problems, _ = read_vcards(card.encode(), "c.vcf")
    assert [p.name for p in people] == ["Omar Ali"] and problems == []
